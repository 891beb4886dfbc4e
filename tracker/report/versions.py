"""Versions of one story: which articles they are, and what changed from one to the next.

Articles are versions of one story when they share ``version_of`` (the input's id with a
``version`` or ``retrieved``) or, failing that, their ``url``. Versions are one source: only the
latest takes part in matching, so an amended quote or an updated figure is never a recycled
quote or a conflict between outlets. The timeline lists, per step, quotes amended word by word,
figures updated, records added or removed, sentences removed and the notices the step added.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from rapidfuzz import fuzz

from ..claimfile.read import ClaimRead, ClaimRecords, CorrectionRead, QuoteRead
from ..commands.diff import word_diff

#: fuzz.ratio above which a removed and an added quote (or a claim's sentence) are one record
#: changed rather than one dropped and another written: the same bar ``tracker diff`` uses.
PAIR_RATIO = 60.0
#: A removed sentence is one with no sentence of the next version at least this alike: a
#: reworded sentence is an edit, shown through its quotes and figures, not a removal.
SENTENCE_KEPT_RATIO = 80.0
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’')\]]*|$)")


_Record = TypeVar("_Record", QuoteRead, ClaimRead, CorrectionRead)


def _live(records: Iterable[_Record]) -> dict[str, _Record]:
    """Records by id that still stand: neither orphaned nor rejected."""
    return {r.id: r for r in records if not r.orphaned and r.review.status != "rejected"}


def _order_key(article: Mapping[str, Any]) -> tuple[str, tuple[Any, ...], str]:
    """Oldest first: published day, then the version label read naturally ("2" before "10")."""
    label = str(article.get("version") or "")
    natural = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", label))
    return str(article.get("published") or ""), natural, str(article.get("id"))


def stories(articles: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Story key -> its versions' article ids, oldest first (stories of one article left out)."""
    members: dict[str, list[Mapping[str, Any]]] = {}
    for a in articles:
        key = a.get("version_of") or a.get("url")
        if isinstance(key, str) and key:
            members.setdefault(key, []).append(a)
    return {key: [str(a.get("id")) for a in sorted(group, key=_order_key)]
            for key, group in members.items() if len(group) > 1}


def earlier_versions(story_map: Mapping[str, list[str]]) -> set[str]:
    """Articles superseded by a later version of their story: left out of matching."""
    return {aid for ids in story_map.values() for aid in ids[:-1]}


def record_versions(files: Sequence[ClaimRecords], story_map: Mapping[str, list[str]]
                    ) -> dict[tuple[str, str], list[str]]:
    """(article, record id) -> the versions of its story that hold the same record, oldest first."""
    by_id = {cf.article.id: cf for cf in files}
    out: dict[tuple[str, str], list[str]] = {}
    for ids in story_map.values():
        held = {aid: set(_live(by_id[aid].quotes)) | set(_live(by_id[aid].claims)) for aid in ids if aid in by_id}
        for aid, rids in held.items():
            for rid in rids:
                out[(aid, rid)] = [other for other in ids if rid in held.get(other, set())]
    return out


def _pairs(old: Sequence[QuoteRead | ClaimRead], new: Sequence[QuoteRead | ClaimRead], text: str
           ) -> list[tuple[int, int]]:
    """Removed and added records that are one record changed: most alike first, each used once."""
    scored = sorted((-fuzz.ratio(getattr(o, text), getattr(n, text)), i, j)
                    for i, o in enumerate(old) for j, n in enumerate(new))
    pairs, used_old, used_new = [], set(), set()
    for score, i, j in scored:
        if -score >= PAIR_RATIO and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return pairs


def _quote_changes(old: dict[str, QuoteRead], new: dict[str, QuoteRead]) -> list[dict[str, Any]]:
    gone = [q for rid, q in old.items() if rid not in new]
    came = [q for rid, q in new.items() if rid not in old]
    out: list[dict[str, Any]] = []
    paired = _pairs(gone, came, "text")
    for i, j in paired:
        a, b = gone[i], came[j]
        out.append({"section": "quotes", "change": "amended", "old_id": a.id, "new_id": b.id,
                    "speaker": b.speaker, "old": a.text, "new": b.text, "diff": word_diff(a.text, b.text)})
    out += _singles("quotes", gone, {i for i, _ in paired}, "removed", "text")
    out += _singles("quotes", came, {j for _, j in paired}, "added", "text")
    return out


def _claim_changes(old: dict[str, ClaimRead], new: dict[str, ClaimRead]) -> list[dict[str, Any]]:
    gone = [c for rid, c in old.items() if rid not in new]
    came = [c for rid, c in new.items() if rid not in old]
    out: list[dict[str, Any]] = []
    paired = _pairs(gone, came, "sentence")
    for i, j in paired:
        a, b = gone[i], came[j]
        if (a.value, a.low, a.high) == (b.value, b.low, b.high):
            continue  # the sentence around an unchanged figure was reworded
        out.append({"section": "claims", "change": "updated", "old_id": a.id, "new_id": b.id,
                    "measure": b.measure, "old": a.surface, "new": b.surface, "old_value": a.value,
                    "new_value": b.value, "diff": word_diff(a.sentence, b.sentence)})
    out += _singles("claims", gone, {i for i, _ in paired}, "removed", "surface")
    out += _singles("claims", came, {j for _, j in paired}, "added", "surface")
    return out


def _singles(section: str, records: Sequence[QuoteRead | ClaimRead], skip: set[int], change: str, text: str
             ) -> list[dict[str, Any]]:
    side = "old" if change == "removed" else "new"
    return [{"section": section, "change": change, f"{side}_id": r.id, side: getattr(r, text)}
            for k, r in enumerate(records) if k not in skip]


def removed_sentences(old_body: str, new_body: str) -> list[str]:
    """Sentences of the older text with no close sentence in the newer one."""
    new = [" ".join(s.split()) for s in _SENTENCE.findall(new_body) if s.strip()]
    kept = set(new)
    out = []
    for raw in _SENTENCE.findall(old_body):
        sentence = " ".join(raw.split())
        if len(sentence.split()) < 3 or sentence in kept:
            continue
        if not any(fuzz.ratio(sentence, other) >= SENTENCE_KEPT_RATIO for other in new):
            out.append(sentence)
    return out


def timeline(files: Sequence[ClaimRecords], story_map: Mapping[str, list[str]],
             bodies: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Per story: its versions oldest first and, per step, what changed."""
    by_id = {cf.article.id: cf for cf in files}
    out = []
    for key, ids in sorted(story_map.items()):
        steps = []
        for before, after in itertools.pairwise(ids):
            a, b = by_id[before], by_id[after]
            step: dict[str, Any] = {"from": before, "to": after,
                                    "changes": _quote_changes(_live(a.quotes), _live(b.quotes))
                                    + _claim_changes(_live(a.claims), _live(b.claims))}
            if bodies is not None and before in bodies and after in bodies:
                step["sentences_removed"] = removed_sentences(bodies[before], bodies[after])
            old_notes = {n.id for n in a.corrections}
            step["corrections"] = [n.id for n in _live(b.corrections).values() if n.id not in old_notes]
            steps.append(step)
        out.append({"story": key, "versions": [_version_row(by_id[aid]) for aid in ids], "steps": steps})
    return out


def _version_row(cf: ClaimRecords) -> dict[str, Any]:
    art = cf.article
    return {"article": art.id, "version": art.version, "published": art.published, "url": art.url,
            "corrections": list(_live(cf.corrections))}
