"""Lint a folder of claim files: yields Problem(path, line, column, level, message, rule).

Checks the schema (unknown keys with a "did you mean" hint, types, allowed values), duplicate
ids, spans that fall outside the article or no longer match its text, and claim files whose
article changed (stale) or vanished. ``strict`` also reports unresolved conflicts and records
no one has reviewed yet, for CI gates.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import TrackerError
from .ingest import Document
from .ingest.decode import decode_text
from .ingest.frontmatter import split_front_matter
from .records import QUOTE_KINDS, REVIEW_STATUSES
from .schema import allowed_keys
from .text import normalize_space
from .yamlio import load_roundtrip

TOP_KEYS = allowed_keys("file")
ARTICLE_KEYS = allowed_keys("article")
QUOTE_KEYS = allowed_keys("quote")
CLAIM_KEYS = allowed_keys("claim")
REVIEW_KEYS = allowed_keys("review")
CLAIM_KINDS = ("count", "currency", "percent", "year", "date", "age", "ordinal", "measure")
BOUNDS = (">", ">=", "<", "<=")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    level: str  # error | warning
    message: str
    rule: str

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

    def add(self, node: Any, key: Any, message: str, rule: str, level: str = "error") -> None:
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
    """Every problem in every claim file of ``folder``."""
    if not folder.is_dir():
        raise TrackerError("no such folder of claim files", str(folder))
    for path in sorted(folder.glob("*.yaml")):
        yield from check_file(path, strict=strict)


def check_file(path: Path, strict: bool = False, base: Path | None = None) -> list[Problem]:
    checker = _Checker(path, base or Path.cwd())
    try:
        doc = load_roundtrip(path)
    except TrackerError as exc:
        return [Problem(str(path), exc.line or 1, 1, "error", exc.message, "syntax")]
    if not isinstance(doc, dict):
        return [Problem(str(path), 1, 1, "error", "a claim file is a mapping with article, quotes, claims", "schema")]
    checker.keys(doc, TOP_KEYS, "the claim file")
    article = doc.get("article")
    body = None
    if not isinstance(article, dict):
        checker.add(doc, "article" if "article" in doc else None, "missing 'article' mapping", "schema")
    else:
        checker.keys(article, ARTICLE_KEYS, "article")
        for key in ("id", "path", "sha256"):
            if key not in article:
                checker.add(article, None, f"article.{key} is required", "schema")
        checker.type_(article, "published", (str,), "article")
        body = _source_body(checker, article, path)
    for section, keys, check_record in (("quotes", QUOTE_KEYS, _check_quote), ("claims", CLAIM_KEYS, _check_claim)):
        records = doc.get(section)
        if records is None:
            continue
        if not isinstance(records, list):
            checker.add(doc, section, f"'{section}' must be a list", "type")
            continue
        seen: dict[str, int] = {}
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
            check_record(checker, record, body)
            _check_review(checker, record, strict, section)
    return checker.problems


def _source_body(checker: _Checker, article: Any, path: Path) -> str | None:
    """The article body, when its file can be found; reports stale or vanished sources."""
    source = article.get("path")
    if not isinstance(source, str) or ":" in Path(source).name.split(".")[-1]:
        return None  # collections (file.jsonl:LINE) are not re-read here
    candidates = [Path(source), path.parent.parent / source, path.parent / source]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        checker.add(article, "path", f"article source '{source}' not found (moved or deleted)", "stale-source",
                    "warning")
        return None
    try:
        _, body = split_front_matter(decode_text(found.read_bytes(), str(found)), str(found))
    except (TrackerError, OSError) as exc:
        checker.add(article, "path", f"article source unreadable: {exc}", "stale-source", "warning")
        return None
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    if article.get("sha256") != digest:
        checker.add(article, "sha256", "article text changed since extraction (stale); re-run tracker extract",
                    "stale-source", "warning")
    return body


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


def _check_quote(checker: _Checker, q: Any, body: str | None) -> None:
    checker.type_(q, "text", (str,), "quote", nullable=False)
    checker.type_(q, "speaker", (str,), "quote")
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
        elif "span" in mention:
            _check_span(checker, mention, "span", mention["span"], body, None)


def _check_claim(checker: _Checker, c: Any, body: str | None) -> None:
    if "value" not in c:
        checker.add(c, None, "claim needs a value", "schema")
    elif c["value"] is None or isinstance(c["value"], bool) or not isinstance(c["value"], int | float):
        checker.add(c, "value", f"claim value must be a number, not {c['value']!r}", "type")
    checker.type_(c, "high", (int, float), "claim")
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


def _check_review(checker: _Checker, record: Any, strict: bool, section: str) -> None:
    review = record.get("review")
    if review is None:
        return
    if not isinstance(review, dict):
        checker.add(record, "review", "review must be a mapping {status, by, note}", "type")
        return
    checker.keys(review, REVIEW_KEYS, "review")
    status = review.get("status", "unreviewed")
    if status not in REVIEW_STATUSES:
        hint = difflib.get_close_matches(str(status), REVIEW_STATUSES, n=1)
        extra = f"; did you mean '{hint[0]}'?" if hint else ""
        checker.add(review, "status", f"review status {status!r} is not one of {', '.join(REVIEW_STATUSES)}{extra}",
                    "value")
    elif strict and status == "unreviewed" and record.get("kind") not in ("term",):
        checker.add(record, "id", f"{section[:-1]} {record.get('id')} is not reviewed yet", "unreviewed")
    if strict and status == "disputed" and not review.get("resolved"):
        checker.add(review, "status", "disputed record has no 'resolved' reason", "unresolved")


__all__ = ["Document", "Problem", "check_file", "check_folder"]


def conflict_problems(folder: Path) -> Iterator[Problem]:
    """Unresolved conflicts, one problem per group, placed on the first claim of the group."""
    from .report.model import build_report

    report = build_report(folder)
    for group in report["claim_groups"]:
        if group["status"] != "conflict":
            continue
        first = group["values"][0]
        yield Problem(str(folder / f"{first['article']}.yaml"), 1, 1, "error",
                      f"unresolved conflict {group['id']}: {group.get('reason', '')}", "conflict")
