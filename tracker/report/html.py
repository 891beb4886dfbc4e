"""The HTML report: one self-contained page (inline CSS, no script, no network).

The page is rendered by a jinja2 template with autoescaping on and ``StrictUndefined``; this
module only shapes the report model into plain data for it (see ``view``). Article text is
never marked safe, and the only links are ``#article-…``/section anchors with sanitised ids.
A Content-Security-Policy forbids scripts and every fetch, as a second line of defence.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

import jinja2

from .credit import credit_text, sourcing_text
from .display import figure_label, is_range, low_high, number, relation_text, split_fragment
from .model import Report
from .provenance_html import corrections_view, versions_view
from .view import Mark, Row, anchor, segments, source_names, split_on, timeline, word_diff

TITLE = "Cross-source consistency report"
TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _date(value: Any) -> str:
    return str(value) if value else "undated"


class _Context:
    """Lookups shared by the sections: articles by id, claim kinds, conflict membership."""

    def __init__(self, report: Report) -> None:
        self.articles = {str(a.get("id")): a for a in report["articles"]}
        self.names = source_names(report)
        self.claim_kind = {(c["article"], c["claim_id"]): c["kind"] for c in report.get("claims", [])}
        self.in_conflict = {(v["article"], v["claim_id"]) for g in report["claim_groups"]
                            if g["status"] == "conflict" for v in g["values"]}

    def source(self, item: dict[str, Any]) -> str:
        """The item's outlet, else its article's title or file name (never the bare article id)."""
        return str(item.get("outlet") or self.names.get(str(item.get("article"))) or item.get("article"))

    def title(self, article_id: str) -> str:
        article = self.articles.get(article_id, {})
        return str(article.get("title") or article_id)


def _value_card(v: dict[str, Any], ctx: _Context) -> Row:
    before, hedge, hit, after = split_on(str(v.get("sentence") or ""), str(v.get("surface") or ""))
    kind = v.get("kind") or ctx.claim_kind.get((v["article"], v["claim_id"]))
    bound = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "up to"}.get(str(v.get("bound")), "")
    return Row({
        "source": ctx.source(v), "published": _date(v.get("published")), "title": ctx.title(v["article"]),
        "href": "#" + anchor(v["article"], "c", v["claim_id"]), "value": _shown(v, kind),
        "approximate": bool(v.get("approximate")), "bound": bound, "surface": str(v.get("surface") or ""),
        "before": before, "hedge": hedge, "hit": hit, "after": after, "credit": credit_text(v),
    })


def _shown(v: dict[str, Any], kind: Any) -> str:
    """The figure, or a range as its two ends ("100–1,000"), never its low end alone."""
    low, high = low_high(v)
    return f"{number(low, kind)}–{number(high, kind)}" if is_range(v) else number(low, kind)


def _group_view(index: int, g: dict[str, Any], ctx: _Context) -> Row:
    values = [_value_card(v, ctx) for v in g["values"]]
    label = figure_label(g)
    points = [(v.get("published"), ctx.source(v), f"{ctx.source(v)} · {_date(v.get('published'))} · "
               f"{_shown(v, v.get('kind'))}") for v in g["values"]]
    return Row({"id": f"group-{index}", "label": label, "status": g["status"],
                "verdict": g.get("verdict") or g["status"], "reason": str(g.get("reason") or ""), "values": values,
                "timeline": timeline(points), "sources": len({ctx.source(v) for v in g["values"]}),
                "resolution": g.get("resolution"),
                "sourcing": sourcing_text(g), "sourcing_kind": str((g.get("sourcing") or {}).get("kind") or "")})


def _cluster_view(index: int, c: dict[str, Any], ctx: _Context) -> Row:
    members = c["members"]
    base = str(members[0]["text"]) if members else ""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for position, m in enumerate(members):
        by_source[ctx.source(m)].append(Row({
            "published": _date(m.get("published")), "title": ctx.title(m["article"]),
            "href": "#" + anchor(m["article"], "q", m["quote_id"]), "relation": m["relation"],
            "score": m.get("score"), "speaker": m.get("speaker"), "original": position == 0,
            "explained": relation_text(m["relation"], base, str(m["text"]), m.get("score")),
            "recycled": m.get("recycled"), "recycled_reason": m.get("recycled_reason"),
            "text": str(m["text"]), "diff": [] if position == 0 else word_diff(base, str(m["text"])),
            # a fragment is shown as the original with the fragment highlighted, not as deletions
            "within": split_fragment(base, str(m["text"])) if m["relation"] == "fragment" else None,
            "order": (m.get("published") is None, str(m.get("published") or ""), position),
        }))
    sources = []
    for source, variants in by_source.items():
        variants.sort(key=lambda v: v["order"])
        sources.append(Row({"source": source, "first": variants[0]["published"], "variants": variants,
                            "order": variants[0]["order"]}))
    sources.sort(key=lambda s: s["order"])
    first = c["first_seen"]
    relations = sorted({m["relation"] for m in members if m["relation"] != "original"})
    points = [(m.get("published"), ctx.source(m), f"{ctx.source(m)} · {_date(m.get('published'))} · {m['relation']}")
              for m in members]
    first_source = ctx.source({"article": first.get("article"),
                               "outlet": ctx.articles.get(str(first.get("article")), {}).get("outlet")})
    return Row({"id": f"cluster-{index}", "speaker": c.get("speaker"), "canonical": str(c["canonical"]),
                "first_source": first_source, "first_published": _date(first.get("published")),
                "first_href": "#" + anchor(str(first.get("article"))), "relations": relations,
                "sources": sources, "timeline": timeline(points)})


def _article_views(report: Report, bodies: dict[str, str], ctx: _Context) -> list[Row]:
    marks: dict[str, list[Mark]] = defaultdict(list)
    items: dict[str, dict[str, Row]] = defaultdict(dict)
    for q in report.get("quotes", []):
        a = anchor(q["article"], "q", q["quote_id"])
        marks[q["article"]].append(Mark(a, "q", tuple((s, e) for s, e in q["spans"])))
        items[q["article"]][a] = Row({"anchor": a, "kind": "quote", "text": q["text"], "speaker": q.get("speaker"),
                                      "speaker_reason": q.get("speaker_reason"), "sentence": ""})
    for c in report.get("claims", []):
        a = anchor(c["article"], "c", c["claim_id"])
        flag = "conflict" if (c["article"], c["claim_id"]) in ctx.in_conflict else ""
        spans = (tuple(c["span"]),) if c.get("span") else ()
        marks[c["article"]].append(Mark(a, "c", spans, flag))
        items[c["article"]][a] = Row({"anchor": a, "kind": "claim", "text": c["surface"], "speaker": None,
                                      "sentence": c["sentence"]})
    out: list[Row] = []
    for article in report["articles"]:
        aid = str(article.get("id"))
        body = bodies.get(aid)
        if body is not None:
            segs, lost = segments(body, marks[aid])
            unplaced = [items[aid][m.anchor] for m in lost if m.anchor in items[aid]]
        else:
            segs, unplaced = [], list(items[aid].values())
        authors = article.get("authors")
        out.append(Row({"anchor": anchor(aid), "id": aid, "title": str(article.get("title") or aid),
                        "outlet": article.get("outlet"), "published": _date(article.get("published")),
                        "authors": ", ".join(str(x) for x in authors) if isinstance(authors, list) else "",
                        "path": str(article.get("path") or ""), "has_body": body is not None,
                        "segments": segs, "unplaced": unplaced}))
    return out


def _flag_view(flag: dict[str, Any], ctx: _Context) -> Row:
    """A misattribution flag: who each article credits, in its words, linked to the place."""
    evidence = [Row({**e, "source": ctx.source(e), "title": ctx.title(e["article"]),
                     "href": "#" + anchor(e["article"], "q", e["quote_id"])}) for e in flag["evidence"]]
    review = flag.get("review") or {}
    return Row({**flag, "evidence": evidence, "resolved": review.get("resolved"), "status": review.get("status")})


def build_view(report: Report, bodies: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything the template shows, as plain data."""
    ctx = _Context(report)
    groups = [_group_view(i, g, ctx) for i, g in enumerate(report["claim_groups"], start=1)]
    recycled = [c for c in report["quote_clusters"] if len({m["article"] for m in c["members"]}) > 1]
    return {
        "title": TITLE,
        "summary": Row(report["summary"]),
        "conflicts": [g for g in groups if g["status"] == "conflict"],
        "to_check": [g for g in groups if g["status"] == "to_check"],
        "resolved": [g for g in groups if g["resolution"]],
        "consistent": [g for g in groups if g["status"] == "consistent" and not g["resolution"]],
        "clusters": [_cluster_view(i, c, ctx) for i, c in enumerate(recycled, start=1)],
        "corrections": corrections_view(report, ctx.names),
        "versions": versions_view(report, ctx.names),
        "misattributions": [_flag_view(f, ctx) for f in report.get("misattributions", [])],
        "speakers": [Row({"reasons": [], **s,  # "reasons": reports before speaker_reason had none
                          "outlets": [ctx.names.get(str(o), o) for o in s.get("outlets", [])]})
                     for s in report.get("speakers", [])],
        "articles": _article_views(report, bodies or {}, ctx),
    }


def render_html(report: Report, bodies: dict[str, str] | None = None) -> str:
    """The report as one HTML page; ``bodies`` maps article ids to their text (see ``bodies``)."""
    return environment().get_template("report.html.j2").render(**build_view(report, bodies))
