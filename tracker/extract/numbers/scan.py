"""Token-level scanner for single number mentions ("atoms"): digits or words, with currency, scale,
percent, age and measurement units attached, plus dates, times and labels recognised so they are
not mistaken for counts. Ranges and hedges are combined afterwards in :mod:`numbers`.

Everything runs over a token list built by one linear regex, and every look-ahead is bounded, so
hostile input (100k digits and commas) costs linear time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ...lexicon import wordset
from . import words as nw
from .units import (
    ATTACHED_ONLY,
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    CURRENCY_SYMBOL_AFTER,
    PERCENT,
    SCALE_WORDS,
    SHORT_SCALES,
    TIGHT_PREFIX,
    TOKEN_RE,
    UNITS,
)


@dataclass(slots=True, eq=False)
class Tok:
    """One token: character offsets into the text, the text and its lower-case form. Not frozen:
    a token is made for every word of every sentence, and a frozen init costs twice as much;
    nothing changes a token after ``tokenize``."""

    start: int
    end: int
    text: str
    low: str


@dataclass(frozen=True, slots=True)
class Atom:
    """A single number mention before ranges and hedges are applied. ``i``/``j`` are token indexes."""

    i: int
    j: int
    value: float
    kind: str
    unit: str | None = None
    scaled: float = 1.0  # the scale word's factor, to carry it over a range ("four to five thousand")
    approximate: bool = False
    high: float | None = None
    emit: bool = True  # False for times, phone numbers, labels: consumed but not a quantity


_US_NUM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_EU_NUM = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_IN_NUM = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_DEC = re.compile(r"\d+(?:\.\d+)?")
_DEC_COMMA = re.compile(r"\d+,\d{1,2}")
_THIN = re.compile(r"\d{1,3}(?:\u202f\d{3})+(?:\.\d+)?")
_MAX_DIGITS = 40


def tokenize(text: str) -> list[Tok]:
    """Tokens of ``text``; digit groups that are not one valid number are split at separators."""
    toks: list[Tok] = []
    append = toks.append
    lowered = text.lower() if text.isascii() else None  # ASCII lower-casing keeps every offset
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        start, end = m.span()
        if s[0].isdigit() and not s.isdigit() and digit_value(s) is None:
            for part in _DIGIT_PARTS.finditer(s):
                p = part.group()
                append(Tok(start + part.start(), start + part.end(), p, p))
            continue
        append(Tok(start, end, s, lowered[start:end] if lowered is not None else s.lower()))
    return toks


_DIGIT_PARTS = re.compile(r"\d+|[.,\u202f]")


def digit_value(s: str) -> float | None:
    """The value of one digit group ("5,200", "1.5", "1.111,11", "12,34,567") or None."""
    if len(s) > _MAX_DIGITS:
        return None
    try:
        if _DEC.fullmatch(s):
            return float(s)
        if _US_NUM.fullmatch(s) or _IN_NUM.fullmatch(s):
            return float(s.replace(",", ""))
        if _THIN.fullmatch(s):
            return float(s.replace("\u202f", ""))
        if _EU_NUM.fullmatch(s) and (s.count(".") > 1 or "," in s):
            return float(s.replace(".", "").replace(",", "."))
        if _DEC_COMMA.fullmatch(s):
            return float(s.replace(",", "."))
    except ValueError:
        return None
    return None


def match_tuple(toks: Sequence[Tok], i: int, table: Mapping[tuple[str, ...], str]) -> tuple[str, int] | None:
    """Longest entry of ``table`` starting at token ``i`` (tokens must be close together)."""
    if i >= len(toks):
        return None
    longest = _longest(table).get(toks[i].low, 0)
    best: tuple[str, int] | None = None
    for length in range(longest, 0, -1):
        if i + length > len(toks):
            continue
        key = tuple(t.low for t in toks[i : i + length])
        if key in table and _close(toks, i, i + length):
            best = (table[key], i + length)
            break
    return best


_LONGEST: dict[int, dict[str, int]] = {}


def _longest(table: Mapping[tuple[str, ...], str]) -> dict[str, int]:
    """First token -> longest key length, cached per table."""
    found = _LONGEST.get(id(table))
    if found is None:
        found = {}
        for key in table:
            found[key[0]] = max(found.get(key[0], 0), len(key))
        _LONGEST[id(table)] = found
    return found


#: Named limits of the number scanner.
_CLOSE_GAP = 3  # characters between tokens of one number: a space or a newline (with a stray space)
_MAX_SIGNS = 6  # "1e--5": signs of an exponent read at most
_EXPONENT_DIGITS = 3  # digits of a scientific exponent at most
_MILLION = 1e6  # "$5m", "5M"
_TRILLION = 1e12  # "$5t"
_UNIT_GAP = 2  # characters between a number and its unit word at most
_CODE_AND_SIGN = 2  # ("a", "$") of "A$5": a one-letter country code and the dollar sign

def _close(toks: Sequence[Tok], i: int, j: int) -> bool:
    """Tokens i..j-1 separated by at most one space or newline each."""
    return all(toks[k].start - toks[k - 1].end <= _CLOSE_GAP for k in range(i + 1, j))


def glued(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Token ``a`` ends exactly where token ``b`` starts."""
    return 0 <= a < len(toks) and 0 <= b < len(toks) and toks[a].end == toks[b].start


