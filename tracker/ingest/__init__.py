"""Article files -> documents: decoded body, metadata and content blocks.

Inputs are folders or files: ``.txt``/``.md`` (optional YAML front matter), saved web pages
(``.html``/``.htm``, read by ``html``) and ``.jsonl`` collections (one article per line, its
text in ``text`` or a saved page in ``html``). A ``sources.yaml`` beside the files sets or corrects
metadata per file. Documents are produced lazily, one at a time, so an archive of any size
streams through in constant memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .. import fsio
from ..errors import InputError, TrackerError
from ..records import Article, Block
from .decode import decode_text, repair_text, strip_controls
from .frontmatter import split_front_matter
from .html import HTML_SUFFIXES, extract_page
from .layout import analyse, is_dateline
from .metadata import byline_parts, context_year, is_organisation, parse_date
from .sources import SourceOverrides, discover

__all__ = ["Document", "RawArticle", "build_document", "count_articles", "iter_documents"]

TEXT_SUFFIXES = (".txt", ".md")
#: One article (a .txt/.md file or one .jsonl line). A news article is rarely over 200 KB; beyond
#: this, extraction time and claim-file size stop being reasonable. Collections may be any size.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
MAX_FILE_BYTES = MAX_ARTICLE_BYTES  # the former name
#: Hex digits of the title-and-text digest that names a .jsonl article with neither ``id`` nor
#: ``url``: 12 (48 bits) make a collision unlikely below millions of articles, yet keep file names short.
DIGEST_ID_LENGTH = 12
#: Read size when counting a collection's lines: large enough to run at disk speed, small
#: enough to keep memory flat.
COUNT_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Document:
    """One article ready for extraction."""

    article: Article
    body: str
    blocks: tuple[Block, ...]


ErrorHandler = Callable[[TrackerError], None]


@dataclass(frozen=True)
class RawArticle:
    """A text file's bytes and its ``sources.yaml`` metadata, before any decoding: all a text
    file's document is made of, so a caller that has seen them can skip the file (``seen``)."""

    path: Path
    raw: bytes
    overrides: dict[str, Any]


SeenCheck = Callable[[RawArticle], bool]


def iter_documents(inputs: Sequence[Path], on_error: ErrorHandler, exclude: Sequence[Path] = (),
                   seen: SeenCheck | None = None) -> Iterator[Document]:
    """Every article under ``inputs`` but ``exclude``; unreadable ones are reported to ``on_error`` and skipped.

    Text files for which ``seen`` returns True are skipped before decoding (the extraction cache).
    """
    for path, root, overrides in discover(inputs, on_error, exclude):
        try:
            if path.suffix.lower() == ".jsonl":
                yield from _iter_jsonl(path, root, overrides, on_error)
            else:
                doc = _read_text_file(path, root, overrides, seen)
                if doc is not None:
                    yield doc
        except TrackerError as exc:
            on_error(exc)


def count_articles(inputs: Sequence[Path], exclude: Sequence[Path] = ()) -> int:
    """About how many articles ``iter_documents`` will yield (a collection's lines are counted, blank
    or not), for a progress display's time left; unreadable inputs count as none."""
    total = 0
    for path, root, _ in discover(inputs, lambda _: None, exclude):
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with fsio.open_regular(path, root=root, error=InputError) as handle:
                tail = b"\n"
                while chunk := handle.read(COUNT_CHUNK_BYTES):
                    total += chunk.count(b"\n")
                    tail = chunk[-1:]
                total += tail != b"\n"  # a last line without a newline
        except (TrackerError, OSError):
            continue
    return total


def _read_bytes(path: Path, root: Path) -> bytes:
    """The whole file, when it is a regular file inside ``root`` no larger than one article may be."""
    return fsio.read_bytes(path, MAX_ARTICLE_BYTES, root=root, what="one article", error=InputError)


def _read_text_file(path: Path, root: Path, overrides: SourceOverrides,
                    seen: SeenCheck | None = None) -> Document | None:
    raw = _read_bytes(path, root)
    if seen is not None and seen(RawArticle(path, raw, overrides.for_file(path.name))):
        return None
    if path.suffix.lower() in HTML_SUFFIXES:
        return _read_html_file(path, root, overrides, raw)
    text = decode_text(raw, str(path))
    meta, body = split_front_matter(text, str(path))
    if not body.strip():
        raise InputError("empty article (no text after front matter)" if meta else "empty file", str(path))
    meta.update(overrides.for_file(path.name))  # RawArticle.overrides: keep the two in step
    return build_document(path.stem, str(path), body, meta)


def _read_html_file(path: Path, root: Path, overrides: SourceOverrides, raw: bytes) -> Document:
    """A saved web page: the article trafilatura finds, metadata given (sources.yaml) over the page's."""
    page = extract_page(decode_text(raw, str(path)), str(path))
    meta = {**page.meta, **overrides.for_file(path.name)}
    return build_document(path.stem, str(path), page.body, meta, record_body=True)


def _iter_jsonl(path: Path, root: Path, overrides: SourceOverrides, on_error: ErrorHandler) -> Iterator[Document]:
    """One document per line, streamed: a collection of any size is read in constant memory."""
    with fsio.open_regular(path, root=root, error=InputError) as handle:
        for number, raw, too_long in _lines(handle, str(path)):
            if number == 1 and b"\x00" in raw[:8192]:
                raise InputError("binary file, not JSON lines", str(path))
            if too_long:
                limit = fsio.megabytes(MAX_ARTICLE_BYTES)
                on_error(InputError(f"line is over {limit}, the limit for one article; skipped", str(path), number))
                continue
            if not raw.strip():
                continue
            try:
                yield _jsonl_document(path, number, raw, overrides)
            except TrackerError as exc:
                on_error(exc)


