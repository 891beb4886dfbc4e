"""The report model: computed once from a folder of claim files, rendered by every writer.

The JSON form of this model is the contract other tools read: ``articles``, ``quote_clusters``
(every quote in exactly one cluster) and ``claim_groups`` (every group spanning two or more
articles), plus a ``summary``.

Extensions (added, never renamed): cluster members carry ``spans`` and group values ``span``
(character offsets into the article body); ``quotes`` and ``claims`` list every record of every
claim file (rejected and orphaned ones included, with ``status``/``orphaned``) with the id of
its ``cluster`` or ``group``; ``speakers`` counts who is quoted how often and where. A group
whose ``_reviews.yaml`` resolution no longer covers its values says why in ``reopened``; a
settled one says who settled it, why and where in ``resolution`` (None otherwise). Claims and
group values carry who the figure is credited to (``source``, ``source_reason``, ``attribution``,
``cue``, ``source_mention`` as written, ``quote``), and each group its ``sourcing``: ``kind``
(between_sources, in_reporting, partly_sourced, unsourced, agreed), ``label`` and ``sources``.
``corrections`` lists every notice with the records it links; ``versions`` gives each story
published in several versions as a timeline of what changed, and ``quotes``/``claims`` rows
carry the ``versions`` (article ids) they appear in. Only a story's latest version is clustered
for quotes; its versions' figures are successive states (an update, never a conflict).
Clusters
carry their ``speakers`` (person, aliases) and ``misattributions`` (flag ids), members their
``days_since_first``, ``recycled`` status, ``recycled_reason`` and ``age_cue``; ``misattributions``
lists each flag with its evidence and review, ``people`` every person with the spellings seen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..claimfile.read import ClaimRead, ClaimRecords, QuoteRead, read_folder, text, typed
from ..claimfile.reviews import REVIEWS_FILE, load_reviews, review_of
from ..claimfile.store import ClaimFile
from ..match.claim_groups import ClaimItem, group_claims, scope_of
from ..match.figure_sources import sourcing
from ..match.misattribution import Credit, cluster_speakers
from ..match.misattribution import flags as misattribution_flags
from ..match.normalize import entities
from ..match.quote_clusters import QuoteItem, cluster_quotes
from ..match.recycled import recycled
from ..match.speakers import canonical_names, surname_aliases
from ..match.verdicts import judge
from .bodies import Archives, article_body
from .review_ids import reopened_by, stable_id
from .versions import earlier_versions, record_versions, stories, timeline

Report = dict[str, Any]
#: How ``judge`` words a verdict that a reviewer's resolution settled.
RESOLVED_PREFIX = "resolved by review: "
Reviews = dict[str, dict[str, dict[str, Any]]]


def _pairs(files: list[ClaimRecords], section: str, key: str) -> list[tuple[str, str]]:
    """Reviewer decisions (``same_as`` / ``different_from``) as pairs of "article/id" refs."""
    return [(f"{cf.article.id}/{record.id}", target)
            for cf in files for record in getattr(cf, section) for target in getattr(record.review, key)]


def _credit(claim: ClaimRead) -> dict[str, Any]:
    """Who a claim's figure is credited to, as the claim file says (keys absent in older files: null)."""
    return {"source": claim.source, "source_reason": claim.source_reason, "attribution": claim.attribution,
            "cue": claim.cue, "source_mention": claim.source_mention, "quote": claim.quote}


