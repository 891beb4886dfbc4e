"""The report model as rows of the SQLite tables (``sqlite_schema``): plain data, no database.

Every row is built from the model's own dicts, so a field the model gains (a figure's source,
a correction, a flag) reaches the database without a change here: nested values are flattened
(``review`` -> ``review_status`` …) and lists become JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .csv import misattribution_rows, provenance_rows
from .model import Report

Row = dict[str, Any]
#: Model keys that hold other tables' rows (members, values) or internal fingerprints.
_NESTED = {"members", "values", "auto"}


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat(record: dict[str, Any], skip: frozenset[str] | set[str] = frozenset()) -> Row:
    """A model dict as one row: ``{"review": {"status": …}}`` -> ``review_status`` and so on."""
    row: Row = {}
    for key, value in record.items():
        if key in skip or key in _NESTED:
            continue
        if isinstance(value, dict) and key in ("review", "first_seen"):
            prefix = "first" if key == "first_seen" else key
            for sub, item in value.items():
                row[f"{prefix}_{sub}"] = _cell(item)
        else:
            row[key] = _cell(value)
    return row


def _bounds(spans: list[list[int]] | None) -> tuple[int | None, int | None]:
    return (spans[0][0], spans[-1][1]) if spans else (None, None)


def _aliases(report: Report) -> dict[str, str]:
    return {name: row["speaker"] for row in report["speakers"] if row["speaker"] for name in row["names"]}


def table_rows(report: Report) -> dict[str, list[Row]]:
    """Rows of every table in ``sqlite_schema.TABLES`` order (referenced tables first)."""
    outlets: dict[str, int] = {}
    for article in report["articles"]:
        if article.get("outlet"):
            outlets[str(article["outlet"])] = outlets.get(str(article["outlet"]), 0) + 1
    aliases = _aliases(report)
    return {
        "outlets": [{"name": name, "articles": n} for name, n in sorted(outlets.items())],
        "articles": [flat(a) for a in report["articles"]],
        "speakers": [flat(s, {"speaker", "names", "reasons"}) | {"name": s["speaker"]}
                     for s in report["speakers"] if s["speaker"]],
        "speaker_aliases": [{"speaker": s, "alias": a} for a, s in sorted(aliases.items())],
        "quote_clusters": [flat(c) for c in report["quote_clusters"]],
        "quotes": list(_quotes(report, aliases)),
        "cluster_members": list(_members(report)),
        "claim_groups": [flat(g) for g in report["claim_groups"]],
        "claims": list(_claims(report)),
        "group_values": list(_values(report)),
        "reviews": list(_reviews(report)),
        "corrections": [{"ref": f"{row['article']}/{row['correction_id']}", **flat(row, {"span"})}
                        for row in provenance_rows(report, "corrections")],
        "misattributions": [{**{k: _cell(v) for k, v in row.items() if k != "mention_span"},
                             "quote": f"{row['article']}/{row['quote_id']}", "open": int(bool(row["open"]))}
                            for row in misattribution_rows(report)],
        "version_changes": [{"position": n, **row} for n, row in enumerate(provenance_rows(report, "version_changes"))],
    }


def _quotes(report: Report, aliases: dict[str, str]) -> Iterator[Row]:
    for q in report["quotes"]:
        start, end = _bounds(q["spans"])
        yield {"ref": f"{q['article']}/{q['quote_id']}", **flat(q), "start": start, "end": end,
               "speaker_name": aliases.get(q["speaker"]) if q["speaker"] else None,
               "orphaned": int(bool(q["orphaned"]))}


def _members(report: Report) -> Iterator[Row]:
    for cluster in report["quote_clusters"]:
        for position, m in enumerate(cluster["members"]):
            row = flat(m, {"quote_id", "spans"})
            yield {"cluster": cluster["id"], "quote": f"{m['article']}/{m['quote_id']}", "position": position, **row}


def _claims(report: Report) -> Iterator[Row]:
    for c in report["claims"]:
        start, end = _bounds([c["span"]] if c["span"] else None)
        yield {"ref": f"{c['article']}/{c['claim_id']}", **flat(c, {"span"}), "start": start, "end": end,
               "orphaned": int(bool(c["orphaned"])), "approximate": int(bool(c["approximate"]))}


def _values(report: Report) -> Iterator[Row]:
    for group in report["claim_groups"]:
        for position, v in enumerate(group["values"]):
            start, end = _bounds([v["span"]] if v.get("span") else None)
            row = flat(v, {"claim_id", "span"})
            yield {"group": group["id"], "claim": f"{v['article']}/{v['claim_id']}", "position": position,
                   **row, "start": start, "end": end, "approximate": int(bool(v["approximate"]))}


def _reviews(report: Report) -> Iterator[Row]:
    """Decisions only: a cluster, group or record nobody reviewed has no row."""
    for table, key in (("quote_clusters", "quote_clusters"), ("claim_groups", "claim_groups")):
        for item in report[key]:
            review = item.get("review") or {}
            if review.get("status", "unreviewed") != "unreviewed" or review.get("resolved") or review.get("note"):
                yield {"target_table": table, "target": item["id"], **{k: _cell(v) for k, v in review.items()}}
    for table, id_key in (("quotes", "quote_id"), ("claims", "claim_id")):
        for record in report[table]:
            if record["status"] != "unreviewed":
                yield {"target_table": table, "target": f"{record['article']}/{record[id_key]}",
                       "status": record["status"]}