def is_word(t: Tok) -> bool:
    return t.text[0].isalpha()


def is_num(t: Tok) -> bool:
    return t.text[0].isdigit()


# ----------------------------------------------------------------------------- cores

@dataclass(frozen=True)
class Core:
    value: float
    j: int
    scaled: float = 1.0
    words: bool = False


def digit_core(toks: Sequence[Tok], i: int, money: bool) -> Core | None:
    """Digits at ``i`` (or ".5"), with a scale word or an attached short scale ("$900m")."""
    t = toks[i]
    j = i + 1
    if t.text == "." and glued(toks, i, i + 1) and is_num(toks[i + 1]) and toks[i + 1].text.isdecimal():
        if i > 0 and glued(toks, i - 1, i) and is_num(toks[i - 1]):
            return None
        value = float("0." + toks[i + 1].text)
        j = i + 2
    elif is_num(t):
        v = digit_value(t.text)
        if v is None:
            return None
        value = v
    else:
        return None
    exp = _exponent(toks, j)
    if exp is not None:
        if toks[j].text == "^":
            try:
                return Core(float(value ** exp[0]), exp[1])  # "1.1^23", "2.5^-1"
            except (OverflowError, ZeroDivisionError):
                return None
        try:  # via Decimal: a mantissa repr already in e-notation ("1e+30") cannot take a second exponent
            scientific = float(Decimal(repr(value)).scaleb(exp[0]))
        except (ArithmeticError, ValueError):
            return None
        return Core(scientific, exp[1]) if math.isfinite(scientific) else None
    return _scale(toks, j, value, money, has_point="." in toks[j - 1].text or t.text == ".")


def _exponent(toks: Sequence[Tok], j: int) -> tuple[int, int] | None:
    """Scientific notation after the mantissa: "×10−30", "x10^6", "e-3"."""
    n = len(toks)
    if j >= n or not glued(toks, j - 1, j):
        return None
    k = j
    if toks[k].text == "^":
        k += 1
    elif toks[k].low in ("×", "x") and k + 1 < n and toks[k + 1].text == "10" and glued(toks, k, k + 1):
        k += 2
        if k < n and toks[k].text == "^" and glued(toks, k - 1, k):
            k += 1
    elif toks[k].low == "e" and k + 1 < n and glued(toks, k, k + 1):
        k += 1
    else:
        return None
    sign = 1
    while k < n and toks[k].text in ("-", "−", "+") and glued(toks, k - 1, k) and k - j < _MAX_SIGNS:
        sign *= -1 if toks[k].text != "+" else 1
        k += 1
    if k < n and toks[k].text.isdecimal() and len(toks[k].text) <= _EXPONENT_DIGITS and glued(toks, k - 1, k):
        return sign * int(toks[k].text), k + 1
    return None


