"""Lint a folder of claim files: yields Problem(path, line, column, level, message, rule).

Checks the schema (unknown keys with a "did you mean" hint, types, allowed values), duplicate
ids, spans that fall outside the article or no longer match its text, and claim files whose
article changed (stale) or vanished. ``strict`` also reports unresolved conflicts and records
no one has reviewed yet, for CI gates.
"""

from __future__ import annotations

import difflib
import functools
import math
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..claimfile import fields
from ..claimfile.reviews import KEYS as REVIEW_FILE_KEYS
from ..claimfile.reviews import REVIEWS_FILE, claim_file_paths, load_reviews
from ..claimfile.reviews import SECTIONS as REVIEW_SECTIONS
from ..claimfile.schema import allowed_keys
from ..claimfile.shape import check_shape
from ..claimfile.store import ClaimFile, claim_file, file_name, read_claim_file
from ..claimfile.yaml_errors import yaml_error
from ..claimfile.yaml_positions import Difference, read_positioned
from ..claimfile.yaml_roundtrip import load_plain, parse_plain, parse_roundtrip, read_text
from ..errors import ClaimFileError, TrackerError
from ..ids import expected_ids
from ..match.cache import MatchCache, validation_key
from ..records import (
    AGE_SAYS,
    ATTRIBUTIONS,
    BOUNDS,
    CLAIM_KINDS,
    CORRECTION_KINDS,
    CORRECTION_TARGETS,
    QUOTE_KINDS,
    REVIEW_STATUSES,
    SCOPES,
)
from ..report.bodies import STALE, find_body
from ..text import normalize_space, plural
from .check_rules import RuleId

TOP_KEYS = allowed_keys("file")
ARTICLE_KEYS = allowed_keys("article")
QUOTE_KEYS = allowed_keys("quote")
CLAIM_KEYS = allowed_keys("claim")
CORRECTION_KEYS = allowed_keys("correction")
COUNTS_KEYS = fields.nested_keys("claims", "counts")
REVIEW_KEYS = allowed_keys("review")
#: How alike a dangling reference or group id must be to a real one to be offered as "did you
#: mean": ids are long hex-suffixed strings, so only a near-identical one (a typo) is a useful hint.
REF_HINT_CUTOFF = 0.9


@dataclass
class Tally:
    """What a check went through, for its summary line."""

    files: int = 0
    records: int = 0


