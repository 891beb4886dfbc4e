"""The shape the report relies on in a claim file, checked before anything is computed.

``tracker check`` reports every schema problem; the report only needs the fields it reads to
have usable types. A hand edit that breaks one (``quotes: 7``, ``speaker: [a, b]``, an
unquoted date) is refused with the file and line instead of failing somewhere inside matching.
Which fields hold text and which hold lists is read from the schema (``fields``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import ClaimFileError
from . import fields
from .yaml_roundtrip import read_text

_SCALAR = (str, int, float, bool, type(None))


def _problem(data: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """(message, key path) of the first field the report cannot use, or None."""
    article = data["article"]
    for key in fields.text_keys("article"):
        if not isinstance(article.get(key), str | None):
            return f"article.{key} must be text (quote dates: \"2020-01-02\"), not {article[key]!r}", ["article", key]
    for key in fields.list_keys("article"):
        if not isinstance(article.get(key), list | None):
            return f"article.{key} must be a list, not {article[key]!r}", ["article", key]
    if not isinstance(article.get(fields.ID), _SCALAR):
        return "article.id must be text", ["article", "id"]
    for section in ("quotes", "claims", "corrections"):
        records = data.get(section)
        if records is None:
            continue
        if not isinstance(records, list):
            return f"'{section}' must be a list", [section]
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            for key in fields.text_keys(section):
                if not isinstance(record.get(key), str | None):
                    return f"{section[:-1]}.{key} must be text, not {record[key]!r}", [section, index, key]
            for key in fields.list_keys(section):
                if not isinstance(record.get(key), list | None):
                    return f"{section[:-1]}.{key} must be a list, not {record[key]!r}", [section, index, key]
            review = record.get("review")
            if review is None:
                continue
            if not isinstance(review, dict):
                return "review must be a mapping {status, by, note}", [section, index, "review"]
            for key in ("same_as", "different_from"):
                refs = review.get(key)
                if isinstance(refs, list) and all(isinstance(r, _SCALAR) for r in refs):
                    continue
                if not isinstance(refs, _SCALAR):
                    return (f"review.{key} must be a reference or a list of them, not {refs!r}",
                            [section, index, "review", key])
    return None


def line_of(path: Path, keys: list[Any]) -> int | None:
    """The line of the value at ``keys`` (the file already passed the safety scan)."""
    try:
        node: Any = yaml.compose(read_text(path), Loader=yaml.SafeLoader)
    except (ClaimFileError, ValueError, yaml.YAMLError):
        return None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in reversed(node.value) if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            return None
    return int(node.start_mark.line) + 1


def check_shape(path: Path, data: dict[str, Any]) -> None:
    """Raise ClaimFileError (file:line) when ``data`` has a field the report cannot use."""
    problem = _problem(data)
    if problem is not None:
        message, keys = problem
        raise ClaimFileError(f"{message}; fix it (tracker check lists every problem)", str(path), line_of(path, keys))
