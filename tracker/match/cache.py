"""A cache beside the claim files, so re-running ``report`` or ``run`` on an unchanged folder is quick.

An SQLite file in ``<claims>/.tracker-cache/`` (with its own ``.gitignore``, as pytest's cache
has, so it is never committed) holds two things, each keyed by content, never by time or name:

- each claim file's parsed data, keyed by the SHA-256 of its bytes: a changed or new file is
  parsed again, an unchanged one is not (parsing is most of the cost of reading a folder);
- the report model, keyed by the digest of every claim file's bytes, ``_reviews.yaml``, the
  working folder (``check`` reads article paths from it) and tracker's own code: ``report``
  on a folder nothing changed in reads the model instead of checking and matching again;
- which claim files passed ``check``'s rules, keyed by their bytes, their article file's size
  and time and the code (``validate_folder`` reads each article to check spans: most of its time);
- the report rendered in each text format under that same key, so such a ``report`` does not
  decode the model and serialise it again either (most of its time on a large folder).

Every entry is signed with a key kept in the user's cache folder (``$XDG_CACHE_HOME/tracker``),
so a cache committed to a repository or copied from elsewhere is never believed: a pull request
cannot slip a report in through it. Only data that comes back from JSON exactly as it went in
is stored, so a cached value is always what computing it would give. Deleting the folder
changes no output. Any problem with the cache (a read-only folder, a locked or corrupt
database) is ignored: it is an optimisation, never a reason for a run to fail.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..claimfile.yaml_roundtrip import MAX_YAML_BYTES

CACHE_DIR = ".tracker-cache"
CACHE_FILE = "cache.sqlite"
SCHEMA = 1  # bumped when the tables change: an older cache is then simply rebuilt
#: zlib level for rendered reports: tens of MB written on every cold report, so speed over size
#: (level 1 compresses a JSON report about 6x, several times faster than the default).
RENDERED_LEVEL = 1
BUSY_SECONDS = 5.0  # another run writing the cache: wait this long, then go on without it
_TABLES = (
    "CREATE TABLE IF NOT EXISTS parsed (sha TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS report (key TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS rendered (key TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS valid (key TEXT PRIMARY KEY, data BLOB NOT NULL)",
)


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of tracker's own source: a cached report is reused only by the code that made it."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json", ".j2", ".html", ".css", ".js") and path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


KEY_BYTES = 32
MAC_BYTES = 32  # SHA-256


@functools.lru_cache(maxsize=1)
def _secret() -> bytes | None:
    """This user's signing key, made on first use (None, and no caching, when it cannot be)."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tracker"
    path = home / "cache-key"
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(KEY_BYTES))
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            key = handle.read(KEY_BYTES + 1)
    except (OSError, RuntimeError):
        return None
    return key if len(key) == KEY_BYTES else None


def _sign(blob: bytes, secret: bytes) -> bytes:
    return hmac.new(secret, blob, hashlib.sha256).digest() + blob


def _verified(signed: bytes, secret: bytes) -> bytes | None:
    mac, blob = signed[:MAC_BYTES], signed[MAC_BYTES:]
    return blob if hmac.compare_digest(mac, hmac.new(secret, blob, hashlib.sha256).digest()) else None


