"""CSV tables from the report model: one row per article, quote, claim, cluster member, group value.

Cells hold plain values: empty for missing, ``true``/``false`` for flags, a quote's first span
start and last span end as ``start``/``end``. Text cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading ``'``,
so an article cannot plant a formula in a fact-checker's spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from .display import group_columns
from .model import Report

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("id", "path", "sha256", "title", "outlet", "authors", "published", "url", "version", "version_of"),
    "quotes": ("article", "quote_id", "cluster", "speaker", "kind", "text", "start", "end", "status", "orphaned",
               "versions"),
    "claims": ("article", "claim_id", "group", "value", "unit", "measure", "kind", "approximate", "bound", "low",
               "high", "surface", "start", "end", "sentence", "status", "orphaned", "source", "attribution", "cue",
               "source_mention", "quote", "source_reason", "versions"),
    "cluster_members": ("cluster", "cluster_speaker", "quote_id", "article", "outlet", "published", "speaker",
                        "relation", "score", "text", "days_since_first", "recycled", "age_cue", "recycled_reason"),
    "misattributions": ("flag", "cluster", "first", "other", "confidence", "open", "review_status", "resolved",
                        "article", "outlet", "published", "quote_id", "speaker", "person", "mention", "mention_start",
                        "mention_end"),
    "group_values": ("group", "status", "verdict", "measure", "unit", "claim_id", "article", "outlet", "published",
                     "value", "approximate", "bound", "surface", "sentence", "reason",
                     # added later, so older readers' column positions hold: a range's two ends
                     # (value is its low end), what is counted in words, the reviewers' decision
                     "low", "high", "figure", "review", "resolved", "resolved_by", "reopened", "source", "attribution",
                     "source_mention", "quote", "sourcing"),
    "corrections": ("article", "correction_id", "kind", "text", "start", "end", "target", "target_kind", "paragraph",
                    "was", "now", "reason", "links", "link_reason", "status", "orphaned"),
    "version_changes": ("story", "from", "to", "section", "change", "old_id", "new_id", "old", "new", "diff"),
}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _bounds(spans: list[list[int]] | None) -> tuple[int | None, int | None]:
    return (spans[0][0], spans[-1][1]) if spans else (None, None)


def joined(values: Any) -> str | None:
    return "; ".join(str(v) for v in values) if isinstance(values, list) else None


def provenance_rows(report: Report, table: str) -> Iterator[dict[str, Any]]:
    """Notices (one row each, links joined) or version changes (one row per change, sentences removed too)."""
    if table == "corrections":
        for n in report.get("corrections", []):
            start, end = _bounds([n["span"]] if n.get("span") else None)
            yield {**n, "start": start, "end": end, "links": joined(n.get("links"))}
        return
    for story in report.get("versions", []):
        for step in story["steps"]:
            where = {"story": story["story"], "from": step["from"], "to": step["to"]}
            for change in step["changes"]:
                yield {**change, **where}
            for sentence in step.get("sentences_removed", []):
                yield {**where, "section": "sentences", "change": "removed", "old": sentence}


def rows(report: Report, table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table as dicts keyed by the columns in ``TABLES``."""
    if table == "articles":
        for a in report["articles"]:
            authors = a.get("authors")
            yield {**a, "authors": "; ".join(str(x) for x in authors) if isinstance(authors, list) else authors}
    elif table == "quotes":
        for q in report["quotes"]:
            start, end = _bounds(q["spans"])
            yield {**q, "start": start, "end": end, "versions": joined(q.get("versions"))}
    elif table == "claims":
        for c in report["claims"]:
            start, end = _bounds([c["span"]] if c["span"] else None)
            yield {**c, "start": start, "end": end, "versions": joined(c.get("versions"))}
    elif table in ("corrections", "version_changes"):
        yield from provenance_rows(report, table)
    elif table == "cluster_members":
        for cl in report["quote_clusters"]:
            for m in cl["members"]:
                cue = m.get("age_cue") or {}
                yield {**m, "cluster": cl["id"], "cluster_speaker": cl["speaker"], "age_cue": cue.get("text")}
    elif table == "misattributions":
        yield from misattribution_rows(report)
    elif table == "group_values":
        for g in report["claim_groups"]:
            for v in g["values"]:
                yield {**v, **group_columns(g, v)}
    else:
        raise KeyError(table)


def misattribution_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One row per piece of evidence of each flag (shared by the CSV tables and ``tracker.load``)."""
    for f in report.get("misattributions", []):
        review = f.get("review") or {}
        for e in f["evidence"]:
            start, end = _bounds([e["mention_span"]] if e.get("mention_span") else None)
            yield {**e, "flag": f["id"], "cluster": f["cluster"], "first": f["first"], "other": f["other"],
                   "confidence": f.get("confidence"),
                   "open": f["open"], "review_status": review.get("status"), "resolved": review.get("resolved"),
                   "mention_start": start, "mention_end": end}


def render_table(report: Report, table: str) -> str:
    """One table as CSV text (header first, ``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = TABLES[table]
    writer.writerow(columns)
    for row in rows(report, table):
        writer.writerow([cell(row.get(col)) for col in columns])
    return out.getvalue()


def render_csv(report: Report) -> str:
    """What ``--format csv`` prints to stdout: the group values table."""
    return render_table(report, "group_values")


def csv_files(report: Report) -> dict[str, str]:
    """Every table by file name (``quotes.csv`` …), for writing a folder."""
    return {f"{table}.csv": render_table(report, table) for table in TABLES}
