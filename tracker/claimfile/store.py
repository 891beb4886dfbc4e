"""Claim files: one YAML file per article in the output folder.

Re-running extraction merges into the existing file instead of replacing it: review fields,
corrected speakers and the comments a reviewer wrote survive, unchanged records keep their
bytes, and records whose source text disappeared are kept and marked ``orphaned``.
"""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import ClaimFileError, LockError
from ..fsio import read_bytes
from ..records import Article, Claim, Correction, FigureSource, Quote, Review, SpeakerMention
from . import fields
from .reviews import claim_file_paths
from .schema import MODELINE
from .shape import check_shape
from .yaml_errors import ADVICE
from .yaml_fast import FlowMap, FlowSeq, dump_fast
from .yaml_roundtrip import (
    MAX_YAML_BYTES,
    ChangedOnDisk,
    atomic_write,
    check_pyyaml_reads,
    dump,
    flow_map,
    flow_scalar,
    flow_seq,
    load_plain,
    parse_roundtrip,
    requote,
    scalar,
)

SCHEMA_HEADER = MODELINE  # a path relative to the claim file: works offline once `tracker schema -o` wrote it
_MODELINE = re.compile(r"\A(?:#\s*yaml-language-server:[^\n]*\n)+")
LOCK_NAME = ".tracker.lock"
#: Tries to lock a lock file that is not removed under us; each retry means another run finished
#: in the instant between our open and our lock, so a few suffice.
LOCK_ATTEMPTS = 5
#: Rounds of merging a claim file a person keeps saving meanwhile; one re-merge covers a save,
#: more than a few means someone is editing it right now, and the run leaves it to them.
MERGE_ATTEMPTS = 3
REVIEW_KEYS = ("status", "by", "note")
# The contract comes from the schema (``fields``): fields a reviewer may correct in place (once
# the file differs from what extraction wrote, the ``auto`` fingerprint, re-runs keep the file's
# values; everything else is machine output), editable fields added after claim files were first
# written (fingerprinted only when present, so older files keep their fingerprints), machine
# fields written only when found, and each record's key order (for inserting keys into records
# written by older versions).
EDITABLE = {section: fields.editable(section) for section in fields.DEFINITION}
LATER_EDITABLE = fields.editable_later()
OPTIONAL_KEYS = {section: fields.written_when_found(section) for section in ("quotes", "claims", "corrections")}
RECORD_KEYS = {section: fields.record_keys(section) for section in ("quotes", "claims", "corrections")}
#: How alike (difflib ratio over words) an amended record's words must be to a reviewed record
#: that vanished in the same re-run to be its successor: an amended quote keeps most of its words
#: ("ten new schools" -> "twelve new schools" is 0.9); unrelated quotes of one speaker share few.
SUCCESSOR_MIN_RATIO = 0.6
#: Where the words to compare are: a quote's text, a claim's sentence.
_WORDS_FIELD = {"quotes": "text", "claims": "sentence"}
#: Top-level sections in file order; ``corrections`` is written only when an article has notices,
#: so claim files of articles without any keep their bytes.
SECTIONS = ("article", "quotes", "claims", "corrections")


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

    @property
    def corrections(self) -> list[dict[str, Any]]:
        section = self.data.get("corrections")
        return [n for n in section if isinstance(n, dict)] if isinstance(section, list) else []


def file_name(article_id: str) -> str:
    """A safe, readable file name for an article id: no separators, no dot-dot, no controls.

    Ids that had to be changed get a short hash suffix, so two ids never share a file.
    """
    cleaned = unicodedata.normalize("NFC", article_id)
    cleaned = re.sub(r"[^\w.\-]+", "_", cleaned).strip("._") or "article"
    cleaned = cleaned[:120]
    if cleaned != article_id:
        cleaned = f"{cleaned}-{hashlib.sha256(article_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return f"{cleaned}.yaml"


def portable_path(path: str) -> str:
    """An article path as written in claim files: relative to the working folder when inside it.

    Absolute paths would make the same extraction differ between machines and checkouts.
    """
    if not os.path.isabs(path):
        return path
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


class _Build(NamedTuple):
    """How a record's nodes are made: ruamel's round-trip nodes, to merge into an existing file, or
    plain data for the fast writer (a fresh file, nothing to merge with: no ruamel objects)."""

    mapping: Callable[[Iterable[tuple[str, Any]]], Any]
    flow_map: Callable[[dict[str, Any]], Any]
    flow_seq: Callable[[list[Any]], Any]


