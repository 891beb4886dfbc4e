"""The claim-file contract in one place: every field comes from the JSON Schema.

``tracker/data/claim-file.schema.json`` is the field table. Each section's properties, in the
order claim files write them, give the key order; three annotations say what the code needs
beyond types: ``x-editable`` (a reviewer may correct the field in place and re-runs keep the
correction; ``"later"`` when the field was added after claim files were first written, so it
enters the ``auto`` fingerprint only when present), ``x-when-found`` (a machine field written
only when extraction finds it and removed when a re-run no longer does). The store's key order,
editable fields, ``check``'s enumerations and ``shape``'s type guards are read from here, so a new
field is declared once, in the schema, and the rest follows.
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
#: Every record's identifier: any scalar is read as its text (a hand-typed number stays usable).
ID = "id"
_TEXT = frozenset({"string", "null"})
_LIST = frozenset({"array", "null"})


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


def _types(spec: dict[str, Any]) -> frozenset[str]:
    """The JSON types a property admits, through ``$ref``, ``anyOf`` and ``enum``."""
    if "$ref" in spec:
        return _types(claim_file_schema()["definitions"][spec["$ref"].rsplit("/", 1)[-1]])
    if "anyOf" in spec:
        return frozenset().union(*(_types(option) for option in spec["anyOf"]))
    if "enum" in spec:
        return frozenset("null" if v is None else "string" if isinstance(v, str) else "other" for v in spec["enum"])
    kind = spec.get("type", "any")
    return frozenset([kind] if isinstance(kind, str) else kind)


@functools.cache
def text_keys(section: str) -> tuple[str, ...]:
    """Fields that hold text (or null), the id apart: what a reader may take as ``str | None``."""
    return tuple(key for key, spec in _properties(section).items() if key != ID and _types(spec) <= _TEXT)


@functools.cache
def list_keys(section: str) -> tuple[str, ...]:
    """Fields that hold a list (or null): spans, links, authors."""
    return tuple(key for key, spec in _properties(section).items() if _types(spec) <= _LIST)


def enum(section: str, key: str) -> tuple[Any, ...]:
    """The allowed values of a field (``None`` included when the schema allows null)."""
    return tuple(_properties(section)[key]["enum"])


def nested_keys(section: str, key: str) -> tuple[str, ...]:
    """The keys of a mapping field (``counts``)."""
    return tuple(_properties(section)[key]["properties"])
