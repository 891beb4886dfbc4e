"""Markdown for pull-request comments and READMEs: compact tables in a stable order."""

from __future__ import annotations

from typing import Any

from .model import Report


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def render_markdown(report: Report) -> str:
    s = report["summary"]
    out = [
        "# Cross-source consistency report",
        "",
        f"{s['articles']} articles from {s['sources']} sources · {s['quotes']} quotes in {s['quote_clusters']} "
        f"clusters ({s['recycled_quotes']} recycled across articles) · {s['claims']} numeric claims, "
        f"{s['claim_groups']} cross-article groups, **{s['conflicts']} conflicts**",
        "",
        "## Conflicts",
        "",
    ]
    conflicts = [g for g in report["claim_groups"] if g["status"] == "conflict"]
    if not conflicts:
        out.append("No conflicting figures.")
    for g in conflicts:
        out += [f"### {g.get('measure') or g.get('unit') or 'figure'}: {g.get('verdict', g['status'])}", "",
                f"{g.get('reason', '')}", ""]
        out += _table(["published", "source", "value", "approx.", "as written", "sentence"],
                      [[v["published"] or "undated", v["outlet"] or v["article"], v["value"],
                        "yes" if v["approximate"] else "", v["surface"], v["sentence"]] for v in g["values"]])
        out.append("")
    out += ["## Recycled and amended quotes", ""]
    recycled = [c for c in report["quote_clusters"] if c.get("articles", 0) > 1]
    if not recycled:
        out.append("No quote appears in more than one article.")
    for c in recycled:
        first = c["first_seen"]
        out += [f"### “{_cell(c['canonical'])}”", "",
                f"Speaker: {c['speaker'] or 'unknown'} · first seen in {first['article']} "
                f"({first['published'] or 'undated'})", ""]
        out += _table(["published", "source", "relation", "score", "text"],
                      [[m["published"] or "undated", m["outlet"] or m["article"], m["relation"], m["score"], m["text"]]
                       for m in c["members"]])
        out.append("")
    consistent = [g for g in report["claim_groups"] if g["status"] != "conflict"]
    out += ["## Consistent figures", ""]
    if not consistent:
        out.append("None.")
    else:
        out += _table(["measure", "values", "sources", "reason"],
                      [[g.get("measure") or g.get("unit"), ", ".join(sorted({str(v["value"]) for v in g["values"]})),
                        ", ".join(dict.fromkeys(v["outlet"] or v["article"] for v in g["values"])), g.get("reason")]
                       for g in consistent])
    out.append("")
    return "\n".join(out)