_ROUNDTRIP = _Build(CommentedMap, flow_map, flow_seq)
_PLAIN = _Build(dict, FlowMap, FlowSeq)


def _review_map(review: Review, build: _Build = _ROUNDTRIP) -> Any:
    return build.flow_map({"status": review.status, "by": flow_scalar(review.by), "note": flow_scalar(review.note)})


def article_map(article: Article, build: _Build = _ROUNDTRIP) -> Any:
    return build.mapping(
        [
            ("id", scalar(article.id)),
            ("path", scalar(portable_path(article.path))),
            ("sha256", article.sha256),
            ("title", scalar(article.title)),
            ("outlet", scalar(article.outlet)),
            ("authors", [scalar(a) for a in article.authors]),
            ("published", scalar(article.published)),
            ("url", scalar(article.url)),
            # versions of one story: written only when the input says so, so older files keep their bytes
            *([("version", scalar(article.version))] if article.version is not None else []),
            *([("version_of", scalar(article.version_of))] if article.version_of is not None else []),
        ]
    )


def _mention_map(mention: SpeakerMention | None, build: _Build = _ROUNDTRIP) -> Any:
    if mention is None:
        return None
    return build.flow_map({"text": flow_scalar(mention.text), "span": build.flow_seq(list(mention.span))})


def _credit_items(credit: FigureSource | None, build: _Build = _ROUNDTRIP) -> list[tuple[str, Any]]:
    """A claim's ``source`` … ``quote`` keys: who the figure is credited to (none before it was read)."""
    if credit is None:
        return []
    return [("source", scalar(credit.source)), ("source_reason", scalar(credit.reason)),
            ("source_mention", _mention_map(credit.mention, build)), ("cue", scalar(credit.cue)),
            ("attribution", credit.attribution), ("quote", scalar(credit.quote))]


def quote_map(quote: Quote, build: _Build = _ROUNDTRIP) -> Any:
    mention = None
    if quote.speaker_mention is not None:
        mention = build.flow_map(
            {"text": flow_scalar(quote.speaker_mention.text), "span": build.flow_seq(list(quote.speaker_mention.span))}
        )
    return build.mapping(
        [
            ("id", quote.id),
            ("text", scalar(quote.text)),
            ("spans", build.flow_seq([build.flow_seq(list(s)) for s in quote.spans])),
            ("speaker", scalar(quote.speaker)),
            ("speaker_reason", scalar(quote.speaker_reason)),
            ("speaker_mention", mention),
            ("cue", scalar(quote.cue)),
            ("kind", quote.kind),
            *([("speaker_role", build.flow_map({"organisation": flow_scalar(quote.speaker_role.organisation),
                                          "text": flow_scalar(quote.speaker_role.text),
                                          "span": build.flow_seq(list(quote.speaker_role.span))}))]
              if quote.speaker_role else []),
            *([("age_cue", build.flow_map({"says": quote.age_cue.says, "text": flow_scalar(quote.age_cue.text),
                                     "span": build.flow_seq(list(quote.age_cue.span))}))]
              if quote.age_cue else []),
            ("review", _review_map(quote.review, build)),
        ]
    )


def claim_map(claim: Claim, build: _Build = _ROUNDTRIP) -> Any:
    return build.mapping(
        [
            ("id", claim.id),
            ("value", scalar(claim.value)),
            ("unit", scalar(claim.unit)),
            ("measure", scalar(claim.measure)),
            ("kind", claim.kind),
            ("approximate", claim.approximate),
            ("bound", scalar(claim.bound)),
            ("low", scalar(claim.low)),
            ("high", scalar(claim.high)),
            ("surface", scalar(claim.surface)),
            ("span", build.flow_seq(list(claim.span))),
            ("sentence", scalar(claim.sentence)),
            *([("counts", build.flow_map({k: flow_scalar(v) for k, v in claim.counts.as_fields().items()}))]
              if claim.counts else []),
            *_credit_items(claim.credit, build),
            ("review", _review_map(claim.review, build)),
        ]
    )