def _exact(value: Any) -> bytes | None:
    """``value`` as compressed JSON if it reads back equal (no dates, tuples or non-string keys)."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return zlib.compress(text.encode("utf-8")) if _reads_back(value) else None


#: Types JSON gives back as they went in (floats too, but for NaN, which equals nothing).
_EXACT_SCALARS = frozenset({str, int, bool, type(None)})


def _reads_back(value: Any) -> bool:
    """Whether ``json.loads`` of ``value``'s JSON is equal with the same types all the way down
    (``1 == 1.0`` and ``True == 1`` are not enough): decided from the types, without reading it back.
    A loop over a stack, not recursion: a report model holds millions of values."""
    stack = [value]
    pop, extend = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is dict:
            if not all(isinstance(key, str) for key in item):
                return False
            extend(item.values())
        elif kind is list:
            extend(item)
        elif kind is float:
            if item != item:  # NaN comes back unequal to itself
                return False
        elif kind not in _EXACT_SCALARS:
            return False
    return True


class MatchCache:
    """The cache of one claim folder; every method degrades to "not cached" on any SQLite problem."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._seen: set[str] = set()
        self._valid_seen: set[str] = set()
        self._secret = _secret()
        if self._secret is not None:
            with contextlib.suppress(OSError, sqlite3.Error):
                self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        where = self.folder / CACHE_DIR
        where.mkdir(exist_ok=True)
        if where.is_symlink() or not where.is_dir() or (where / CACHE_FILE).is_symlink():
            raise OSError("the cache must be a plain folder and file")  # never write through a link
        ignore = where / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# tracker's cache: safe to delete, never committed\n*\n", encoding="utf-8")
        # Created with the umask, as every output (SQLite would use 0644 whatever the umask).
        os.close(os.open(where / CACHE_FILE, os.O_CREAT | os.O_WRONLY | os.O_NOFOLLOW, 0o666))
        db = sqlite3.connect(where / CACHE_FILE, timeout=BUSY_SECONDS)
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
            db.executescript("DROP TABLE IF EXISTS parsed; DROP TABLE IF EXISTS report;")
            db.execute(f"PRAGMA user_version = {SCHEMA}")
        for table in _TABLES:
            db.execute(table)
        db.commit()
        return db

    def _get(self, table: str, column: str, key: str) -> Any:
        if self._db is None or self._secret is None:
            return None
        try:
            row = self._db.execute(f"SELECT data FROM {table} WHERE {column} = ?", (key,)).fetchone()
            blob = _verified(bytes(row[0]), self._secret) if row else None
            return json.loads(zlib.decompress(blob)) if blob is not None else None
        except (sqlite3.Error, zlib.error, ValueError, TypeError):
            return None

    def _put(self, table: str, key: str, value: Any) -> None:
        if self._db is None or self._secret is None:
            return
        blob = _exact(value)
        if blob is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (key, _sign(blob, self._secret)))

    def parsed(self, text: str) -> tuple[str, Any]:
        """The content key of a claim file's text and its cached data (None when not cached)."""
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._seen.add(sha)
        return sha, self._get("parsed", "sha", sha)

    def store_parsed(self, sha: str, data: Any) -> None:
        self._put("parsed", sha, data)

    def valid(self, key: str) -> bool:
        """Whether a claim file with this validation key passed every rule before."""
        self._valid_seen.add(key)
        return self._get("valid", "key", key) is True

    def store_valid(self, key: str) -> None:
        self._valid_seen.add(key)
        self._put("valid", key, True)

    def rendered(self, key: str, fmt: str) -> tuple[Any, str] | None:
        """``(meta, text)`` of the report rendered in ``fmt`` for ``key``, or None when not cached."""
        if self._db is None or self._secret is None:
            return None
        try:
            row = self._db.execute("SELECT data FROM rendered WHERE key = ?", (f"{key}:{fmt}",)).fetchone()
            blob = _verified(bytes(row[0]), self._secret) if row else None
            if blob is None:
                return None
            head, _, text = zlib.decompress(blob).partition(b"\n")
            return json.loads(head), text.decode("utf-8")
        except (sqlite3.Error, zlib.error, ValueError, TypeError):
            return None

    def store_rendered(self, key: str, fmt: str, meta: Any, text: str) -> None:
        """Keep ``text`` (the report in ``fmt``) with ``meta`` (one line of JSON) until the model changes."""
        if self._db is None or self._secret is None:
            return
        head = json.dumps(meta, separators=(",", ":")).encode("utf-8")  # one line: JSON escapes newlines
        blob = _sign(zlib.compress(head + b"\n" + text.encode("utf-8"), RENDERED_LEVEL), self._secret)
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("INSERT OR REPLACE INTO rendered VALUES (?, ?)", (f"{key}:{fmt}", blob))
            self._db.commit()

    def report(self, key: str) -> Any:
        return self._get("report", "key", key)

    def store_report(self, key: str, model: Any) -> None:
        """Keep ``model`` as the folder's only report, and only the parsed files it was read from."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("DELETE FROM report")
            self._db.execute("DELETE FROM rendered")  # rendered from the model this one replaces
            self._put("report", key, model)
            if self._seen:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS seen (sha TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM seen")
                self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", ((s,) for s in self._seen))
                self._db.execute("DELETE FROM parsed WHERE sha NOT IN (SELECT sha FROM seen)")
                self._db.execute("DELETE FROM seen")
                self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", ((s,) for s in self._valid_seen))
                self._db.execute("DELETE FROM valid WHERE key NOT IN (SELECT sha FROM seen)")
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.commit()
                self._db.close()
            self._db = None


def folder_key(paths: Iterable[Path], reviews: Path) -> str | None:
    """The report's key: every claim file's name and bytes, the reviews, the working folder and
    the code (None when a file cannot be read: the normal path then reports the problem)."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(os.fsencode(Path.cwd()))
    try:
        for path in _with_reviews(paths, reviews):
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_YAML_BYTES:
                return None  # a link, pipe or huge file: the normal path refuses it with a reason
            digest.update(b"\0" + os.fsencode(path.name) + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def sources_signature(articles: Iterable[dict[str, Any]], folder: Path) -> str:
    """Which article files exist where ``check`` looks for them, with their sizes and times: a
    span is checked against its article's text only when the file is there, so a cached report
    stands only while they are unchanged."""
    from ..report.bodies import JSONL_LINE, candidates

    digest = hashlib.sha256()
    for article in articles:
        path = article.get("path")
        if not isinstance(path, str) or not path:
            continue
        match = JSONL_LINE.match(path)
        for file in candidates(match.group("file") if match else path, folder):
            try:
                info = os.stat(file)
                digest.update(f"{file}\0{info.st_size}\0{info.st_mtime_ns}\0".encode(errors="surrogateescape"))
            except (OSError, ValueError):
                digest.update(f"{file}\0-\0".encode(errors="surrogateescape"))
    return digest.hexdigest()


def validation_key(path: Path, sha: str, article: Any) -> str:
    """What ``check``'s rules read of one claim file: its bytes (``sha``), where it lies, the
    article file its spans are checked against (size and time, as ``sources_signature``), the
    working folder and the code. Review links to other files are not in it: see ``validate_folder``."""
    digest = hashlib.sha256(f"{code_digest()}\0{sha}\0".encode())
    digest.update(os.fsencode(Path.cwd()) + b"\0" + os.fsencode(path) + b"\0")
    digest.update(sources_signature([article] if isinstance(article, dict) else [], path.parent).encode())
    return digest.hexdigest()


def _with_reviews(paths: Iterable[Path], reviews: Path) -> Iterator[Path]:
    yield from paths
    if os.path.lexists(reviews):
        yield reviews
