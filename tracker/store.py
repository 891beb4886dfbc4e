"""Claim files: one YAML file per article in the output folder.

Re-running extraction merges into the existing file instead of replacing it: review fields,
corrected speakers and the comments a reviewer wrote survive, unchanged records keep their
bytes, and records whose source text disappeared are kept and marked ``orphaned``.
"""

from __future__ import annotations

import fcntl
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from ruamel.yaml.comments import CommentedMap

from .errors import ClaimFileError, LockError
from .records import Article, Claim, Quote, Review
from .shape import check_shape
from .yamlio import atomic_write, dump, flow_map, flow_seq, load_plain, load_roundtrip, scalar

SCHEMA_HEADER = "# yaml-language-server: $schema=https://tracker.invalid/schema/claim-file.json\n"
LOCK_NAME = ".tracker.lock"
REVIEW_KEYS = ("status", "by", "note")
# Fields a reviewer may correct in place; kept over new machine output once reviewed.
EDITABLE = {"quotes": ("speaker", "kind"), "claims": ("measure", "unit")}


@dataclass(frozen=True)
class ClaimFile:
    """A loaded claim file as plain data (what the report and checks read)."""

    path: Path
    data: dict[str, Any]

    @property
    def article(self) -> dict[str, Any]:
        article = self.data.get("article")
        return article if isinstance(article, dict) else {}

    @property
    def quotes(self) -> list[dict[str, Any]]:
        return [q for q in self.data.get("quotes") or [] if isinstance(q, dict)]

    @property
    def claims(self) -> list[dict[str, Any]]:
        return [c for c in self.data.get("claims") or [] if isinstance(c, dict)]


def file_name(article_id: str) -> str:
    """A safe, readable file name for an article id: no separators, no dot-dot, no controls.

    Ids that had to be changed get a short hash suffix, so two ids never share a file.
    """
    cleaned = unicodedata.normalize("NFC", article_id)
    cleaned = re.sub(r"[^\w.\-]+", "_", cleaned).strip("._") or "article"
    cleaned = cleaned[:120]
    if cleaned != article_id:
        import hashlib

        cleaned = f"{cleaned}-{hashlib.sha256(article_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return f"{cleaned}.yaml"


def _review_map(review: Review) -> CommentedMap:
    return flow_map({"status": review.status, "by": scalar(review.by), "note": scalar(review.note)})


def article_map(article: Article) -> CommentedMap:
    return CommentedMap(
        [
            ("id", scalar(article.id)),
            ("path", scalar(article.path)),
            ("sha256", article.sha256),
            ("title", scalar(article.title)),
            ("outlet", scalar(article.outlet)),
            ("authors", [scalar(a) for a in article.authors]),
            ("published", scalar(article.published)),
            ("url", scalar(article.url)),
        ]
    )


def quote_map(quote: Quote) -> CommentedMap:
    mention = None
    if quote.speaker_mention is not None:
        mention = flow_map(
            {"text": scalar(quote.speaker_mention.text), "span": flow_seq(list(quote.speaker_mention.span))}
        )
    return CommentedMap(
        [
            ("id", quote.id),
            ("text", scalar(quote.text)),
            ("spans", flow_seq([flow_seq(list(s)) for s in quote.spans])),
            ("speaker", scalar(quote.speaker)),
            ("speaker_mention", mention),
            ("cue", scalar(quote.cue)),
            ("kind", quote.kind),
            ("review", _review_map(quote.review)),
        ]
    )


def claim_map(claim: Claim) -> CommentedMap:
    return CommentedMap(
        [
            ("id", claim.id),
            ("value", scalar(claim.value)),
            ("unit", scalar(claim.unit)),
            ("measure", scalar(claim.measure)),
            ("kind", claim.kind),
            ("approximate", claim.approximate),
            ("bound", scalar(claim.bound)),
            ("high", scalar(claim.high)),
            ("surface", scalar(claim.surface)),
            ("span", flow_seq(list(claim.span))),
            ("sentence", scalar(claim.sentence)),
            ("review", _review_map(claim.review)),
        ]
    )


def _reviewed(record: Any) -> bool:
    review = record.get("review") if isinstance(record, dict) else None
    if not isinstance(review, dict):
        return False
    return review.get("status", "unreviewed") != "unreviewed" or bool(review.get("by")) or bool(review.get("note"))


def _has_comments(record: Any) -> bool:
    ca = getattr(record, "ca", None)
    return bool(ca and (ca.comment or ca.items))


