"""Recycled quotes presented as new: how old a cluster's words are when each article runs them.

Every member after a cluster's first gets the days since the cluster was first seen and a
status: ``fresh`` (the same news cycle), ``recycled_disclosed`` (older words the article dates:
"said then", "had warned", "last year") or ``recycled_undisclosed`` (older words with no time
cue, or served as news by a present-tense "warns" in the headline or lede). Without both
publication dates there is no age to judge: status and days are null, with the reason.
"""

from __future__ import annotations

from datetime import date
from typing import Any

#: Words repeated within this many days of their first appearance are one news cycle's coverage
#: (follow-ups, other outlets catching up), not old words brought back.
RECYCLED_AFTER_DAYS = 7
STATUSES = ("fresh", "recycled_disclosed", "recycled_undisclosed")
NO_DATE = "no publication date for this article or the cluster's first"


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def recycled(first_published: Any, published: Any, age_cue: Any) -> dict[str, Any]:
    """``{days, status, cue, reason}`` for one member after the first (see module doc)."""
    first, this = _day(first_published), _day(published)
    cue = age_cue if isinstance(age_cue, dict) and age_cue.get("says") in ("old", "new") else None
    if first is None or this is None:
        return {"days": None, "status": None, "cue": cue, "reason": NO_DATE}
    days = (this - first).days
    if days < RECYCLED_AFTER_DAYS:
        return {"days": days, "status": "fresh", "cue": cue,
                "reason": f"within {RECYCLED_AFTER_DAYS} days of first seen"}
    if cue is not None and cue["says"] == "old":
        return {"days": days, "status": "recycled_disclosed", "cue": cue,
                "reason": f"{days} days old; the article dates the words: \u201c{cue.get('text')}\u201d"}
    why = (f"presented as new: \u201c{cue.get('text')}\u201d in the headline or lede" if cue is not None
           else "no time cue near the quote")
    return {"days": days, "status": "recycled_undisclosed", "cue": cue, "reason": f"{days} days old; {why}"}
