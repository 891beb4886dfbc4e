"""What changed in meaning between two sets of claim files (two folders, or two git revisions).

A line diff of claim files shows spans shifting and hashes changing; this shows what a reviewer
cares about: quotes added, removed or amended (word by word, ``[-old-]{+new+}``), speakers,
values, verdicts and reviews that changed. Records are matched by id; a quote or claim whose id
changed because its words changed is paired with its old self by similarity, so an amended
quote reads as one change, not a removal and an addition.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..claimfile.read import ClaimRead, ClaimRecords, QuoteRead, read_records
from ..claimfile.reviews import REVIEWS_FILE, SECTIONS, claim_file_paths, is_claim_file, load_reviews
from ..claimfile.store import claim_file
from ..claimfile.yaml_roundtrip import load_plain, parse_plain
from ..errors import TrackerError

PAIR_RATIO = 60.0  # fuzz.ratio above which a removed and an added record are one record amended
REVIEW_FIELDS = ("status", "by", "note", "same_as", "different_from", "resolved")
QUOTE_FIELDS = ("speaker", "kind", "orphaned")
CLAIM_FIELDS = ("value", "unit", "measure", "kind", "approximate", "bound", "low", "high", "orphaned", "source",
                "attribution")
#: Fields added after claim files were first written: one that the old side lacks is new, not changed.
LATER_FIELDS = frozenset({"source", "attribution"})


@dataclass(frozen=True)
class Side:
    """One side of a diff: its claim files and its cluster/group reviews, with a label."""

    label: str
    files: list[ClaimRecords]
    reviews: dict[str, dict[str, dict[str, Any]]]


@dataclass(frozen=True)
class Change:
    scope: str  # article id, or "report"
    what: str  # added | removed | amended | changed | review | verdict
    message: str

    def __str__(self) -> str:
        return f"{self.scope}: {self.message}"


# --- reading a side -------------------------------------------------------------------------

def read_folder(folder: Path) -> Side:
    if not folder.is_dir():
        raise TrackerError("no such folder of claim files", str(folder))
    files = [_records(load_plain(p), p) for p in claim_file_paths(folder)]
    return Side(str(folder), files, load_reviews(folder))


def _records(data: Any, where: Path) -> ClaimRecords:
    """The typed read of one side's file (a revision's file is named ``REV:PATH``, its lines unknown)."""
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise TrackerError("not a claim file: expected a mapping with 'article', 'quotes', 'claims'", str(where))
    return read_records(claim_file(where, data))


def _git(args: Sequence[str], stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise TrackerError("git is not installed; compare two folders instead") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TrackerError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return done.stdout


def _tree_blobs(rev: str, path: str) -> list[tuple[str, str]]:
    """(object id, name) of the ``*.yaml`` blobs under ``path`` in ``rev``, from one folder.

    Entries that are not blobs (a submodule named ``x.yaml``) are left out; names are read from
    NUL-separated output, so a name holding a newline stays one name.
    """
    listing = _git(["ls-tree", "-r", "--full-name", "-z", rev, "--", path or "."])
    entries: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        meta, _, raw_name = entry.partition(b"\t")
        fields = meta.split()
        name = raw_name.decode("utf-8", "surrogateescape")
        if len(fields) == 3 and fields[1] == b"blob" and name.endswith(".yaml"):
            entries.append((fields[2].decode("ascii"), name))
    if entries:
        folder = os.path.dirname(entries[0][1])
        entries = [(oid, name) for oid, name in entries if os.path.dirname(name) == folder]
    return entries


def _blob_texts(rev: str, entries: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(name, text) of each blob, asked for by object id (names may hold any byte)."""
    blobs = _git(["cat-file", "--batch"], "".join(f"{oid}\n" for oid, _ in entries).encode("ascii"))
    offset = 0
    for _, name in entries:
        header_end = blobs.index(b"\n", offset)
        size = int(blobs[offset:header_end].split()[2])
        data = blobs[header_end + 1:header_end + 1 + size]
        offset = header_end + 1 + size + 1
        try:
            yield name, data.decode("utf-8")
        except UnicodeDecodeError:
            raise TrackerError("not valid UTF-8", f"{rev}:{name}") from None


def read_revision(rev: str, path: str) -> Side:
    """Claim files under ``path`` (relative to the working folder) as committed in ``rev``."""
    entries = _tree_blobs(rev, path)
    files: list[ClaimRecords] = []
    reviews: dict[str, dict[str, dict[str, Any]]] = {section: {} for section in SECTIONS}
    if not entries:  # e.g. the commit before the claims folder was added: everything is new
        return Side(f"{rev}:{path}", files, reviews)
    for name, text in _blob_texts(rev, entries):
        where = f"{rev}:{name}"
        data = parse_plain(text, where)
        if Path(name).name == REVIEWS_FILE:
            reviews = _reviews_from(data)
        elif is_claim_file(Path(name)):
            files.append(_records(data, Path(where)))
    return Side(f"{rev}:{path}", files, reviews)


