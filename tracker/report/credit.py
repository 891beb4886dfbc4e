"""Who a figure is credited to, in the words every report format shows."""

from __future__ import annotations

from typing import Any

#: How each attribution reads after the source's name.
_HOW = {"quoted": "quoted", "reported": "reported", "according_to": "according to", "document": "document"}


def credit_text(value: dict[str, Any]) -> str:
    """``Pentagon’s budget request (document)``, ``unnamed source: officials``, ``no source named``;
    empty for claim files written before figures were credited."""
    attribution = value.get("attribution")
    if not attribution:
        return ""
    source, mention = value.get("source"), value.get("source_mention")
    if attribution == "unattributed" and not source:
        return "no source named"
    if attribution == "anonymous" and not source:
        return f"unnamed source: {mention}" if mention else "unnamed source"
    if source:
        return f"{source} ({_HOW.get(str(attribution), str(attribution).replace('_', ' '))})"
    reason = value.get("source_reason")
    return f"source unknown{f': {reason}' if reason else ''}"


def sourcing_text(group: dict[str, Any]) -> str:
    """The group's label with the sources it credits: ``a disagreement between sources: A, B``."""
    sourcing = group.get("sourcing") or {}
    label, sources = sourcing.get("label"), sourcing.get("sources") or []
    if not label:
        return ""
    return f"{label}: {', '.join(str(s) for s in sources)}" if sources else str(label)
