"""Who a claim group's figures are credited to, and what a disagreement between them is.

A fact-checker reads a group of differing figures differently by where they come from: two
sources that give different figures disagree (``between_sources``); one source whose figure
outlets report differently is a discrepancy in reporting (``in_reporting``); figures no one is
credited with are the outlets' own (``unsourced``). Unnamed sources ("officials said") and
unnamed documents name no one, so they count as no source here; the value still shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["SOURCINGS", "sourcing"]

#: Group labels, with the words the report shows for each.
SOURCINGS = {
    "between_sources": "a disagreement between sources",
    "in_reporting": "a discrepancy in reporting: one source, reported differently",
    "partly_sourced": "only some values have a source",
    "unsourced": "no value has a source",
    "agreed": "the values agree",
}


def sourcing(values: Sequence[Mapping[str, Any]], key: Callable[[str], str]) -> dict[str, Any]:
    """The group label for ``values`` (each with ``value``, ``high`` and ``source``): its
    ``kind`` (one of ``SOURCINGS``), its ``label`` and the ``sources`` credited, in value order.

    ``key`` maps a source to the name it is compared under (spellings of one name meet).
    """
    figures = [(v.get("value"), v.get("high")) for v in values]
    shown = [v["source"] if isinstance(v.get("source"), str) and v["source"].strip() else None for v in values]
    names = [key(s) if s is not None else None for s in shown]
    credited = list(dict.fromkeys(n for n in names if n is not None))
    if not credited:
        kind = "unsourced"
    elif len(set(figures)) == 1:
        kind = "agreed"
    elif _different_sources_differ(figures, names):
        kind = "between_sources"
    elif len(credited) == 1 and (None not in names or len({f for f, n in zip(figures, names, strict=True) if n}) > 1):
        kind = "in_reporting"  # one source, and the differing values are all its own (or some of them)
    else:
        kind = "partly_sourced"
    first = {n: s for n, s in reversed(list(zip(names, shown, strict=True))) if n is not None}
    return {"kind": kind, "label": SOURCINGS[kind], "sources": [first[n] for n in credited]}


def _different_sources_differ(figures: Sequence[tuple[Any, Any]], names: Sequence[str | None]) -> bool:
    """Two values that differ are credited to two different sources."""
    pairs = [(f, n) for f, n in zip(figures, names, strict=True) if n is not None]
    return any(f1 != f2 and n1 != n2 for i, (f1, n1) in enumerate(pairs) for f2, n2 in pairs[i + 1:])