def check_summary(tally: Tally, problems: Sequence[Problem], strict: bool) -> str:
    """``checked 5 claim files (171 records): 2 errors, 1 warning`` (``no problems`` when clean)."""
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    found = ", ".join(plural(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n) or "no problems"
    mode = " (--strict: warnings fail too)" if strict and warnings else ""
    return (f"checked {plural(tally.files, 'file')} ({plural(tally.records, 'record')}): {found}{mode}")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    level: str  # error | warning
    message: str
    rule: RuleId

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: [{self.level}] {self.message} ({self.rule})"


def _pos(node: Any, key: Any = None) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return 1, 1
    try:
        if key is not None:
            if isinstance(key, int):
                line, col = lc.item(key)
            else:
                line, col = lc.key(key)
            return line + 1, col + 1
        return lc.line + 1, lc.col + 1
    except (KeyError, IndexError, TypeError):
        return lc.line + 1, lc.col + 1


class _Checker:
    def __init__(self, path: Path, base: Path) -> None:
        self.path = path
        self.base = base
        self.problems: list[Problem] = []

    def add(self, node: Any, key: Any, message: str, rule: RuleId, level: str = "error") -> None:
        line, col = _pos(node, key)
        self.problems.append(Problem(str(self.path), line, col, level, message, rule))

    def keys(self, node: Any, allowed: tuple[str, ...], what: str) -> None:
        for key in list(node):
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                extra = f"; did you mean '{hint[0]}'?" if hint else f" (allowed: {', '.join(allowed)})"
                self.add(node, key, f"unknown key '{key}' in {what}{extra}", "unknown-key")

    def type_(self, node: Any, key: str, types: tuple[type, ...], what: str, nullable: bool = True) -> bool:
        if key not in node:
            return False
        value = node[key]
        if value is None and nullable:
            return False
        ok = False if isinstance(value, bool) and bool not in types else isinstance(value, types)
        if not ok:
            names = " or ".join(t.__name__.replace("str", "text").replace("float", "number") for t in types)
            self.add(node, key, f"{what}.{key} must be {names}, not {value!r}", "type")
        return ok


def check_folder(folder: Path, strict: bool = False) -> Iterator[Problem]:
    """Every problem in every claim file of ``folder`` (and its ``_reviews.yaml``)."""
    if not folder.is_dir():
        raise TrackerError("no such folder of claim files", str(folder))
    yield from check_paths([folder], strict=strict)


def check_paths(paths: Sequence[Path], strict: bool = False,
                on_file: Callable[[], None] | None = None, tally: Tally | None = None) -> Iterator[Problem]:
    """Problems in the given claim files and folders of claim files, file by file.

    Files are checked against their whole folder: review decisions must name records that
    exist there. ``strict`` adds unresolved conflicts of each folder (when every file loads).
    """
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        if path.is_dir():
            folder_files = claim_file_paths(path)
            if (path / REVIEWS_FILE).is_file():
                folder_files.append(path / REVIEWS_FILE)
            by_folder.setdefault(path, []).extend(folder_files)
        elif path.is_file():
            by_folder.setdefault(path.parent, []).append(path)
        else:
            raise TrackerError("no such file or folder", str(path))
    for folder, files in by_folder.items():
        parsed: dict[Path, _Readings] = {}
        known, owners = _folder_index(folder, parsed)
        problems: list[Problem] = []
        for path in dict.fromkeys(files):
            if path.name == REVIEWS_FILE:
                problems += check_reviews_file(path, strict=strict)
            else:
                problems += check_file(path, strict=strict, known=known, owners=owners, parsed=parsed.pop(path, None),
                                       tally=tally)
            if tally is not None:
                tally.files += 1
            if on_file is not None:
                on_file()
        yield from problems
        if strict and not any(p.rule == "syntax" for p in problems) and known is not None:
            yield from conflict_problems(folder)


#: A claim file as ``read_positioned`` reads it (None: not well-formed, read the slow way).
_Readings = tuple[Any, list[Difference]] | None


def _folder_index(folder: Path, parsed: dict[Path, _Readings] | None = None
                  ) -> tuple[set[str] | None, dict[str, list[Path]]]:
    """Every "article/record" ref in the folder (None when some file cannot be read), and the
    claim files that hold each article id (so two files claiming one article are found).
    ``parsed`` keeps each file's readings, so ``check_file`` does not read it again."""
    known: set[str] | None = set()
    owners: dict[str, list[Path]] = {}
    for path in claim_file_paths(folder):
        try:
            readings = read_positioned(read_text(path))
            if parsed is not None:
                parsed[path] = readings
            cf = read_claim_file(path) if readings is None else claim_file(path, readings[0])
        except TrackerError:
            known = None  # that file's own check reports why
            continue
        aid = cf.article.get("id")
        if isinstance(aid, str):
            owners.setdefault(aid, []).append(path)
        if known is not None:
            known.update(f"{aid}/{r.get('id')}" for r in (*cf.quotes, *cf.claims))
    return known, owners


def _all_load(folder: Path) -> bool:
    return _folder_index(folder)[0] is not None


def _plain(node: Any) -> Any:
    """ruamel data as the plain types PyYAML returns, bools kept apart from ints."""
    if isinstance(node, dict):
        return {_plain(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool):
        return ("bool", bool(node))
    if isinstance(node, str):
        return str(node)
    if isinstance(node, float):
        return "nan" if math.isnan(node) else float(node)  # NaN != NaN: both readers agree on it
    if isinstance(node, int):
        return int(node)
    return node


def _loader_differences(checker: _Checker, node: Any, other: Any, where: str) -> None:
    """Values YAML 1.1 (PyYAML) and YAML 1.2 (ruamel) read differently, e.g. ``yes`` or ``1e3``."""
    if isinstance(node, dict) and isinstance(other, dict):
        for key, value in node.items():
            if key in other:
                if isinstance(value, dict | list):
                    _loader_differences(checker, value, other[key], f"{where}.{key}")
                elif _plain(value) != _plain(other[key]):
                    _version_problem(checker, node, key, f"{where}.{key}", value, other[key])
    elif isinstance(node, list) and isinstance(other, list):
        for index, (value, theirs) in enumerate(zip(node, other, strict=False)):
            if isinstance(value, dict | list):
                _loader_differences(checker, value, theirs, f"{where}[{index}]")
            elif _plain(value) != _plain(theirs):
                _version_problem(checker, node, index, f"{where}[{index}]", value, theirs)


def _version_problem(checker: _Checker, node: Any, key: Any, where: str, value: Any, other: Any) -> None:
    checker.add(node, key, f"{where} reads as {other!r} with PyYAML (YAML 1.1) but {str(value)!r} with YAML 1.2 "
                "readers; put it in double quotes", "yaml-version")


def _load(path: Path, readings: _Readings = None) -> tuple[Any, list[Problem]]:
    """The YAML 1.2 document with positions, and where PyYAML (YAML 1.1) reads it differently.

    A well-formed file is read once at C speed (``read_positioned``; ``readings`` when the
    folder index read it already); anything else by the safety scan and ruamel, whose messages
    say what is wrong.
    """
    try:
        text = read_text(path) if readings is None else ""
        readings = readings or read_positioned(text)
        if readings is not None:
            checker = _Checker(path, Path.cwd())
            for diff in readings[1]:
                if _plain(diff.value) != _plain(diff.other):
                    _version_problem(checker, diff.container, diff.key, diff.where, diff.value, diff.other)
            return readings[0], checker.problems
        doc = parse_roundtrip(text, str(path))
    except TrackerError as exc:
        return None, [Problem(str(path), exc.line or 1, exc.column or 1, "error", exc.message, "syntax")]
    try:
        plain = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        error = yaml_error(exc, text, str(path))
        words = error.message.removeprefix("malformed YAML: ")
        return None, [Problem(str(path), error.line or 1, error.column or 1, "error",
                              f"PyYAML (yaml.safe_load) cannot read this: {words}", "syntax")]
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        return None, [Problem(str(path), 1, 1, "error", f"PyYAML (yaml.safe_load) cannot read this: {exc}", "syntax")]
    checker = _Checker(path, Path.cwd())
    _loader_differences(checker, doc, plain, "")
    return doc, checker.problems


def check_file(path: Path, strict: bool = False, base: Path | None = None, known: set[str] | None = None,
               owners: dict[str, list[Path]] | None = None, parsed: _Readings = None,
               tally: Tally | None = None) -> list[Problem]:
    """Problems in one claim file; ``known`` refs (from its folder) validate review decisions,
    ``owners`` (article id to the folder's files holding it) finds an article id used twice."""
    checker = _Checker(path, base or Path.cwd())
    doc, checker.problems = _load(path, parsed)
    if doc is None:
        return checker.problems
    if tally is not None and isinstance(doc, dict):
        tally.records += sum(len(doc.get(k) or []) for k in ("quotes", "claims") if isinstance(doc.get(k), list))
    return _check_document(checker, doc, strict, known, owners)


def _check_document(checker: _Checker, doc: Any, strict: bool, known: set[str] | None,
                    owners: dict[str, list[Path]] | None = None) -> list[Problem]:
    """The claim-file rules over ``doc``: a ruamel document (problems placed at line:col) or the
    plain data PyYAML reads (the same rules, placed at 1:1; ``validate_folder`` then locates them)."""
    path = checker.path
    if not isinstance(doc, dict):
        return [Problem(str(path), 1, 1, "error", "a claim file is a mapping with article, quotes, claims", "schema")]
    checker.keys(doc, TOP_KEYS, "the claim file")
    article = doc.get("article")
    body = None
    if not isinstance(article, dict):
        checker.add(doc, "article" if "article" in doc else None, "missing 'article' mapping", "schema")
    else:
        _check_article(checker, article)
        _check_article_owner(checker, article, path, owners)
        body = _source_body(checker, article, path)
    for section, keys, check_record in (("quotes", QUOTE_KEYS, _check_quote), ("claims", CLAIM_KEYS, _check_claim)):
        records = doc.get(section)
        if records is None:
            continue
        if not isinstance(records, list):
            checker.add(doc, section, f"'{section}' must be a list", "type")
            continue
        seen: dict[str, int] = {}
        successors = {r.get("predecessor"): r.get("id") for r in records if isinstance(r, dict)}
        content_ids = expected_ids(section, records)
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                checker.add(records, index, f"each of {section} must be a mapping", "type")
                continue
            checker.keys(record, keys, section[:-1])
            rid = record.get("id")
            if not isinstance(rid, str) or not rid:
                checker.add(record, "id" if "id" in record else None, f"{section[:-1]} needs an id", "schema")
            elif rid in seen:
                checker.add(record, "id", f"duplicate id '{rid}' (first at line {seen[rid]})", "duplicate-id")
            else:
                seen[rid] = _pos(record, "id")[0]
            checker.type_(record, "auto", (str,), section[:-1], nullable=False)
            checker.type_(record, "predecessor", (str,), section[:-1], nullable=False)
            _check_content_id(checker, section, record, content_ids[index])
            orphaned = record.get("orphaned")
            if orphaned is not None and not isinstance(orphaned, bool):
                checker.add(record, "orphaned", f"orphaned must be true or false, not {orphaned!r}", "type")
            if orphaned is True:
                amended = f" ({successors[rid]} amends it and carries its review)" if rid in successors else ""
                checker.add(record, "orphaned", f"{section[:-1]} {rid} is orphaned: its text is gone from the "
                            f"article{amended}; reject it (review.status: rejected) or delete it", "orphaned",
                            "warning" if _review_status(record) != "rejected" else "info")
                check_record(checker, record, None)  # its spans point into text that is gone
            else:
                check_record(checker, record, body)
            _check_review(checker, record, strict, section, known)
    _check_figure_quotes(checker, doc)
    _check_corrections(checker, doc, body, strict, known)
    return [p for p in checker.problems if p.level != "info"]


def _check_figure_quotes(checker: _Checker, doc: dict[str, Any]) -> None:
    """A claim's ``quote`` names a quote of the same file (the quotation the figure stands in)."""
    quotes, claims = doc.get("quotes"), doc.get("claims")
    if not isinstance(claims, list):
        return
    ids = {q.get("id") for q in quotes if isinstance(q, dict)} if isinstance(quotes, list) else set()
    for c in claims:
        ref = c.get("quote") if isinstance(c, dict) else None
        if isinstance(ref, str) and ref not in ids:
            checker.add(c, "quote", f"claim quote '{ref}' names no quote of this file; set it to the id of the "
                        "quote the figure stands in, or null", "dangling-link")


def _check_corrections(checker: _Checker, doc: dict[str, Any], body: str | None, strict: bool,
                       known: set[str] | None) -> None:
    """``corrections``: notices with a kind, a span holding their text, and links naming records
    of this same claim file (a link to nothing would send a reader nowhere)."""
    notes = doc.get("corrections")
    if notes is None:
        return
    if not isinstance(notes, list):
        checker.add(doc, "corrections", "'corrections' must be a list", "type")
        return
    ids = {r.get("id") for k in ("quotes", "claims") if isinstance(doc.get(k), list)
           for r in doc[k] if isinstance(r, dict)}
    for index, note in enumerate(notes):
        if not isinstance(note, dict):
            checker.add(notes, index, "each of corrections must be a mapping", "type")
            continue
        checker.keys(note, CORRECTION_KEYS, "correction")
        if not isinstance(note.get("id"), str) or not note.get("id"):
            checker.add(note, "id" if "id" in note else None, "correction needs an id", "schema")
        for key in ("text", "target", "was", "now", "reason", "link_reason"):
            checker.type_(note, key, (str,), "correction", nullable=key != "text")
        if note.get("kind") not in CORRECTION_KINDS:
            checker.add(note, "kind" if "kind" in note else None,
                        f"correction kind {note.get('kind')!r} is not one of {', '.join(CORRECTION_KINDS)}", "value")
        if note.get("target_kind") not in (None, *CORRECTION_TARGETS):
            checker.add(note, "target_kind", f"correction target_kind {note.get('target_kind')!r} is not one of "
                        f"{', '.join(CORRECTION_TARGETS)}", "value")
        if checker.type_(note, "paragraph", (int,), "correction") and note["paragraph"] < 1:
            checker.add(note, "paragraph", "correction paragraph counts from 1", "value")
        if "span" in note:
            _check_span(checker, note, "span", note["span"], None if note.get("orphaned") else body, None)
        _check_links(checker, note, ids)
        _check_review(checker, note, strict, "corrections", known)


def _check_links(checker: _Checker, note: dict[str, Any], ids: set[Any]) -> None:
    links = note.get("links")
    if links is None:
        return
    if not isinstance(links, list):
        checker.add(note, "links", "correction links must be a list of record ids", "type")
        return
    for i, link in enumerate(links):
        if link not in ids:
            checker.add(links, i, f"correction link {link!r} names no quote or claim of this article; "
                        "correct the id or remove it", "unknown-ref")


def _review_status(record: Any) -> Any:
    review = record.get("review")
    return review.get("status", "unreviewed") if isinstance(review, dict) else "unreviewed"


def _check_article(checker: _Checker, article: Any) -> None:
    checker.keys(article, ARTICLE_KEYS, "article")
    for key in ("id", "path", "sha256"):
        if key not in article:
            checker.add(article, None, f"article.{key} is required", "schema")
    for key in ("id", "path", "sha256"):
        checker.type_(article, key, (str,), "article", nullable=False)
    for key in ("title", "outlet", "url", "body", "version", "version_of"):
        checker.type_(article, key, (str,), "article")
    sha = article.get("sha256")
    if isinstance(sha, str) and not re.fullmatch(r"[0-9a-f]{64}", sha):
        checker.add(article, "sha256", "article.sha256 must be 64 lowercase hex digits", "value")
    if checker.type_(article, "published", (str,), "article") and not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", article["published"]):
        checker.add(article, "published", f"article.published must be YYYY-MM-DD, not {article['published']!r}",
                    "value")
    authors = article.get("authors")
    if authors is not None and (not isinstance(authors, list) or not all(isinstance(a, str) for a in authors)):
        checker.add(article, "authors", "article.authors must be a list of names", "type")


def _check_article_owner(checker: _Checker, article: Any, path: Path, owners: dict[str, list[Path]] | None) -> None:
    """One claim file per article: a second file with the same id would merge into one article
    in the report (and give its HTML duplicate element ids)."""
    aid = article.get("id")
    others = [p.name for p in (owners or {}).get(aid, []) if isinstance(aid, str) and p.resolve() != path.resolve()]
    if others:
        checker.add(article, "id", f"article id '{aid}' is also the article id of {', '.join(others)}; each "
                    f"article has one claim file: delete the copy, or restore this file's own id "
                    f"(its name is {file_name(aid)} for this id)", "duplicate-article")


def _check_content_id(checker: _Checker, section: str, record: Any, expected: tuple[str, frozenset[str]]) -> None:
    """An id extraction wrote (the record has ``auto``; hand-made files may use any id) must
    still be an id of its content: re-runs match records by id, so an edited id detaches the
    record from its review (see ``tracker.ids``)."""
    rid, (restore, accepted) = record.get("id"), expected
    if isinstance(rid, str) and isinstance(record.get("auto"), str) and accepted and rid not in accepted:
        checker.add(record, "id", f"{section[:-1]} id '{rid}' is not the id of its text: re-runs match records "
                    f"by id, so it would lose its review; restore id: {restore}", "edited-id")


def _source_body(checker: _Checker, article: Any, path: Path) -> str | None:
    """The article body, only when its file lies inside the roots and its sha256 matches (see
    ``report.bodies``); otherwise a stale-source warning that holds nothing of the file."""
    source = article.get("path")
    if not isinstance(source, str) or ":" in Path(source).name.split(".")[-1]:
        # collections (file.jsonl:LINE) are not re-read here; a saved page's recorded body is used
        return find_body({**article, "path": ""}, path.parent).body if isinstance(article.get("body"), str) else None
    found = find_body(article, path.parent)
    if found.problem == STALE:
        checker.add(article, "sha256", "article text changed since extraction (stale); re-run tracker extract "
                    "(spans are not checked against a changed text)", "stale-source", "warning")
    elif found.problem is not None:
        checker.add(article, "path", f"article source '{source}' {found.problem}", "stale-source", "warning")
    return found.body


def _check_span(checker: _Checker, node: Any, key: Any, span: Any, body: str | None, surface: str | None) -> None:
    if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(v, int) and not isinstance(v, bool)
                                                                 for v in span)):
        checker.add(node, key, f"span must be [start, end] integers, not {span!r}", "span")
        return
    start, end = span
    if start < 0 or end < start:
        checker.add(node, key, f"span [{start}, {end}] is not a valid range", "span")
    elif body is not None and end > len(body):
        checker.add(node, key, f"span [{start}, {end}] is out of range (article body has {len(body)} characters)",
                    "span")
    elif body is not None and surface is not None and body[start:end] != surface:
        checker.add(node, key, f"span [{start}, {end}] no longer holds {surface!r}", "span-text", "warning")
    elif body is None and surface is not None and end - start != len(surface):
        # Without the article the range cannot be checked, but a span must be as long as its text.
        checker.add(node, key, f"span [{start}, {end}] is out of range: {end - start} characters for "
                    f"{surface!r} ({len(surface)})", "span")


