"""Number mentions in news text: counts, money, percentages, measures, ages, years, dates, ordinals.

``find_quantities`` is the one entry point: it tokenizes once, scans single mentions (atoms,
:mod:`numbers_scan`), joins ranges ("between 2005 and 2011", "$3 billion to $5 billion") and
records hedges ("about", "some", "hundreds of") and bounds ("more than", "up to") so that
claims keep what the writer committed to. Times of day, phone numbers, street numbers and
labels ("Game 6", "S&P 500", "Galaxy S23") are recognised and dropped: they are not quantities.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..records import Quantity
from . import number_words as nw
from .number_words import wordset
from .numbers_scan import (
    Atom,
    Core,
    Tok,
    age_after,
    currency_before,
    digit_core,
    glued,
    is_num,
    is_word,
    tokenize,
    unit_after,
    word_core,
)
from .numbers_units import (
    APPROX_AFTER,
    APPROX_BEFORE,
    BOUND_AFTER,
    BOUND_BEFORE,
    CURRENCY_PREFIX,
    MONTHS,
)

__all__ = ["find_quantities"]

_TIME_WORDS = frozenset({"am", "pm", "a.m", "p.m", "gmt", "est", "edt", "pst", "pdt", "cst", "cdt", "bst"})
_STREET = frozenset(
    wordset("street st avenue ave road rd boulevard blvd drive dr lane ln way court ct place pl highway hwy "
    "parkway pkwy terrace circle")
)
#: Capitalised words that may precede a count without making it a label ("About 1,000 ...").
_NOT_LABEL = frozenset(
    wordset("""the a an and or but of in on at to
        for from by with about around some nearly almost roughly over
    under more less fewer than just only all its their his her our my your there these those this that
    some another another each every approximately estimated least most up down another since after before
    during between among until till per as if when while where total including include includes
    nearly some scored won lost killed injured wounded about another another only about another
    it we they he she i you who which what why how then thus so also still yet even both either""")
)
_PHONEISH = 4
_OLD_YEAR_BEFORE = frozenset({"in", "since", "d", "ad", "year", "until", "circa", "c", "and", "between"})
_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL_LEFT = re.compile(r"[\w.+-]{1,64}$")
_EMAIL_RIGHT = re.compile(r"[\w-]{1,63}\.[\w.-]{1,190}")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
_PAREN = re.compile(r"\s*[(\[]\s*(?:or\s+|about\s+|around\s+)?")
#: Words that may be hyphen-glued before a real number ("sub-7", "mid-2019", "minus-130").
_HYPHEN_PREFIX = frozenset(
    wordset("sub mid pre post minus negative over under around about "
        "nearly some late early the and to a an of "
    "from by up its his her their our in at")
)
#: Nouns that name an item by number ("category 4", "chapter 11", "route 66").
_LABEL_NOUNS = frozenset(
    wordset("""category level phase stage grade chapter section
        article room gate flight route interstate highway
    game round season episode number version model type class division district ward precinct unit suite
    apartment lot row figure table item title bus line channel platform terminal track exit zip no
    proposition amendment act bill""")
)


def find_quantities(text: str) -> list[Quantity]:
    """Every number mention in ``text``, in order, with ``text[q.start:q.end] == q.surface``."""
    toks = _outside_urls(text, tokenize(text))
    lows = [t.low for t in toks]
    atoms = _scan(toks, lows)
    atoms = _join_ranges(toks, lows, atoms)
    out: list[Quantity] = []
    for a in atoms:
        if not a.emit:
            continue
        approx, bound = _hedges(toks, lows, a)
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
    return out


def _outside_urls(text: str, toks: list[Tok]) -> list[Tok]:
    """Drop the tokens of web addresses and e-mail addresses: their digits are not quantities."""
    spans = [(m.start(), m.end()) for m in _URL.finditer(text)]
    at = text.find("@")
    while at >= 0:
        left = _EMAIL_LEFT.search(text, max(0, at - 64), at)
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
        a = _atom_at(toks, lows, i)
        if a is None:
            i += 1
            continue
        atoms.append(a)
        i = max(a.j, i + 1)
    return atoms


_STARTERS = (
    frozenset(k[0] for k in CURRENCY_PREFIX) | frozenset(MONTHS) | nw.NUMBER_WORDS | frozenset(nw.ORDINALS)
    | frozenset(nw.VAGUE) | frozenset(nw.TENS) | {"a", "an", "half", "quarter", "minus", "negative", "."}
)


def _atom_at(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    t = toks[i]
    if lows[i] not in _STARTERS and not is_num(t) and (len(t.text) != 1 or t.text.isalpha() or not (
        unicodedata.numeric(t.text, -1.0) >= 0
    )):
        return None
    date = _date_at(toks, lows, i)
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
        return Atom(i, i + 1, unicodedata.numeric(t.text), "count")  # "½", "¾"
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
    skip = _not_quantity(toks, lows, i)
    if skip is not None:
        return skip
    if t.text.isdigit() and i + 1 < len(toks) and lows[i + 1] in ("st", "nd", "rd", "th") and glued(
        toks, i, i + 1
    ):
        return Atom(i, i + 2, float(t.text), "ordinal")
    frac = _digit_fraction(toks, i)
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
        start > 2 and lows[start - 2] in ("minus", "negative") and toks[start - 1].text == "-"
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
    if i + 3 < n and toks[i + 3].text == "/" and glued(toks, i + 2, i + 3):
        return None
    return int(a) / int(b)


def _digit_fraction(toks: Sequence[Tok], i: int) -> Atom | None:
    value = _fraction_value(toks, i)
    if value is None:
        return None
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.text.isdigit() and len(prev.text) <= 3 and toks[i].start - prev.end <= 3:
        return None  # part of a mixed number ("2 1/4"), read from the whole number
    return Atom(i, i + 3, value, "count")


def _mixed_fraction(toks: Sequence[Tok], i: int, core: Core) -> Core:
    """ "2 1/4" = 2.25: a whole number followed by a proper fraction."""
    j = core.j
    if core.scaled != 1.0 or j != i + 1 or not toks[i].text.isdigit() or j >= len(toks):
        return core
    if not 0 < toks[j].start - toks[j - 1].end <= 3:
        return core
    frac = _fraction_value(toks, j)
    return Core(core.value + frac, j + 3) if frac is not None else core


def _space_grouped(toks: Sequence[Tok], i: int, core: Core) -> Core:
    """ "1 234 567", "40 000": thousands separated by single spaces (groups of exactly three)."""
    core = _mixed_fraction(toks, i, core)
    t = toks[i]
    if core.j != i + 1 or not t.text.isdigit() or len(t.text) > 3 or (i > 0 and is_num(toks[i - 1])):
        return core
    k = i + 1
    digits = t.text
    while k < len(toks) and len(toks[k].text) == 3 and toks[k].text.isdigit() and (
        toks[k].start - toks[k - 1].end == 1
    ) and not (k + 1 < len(toks) and glued(toks, k, k + 1) and is_num(toks[k + 1])):
        digits += toks[k].text
        k += 1
    if k == i + 1 or (k < len(toks) and is_num(toks[k]) and toks[k].start - toks[k - 1].end == 1):
        return core
    return Core(float(digits), k)


def _word_atom(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    if i > 0 and glued(toks, i - 1, i) and is_word(toks[i - 1]):
        return None
    ordinal = nw.parse_ordinal(lows, i)
    if ordinal is not None and not _is_fraction_context(lows, i):
        if lows[i] == "second" and i > 0 and is_num(toks[i - 1]):
            return None
        return Atom(i, ordinal.end, ordinal.value, "ordinal")
    if toks[i].text[0].isupper() and i > 0 and is_word(toks[i - 1]) and toks[i - 1].text[0].isupper() and (
        toks[i - 1].low not in _NOT_LABEL
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
    atom = Atom(start, core.j, sign * core.value, "count", scaled=core.scaled)
    return _suffix(toks, lows, atom, is_int=float(core.value).is_integer())


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
    if j + 1 < len(lows) and lows[j] == "of" and lows[j + 1] in nw.VAGUE and nw.VAGUE[lows[j + 1]] >= 1e3:
        value *= nw.VAGUE[lows[j + 1]]
        j += 2
    if w == "tens" and value == 10.0:
        return None  # "tens" alone is rarely a number in news
    if j < len(lows) and lows[j] != "of" and w in ("scores", "tens"):
        return None
    return Atom(i, j, value, "count", approximate=True, high=value * 10)


def _suffix(toks: Sequence[Tok], lows: Sequence[str], a: Atom, is_int: bool) -> Atom | None:
    """Attach what follows the number: age, percent, currency name, unit; or decide year/label."""
    j = a.j
    age_end = age_after(toks, j, lows)
    if age_end is not None:
        unit = "months" if "month" in lows[j:age_end] or "months" in lows[j:age_end] else "years"
        return replace(a, j=age_end, kind="age", unit=unit)
    u = unit_after(toks, j)
    if u is not None:
        kind, unit, k = u
        if kind == "measure" and unit in ("year",) and k < len(lows) and lows[k] == "old":
            return replace(a, j=k + 1, kind="age", unit="years")
        return replace(a, j=k, kind=kind, unit=unit)
    if is_num(toks[a.i if lows[a.i] != "-" else a.i + 1]):
        if _is_year(toks, lows, a, is_int):
            return replace(a, kind="year")
        if _is_label(toks, lows, a):
            j = a.j
            while j + 1 < len(toks) and toks[j].text in ("-", "‑", ".") and glued(toks, j - 1, j) and glued(
                toks, j, j + 1
            ) and (is_num(toks[j + 1]) or is_word(toks[j + 1])):
                j += 2  # "ISO 3888-2", "Section 4.2"
            return replace(a, j=j, kind="label", emit=False)
        if _is_age_apposition(toks, lows, a, is_int):
            return replace(a, kind="age", unit="years")
    return a


def _is_year(toks: Sequence[Tok], lows: Sequence[str], a: Atom, is_int: bool) -> bool:
    t = toks[a.i]
    if not is_int or a.j != a.i + 1 or len(t.text) != 4 or not t.text.isdigit():
        return False
    v = a.value
    k = a.i - 1
    while k >= 0 and lows[k] == ".":
        k -= 1
    prev = lows[k] if k >= 0 else ""
    if 1800 <= v <= 2099:
        return True
    return 1000 <= v < 1800 and prev in _OLD_YEAR_BEFORE


def _is_label(toks: Sequence[Tok], lows: Sequence[str], a: Atom) -> bool:
    """A number naming a thing: "Game 6", "Section 427", "S&P 500", "COVID-19", "No. 1"."""
    i = a.i
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.text in ("-", "‑") and glued(toks, i - 1, i) and i > 1 and glued(toks, i - 2, i - 1):
        p2 = toks[i - 2]
        return is_word(p2) and p2.low not in _HYPHEN_PREFIX
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
    if prev.low in _NOT_LABEL or prev.low in MONTHS:
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
    return t.low.endswith("s") and len(t.low) > 3 and not t.low.endswith("ss")


def _is_age_apposition(toks: Sequence[Tok], lows: Sequence[str], a: Atom, is_int: bool) -> bool:
    """ "Spc. Alexander Missildine, 20, of Tyler": a name, comma, a small number, comma."""
    i = a.i
    if not is_int or not 0 < a.value < 120 or i < 2 or a.j >= len(toks):
        return False
    if toks[i - 1].text != "," or toks[a.j].text not in (",", ")", ";"):
        return False
    name = toks[i - 2]
    return is_word(name) and name.text[0].isupper() and name.low not in MONTHS


def _not_quantity(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """Times ("5:55 AM", "2 p.m."), phone numbers, street numbers and scores, consumed silently."""
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
    if end > j and len(toks[i].text) <= 5:
        return Atom(i, end, 0.0, "time", emit=False)
    # phone numbers: 3-3-4 or 3-4 digit groups joined by hyphens or dots
    k = i
    groups = []
    while k < n and k - i < 9 and is_num(toks[k]) and toks[k].text.isdigit():
        groups.append(len(toks[k].text))
        joined = k + 2 < n and glued(toks, k, k + 1) and glued(toks, k + 1, k + 2)
        if joined and toks[k + 1].text in ("-", "."):
            k += 2
            continue
        break
    if len(groups) >= 2 and groups[-1] == _PHONEISH and all(g in (3, 4) for g in groups) and groups[0] == 3:
        return Atom(i, k + 1, 0.0, "phone", emit=False)
    if _is_score(toks, lows, i):
        return Atom(i, j + 2, 0.0, "score", emit=False)
    # street numbers: "6600 block", "1600 Pennsylvania Avenue"
    if j < n and lows[j] == "block" and toks[i].text.isdigit() and len(toks[i].text) >= 3:
        return Atom(i, j, 0.0, "address", emit=False)
    if j + 1 < n and toks[j].text in ("-", "–") and glued(toks, i, j) and toks[j + 1].text.isdigit():
        j += 2  # "16-18 Industrial Avenue"
    if toks[i].text.isdigit() and j < n and is_word(toks[j]) and toks[j].text[0].isupper():
        for k in range(j + 1, min(n, j + 4)):
            if lows[k] in _STREET and toks[k].text[0].isupper():
                return Atom(i, j, 0.0, "address", emit=False)
    return None


def _is_score(toks: Sequence[Tok], lows: Sequence[str], i: int) -> bool:
    """ "2-0", "9-2": a smaller-or-equal second number after a hyphen, both small, no unit after."""
    n, j = len(toks), i + 1
    if not (j + 1 < n and toks[j].text in ("-", "–") and glued(toks, i, j) and glued(toks, j, j + 1)):
        return False
    a, b = toks[i].text, toks[j + 1].text
    if not (a.isdigit() and b.isdigit() and len(a) <= 3 and len(b) <= 3 and int(a) >= int(b)):
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


def _date_at(toks: Sequence[Tok], lows: Sequence[str], i: int) -> Atom | None:
    """ "Oct. 2, 2017", "January 2010", "Dec 20 2019", "9 May 2019", "15/2/2019"."""
    n = len(toks)
    w = lows[i]
    if w in MONTHS and is_word(toks[i]) and toks[i].text[0].isupper():
        if w == "may" and (i == 0 or toks[i - 1].text in (".", '"')):
            return None
        j = i + 1
        if j < n and toks[j].text == "." and len(w) <= 4:
            j += 1
        day = year = None
        if j < n and toks[j].text.isdigit() and len(toks[j].text) <= 2 and 1 <= int(toks[j].text) <= 31:
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
    if toks[i].text.isdigit() and len(toks[i].text) <= 2 and i + 1 < n:
        j = i + 1
        if lows[j] in ("st", "nd", "rd", "th") and glued(toks, i, j):
            j += 1
            if j + 1 < n and lows[j] == "of":
                j += 1
        if j < n and lows[j] in MONTHS and toks[j].text[0].isupper() and 1 <= int(toks[i].text) <= 31:
            k = j + 1
            if k < n and toks[k].text == "." and len(lows[j]) <= 4:
                k += 1
            k2 = k + 1 if k < n and toks[k].text == "," else k
            if k2 < n and _year_tok(toks[k2]):
                return Atom(i, k2 + 1, float(toks[k2].text), "date")
            return Atom(i, k, float(toks[i].text), "date", unit="day")
    return _numeric_date(toks, i)


def _numeric_date(toks: Sequence[Tok], i: int) -> Atom | None:
    n = len(toks)
    if i + 4 < n and all(glued(toks, k, k + 1) for k in range(i, i + 4)):
        a, s1, b, s2, c = (toks[k].text for k in range(i, i + 5))
        if s1 == s2 and s1 in ("/", "-", ".") and a.isdigit() and b.isdigit() and c.isdigit():
            if len(c) == 4 and len(a) <= 2 and len(b) <= 2:
                return Atom(i, i + 5, float(c), "date")
            if len(a) == 4 and len(b) <= 2 and len(c) <= 2 and s1 != ".":
                return Atom(i, i + 5, float(a), "date")
    return None


def _day_tok(t: Tok) -> bool:
    return t.text.isdigit() and len(t.text) <= 2


def _year_tok(t: Tok) -> bool:
    return t.text.isdigit() and len(t.text) == 4 and 1000 <= int(t.text) <= 2099


# ----------------------------------------------------------------------------- ranges and hedges

_RANGE_JOIN = frozenset({"to", "-", "–", "—", "‐", "and", "through", "thru"})


def _join_ranges(toks: Sequence[Tok], lows: Sequence[str], atoms: list[Atom]) -> list[Atom]:
    """Join "A to B", "A-B", "between A and B" (ascending, compatible kinds) into one range atom."""
    out: list[Atom] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        if k + 1 < len(atoms) and a.emit and atoms[k + 1].emit:
            b = atoms[k + 1]
            joined = _range(toks, lows, a, b)
            if joined is not None:
                out.append(joined)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _range(toks: Sequence[Tok], lows: Sequence[str], a: Atom, b: Atom) -> Atom | None:
    ratio = _ratio(lows, a, b)
    if ratio is not None:
        return ratio
    if b.i - a.j != 1 or lows[a.j] not in _RANGE_JOIN:
        return None
    join = lows[a.j]
    if a.kind in ("ordinal", "date") or b.kind in ("ordinal", "date"):
        return None
    between = a.i > 0 and lows[a.i - 1] in ("between", "from")
    if join == "and" and not (a.i > 0 and lows[a.i - 1] == "between"):
        return None
    if join in ("-", "–", "—", "‐") and (toks[a.j].start - toks[a.j - 1].end > 1 or not is_num(toks[b.i])):
        return None
    low = a.value
    if a.scaled == 1.0 and b.scaled > 1.0 and a.kind == "count" and low * b.scaled <= b.value:
        low *= b.scaled  # "four to five thousand", "1 to 2 million"
    if a.kind == "year" and b.kind == "count" and join in ("-", "–") and b.value < 100:
        century = low - low % 100
        high = century + b.value if century + b.value > low else century + 100 + b.value
        return replace(a, j=b.j, high=high)  # "2014-15"
    if not low < b.value or (low < 0 and not between):
        return None
    kinds = {a.kind, b.kind}
    if len(kinds) > 1 and "count" not in kinds:
        return None
    if a.kind != "count" and b.kind == "count" and b.j < len(lows) and not between:
        return None
    kind = b.kind if b.kind != "count" else a.kind
    unit = b.unit or a.unit
    return Atom(a.i, b.j, low, kind, unit, scaled=b.scaled, approximate=a.approximate or b.approximate,
                high=b.value)


def _ratio(lows: Sequence[str], a: Atom, b: Atom) -> Atom | None:
    """ "one out of three", "1 in 5": a proportion, kept as one fraction-valued count."""
    gap = tuple(lows[a.j : b.i])
    if gap not in (("out", "of"), ("in",), ("over",)) or a.kind != "count" or b.kind != "count":
        return None
    if b.value == 0:
        return None
    if gap == ("over",):
        after = lows[b.j] if b.j < len(lows) else ""
        if after[:1].isalnum():
            return None  # "2000 over 3 years" is a count and a duration
        return Atom(a.i, b.j, a.value / b.value, "count", unit="ratio")
    if not 0 < a.value < b.value or a.high is not None or b.high is not None:
        return None
    return Atom(a.i, b.j, a.value / b.value, "count", unit="ratio")


_BOUND_BEFORE = dict(BOUND_BEFORE)
_BOUND_AFTER = dict(BOUND_AFTER)
_APPROX_BEFORE = frozenset(APPROX_BEFORE)
_APPROX_AFTER = frozenset(APPROX_AFTER)
_HEDGE_LEN = 4


def _before(
    lows: Sequence[str], toks: Sequence[Tok], i: int, table: Mapping[tuple[str, ...], str]
) -> str | None:
    """The longest entry of ``table`` ending right before token ``i`` (same line, small gap)."""
    if i <= 0 or toks[i].start - toks[i - 1].end > 2:
        return None
    for n in range(min(_HEDGE_LEN, i), 0, -1):
        hit = table.get(tuple(lows[i - n : i]))
        if hit is not None:
            return hit
    return None


def _after(lows: Sequence[str], j: int, table: Mapping[tuple[str, ...], str]) -> str | None:
    for n in range(min(_HEDGE_LEN, len(lows) - j), 0, -1):
        hit = table.get(tuple(lows[j : j + n]))
        if hit is not None:
            return hit
    return None


_APPROX_TABLE = {w: "~" for w in _APPROX_BEFORE}
_APPROX_AFTER_TABLE = {w: "~" for w in _APPROX_AFTER}


def _hedges(toks: Sequence[Tok], lows: Sequence[str], a: Atom) -> tuple[bool, str | None]:
    """Approximation and bound words right around the atom ("about", "more than", "or so")."""
    i = a.i
    if i > 0 and lows[i - 1] == "between":
        i -= 1
    bound = _before(lows, toks, i, _BOUND_BEFORE)
    approx = _before(lows, toks, i, _APPROX_TABLE) is not None
    if bound is not None and not approx and i >= 2:
        approx = _before(lows, toks, i - 2, _APPROX_TABLE) is not None  # "about more than 10"
    if bound is None:
        bound = _after(lows, a.j, _BOUND_AFTER)
    if not approx:
        approx = _after(lows, a.j, _APPROX_AFTER_TABLE) is not None
    if approx and bound == "<=" and tuple(lows[max(0, i - 3) : i]) == ("as", "many", "as"):
        approx = False
    return approx, bound
