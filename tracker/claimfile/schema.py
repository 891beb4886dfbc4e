"""The JSON Schema of claim files, shipped in the package.

Editors validate claim files as you type through the ``yaml-language-server`` line at the top
of every claim file, which points at ``claim-file.schema.json`` next to it (a relative path, so
it works offline). Write that file with ``tracker schema -o claims/claim-file.schema.json``.
``tracker check`` takes its allowed keys from the same schema, so the two never disagree.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "claim-file.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"


def schema_text() -> str:
    """The schema exactly as shipped (stable bytes, ends with a newline)."""
    return resources.files("tracker").joinpath("data", SCHEMA_FILE).read_text(encoding="utf-8")


@functools.cache
def claim_file_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text())
    return data


def allowed_keys(definition: str) -> tuple[str, ...]:
    """The keys a mapping may hold, in file order: ``article``, ``quote``, ``claim``, ``review``."""
    schema = claim_file_schema()
    node = schema if definition == "file" else schema["definitions"][definition]
    return tuple(node["properties"])


def enum(definition: str, key: str) -> tuple[Any, ...]:
    return tuple(claim_file_schema()["definitions"][definition]["properties"][key]["enum"])
