"""Context that decides what a number is: a year, a date, a time of day, a phone or street number,
a score or a label ("Game 6", "S&P 500", "COVID-19"), or an age in apposition ("Jane Roe, 20,").

Split from :mod:`numbers` so the scanner stays small; every check looks at a bounded window.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import DETERMINERS, wordset
from .scan import Atom, Tok, age_after, glued, is_num, is_word, unit_after
from .units import MONTHS
from .words import NUMBER_WORDS

_TIME_WORDS = frozenset({"am", "pm", "a.m", "p.m", "gmt", "est", "edt", "pst", "pdt", "cst", "cdt", "bst"})
_STREET = frozenset(
    wordset("street st avenue ave road rd boulevard blvd drive dr lane ln way court ct place pl highway hwy "
    "parkway pkwy terrace circle creek trail trl loop ridge cove glen path crossing plaza pike square sq "
    "bend hollow run pass point pt")
)
#: Capitalised words that may precede a count without making it a label ("About 1,000 ...").
NOT_LABEL = frozenset(
    wordset("""and or but of in on at to
        for from by with about around some nearly almost roughly over
    under more less fewer than just only all there these those this that
    some another another each every approximately estimated least most up down another since after before
    during between among until till per as if when while where total including include includes
    nearly some scored won lost killed injured wounded about another another only about another
    it we they he she i you who which what why how then thus so also still yet even both either""") | DETERMINERS
)
_PHONEISH = 4
#: Shapes of numbers that are not quantities (times, phone and street numbers, counters).
_TIME_MAX_DIGITS = 5  # "1130 GMT" / "11.30 pm": a clock time before am/pm has at most five characters
_HOUR_DIGITS = 2  # "6-8 p.m.": each end of an hour range is one or two digits
_PHONE_MAX_TOKENS = 9  # three digit groups and their separators, with room to stop
_PHONE_GROUPS = (3, 4)  # digit groups of a phone number: 555-0134, 202-555-0134
_PHONE_FIRST_GROUP = 3  # an area code or exchange: three digits
_STREET_MIN_DIGITS = 3  # "6600 block", "3200 South": street numbers of fewer digits read as counts
_COUNTER_MAX = 1000  # "1 / 6": a slide counter's total is small
_STREET_NAME_REACH = 5  # words after the number where "Street", "Avenue" … must appear
#: Dates, years and ages.
_YEAR_DIGITS = 4
_FIRST_YEAR, _LAST_YEAR = 1000, 2099  # years a four-digit number may be
_MODERN_YEAR = 1800  # from here a four-digit number is a year by itself; earlier only after "in", "since" …
_DAY_DIGITS = 2  # a day or a month written in digits
_MAX_DAY = 31
_MONTHS_IN_YEAR = 12
_CENTURY = 100  # "2014-15": a season's second year is written modulo a century
_MONTH_ABBREVIATION = 4  # "Sept.": an abbreviated month before its full stop has four letters at most
_DATE_TOKENS = 5  # "15/2/2019": day, separator, month, separator, year
_YEAR_MONTH_TOKENS = 3  # "1995-01"
_MAX_AGE = 120  # "Missildine, 20, of Tyler": an age in an apposition is below this
_SCORE_DIGITS = 3  # "9-2": each side of a score has at most three digits
_SCORE_TOKENS = 3  # "9", "-", "2"
_SHORT_WORD = 3  # letters of a plural noun at least
_OLD_YEAR_BEFORE = frozenset({"in", "since", "d", "ad", "year", "until", "circa", "c", "and", "between"})
#: Words that may be hyphen-glued before a real number ("sub-7", "mid-2019", "minus-130").
_HYPHEN_PREFIX = frozenset(
    wordset("sub mid pre post minus negative over under around about "
        "nearly some late early the and to a an of now "
    "from by up its his her their our in at")
)
#: Nouns that name an item by number ("category 4", "chapter 11", "route 66").
_LABEL_NOUNS = frozenset(
    wordset("""category level phase stage grade chapter section
        article room gate flight route interstate highway
    game round season episode number version model type class division district ward precinct unit suite
    apartment lot row figure table item title bus line channel platform terminal track exit zip no
    image photo slide picture video page step part
    proposition amendment act bill sp ftse stoxx nasdaq nikkei dax cac russell asx tsx kospi""")
)


def is_year(toks: Sequence[Tok], lows: Sequence[str], a: Atom, is_int: bool) -> bool:
    t = toks[a.i]
    if not is_int or a.j != a.i + 1 or len(t.text) != _YEAR_DIGITS or not t.text.isdigit():
        return False
    v = a.value
    k = a.i - 1
    while k >= 0 and lows[k] == ".":
        k -= 1
    prev = lows[k] if k >= 0 else ""
    if _MODERN_YEAR <= v <= _LAST_YEAR:
        return True
    return _FIRST_YEAR <= v < _MODERN_YEAR and prev in _OLD_YEAR_BEFORE


_DIRECTIONS = wordset("north south east west")
_EMERGENCY = frozenset({"911", "999", "112", "000", "111"})
_CALL_WORDS = wordset("call calls caller callers called calling dial dialed dialled dispatcher dispatchers "
                      "operator operators center centre emergency")


def is_code(toks: Sequence[Tok], i: int) -> bool:
    """A number hyphen-glued to a word ("COVID-19", "V-6", "SCP-173"): part of a name or code."""
    if i < 2 or toks[i - 1].text not in ("-", "‑"):
        return False
    if not glued(toks, i - 1, i) or not glued(toks, i - 2, i - 1):
        return False
    p2 = toks[i - 2]
    if p2.low in ("k", "m", "bn", "b") and i - 2 > 0 and glued(toks, i - 2 - 1, i - 2) and is_num(toks[i - 2 - 1]):
        return False  # "5k-20k", "$3m-5m": a range of scaled amounts
    return is_word(p2) and p2.low not in _HYPHEN_PREFIX and p2.low not in NUMBER_WORDS


def is_label(toks: Sequence[Tok], lows: Sequence[str], a: Atom) -> bool:
    """A number naming a thing: "Game 6", "Section 427", "S&P 500", "COVID-19", "No. 1"."""
    i = a.i
    if i == 0:
        return False
    prev = toks[i - 1]
    if is_code(toks, i):
        return True
    if prev.low in _LABEL_NOUNS and prev.end < toks[i].start:
        return True
    if a.j < len(toks) and lows[a.j] == "zip":
        return True
    if prev.text == "." and i > 1 and lows[i - 2] in ("no", "nos", "vol", "art", "ch", "fig"):
        return True
    if prev.text == "#":
        return True
    if not is_word(prev) or prev.end == toks[i].start:
        return False
    if prev.low in NOT_LABEL or prev.low in MONTHS:
        return False
    if not any(c.isupper() for c in prev.text):
        return False
    if i > 1 and toks[i - 2].text in (".", "!", "?", "\u201c", '"') and prev.text[0].isupper() and (
        prev.text[1:].islower()
    ):
        return False  # a sentence-initial word, not a name
    # "Pfizer 2 percent" never reaches here (unit); a following count noun keeps it a count
    return a.j >= len(toks) or not (is_word(toks[a.j]) and toks[a.j].text.islower() and _plural(toks[a.j]))


def _plural(t: Tok) -> bool:
    return t.low.endswith("s") and len(t.low) > _SHORT_WORD and not t.low.endswith("ss")


def is_age_apposition(toks: Sequence[Tok], lows: Sequence[str], a: Atom, is_int: bool) -> bool:
    """ "Spc. Alexander Missildine, 20, of Tyler": a name, comma, a small number, comma."""
    i, j, n = a.i, a.j, len(toks)
    if not is_int or not 0 < a.value < _MAX_AGE or i < 2:
        return False
    closes = j < n and (toks[j].text in (",", ";") or (toks[j].text == "." and j + 1 == n))
    if toks[i - 1].text == "(" and j < n and toks[j].text == ")":
        k = i - 2  # "Richard Hallman (16)"
    elif toks[i - 1].text == "," and closes:
        k = i - 2  # "Jane Roe, 20, of", "and Jerome Butler, 50."
    elif toks[i - 1].text in _CLOSING_QUOTES and toks[i - 2].text == "," and closes:
        k = i - 3  # 'Clark, aka “Cheeto,” 26, of Detroit'
    else:
        return False
    if k >= 1 and toks[k].text == "." and toks[k - 1].low in ("jr", "sr"):
        k -= 1  # "Barry Adair Jr., 27,"
    if k < 0:
        return False
    name = toks[k]
    return is_word(name) and name.text[0].isupper() and name.low not in MONTHS and name.low not in NOT_LABEL


_CLOSING_QUOTES = frozenset({"”", '"', "’", "'"})


def not_quantity(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """Times ("5:55 AM", "2 p.m."), phone numbers, street numbers and scores, consumed silently."""
    for shape in (_time, _phone, _score, _street, _counter, _named_street, _emergency):
        atom = shape(toks, lows, i)
        if atom is not None:
            return atom
    return None


def _time(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "5:55", "2 p.m.", "6-8 p.m.", "9 to 11 am"."""
    n = len(toks)
    j = i + 1
    # hh:mm[:ss]
    clock = j + 1 < n and toks[j].text == ":" and glued(toks, i, j) and glued(toks, j, j + 1)
    if clock and is_num(toks[j + 1]):
        k = j + 2
        if k + 1 < n and toks[k].text == ":" and is_num(toks[k + 1]):
            k += 2
        return Atom(i, _time_tail(lows, k), 0.0, "time", emit=False)
    end = _time_tail(lows, j)
    if end > j and len(toks[i].text) <= _TIME_MAX_DIGITS:
        return Atom(i, end, 0.0, "time", emit=False)
    hour = len(toks[i].text) <= _HOUR_DIGITS
    if j + 1 < n and lows[j] in ("-", "–", "to") and hour and toks[j + 1].text.isdigit() and (
        len(toks[j + 1].text) <= _HOUR_DIGITS and _time_tail(lows, j + 2) > j + 2
    ):
        return Atom(i, _time_tail(lows, j + 2), 0.0, "time", emit=False)  # "6-8 p.m.", "9 to 11 am"
    return None