def correction_map(note: Correction, build: _Build = _ROUNDTRIP) -> Any:
    return build.mapping(
        [
            ("id", note.id),
            ("text", scalar(note.text)),
            ("span", build.flow_seq(list(note.span))),
            ("kind", note.kind),
            ("target", scalar(note.target)),
            ("target_kind", scalar(note.target_kind)),
            ("paragraph", scalar(note.paragraph)),
            ("was", scalar(note.was)),
            ("now", scalar(note.now)),
            ("reason", scalar(note.reason)),
            ("links", build.flow_seq(list(note.links))),
            ("link_reason", scalar(note.link_reason)),
            ("review", _review_map(note.review, build)),
        ]
    )


def _reviewed(record: Any) -> bool:
    """True once a person decided anything about the record (status, by, note or a decision)."""
    review = record.get("review") if isinstance(record, dict) else None
    if not isinstance(review, dict):
        return False
    return review.get("status", "unreviewed") != "unreviewed" or any(
        review.get(key) for key in review if key != "status")


def _has_comments(record: Any) -> bool:
    ca = getattr(record, "ca", None)
    return bool(ca and (ca.comment or ca.items))


def auto_digest(section: str, record: Any) -> str:
    """Fingerprint of a record's editable fields (see ``EDITABLE``), as extraction wrote them."""
    keys = [k for k in EDITABLE[section] if k not in LATER_EDITABLE or (isinstance(record, dict) and k in record)]
    values = [record.get(key) if isinstance(record, dict) else None for key in keys]
    key = json.dumps(values, ensure_ascii=False, default=str)  # default: dates a person typed
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def _with_auto(section: str, record: Any) -> Any:
    # scalar(): a digest like "3e994073" is quoted as the fast writer quotes it, not in ruamel's own style.
    stamp = scalar(auto_digest(section, record))
    if isinstance(record, CommentedMap):
        record.insert(len(record) - 1, "auto", stamp)  # just before review
        return record
    items = list(record.items())
    return dict([*items[:-1], ("auto", stamp), *items[-1:]])


def human_owned(section: str, record: Any, fresh: CommentedMap) -> bool:
    """Whether a person changed the record's editable fields since extraction wrote them.

    ``auto`` holds the fingerprint of what extraction wrote; a file whose editable fields no
    longer match it was edited. Files written before ``auto`` existed count as edited wherever
    they differ from the fresh output, so nothing a reviewer typed is ever lost.
    """
    if not isinstance(record, dict):
        return False
    stamp = record.get("auto")
    if isinstance(stamp, str):
        return auto_digest(section, record) != stamp
    return auto_digest(section, record) != auto_digest(section, fresh)


