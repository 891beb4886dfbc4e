"""Number mentions in news text: counts, money, percentages, measures, ages, years, dates, ordinals.

``find_quantities`` is the one entry point: it tokenizes once, scans single mentions (atoms,
:mod:`numbers_scan`), joins ranges ("between 2005 and 2011", "$3 billion to $5 billion") and
records hedges ("about", "some", "hundreds of") and bounds ("more than", "up to") so that
claims keep what the writer committed to. Times of day, phone numbers, street numbers, web
addresses, scores ("2-0") and labels ("Game 6", "S&P 500", "Galaxy S23", "COVID-19", "Boeing 737")
are recognised and dropped: they are not quantities (NewsQuant's gold agrees; its one "787
Dreamliner" is the exception). "5G" is kept as a measure with unit "G", as that gold counts it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from ...records import Quantity
from . import words as nw
from .context import (
    NOT_LABEL,
    date_at,
    is_age_apposition,
    is_code,
    is_label,
    is_year,
    not_quantity,
)
from .ranges import hedges, join_ranges, merge_bound_pairs
from .scan import (
    Atom,
    Core,
    Tok,
    age_after,
    currency_before,
    digit_core,
    glued,
    is_num,
    is_word,
    match_tuple,
    tokenize,
    unit_after,
    word_core,
)
from .units import (
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    MONTHS,
)

__all__ = ["find_quantities"]

_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL_LEFT = re.compile(r"[\w.+-]{1,64}$")
_EMAIL_RIGHT = re.compile(r"[\w-]{1,63}\.[\w.-]{1,190}")
#: Telephone numbers: "(305) 471-TIPS (8477)", "1-800-TBI-FIND", "713-222-TIPS", "1-800-706-2488",
#: "9-1-1". Their digits are never quantities.
_PHONE = re.compile(
    r"(?<![\w$.,/-])(?:"
    r"(?:1\s?[-.]\s?)?(?:\(\d{3}\)\s?|\d{3}(?:\s?[-.]\s?|\s))(?:\d{3}|[A-Z]{3,})\s?[-.]\s?"
    r"(?:\d{4}|[A-Z]{4,}(?:-[A-Z]{2,})?)(?:\s?\(\d{4}\))?"
    r"|1-8\d\d-[A-Za-z0-9]{2,}(?:-[A-Za-z0-9]{2,})*"
    r"|9-1-1"
    r")(?![\w])"
)
#: Every ASCII text holding a number mention matches (a digit, or a word starting like a number
#: word: "one", "tenfold", "dozens", "thirds", "half"); a cheap test before tokenising.
def _prefix_pattern(words: frozenset[str]) -> str:
    """A regex matching any of ``words`` as a prefix, nested by first letters (a trie), so that the
    engine tries one branch per position instead of every word."""
    if "" in words:
        return ""
    heads: dict[str, set[str]] = {}
    for w in words:
        heads.setdefault(w[0], set()).add(w[1:])
    return "(?:" + "|".join(re.escape(h) + _prefix_pattern(frozenset(rest)) for h, rest in sorted(heads.items())) + ")"


_MAYBE_NUMBER = re.compile(
    r"\d|\b" + _prefix_pattern(
        nw.NUMBER_WORDS | frozenset(nw.ORDINALS) | frozenset(nw.VAGUE) | nw.DOZENS | frozenset(nw.DENOMINATORS)
        | {"half", "quarter"}
    ),
    re.IGNORECASE,
)
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
_PAREN = re.compile(r"\s*[(\[]\s*(?:or\s+|about\s+|around\s+)?")


def find_quantities(text: str) -> list[Quantity]:
    """Every number mention in ``text``, in order, with ``text[q.start:q.end] == q.surface``."""
    if text.isascii() and _MAYBE_NUMBER.search(text) is None:
        return []  # no digit and no word a number could start with: most sentences of an article
    toks = _outside_urls(text, tokenize(text))
    lows = [t.low for t in toks]
    atoms = _scan(toks, lows)
    atoms = join_ranges(toks, lows, atoms)
    out: list[Quantity] = []
    for a in atoms:
        if not a.emit:
            continue
        approx, bound = hedges(toks, lows, a)
        prev = out[-1] if out else None
        if prev is not None and not (approx or bound) and _PAREN.fullmatch(text, prev.end, toks[a.i].start):
            approx, bound = prev.approximate, prev.bound  # "more than 100 km (60 miles)"
        start, end = toks[a.i].start, toks[a.j - 1].end
        out.append(
            Quantity(
                start=start, end=end, surface=text[start:end], value=a.value, kind=a.kind, unit=a.unit,
                approximate=approx or a.approximate, bound=bound, high=a.high,
            )
        )
    return merge_bound_pairs(text, out)


def _outside_urls(text: str, toks: list[Tok]) -> list[Tok]:
    """Drop the tokens of web and e-mail addresses and phone numbers: their digits are not quantities."""
    spans = [(m.start(), m.end()) for m in _URL.finditer(text)]
    if "-" in text or "(" in text:
        spans += [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    at = text.find("@")
    while at >= 0:
        left = _EMAIL_LEFT.search(text, max(0, at - _EMAIL_LOCAL_MAX), at)
        right = _EMAIL_RIGHT.match(text, at + 1)
        if left and right:
            spans.append((left.start(), right.end()))
        at = text.find("@", at + 1)
    spans.sort()
    if not spans:
        return toks
    out: list[Tok] = []
    k = 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k < len(spans) and spans[k][0] <= t.start < spans[k][1]:
            continue
        out.append(t)
    return out


# ----------------------------------------------------------------------------- scanning

def _scan(toks: Sequence[Tok], lows: Sequence[str]) -> list[Atom]:
    atoms: list[Atom] = []
    i = 0
    n = len(toks)
    while i < n:
        low = lows[i]
        if low not in _STARTERS and not low[0].isdigit() and not low.endswith("fold") and (
            len(low) != 1 or low.isalpha() or unicodedata.numeric(low, -1.0) < 0
        ):
            i += 1  # the test _atom_at starts with, without the call: most tokens are plain words
            continue
        if low in _ARTICLE_OR_POINT and i + 1 < n:
            nxt = lows[i + 1]
            if (nxt[0].isalpha() and nxt not in _AFTER_ARTICLE) or (low == "." and not nxt[0].isdigit()):
                i += 1  # "a man", "an hour", a full stop: no number starts here
                continue
        a = _atom_at(toks, lows, i)
        if a is None:
            i += 1
            continue
        atoms.append(a)
        i = max(a.j, i + 1)
    return atoms


_ARTICLE_OR_POINT = frozenset({"a", "an", "."})
#: Words after "a"/"an" that may make a number ("a hundred", "a dozen", "a third", "a half").
_AFTER_ARTICLE = (
    nw.NUMBER_WORDS | nw.DOZENS | frozenset(nw.DENOMINATORS) | frozenset(nw.ORDINALS) | frozenset(nw.VAGUE)
    | {"half", "halves", "quarter", "quarters"}
)
_FOLD = {**{w: float(v) for w, v in nw.UNITS.items() if v > 1}, **{w: float(v) for w, v in nw.TEENS.items()},
         **{w: float(v) for w, v in nw.TENS.items()}, "hundred": 100.0, "thousand": 1000.0}
_STARTERS = (
    frozenset(k[0] for k in CURRENCY_PREFIX) | frozenset(MONTHS) | nw.NUMBER_WORDS | frozenset(nw.ORDINALS)
    | frozenset(nw.VAGUE) | frozenset(nw.TENS) | {"a", "an", "half", "quarter", "minus", "negative", "."}
)



#: Facts of numbers and units, and limits of reading them.
_TEN = 10.0
_HUNDRED = 100.0
_THOUSAND = 1e3
_MILLION = 1e6
_CENTS_PER_UNIT = 100  # "5 dollars and 20 cents"
_INCHES_PER_FOOT = 12
_MIN_FEET, _MAX_FEET = 3, 8  # "5 feet 11": a person's height in feet
_INCH_DIGITS = 2  # "6-foot-1", "6’02": inches have one or two digits
_MAX_AGE = 130  # "aged 45": a human age is below this
_GROUP_DIGITS = 3  # "5 200 000": a thousands group (and a whole number before "1/4") has three digits
_MIXED_GAP = 3  # characters between "2" and "1/4" of a mixed number at most
_FRACTION_TOKENS = 3  # "1", "/", "4"
_SHORT_WORD = 3  # letters of a plural noun at least ("gas", "bus" are not plurals)
_EMAIL_LOCAL_MAX = 64  # characters of an e-mail address before its "@" (the RFC 5321 limit)

def _atom_at(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    t = toks[i]
    if lows[i].endswith("fold") and lows[i][: -len("fold")] in _FOLD:
        return Atom(i, i + 1, _FOLD[lows[i][: -len("fold")]], "count", unit="fold")  # "sixfold", "tenfold"
    if lows[i] not in _STARTERS and not is_num(t) and (len(t.text) != 1 or t.text.isalpha() or not (
        unicodedata.numeric(t.text, -1.0) >= 0
    )):
        return None
    date = date_at(toks, lows, i)
    if date is not None:
        return date
    money = currency_before(toks, i)
    if money is not None:
        code, k = money
        core = digit_core(toks, k, money=True)
        if core is not None:
            sign = -1.0 if toks[k - 1].text in ("-", "−") and k > i + 1 else 1.0
            atom = Atom(i, core.j, sign * core.value, "currency", code, scaled=core.scaled)
            return _after_money(toks, lows, atom)
    if is_num(t) or t.text == ".":
        return _digit_atom(toks, lows, i)
    if len(t.text) == 1 and unicodedata.numeric(t.text, -1.0) >= 0 and not t.text.isalpha():
        vulgar = Atom(i, i + 1, unicodedata.numeric(t.text), "count")  # "½", "¾"
        return _suffix(toks, lows, vulgar, is_int=False)
    if is_word(t):
        vague = _vague_at(toks, lows, i)
        if vague is not None:
            return vague
        return _word_atom(toks, lows, i)
    return None


def _after_money(toks: Sequence[Tok], lows: Sequence[str], a: Atom) -> Atom:
    """ "$76 US", "US $4.46 per share": the amount keeps its code; scale words already read."""
    j = a.j
    if j < len(toks) and lows[j] in ("us", "usd") and toks[j].start - toks[j - 1].end <= 1:
        return replace(a, j=j + 1)
    return a


def _digit_atom(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    t = toks[i]
    if i > 0 and glued(toks, i - 1, i) and (is_word(toks[i - 1]) or toks[i - 1].text in ("#", "/")):
        return None  # "S23", "ID.3", "#5": part of a name
    if t.text == "." and i > 0 and glued(toks, i - 1, i) and is_word(toks[i - 1]):
        return None
    if i > 1 and toks[i - 1].text == "." and glued(toks, i - 1, i) and glued(toks, i - 2, i - 1) and is_word(
        toks[i - 2]
    ) and any(c.isupper() for c in toks[i - 2].text[1:]):
        return None  # "ID.3", "v.2"
    skip = not_quantity(toks, lows, i)
    if skip is not None:
        return skip
    if t.text.isdigit() and i + 1 < len(toks) and lows[i + 1] in ("st", "nd", "rd", "th") and glued(
        toks, i, i + 1
    ):
        return Atom(i, i + 2, float(t.text), "ordinal")
    frac = _fraction_atom(toks, lows, i)
    if frac is not None:
        return frac
    core = digit_core(toks, i, money=False)
    if core is None:
        return None
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if nxt == "hundred" or nxt in nw.SCALES or nxt in nw.DOZENS:
        mixed = word_core(toks, i, lows)  # "4 thousand 3 hundred and 21", "3 dozens"
        if mixed is not None and mixed.j > core.j:
            core = mixed
    core = _space_grouped(toks, i, core)
    start = i
    value = core.value
    if start > 0 and toks[start - 1].text in ("-", "−") and glued(toks, start - 1, start) and (
        start < 2 or not glued(toks, start - 2, start - 1) or lows[start - 2] in ("minus", "negative")
    ):
        start -= 1
        value = -value
    elif (start > 1 and lows[start - 1] in ("minus", "negative")) or (
        start - 2 > 0 and lows[start - 2] in ("minus", "negative") and toks[start - 1].text == "-"
    ):
        value = -value
    atom = Atom(start, core.j, value, "count", scaled=core.scaled)
    return _suffix(toks, lows, atom, is_int=float(value).is_integer() and "." not in t.text)


def _fraction_value(toks: Sequence[Tok], i: int) -> float | None:
    """ "3/4" at ``i``: a proper fraction with a usual denominator (not a date, not "24/7")."""
    n = len(toks)
    if not (i + 2 < n and toks[i + 1].text == "/" and glued(toks, i, i + 1) and glued(toks, i + 1, i + 2)):
        return None
    a, b = toks[i].text, toks[i + 2].text
    if not (a.isdigit() and b.isdigit()) or int(b) not in _FRACTION_DENOMINATORS or not 0 < int(a) < int(b):
        return None
    after = i + _FRACTION_TOKENS  # "1/4/2016" is a date, not a fraction
    if after < n and toks[after].text == "/" and glued(toks, i + 2, after):
        return None
    return int(a) / int(b)


def _digit_fraction(toks: Sequence[Tok], i: int) -> Atom | None:
    value = _fraction_value(toks, i)
    if value is None:
        return None
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.text.isdigit() and len(prev.text) <= _GROUP_DIGITS and (
            toks[i].start - prev.end <= _MIXED_GAP):
        return None  # part of a mixed number ("2 1/4"), read from the whole number
    return Atom(i, i + _FRACTION_TOKENS, value, "count")


def _fraction_atom(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """A digit fraction with what follows it ("1/4 mile", "3/4 cup")."""
    frac = _digit_fraction(toks, i)
    return _suffix(toks, lows, frac, is_int=False) if frac is not None else None


def _mixed_fraction(toks: Sequence[Tok], i: int, core: Core) -> Core:
    """ "2 1/4" = 2.25: a whole number followed by a proper fraction."""
    j = core.j
    if core.scaled != 1.0 or j != i + 1 or not toks[i].text.isdigit() or j >= len(toks):
        return core
    if not 0 < toks[j].start - toks[j - 1].end <= _MIXED_GAP:
        return core
    frac = _fraction_value(toks, j)
    return Core(core.value + frac, j + _FRACTION_TOKENS) if frac is not None else core


def _space_grouped(toks: Sequence[Tok], i: int, core: Core) -> Core:
    """ "1 234 567", "40 000": thousands separated by single spaces (groups of exactly three)."""
    core = _mixed_fraction(toks, i, core)
    t = toks[i]
    if core.j != i + 1 or not t.text.isdigit() or len(t.text) > _GROUP_DIGITS or (i > 0 and is_num(toks[i - 1])):
        return core
    k = i + 1
    digits = t.text
    while k < len(toks) and len(toks[k].text) == _GROUP_DIGITS and toks[k].text.isdigit() and (
        toks[k].start - toks[k - 1].end == 1
    ) and not (k + 1 < len(toks) and glued(toks, k, k + 1) and is_num(toks[k + 1])):
        digits += toks[k].text
        k += 1
    if k == i + 1 or (k < len(toks) and is_num(toks[k]) and toks[k].start - toks[k - 1].end == 1):
        return core
    return Core(float(digits), k)


def _height(toks: Sequence[Tok], lows: Sequence[str], a: Atom, k: int) -> Atom:
    """The inches after feet ("5 feet 11", "6-foot-1", "5'10\""): one height in feet."""
    n = len(toks)
    m = k + 1 if k < n and toks[k].text in ("-", "'", "’") and glued(toks, k - 1, k) else k
    inches = toks[m].text if m < n else ""
    if not inches.isdigit() or len(inches) > _INCH_DIGITS or int(inches) >= _INCHES_PER_FOOT:
        return a
    if not a.value.is_integer() or not _MIN_FEET <= a.value <= _MAX_FEET or toks[m].start - toks[m - 1].end > 1:
        return a  # a person's height; "200 feet 3 times" is not one
    end = m + 1
    if end < n and lows[end] in ("inches", "inch", "in", '"', "”", "''") and toks[end].start - toks[end - 1].end <= 1:
        end += 1
    return replace(a, j=end, value=a.value + int(toks[m].text) / 12)


_MILLION_CODES = {"musd": "USD", "meur": "EUR", "mgbp": "GBP", "mchf": "CHF", "msek": "SEK", "mnok": "NOK",
                  "mdkk": "DKK", "mcad": "CAD", "maud": "AUD", "mjpy": "JPY"}
_CENTS = frozenset({"cents", "cent"})


def _money_tail(toks: Sequence[Tok], lows: Sequence[str], a: Atom) -> Atom:
    """After "75 USD": a scale word ("75 USD million") or the cents ("3 dollars 50 cents",
    "thirteen dollars and forty-five cents")."""
    j, n = a.j, len(toks)
    if j < n and lows[j] in ("million", "billion", "trillion") and a.scaled == 1.0 and (
        a.unit is not None and a.unit.isupper()
    ):
        f = nw.SCALES[lows[j]]
        return replace(a, j=j + 1, value=a.value * f, scaled=f)
    if a.unit in ("USD-cent", "GBP-pence") or a.value != int(a.value) or a.scaled != 1.0:
        return a
    k = j + 1 if j < n and lows[j] == "and" else j
    if k >= n:
        return a
    core = digit_core(toks, k, money=False) if toks[k].text.isdigit() else word_core(toks, k, lows)
    if core is None or not 0 < core.value < _CENTS_PER_UNIT or core.j >= n or lows[core.j] not in _CENTS:
        return a
    return replace(a, j=core.j + 1, value=a.value + core.value / 100)


def _word_atom(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    if i > 0 and glued(toks, i - 1, i) and is_word(toks[i - 1]):
        return None
    ordinal = nw.parse_ordinal(lows, i)
    if ordinal is not None and not _is_fraction_context(lows, i):
        if lows[i] == "second" and i > 0 and is_num(toks[i - 1]):
            return None
        return Atom(i, ordinal.end, ordinal.value, "ordinal")
    if toks[i].text[0].isupper() and i > 0 and is_word(toks[i - 1]) and toks[i - 1].text[0].isupper() and (
        toks[i - 1].low not in NOT_LABEL
    ):
        return None  # "Kick Six", "BBC One": part of a name
    sign = 1.0
    start = i
    if lows[i] in ("minus", "negative") and i + 1 < len(lows):
        k = i + 2 if lows[i + 1] in ("-",) else i + 1
        if k < len(lows) and is_num(toks[k]):
            return None  # the digit atom reads its own sign
        sign, i = -1.0, k
        if i >= len(lows) or not is_word(toks[i]):
            return None
    core = word_core(toks, i, lows)
    if core is None:
        return None
    if lows[i] in ("a", "an") and core.j == i + 1:
        return None
    compound = _compound_ordinal(toks, lows, core, start)
    if compound is not None and sign > 0:
        return compound
    atom = Atom(start, core.j, sign * core.value, "count", scaled=core.scaled)
    return _suffix(toks, lows, atom, is_int=float(core.value).is_integer())


def _compound_ordinal(toks: Sequence[Tok], lows: Sequence[str], core: Core, start: int) -> Atom | None:
    """ "two hundredth" (200th), "one hundred twenty fifth", "one hundred twenty-fifth" (125th): a
    cardinal run on by an ordinal word. Not before a plural ("two hundred fifth graders") and not
    when glued on ("fifth-graders")."""
    j, n = core.j, len(toks)
    if j >= n or not core.words or not _close_to(toks, j) or not float(core.value).is_integer():
        return None
    o = nw.parse_ordinal(lows, j)
    big = {"hundredth": 100, "thousandth": 1000}.get(lows[j])  # "two millionth" reads as a fraction too
    if o is None and big is None:
        return None
    end = o.end if o is not None else j + 1
    if end < n and (glued(toks, end - 1, end) or (is_word(toks[end]) and _plural_word(lows[end]))):
        return None
    if big is not None:
        if core.value < 2 or (end < n and lows[end] == "of"):
            return None  # "one hundredth of a second" is a fraction
        return Atom(start, end, core.value * big, "ordinal")
    assert o is not None
    step = _HUNDRED if core.value % _HUNDRED == 0 else _TEN if core.value % _TEN == 0 else 0
    if not step or core.value < _HUNDRED or o.value >= step:
        return None
    return Atom(start, end, core.value + o.value, "ordinal")


def _close_to(toks: Sequence[Tok], j: int) -> bool:
    return toks[j].start - toks[j - 1].end <= 1


def _plural_word(low: str) -> bool:
    return len(low) > _SHORT_WORD and low.endswith("s") and not low.endswith("ss")


def _is_fraction_context(lows: Sequence[str], i: int) -> bool:
    """ "a third of", "one-third" read as fractions, not ordinals."""
    return i > 0 and lows[i - 1] in ("a", "one", "-") and lows[i] in nw.DENOMINATORS


def _vague_at(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "hundreds of", "tens of thousands of", "dozens": approximate, value..10x value."""
    w = lows[i]
    if w not in nw.VAGUE:
        return None
    value = nw.VAGUE[w]
    j = i + 1
    if j + 1 < len(lows) and lows[j] == "of" and lows[j + 1] in nw.VAGUE and nw.VAGUE[lows[j + 1]] >= _THOUSAND:
        value *= nw.VAGUE[lows[j + 1]]
        j += 2
    if w == "tens" and value == _TEN:
        return None  # "tens" alone is rarely a number in news
    if j < len(lows) and lows[j] != "of" and w in ("scores", "tens"):
        return None
    money = match_tuple(toks, j + 1, CURRENCY_SUFFIX) if j < len(lows) and lows[j] == "of" else None
    if money is not None:  # "billions of dollars"
        return Atom(i, money[1], value, "currency", money[0], approximate=True, high=value * 10)
    return Atom(i, j, value, "count", approximate=True, high=value * 10)


