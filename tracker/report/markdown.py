"""Markdown for pull-request comments and READMEs: compact tables in a stable order.

Conflicts and recycled quotes each get two tables: one row per group or cluster (numbered
``C1``…, ``Q1``…), then one row per reported value or quote variant under the same numbers.
Groups and clusters are ordered by first publication date, then id; rows keep the model's
order (oldest first). Article text is escaped so it shows as text: no links (autolinks and @mentions included),
emphasis or HTML.
"""

from __future__ import annotations

import re
from typing import Any

from ..text import plural
from .credit import credit_text, sourcing_text
from .display import figure_label, relation_text, value_text
from .model import Report
from .provenance_md import corrections_section, versions_section
from .view import source_names, split_on

QUOTE_PREVIEW = 120  # characters of a quote shown in the cluster table
# Markup characters, "<" (it opens HTML) and an "&" that would begin an entity ("&amp;"); ">"
# starts no block inside a table cell and reads better plain ("12 -> 15").
_MARKUP = re.compile(r"([\\`*_\[\]|~<]|&(?=#?\w+;))")
# GitHub turns www., scheme:// and @name (mentions, e-mail) into live links even in escaped text; a
# word joiner (U+2060, invisible) inside each breaks the pattern without changing what is shown.
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)")
_JOINER = "\u2060"


