"""Verdicts on claim groups: consistent, conflict, or an update over time, with a reason.

Approximation does not excuse a different figure ("an estimated 5,200" and "some 5,000" are
flagged, both marked approximate); bounds and ranges do ("at least 4" fits 5; "10-12" fits 11).
When every source shares a figure and the differing ones sit beside it in the same articles
("four killed ... two of them at the car wash"), the group is still flagged, but the reason says
the sources agree and which figures are the odd ones, so a reader can dismiss it quickly.
A count of casualties that only grows as later articles appear is an update, not a
contradiction, but it is still flagged for a human to look at.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .claim_groups import EVENT_MEASURES, ClaimItem

REL_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Verdict:
    status: str  # consistent | conflict (the contract's two statuses)
    verdict: str  # consistent | conflict | update
    reason: str


def _interval(item: ClaimItem) -> tuple[float, float]:
    """The values a claim admits: a point, a range, or a half-line for a bound."""
    value = item.value
    if item.high is not None and item.high >= value:
        return value, item.high
    if item.bound in (">", ">="):
        return value, float("inf")
    if item.bound in ("<", "<="):
        return float("-inf"), value
    return value, value


def compatible(a: ClaimItem, b: ClaimItem) -> bool:
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    tol = REL_TOLERANCE * max(1.0, abs(a.value), abs(b.value))
    return lo_a <= hi_b + tol and lo_b <= hi_a + tol


def _fmt(value: float) -> str:
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    return f"{value:g}"


def _describe(item: ClaimItem) -> str:
    hedge = " (approx.)" if item.approximate else ""
    bound = {">": "more than ", ">=": "at least ", "<": "fewer than ", "<=": "up to "}.get(item.bound or "", "")
    value = f"{_fmt(item.value)}-{_fmt(item.high)}" if item.high is not None else _fmt(item.value)
    return f"{bound}{value}{hedge} in {item.outlet or item.article}"


def judge(items: Sequence[ClaimItem], resolved: str | None = None) -> Verdict:
    """The verdict on one group; ``resolved`` is a reviewer's reason for settling a conflict."""
    clashes = [(a, b) for i, a in enumerate(items) for b in items[i + 1:] if not compatible(a, b)]
    if not clashes:
        values = sorted({_fmt(it.value) for it in items})
        hedged = " (bounds/approximations agree)" if any(it.bound or it.approximate for it in items) else ""
        return Verdict("consistent", "consistent", f"all {len(items)} reports give {' / '.join(values)}{hedged}")
    by_article: dict[str, list[ClaimItem]] = {}
    for it in items:
        by_article.setdefault(it.article, []).append(it)
    disagreeing = [(a, b) for a, b in clashes if a.article != b.article
                   and not any(compatible(x, y) for x in by_article[a.article] for y in by_article[b.article])]
    if not disagreeing:
        shared = sorted({_fmt(it.value) for it in items
                         if all(any(compatible(it, other) for other in group) for group in by_article.values())})
        agreed = f"every source gives {' / '.join(shared)}" if shared else "every two sources share a figure"
        others = sorted({_fmt(it.value) for it in items} - set(shared))
        if not others:
            return Verdict("conflict", "conflict", f"{agreed}: each article gives several figures for this count")
        return Verdict("conflict", "conflict",
                       f"{agreed}, but some also give {' / '.join(others)}: a part, another count or an error "
                       "within the same articles")
    clashes = disagreeing
    if resolved:
        return Verdict("consistent", "consistent", f"resolved by review: {resolved}")
    a, b = clashes[0]
    if _is_update(items):
        first, last = items[0], items[-1]
        return Verdict("conflict", "update",
                       f"figure changed over time: {_describe(first)} ({first.published}) "
                       f"-> {_describe(last)} ({last.published})")
    approx = " both approximate;" if a.approximate and b.approximate else ""
    reason = f"{_describe(a)} vs {_describe(b)};{approx} values differ"
    return Verdict("conflict", "conflict", reason)


def _is_update(items: Sequence[ClaimItem]) -> bool:
    """An event count that never goes down as publication dates advance, with dates known."""
    if any(it.measure not in EVENT_MEASURES or not it.published for it in items):
        return False
    ordered = sorted(items, key=lambda it: it.published or "")
    for earlier, later in itertools.pairwise(ordered):
        if later.value < earlier.value:
            return False
        if later.value > earlier.value and (later.published or "") <= (earlier.published or ""):
            return False
    return True
