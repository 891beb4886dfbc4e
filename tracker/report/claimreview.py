"""``--format claimreview``: schema.org ``Claim`` and ``ClaimReview`` as JSON-LD, for fact-checkers.

One ``Claim`` per quote cluster (``author`` = the speaker) and per claim group (``author`` = the
source the first figure is credited to, else the outlet that printed it first), with
``firstAppearance``, every ``appearance`` and ``datePublished``. Where a reviewer settled a
claim group in ``_reviews.yaml``, a ``ClaimReview`` carries the decision in ``reviewRating``
with the properties Google's fact-check markup requires (``claimReviewed``, ``reviewRating``
with ``alternateName``, ``url``). The review ``url`` is a fragment (``#cg-…``): it resolves to
that anchor on whatever page publishes the markup.
"""

from __future__ import annotations

import json
from typing import Any

from ..ingest.metadata import is_organisation
from .model import Report

CONTEXT = "https://schema.org"
ARTICLE_URN = "urn:tracker:article:"
CLAIM_URN = "urn:tracker:"
UNREVIEWED = "unreviewed"


def _work(article: dict[str, Any]) -> dict[str, Any]:
    """The article as a schema.org NewsArticle (an ``appearance``)."""
    work: dict[str, Any] = {"@type": "NewsArticle", "@id": article.get("url") or f"{ARTICLE_URN}{article['id']}",
                            "identifier": str(article["id"])}
    for key, prop in (("title", "headline"), ("published", "datePublished"), ("url", "url")):
        if article.get(key):
            work[prop] = str(article[key])
    if article.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": str(article["outlet"])}
    authors = article.get("authors")
    if isinstance(authors, list) and authors:
        work["author"] = [{"@type": "Person", "name": str(name)} for name in authors]
    return work


def _dated(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest first; an article without a date after every dated one (its order kept)."""
    return sorted(articles, key=lambda a: (a.get("published") is None, str(a.get("published") or "")))


def _claim(claim_id: str, text: str, author: dict[str, Any] | None, articles: list[dict[str, Any]],
           first: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim", "@id": f"{CLAIM_URN}{claim_id}", "identifier": claim_id,
                             "text": text}
    if author:
        claim["author"] = author
    if first.get("published"):
        claim["datePublished"] = str(first["published"])
    claim["firstAppearance"] = _work(first)
    claim["appearance"] = [_work(a) for a in articles]
    return claim


def _articles_of(ids: list[str], meta: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [meta[i] for i in dict.fromkeys(ids) if i in meta]


def quote_claims(report: Report, meta: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """A Claim per quote cluster, its first appearance the cluster's first article."""
    out = []
    for cluster in report["quote_clusters"]:
        articles = _articles_of([m["article"] for m in cluster["members"]], meta)
        first = meta.get(cluster["first_seen"]["article"]) or articles[0]
        author = {"@type": "Person", "name": cluster["speaker"]} if cluster["speaker"] else None
        out.append(_claim(cluster["id"], cluster["canonical"], author, articles, first))
    return out


def group_claims(report: Report, meta: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """A Claim per claim group: the first figure's sentence, attributed to the outlet printing it."""
    out = []
    for group in report["claim_groups"]:
        articles = _dated(_articles_of([v["article"] for v in group["values"]], meta))
        first = articles[0]
        value = next(v for v in group["values"] if v["article"] == first["id"])
        author = _figure_author(value) or (
            {"@type": "Organization", "name": str(first["outlet"])} if first.get("outlet") else None)
        claim = _claim(group["id"], value["sentence"] or value["surface"], author, articles, first)
        claim["name"] = f"{group['measure'] or group['unit'] or 'figure'}: " + ", ".join(
            dict.fromkeys(str(v["surface"]) for v in group["values"]))
        out.append(claim)
    return out


def _figure_author(value: dict[str, Any]) -> dict[str, Any] | None:
    """Who the first figure is credited to (a person, or an organisation or its document), if anyone."""
    source = value.get("source")
    if not source:
        return None
    kind = "Organization" if value.get("attribution") == "document" or is_organisation(str(source)) else "Person"
    return {"@type": kind, "name": str(source)}


def _resolved(review: dict[str, Any]) -> bool:
    return bool(review.get("resolved")) or review.get("status", UNREVIEWED) != UNREVIEWED


def claim_reviews(report: Report, claims: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """A ClaimReview for every claim group a reviewer settled."""
    out = []
    for group in report["claim_groups"]:
        review = group.get("review") or {}
        if not _resolved(review):
            continue
        claim = claims[group["id"]]
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": str(review.get("resolved") or review["status"])}
        if review.get("note"):
            rating["ratingExplanation"] = str(review["note"])
        item: dict[str, Any] = {"@type": "ClaimReview", "url": f"#{group['id']}", "claimReviewed": claim["text"],
                                "itemReviewed": claim, "reviewRating": rating}
        if review.get("by"):
            item["author"] = {"@type": "Person", "name": str(review["by"])}
        out.append(item)
    return out


def render_claimreview(report: Report) -> str:
    """The JSON-LD document: Claims first, then ClaimReviews, in one ``@graph``."""
    meta = {str(a.get("id")): a for a in report["articles"]}
    groups = group_claims(report, meta)
    graph = quote_claims(report, meta) + groups + claim_reviews(report, {c["identifier"]: c for c in groups})
    return json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, indent=2) + "\n"
