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
    "articles": ("id", "path", "sha256", "title", "outlet", "authors", "published", "url"),
    "quotes": ("article", "quote_id", "cluster", "speaker", "kind", "text", "start", "end", "status", "orphaned"),
    "claims": ("article", "claim_id", "group", "value", "unit", "measure", "kind", "approximate", "bound", "low",
               "high", "surface", "start", "end", "sentence", "status", "orphaned", "source", "attribution", "cue",
               "source_mention", "quote", "source_reason"),
    "cluster_members": ("cluster", "cluster_speaker", "quote_id", "article", "outlet", "published", "speaker",
                        "relation", "score", "text"),
    "group_values": ("group", "status", "verdict", "measure", "unit", "claim_id", "article", "outlet", "published",
                     "value", "approximate", "bound", "surface", "sentence", "reason",
                     # added later, so older readers' column positions hold: a range's two ends
                     # (value is its low end), what is counted in words, the reviewers' decision
                     "low", "high", "figure", "review", "resolved", "resolved_by", "reopened", "source", "attribution",
                     "source_mention", "quote", "sourcing"),
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


def rows(report: Report, table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table as dicts keyed by the columns in ``TABLES``."""
    if table == "articles":
        for a in report["articles"]:
            authors = a.get("authors")
            yield {**a, "authors": "; ".join(str(x) for x in authors) if isinstance(authors, list) else authors}
    elif table == "quotes":
        for q in report["quotes"]:
            start, end = _bounds(q["spans"])
            yield {**q, "start": start, "end": end}
    elif table == "claims":
        for c in report["claims"]:
            start, end = _bounds([c["span"]] if c["span"] else None)
            yield {**c, "start": start, "end": end}
    elif table == "cluster_members":
        for cl in report["quote_clusters"]:
            for m in cl["members"]:
                yield {**m, "cluster": cl["id"], "cluster_speaker": cl["speaker"]}
    elif table == "group_values":
        for g in report["claim_groups"]:
            for v in g["values"]:
                yield {**v, **group_columns(g, v)}
    else:
        raise KeyError(table)


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