def _cell(value: Any) -> str:
    """Text as text: markup characters backslash-escaped, so no entity or tag is formed and the
    Markdown reads as written where it is not rendered (no ``&gt;``)."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return _AUTOLINK.sub(_JOINER, _MARKUP.sub(r"\\\1", text))


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _order(item: dict[str, Any], published: Any) -> tuple[bool, str, str]:
    return (published is None, str(published or ""), str(item["id"]))


def _source(item: dict[str, Any], names: dict[str, str]) -> str:
    return str(item.get("outlet") or names.get(str(item.get("article"))) or item.get("article"))


def _spread(members: list[dict[str, Any]], names: dict[str, str]) -> str:
    """``2 outlets, 3 articles``: where a quote appeared."""
    outlets = {_source(m, names) for m in members}
    return f"{plural(len(outlets), 'outlet')}, {plural(len({m['article'] for m in members}), 'article')}"


def _value(v: dict[str, Any]) -> str:
    return value_text(v)


def _as_written(v: dict[str, Any]) -> str:
    """The number as written with its hedge ("an estimated 5,200")."""
    _, hedge, hit, _ = split_on(str(v.get("sentence") or ""), str(v.get("surface") or ""))
    return f"{hedge}{hit}" if hit else str(v.get("surface") or "")


def _figure(g: dict[str, Any]) -> str:
    return figure_label(g)


def _credited(groups: list[dict[str, Any]]) -> list[str]:
    """The "credited to" column, when the claim files say who figures come from (files written
    before figures were credited keep their tables as they were)."""
    return ["credited to"] if any(v.get("attribution") for g in groups for v in g["values"]) else []


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_PREVIEW else text[:QUOTE_PREVIEW - 1].rstrip() + "…"


def _conflicts(groups: list[dict[str, Any]], names: dict[str, str], title: str = "Conflicts", prefix: str = "C",
               empty: str = "No conflicting figures.") -> list[str]:
    out = [f"## {title} ({len(groups)})", ""]
    if not groups:
        return [*out, empty, ""]
    numbered = [(f"{prefix}{i}", g) for i, g in enumerate(groups, start=1)]
    credited = _credited(groups)
    out += _table(["#", "figure", "verdict", "values by source", "reason", *credited],
                  [[n, _figure(g), g.get("verdict") or g["status"],
                    "; ".join(f"{_value(v)} {_source(v, names)} ({v.get('published') or 'undated'})"
                              for v in g["values"]),
                    g.get("reason"), *([sourcing_text(g)] if credited else [])] for n, g in numbered])
    out.append("")
    out += _table(["#", "published", "source", "value", "as written", "sentence", *credited],
                  [[n, v.get("published") or "undated", _source(v, names), _value(v), _as_written(v), v.get("sentence"),
                    *([credit_text(v)] if credited else [])] for n, g in numbered for v in g["values"]])
    return [*out, ""]


def _recycled(clusters: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    out = [f"## Recycled and amended quotes ({len(clusters)})", ""]
    if not clusters:
        return [*out, "No quote appears in more than one article.", ""]
    numbered = [(f"Q{i}", c) for i, c in enumerate(clusters, start=1)]
    out += _table(["#", "speaker", "quote", "first seen", "appeared in", "relations"],
                  [[n, c.get("speaker") or "unknown", f"“{_preview(str(c['canonical']))}”",
                    f"{_source(c['members'][0], names)} ({c['first_seen'].get('published') or 'undated'})",
                    _spread(c["members"], names),
                    ", ".join(sorted({m["relation"] for m in c["members"]} - {"original"}))]
                   for n, c in numbered])
    out.append("")
    out += _table(["#", "published", "source", "relation to the original", "age", "text"],
                  [[n, m.get("published") or "undated", _source(m, names),
                    relation_text(m["relation"], str(c["members"][0]["text"]), m["text"], m.get("score")), _age(m),
                    m["text"]]
                   for n, c in numbered for m in c["members"]])
    return [*out, ""]


def _age(m: dict[str, Any]) -> str:
    """"recycled_disclosed, 316 days: “said then”" for a member after the first; blank for the first."""
    status = m.get("recycled")
    if not status:
        return ""
    cue = m.get("age_cue") or {}
    quoted = f": “{cue['text']}”" if cue.get("text") and status != "fresh" else ""  # a fresh reuse needs no cue
    return f"{status}, {plural(int(m.get('days_since_first') or 0), 'day')}{quoted}"


def _misattribution(flags: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    out = [f"## Possible misattribution ({len(flags)})", ""]
    if not flags:
        return [*out, "No quote is credited to different people.", ""]
    rows = []
    for f in flags:
        review = f.get("review") or {}
        state = "open" if f.get("open") else f"resolved ({review.get('resolved') or review.get('status')})"
        for e in f["evidence"]:
            rows.append([f["id"], state, f.get("confidence"), _source(e, names), e.get("published") or "undated",
                         e.get("person"), e.get("mention") or e.get("speaker"), e.get("quote_id")])
    out += _table(["flag", "state", "confidence", "source", "published", "credits", "as written", "quote"], rows)
    return [*out, ""]


def _consistent(groups: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    out = [f"## Consistent figures ({len(groups)})", ""]
    if not groups:
        return [*out, "None.", ""]
    credited = _credited(groups)
    out += _table(["figure", "values", "sources", "reason", *credited],
                  [[_figure(g), ", ".join(dict.fromkeys(_value(v) for v in g["values"])),
                    ", ".join(dict.fromkeys(_source(v, names) for v in g["values"])), g.get("reason"),
                    *([sourcing_text(g)] if credited else [])] for g in groups])
    return [*out, ""]


def _resolved(groups: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    """Conflicts a reviewer settled: who, why, and where the decision is written."""
    out = [f"## Resolved ({len(groups)})", ""]
    out += _table(["figure", "values by source", "resolved by", "why", "decision in"],
                  [[_figure(g), "; ".join(f"{_value(v)} {_source(v, names)} ({v.get('published') or 'undated'})"
                                          for v in g["values"]),
                    g["resolution"]["by"] or "unnamed reviewer", g["resolution"]["reason"], g["resolution"]["where"]]
                   for g in groups])
    return [*out, ""]


def render_markdown(report: Report) -> str:
    names = source_names(report)
    s = report["summary"]
    groups = sorted(report["claim_groups"], key=lambda g: _order(g, g["values"][0].get("published")
                                                                 if g["values"] else None))
    clusters = sorted((c for c in report["quote_clusters"] if len({m["article"] for m in c["members"]}) > 1),
                      key=lambda c: _order(c, c["first_seen"].get("published")))
    out = [
        "# Cross-source consistency report",
        "",
        f"{plural(s['articles'], 'article')} from {plural(s['sources'], 'source')} · {plural(s['quotes'], 'quote')} "
        f"in {plural(s['quote_clusters'], 'cluster')} ({s['recycled_quotes']} recycled across articles) · "
        f"{plural(s['claims'], 'numeric claim')}, {plural(s['claim_groups'], 'cross-article group')}, "
        f"**{plural(s['conflicts'], 'conflict')}**",
        "",
    ]
    out += _conflicts([g for g in groups if g["status"] == "conflict"], names)
    to_check = [g for g in groups if g["status"] == "to_check"]
    if to_check:
        out += _conflicts(to_check, names, "To check: figures that may disagree", "K")
    out += _recycled(clusters, names)
    settled = [g for g in groups if g.get("resolution")]
    if settled:
        out += _resolved(settled, names)
    out += corrections_section(report, names, _table)
    out += versions_section(report, _table)
    out += _misattribution(report.get("misattributions", []), names)
    out += _consistent([g for g in groups if g["status"] == "consistent" and not g.get("resolution")], names)
    return "\n".join(out)
