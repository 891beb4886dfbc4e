"""Record what each ``_reviews.yaml`` resolution covered, before new articles can join its group.

A resolution settles the figures a reviewer saw. ``tracker run`` and ``tracker extract`` call
this before extracting, so the values recorded in ``covers`` are those of the claim files the
reviewer resolved over, not of articles added in the same run. Only the new ``covers`` lines
change: the file is edited in place, with its comments and layout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..claimfile.reviews import REVIEWS_FILE, load_reviews
from ..claimfile.yaml_roundtrip import ChangedOnDisk, atomic_write, dump, flow_seq, parse_roundtrip
from ..errors import TrackerError
from ..fsio import read_bytes
from ..report.review_ids import covers_of, value_key

#: ``_reviews.yaml`` is a short hand-edited file; anything larger is not one to edit in place.
MAX_REVIEWS_BYTES = 4 * 1024 * 1024


def _pending(doc: Any) -> list[str]:
    """Keys of group reviews that resolve a conflict and do not yet say what they covered."""
    groups = doc.get("claim_groups") if isinstance(doc, dict) else None
    if not isinstance(groups, dict):
        return []
    return [str(k) for k, r in groups.items() if isinstance(r, dict) and r.get("resolved") and "covers" not in r]


def record_coverage(folder: Path) -> int:
    """Add ``covers`` to the resolutions lacking it; returns how many were recorded.

    Does nothing when the folder has no ``_reviews.yaml`` or fails validation (the run lists
    those problems after extracting); a file someone saves meanwhile is left as saved.
    """
    path = folder / REVIEWS_FILE
    if not os.path.isfile(path) or os.path.islink(path):
        return 0
    try:
        current = read_bytes(path, MAX_REVIEWS_BYTES, root=folder, what="a reviews file", error=TrackerError)
        doc = parse_roundtrip(current.decode("utf-8"), str(path))
    except (TrackerError, UnicodeDecodeError):
        return 0
    pending = _pending(doc)
    if not pending:
        return 0
    from ..report.model import build_report_from
    from .check import validate_folder

    files, problems = validate_folder(folder)
    if problems:
        return 0
    values = {g["id"]: [value_key(v["value"], v["high"]) for v in g["values"]]
              for g in build_report_from(files, load_reviews(folder))["claim_groups"]}
    recorded = 0
    for key in pending:
        if key in values:
            doc["claim_groups"][key]["covers"] = flow_seq(
                [flow_seq(x) if isinstance(x, list) else x for x in covers_of(values[key])])
            recorded += 1
    if recorded:
        try:
            atomic_write(path, dump(doc), expect=current)
        except ChangedOnDisk:
            return 0
    return recorded
