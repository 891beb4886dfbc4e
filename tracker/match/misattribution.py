"""Misattribution: one quote credited to different people by different outlets.

A cluster lists every speaker the outlets give it, each a canonical person (``speakers``) with
the spellings seen. Spelling variants of one person are one speaker; so are a person and an
organisation an article says they lead. Two different people credited with the same words are a
flag, with the evidence of which article says who and in what words. Unnamed sources ("his
coalition", "officials") and short fragments contradict nothing and are left out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .speakers import could_be_same, is_name, leads

#: Mentions that stand for a person already named (resolved to the nearest antecedent).
_PRONOUNS = frozenset("he she they i we him her his".split())
#: Quotes shorter than this many words ("a new era") are stock phrases more than one person
#: uses; crediting one to someone else is no evidence of misattribution.
MIN_FLAG_WORDS = 4


@dataclass(frozen=True)
class Credit:
    """Who one article credits with a cluster member, as written."""

    article: str
    outlet: str | None
    published: str | None
    quote_id: str
    speaker: str
    mention: str | None
    span: list[int] | None
    words: int


def _evidence(c: Credit, person: str) -> dict[str, Any]:
    return {"article": c.article, "outlet": c.outlet, "published": c.published, "quote_id": c.quote_id,
            "speaker": c.speaker, "person": person, "mention": c.mention, "mention_span": c.span}


def flag_id(cluster_id: str, first: str, other: str) -> str:
    """Stable across re-runs: the cluster's id and the two people, so a review stays attached."""
    digest = hashlib.blake2b(f"{cluster_id}\0{first}\0{other}".encode(), digest_size=5).hexdigest()
    return f"ma-{digest}"


def cluster_speakers(credits: Sequence[Credit], canonical: Mapping[str, str],
                     roles: Mapping[str, set[str]]) -> list[dict[str, Any]]:
    """The cluster's speakers: each person with the aliases seen and the articles crediting them."""
    people = [canonical.get(c.speaker, c.speaker) for c in credits]
    persons = [p for p, c in zip(people, credits, strict=True) if is_name(c.speaker)]
    out: dict[str, dict[str, Any]] = {}
    for c, person in zip(credits, people, strict=True):
        leader = next((p for p in persons if p != person and leads(p, c.speaker, roles, canonical)), None)
        name = leader or person
        row = out.setdefault(name, {"name": name, "aliases": [], "articles": [], "leads": None})
        if c.speaker not in row["aliases"]:
            row["aliases"].append(c.speaker)
        if leader is not None:
            row["leads"] = c.speaker
        if c.article not in row["articles"]:
            row["articles"].append(c.article)
    return list(out.values())


def named_credit(c: Credit) -> bool:
    """A credit the article makes by name or pronoun: a description resolved to someone ("the
    Republican leader", "the video") is too thin to accuse an outlet of misattribution."""
    if not is_name(c.speaker) or c.words < MIN_FLAG_WORDS:
        return False
    if c.mention is None:
        return True
    mention = c.mention.strip()
    return mention.casefold() in _PRONOUNS or is_name(mention)


def _by_name(c: Credit) -> bool:
    return c.mention is None or c.mention.strip().casefold() not in _PRONOUNS


def flags(cluster_id: str, credits: Sequence[Credit], canonical: Mapping[str, str],
          roles: Mapping[str, set[str]]) -> list[dict[str, Any]]:
    """One flag per person credited besides the first-seen one (credits oldest first).

    A flag needs two articles that credit the words to people who cannot be one: two credits in
    one article are an extraction slip more often than an outlet's, and a bare surname that fits
    the other person ("Trump" beside "Donald Trump Jr.") is no evidence of another. Its
    ``confidence`` is ``high`` when both articles name the person, ``low`` when one credit rests
    on a pronoun resolved to its antecedent.
    """
    named = [c for c in credits if named_credit(c)]
    speakers = cluster_speakers(named, canonical, roles)
    if len(speakers) < 2:
        return []
    person_of = {alias: row["name"] for row in speakers for alias in row["aliases"]}
    first = speakers[0]["name"]
    out = []
    for row in speakers[1:]:
        if could_be_same(first, row["name"]):
            continue
        mine = [c for c in named if person_of[c.speaker] == first]
        theirs = [c for c in named if person_of[c.speaker] == row["name"]]
        pairs = [(a, b) for a in mine for b in theirs if a.article != b.article]
        if not pairs:
            continue
        high = any(_by_name(a) and _by_name(b) for a, b in pairs)
        evidence = [_evidence(c, person_of[c.speaker]) for c in named if c in mine or c in theirs]
        out.append({"id": flag_id(cluster_id, first, row["name"]), "cluster": cluster_id,
                    "first": first, "other": row["name"], "confidence": "high" if high else "low",
                    "reason": "both articles name the speaker" if high
                    else "one credit rests on a pronoun resolved to a name", "evidence": evidence})
    return out
