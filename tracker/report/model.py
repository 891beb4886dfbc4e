"""The report model: computed once from a folder of claim files, rendered by every writer.

The JSON form of this model is the contract other tools read: ``articles``, ``quote_clusters``
(every quote in exactly one cluster) and ``claim_groups`` (every group spanning two or more
articles), plus a ``summary``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..analyze import judge
from ..match.claims import ClaimItem, group_claims
from ..match.quotes import QuoteItem, cluster_quotes
from ..reviews import load_reviews, review_of
from ..store import ClaimFile, iter_claim_files

Report = dict[str, Any]
Reviews = dict[str, dict[str, dict[str, Any]]]


def _review(record: dict[str, Any]) -> dict[str, Any]:
    review = record.get("review")
    return review if isinstance(review, dict) else {}


def _pairs(files: list[ClaimFile], section: str, key: str) -> list[tuple[str, str]]:
    """Reviewer decisions (``same_as`` / ``different_from``) as pairs of "article/id" refs."""
    out = []
    for cf in files:
        aid = str(cf.article.get("id"))
        for record in getattr(cf, section):
            targets = _review(record).get(key) or []
            if isinstance(targets, str):
                targets = [targets]
            for target in targets:
                out.append((f"{aid}/{record.get('id')}", str(target)))
    return out


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def build_report(folder: Path) -> Report:
    """Read every claim file in ``folder`` and compute clusters, groups and verdicts."""
    files = list(iter_claim_files(folder))
    return build_report_from(files, load_reviews(folder))


def build_report_from(files: Iterable[ClaimFile], reviews: Reviews | None = None) -> Report:
    """The report; ``reviews`` are the cluster and group reviews of ``_reviews.yaml``."""
    files = list(files)
    reviews = reviews or {}
    articles = [dict(cf.article) for cf in files]
    meta = {str(a.get("id")): a for a in articles}
    quote_items: list[QuoteItem] = []
    claim_items: list[ClaimItem] = []
    for cf in files:
        art = cf.article
        aid = str(art.get("id"))
        for q in cf.quotes:
            if _review(q).get("status") == "rejected" or q.get("orphaned"):
                continue
            spans = q.get("spans") or [[0, 0]]
            first = spans[0][0] if spans and isinstance(spans[0], list) and spans[0] else 0
            quote_items.append(QuoteItem(aid, str(q.get("id")), str(q.get("text") or ""), str(q.get("kind")),
                                         q.get("speaker"), art.get("published"), art.get("outlet"),
                                         int(first) if isinstance(first, int) else 0))
        for c in cf.claims:
            value = _number(c.get("value"))
            if value is None or _review(c).get("status") == "rejected" or c.get("orphaned"):
                continue
            claim_items.append(ClaimItem(
                aid, str(c.get("id")), value, c.get("unit"), c.get("measure"), str(c.get("kind") or "count"),
                bool(c.get("approximate")), c.get("bound"), _number(c.get("high")), str(c.get("surface") or ""),
                str(c.get("sentence") or ""), art.get("published"), art.get("outlet")))
    clusters = cluster_quotes(quote_items, _pairs(files, "quotes", "same_as"),
                              _pairs(files, "quotes", "different_from"))
    resolved = {f"{cf.article.get('id')}/{c.get('id')}": _review(c).get("resolved")
                for cf in files for c in cf.claims if _review(c).get("resolved")}
    groups = group_claims(claim_items, _pairs(files, "claims", "same_as"), _pairs(files, "claims", "different_from"))

    quote_clusters: list[dict[str, Any]] = []
    for cl in clusters:
        quote_clusters.append({
            "id": cl.id,
            "speaker": cl.speaker,
            "canonical": cl.canonical,
            "first_seen": {"article": cl.first.article, "published": cl.first.published},
            "articles": len({m.item.article for m in cl.members}),
            "review": review_of(reviews, "quote_clusters", cl.id),
            "members": [{
                "quote_id": m.item.quote_id, "article": m.item.article, "outlet": m.item.outlet,
                "published": m.item.published, "text": m.item.text, "speaker": m.item.speaker,
                "kind": m.item.kind, "relation": m.relation, "score": m.score,
            } for m in cl.members],
        })
    claim_groups: list[dict[str, Any]] = []
    for g in groups:
        group_review = review_of(reviews, "claim_groups", g.id)
        reason = group_review.get("resolved") or next((resolved[f"{it.article}/{it.claim_id}"] for it in g.items
                                                      if f"{it.article}/{it.claim_id}" in resolved), None)
        verdict = judge(g.items, str(reason) if reason else None)
        claim_groups.append({
            "id": g.id, "status": verdict.status, "verdict": verdict.verdict, "reason": verdict.reason,
            "review": group_review,
            "measure": g.measure, "unit": g.unit,
            "values": [{
                "claim_id": it.claim_id, "article": it.article, "outlet": it.outlet, "published": it.published,
                "value": int(it.value) if it.value.is_integer() else it.value, "approximate": it.approximate,
                "bound": it.bound, "surface": it.surface, "sentence": it.sentence,
            } for it in g.items],
        })
    recycled = [c for c in quote_clusters if len({m["article"] for m in c["members"]}) > 1]
    summary = {
        "articles": len(articles),
        "sources": len({a.get("outlet") or a.get("id") for a in articles}),
        "quotes": len(quote_items),
        "claims": len(claim_items),
        "quote_clusters": len(quote_clusters),
        "recycled_quotes": len(recycled),
        "claim_groups": len(claim_groups),
        "conflicts": sum(1 for g in claim_groups if g["status"] == "conflict"),
    }
    del meta
    return {"summary": summary, "articles": articles, "quote_clusters": quote_clusters, "claim_groups": claim_groups}