def _check_quote(checker: _Checker, q: Any, body: str | None) -> None:
    checker.type_(q, "text", (str,), "quote", nullable=False)
    checker.type_(q, "speaker", (str,), "quote")
    checker.type_(q, "speaker_reason", (str,), "quote")
    checker.type_(q, "cue", (str,), "quote")
    if q.get("kind") not in QUOTE_KINDS:
        checker.add(q, "kind" if "kind" in q else None,
                    f"quote kind {q.get('kind')!r} is not one of {', '.join(QUOTE_KINDS)}", "value")
    spans = q.get("spans")
    if not isinstance(spans, list) or not spans:
        checker.add(q, "spans" if "spans" in q else None, "quote spans must be a list of [start, end]", "span")
    else:
        for i, span in enumerate(spans):
            _check_span(checker, spans, i, span, body, None)
        if body is not None and isinstance(q.get("text"), str) and all(
                isinstance(s, list) and len(s) == 2 and all(isinstance(v, int) for v in s) for s in spans):
            joined = " ".join(normalize_space(body[s:e]) for s, e in spans)
            if joined != q["text"] and not q.get("orphaned"):
                checker.add(q, "text", "quote text no longer matches the article at its spans", "span-text",
                            "warning")
    mention = q.get("speaker_mention")
    if mention is not None:
        if not isinstance(mention, dict):
            checker.add(q, "speaker_mention", "speaker_mention must be {text, span} or null", "type")
        else:
            checker.keys(mention, ("text", "span"), "speaker_mention")
            checker.type_(mention, "text", (str,), "speaker_mention", nullable=False)
            if "span" in mention:
                text = mention.get("text") if isinstance(mention.get("text"), str) else None
                _check_span(checker, mention, "span", mention["span"], body, text)
    _check_appositive(checker, q, "speaker_role", ("organisation", "text", "span"), body, nullable=False)
    _check_appositive(checker, q, "age_cue", ("says", "text", "span"), body, nullable=True)


