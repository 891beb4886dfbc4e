"""The claim-file contract in one place: every field comes from the JSON Schema.

``tracker/data/claim-file.schema.json`` is the field table. Each section's properties, in the
order claim files write them, give the key order; three annotations say what the code needs
beyond types: ``x-editable`` (a reviewer may correct the field in place and re-runs keep the
correction; ``"later"`` when the field was added after claim files were first written, so it
enters the ``auto`` fingerprint only when present), ``x-when-found`` (a machine field written
only when extraction finds it and removed when a re-run no longer does). The store's key order
and editable fields and ``check``'s enumerations are read from here (``shape``'s guard lists are not yet),
so a new field is declared once, in the schema, and the rest follows.
"""

from __future__ import annotations

import functools
from typing import Any

from .schema import claim_file_schema

#: A claim file's record sections and the schema definition of each of their records.
DEFINITION = {"article": "article", "quotes": "quote", "claims": "claim", "corrections": "correction"}
#: Set by extraction when a record's text is gone: appended after the written keys, never inserted.
ORPHANED = "orphaned"
#: ``x-editable`` value of a field added after claim files were first written.
ADDED_LATER = "later"


def _properties(section: str) -> dict[str, Any]:
    definitions = claim_file_schema()["definitions"]
    properties: dict[str, Any] = definitions[DEFINITION[section]]["properties"]
    return properties


@functools.cache
def record_keys(section: str) -> tuple[str, ...]:
    """The keys of a record in the order claim files write them (``orphaned`` comes last)."""
    return tuple(key for key in _properties(section) if key != ORPHANED)


@functools.cache
def editable(section: str) -> tuple[str, ...]:
    """Fields a reviewer may correct in place, in the order the ``auto`` fingerprint reads them."""
    return tuple(key for key, spec in _properties(section).items() if spec.get("x-editable"))


@functools.cache
def editable_later() -> frozenset[str]:
    """Editable fields added after claim files were first written (fingerprinted only when present)."""
    return frozenset(key for section in DEFINITION for key, spec in _properties(section).items()
                     if spec.get("x-editable") == ADDED_LATER)


@functools.cache
def written_when_found(section: str) -> tuple[str, ...]:
    """Machine fields written only when extraction finds them (a re-run that does not, removes them)."""
    return tuple(key for key, spec in _properties(section).items() if spec.get("x-when-found"))


def enum(section: str, key: str) -> tuple[Any, ...]:
    """The allowed values of a field (``None`` included when the schema allows null)."""
    return tuple(_properties(section)[key]["enum"])


def nested_keys(section: str, key: str) -> tuple[str, ...]:
    """The keys of a mapping field (``counts``)."""
    return tuple(_properties(section)[key]["properties"])
