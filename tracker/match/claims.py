"""Claim groups: the same numeric claim reported by different articles.

Claims are blocked by what they count (``measure``) and kind, then paired only through an
inverted index of the specific words and names around the number, so a 100,000-article archive
never compares all pairs. Two claims join when their sentences (number masked) share enough
context and names, their values are of the same order, and their articles are close enough in
time for the kind of figure. Different events with the same figure stay apart because they
share neither names nor context.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .normalize import entities
from .union import DisjointSets

MAX_POSTINGS = 400  # context words shared by more claims than this are not evidence
LINK_SCORE = 0.34
EVENT_MEASURES = frozenset({"killed", "injured", "wounded", "arrested", "missing", "shot", "victims", "dead"})
EVENT_WINDOW_DAYS = 21  # articles further apart report different incidents of an event count

_STOP = frozenset(
    """
    a an the of to in on at for by with from and or but as is are was were be been being has have
    had that this these those it its their his her he she they them we our you your i not no than
    then there which who whom what when where while also into over after before about said says say
    more less most some around nearly almost about up down out all any each other such only just now
    new would could will can may might should must do does did per cent percent year years month
    months day days week weeks
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@dataclass(frozen=True)
class ClaimItem:
    article: str
    claim_id: str
    value: float
    unit: str | None
    measure: str | None
    kind: str
    approximate: bool
    bound: str | None
    high: float | None
    surface: str
    sentence: str
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class ClaimGroup:
    id: str
    measure: str | None
    unit: str | None
    items: tuple[ClaimItem, ...]


def _stem(word: str) -> str:
    word = word.casefold().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def context_words(item: ClaimItem) -> set[str]:
    """Content words of the sentence with the number itself masked out."""
    sentence = item.sentence.replace(item.surface, " ")
    return {_stem(w) for w in _WORD.findall(sentence) if w.casefold() not in _STOP and len(w) > 2}


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _same_order(a: ClaimItem, b: ClaimItem) -> bool:
    """Values that could be reports of one figure: years close together, counts within a factor."""
    if a.kind in ("year", "date") or b.kind in ("year", "date"):
        return a.kind == b.kind and abs(a.value - b.value) <= 3
    lo, hi = sorted((abs(a.value), abs(b.value)))
    if hi <= 12:
        return True
    return lo > 0 and hi / lo <= 2.0


def _block(item: ClaimItem) -> tuple[str, str] | None:
    if not item.measure:
        return None
    return (item.kind, item.measure)


def group_claims(items: Sequence[ClaimItem], same: Sequence[tuple[str, str]] = (),
                 different: Sequence[tuple[str, str]] = ()) -> list[ClaimGroup]:
    """Groups spanning two or more articles, each with the claims that report one figure."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        key = _block(item)
        if key is not None:
            blocks[key].append(i)
    sets = DisjointSets(len(items))
    blocked = {frozenset(p) for p in different}

    def ref(i: int) -> str:
        return f"{items[i].article}/{items[i].claim_id}"

    for members in blocks.values():
        if len(members) < 2:
            continue
        _link_block(items, members, sets, blocked, ref)
    index_of = {ref(i): i for i in range(len(items))}
    for a, b in same:
        if a in index_of and b in index_of:
            sets.union(index_of[a], index_of[b])
    groups = []
    for group in sets.groups():
        if len({items[i].article for i in group}) < 2:
            continue
        ordered = sorted(group, key=lambda i: (items[i].published is None, items[i].published or "",
                                               items[i].article, items[i].claim_id))
        first = items[ordered[0]]
        groups.append(ClaimGroup(f"cg-{first.article}-{first.claim_id}", first.measure, first.unit,
                                 tuple(items[i] for i in ordered)))
    groups.sort(key=lambda g: (g.items[0].published is None, g.items[0].published or "", g.id))
    return groups


def _link_block(items: Sequence[ClaimItem], members: list[int], sets: DisjointSets,
                blocked: set[frozenset[str]], ref: object) -> None:
    contexts = {i: context_words(items[i]) for i in members}
    names = {i: entities(items[i].sentence.replace(items[i].surface, " ")) for i in members}
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for word in contexts[i] | {f"@{n}" for n in names[i]}:
            index[word].append(i)
    for i in members:
        shared: dict[int, int] = defaultdict(int)
        for word in contexts[i] | {f"@{n}" for n in names[i]}:
            postings = index[word]
            if len(postings) > MAX_POSTINGS:
                continue
            for j in postings:
                if j > i:
                    shared[j] += 1
        for j in shared:
            a, b = items[i], items[j]
            if a.article == b.article or not _same_order(a, b):
                continue
            if callable(ref) and frozenset((ref(i), ref(j))) in blocked:
                continue
            if _score(a, b, contexts[i], contexts[j], names[i], names[j]) >= LINK_SCORE:
                sets.union(i, j)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _score(a: ClaimItem, b: ClaimItem, ca: set[str], cb: set[str], na: set[str], nb: set[str]) -> float:
    """How likely two claims report the same figure: context and names, discounted by time apart."""
    overlap = len(ca & cb) / math.sqrt(len(ca) * len(cb)) if ca and cb else 0.0
    name_overlap = _jaccard(na, nb)
    if na and nb and not (na & nb):
        return 0.0  # both name who/where, and no name is shared: different events
    score = 0.6 * overlap + 0.4 * name_overlap
    if a.measure in EVENT_MEASURES:
        da, db = _date(a.published), _date(b.published)
        if da and db and abs((da - db).days) > EVENT_WINDOW_DAYS:
            return 0.0
    return score