def _set(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``key`` without disturbing the mapping: update in place, or insert at its canonical place."""
    if key in mapping:
        # Same type too: a float read back (ruamel's ScalarFloat) would re-print in its own spelling.
        if mapping[key] != value or type(mapping[key]) is not type(value):
            mapping[key] = value
        return
    position = 0
    for i, existing in enumerate(mapping):
        if existing in order and order.index(existing) < order.index(key):
            position = i + 1
    mapping.insert(position, key, value)


def _update_record(section: str, previous: CommentedMap, fresh: CommentedMap) -> None:
    """Refresh the machine fields of ``previous`` from ``fresh``; leave everything a person owns."""
    owned = human_owned(section, previous, fresh)
    order = list(fresh)
    for key, value in fresh.items():
        if key == "review" and key in previous:
            continue  # the reviewer's, always
        if owned and key in EDITABLE[section] and key in previous:
            continue
        _set(previous, key, value, order)
    for key in OPTIONAL_KEYS[section]:
        if key in previous and key not in fresh and not (owned and key in EDITABLE[section]):
            del previous[key]
    previous.pop("orphaned", None)


def _vanished(section: str, record: CommentedMap, body: str) -> bool:
    surface = record.get("surface") if section == "claims" else record.get("text")
    return not isinstance(surface, str) or " ".join(surface.split()) not in " ".join(body.split())


def _merge_records(section: str, old: Any, new: Sequence[CommentedMap], body: str) -> CommentedSeq:
    """Fresh machine records merged into the old list, which is edited in place.

    Records keep their maps (and so their comments); a record no longer extracted stays where
    it was, marked ``orphaned``, when its text is gone or a person reviewed or commented on it.
    Comment lines above a record move with it.
    """
    if not isinstance(old, CommentedSeq):
        return CommentedSeq(new)
    old_by_id: dict[str, tuple[int, CommentedMap]] = {}
    for index, record in enumerate(old):
        if isinstance(record, CommentedMap) and isinstance(record.get("id"), str):
            old_by_id.setdefault(record["id"], (index, record))
    fresh_ids = {fresh["id"] for fresh in new}
    # Survivors in fresh order; each kept orphan right after the record that preceded it.
    result: list[tuple[int | None, Any]] = []
    for fresh in new:
        found = old_by_id.get(fresh["id"])
        if found is None:
            result.append((None, fresh))
        else:
            _update_record(section, found[1], fresh)
            result.append(found)
    for index, record in enumerate(old):
        rid = record.get("id") if isinstance(record, CommentedMap) else None
        if isinstance(rid, str) and rid in fresh_ids and old_by_id[rid][0] == index:
            continue
        commented = bool(old.ca.items.get(index)) or (index == 0 and bool(old.ca.comment))
        keep = not isinstance(record, CommentedMap) or (  # not a record: left for `tracker check` to report
            _reviewed(record) or _has_comments(record) or commented or _vanished(section, record, body)
            or (isinstance(rid, str) and old_by_id[rid][0] != index))
        if not keep:
            continue
        if isinstance(record, CommentedMap):
            _set(record, "orphaned", True, (*RECORD_KEYS[section], "orphaned"))
        at = next((i + 1 for i in range(len(result) - 1, -1, -1)
                   if result[i][0] is not None and (result[i][0] or 0) < index), 0)
        result.insert(at, (index, record))
    # Comment lines above a record: ruamel keeps the first one on the list, the rest by index.
    above: dict[int, Any] = {i: entry[1] for i, entry in old.ca.items.items() if entry and entry[1]}
    if old.ca.comment and len(old.ca.comment) > 1 and old.ca.comment[1]:
        above[0] = old.ca.comment[1]
    moved = {new_index: above[old_index] for new_index, (old_index, _) in enumerate(result)
             if old_index is not None and old_index in above}
    key_line = old.ca.comment[0] if old.ca.comment else None
    if section in _WORDS_FIELD:  # quotes and claims have successors; a notice is only ever re-found
        _link_successors(section, result, fresh_ids)
    old.clear()
    old.extend(record for _, record in result)
    old.ca.items.clear()
    # A list even when empty: with None, ruamel drops the comments after the last record (``ca.end``:
    # the end of the file, or the lines just before the next section's key).
    old.ca.comment = [key_line, moved.pop(0) if 0 in moved else None]
    old.ca.items.update({i: [None, tokens, None, None] for i, tokens in moved.items()})
    return old


def _words(section: str, record: Any) -> list[str]:
    text = record.get(_WORDS_FIELD[section]) if isinstance(record, dict) else None
    return text.casefold().split() if isinstance(text, str) else []


def _link_successors(section: str, result: list[tuple[int | None, Any]], fresh_ids: set[str]) -> None:
    """A new record that amends a reviewed one gone in this re-run points at it (``predecessor``)
    and says how it was reviewed, so the review is re-checked rather than silently lost."""
    gone = [r for i, r in result if i is not None and isinstance(r, CommentedMap) and r.get("orphaned")
            and r.get("id") not in fresh_ids and _reviewed(r)
            and not any(isinstance(o, dict) and o.get("predecessor") == r.get("id") for _, o in result)]
    for index, record in result:
        if index is not None or not gone or not isinstance(record, CommentedMap):
            continue
        words = _words(section, record)
        score, best = max(((difflib.SequenceMatcher(None, words, _words(section, g), autojunk=False).ratio(), n)
                           for n, g in enumerate(gone)), default=(0.0, -1))
        if score < SUCCESSOR_MIN_RATIO:
            continue
        predecessor = gone.pop(best)
        _set(record, "predecessor", predecessor["id"], RECORD_KEYS[section])
        record["review"]["note"] = flow_scalar(_was(predecessor["review"]))


def _was(review: Any) -> str:
    """"was confirmed by ed; re-check" (with the old note, if any), from the predecessor's review."""
    status = review.get("status") if review.get("status") not in (None, "unreviewed") else "reviewed"
    by = f" by {review['by']}" if review.get("by") else ""
    note = f" (its note: {review['note']})" if review.get("note") else ""
    return f"was {status}{by}; re-check, the text changed{note}"


def build_document(
    article: Article, quotes: Sequence[Quote], claims: Sequence[Claim], body: str, existing: Any = None,
    corrections: Sequence[Correction] = (),
) -> CommentedMap:
    """The claim-file document for one article, merged into ``existing`` when there is one."""
    new_quotes = [_with_auto("quotes", quote_map(q)) for q in quotes]
    new_claims = [_with_auto("claims", claim_map(c)) for c in claims]
    new_notes = [_with_auto("corrections", correction_map(n)) for n in corrections]
    fresh_article = _article_record(article, _ROUNDTRIP)
    if not isinstance(existing, CommentedMap):
        doc = CommentedMap([("article", fresh_article), ("quotes", CommentedSeq(new_quotes)),
                            ("claims", CommentedSeq(new_claims))])
        if new_notes:
            doc["corrections"] = CommentedSeq(new_notes)
        return doc
    doc = existing
    old_article = doc.get("article")
    if isinstance(old_article, CommentedMap):
        owned = human_owned("article", old_article, fresh_article)
        for key, value in fresh_article.items():
            if not (owned and key in EDITABLE["article"] and key in old_article):
                _set(old_article, key, value, list(fresh_article))
    else:
        doc["article"] = fresh_article
    for section, fresh in (("quotes", new_quotes), ("claims", new_claims), ("corrections", new_notes)):
        if section == "corrections" and not fresh and section not in doc:
            continue
        merged = _merge_records(section, doc.get(section), fresh, body)
        if doc.get(section) is not merged:
            _set(doc, section, merged, SECTIONS)
        key_comment = doc.ca.items.get(section)
        if key_comment and len(key_comment) > 3:  # ruamel's second copy of the comment above the first record
            key_comment[3] = merged.ca.comment[1] if merged.ca.comment else None
    return doc


def _article_record(article: Article, build: _Build) -> Any:
    record = article_map(article, build)
    record["auto"] = scalar(auto_digest("article", record))
    if article.body is not None:  # after auto: a long text last, and text files keep their bytes
        record["body"] = scalar(article.body)
    return record


def fresh_text(article: Article, quotes: Sequence[Quote], claims: Sequence[Claim],
               corrections: Sequence[Correction] = ()) -> str:
    """The claim file for an article with no file yet: what the round-trip document gives through
    the fast writer, built as plain data (ruamel nodes are for merging; a fresh file has none)."""
    doc: dict[str, Any] = {
        "article": _article_record(article, _PLAIN),
        "quotes": [_with_auto("quotes", quote_map(q, _PLAIN)) for q in quotes],
        "claims": [_with_auto("claims", claim_map(c, _PLAIN)) for c in claims],
    }
    if corrections:
        doc["corrections"] = [_with_auto("corrections", correction_map(n, _PLAIN)) for n in corrections]
    return SCHEMA_HEADER + _MODELINE.sub("", dump_fast(doc))


def write_claim_file(
    out_dir: Path, article: Article, quotes: Sequence[Quote], claims: Sequence[Claim], body: str,
    sync_dir: bool = True, corrections: Sequence[Correction] = (),
) -> tuple[Path, bool]:
    """Write (or merge into) the article's claim file. Returns (path, changed).

    The file is replaced only if it still holds the bytes the merge read: a reviewer who saved
    it meanwhile gets the save merged again, and after ``MERGE_ATTEMPTS`` busy rounds the run
    refuses this file rather than lose the save.
    """
    path = out_dir / file_name(article.id)
    # Fast path: a new file, or one that already holds exactly this output (no one edited it),
    # is written by the fast writer, which is byte-identical to the round-trip one.
    fresh = fresh_text(article, quotes, claims, corrections)
    for _ in range(MERGE_ATTEMPTS):
        current = _snapshot(path, out_dir)
        if current == fresh.encode("utf-8"):
            return path, False
        text = fresh if current is None else _merged_text(path, current, article, quotes, claims, body, corrections)
        try:
            return path, atomic_write(path, text, sync_dir=sync_dir, expect=current)
        except ChangedOnDisk:
            continue
    raise ClaimFileError(f"changed on disk {MERGE_ATTEMPTS} times while this run merged it (an editor saving?); "
                         "it was left as saved: re-run tracker extract", str(path))


def _snapshot(path: Path, out_dir: Path) -> bytes | None:
    """The claim file's bytes as they are now, or None when there is none."""
    if not os.path.lexists(path):
        return None
    return read_bytes(path, MAX_YAML_BYTES, root=out_dir, what="a claim file", error=ClaimFileError)


def _merged_text(path: Path, current: bytes, article: Article, quotes: Sequence[Quote], claims: Sequence[Claim],
                 body: str, corrections: Sequence[Correction] = ()) -> str:
    """The fresh extraction merged into the file's ``current`` bytes (reviews, comments kept)."""
    try:
        existing = parse_roundtrip(current.decode("utf-8"), str(path))
    except UnicodeDecodeError:
        raise ClaimFileError(f"not valid UTF-8 ({ADVICE})", str(path)) from None
    except ClaimFileError as exc:  # its message already says how to fix it, and that nothing was lost
        raise ClaimFileError(exc.message, str(path), exc.line, exc.column) from None
    if existing is None and current.strip():  # only comments or a bare null: keep them
        raise ClaimFileError(f"holds no claim data (only comments or null); restore it from git or {ADVICE}",
                             str(path), 1)
    if existing is not None and not isinstance(existing, CommentedMap):
        raise ClaimFileError("not a claim file (expected a mapping with 'article', 'quotes', 'claims'); "
                             f"{ADVICE}", str(path), 1)
    doc = build_document(article, quotes, claims, body, existing, corrections)
    if existing is not None:
        requote(doc)  # what a reviewer typed must read the same in PyYAML
    text = SCHEMA_HEADER + _MODELINE.sub("", dump(doc))
    try:
        check_pyyaml_reads(text, str(path))
    except ClaimFileError as exc:
        raise ClaimFileError(f"{exc.message}; PyYAML could not read the merged file, so it was left untouched",
                             str(path), exc.line) from None
    if existing is not None and current.split(b"\n", 1)[0].endswith(b"\r"):
        text = text.replace("\n", "\r\n")  # the reviewer's editor wrote CRLF: keep it, or every line changes
    return text


def iter_claim_files(folder: Path) -> Iterator[ClaimFile]:
    """Every claim file in ``folder`` as plain data; raises ClaimFileError naming a bad one."""
    if not folder.is_dir():
        raise ClaimFileError("no such folder of claim files", str(folder))
    for path in claim_file_paths(folder):
        yield read_claim_file(path)


def read_claim_file(path: Path) -> ClaimFile:
    """One claim file as plain data; raises ClaimFileError naming the file when it is not one."""
    return claim_file(path, load_plain(path))


def claim_file(path: Path, data: Any) -> ClaimFile:
    """``data`` read from ``path`` as a claim file; ClaimFileError naming the file when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise ClaimFileError("not a claim file: expected a mapping with 'article', 'quotes', 'claims'",
                             str(path), 1)
    check_shape(path, data)
    return ClaimFile(path, data)


class OutputLock:
    """An exclusive lock on an output folder, so two runs never interleave their writes.

    The lock file is removed on exit, so it never lingers in a claims folder to be committed.
    Removing it is safe because a run that locked a file verifies, once it holds the lock, that
    the file is still the one at ``LOCK_NAME``: a run that opened it before it was removed sees it
    gone and locks the new file instead, so two runs never hold "the" lock at once.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        for _ in range(LOCK_ATTEMPTS):
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise LockError("another tracker run is writing to this folder; wait for it to finish",
                                str(self.folder)) from None
            if self._still_ours(fd):
                self._fd = fd
                return self
            os.close(fd)  # the run that held it removed it as we opened it: lock the new one
        raise LockError("the lock file keeps changing; another tracker run is starting and finishing here",
                        str(self.folder))

    def fileno(self) -> int | None:
        """The held lock's descriptor: worker processes forked during the run close their copy,
        so a worker outliving a killed run never keeps the folder locked."""
        return self._fd

    def _open(self) -> int:
        try:  # O_NOFOLLOW: a planted symlink must not make the lock create or open a file elsewhere
            return os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise LockError(f"cannot use the lock file {LOCK_NAME}: {exc.strerror}", str(self.folder)) from None

    def _still_ours(self, fd: int) -> bool:
        try:
            on_disk = os.stat(self.folder / LOCK_NAME, follow_symlinks=False)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            if self._still_ours(self._fd):  # removed while held, so no run can lock it after us
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / LOCK_NAME)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