def _check_appositive(checker: _Checker, q: Any, key: str, keys: tuple[str, ...], body: str | None,
                      nullable: bool) -> None:
    """``speaker_role`` / ``age_cue``: a mapping of text fields with the span of its words."""
    if key not in q or (nullable and q[key] is None):
        return
    value = q[key]
    if not isinstance(value, dict):
        checker.add(q, key, f"{key} must be a mapping {{{', '.join(keys)}}}" + (" or null" if nullable else ""),
                    "type")
        return
    checker.keys(value, keys, key)
    for field in keys[:-1]:
        if field not in value:
            checker.add(value, None, f"{key} needs {field}", "schema")
        checker.type_(value, field, (str,), key, nullable=False)
    if key == "age_cue" and value.get("says") not in AGE_SAYS:
        checker.add(value, "says" if "says" in value else None,
                    f"age_cue.says {value.get('says')!r} is not one of {', '.join(AGE_SAYS)}", "value")
    if "span" not in value:
        checker.add(value, None, f"{key} needs a span", "schema")
    else:
        text = value.get("text") if isinstance(value.get("text"), str) else None
        _check_span(checker, value, "span", value["span"], body, text)


def _check_claim(checker: _Checker, c: Any, body: str | None) -> None:
    if "value" not in c:
        checker.add(c, None, "claim needs a value", "schema")
    elif c["value"] is None:
        if not all(isinstance(c.get(k), int | float) and not isinstance(c.get(k), bool) for k in ("low", "high")):
            checker.add(c, "value", "claim value must be a number (null only for a range with low and high)",
                        "type")
    elif isinstance(c["value"], bool) or not isinstance(c["value"], int | float):
        checker.add(c, "value", f"claim value must be a number, not {c['value']!r}", "type")
    checker.type_(c, "low", (int, float), "claim")
    checker.type_(c, "high", (int, float), "claim")
    for key in ("value", "low", "high"):
        if isinstance(c.get(key), float) and not math.isfinite(c[key]):
            checker.add(c, key, f"claim {key} must be a finite number, not {c[key]!r}; write the figure, or null "
                        "(a value with low and high for a range)", "value")
    checker.type_(c, "approximate", (bool,), "claim", nullable=False)
    for key in ("unit", "measure", "surface", "sentence"):
        checker.type_(c, key, (str,), "claim")
    if c.get("kind", "count") not in CLAIM_KINDS:
        checker.add(c, "kind", f"claim kind {c.get('kind')!r} is not one of {', '.join(CLAIM_KINDS)}", "value")
    if c.get("bound") not in (None, *BOUNDS):
        checker.add(c, "bound", f"bound {c.get('bound')!r} is not one of {', '.join(BOUNDS)}", "value")
    if "span" in c:
        surface = c.get("surface") if isinstance(c.get("surface"), str) and not c.get("orphaned") else None
        _check_span(checker, c, "span", c["span"], body, surface)
    if "counts" in c:
        _check_counts(checker, c)
    _check_credit(checker, c, body)


