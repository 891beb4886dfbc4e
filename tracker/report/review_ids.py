"""Cluster and group ids that survive new members, and resolutions that know what they covered.

A cluster's or group's id names one member (``cg-ARTICLE-CLAIM``): by default its earliest.
Adding an older article would then rename it and orphan its review in ``_reviews.yaml``. So a
group that holds the member a review's key names keeps that key as its id: decisions follow the
group by its members, not by which member happens to be oldest today.

A resolution settles the values it was written over. ``covers`` in the review lists them
(``tracker run`` records it the first time it sees a resolution); a later member that repeats a
covered value keeps the resolution, a new value reopens the group with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


def stable_id(default: str, member_ids: Iterable[str], reviewed: Iterable[str]) -> str:
    """``default``, unless a reviewed key names one of the members: then that key (the first
    in sorted order when several groups were merged into one)."""
    named = set(member_ids) & set(reviewed)
    return default if default in named or not named else min(named)


def value_key(value: float, high: float | None) -> tuple[float, float | None]:
    """One value as a resolution covers it: a single figure, or a range's two ends."""
    return (float(value), None if high is None else float(high))


def covered_values(covers: Any) -> set[tuple[float, float | None]] | None:
    """The values a review's ``covers`` lists (numbers, or ``[low, high]`` for ranges), or None
    when it lists none (a resolution written before covers were recorded: it covers all)."""
    if not isinstance(covers, list):
        return None
    out: set[tuple[float, float | None]] = set()
    for item in covers:
        if _number(item):
            out.add(value_key(item, None))
        elif isinstance(item, list) and len(item) == 2 and all(_number(x) for x in item):
            out.add(value_key(item[0], item[1]))
    return out


def covers_of(values: Sequence[tuple[float, float | None]]) -> list[Any]:
    """The ``covers`` list recording ``values``: sorted, each once, integers without ``.0``."""
    def plain(x: float) -> int | float:
        return int(x) if float(x).is_integer() else x
    return [plain(v) if h is None else [plain(v), plain(h)] for v, h in sorted(set(values), key=_order)]


def reopened_by(items: Sequence[tuple[str, float, float | None, str]], covers: Any) -> str | None:
    """Why a resolution no longer holds: the first member (article, value, high, surface) whose
    value the resolution did not cover; None when every value is covered."""
    covered = covered_values(covers)
    if covered is None:
        return None
    for article, value, high, surface in items:
        if value_key(value, high) not in covered:
            listed = ", ".join(f"{x[0]}-{x[1]}" if isinstance(x, list) else str(x) for x in covers_of(list(covered)))
            return (f"reopened: {article} says “{surface}”, a value the resolution did not cover "
                    f"(it covered {listed or 'nothing'}); re-check, and to keep the resolution delete its "
                    "covers line in _reviews.yaml (tracker run records the values again)")
    return None


def _order(key: tuple[float, float | None]) -> tuple[float, float]:
    return (key[0], key[1] if key[1] is not None else key[0])


def _number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)
