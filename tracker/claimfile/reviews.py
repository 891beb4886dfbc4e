"""Reviews of quote clusters and claim groups: ``_reviews.yaml`` beside the claim files.

Clusters and groups span several articles, so their reviews cannot live in one article's claim
file. They live in one hand-edited file in the claims folder, keyed by the cluster or group id
that ``tracker report --format json`` prints::

    quote_clusters:
      qc-000_c9872250243b9f58-qc3f69dfc1d: {status: confirmed, by: ed, note: same speech}
    claim_groups:
      cg-001_67fd44f88288fe61-c1970fa6e1f: {status: confirmed, by: ed, resolved: later figure updates the first}
    misattributions:
      ma-3f2a9c01d4: {status: rejected, by: ed, resolved: alias}

A misattribution flag (one quote credited to two people) is settled by ``resolved`` (``alias``:
the two names are one person) or ``status: rejected``; ``status: confirmed`` keeps it open as a
real misattribution. Flag ids come from the cluster and the two people, so reviews survive re-runs.

``resolved`` on a claim group settles its conflict (the verdict becomes consistent, with the
reason); ``covers`` lists the values it settled (``tracker run`` records them), so a later
article with another value reopens it. A key naming any member of a group (``cg-ARTICLE-CLAIM``)
stays that group's id when older members join. The report carries every cluster's and group's
review (``unreviewed`` by default); ``tracker check`` (and ``run``/``report``, which apply it)
validates the file; a review of an id the report does not have is an error.
The leading underscore keeps it apart from claim files, whose names never start with one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .yaml_roundtrip import load_plain

REVIEWS_FILE = "_reviews.yaml"
SECTIONS = ("quote_clusters", "claim_groups", "misattributions")
KEYS = ("status", "by", "note", "resolved", "covers")
DEFAULT = {"status": "unreviewed", "by": None, "note": None}


def is_claim_file(path: Path) -> bool:
    """Claim files are the folder's ``*.yaml`` files, except ``_``-prefixed ones like ``_reviews.yaml``."""
    return path.suffix == ".yaml" and not path.name.startswith("_")


def claim_file_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if is_claim_file(p))


def load_reviews(folder: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """``{"quote_clusters": {id: review}, "claim_groups": {id: review}}``; empty without the file.

    Malformed entries are skipped here (``tracker check`` reports them); a file that is not
    YAML at all raises ClaimFileError.
    """
    path = folder / REVIEWS_FILE
    out: dict[str, dict[str, dict[str, Any]]] = {section: {} for section in SECTIONS}
    if not os.path.lexists(path):  # a link, pipe or device here is refused by load_plain, not skipped
        return out
    data = load_plain(path)
    if not isinstance(data, dict):
        return out
    for section in SECTIONS:
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for key, review in entries.items():
            if isinstance(review, dict):
                out[section][str(key)] = {**DEFAULT, **{k: v for k, v in review.items() if k in KEYS}}
    return out


def review_of(reviews: dict[str, dict[str, dict[str, Any]]], section: str, key: str) -> dict[str, Any]:
    return dict(reviews.get(section, {}).get(key) or DEFAULT)
