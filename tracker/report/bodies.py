"""Article bodies for ``check`` and the HTML report: read from each article's ``path``, never from claim files.

A claim file's ``path`` is tried relative to the current directory, to the claim folder's
parent, then to the claim folder. A file is read only when it lies inside those roots (the
current directory and the claim folder's parent, links followed), is a regular file and is no
larger than an article may be; its body is used only when its SHA-256 equals the article's
``sha256``. Then the character spans in the claim file are known to point at the right text.
A claim file from a pull request can name any path (``/etc/passwd``, ``~/.gitconfig``,
``/dev/zero``): such a file is never read, or read and dropped, and ``problem`` says why in
words that hold nothing of the file's content, so no guess a claim file makes about it can be
confirmed or refuted by any output.

A saved web page's claim file records its body (``article.body``, the article trafilatura
found): the page is re-read when it can be (to tell a changed page, stale), and the recorded
body, checked against ``sha256``, is used when the page is gone or the ``html`` extra is not
installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import fsio
from ..errors import TrackerError
from ..ingest import MAX_ARTICLE_BYTES
from ..ingest.decode import decode_text, repair_text
from ..ingest.frontmatter import split_front_matter
from ..ingest.html import HTML_SUFFIXES, extract_page

#: A .jsonl collection streams at extraction and may be large; re-reading one for a report is
#: bounded by this (beyond it the report shows quote and sentence text only).
MAX_COLLECTION_BYTES = 256 * 1024 * 1024
JSONL_LINE = re.compile(r"\A(?P<file>.+\.jsonl):(?P<line>[1-9][0-9]*)\Z", re.IGNORECASE)
NOT_FOUND = "not found (moved or deleted)"
STALE = "stale"

Archives = dict[Path, list[bytes] | None]  # JSON-lines files split into lines, read once per report


@dataclass(frozen=True)
class Lookup:
    """An article body found and verified, or why there is none (``STALE``, ``NOT_FOUND`` or
    another reason naming no content)."""

    body: str | None
    problem: str | None = None


def roots(folder: Path) -> tuple[Path, ...]:
    """Where article files may be read from for the claim folder ``folder``."""
    return (Path.cwd(), folder.parent)


def candidates(path: str, folder: Path) -> list[Path]:
    raw = Path(path)
    if raw.is_absolute():
        return [raw]
    return list(dict.fromkeys([raw, folder.parent / raw, folder / raw]))


def _jsonl_body(file: Path, line: int, archives: Archives) -> str | None:
    if file not in archives:
        data = fsio.read_bytes(file, MAX_COLLECTION_BYTES, what="a collection")
        archives[file] = data.split(b"\n")
    lines = archives[file]
    if lines is None or line > len(lines):
        return None
    try:
        record = json.loads(lines[line - 1].decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    text = record.get("text") if isinstance(record, dict) else None
    return repair_text(text) if isinstance(text, str) else None


def _text_body(file: Path) -> str | None:
    data = fsio.read_bytes(file, MAX_ARTICLE_BYTES, what="one article")
    if file.suffix.lower() in HTML_SUFFIXES:
        return extract_page(decode_text(data, str(file)), str(file)).body
    try:
        _, body = split_front_matter(decode_text(data, str(file)), str(file))
    except TrackerError:
        return None
    return body


def _read_body(file: Path, line: int | None, archives: Archives) -> Lookup:
    """The body in ``file`` (at ``line`` of a collection), unverified; problems name no content."""
    try:
        body = _text_body(file) if line is None else _jsonl_body(file, line, archives)
    except TrackerError as exc:  # fsio's reasons: not a regular file, too large, unreadable
        if line is not None:
            archives[file] = None
        return Lookup(None, f"cannot be read ({exc.message})")
    return Lookup(body) if body is not None else Lookup(None, "cannot be read as an article")


def find_body(article: dict[str, Any], folder: Path, archives: Archives | None = None) -> Lookup:
    """The article's body if its file is found inside the roots and unchanged since extraction."""
    path, expected = article.get("path"), article.get("sha256")
    if not isinstance(expected, str):
        return Lookup(None, NOT_FOUND)
    if not isinstance(path, str) or not path:
        return _recorded(article, expected, None)
    match = JSONL_LINE.match(path)
    line = int(match.group("line")) if match else None
    first_problem: str | None = None
    for file in candidates(match.group("file") if match else path, folder):
        if not os.path.lexists(file):
            continue
        if not fsio.inside(file, roots(folder)):
            found = Lookup(None, "lies outside the current folder and the claim folder's parent; not read")
        else:
            found = _read_body(file, line, {} if archives is None else archives)
            if found.body is not None and hashlib.sha256(found.body.encode("utf-8")).hexdigest() == expected:
                return found
            if found.body is not None:
                found = Lookup(None, STALE)
        first_problem = first_problem or found.problem
    return _recorded(article, expected, first_problem)


def _recorded(article: dict[str, Any], expected: str, problem: str | None) -> Lookup:
    """The body the claim file records (a saved page), unless its page changed since extraction."""
    recorded = article.get("body")
    if problem != STALE and isinstance(recorded, str) and _sha256(recorded) == expected:
        return Lookup(recorded)
    return Lookup(None, problem or NOT_FOUND)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_body(article: dict[str, Any], folder: Path, archives: Archives | None = None) -> str | None:
    """The article's body if its file is found and unchanged since extraction, else None."""
    return find_body(article, folder, archives).body


def load_bodies(report: dict[str, Any], folder: Path) -> dict[str, str]:
    """Bodies by article id, for the articles whose text could be found (see module doc)."""
    out: dict[str, str] = {}
    archives: Archives = {}  # each .jsonl read once, however many articles it holds
    for article in report["articles"]:
        body = article_body(article, folder, archives)
        if body is not None:
            out[str(article.get("id"))] = body
    return out