def _scale(toks: Sequence[Tok], j: int, value: float, money: bool, has_point: bool) -> Core:
    if j >= len(toks):
        return Core(value, j)
    t = toks[j]
    if t.low in SCALE_WORDS and (t.low not in ("mm", "mil") or glued(toks, j - 1, j) or money):
        if t.low == "mm" and not money:
            return Core(value, j)
        factor = SCALE_WORDS[t.low]
        k = j + 1
        # "322 hundred", "two million": a following bigger scale word multiplies again
        if k < len(toks) and toks[k].low in ("thousand", "million", "billion", "trillion") and (
            SCALE_WORDS[toks[k].low] > factor
        ):
            factor *= SCALE_WORDS[toks[k].low]
            k += 1
        return Core(value * factor, k, scaled=factor)
    if t.low in SHORT_SCALES and glued(toks, j - 1, j) and not _letter_follows(toks, j):
        if t.low == "k" or (t.low == "b" and (money or t.text == "B" or has_point)):
            return Core(value * SHORT_SCALES[t.low], j + 1, scaled=SHORT_SCALES[t.low])
        if t.low == "m" and (money or t.text == "M" or has_point) and not _dimension_word(toks, j + 1):
            return Core(value * _MILLION, j + 1, scaled=_MILLION)
        if t.low == "t" and money:
            return Core(value * _TRILLION, j + 1, scaled=_TRILLION)
    return Core(value, j)


_SIZE_WORDS = frozenset({"tall", "high", "long", "wide", "deep", "thick", "away", "across"})
_AGE_UNITS = frozenset({"year", "years", "yr", "month", "months", "week", "weeks", "day", "days"})


def _dimension_word(toks: Sequence[Tok], k: int) -> bool:
    """ "1.8m tall": an attached "m" before a size adjective is metres, not millions."""
    return k < len(toks) and toks[k].low in _SIZE_WORDS


def _letter_follows(toks: Sequence[Tok], j: int) -> bool:
    return glued(toks, j, j + 1) and is_word(toks[j + 1])


_SKIP_ONE_BEFORE = frozenset(
    wordset("the that this which each every no any last another such whichever what same single")
)
_SKIP_ONE_AFTER = wordset("another")
_PRONOUN_NEXT = frozenset(
    wordset("""is was are were be been who whom whose which that of in
        on at to for with and or but i you he she we
    they it do does did has have had can could will would should may might must from by as about than
    else here there thing across into onto over under after before per among between through against
    without within during since until""")
)


def word_core(toks: Sequence[Tok], i: int, lows: Sequence[str]) -> Core | None:
    """A spelled-out number at ``i``; "one" as a pronoun ("the one", "no one") is refused."""
    w = lows[i]
    if w not in nw.NUMBER_WORDS and w not in ("a", "an", "half", "quarter") and not w.isdigit():
        return None
    if w == "one":
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        if i > 0 and lows[i - 1] in _SKIP_ONE_BEFORE and (
            lows[i - 1] == "no" or not nxt.isalpha() or nxt in _PRONOUN_NEXT
        ):
            return None  # "the one who", "that one is", "no one": a pronoun
        if i + 1 < len(lows) and lows[i + 1] in _SKIP_ONE_AFTER:
            return None
    if w in ("second",):
        return None
    parsed = nw.parse_cardinal(lows, i)
    if parsed is None or parsed.end <= i:
        return None
    if not _close(toks, i, parsed.end):
        return None
    # "one" followed by "-" and an ordinal word is "one-third"; bare "a"/"half" need a number after
    scaled = 1.0
    last = lows[parsed.end - 1]
    if last in SCALE_WORDS:
        scaled = SCALE_WORDS[last]
    return Core(parsed.value, parsed.end, scaled=scaled, words=True)


