"""Article bodies for the HTML report: read from each article's ``path``, never from claim files.

A claim file's ``path`` is resolved against the current directory first, then against the
claim folder's parent. The body is used only when its SHA-256 equals the article's ``sha256``:
then the character spans in the claim file are known to point at the right text, and a claim
file edited to name some other local file (``/etc/passwd``) cannot pull it into a report that
will be shared. Otherwise the report shows the quote and sentence text only.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from ..errors import TrackerError
from ..ingest.decode import decode_text, repair_text
from ..ingest.frontmatter import split_front_matter

MAX_BODY_BYTES = 64 * 1024 * 1024
_JSONL_LINE = re.compile(r"\A(?P<file>.+\.jsonl):(?P<line>[1-9][0-9]*)\Z", re.IGNORECASE)


def _candidates(path: str, folder: Path) -> list[Path]:
    raw = Path(path)
    if raw.is_absolute():
        return [raw]
    return [raw, folder.parent / raw]


def _read(file: Path) -> bytes | None:
    try:
        if not file.is_file() or file.stat().st_size > MAX_BODY_BYTES:
            return None
        return file.read_bytes()
    except OSError:
        return None


def _jsonl_body(data: bytes, line: int) -> str | None:
    lines = data.split(b"\n")
    if line > len(lines):
        return None
    try:
        record = json.loads(lines[line - 1].decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    text = record.get("text") if isinstance(record, dict) else None
    return repair_text(text) if isinstance(text, str) else None


def _text_body(data: bytes, where: str) -> str | None:
    try:
        _, body = split_front_matter(decode_text(data, where), where)
    except TrackerError:
        return None
    return body


def article_body(article: dict[str, Any], folder: Path) -> str | None:
    """The article's body if its file is found and unchanged since extraction, else None."""
    path, expected = article.get("path"), article.get("sha256")
    if not isinstance(path, str) or not path or not isinstance(expected, str):
        return None
    match = _JSONL_LINE.match(path)
    target = match.group("file") if match else path
    for file in _candidates(target, folder):
        data = _read(file)
        if data is None:
            continue
        body = _jsonl_body(data, int(match.group("line"))) if match else _text_body(data, str(file))
        if body is not None and hashlib.sha256(body.encode("utf-8")).hexdigest() == expected:
            return body
    return None


def load_bodies(report: dict[str, Any], folder: Path) -> dict[str, str]:
    """Bodies by article id, for the articles whose text could be found (see module doc)."""
    out: dict[str, str] = {}
    for article in report["articles"]:
        body = article_body(article, folder)
        if body is not None:
            out[str(article.get("id"))] = body
    return out