def _reviews_from(data: Any) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {section: {} for section in SECTIONS}
    if isinstance(data, dict):
        for section in SECTIONS:
            entries = data.get(section)
            if isinstance(entries, dict):
                out[section] = {str(k): v for k, v in entries.items() if isinstance(v, dict)}
    return out


def resolve(spec: str | None, path: str) -> Side:
    """A side from the command line: a folder, ``REV:PATH``, a revision (with ``path``), or None
    for the working folder ``path``."""
    if spec is None:
        return read_folder(Path(path))
    if Path(spec).is_dir():
        return read_folder(Path(spec))
    if ":" in spec:
        rev, _, sub = spec.partition(":")
        return read_revision(rev or "HEAD", sub or path)
    return read_revision(spec, path)


# --- comparing -----------------------------------------------------------------------------

def word_diff(old: str, new: str) -> str:
    """``old`` turned into ``new`` word by word: ``kept [-removed-]{+added+} kept``."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        removed = "[-" + " ".join(a[i1:i2]) + "-]" if i2 > i1 else ""
        added = "{+" + " ".join(b[j1:j2]) + "+}" if j2 > j1 else ""
        out.append(removed + added)
    return " ".join(out)


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"“{value}”" if " " in value or not value else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


def _review_changes(old: Any, new: Any) -> list[str]:
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    changes = []
    for key in (*REVIEW_FIELDS, *sorted((set(old) | set(new)) - set(REVIEW_FIELDS))):
        before = old.get(key, "unreviewed" if key == "status" else None)
        after = new.get(key, "unreviewed" if key == "status" else None)
        if before != after:
            changes.append(f"{key} {_show(before)} -> {_show(after)}")
    return changes


_Record = QuoteRead | ClaimRead


def _surface(record: _Record) -> str:
    return record.text if isinstance(record, QuoteRead) else record.sentence


def _pair(removed: list[_Record], added: list[_Record]) -> list[tuple[_Record, _Record]]:
    """Removed and added records that are one record changed: most similar first, each used once."""
    scored = []
    for i, old in enumerate(removed):
        for j, new in enumerate(added):
            score = fuzz.ratio(_surface(old), _surface(new))
            if score >= PAIR_RATIO:
                scored.append((-score, i, j))
    pairs, used_old, used_new = [], set(), set()
    for _, i, j in sorted(scored):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((removed[i], added[j]))
    return pairs


def _record_changes(scope: str, section: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """Changes to one record as written (hand-typed values shown as typed)."""
    noun = section[:-1]
    rid = new.get("id")
    label = f"{noun} {rid}" if old.get("id") == rid else f"{noun} {old.get('id')} -> {rid}"
    if section == "quotes" and old.get("text") != new.get("text"):
        yield Change(scope, "amended", f"{label} amended: {word_diff(str(old.get('text')), str(new.get('text')))}")
    if section == "claims" and old.get("sentence") != new.get("sentence") and old.get("value") == new.get("value"):
        yield Change(scope, "amended", f"{label} sentence amended: "
                     f"{word_diff(str(old.get('sentence')), str(new.get('sentence')))}")
    for key in QUOTE_FIELDS if section == "quotes" else CLAIM_FIELDS:
        if key in LATER_FIELDS and key not in old:
            continue
        if old.get(key) != new.get(key):
            context = f" in “{new.get('sentence')}”" if key == "value" else ""
            yield Change(scope, "changed", f"{label} {key}: {_show(old.get(key))} -> {_show(new.get(key))}{context}")
    review = _review_changes(old.get("review"), new.get("review"))
    if review:
        yield Change(scope, "review", f"{label} review: {', '.join(review)}")


def _section_changes(scope: str, section: str, old: Sequence[_Record], new: Sequence[_Record]) -> Iterator[Change]:
    old_by_id = {r.id: r for r in old}
    new_by_id = {r.id: r for r in new}
    removed = [r for rid, r in old_by_id.items() if rid not in new_by_id]
    added = [r for rid, r in new_by_id.items() if rid not in old_by_id]
    # A re-run keeps a record whose words changed as orphaned and adds the new wording: one amendment.
    newly_orphaned = [r for rid, r in old_by_id.items()
                      if rid in new_by_id and new_by_id[rid].orphaned and not r.orphaned]
    pairs = _pair(removed + newly_orphaned, added)
    paired_old = {id(o) for o, _ in pairs}
    paired_new = {id(n) for _, n in pairs}
    changes: list[tuple[int, Change]] = []
    order = {rid: i for i, rid in enumerate(new_by_id)}
    for rid, record in new_by_id.items():
        if rid in old_by_id:
            before = old_by_id[rid]
            # paired: reported with its new wording below
            written = {**before.raw, "orphaned": True} if id(before) in paired_old else before.raw
            changes += [(order[rid], c) for c in _record_changes(scope, section, written, record.raw)]
    for o, n in pairs:
        kept = " (the old record is kept, orphaned)" if o.id in new_by_id else ""
        amended = {**o.raw, "orphaned": n.raw.get("orphaned"), "review": n.raw.get("review")}
        for change in _record_changes(scope, section, amended, n.raw):
            changes.append((order[n.id], Change(change.scope, change.what, change.message + kept)))
            kept = ""
    noun = section[:-1]
    for record in added:
        if id(record) not in paired_new:
            who = f" ({record.speaker})" if isinstance(record, QuoteRead) and record.speaker else ""
            change = Change(scope, "added", f"+ {noun} {record.id}{who}: {_brief(record)}")
            changes.append((order[record.id], change))
    for record in removed:
        if id(record) not in paired_old:
            change = Change(scope, "removed", f"- {noun} {record.id}: {_brief(record)}")
            changes.append((len(order), change))
    yield from (c for _, c in sorted(changes, key=lambda pair: pair[0]))


def _brief(record: _Record) -> str:
    if isinstance(record, QuoteRead):
        return _show(record.raw.get("text"))
    return f"{_show(record.raw.get('value'))} in “{record.raw.get('sentence')}”"


def _article_changes(old: ClaimRecords | None, new: ClaimRecords | None, scope: str) -> Iterator[Change]:
    if old is None and new is not None:
        yield Change(scope, "added", f"+ article {_show(new.article.title)} "
                     f"({len(new.quotes)} quotes, {len(new.claims)} claims)")
        return
    if new is None and old is not None:
        yield Change(scope, "removed", f"- article {_show(old.article.title)}")
        return
    assert old is not None and new is not None
    before, after = old.article.raw, new.article.raw
    for key in ("title", "outlet", "published", "path"):
        if before.get(key) != after.get(key):
            yield Change(scope, "changed", f"article {key}: {_show(before.get(key))} -> {_show(after.get(key))}")
    if before.get("sha256") != after.get("sha256"):
        yield Change(scope, "changed", "article text changed (sha256)")
    yield from _section_changes(scope, "quotes", old.quotes, new.quotes)
    yield from _section_changes(scope, "claims", old.claims, new.claims)


def _verdict_changes(old: Side, new: Side) -> Iterator[Change]:
    from ..report.model import build_report_from

    before = build_report_from(old.files, old.reviews)
    after = build_report_from(new.files, new.reviews)

    def members(group: dict[str, Any]) -> frozenset[str]:
        return frozenset(f"{v['article']}/{v['claim_id']}" for v in group["values"])

    old_groups = {g["id"]: g for g in before["claim_groups"]}
    new_groups = {g["id"]: g for g in after["claim_groups"]}
    for gid, group in new_groups.items():
        previous = old_groups.get(gid) or next(
            (g for g in before["claim_groups"] if members(g) & members(group)), None)
        if previous is None:
            yield Change("report", "verdict", f"+ claim group {gid}: {group['verdict']} ({group['reason']})")
        elif previous["verdict"] != group["verdict"] or previous["status"] != group["status"]:
            yield Change("report", "verdict", f"claim group {gid}: verdict {previous['verdict']} -> "
                         f"{group['verdict']} ({group['reason']})")
    for gid, group in old_groups.items():
        if gid not in new_groups and not any(members(g) & members(group) for g in after["claim_groups"]):
            yield Change("report", "verdict", f"- claim group {gid}: was {group['verdict']}")
    for section in SECTIONS:
        noun = section[:-1].replace("_", " ")
        for key in sorted(set(old.reviews.get(section, {})) | set(new.reviews.get(section, {}))):
            review = _review_changes(old.reviews.get(section, {}).get(key), new.reviews.get(section, {}).get(key))
            if review:
                yield Change("report", "review", f"{noun} {key} review: {', '.join(review)}")


def diff_sides(old: Side, new: Side) -> list[Change]:
    """Every change in meaning from ``old`` to ``new``: per article in id order, then the report."""
    if not old.files and not new.files:
        raise TrackerError(f"no claim files in {old.label} or {new.label}; pass the claims folder with --path")
    old_by = {cf.article.id: cf for cf in old.files}
    new_by = {cf.article.id: cf for cf in new.files}
    changes: list[Change] = []
    for aid in sorted(set(old_by) | set(new_by)):
        changes += _article_changes(old_by.get(aid), new_by.get(aid), aid)
    changes += _verdict_changes(old, new)
    return changes