def _check_credit(checker: _Checker, c: Any, body: str | None) -> None:
    """Who the figure is credited to: text fields, an ``attribution`` of the schema's, a mention span."""
    for key in ("source", "source_reason", "cue", "quote"):
        checker.type_(c, key, (str,), "claim")
    if "attribution" in c and c["attribution"] not in ATTRIBUTIONS:
        checker.add(c, "attribution", f"claim attribution {c['attribution']!r} is not one of "
                    f"{', '.join(ATTRIBUTIONS)}", "value")
    mention = c.get("source_mention")
    if mention is None:
        return
    if not isinstance(mention, dict):
        checker.add(c, "source_mention", "source_mention must be {text, span} or null", "type")
        return
    checker.keys(mention, ("text", "span"), "source_mention")
    checker.type_(mention, "text", (str,), "source_mention", nullable=False)
    if "span" in mention:
        text = mention.get("text") if isinstance(mention.get("text"), str) else None
        _check_span(checker, mention, "span", mention["span"], body, text)


def _check_counts(checker: _Checker, c: Any) -> None:
    """``counts``: a mapping whose scope is one of the schema's and whose other fields are text."""
    counts = c["counts"]
    if not isinstance(counts, dict):
        checker.add(c, "counts", "claim counts must be a mapping {predicate, scope, ...}", "type")
        return
    checker.keys(counts, COUNTS_KEYS, "counts")
    if counts.get("scope") not in SCOPES:
        checker.add(counts, "scope" if "scope" in counts else None,
                    f"counts.scope {counts.get('scope')!r} is not one of {', '.join(SCOPES)}", "value")
    for key in COUNTS_KEYS:
        if key != "scope":
            checker.type_(counts, key, (str,), "counts")