def _number(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def article_names(files: Iterable[ClaimFile | ClaimRecords]) -> dict[str, frozenset[str]]:
    """The names each article mentions, as far as its claim file shows them (title, claim
    sentences, quotes and speakers): what tells one event's coverage from another's."""
    records = typed(files)
    out: dict[str, frozenset[str]] = {}
    for cf in records:
        names: set[str] = set(entities(cf.article.title or ""))
        for claim in cf.claims:
            names |= entities(claim.sentence)
        for quote in cf.quotes:
            names |= entities(quote.speaker or "")
        out[cf.article.id] = frozenset(names)
    return _without_outlet_template(out, {cf.article.id: cf.article.outlet for cf in records})


def _without_outlet_template(names: dict[str, frozenset[str]], outlets: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Drop names an outlet prints in most of its articles (its own name, its tip line, its
    station blurb): they say which site published a story, not which event it is about."""
    by_outlet: dict[Any, list[str]] = {}
    for article, outlet in outlets.items():
        if outlet:
            by_outlet.setdefault(outlet, []).append(article)
    for articles in by_outlet.values():
        if len(articles) < 3:
            continue
        counts: dict[str, int] = {}
        for article in articles:
            for name in names.get(article, frozenset()):
                counts[name] = counts.get(name, 0) + 1
        common = {n for n, c in counts.items() if c > len(articles) / 2}
        for article in articles:
            names[article] = names.get(article, frozenset()) - common
    return names


def _listed(span: tuple[int, int] | None) -> list[int] | None:
    """A span as the report writes it (a JSON array)."""
    return None if span is None else [span[0], span[1]]


def speaker_names(names: Iterable[str]) -> dict[str, str]:
    """Each spelling of a speaker mapped to the fullest spelling of the same person
    (``tracker.match.speakers.canonical_names``)."""
    return canonical_names(names)


def _speakers(quotes: list[dict[str, Any]], outlets: dict[str, Any]) -> list[dict[str, Any]]:
    """Who is quoted how often, in how many articles and sources (clustered quotes only).

    Spelling variants of one person count together (``speaker_names``); ``names`` lists them.
    """
    canonical = speaker_names(q["speaker"] for q in quotes if q["cluster"] is not None and q["speaker"])
    seen: dict[str | None, dict[str, Any]] = {}
    for q in quotes:
        if q["cluster"] is None:
            continue
        name = canonical.get(q["speaker"]) if q["speaker"] else None
        row = seen.setdefault(name, {"speaker": name, "quotes": 0, "articles": set(), "sources": set(),
                                     "names": set(), "reasons": Counter()})
        row["quotes"] += 1
        if name is None and q.get("speaker_reason"):
            row["reasons"][q["speaker_reason"]] += 1
        row["articles"].add(q["article"])
        row["sources"].add(outlets.get(q["article"]) or q["article"])
        if q["speaker"]:
            row["names"].add(q["speaker"])
    rows = [{"speaker": r["speaker"], "quotes": r["quotes"], "articles": len(r["articles"]),
             "sources": len(r["sources"]), "outlets": sorted(str(o) for o in r["sources"]),
             "names": sorted(r["names"]),
             # why the unknown row has no speaker: each reason with its count, most frequent first
             "reasons": [{"reason": k, "quotes": n}
                         for k, n in sorted(r["reasons"].items(), key=lambda kv: (-kv[1], kv[0]))]}
            for r in seen.values()]
    rows.sort(key=lambda r: (r["speaker"] is None, -r["quotes"], -r["sources"], r["speaker"] or ""))
    return rows


def _resolution(review: dict[str, Any], reopened: str | None, refs: list[str], resolved: Mapping[str, str | None],
                resolved_by: dict[str, Any]) -> dict[str, Any]:
    """Who settled a group's conflict, why, and where the decision is written."""
    if review.get("resolved") and not reopened:
        return {"by": text(review.get("by")), "reason": str(review["resolved"]), "where": REVIEWS_FILE}
    ref = next(r for r in refs if r in resolved)
    return {"by": resolved_by.get(ref), "reason": str(resolved[ref]), "where": ref}


def _where(outlet: str | None, article: str, published: str | None) -> str:
    """An article as a sentence names it: its outlet (else its id) and its date."""
    return f"{outlet or article}" + (f" ({published})" if published else "")


def _value_credit(credit: dict[str, Any] | None, names: dict[str, str]) -> dict[str, Any]:
    """A group value's credit: its source under the fullest spelling used in the report."""
    credit = credit or {}
    source = credit.get("source")
    return {"source": names.get(source, source) if source else None, "attribution": credit.get("attribution"),
            "source_mention": credit.get("source_mention"), "cue": credit.get("cue"), "quote": credit.get("quote"),
            "source_reason": credit.get("source_reason")}


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b")


def _words_in_text(files: list[ClaimRecords]) -> set[str]:
    """Capitalised words of titles and claim sentences: where a misspelt surname shows up unquoted."""
    out: set[str] = set()
    for cf in files:
        out.update(_NAME_WORD.findall(cf.article.title or ""))
        for claim in cf.claims:
            out.update(_NAME_WORD.findall(claim.sentence))
    return out


def _people(canonical: dict[str, str], extra: dict[str, str]) -> list[dict[str, Any]]:
    """Every person quoted, with every spelling seen: quoted ones and misspelt ones in the text."""
    rows: dict[str, set[str]] = {}
    for spelling, person in (*canonical.items(), *extra.items()):
        rows.setdefault(person, set()).add(spelling)
    return [{"name": p, "aliases": sorted(a - {p})} for p, a in sorted(rows.items())]


def _roles(files: list[ClaimRecords], canonical: dict[str, str]) -> dict[str, set[str]]:
    """Organisations each person leads, by the appositives extraction recorded with their quotes."""
    out: dict[str, set[str]] = {}
    for cf in files:
        for q in cf.quotes:
            role, speaker = q.speaker_role, q.speaker
            if role is not None and isinstance(role.get("organisation"), str) and speaker is not None:
                out.setdefault(canonical.get(speaker, speaker), set()).add(role["organisation"])
    return out


def _mention(q: QuoteRead | None) -> tuple[str | None, list[int] | None]:
    mention = q.speaker_mention if q is not None else None
    return (None, None) if mention is None else (mention.text, _listed(mention.span))


def add_provenance(report: Report, files: list[ClaimRecords], reviews: Reviews) -> None:
    """Speakers per cluster, misattribution flags and the age of recycled members (issue 16)."""
    by_key = {(cf.article.id, q.id): q for cf in files for q in cf.quotes}
    canonical = canonical_names(q.speaker for q in by_key.values() if q.speaker)
    roles = _roles(files, canonical)
    flagged: list[dict[str, Any]] = []
    for cluster in report["quote_clusters"]:
        credits = []
        first_published = cluster["members"][0]["published"]
        for i, m in enumerate(cluster["members"]):
            q = by_key.get((m["article"], m["quote_id"]))
            words, span = _mention(q)
            cue = q.age_cue if q is not None else None
            m["age_cue"] = cue
            age = recycled(first_published, m["published"], cue) if i else None
            m["days_since_first"] = age["days"] if age else 0
            m["recycled"] = age["status"] if age else None
            m["recycled_reason"] = age["reason"] if age else "first seen"
            if m["speaker"]:
                credits.append(Credit(m["article"], m["outlet"], m["published"], m["quote_id"], str(m["speaker"]),
                                      words, span, len(str(m["text"]).split())))
        cluster["speakers"] = cluster_speakers(credits, canonical, roles)
        found = misattribution_flags(cluster["id"], credits, canonical, roles)
        cluster["misattributions"] = [f["id"] for f in found]
        flagged += found
    for flag in flagged:
        review = review_of(reviews, "misattributions", flag["id"])
        flag["review"] = review
        flag["open"] = not review.get("resolved") and review.get("status") != "rejected"
    report["misattributions"] = flagged
    report["people"] = _people(canonical, surname_aliases(_words_in_text(files), canonical))
    summary = report["summary"]
    summary["misattributions"] = sum(1 for f in flagged if f["open"])
    summary["recycled_undisclosed"] = sum(1 for c in report["quote_clusters"] for m in c["members"]
                                          if m["recycled"] == "recycled_undisclosed")


def build_report(folder: Path) -> Report:
    """Read every claim file in ``folder`` and compute clusters, groups and verdicts."""
    return build_report_from(read_folder(folder), load_reviews(folder), folder=folder)


def _corrections(files: list[ClaimRecords]) -> list[dict[str, Any]]:
    """Every notice of every claim file, with the records it links (rejected ones kept, with status)."""
    return [{
        "article": cf.article.id, "correction_id": n.id, "kind": n.kind, "text": n.text, "span": _listed(n.span),
        "target": n.target, "target_kind": n.target_kind, "paragraph": n.paragraph, "was": n.was, "now": n.now,
        "reason": n.reason, "links": list(n.links), "link_reason": n.link_reason, "status": n.review.status,
        "orphaned": n.orphaned,
    } for cf in files for n in cf.corrections]


def _version_bodies(files: list[ClaimRecords], story_map: dict[str, list[str]], folder: Path | None
                    ) -> dict[str, str]:
    """Bodies of versioned articles whose text can be found, for the sentences a version removed."""
    if folder is None or not story_map:
        return {}
    wanted = {aid for ids in story_map.values() for aid in ids}
    archives: Archives = {}
    out = {}
    for cf in files:
        if cf.article.id in wanted:
            body = article_body(dict(cf.article.raw), folder, archives)
            if body is not None:
                out[cf.article.id] = body
    return out


def _quote_items(files: list[ClaimRecords], superseded: set[str]) -> list[QuoteItem]:
    """Quotes that take part in clustering: not rejected, not orphaned, not in an earlier version."""
    out: list[QuoteItem] = []
    for cf in files:
        art = cf.article
        for q in cf.quotes if art.id not in superseded else ():
            if q.review.status == "rejected" or q.orphaned:
                continue
            out.append(QuoteItem(art.id, q.id, q.text, str(q.kind), q.speaker, art.published, art.outlet, q.position))
    return out


def _claim_items(files: list[ClaimRecords], story_of: dict[str, str]) -> list[ClaimItem]:
    """Figures that take part in grouping: numeric, not rejected, not orphaned."""
    out: list[ClaimItem] = []
    for cf in files:
        art = cf.article
        for c in cf.claims:
            value = _number(c.value)
            if value is None:  # a range: compared by its ends
                value = _number(c.low) if c.high is not None else None
            if value is None or c.review.status == "rejected" or c.orphaned:
                continue
            out.append(ClaimItem(
                art.id, c.id, value, c.unit, c.measure, c.kind or "count", c.approximate, c.bound, _number(c.high),
                c.surface, c.sentence, art.published, art.outlet, story_of.get(art.id, art.url), c.counts))
    return out


def _claim_spans(files: list[ClaimRecords]) -> dict[tuple[str, str], list[int] | None]:
    return {(cf.article.id, c.id): _listed(c.span) for cf in files for c in cf.claims}


def _cluster_rows(clusters: list[Any], files: list[ClaimRecords], reviews: Reviews) -> list[dict[str, Any]]:
    """The ``quote_clusters`` section: each cluster with its members and review."""
    quote_spans = {(cf.article.id, q.id): [list(s) for s in q.spans] for cf in files for q in cf.quotes}
    quote_clusters: list[dict[str, Any]] = []
    reviewed_clusters = reviews.get("quote_clusters", {}).keys()
    for cl in clusters:
        cid = stable_id(cl.id, (f"qc-{m.item.article}-{m.item.quote_id}" for m in cl.members), reviewed_clusters)
        quote_clusters.append({
            "id": cid,
            "speaker": cl.speaker,
            "canonical": cl.canonical,
            "first_seen": {"article": cl.first.article, "published": cl.first.published},
            "articles": len({m.item.article for m in cl.members}),
            "review": review_of(reviews, "quote_clusters", cid),
            "members": [{
                "quote_id": m.item.quote_id, "article": m.item.article, "outlet": m.item.outlet,
                "published": m.item.published, "text": m.item.text, "speaker": m.item.speaker,
                "kind": m.item.kind, "relation": m.relation, "score": m.score,
                "spans": quote_spans.get((m.item.article, m.item.quote_id), []),
            } for m in cl.members],
        })
    return quote_clusters


class _GroupContext:
    """What every claim group's row reads: claim resolutions, credits, spans and review joins."""

    def __init__(self, files: list[ClaimRecords], reviews: Reviews, joined: list[tuple[str, str]],
                 claim_spans: dict[tuple[str, str], list[int] | None],
                 credits: dict[tuple[str, str], dict[str, Any]]) -> None:
        self.reviews = reviews
        self.joined = joined
        self.claim_spans = claim_spans
        self.credits = credits
        self.resolved = {f"{cf.article.id}/{c.id}": c.review.resolved
                         for cf in files for c in cf.claims if c.review.resolved}
        self.resolved_by = {f"{cf.article.id}/{c.id}": c.review.by for cf in files for c in cf.claims
                            if c.review.resolved}
        self.source_name = speaker_names(c["source"] for c in credits.values() if c["source"])


def _group_values(g: Any, ctx: _GroupContext) -> list[dict[str, Any]]:
    return [{
        "claim_id": it.claim_id, "article": it.article, "outlet": it.outlet, "published": it.published,
        "value": int(it.value) if it.value.is_integer() else it.value, "kind": it.kind,
        "approximate": it.approximate, "high": it.high,  # a range: value is its low end
        "bound": it.bound, "surface": it.surface, "sentence": it.sentence,
        "span": ctx.claim_spans.get((it.article, it.claim_id)),
        "counts": scope_of(it).as_fields(),
        **_value_credit(ctx.credits.get((it.article, it.claim_id)), ctx.source_name),
    } for it in g.items]


def _group_row(g: Any, gid: str, ctx: _GroupContext) -> dict[str, Any]:
    """One ``claim_groups`` row: verdict, review, resolution, values and sourcing."""
    resolved = ctx.resolved
    group_review = review_of(ctx.reviews, "claim_groups", gid)
    covers = group_review.get("covers") if group_review.get("resolved") else None
    reopened = reopened_by([(_where(it.outlet, it.article, it.published), it.value, it.high, it.surface)
                            for it in g.items], covers)
    reason = (None if reopened else group_review.get("resolved")) or next(
        (resolved[f"{it.article}/{it.claim_id}"] for it in g.items if f"{it.article}/{it.claim_id}" in resolved),
        None)
    refs = {f"{it.article}/{it.claim_id}" for it in g.items}
    verdict = judge(g.items, str(reason) if reason else None,
                    joined_by_review=any(a in refs and b in refs for a, b in ctx.joined))
    reopened = reopened if verdict.status != "consistent" else None
    resolution = _resolution(group_review, reopened, [f"{it.article}/{it.claim_id}" for it in g.items],
                             resolved, ctx.resolved_by) if verdict.reason.startswith(RESOLVED_PREFIX) else None
    row = {
        "id": gid, "status": verdict.status, "verdict": verdict.verdict,
        "reason": f"{verdict.reason} ({reopened})" if reopened else verdict.reason, "reopened": reopened,
        "confidence": verdict.confidence, "evidence": list(verdict.evidence),
        "review": group_review, "resolution": resolution,
        "measure": g.measure, "unit": g.unit,
        "values": _group_values(g, ctx),
    }
    values = row["values"]  # null: claim files written before figures were credited
    source_name = ctx.source_name
    row["sourcing"] = sourcing(values, lambda name: source_name.get(name, name).casefold()) if any(
        v["attribution"] for v in values) else None
    return row


def _group_rows(groups: list[Any], ctx: _GroupContext) -> list[dict[str, Any]]:
    """The ``claim_groups`` section, with ids kept stable for reviewed groups."""
    reviewed_groups = ctx.reviews.get("claim_groups", {}).keys()
    return [_group_row(g, stable_id(g.id, (f"cg-{it.article}-{it.claim_id}" for it in g.items), reviewed_groups), ctx)
            for g in groups]


def _quote_rows(files: list[ClaimRecords], cluster_of: dict[tuple[str, str], Any],
                in_versions: dict[tuple[str, str], list[str]]) -> list[dict[str, Any]]:
    return [{
        "article": cf.article.id, "quote_id": q.id, "text": q.text, "speaker": q.speaker,
        "speaker_reason": q.speaker_reason, "kind": q.kind, "spans": [list(s) for s in q.spans],
        "status": q.review.status, "orphaned": q.orphaned, "cluster": cluster_of.get((cf.article.id, q.id)),
        "versions": in_versions.get((cf.article.id, q.id), [cf.article.id]),
    } for cf in files for q in cf.quotes]


def _claim_rows(files: list[ClaimRecords], group_of: dict[tuple[str, str], Any],
                in_versions: dict[tuple[str, str], list[str]], ctx: _GroupContext) -> list[dict[str, Any]]:
    claim_spans, credits = ctx.claim_spans, ctx.credits
    return [{
        "article": cf.article.id, "claim_id": c.id, "value": c.value, "unit": c.unit, "measure": c.measure,
        "kind": c.kind, "approximate": c.approximate, "bound": c.bound, "low": c.low, "high": c.high,
        "surface": c.surface, "span": claim_spans.get((cf.article.id, c.id)), "sentence": c.sentence,
        "status": c.review.status, "orphaned": c.orphaned, "group": group_of.get((cf.article.id, c.id)),
        **credits[(cf.article.id, c.id)],
        "versions": in_versions.get((cf.article.id, c.id), [cf.article.id]),
    } for cf in files for c in cf.claims]


def _membership(quote_clusters: list[dict[str, Any]], claim_groups: list[dict[str, Any]],
                in_versions: dict[tuple[str, str], list[str]]) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Cluster of each quote and group of each claim; an earlier version's record takes its latest's."""
    cluster_of = {(m["article"], m["quote_id"]): c["id"] for c in quote_clusters for m in c["members"]}
    group_of = {(v["article"], v["claim_id"]): g["id"] for g in claim_groups for v in g["values"]}
    for key, held in in_versions.items():
        cluster_of.setdefault(key, next((cluster_of[(a, key[1])] for a in reversed(held)
                                         if (a, key[1]) in cluster_of), None))
        group_of.setdefault(key, next((group_of[(a, key[1])] for a in reversed(held) if (a, key[1]) in group_of),
                                      None))
    return cluster_of, group_of


def _summary(articles: list[dict[str, Any]], superseded: set[str], n_quotes: int, n_claims: int,
             quote_clusters: list[dict[str, Any]], claim_groups: list[dict[str, Any]],
             corrections: list[dict[str, Any]], n_stories: int) -> dict[str, Any]:
    recycled_clusters = [c for c in quote_clusters if len({m["article"] for m in c["members"]}) > 1]
    return {
        "articles": len(articles),
        "sources": len({a.get("outlet") or a.get("id") for a in articles if str(a.get("id")) not in superseded}),
        "quotes": n_quotes,
        "claims": n_claims,
        "quote_clusters": len(quote_clusters),
        "recycled_quotes": len(recycled_clusters),
        "claim_groups": len(claim_groups),
        "conflicts": sum(1 for g in claim_groups if g["status"] == "conflict"),
        "corrections": sum(1 for n in corrections if n["status"] != "rejected" and not n["orphaned"]),
        "versioned_stories": n_stories,
    }


def build_report_from(claim_files: Iterable[ClaimFile | ClaimRecords], reviews: Reviews | None = None,
                      folder: Path | None = None) -> Report:
    """The report; ``reviews`` are the cluster and group reviews of ``_reviews.yaml``; ``folder``
    (the claim folder) lets the version timeline read article texts for removed sentences."""
    files = typed(claim_files)
    reviews = reviews or {}
    articles = [dict(cf.article.raw) for cf in files]
    meta = {str(a.get("id")): a for a in articles}
    story_map = stories(articles)
    # Versions are one source: an earlier version's quotes are not recycled by the latest, and its
    # figures join the latest's groups only as earlier states of one story (an update, never a conflict).
    superseded = earlier_versions(story_map)
    story_of = {aid: key for key, ids in story_map.items() for aid in ids}
    quote_items = _quote_items(files, superseded)
    claim_items = _claim_items(files, story_of)
    names = article_names(files)
    clusters = cluster_quotes(quote_items, _pairs(files, "quotes", "same_as"),
                              _pairs(files, "quotes", "different_from"), article_names=names)
    joined = _pairs(files, "claims", "same_as")
    groups = group_claims(claim_items, names, joined,
                          _pairs(files, "claims", "different_from"))
    quote_clusters = _cluster_rows(clusters, files, reviews)
    credits = {(cf.article.id, c.id): _credit(c) for cf in files for c in cf.claims}
    ctx = _GroupContext(files, reviews, joined, _claim_spans(files), credits)
    claim_groups = _group_rows(groups, ctx)
    in_versions = record_versions(files, story_map)
    cluster_of, group_of = _membership(quote_clusters, claim_groups, in_versions)
    quotes = _quote_rows(files, cluster_of, in_versions)
    claims = _claim_rows(files, group_of, in_versions, ctx)
    corrections = _corrections(files)
    summary = _summary(articles, superseded, len(quote_items), len(claim_items), quote_clusters, claim_groups,
                       corrections, len(story_map))
    speakers = _speakers(quotes, {k: v.get("outlet") for k, v in meta.items()})
    summary["speakers"] = sum(1 for row in speakers if row["speaker"] is not None)
    report = {"summary": summary, "articles": articles, "quote_clusters": quote_clusters,
              "claim_groups": claim_groups, "quotes": quotes, "claims": claims, "speakers": speakers,
              "corrections": corrections,
              "versions": timeline(files, story_map, _version_bodies(files, story_map, folder))}
    add_provenance(report, files, reviews)
    return report
