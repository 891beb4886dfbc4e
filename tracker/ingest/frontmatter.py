"""Optional YAML front matter at the top of .txt/.md articles."""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from .safeyaml import load_metadata_yaml

_FENCE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
FIELDS = ("id", "title", "outlet", "authors", "published", "url", "version", "retrieved")


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body). The body is the text after the closing fence."""
    match = _FENCE.match(text)
    if not match:
        return {}, text
    data = load_metadata_yaml(match.group(1), path, "front matter", first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of title, outlet, authors, published, url", path, 1)
    return {str(k): v for k, v in data.items()}, text[match.end():]
