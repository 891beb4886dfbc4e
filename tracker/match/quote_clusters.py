"""Quote clusters across articles: the same words recycled, trimmed or amended.

Candidates come from an inverted index of word shingles, so only quotes that share a run of
words are ever compared (no all-pairs step). Scoring uses ``rapidfuzz.fuzz.ratio`` on the
normalised wording: unlike ``WRatio`` or ``partial_token_set_ratio`` it does not score two
unrelated long quotes high because they share common words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..records import SPEECH_KINDS
from .normalize import overlap, quote_words, speaker_key, specific_names
from .union import DisjointSets

SHINGLE = 4  # words per shingle used to find candidates
MIN_LINK_WORDS = 6  # shorter quotes only join a cluster as fragments of a longer one
LINK_RATIO = 85.0  # fuzz.ratio at which two quotes are the same quote (amended at most)
CONTAIN_SHARE = 0.8  # share of the shorter quote's shingles found in the longer one
MAX_POSTINGS = 200  # shingles more common than this say nothing about identity
MAX_FRAGMENT_HOSTS = 50_000  # a fragment made only of words this common is a stock phrase
CLUSTERED_KINDS = SPEECH_KINDS
STRONG_VERBATIM_WORDS = 10  # a verbatim repeat this long is one quote whatever else the articles share
RELATED_ARTICLES = 0.15  # least overlap of specific names for looser links across articles


@dataclass(frozen=True)
class QuoteItem:
    """A quote as matching sees it."""

    article: str
    quote_id: str
    text: str
    kind: str
    speaker: str | None
    published: str | None
    outlet: str | None
    position: int


@dataclass(frozen=True)
class Member:
    item: QuoteItem
    relation: str  # original | verbatim | fragment | amended
    score: float


@dataclass(frozen=True)
class QuoteCluster:
    id: str
    speaker: str | None
    canonical: str
    members: tuple[Member, ...]

    @property
    def first(self) -> QuoteItem:
        return self.members[0].item


def _order(item: QuoteItem) -> tuple[bool, str, str, int]:
    return (item.published is None, item.published or "", item.article, item.position)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _contains(long_words: list[str], short_words: list[str]) -> bool:
    n = len(short_words)
    if n == 0 or n > len(long_words):
        return False
    first = short_words[0]
    return any(long_words[i] == first and long_words[i:i + n] == short_words for i in range(len(long_words) - n + 1))


class _Linker:
    """The quotes being clustered, their words, and the rules on which pairs may be joined."""

    def __init__(self, items: Sequence[QuoteItem], different: Sequence[tuple[str, str]],
                 article_names: Mapping[str, frozenset[str]] | None) -> None:
        self.items = items
        self.names = specific_names(article_names or {})
        self.words = [quote_words(it.text) for it in items]
        self.keys = [" ".join(w) for w in self.words]  # quote_key, without normalising each text twice
        self.sets = DisjointSets(len(items))
        self.blocked = {frozenset(p) for p in different}

    def ref(self, i: int) -> str:
        return f"{self.items[i].article}/{self.items[i].quote_id}"

    def allowed(self, i: int, j: int) -> bool:
        return not self.blocked or frozenset((self.ref(i), self.ref(j))) not in self.blocked  # reviewers split few

    def related(self, i: int, j: int) -> bool:
        names = self.names
        a, b = self.items[i].article, self.items[j].article
        if a == b or a not in names or b not in names or not names[a] or not names[b]:
            return True
        return overlap(names[a], names[b]) >= RELATED_ARTICLES


def cluster_quotes(items: Sequence[QuoteItem], same: Sequence[tuple[str, str]] = (),
                   different: Sequence[tuple[str, str]] = (), *,
                   article_names: Mapping[str, frozenset[str]] | None = None) -> list[QuoteCluster]:
    """Every quote in exactly one cluster (singletons included), clusters oldest first.

    ``same``/``different`` are reviewer decisions as pairs of "article/quote_id" keys.
    ``article_names`` (names each article mentions) keeps stock phrases apart: across articles,
    anything short of a long verbatim repeat only links coverage that shares specific names.
    """
    linker = _Linker(items, different, article_names)
    words = linker.words
    eligible = [it.kind in CLUSTERED_KINDS for it in items]
    long_ids = [i for i in range(len(items)) if eligible[i] and len(words[i]) >= MIN_LINK_WORDS]
    _link_long(linker, long_ids)
    _link_fragments(linker, long_ids, eligible)
    index_of = {linker.ref(i): i for i in range(len(items))}
    for a, b in same:
        if a in index_of and b in index_of:
            linker.sets.union(index_of[a], index_of[b])

    clusters = [_build(items, words, linker.keys, group) for group in linker.sets.groups()]
    clusters.sort(key=lambda c: _order(c.first))
    return clusters


def _link_long(linker: _Linker, long_ids: list[int]) -> None:
    """Join long quotes that share enough shingles or read alike."""
    words, keys = linker.words, linker.keys
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    shingles = {i: _shingles(words[i]) for i in long_ids}
    for i in long_ids:
        for sh in shingles[i]:
            index[sh].append(i)
    for i in long_ids:
        counts: Counter[int] = Counter()
        for sh in shingles[i]:
            postings = index[sh]  # ascending: the later quotes sharing this shingle follow i
            if len(postings) <= MAX_POSTINGS:
                counts.update(postings[bisect_right(postings, i):])
        for j, shared in counts.items():
            smaller = min(len(shingles[i]), len(shingles[j])) or 1
            same_words = keys[i] == keys[j]
            # score_cutoff: rapidfuzz stops early on a pair below the link ratio (most candidates)
            similar = (same_words or shared / smaller >= CONTAIN_SHARE
                       or fuzz.ratio(keys[i], keys[j], score_cutoff=LINK_RATIO) >= LINK_RATIO)
            if not similar:
                continue
            strong = same_words and min(len(words[i]), len(words[j])) >= STRONG_VERBATIM_WORDS
            if linker.allowed(i, j) and (strong or linker.related(i, j)):
                linker.sets.union(i, j)


def _link_fragments(linker: _Linker, long_ids: list[int], eligible: list[bool]) -> None:
    """Fragments: short quotes attach to one longer quote that contains their words. A host holds
    every word of the fragment and every pair of its adjacent words, so the postings of its
    rarest word pair are the only candidates: for a two-word fragment the quotes holding that pair,
    not the thousands holding either word."""
    items, words = linker.items, linker.words
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    word_hosts: Counter[str] = Counter()
    for i in long_ids:
        word_hosts.update(set(words[i]))
        for pair in set(zip(words[i], words[i][1:], strict=False)):
            by_pair[pair].append(i)
    for i, item in enumerate(items):
        if not eligible[i] or len(words[i]) >= MIN_LINK_WORDS or len(words[i]) < 2:
            continue
        postings = min((by_pair.get(p, []) for p in zip(words[i], words[i][1:], strict=False)), key=len)
        if not postings or min(word_hosts[w] for w in words[i]) > MAX_FRAGMENT_HOSTS:
            continue
        hosts = [j for j in postings if _contains(words[j], words[i]) and linker.allowed(i, j)
                 and linker.related(i, j)]
        if not hosts:
            continue
        spk = speaker_key(item.speaker)
        hosts.sort(key=lambda j: (
            spk is not None and speaker_key(items[j].speaker) not in (spk, None),
            items[j].article != item.article,
            _order(items[j]),
        ))
        linker.sets.union(i, hosts[0])


def _build(items: Sequence[QuoteItem], words: list[list[str]], keys: list[str], group: list[int]) -> QuoteCluster:
    group = sorted(group, key=lambda i: _order(items[i]))
    first_article = items[group[0]].article
    # The original: the longest quote of the earliest article (a fragment may precede it there).
    original = max((i for i in group if items[i].article == first_article), key=lambda i: (len(words[i]), -i))
    ordered = [original] + [i for i in group if i != original]
    members = []
    for i in ordered:
        if i == original:
            relation, score = "original", 100.0
        else:
            score = round(fuzz.ratio(keys[i], keys[original]), 1)
            if keys[i] == keys[original]:
                relation = "verbatim"
            elif len(words[i]) < len(words[original]) and _contains(words[original], words[i]):
                relation = "fragment"
            else:
                relation = "amended"
        members.append(Member(items[i], relation, score))
    members.sort(key=lambda m: (m.relation != "original", _order(m.item)))
    speaker = _cluster_speaker([items[i] for i in group])
    cid = f"qc-{items[original].article}-{items[original].quote_id}"
    return QuoteCluster(cid, speaker, items[original].text, tuple(members))


def _cluster_speaker(members: list[QuoteItem]) -> str | None:
    """The fullest spelling of the most common speaker among the members."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for m in members:
        key = speaker_key(m.speaker)
        if key and m.speaker:
            by_key[key].append(m.speaker)
    if not by_key:
        return None
    names = max(by_key.values(), key=len)
    return max(names, key=lambda n: (len(n.split()), len(n)))