# ----------------------------------------------------------------------------- suffixes

def unit_after(toks: Sequence[Tok], j: int) -> tuple[str, str, int] | None:
    """(kind, unit, next index) for a percent, currency name or measurement unit at ``j``."""
    if j >= len(toks):
        return None
    k = j
    hyphen = False
    if toks[k].text in ("-", "‑") and glued(toks, k - 1, k) and k + 1 < len(toks) and glued(toks, k, k + 1):
        k += 1
        hyphen = True
    if k >= len(toks) or toks[k].start - toks[k - 1].end > _UNIT_GAP:
        return None
    p = match_tuple(toks, k, PERCENT)
    if p is not None:
        return ("percent", p[0], p[1])
    c = match_tuple(toks, k, CURRENCY_SUFFIX)
    if c is not None and not (hyphen and c[0] not in ("USD-cent", "JPY")) and not _prefix_of_next(toks, c[1]):
        return ("currency", c[0], c[1])
    sym = CURRENCY_SYMBOL_AFTER.get(toks[k].text)
    if sym is not None and not hyphen and not (k + 1 < len(toks) and is_num(toks[k + 1]) and (
        toks[k + 1].start - toks[k].end <= 1
    )):
        return ("currency", sym, k + 1)  # "10 €", "100元"; but "10 $30" is two amounts
    u = match_tuple(toks, k, UNITS)
    if u is not None:
        key = tuple(t.low for t in toks[k : u[1]])
        attached = glued(toks, k - 1, k)
        if key in ATTACHED_ONLY and not attached:
            return None
        if len(key) == 1 and key[0] in ("g",) and toks[k].text == "G":
            return ("measure", "G", u[1])
        if _prefix_of_next(toks, u[1]):
            return None  # "5 minutes" yes, "5 milestones" no; "24703L202" is a code
        return ("measure", u[0], u[1])
    return None


def _prefix_of_next(toks: Sequence[Tok], end: int) -> bool:
    """The matched unit runs on into a letter or digit ("5 milestones", "24703L202")."""
    return end < len(toks) and glued(toks, end - 1, end) and (is_word(toks[end]) or is_num(toks[end]))


def age_after(toks: Sequence[Tok], j: int, lows: Sequence[str]) -> int | None:
    """End index of "-year-old", "year-old", "years old", "-month-old" after a number at ``j``."""
    k = j
    if k < len(lows) and lows[k] in ("-", "‑"):
        k += 1
    if k + 1 < len(lows) and lows[k] in _AGE_UNITS:
        m = k + 1
        if m < len(lows) and lows[m] in ("-", "‑"):
            m += 1
        if m < len(lows) and lows[m] in ("old", "olds"):
            return m + 1
        if k == j and m + 1 < len(lows) and lows[m] == "of" and lows[m + 1] == "age":
            return m + 2  # "three years of age"
    return None


def currency_before(toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """(code, index of the amount) for a currency mark starting at ``i``."""
    m = match_tuple(toks, i, CURRENCY_PREFIX)
    if m is None:
        return None
    code, k = m
    key = tuple(t.low for t in toks[i:k])
    if k < len(toks) and toks[k].text in ("-", "−") and glued(toks, k, k + 1):
        k += 1  # "$-50.8bn"
    if k >= len(toks) or toks[k].start - toks[k - 1].end > 1:
        return None
    if key in TIGHT_PREFIX and not glued(toks, k - 1, k):
        return None
    if is_word(toks[i]) and not toks[i].text[0].isupper():
        return None  # "a $5 fee" is not Australian dollars; codes are written in capitals
    if len(key) == _CODE_AND_SIGN and key[1] == "$" and len(key[0]) == 1 and not glued(toks, i, i + 1):
        return None  # "A $5 fee" neither; "A$5" is
    if is_word(toks[i]) and i > 0 and glued(toks, i - 1, i) and is_word(toks[i - 1]):
        return None
    return code, k
