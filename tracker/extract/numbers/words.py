"""Spelled-out numbers: "twenty-three", "one and a half million", "a dozen", "two thirds", "first".

News writes small counts and many large ones in words, so a digit regex misses them. The parser
works on a token list (words lower-cased, punctuation as its own token) and returns the longest
number phrase starting at a position; every step moves forward, so it is linear in the phrase.
Digit tokens may stand in for a group when a scale word follows ("4 thousand 3 hundred and 21").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...lexicon import wordset

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Multipliers that close a group ("three hundred", "two million").
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
}
DOZENS = frozenset({"dozen", "dozens", "dzs", "doz", "dozs"})

#: Ordinal words; the same words (plural or after a numerator) name fractions.
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}
_BIG_ORDINALS = frozenset({"hundredth", "thousandth", "millionth", "billionth", "trillionth"})
#: Denominator words for fractions ("two thirds", "a quarter", "three quarters").
DENOMINATORS: dict[str, float] = {
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4,
    **{w: float(v) for w, v in ORDINALS.items() if v >= 3},
    **{w + "s": float(v) for w, v in ORDINALS.items() if v >= 3},
}
#: "hundreds of", "thousands of": vague magnitudes, recorded as approximate ranges.
VAGUE = {
    "tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
HYPHENS = frozenset({"-", "‐", "‑", "–"})
#: After "hundred and N", these make "N ..." a fraction of its own ("and three quarters").
_AND_FRACTIONS = frozenset(
    {"half", "halves", "quarter", "quarters", "hundredths", "thousandths", "millionths", "billionths"}
)
_HALF_OF = wordset("the of a an their its his her our all them those these")

NUMBER_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | {"hundred"} | frozenset(SCALES)


@dataclass(frozen=True)
class WordNumber:
    """A parsed spelled-out number: value and the token index just after it."""

    value: float
    end: int
    ordinal: bool = False


def _tok(toks: Sequence[str], k: int) -> str:
    return toks[k] if 0 <= k < len(toks) else ""



#: Facts of English numbers and limits of reading them.
_DOZEN = 12
_HALF = 0.5
_DIGITS_MAX = 6  # "250 thousand": a numeral a scale word may follow; longer ones stand alone
_SMALL_DIGITS = 2  # "2 dozen": a numeral inside a word-number phrase has one or two digits
_HUNDREDS_MAX = 1000  # "nineteen hundred": the count of hundreds is below a thousand
_MAX_DECIMALS = 12  # "three point one four …": spoken decimals read at most
_UNIT_ORDINAL_LIMIT = 10  # "twenty-first": after a tens word the ordinal is a unit (first … ninth)
_ORDINAL_DENOMINATOR = 20  # "a twenty-first century city": denominators from twenty may be ordinals
_AND_N_DOZENS = 3  # tokens of "and two dozens"
_OF_A_SCALE = 3  # tokens of "of a million"
_HALF_A_DOZEN = 3  # tokens of "half a dozen", "half a million"

def _digits(w: str) -> bool:
    return w.isdigit() and len(w) <= _DIGITS_MAX


def _small(toks: Sequence[str], k: int, digits: bool = True) -> tuple[float, int] | None:
    """1-99 in words ("forty-two", "seven", "fifteen") or, if allowed, digits below 100."""
    w = _tok(toks, k)
    if w in TENS:
        m = k + 2 if _tok(toks, k + 1) in HYPHENS else k + 1
        if UNITS.get(_tok(toks, m), 0) > 0:
            return float(TENS[w] + UNITS[toks[m]]), m + 1
        if m == k + 2 and _tok(toks, m) in DENOMINATORS:
            return None  # "thirty-fifths" is a denominator
        return float(TENS[w]), k + 1
    if w in TEENS:
        return float(TEENS[w]), k + 1
    if UNITS.get(w, 0) > 0:
        return float(UNITS[w]), k + 1
    if digits and w.isdigit() and len(w) <= _SMALL_DIGITS and int(w) > 0:
        return float(w), k + 1
    return None


def _group(toks: Sequence[str], i: int) -> tuple[float, int] | None:
    """A number below one thousand: "seven", "forty-two", "three hundred and six", "3 hundred"."""
    w = _tok(toks, i)
    nxt = _tok(toks, i + 1)
    if w == "zero" or w in ("nought", "naught"):
        return 0.0, i + 1
    if w in ("a", "an") and nxt == "hundred":
        value, j = 1.0, i + 1
    elif w == "hundred" and nxt in SCALES:
        value, j = 1.0, i  # "hundred thousand dollars"
    elif _digits(w) and (nxt == "hundred" or nxt in SCALES or nxt in DOZENS):
        value, j = float(w), i + 1
    else:
        small = _small(toks, i, digits=False)
        if small is None:
            return None
        value, j = small
    if _tok(toks, j) == "hundred" and value < _HUNDREDS_MAX:
        value *= 100
        j += 1
        k = j + 1 if _tok(toks, j) == "and" else j
        rest = _small(toks, k)
        after = _tok(toks, rest[1]) if rest is not None else ""
        if rest is not None and after != "hundred" and after not in DOZENS and not (
            k > j and after in _AND_FRACTIONS
        ):
            value += rest[0]
            j = rest[1]
    return value, j


def _integer(toks: Sequence[str], i: int) -> tuple[float, int, float] | None:
    """(value, end, smallest scale used) of a whole number with scale words."""
    g = _group(toks, i)
    if g is None:
        return None
    total = 0.0
    last = float("inf")
    value, j = g
    while _tok(toks, j) in SCALES and SCALES[toks[j]] < last:
        last = SCALES[toks[j]]
        total += value * last
        j += 1
        while _tok(toks, j) in SCALES and SCALES[toks[j]] > last:  # "three lakh crore"
            total *= SCALES[toks[j]]
            last = SCALES[toks[j]]
            j += 1
        nxt = _continue(toks, j, last)
        if nxt is None:
            return total, j, last
        value, j = nxt
    return total + value, j, last


def _continue(toks: Sequence[str], j: int, last: float) -> tuple[float, int] | None:
    """The next group after a scale word, if it really continues the same number."""
    k = j + 1 if _tok(toks, j) == "and" else j
    if _tok(toks, k) in ("a", "an", "one") and _tok(toks, k + 1) in ("half", "quarter", "third"):
        return None  # "one million and a half": a fraction tail
    g = _group(toks, k)
    if g is None:
        return None
    value, end = g
    if _tok(toks, k).isdigit() and end == k + 1:
        return None
    after = _tok(toks, end)
    if after in SCALES and SCALES[after] >= last:
        return None
    if after in DENOMINATORS and k > j and after not in ("half", "halves"):
        return None  # "one billion and three quarters million"
    return value, end


def parse_cardinal(toks: Sequence[str], i: int) -> WordNumber | None:
    """The longest cardinal (scales, "point", "and a half", fractions, dozens) at ``toks[i]``."""
    integer = _integer(toks, i)
    if integer is None:
        return _lead_fraction(toks, i)
    value, j, last = integer
    point = _point(toks, j)
    if point is not None:
        return WordNumber(value + point[0], point[1])
    tail = _fraction_tail(toks, j)
    if tail is not None:
        fv, fj = tail
        if _tok(toks, fj) in SCALES and SCALES[toks[fj]] < last:
            scale = SCALES[toks[fj]]
            if value >= scale:
                return WordNumber(value + fv * scale, fj + 1)  # "one billion and a half million"
            return WordNumber((value + fv) * scale, fj + 1)  # "five and a half million"
        unit = last if last != float("inf") and value % last == 0 and value > 0 else 1.0
        return WordNumber(value + fv * unit, fj)
    if _tok(toks, j) in DOZENS and value > 0:
        return WordNumber(value * _DOZEN, j + 1)
    if _tok(toks, j) == "and" and _tok(toks, j + 2) in DOZENS and _small(toks, j + 1) is not None:
        extra = _small(toks, j + 1)
        assert extra is not None
        return WordNumber(value + extra[0] * _DOZEN, j + _AND_N_DOZENS)  # "three hundred and two dozens"
    den = _denominator(toks, j, value, one=toks[i] in ("a", "an", "one"))
    if den is not None:
        end = den[1]
        if _tok(toks, end) == "of" and _tok(toks, end + 1) == "a" and _tok(toks, end + 2) in SCALES:
            return WordNumber(value / den[0] * SCALES[toks[end + 2]], end + _OF_A_SCALE)  # "two thirds of a million"
        return WordNumber(value / den[0], end)
    return WordNumber(value, j)


def _point(toks: Sequence[str], j: int) -> tuple[float, int] | None:
    """ "point zero three", "point seventy-one", "point five" -> the decimal part."""
    if _tok(toks, j) != "point":
        return None
    k = j + 1
    digits = ""
    while _tok(toks, k) in UNITS and len(digits) < _MAX_DECIMALS:
        digits += str(UNITS[toks[k]])
        k += 1
    if not digits:
        small = _small(toks, k, digits=False)
        if small is None:
            return None
        digits = str(int(small[0]))
        k = small[1]
    return float("0." + digits), k


def _fraction_tail(toks: Sequence[str], j: int) -> tuple[float, int] | None:
    """ "and a half", "and three quarters", "and a third" after a whole number."""
    if _tok(toks, j) != "and":
        return None
    k = j + 1
    w = _tok(toks, k)
    if w in ("a", "an", "one"):
        num, k = 1.0, k + 1
        if _tok(toks, k) == "half":
            return 0.5, k + 1
    else:
        small = _small(toks, k, digits=False)
        if small is None:
            return None
        num, k = small
    den = _denominator(toks, k, num, one=num == 1)
    if den is None:
        return None
    return num / den[0], den[1]


def _denominator(toks: Sequence[str], j: int, value: float, one: bool) -> tuple[float, int] | None:
    """ "two thirds", "five eighths", "three twenty-firsts" (numerator already parsed)."""
    if value <= 0:
        return None
    k = j + 1 if _tok(toks, j) in HYPHENS else j
    w = _tok(toks, k)
    if w in TENS:  # compound denominators: "twenty-first", "twenty fifths"
        m = k + 2 if _tok(toks, k + 1) in HYPHENS else k + 1
        o = _tok(toks, m)
        if o in ORDINALS and ORDINALS[o] < _UNIT_ORDINAL_LIMIT:
            return _accept(TENS[w] + ORDINALS[o], m + 1, plural=False, value=value, one=one, toks=toks)
        if o.endswith("s") and o[:-1] in ORDINALS and ORDINALS[o[:-1]] < _UNIT_ORDINAL_LIMIT:
            return _accept(TENS[w] + ORDINALS[o[:-1]], m + 1, plural=True, value=value, one=one, toks=toks)
        return None
    if w in ("half", "halves", "second", "seconds", "first", "firsts") or w not in DENOMINATORS:
        return None
    plural = (w.endswith("s") and w != "quarters") or w == "quarters"
    return _accept(DENOMINATORS[w], k + 1, plural, value, one, toks)


def _accept(den: float, end: int, plural: bool, value: float, one: bool,
            toks: Sequence[str]) -> tuple[float, int] | None:
    if plural:
        return (den, end) if value > 1 or not one else None
    if not one or value != 1:
        return None
    nxt = _tok(toks, end)
    if den >= _ORDINAL_DENOMINATOR and nxt.isalpha() and nxt not in ("of", "and", "or"):
        return None  # "a twenty-first century city" is an ordinal
    return den, end


def _lead_fraction(toks: Sequence[str], i: int) -> WordNumber | None:
    """ "a half", "half a dozen", "a quarter", "half million", "a hundredth"."""
    w = _tok(toks, i)
    nxt = _tok(toks, i + 1)
    if w in ("a", "an") and nxt == "half" and _tok(toks, i - 1) == "and":
        return None  # "a month and a half": the tail of a duration, not a number of its own
    if w in ("a", "an", "one") and nxt in DENOMINATORS and not nxt.endswith("s"):
        d = DENOMINATORS[nxt]
        if nxt in _BIG_ORDINALS or d >= _ORDINAL_DENOMINATOR:
            return WordNumber(1 / d, i + 2) if w != "one" or nxt not in _BIG_ORDINALS else None
        j = i + 2
        if _tok(toks, j) in SCALES:
            return WordNumber(SCALES[toks[j]] / d, j + 1)
        return WordNumber(1 / d, j)
    if w in ("a", "an") and nxt in TENS:
        den = _denominator(toks, i + 1, 1.0, one=True)
        if den is not None:
            return WordNumber(1 / den[0], den[1])
    if w in ("half", "quarter"):
        d = DENOMINATORS[w]
        if nxt in SCALES:
            return WordNumber(SCALES[nxt] / d, i + 2)
        if nxt == "a" and _tok(toks, i + 2) in DOZENS:
            return WordNumber(_DOZEN / d, i + _HALF_A_DOZEN)
        if nxt == "a" and _tok(toks, i + 2) in SCALES:
            return WordNumber(SCALES[toks[i + 2]] / d, i + _HALF_A_DOZEN)
        if nxt in _HALF_OF and w == "half":
            return WordNumber(_HALF, i + 1)  # "half the condos", "half of them"
        return None
    if w in ("a", "an") and nxt == "dozen":
        return WordNumber(float(_DOZEN), i + 2)
    if w in ("a", "an") and nxt in SCALES:
        return WordNumber(SCALES[nxt], i + 2)
    return None


def parse_ordinal(toks: Sequence[str], i: int) -> WordNumber | None:
    """ "first", "twenty-third", "one hundredth" as an ordinal."""
    w = _tok(toks, i)
    if w in TENS:
        k = i + 2 if _tok(toks, i + 1) in HYPHENS else i + 1
        o = _tok(toks, k)
        if o in ORDINALS and ORDINALS[o] < _UNIT_ORDINAL_LIMIT:
            return WordNumber(TENS[w] + ORDINALS[o], k + 1, ordinal=True)
        return None
    if w in ORDINALS and w not in _BIG_ORDINALS:
        return WordNumber(float(ORDINALS[w]), i + 1, ordinal=True)
    return None