def _lines(handle: BinaryIO, where: str) -> Iterator[tuple[int, bytes, bool]]:
    """(number, line, too_long) for each line; an over-long line is skipped without being kept."""
    number = 0
    while True:
        number += 1
        try:
            raw = handle.readline(MAX_ARTICLE_BYTES + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", where, number) from None
        if not raw:
            return
        if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip to the end of this line in bounded chunks
                raw = handle.readline(1024 * 1024)
            yield number, b"", True
            continue
        yield number, raw.rstrip(b"\r\n"), False


def _jsonl_document(path: Path, number: int, raw: bytes, overrides: SourceOverrides) -> Document:
    where = str(path)
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("line is not valid UTF-8", where, number) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"broken JSON: {exc.msg} at column {exc.colno}", where, number) from None
    except RecursionError:
        raise InputError("broken JSON: nested too deeply", where, number) from None
    if not _encodable(record):
        raise InputError("JSON has an unpaired surrogate escape (\\ud800-\\udfff), which is not text",
                         where, number)
    if not isinstance(record, dict):
        raise InputError("each line must be a JSON object with a \"text\" field", where, number)
    body, page_meta = _jsonl_body(record, where, number)
    article_id = jsonl_article_id(path.stem, record, body)
    meta = {k: record[k] for k in ("title", "outlet", "authors", "published", "url", *VERSION_KEYS)
            if record.get(k) is not None}
    meta = {**page_meta, **meta}
    version = _version(meta)
    if version is not None:  # versions of one story share its id: each is its own claim file
        meta["id"] = article_id
        article_id = f"{article_id}@{version}"
    meta.update(overrides.for_file(article_id))
    return build_document(article_id, f"{path}:{number}", body, meta, record_body="text" not in record)


def _jsonl_body(record: dict[str, Any], where: str, number: int) -> tuple[str, dict[str, Any]]:
    """The line's ``text``, or else the article of the saved page in its ``html`` (with the page's metadata)."""
    text = record.get("text")
    if text is None and isinstance(record.get("html"), str):
        page = extract_page(repair_text(record["html"]), where, number)
        return page.body, page.meta
    if not isinstance(text, str):
        raise InputError("missing \"text\" (a string) or \"html\" (a saved page) in this line", where, number)
    if not text.strip():
        raise InputError("empty \"text\"", where, number)
    return repair_text(text), {}


def jsonl_article_id(stem: str, record: dict[str, Any], body: str) -> str:
    """What identifies a collection's article, never its position: adding, removing or reordering
    lines must not move a reviewer's work to another claim file.

    The line's ``id``; else its ``url``; else ``<collection>-<digest of title and text>``.
    """
    for key in ("id", "url"):
        value = record.get(key)
        if value not in (None, ""):
            return str(value)
    title = record.get("title")
    seed = f"{title if isinstance(title, str) else ''}\n{body}"
    return f"{stem}-{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:DIGEST_ID_LENGTH]}"


def _encodable(value: Any, depth: int = 0) -> bool:
    """No lone surrogates anywhere (they cannot be written as UTF-8)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if depth > 64:
        return True  # only the top-level fields are used; deeper values are never written
    if isinstance(value, dict):
        return all(_encodable(k, depth + 1) and _encodable(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_encodable(v, depth + 1) for v in value)
    return True


#: Fields that make an article one version of a story: an explicit version, or when it was retrieved.
VERSION_KEYS = ("version", "retrieved")


def _version(meta: dict[str, Any]) -> str | None:
    """The article's version label, from ``version`` else ``retrieved`` (None when neither is given)."""
    return next((text for key in VERSION_KEYS if (text := _text_or_none(meta.get(key))) is not None), None)


def build_document(article_id: str, path: str, body: str, meta: dict[str, Any],
                   record_body: bool = False) -> Document:
    """Metadata given wins; what is missing is read off the page (title, byline, date).
    ``record_body``: the body is not the file's text (a saved page), so the claim file keeps it."""
    layout = analyse(body, _text_or_none(meta.get("title")))
    authors: list[str] = []
    outlet: str | None = None
    date_text: str | None = None
    for byline in layout.bylines:
        names, when = byline_parts(byline)
        date_text = date_text or when
        for name in names:
            if is_organisation(name) and outlet is None:
                outlet = name
            elif not is_organisation(name):
                authors.append(name)
    if date_text is None:
        date_text = next((h for h in layout.header_lines if is_dateline(h)), None)
    published = _published(meta.get("published"), path)
    if published is None and date_text:
        day = parse_date(date_text, context_year(body))
        published = day.isoformat() if day else None
    given_authors = meta.get("authors")
    if isinstance(given_authors, str):
        given_authors = [given_authors]
    article = Article(
        id=article_id,
        path=path,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        title=_text_or_none(meta.get("title")) or layout.title,
        outlet=_text_or_none(meta.get("outlet")) or outlet,
        authors=tuple(str(a) for a in given_authors) if isinstance(given_authors, list) else tuple(authors),
        published=published,
        url=_text_or_none(meta.get("url")),
        body=body if record_body else None,
        version=_version(meta),
        version_of=_text_or_none(meta.get("id")) if _version(meta) is not None else None,
    )
    return Document(article, body, layout.blocks)


def _text_or_none(value: Any) -> str | None:
    """Metadata as one line of text; controls go, as from bodies (JSON metadata is not decoded)."""
    if value is None:
        return None
    text = " ".join(strip_controls(str(value)).split())
    return text or None


def _published(value: Any, path: str) -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        return str(value.isoformat())[:10]
    day = parse_date(str(value))
    if day is None:
        raise InputError(f"published date {str(value)!r} is not a date (use YYYY-MM-DD)", path)
    return day.isoformat()
