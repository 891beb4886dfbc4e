"""Spelled-out numbers: "twenty-three", "one and a half million", "a dozen", "two thirds", "first".

News writes small counts and many large ones in words, so a digit regex misses them. The parser
works on a token list (words lower-cased, punctuation as its own token) and returns the longest
number phrase starting at a position; it never backtracks, so it is linear in the phrase length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
DOZENS = {"dozen": 12, "dozens": 12, "dzs": 12, "doz": 12, "dozs": 12}

#: Ordinal words; the same words (plural or after a numerator) name fractions.
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}
#: Denominator words for fractions ("two thirds", "a quarter", "three quarters").
DENOMINATORS = {
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

NUMBER_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | {"hundred"} | frozenset(SCALES)


@dataclass(frozen=True)
class WordNumber:
    """A parsed spelled-out number: value and the token index just after it."""

    value: float
    end: int
    ordinal: bool = False


def _group(toks: Sequence[str], i: int) -> tuple[float, int] | None:
    """A number below one thousand: "seven", "forty-two", "three hundred and six"."""
    n = len(toks)
    if i >= n:
        return None
    w = toks[i]
    value: float
    j = i + 1
    if w in TENS:
        value = TENS[w]
        k = j + 1 if j < n and toks[j] in HYPHENS else j
        if k < n and toks[k] in UNITS and toks[k] != "zero" and UNITS[toks[k]] > 0:
            value += UNITS[toks[k]]
            j = k + 1
    elif w in TEENS:
        value = TEENS[w]
    elif w in UNITS:
        value = UNITS[w]
    elif w == "a" and j < n and toks[j] in ("hundred",):
        value = 1
    elif _is_digits(w) and j < n and toks[j] == "hundred":
        value = float(w)
    else:
        return None
    if j < n and toks[j] == "hundred" and value < 100:
        value *= 100
        j += 1
        rest = _after_and(toks, j)
        if rest is not None:
            value += rest[0]
            j = rest[1]
    return value, j


def _is_digits(w: str) -> bool:
    return w.isdigit() and len(w) <= 3


def _after_and(toks: Sequence[str], j: int) -> tuple[float, int] | None:
    """The tens-and-units after "hundred", with or without "and"."""
    k = j + 1 if j < len(toks) and toks[j] == "and" else j
    if k >= len(toks):
        return None
    sub = _small(toks, k)
    if sub is None:
        return None
    # "three hundred and two thousand" is 302,000 only if a scale follows: the caller rescans.
    return sub


def _small(toks: Sequence[str], k: int) -> tuple[float, int] | None:
    """Tens and units only (1-99)."""
    w = toks[k]
    if w in TENS:
        v = float(TENS[w])
        j = k + 1
        m = j + 1 if j < len(toks) and toks[j] in HYPHENS else j
        if m < len(toks) and toks[m] in UNITS and UNITS[toks[m]] > 0:
            return v + UNITS[toks[m]], m + 1
        return v, j
    if w in TEENS:
        return float(TEENS[w]), k + 1
    if w in UNITS and UNITS[w] > 0:
        return float(UNITS[w]), k + 1
    if _is_digits(w) and int(w) < 100:
        return float(w), k + 1
    return None


def parse_cardinal(toks: Sequence[str], i: int) -> WordNumber | None:
    """The longest cardinal (with scales, "and a half", fractions) starting at ``toks[i]``."""
    first = _group(toks, i)
    if first is None:
        return _lead_fraction(toks, i)
    total = 0.0
    value, j = first
    last_scale = float("inf")
    while True:
        scale_tok = toks[j] if j < len(toks) else ""
        if scale_tok in SCALES and SCALES[scale_tok] < last_scale:
            scale = SCALES[scale_tok]
            j += 1
            # "one and a half million", "five and a half million"
            total += value * scale
            last_scale = scale
            nxt = _continue_group(toks, j)
            if nxt is None:
                value = 0.0
                break
            value, j = nxt
            continue
        break
    frac = _fraction_tail(toks, j)
    if frac is not None:
        fv, fj = frac
        if fj < len(toks) and toks[fj] in SCALES and SCALES[toks[fj]] < last_scale:
            # "five and a half million": the fraction belongs before the scale
            return WordNumber((total + value + fv) * SCALES[toks[fj]], fj + 1)
        scale_unit = last_scale if (value == 0 and last_scale != float("inf")) else 1.0
        return WordNumber(total + value + fv * scale_unit, fj)
    if j < len(toks) and toks[j] in DOZENS and value > 0:
        return WordNumber(total + value * 12, j + 1)
    den = _denominator(toks, j, value)
    if den is not None:
        return WordNumber(total + value / den[0], den[1])
    return WordNumber(total + value, j)


def _continue_group(toks: Sequence[str], j: int) -> tuple[float, int] | None:
    """After a scale word: "two million [and] three hundred"."""
    k = j + 1 if j < len(toks) and toks[j] == "and" else j
    if k < len(toks) and toks[k] in ("a", "one") and k + 1 < len(toks) and toks[k + 1] in (
        "half", "quarter", "third"
    ):
        return None  # a fraction tail, handled by the caller
    g = _group(toks, k)
    if g is None:
        return None
    if k + 1 < len(toks) and g[1] < len(toks) and toks[g[1]] in DENOMINATORS and g[0] < 10:
        return None  # "one billion and three quarters million": fraction tail
    return g


def _fraction_tail(toks: Sequence[str], j: int) -> tuple[float, int] | None:
    """ "and a half", "and three quarters", "and two thirds" after a whole number."""
    if j + 2 >= len(toks) or toks[j] != "and":
        return None
    k = j + 1
    num: float
    if toks[k] in ("a", "an", "one"):
        num = 1.0
    elif toks[k] in UNITS and UNITS[toks[k]] > 0:
        num = float(UNITS[toks[k]])
    else:
        return None
    k += 1
    if k < len(toks) and toks[k] in DENOMINATORS:
        return num / DENOMINATORS[toks[k]], k + 1
    return None


def _denominator(toks: Sequence[str], j: int, value: float) -> tuple[float, int] | None:
    """ "two thirds", "five eighths", "three quarters" (numerator already parsed)."""
    if j >= len(toks) or value <= 0 or value >= 100:
        return None
    k = j + 1 if toks[j] in HYPHENS and j + 1 < len(toks) else j
    w = toks[k]
    if w in ("half", "halves", "second", "seconds", "first"):
        return None
    if w in DENOMINATORS and (value > 1 or not w.endswith("s")):
        return DENOMINATORS[w], k + 1
    return None


def _lead_fraction(toks: Sequence[str], i: int) -> WordNumber | None:
    """ "a half", "half a dozen", "a quarter", "half million", "a third"."""
    n = len(toks)
    w = toks[i]
    if w in ("a", "an", "one") and i + 1 < n and toks[i + 1] in ("half", "quarter", "third", "fifth"):
        d = DENOMINATORS[toks[i + 1]]
        j = i + 2
        if j < n and toks[j] in SCALES:
            return WordNumber(SCALES[toks[j]] / d, j + 1)
        return WordNumber(1 / d, j)
    if w in ("half", "quarter"):
        d = DENOMINATORS[w]
        if i + 1 < n and toks[i + 1] in SCALES:
            return WordNumber(SCALES[toks[i + 1]] / d, i + 2)
        if i + 2 < n and toks[i + 1] == "a" and toks[i + 2] in DOZENS:
            return WordNumber(12 / d, i + 3)
        if i + 2 < n and toks[i + 1] == "a" and toks[i + 2] in SCALES:
            return WordNumber(SCALES[toks[i + 2]] / d, i + 3)
        return WordNumber(1 / d, i + 1)
    if w in ("a", "an") and i + 1 < n and toks[i + 1] in DOZENS and toks[i + 1] == "dozen":
        return WordNumber(12.0, i + 2)
    if w in ("a", "an") and i + 1 < n and toks[i + 1] in SCALES:
        return WordNumber(SCALES[toks[i + 1]], i + 2)
    return None


def parse_ordinal(toks: Sequence[str], i: int) -> WordNumber | None:
    """ "first", "twenty-third", "one hundredth" as an ordinal."""
    n = len(toks)
    w = toks[i]
    if w in TENS:
        k = i + 1
        if k < n and toks[k] in HYPHENS:
            k += 1
        if k < n and toks[k] in ORDINALS and ORDINALS[toks[k]] < 10:
            return WordNumber(TENS[w] + ORDINALS[toks[k]], k + 1, ordinal=True)
        return None
    if w in ORDINALS and w not in ("hundredth", "thousandth", "millionth", "billionth", "trillionth"):
        return WordNumber(float(ORDINALS[w]), i + 1, ordinal=True)
    return None