def _check_review(checker: _Checker, record: Any, strict: bool, section: str,
                  known: set[str] | None = None, allowed: tuple[str, ...] = REVIEW_KEYS) -> None:
    review = record.get("review")
    what = f"{section[:-1]} {record.get('id')}" if "id" in record else section
    if review is None:
        if strict:
            checker.add(record, "id" if "id" in record else None, f"{what} is not reviewed yet", "unreviewed")
        return
    if not isinstance(review, dict):
        checker.add(record, "review", "review must be a mapping {status, by, note}", "type")
        return
    checker.keys(review, allowed, "review")
    status = review.get("status", "unreviewed")
    if status not in REVIEW_STATUSES:
        hint = difflib.get_close_matches(str(status), REVIEW_STATUSES, n=1)
        extra = f"; did you mean '{hint[0]}'?" if hint else ""
        checker.add(review, "status", f"review status {status!r} is not one of {', '.join(REVIEW_STATUSES)}{extra}",
                    "value")
    elif strict and status == "unreviewed" and record.get("kind") not in ("term",):
        checker.add(record, "id" if "id" in record else None, f"{what} is not reviewed yet", "unreviewed")
    for key in ("by", "note", "resolved"):
        checker.type_(review, key, (str,), "review")
    for key in ("same_as", "different_from"):
        refs = review.get(key)
        if refs is None:
            continue
        for i, ref in enumerate(refs if isinstance(refs, list) else [refs]):
            node, at = (refs, i) if isinstance(refs, list) else (review, key)
            if not isinstance(ref, str) or not re.fullmatch(r"[^/\s]+/[^/\s]+", ref):
                checker.add(node, at, f"review.{key} entries are ARTICLE-ID/RECORD-ID, not {ref!r}", "value")
            elif known is not None and ref not in known:
                hint = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=REF_HINT_CUTOFF)
                fix = f"did you mean '{hint[0]}'?" if hint else "correct the ARTICLE-ID/RECORD-ID or remove the entry"
                checker.add(node, at, f"review.{key} names {ref}, which is not in this folder; {fix}",
                            "unknown-ref")
    if strict and status == "disputed" and not review.get("resolved"):
        checker.add(review, "status", "disputed record has no 'resolved' reason", "unresolved")