def _merge_records(
    section: str, old: Any, new: Sequence[CommentedMap], body: str
) -> list[CommentedMap]:
    """New machine records, each merged into the old record with the same id."""
    old_by_id: dict[str, CommentedMap] = {}
    if isinstance(old, list):
        for record in old:
            if isinstance(record, CommentedMap) and isinstance(record.get("id"), str):
                old_by_id.setdefault(record["id"], record)
    merged: list[CommentedMap] = []
    seen: set[str] = set()
    for fresh in new:
        rid = fresh["id"]
        seen.add(rid)
        previous = old_by_id.get(rid)
        if previous is None:
            merged.append(fresh)
            continue
        keep = _reviewed(previous)
        for key, value in fresh.items():
            if key == "review" and key in previous:
                continue
            if keep and key in EDITABLE[section] and key in previous:
                continue
            if previous.get(key) != value:
                previous[key] = value
        previous.pop("orphaned", None)
        merged.append(previous)
    for rid, previous in old_by_id.items():
        if rid in seen:
            continue
        surface = previous.get("text") if section == "quotes" else previous.get("surface")
        vanished = not isinstance(surface, str) or " ".join(surface.split()) not in " ".join(body.split())
        if _reviewed(previous) or _has_comments(previous) or vanished:
            previous["orphaned"] = True
            merged.append(previous)
    return merged


def build_document(
    article: Article, quotes: Sequence[Quote], claims: Sequence[Claim], body: str, existing: Any = None
) -> CommentedMap:
    """The claim-file document for one article, merged into ``existing`` when there is one."""
    new_quotes = [quote_map(q) for q in quotes]
    new_claims = [claim_map(c) for c in claims]
    if not isinstance(existing, CommentedMap):
        return CommentedMap([("article", article_map(article)), ("quotes", new_quotes), ("claims", new_claims)])
    doc = existing
    fresh_article = article_map(article)
    old_article = doc.get("article")
    if isinstance(old_article, CommentedMap):
        for key, value in fresh_article.items():
            if old_article.get(key) != value:
                old_article[key] = value
    else:
        doc["article"] = fresh_article
    doc["quotes"] = _merge_records("quotes", doc.get("quotes"), new_quotes, body)
    doc["claims"] = _merge_records("claims", doc.get("claims"), new_claims, body)
    return doc


def write_claim_file(
    out_dir: Path, article: Article, quotes: Sequence[Quote], claims: Sequence[Claim], body: str
) -> tuple[Path, bool]:
    """Write (or merge into) the article's claim file. Returns (path, changed)."""
    path = out_dir / file_name(article.id)
    existing = None
    if path.exists():
        try:
            existing = load_roundtrip(path)
        except ClaimFileError as exc:
            raise ClaimFileError(f"{exc.message}; fix or remove the file, it was left untouched", str(path),
                                 exc.line) from None
        if existing is None and path.read_bytes().strip():  # only comments or a bare null: keep them
            raise ClaimFileError("holds no claim data (only comments or null); fix or remove the file, it was "
                                 "left untouched", str(path), 1)
        if existing is not None and not isinstance(existing, CommentedMap):
            raise ClaimFileError("not a claim file (expected a mapping with 'article', 'quotes', 'claims'); "
                                 "fix or remove the file, it was left untouched", str(path), 1)
    doc = build_document(article, quotes, claims, body, existing)
    text = dump(doc, header="" if existing is not None else SCHEMA_HEADER)
    if existing is not None and not text.startswith(SCHEMA_HEADER):
        text = SCHEMA_HEADER + text
    return path, atomic_write(path, text)


def iter_claim_files(folder: Path) -> Iterator[ClaimFile]:
    """Every claim file in ``folder`` as plain data; raises ClaimFileError naming a bad one."""
    if not folder.is_dir():
        raise ClaimFileError("no such folder of claim files", str(folder))
    for path in sorted(folder.glob("*.yaml")):
        data = load_plain(path)
        if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
            raise ClaimFileError("not a claim file: expected a mapping with 'article', 'quotes', 'claims'",
                                 str(path), 1)
        check_shape(path, data)
        yield ClaimFile(path, data)


class OutputLock:
    """An exclusive lock on an output folder, so two runs never interleave their writes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:  # O_NOFOLLOW: a planted symlink must not make the lock create or open a file elsewhere
            fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise LockError(f"cannot use the lock file {LOCK_NAME}: {exc.strerror}", str(self.folder)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockError("another tracker run is writing to this folder; wait for it to finish",
                            str(self.folder)) from None
        self._fd = fd
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
