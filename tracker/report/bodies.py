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

MAX_BODY_BYTES = 256 * 1024 * 1024  # as for article files (tracker.ingest)
_JSONL_LINE = re.compile(r"\A(?P<file>.+\.jsonl):(?P<line>[1-9][0-9]*)\Z", re.IGNORECASE)


def _candidates(path: str, folder: Path) -> list[Path]:
    raw = Path(path)
    if raw.is_absolute():
        return [raw]
    return [raw, folder.parent / raw]


Archives = dict[Path, list[bytes] | None]  # JSON-lines files split into lines, read once per report


def _read(file: Path) -> bytes | None:
    """The file's bytes, or None if it is missing, unreadable or too big."""
    try:
        return file.read_bytes() if file.is_file() and file.stat().st_size <= MAX_BODY_BYTES else None
    except OSError:
        return None


def _jsonl_body(file: Path, line: int, archives: Archives) -> str | None:
    if file not in archives:
        data = _read(file)
        archives[file] = None if data is None else data.split(b"\n")
    lines = archives[file]
    if lines is None or line > len(lines):
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


def article_body(article: dict[str, Any], folder: Path, archives: Archives | None = None) -> str | None:
    """The article's body if its file is found and unchanged since extraction, else None."""
    path, expected = article.get("path"), article.get("sha256")
    if not isinstance(path, str) or not path or not isinstance(expected, str):
        return None
    match = _JSONL_LINE.match(path)
    for file in _candidates(match.group("file") if match else path, folder):
        if match:
            body = _jsonl_body(file, int(match.group("line")), {} if archives is None else archives)
        else:
            data = _read(file)
            body = None if data is None else _text_body(data, str(file))
        if body is not None and hashlib.sha256(body.encode("utf-8")).hexdigest() == expected:
            return body
    return None


def load_bodies(report: dict[str, Any], folder: Path) -> dict[str, str]:
    """Bodies by article id, for the articles whose text could be found (see module doc)."""
    out: dict[str, str] = {}
    archives: Archives = {}  # each .jsonl read once, however many articles it holds
    for article in report["articles"]:
        body = article_body(article, folder, archives)
        if body is not None:
            out[str(article.get("id"))] = body
    return out