def check_reviews_file(path: Path, strict: bool = False) -> list[Problem]:
    """Problems in ``_reviews.yaml``: its shape, review values, and ids the report no longer has."""
    checker = _Checker(path, Path.cwd())
    doc, checker.problems = _load(path)
    if doc is None or doc == {}:
        return checker.problems
    existing: dict[str, set[str]] | None = None
    if _all_load(path.parent):
        from ..report.model import build_report

        existing = _report_ids(build_report(path.parent))
    return _check_reviews_document(checker, doc, existing)


def _report_ids(report: Any) -> dict[str, set[str]]:
    return {section: {str(item["id"]) for item in report[section]} for section in REVIEW_SECTIONS}


def _check_reviews_document(checker: _Checker, doc: Any, existing: dict[str, set[str]] | None) -> list[Problem]:
    """The ``_reviews.yaml`` rules over ``doc`` (ruamel or plain data, as ``_check_document``)."""
    if doc is None or doc == {}:
        return checker.problems
    if not isinstance(doc, dict):
        return [Problem(str(checker.path), 1, 1, "error", "_reviews.yaml is a mapping: quote_clusters, claim_groups",
                        "schema")]
    checker.keys(doc, REVIEW_SECTIONS, "_reviews.yaml")
    for section in REVIEW_SECTIONS:
        entries = doc.get(section)
        if entries is None:
            continue
        if not isinstance(entries, dict):
            checker.add(doc, section, f"'{section}' must map ids to reviews", "type")
            continue
        for key, review in entries.items():
            if existing is not None and str(key) not in existing[section]:
                checker.add(entries, key, _unknown_group_message(section, str(key), existing[section]), "unknown-id")
            if not isinstance(review, dict):
                checker.add(entries, key, "a review is a mapping {status, by, note, resolved}", "type")
                continue
            _check_review(checker, {"review": review}, False, section, allowed=REVIEW_FILE_KEYS)
            _check_covers(checker, review)
    return checker.problems


def _check_covers(checker: _Checker, review: dict[str, Any]) -> None:
    """``covers``: the values a resolution settled, numbers or ``[low, high]`` ranges."""
    covers = review.get("covers")
    if covers is None:
        return
    def number(x: Any) -> bool:
        return isinstance(x, int | float) and not isinstance(x, bool)
    if not isinstance(covers, list) or not all(
            number(x) or (isinstance(x, list) and len(x) == 2 and all(map(number, x))) for x in covers):
        checker.add(review, "covers", "covers lists the values a resolution settled: numbers, or [low, high] "
                    "for a range (delete it and tracker run records it again)", "type")


def _unknown_group_message(section: str, key: str, existing: set[str]) -> str:
    what = section[:-1].replace("_", " ")
    hint = difflib.get_close_matches(key, sorted(existing), n=1, cutoff=REF_HINT_CUTOFF)
    fix = (f"did you mean '{hint[0]}'?" if hint else
           f"move the review to the {what}'s current id (tracker report --format json lists them)")
    return f"no {what} '{key}' in the report, so this review applies to nothing; {fix}"


__all__ = [
    "Problem",
    "Tally",
    "check_file",
    "check_folder",
    "check_paths",
    "check_reviews_file",
    "check_summary",
    "conflict_problems",
    "validate_folder",
]


def conflict_problems(folder: Path) -> Iterator[Problem]:
    """Unresolved conflicts, one problem per group, placed on the group's first claim."""
    from ..report.model import build_report

    try:
        report = build_report(folder)
    except TrackerError as exc:  # a file the report cannot read: one more problem, not a stop
        yield Problem(exc.path or str(folder), exc.line or 1, 1, "error", exc.message, "schema")
        return
    for group in report["claim_groups"]:
        if group["status"] != "conflict":
            continue
        first = group["values"][0]
        path = folder / file_name(str(first["article"]))
        line, col = _record_position(path, "claims", str(first["claim_id"]))
        yield Problem(str(path), line, col, "error",
                      f"unresolved conflict {group['id']}: {group.get('reason', '')}; settle it with "
                      f"review.resolved on a claim or under claim_groups in {REVIEWS_FILE}", "conflict")


def _record_position(path: Path, section: str, rid: str) -> tuple[int, int]:
    doc = _positioned(path)
    for record in (doc.get(section) if isinstance(doc, dict) else None) or []:
        if isinstance(record, dict) and record.get("id") == rid:
            return _pos(record, "id")
    return 1, 1


def count_files(paths: Sequence[Path]) -> int:
    """How many files ``check_paths`` will check, for a progress display."""
    total = 0
    for path in paths:
        if path.is_dir():
            total += len(claim_file_paths(path)) + (path / REVIEWS_FILE).is_file()
        else:
            total += 1
    return total


