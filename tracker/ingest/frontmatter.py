"""Optional YAML front matter at the top of .txt/.md articles."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import InputError

_FENCE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
FIELDS = ("id", "title", "outlet", "authors", "published", "url")


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body). The body is the text after the closing fence."""
    match = _FENCE.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", path, line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of title, outlet, authors, published, url", path, 1)
    return {str(k): v for k, v in data.items()}, text[match.end():]