def _phone(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """Phone numbers: 3-3-4 or 3-4 digit groups joined by hyphens or dots."""
    n = len(toks)
    k = i
    groups = []
    while k < n and k - i < _PHONE_MAX_TOKENS and is_num(toks[k]) and toks[k].text.isdigit():
        groups.append(len(toks[k].text))
        joined = k + 2 < n and glued(toks, k, k + 1) and glued(toks, k + 1, k + 2)
        if joined and toks[k + 1].text in ("-", "."):
            k += 2
            continue
        break
    if len(groups) >= 2 and groups[-1] == _PHONEISH and all(g in _PHONE_GROUPS for g in groups) and (
        groups[0] == _PHONE_FIRST_GROUP
    ):
        return Atom(i, k + 1, 0.0, "phone", emit=False)
    return None


def _score(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    return Atom(i, i + _SCORE_TOKENS, 0.0, "score", emit=False) if _is_score(toks, lows, i) else None


def _street(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """Street numbers: "6600 block", "the 800-block of", "10000 41st Street"."""
    n = len(toks)
    j = i + 1
    long_number = toks[i].text.isdigit() and len(toks[i].text) >= _STREET_MIN_DIGITS
    if long_number and j < n and (
        lows[j] == "block" or (lows[j] in ("-", "‑") and j + 1 < n and lows[j + 1] == "block" and glued(toks, i, j))
    ):
        return Atom(i, j, 0.0, "address", emit=False)  # "the 6600 block", "the 800-block of"
    if long_number and j + 2 < n and toks[j].text.isdigit() and (
        lows[j + 1] in ("st", "nd", "rd", "th") and glued(toks, j, j + 1) and toks[j + 2].text[:1].isupper()
    ):
        return Atom(i, j, 0.0, "address", emit=False)  # "10000 41st Street"
    return None


def _counter(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "1 / 6 Back to Gallery": a slide counter."""
    n = len(toks)
    j = i + 1
    if j + 1 < n and toks[j].text == "/" and toks[i].text.isdigit() and toks[j + 1].text.isdigit() and (
        not glued(toks, i, j) and not glued(toks, j, j + 1)
        and 0 < int(toks[i].text) <= int(toks[j + 1].text) < _COUNTER_MAX
    ):
        return Atom(i, j + 2, 0.0, "counter", emit=False)
    return None


def _past_range(toks: Sequence[Tok], i: int) -> int:
    """The token after the number at ``i``, or after its range ("16-18 Industrial Avenue")."""
    n = len(toks)
    j = i + 1
    if j + 1 < n and toks[j].text in ("-", "–") and glued(toks, i, j) and toks[j + 1].text.isdigit():
        j += 2  # "16-18 Industrial Avenue"
    return j


def _named_street(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "300 South Tryon", "3200 South and 5100 West", "1600 Pennsylvania Avenue"."""
    n = len(toks)
    j = _past_range(toks, i)
    if not (toks[i].text.isdigit() and j < n and is_word(toks[j]) and toks[j].text[0].isupper()):
        return None
    if lows[j] in _DIRECTIONS and j + 1 < n and is_word(toks[j + 1]) and toks[j + 1].text[0].isupper() and not (
        lows[j + 1].endswith(("an", "ans", "ese", "ns"))
        or (j + 2 < n and is_word(toks[j + 2]) and toks[j + 2].text.islower() and _plural(toks[j + 2]))
    ):
        return Atom(i, j, 0.0, "address", emit=False)  # "300 South Tryon"; not "500 South Korean troops"
    if lows[j] in _DIRECTIONS and len(toks[i].text) >= _STREET_MIN_DIGITS and (
        j + 1 >= n or lows[j + 1] in (",", "and", ".", "&") or is_num(toks[j + 1])
    ):
        return Atom(i, j + 1, 0.0, "address", emit=False)  # "3200 South and 5100 West", "5800 South 53rd"
    for k in range(j + 1, min(n, j + _STREET_NAME_REACH)):
        if lows[k] in _STREET and toks[k].text[0].isupper():
            return Atom(i, j, 0.0, "address", emit=False)
    return None


def _emergency(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "a 911 call", "called 999"."""
    n = len(toks)
    j = _past_range(toks, i)
    if toks[i].text in _EMERGENCY and (
        (j < n and lows[j] in _CALL_WORDS) or (i > 0 and lows[i - 1] in _CALL_WORDS)
    ):
        return Atom(i, j, 0.0, "phone", emit=False)
    return None


def _is_score(toks: Sequence[Tok], lows: Sequence[str], i: int) -> bool:
    """ "2-0", "9-2": a smaller-or-equal second number after a hyphen, both small, no unit after."""
    n, j = len(toks), i + 1
    if not (j + 1 < n and toks[j].text in ("-", "–") and glued(toks, i, j) and glued(toks, j, j + 1)):
        return False
    a, b = toks[i].text, toks[j + 1].text
    if not (a.isdigit() and b.isdigit() and len(a) <= _SCORE_DIGITS and len(b) <= _SCORE_DIGITS and int(a) >= int(b)):
        return False
    if j + 2 < n and (lows[j + 2] == "-" or (is_word(toks[j + 2]) and glued(toks, j + 1, j + 2))):
        return False
    return unit_after(toks, j + 2) is None and age_after(toks, j + 2, lows) is None


def _time_tail(lows: Sequence[str], k: int) -> int:
    """Index after "am", "p.m.", "GMT" etc. at ``k`` (``k`` itself when there is none)."""
    n = len(lows)
    if k < n and lows[k] in ("am", "pm"):
        k += 1
    elif k + 2 < n and lows[k] in ("a", "p") and lows[k + 1] == "." and lows[k + 2] == "m":
        k += 3
        if k < n and lows[k] == ".":
            k += 1
    if k < n and lows[k] in _TIME_WORDS:
        k += 1
    return k


def date_at(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "Oct. 2, 2017", "January 2010", "Dec 20 2019", "9 May 2019", "15/2/2019"."""
    n = len(toks)
    w = lows[i]
    if w in MONTHS and is_word(toks[i]) and toks[i].text[0].isupper():
        if w == "may" and (i == 0 or toks[i - 1].text in (".", '"')):
            return None
        j = i + 1
        if j < n and toks[j].text == "." and len(w) <= _MONTH_ABBREVIATION:
            j += 1
        day = year = None
        if j < n and _day_tok(toks[j]) and 1 <= int(toks[j].text) <= _MAX_DAY:
            day = int(toks[j].text)
            j += 1
            if j < n and lows[j] in ("st", "nd", "rd", "th") and glued(toks, j - 1, j):
                j += 1
            if j + 1 < n and toks[j].text in ("-", "–") and _day_tok(toks[j + 1]):
                j += 2  # "Sept. 20-24"
            k = j + 1 if j < n and toks[j].text == "," else j
            if k < n and _year_tok(toks[k]):
                year = int(toks[k].text)
                j = k + 1
        elif j < n and _year_tok(toks[j]):
            year = int(toks[j].text)
            j += 1
        if day is None and year is None:
            return None
        value = float(year if year is not None else day or 0)
        return Atom(i, j, value, "date", unit="day" if year is None else None)
    if _day_tok(toks[i]) and i + 1 < n:
        j = i + 1
        if lows[j] in ("st", "nd", "rd", "th") and glued(toks, i, j):
            j += 1
            if j + 1 < n and lows[j] == "of":
                j += 1
        if j < n and lows[j] in MONTHS and toks[j].text[0].isupper() and 1 <= int(toks[i].text) <= _MAX_DAY:
            k = j + 1
            if k < n and toks[k].text == "." and len(lows[j]) <= _MONTH_ABBREVIATION:
                k += 1
            k2 = k + 1 if k < n and toks[k].text == "," else k
            if k2 < n and _year_tok(toks[k2]):
                return Atom(i, k2 + 1, float(toks[k2].text), "date")
            return Atom(i, k, float(toks[i].text), "date", unit="day")
    return _numeric_date(toks, i)


def _numeric_date(toks: Sequence[Tok], i: int) -> Atom | None:
    n = len(toks)
    end = i + _DATE_TOKENS  # "15/2/2019": three numbers and two separators
    if end - 1 < n and all(glued(toks, k, k + 1) for k in range(i, end - 1)):
        a, s1, b, s2, c = (toks[k].text for k in range(i, end))
        short_a, short_b, short_c = (len(x) <= _DAY_DIGITS for x in (a, b, c))
        if s1 == s2 and s1 in ("/", "-", ".") and a.isdigit() and b.isdigit() and c.isdigit():
            if len(c) == _YEAR_DIGITS and short_a and short_b:
                return Atom(i, end, float(c), "date")
            if len(a) == _YEAR_DIGITS and short_b and short_c and s1 != ".":
                return Atom(i, end, float(a), "date")
        if s1 == s2 and s1 in ("/", "-") and short_a and short_b and len(c) == _DAY_DIGITS and (
            a.isdigit() and b.isdigit() and c.isdigit() and 1 <= int(a) <= _MONTHS_IN_YEAR and 1 <= int(b) <= _MAX_DAY
        ):
            return Atom(i, end, float(b), "date", unit="day")  # "1-24-16", "3/5/17"
    if i + 2 < n and glued(toks, i, i + 1) and glued(toks, i + 1, i + 2) and toks[i + 1].text == "-":
        a, b = toks[i].text, toks[i + 2].text
        nxt = i + _YEAR_MONTH_TOKENS  # "1995-01": a year, a hyphen, a month
        runs_on = nxt < n and glued(toks, i + 2, nxt) and (is_num(toks[nxt]) or is_word(toks[nxt]))
        after_ok = not runs_on
        month = len(b) == _DAY_DIGITS and b.isdigit() and 1 <= int(b) <= _MONTHS_IN_YEAR
        # "1995-01" is a year and month; "2014-15" is a season, read as a range
        if _year_tok(toks[i]) and month and after_ok and int(b) != (int(a) + 1) % _CENTURY:
            return Atom(i, nxt, float(a), "date")
    return None


def _day_tok(t: Tok) -> bool:
    return t.text.isdigit() and len(t.text) <= _DAY_DIGITS


def _year_tok(t: Tok) -> bool:
    return t.text.isdigit() and len(t.text) == _YEAR_DIGITS and _FIRST_YEAR <= int(t.text) <= _LAST_YEAR
