"""Ranges ("between 2005 and 2011", "$3 billion to $5 billion", "10-12"), ratios ("one out of three")
and hedges ("about", "more than", "or so") over the scanned atoms of :mod:`numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ...records import Quantity
from .scan import Atom, Tok, glued, is_num
from .units import APPROX_AFTER, APPROX_BEFORE, BOUND_AFTER, BOUND_BEFORE

_RANGE_JOIN = frozenset({"to", "-", "–", "—", "‐", "and", "through", "thru"})


def join_ranges(toks: Sequence[Tok], lows: Sequence[str], atoms: list[Atom]) -> list[Atom]:
    """Join "A to B", "A-B", "between A and B" (ascending, compatible kinds) into one range atom."""
    out: list[Atom] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        moved = _movement(toks, lows, atoms, k)
        if moved is not None:
            out.append(moved[0])
            k = moved[1]
            continue
        if k + 1 < len(atoms) and a.emit and atoms[k + 1].emit:
            b = atoms[k + 1]
            joined = _range(toks, lows, a, b)
            if joined is not None:
                out.append(joined)
                k += 2
                continue
            a = _shared_unit(lows, a, b)
        out.append(a)
        k += 1
    return out


_MOVE_KINDS = frozenset({"count", "currency", "percent", "measure"})
_MOVE_GAP = 8
_MOVE_BREAK = frozenset({",", ";", ":", "(", ")", ".", "and", "but", "or", "while", "from", "to", "than"})


def _movement(toks: Sequence[Tok], lows: Sequence[str], atoms: Sequence[Atom], k: int) -> tuple[Atom, int] | None:
    """ "fell from $2,415 to $2,315", "narrowed to 138,285 lots from 212,577 lots", "from 21 mpg
    combined to 23": a change between two values, one range claim (low, high) as the gold writes
    it. Only times and other non-quantities may stand between the two amounts. Returns the range
    and the index of the next atom."""
    a = atoms[k]
    if not a.emit or a.i == 0 or a.kind not in _MOVE_KINDS or a.high is not None:
        return None
    lead = lows[a.i - 1]
    if lead not in ("from", "to") or (lead == "to" and a.i > 1 and lows[a.i - 2] == "up"):
        return None
    m = k + 1
    while m < len(atoms) and not atoms[m].emit:
        m += 1
    if m >= len(atoms):
        return None
    b = atoms[m]
    gap = lows[a.j : b.i]
    want = "to" if lead == "from" else "from"
    if not gap or len(gap) > _MOVE_GAP or gap[-1] != want or b.high is not None or b.kind not in _MOVE_KINDS:
        return None
    inner = [
        w for x, w in enumerate(gap[:-1], a.j)
        if not any(o.i <= x < o.j for o in atoms[k + 1 : m]) and not (w == "." and len(lows[x - 1]) == 1)
    ]  # times between the amounts are skipped, and the full stops of "U.S."
    if inner[-1:] == ["up"]:
        inner = inner[:-1]  # "from 450 sq ft up to 900 sq ft"
    if any(w in _MOVE_BREAK for w in inner):
        return None
    if b.kind == "count" and b.unit is None and a.kind != "count":
        b = replace(b, kind=a.kind, unit=a.unit)  # "from 21 mpg combined to 23"
    if a.kind != b.kind or a.unit != b.unit or a.value == b.value:
        return None
    if a.value < 0 or b.value < 0:
        return None
    low, high = min(a.value, b.value), max(a.value, b.value)
    return Atom(a.i, b.j, low, a.kind, a.unit, scaled=max(a.scaled, b.scaled),
                approximate=a.approximate or b.approximate, high=high), m + 1


_PAIR_GAP = re.compile(r"\s*,?\s*(?:and|but)\s+")


def merge_bound_pairs(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "more than 10 and less than 40" -> one range (10, 40): a lower bound then an upper one."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if prev is not None and prev.high is None and q.high is None and prev.kind == q.kind and (
            _bound_gap(text, prev.end, q.start)
        ):
            if prev.bound in (">", ">=") and q.bound in ("<", "<=") and prev.value < q.value:
                out[-1] = replace(prev, end=q.end, surface=text[prev.start : q.end], high=q.value, bound=None)
                continue
            if prev.bound in ("<", "<=") and q.bound in (">", ">=") and q.value < prev.value:
                # "at most 100 and at least 20": the same interval, upper bound first
                out[-1] = replace(prev, end=q.end, surface=text[prev.start : q.end], value=q.value,
                                  high=prev.value, bound=None)
                continue
        out.append(q)
    return out


_BOUND_PHRASES = frozenset(" ".join(k) for k, _ in BOUND_BEFORE)


#: Named limits of range and bound reading.
_BOUND_GAP_MAX = 40  # characters between two bounds ("more than 10 and less than 20")
_YEAR_SUFFIX_LIMIT = 100  # "2015-16": a two-digit second year
_MAX_AGE = 130  # "ages 18-25": a human age is below this
_SMALL_GAP = 2  # characters between a table entry and its number: same line, at most a space or two
_THAN_REACH = 3  # tokens after a number read for "than" ("10 or more than")
_AS_MANY_AS = ("as", "many", "as")

def _bound_gap(text: str, end: int, start: int) -> bool:
    """Between two bounds only "and"/"but" and the second bound's words ("and less than")."""
    m = _PAIR_GAP.match(text, end)
    if m is None or start - end >= _BOUND_GAP_MAX or m.end() > start:
        return False
    return " ".join(text[m.end() : start].lower().split()) in _BOUND_PHRASES


