"""The extraction cache: which articles a re-run can skip without extracting them again.

It lives beside the claim files in ``.tracker-cache/extract-v1.sqlite`` (the folder holds a
``.gitignore`` of ``*``, as pytest's cache does, so git never sees it). Each row maps a
document key (a digest of the extractor's version, the article's metadata, its body and its
blocks) and a text file's raw key (its path, bytes and sources.yaml entry, so an unchanged file
is not even decoded) to the sha256 of the claim file as the run left it and its record counts. An article is
skipped only when its key is known and its claim file still holds exactly those bytes; a
reviewer's edit, a deleted file or new extraction code makes it run again. The cache only ever
saves work: deleting it changes no output, and a cache that cannot be opened is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..ingest import Document, RawArticle

CACHE_DIR = ".tracker-cache"
CACHE_FILE = "extract-v1.sqlite"  # a new layout takes a new name: old caches are never misread
#: Rows written per transaction: one commit per article would cost a disk sync each.
COMMIT_EVERY = 500
_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Entry:
    """What the cache remembers of one article's last run."""

    file_sha256: str
    quotes: int
    claims: int
    body_sha256: str = ""  # the article's, so a skipped file still takes part in the repeated-id check


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the code and data that shape a claim file: any edit to them (a new rule, a
    retrained model, an upgraded tracker) invalidates every entry, so no stale output survives."""
    digest = hashlib.sha256()
    for path in sorted([*_PACKAGE.rglob("*.py"), *(_PACKAGE / "data").iterdir()]):
        digest.update(str(path.relative_to(_PACKAGE)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def document_key(doc: Document) -> str:
    """Everything extraction and the claim file's writer read of one document, digested."""
    digest = hashlib.sha256(extractor_version().encode("ascii"))
    digest.update(repr(doc.article).encode("utf-8", "surrogatepass"))
    digest.update(repr(doc.blocks).encode("ascii"))
    digest.update(doc.body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def raw_key(raw: RawArticle) -> str:
    """A text file's key before decoding: its path, bytes and ``sources.yaml`` metadata (all its
    document is made of), so an unchanged file is skipped without being decoded or laid out."""
    digest = hashlib.sha256(f"{extractor_version()}\0raw\0{raw.path}\0".encode("utf-8", "surrogateescape"))
    digest.update(repr(sorted(raw.overrides.items(), key=lambda kv: str(kv[0]))).encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(raw.raw)
    return digest.hexdigest()


def file_sha256(path: Path) -> str | None:
    """The claim file's digest as it is now, or None when it is missing or unreadable."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


class ExtractCache:
    """The SQLite table of ``Entry`` by document key; every failure degrades to a miss."""

    def __init__(self, out_dir: Path) -> None:
        self._db: sqlite3.Connection | None = None
        self._pending = 0
        folder = out_dir / CACHE_DIR
        with contextlib.suppress(OSError, sqlite3.Error):
            folder.mkdir(exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# tracker's cache: safe to delete\n*\n", encoding="utf-8")
            # Created here, not by SQLite (always 0644), so the file follows the umask as claim files do.
            os.close(os.open(folder / CACHE_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666))
            db = sqlite3.connect(os.fspath(folder / CACHE_FILE), isolation_level="DEFERRED")
            db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, file_sha256 TEXT NOT NULL, "
                       "quotes INTEGER NOT NULL, claims INTEGER NOT NULL, body_sha256 TEXT NOT NULL)")
            self._db = db

    def get(self, key: str) -> Entry | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT file_sha256, quotes, claims, body_sha256 FROM articles WHERE key = ?",
                                   (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else Entry(str(row[0]), int(row[1]), int(row[2]), str(row[3]))

    def put(self, key: str, entry: Entry) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?)",
                             (key, entry.file_sha256, entry.quotes, entry.claims, entry.body_sha256))
            self._pending += 1
            if self._pending >= COMMIT_EVERY:
                self._db.commit()
                self._pending = 0
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self._db.commit()
            self._db.close()
        self._db = None

    def __enter__(self) -> ExtractCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