def _suffix(toks: Sequence[Tok], lows: Sequence[str], a: Atom, is_int: bool) -> Atom | None:
    """Attach what follows the number: age, percent, currency name, unit; or decide year/label."""
    j = a.j
    age_end = age_after(toks, j, lows)
    if age_end is not None:
        unit = "months" if "month" in lows[j:age_end] or "months" in lows[j:age_end] else "years"
        return replace(a, j=age_end, kind="age", unit=unit)
    if is_code(toks, a.i):
        return replace(a, kind="label", emit=False)
    if j + 1 < len(toks) and toks[j].text == "-" and glued(toks, j - 1, j) and glued(toks, j, j + 1) and (
        is_word(toks[j + 1]) and toks[j + 1].text[0].isupper() and unit_after(toks, j) is None
    ):
        return replace(a, j=j + 2, kind="label", emit=False)  # "7-Eleven", "3-D"
    u = unit_after(toks, j)
    if u is not None and toks[a.i].text[0].isupper() and is_word(toks[a.i]) and toks[j].text[0].isupper():
        return replace(a, kind="label", emit=False)  # "Seven Mile Road", "Eight Mile"
    if u is not None:
        kind, unit, k = u
        if kind == "measure" and unit in ("year",) and k < len(lows) and lows[k] == "old":
            return replace(a, j=k + 1, kind="age", unit="years")
        if kind == "measure" and unit == "pound" and a.scaled >= _MILLION:
            kind, unit = "currency", "GBP"  # "361 million pounds" is money, "200 pounds" a weight
        if kind == "currency":
            return _money_tail(toks, lows, replace(a, j=k, kind=kind, unit=unit))
        if unit == "foot":
            return _height(toks, lows, replace(a, j=k, kind=kind, unit=unit), k)
        return replace(a, j=k, kind=kind, unit=unit)
    if j + 1 < len(toks) and toks[j].text in ("'", "’") and glued(toks, j - 1, j) and glued(toks, j, j + 1) and (
        is_int and _MIN_FEET <= a.value <= _MAX_FEET and toks[j + 1].text.isdigit()
        and int(toks[j + 1].text) < _INCHES_PER_FOOT
    ):
        return _height(toks, lows, replace(a, kind="measure", unit="foot"), j)  # "5'10", "6’02"
    million = _MILLION_CODES.get(lows[j]) if j < len(lows) and toks[j].start - toks[j - 1].end <= 1 else None
    if million is not None and a.scaled == 1.0:
        # "30 MUSD"
        return replace(a, j=j + 1, kind="currency", unit=million, value=a.value * _MILLION, scaled=_MILLION)
    if a.i > 0 and lows[a.i - 1] in ("aged", "age", "ages") and is_int and 0 < a.value < _MAX_AGE:
        return replace(a, kind="age", unit="years")  # "aged 45", "men aged 18 to 34"
    if is_num(toks[a.i if lows[a.i] != "-" else a.i + 1]):
        if is_year(toks, lows, a, is_int):
            return replace(a, kind="year")
        if is_label(toks, lows, a):
            j = a.j
            while j + 1 < len(toks) and toks[j].text in ("-", "‑", ".") and glued(toks, j - 1, j) and glued(
                toks, j, j + 1
            ) and (is_num(toks[j + 1]) or is_word(toks[j + 1])):
                j += 2  # "ISO 3888-2", "Section 4.2"
            if j + 1 < len(toks) and lows[j] == "of" and is_num(toks[j + 1]):
                j += 2  # "Image 1 of 16"
            return replace(a, j=j, kind="label", emit=False)
        if is_age_apposition(toks, lows, a, is_int):
            return replace(a, kind="age", unit="years")
    return a
