"""The report as pandas DataFrames: ``tracker.load("claims")``.

The same model as every report format (``tracker.report.model.build_report``), in eight tables
(``misattributions`` is one row per piece of evidence of a possible misattribution; cluster rows
carry each member's age and recycled status) with stable columns and nullable dtypes, so
missing values stay ``<NA>``/``NaT`` instead of turning integers into floats or flags into objects::

    >>> import tracker
    >>> t = tracker.load("claims")
    >>> t.groups[t.groups.status == "conflict"][["group", "outlet", "published", "value"]]

Dtypes: text columns are ``string``, counts and offsets ``Int64``, figures and scores
``Float64``, flags ``boolean``, dates ``datetime64[ns]`` (``NaT`` when undated).

``articles`` — one row per article:
    id, path, sha256, title, outlet, authors ("; "-joined), url: string; published: datetime64.
``quotes`` — one row per quote in the claim files (rejected and orphaned ones included):
    article, quote_id, cluster (None if not clustered), speaker, kind, text, status: string;
    start, end (first span start, last span end), spans (number of spans): Int64;
    orphaned: boolean; outlet: string; published: datetime64.
``claims`` — one row per numeric claim (a value that is not a number is ``<NA>``):
    article, claim_id, group, unit, measure, kind, bound, surface, sentence, status: string;
    value, high: Float64; approximate, orphaned: boolean; start, end: Int64; outlet: string;
    published: datetime64; who the figure is credited to: source, attribution (quoted|reported|
    according_to|document|anonymous|unattributed), cue, source_mention, quote, source_reason: string.
``clusters`` — one row per member of each quote cluster:
    cluster, cluster_speaker, canonical, first_article, quote_id, article, outlet, speaker,
    relation (original|verbatim|fragment|amended), text: string; score: Float64;
    members, articles (of the cluster): Int64; first_published, published: datetime64.
``groups`` — one row per reported value of each claim group:
    group, status (conflict|to_check|consistent), verdict, reason, measure, unit, claim_id, article,
    outlet, bound, surface, sentence, figure (what is counted, in words): string; value (a range's
    low end), low, high (a range's ends; both the value otherwise): Float64; approximate: boolean;
    published: datetime64; review, review_by, resolved, resolved_by, reopened: string (the
    ``_reviews.yaml`` decision, who settled a conflict and why, why a resolution was reopened);
    source, attribution, source_mention, quote: string (who the value is credited to); sourcing
    (between_sources|in_reporting|partly_sourced|unsourced|agreed): string.

Every table's ``review`` column holds one vocabulary (unreviewed|confirmed|rejected|disputed):
a record's own review in ``quotes`` and ``claims`` (their ``status`` is the same, kept for older
notebooks), the ``_reviews.yaml`` decision in ``clusters`` (with ``review_by``) and ``groups``.
``corrections`` — one row per correction, clarification, update or amendment notice:
    article, correction_id, kind, text, target, target_kind, was, now, reason, links ("; "-joined
    record ids), link_reason, status: string; start, end, paragraph: Int64; orphaned: boolean.
``versions`` — one row per change between consecutive versions of a story (quotes amended,
    added or removed; figures updated, added or removed; sentences removed): story, from, to,
    section, change, old_id, new_id, old, new, diff: string.
``quotes`` and ``claims`` also carry ``versions``: the story versions ("; "-joined article ids)
holding the record; ``articles`` carries ``version`` and ``version_of``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .csv import joined, misattribution_rows, provenance_rows
from .display import group_columns
from .model import Report, build_report

STRING, INT, FLOAT, BOOL, DATE = "string", "Int64", "Float64", "boolean", "datetime64[ns]"

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"id": STRING, "path": STRING, "sha256": STRING, "title": STRING, "outlet": STRING,
                 "authors": STRING, "published": DATE, "url": STRING, "version": STRING, "version_of": STRING},
    "quotes": {"article": STRING, "quote_id": STRING, "cluster": STRING, "speaker": STRING, "kind": STRING,
               "text": STRING, "start": INT, "end": INT, "spans": INT, "status": STRING, "orphaned": BOOL,
               "outlet": STRING, "published": DATE, "versions": STRING},
    "claims": {"article": STRING, "claim_id": STRING, "group": STRING, "value": FLOAT, "unit": STRING,
               "measure": STRING, "kind": STRING, "approximate": BOOL, "bound": STRING, "low": FLOAT, "high": FLOAT,
               "surface": STRING, "start": INT, "end": INT, "sentence": STRING, "status": STRING,
               "orphaned": BOOL, "outlet": STRING, "published": DATE, "source": STRING, "attribution": STRING,
               "cue": STRING, "source_mention": STRING, "quote": STRING, "source_reason": STRING,
               "versions": STRING},
    "clusters": {"cluster": STRING, "cluster_speaker": STRING, "canonical": STRING, "first_article": STRING,
                 "first_published": DATE, "members": INT, "articles": INT, "quote_id": STRING, "article": STRING,
                 "outlet": STRING, "published": DATE, "speaker": STRING, "relation": STRING, "score": FLOAT,
                 "text": STRING, "days_since_first": INT, "recycled": STRING, "age_cue": STRING,
                 "age_says": STRING, "recycled_reason": STRING},
    "misattributions": {"flag": STRING, "cluster": STRING, "first": STRING, "other": STRING,
                        "confidence": STRING, "open": BOOL,
                        "review_status": STRING, "resolved": STRING, "article": STRING, "outlet": STRING,
                        "published": DATE, "quote_id": STRING, "speaker": STRING, "person": STRING,
                        "mention": STRING, "mention_start": INT, "mention_end": INT},
    "groups": {"group": STRING, "status": STRING, "verdict": STRING, "reason": STRING, "measure": STRING,
               "unit": STRING, "claim_id": STRING, "article": STRING, "outlet": STRING, "published": DATE,
               "value": FLOAT, "approximate": BOOL, "bound": STRING, "surface": STRING, "sentence": STRING,
               "figure": STRING, "low": FLOAT, "high": FLOAT, "review": STRING, "review_by": STRING,
               "resolved": STRING, "resolved_by": STRING, "reopened": STRING,
               "source": STRING, "attribution": STRING, "source_mention": STRING, "quote": STRING,
               "sourcing": STRING},
    "corrections": {"article": STRING, "correction_id": STRING, "kind": STRING, "text": STRING, "start": INT,
                    "end": INT, "target": STRING, "target_kind": STRING, "paragraph": INT, "was": STRING,
                    "now": STRING, "reason": STRING, "links": STRING, "link_reason": STRING, "status": STRING,
                    "orphaned": BOOL},
    "versions": {"story": STRING, "from": STRING, "to": STRING, "section": STRING, "change": STRING,
                 "old_id": STRING, "new_id": STRING, "old": STRING, "new": STRING, "diff": STRING},
}
# One vocabulary for review decisions in every table: ``review`` is unreviewed, confirmed,
# rejected or disputed (a record's own review in quotes and claims, the ``_reviews.yaml`` decision
# in clusters and groups); ``status`` stays what it was in each table, for older notebooks.
for _name in ("quotes", "claims", "clusters"):
    COLUMNS[_name]["review"] = STRING
COLUMNS["clusters"]["review_by"] = STRING


@dataclass(frozen=True)
class Tables:
    """The five tables of a report, plus its ``summary`` counts."""

    articles: pd.DataFrame
    quotes: pd.DataFrame
    claims: pd.DataFrame
    clusters: pd.DataFrame
    groups: pd.DataFrame
    summary: dict[str, int]
    corrections: pd.DataFrame | None = None  # notices, links joined by "; "
    versions: pd.DataFrame | None = None  # one row per change between versions of a story
    #: One row per piece of evidence of each possible misattribution (who an article credits).
    misattributions: pd.DataFrame = field(default_factory=lambda: _frame("misattributions", []))


def _column(values: list[Any], dtype: str) -> pd.Series[Any]:
    if dtype == DATE:
        text = pd.Series([v if isinstance(v, str) else None for v in values], dtype="string")
        return pd.to_datetime(text, format="ISO8601", errors="coerce").astype("datetime64[ns]")
    if dtype == STRING:
        values = [None if v is None else str(v) for v in values]
    elif dtype in (INT, FLOAT):
        values = [v if isinstance(v, int | float) and not isinstance(v, bool) else None for v in values]
    elif dtype == BOOL:
        values = [None if v is None else bool(v) for v in values]
    return pd.Series(values, dtype=pd.api.types.pandas_dtype(dtype))


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame({col: _column([r.get(col) for r in rows], dtype) for col, dtype in COLUMNS[name].items()})


def frames(report: Report) -> Tables:
    """The tables of an already built report model."""
    meta = {str(a.get("id")): a for a in report["articles"]}

    def where(article: str) -> dict[str, Any]:
        a = meta.get(article, {})
        return {"outlet": a.get("outlet"), "published": a.get("published")}

    articles = [{**a, "authors": "; ".join(str(x) for x in a["authors"]) if isinstance(a.get("authors"), list)
                 else a.get("authors")} for a in report["articles"]]
    quotes = [{**q, **where(q["article"]), "start": q["spans"][0][0] if q["spans"] else None,
               "end": q["spans"][-1][1] if q["spans"] else None, "spans": len(q["spans"]),
               "versions": joined(q.get("versions"))} for q in report["quotes"]]
    claims = [{**c, **where(c["article"]), "start": c["span"][0] if c["span"] else None,
               "end": c["span"][1] if c["span"] else None, "versions": joined(c.get("versions"))}
              for c in report["claims"]]
    clusters = [{**m, "cluster": c["id"], "cluster_speaker": c["speaker"], "canonical": c["canonical"],
                 "first_article": c["first_seen"]["article"], "first_published": c["first_seen"]["published"],
                 "members": len(c["members"]), "articles": len({x["article"] for x in c["members"]}),
                 "age_cue": (m.get("age_cue") or {}).get("text"), "age_says": (m.get("age_cue") or {}).get("says")}
                for c in report["quote_clusters"] for m in c["members"]]
    groups = [{**v, **group_columns(g, v)} for g in report["claim_groups"] for v in g["values"]]
    for q in quotes:
        q["review"] = q["status"]
    for c in claims:
        c["review"] = c["status"]
    reviews = {c["id"]: c.get("review") or {} for c in report["quote_clusters"]}
    for m in clusters:
        m.update({"review": reviews[m["cluster"]].get("status"), "review_by": reviews[m["cluster"]].get("by")})
    return Tables(articles=_frame("articles", articles), quotes=_frame("quotes", quotes),
                  claims=_frame("claims", claims), clusters=_frame("clusters", clusters),
                  groups=_frame("groups", groups), summary=dict(report["summary"]),
                  corrections=_frame("corrections", list(provenance_rows(report, "corrections"))),
                  versions=_frame("versions", list(provenance_rows(report, "version_changes"))),
                  misattributions=_frame("misattributions", list(misattribution_rows(report))))


def load(claims_dir: str | os.PathLike[str]) -> Tables:
    """Read a folder of claim files and return its report as DataFrames (see the module doc)."""
    return frames(build_report(Path(claims_dir)))