_SHARED_KINDS = frozenset({"age", "measure", "percent"})


def _shared_unit(lows: Sequence[str], a: Atom, b: Atom) -> Atom:
    """ "9 and 14 years old", "5 or 6 percent": a bare count takes the unit of its partner."""
    if a.kind != "count" or a.unit is not None or a.scaled != 1.0 or b.kind not in _SHARED_KINDS:
        return a
    if tuple(lows[a.j : b.i]) not in (("and",), ("or",), (",",)):
        return a
    return replace(a, kind=b.kind, unit=b.unit)


def _range(toks: Sequence[Tok], lows: Sequence[str], a: Atom, b: Atom) -> Atom | None:
    ratio = _ratio(lows, a, b)
    if ratio is not None:
        return ratio
    if tuple(lows[a.j : b.i]) == ("-", "to", "-") and all(glued(toks, x, x + 1) for x in range(a.j - 1, b.i)):
        join = "to"  # "0-to-60-mph"
    elif b.i - a.j != 1 or lows[a.j] not in _RANGE_JOIN:
        return None
    else:
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
    if a.kind == "year" and b.kind == "count" and join in ("-", "–") and b.value < _YEAR_SUFFIX_LIMIT:
        century = low - low % 100
        high = century + b.value if century + b.value > low else century + 100 + b.value
        if high != low + 1:
            return None  # "1995-01" is a month, not a season
        return replace(a, j=b.j, high=high)  # "2014-15", "1999-00"
    if not low < b.value or (low < 0 and not between):
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None  # "sixfold to $3.7 billion", "21 mpg to 23 seconds"
    kinds = {a.kind, b.kind}
    if len(kinds) > 1 and "count" not in kinds:
        return None
    if a.kind == "age" and b.kind == "count" and float(b.value).is_integer() and b.value < _MAX_AGE:
        b = replace(b, kind="age", unit=a.unit)  # "aged 18 to 34"
    if a.kind != "count" and b.kind == "count" and b.j < len(lows) and not between:
        return None
    kind = b.kind if b.kind != "count" else a.kind
    unit = b.unit or a.unit
    return Atom(a.i, b.j, low, kind, unit, scaled=b.scaled, approximate=a.approximate or b.approximate,
                high=b.value)


def _ratio(lows: Sequence[str], a: Atom, b: Atom) -> Atom | None:
    """ "one out of three", "1 in 5": a proportion, kept as one fraction-valued count."""
    gap = tuple(lows[a.j : b.i])
    if gap == ("of",) and a.value == 1 and a.scaled == 1.0 and a.kind == b.kind == "count" and b.unit is None:
        gap = ("out", "of")  # "one of four concepts" is one in four
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
_HEDGE_LEN = 5


def _before(
    lows: Sequence[str], toks: Sequence[Tok], i: int, table: Mapping[tuple[str, ...], str]
) -> str | None:
    """The longest entry of ``table`` ending right before token ``i`` (same line, small gap)."""
    if i <= 0 or toks[i].start - toks[i - 1].end > _SMALL_GAP:
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


def _ends_amount(t: Tok) -> bool:
    """The token closes an amount ("5%", "$3", "2 points") so a following "over" means "during"."""
    return is_num(t) or t.text in ("%",) or t.low in ("percent", "cent", "points", "point", "pc", "million",
                                                       "billion")


def hedges(toks: Sequence[Tok], lows: Sequence[str], a: Atom) -> tuple[bool, str | None]:
    """Approximation and bound words right around the atom ("about", "more than", "or so")."""
    i = a.i
    if i > 0 and lows[i - 1] == "between":
        i -= 1
    bound = _before(lows, toks, i, _BOUND_BEFORE)
    if bound == ">" and lows[i - 1] == "over" and i >= 2 and _ends_amount(toks[i - 2]):
        bound = None  # "rose 5% over three years": a span, not a bound
    approx = _before(lows, toks, i, _APPROX_TABLE) is not None
    if bound is not None and not approx and i >= 2:
        approx = _before(lows, toks, i - 2, _APPROX_TABLE) is not None  # "about more than 10"
    if bound is None:
        bound = _after(lows, a.j, _BOUND_AFTER)
        if bound is not None and "than" in lows[a.j + 1 : a.j + 1 + _THAN_REACH]:
            bound = None  # "5000 or less than 6000": the bound belongs to the next number
    if not approx:
        approx = _after(lows, a.j, _APPROX_AFTER_TABLE) is not None
    if approx and bound == "<=" and tuple(lows[max(0, i - len(_AS_MANY_AS)) : i]) == _AS_MANY_AS:
        approx = False
    return approx, bound