#: Plain values YAML 1.1 (PyYAML) and 1.2 (ruamel) may read differently (``yes``, ``12:30``, ``017``,
#: ``1_000``, ``1e3``) or a tab after a colon, which only libyaml accepts: a file holding one is checked
#: in full (the "yaml-version" rule needs the round-trip reader); tracker never writes them unquoted.
_READ_DIFFERENTLY = re.compile(
    r"(?im)(?:[:\[{,-][ ]+)(?:yes|no|on|off|y|n|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?0o?[0-7]+|"
    r"[-+]?[0-9]+_[0-9_]*|[-+]?[0-9][0-9_]*e[-+]?[0-9]+|[-+]?[0-9][0-9_]*\.[0-9_]*e[0-9]+)[ ]*(?:$|[,\]}#])|:\t")


def validate_folder(folder: Path, on_file: Callable[[], None] | None = None,
                    cache: MatchCache | None = None) -> tuple[list[ClaimFile], list[Problem]]:
    """The claim files of ``folder`` and the errors ``check`` would report in them, for ``run`` and
    ``report``, which refuse a folder ``check`` fails: one validation everywhere.

    Fast where all is well: the rules run over the data PyYAML (libyaml) reads, which the report
    needs anyway; only a file with an error is re-read by the round-trip reader (ten times slower)
    to place each problem at its line and column. With ``cache``, an unchanged file is not parsed again.
    """
    from ..report.model import build_report_from

    if not folder.is_dir():
        raise TrackerError("no such folder of claim files", str(folder))
    files: list[ClaimFile] = []
    problems: list[Problem] = []
    suspects: set[Path] = set()
    shas: dict[Path, str] = {}  # files whose rules may be skipped when the cache saw them pass
    for path in claim_file_paths(folder):
        try:
            text = read_text(path)
            data, sha = _parsed(text, path, cache)
        except ClaimFileError:
            problems += _errors(check_file(path)) or [Problem(str(path), 1, 1, "error", "cannot be read", "syntax")]
            continue
        if _READ_DIFFERENTLY.search(text):
            suspects.add(path)
        elif sha and not any(key in text for key in _FOLDER_REFS):
            shas[path] = sha
        if isinstance(data, dict) and isinstance(data.get("article"), dict):
            files.append(ClaimFile(path, data))
        else:
            problems.append(Problem(str(path), 1, 1, "error", "not a claim file: expected a mapping with 'article', "
                                    "'quotes', 'claims' (restore it from git, or move it out of this folder)",
                                    "schema"))
        if on_file is not None:
            on_file()
    problems += _file_problems(files, suspects, shas, cache)
    reviews_path = folder / REVIEWS_FILE
    if not problems and os.path.lexists(reviews_path):
        try:
            doc = load_plain(reviews_path)
        except ClaimFileError:
            doc = None
            problems += _errors(check_reviews_file(reviews_path))
        if doc is not None:
            existing = _report_ids(build_report_from(files, load_reviews(folder)))
            if _errors(_check_reviews_document(_Checker(reviews_path, Path.cwd()), doc, existing)):
                problems += _errors(check_reviews_file(reviews_path))
    return files, problems


#: Keys whose values name records of other claim files: a file holding one is checked against the
#: whole folder's ids on every run, so its passing the rules is never taken from the cache.
_FOLDER_REFS = ("same_as", "different_from")


def _file_problems(files: list[ClaimFile], suspects: set[Path], shas: dict[Path, str],
                   cache: MatchCache | None) -> list[Problem]:
    """The errors of each claim file's rules; a file the cache saw pass with the same bytes,
    article file and code (``validation_key``) is not checked again."""
    problems: list[Problem] = []
    known: set[str] | None = None
    for cf in files:
        key = validation_key(cf.path, shas[cf.path], cf.article) if cache is not None and cf.path in shas else None
        if key is not None and cache is not None and cache.valid(key):
            continue
        if known is None:
            known = {f"{f.article.get('id')}/{r.get('id')}" for f in files for r in (*f.quotes, *f.claims)}
        if cf.path in suspects or _errors(_check_document(_Checker(cf.path, Path.cwd()), cf.data, False, known)):
            problems += _errors(check_file(cf.path, known=known))
            continue
        try:
            check_shape(cf.path, cf.data)  # what the report relies on (the rules above cover it; kept as a guard)
        except ClaimFileError as exc:
            problems.append(Problem(str(cf.path), exc.line or 1, exc.column or 1, "error", exc.message, "schema"))
            continue
        if key is not None and cache is not None:
            cache.store_valid(key)
    return problems


def _parsed(text: str, path: Path, cache: MatchCache | None) -> tuple[Any, str]:
    """A claim file's data, from the cache when the same bytes were parsed before, and its content
    key ("" without a cache)."""
    if cache is None:
        return parse_plain(text, str(path)), ""
    sha, data = cache.parsed(text)
    if data is None:
        data = parse_plain(text, str(path))
        cache.store_parsed(sha, data)
    return data, sha


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error"]


@functools.lru_cache(maxsize=8)
def _positioned(path: Path) -> Any:
    """A claim file with positions, read once for all the conflicts placed in it."""
    try:
        fast = read_positioned(read_text(path))
    except TrackerError:
        return None
    return fast[0] if fast is not None else None
