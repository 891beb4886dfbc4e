"""Figures of two versions of one story, aligned sentence by sentence.

An outlet that updates a story edits its sentences in place: "left three people wounded" becomes
"left four people wounded". Both versions are one source, so their figures never disagree; the
same sentence with another number is the same quantity at a later time, whatever the sentence
says about scope ("six of the victims" and "five of the victims" are one count that changed),
so such figures are linked even where a comparison across sources would leave them apart.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Protocol

from rapidfuzz import fuzz, process

from ..extract.numbers.words import ORDINALS, SCALES, TEENS, TENS, UNITS

#: Least rapidfuzz ratio (0-100) of two sentences, numbers masked, to be one sentence edited: a
#: changed count or a word around it still scores above, another sentence of the story does not.
SAME_SENTENCE_MIN = 90

_NUMBER_WORDS = sorted({*UNITS, *TEENS, *TENS, *SCALES, *ORDINALS, "hundred", "dozen", "dozens"}, key=len, reverse=True)
_NUMBER = re.compile(r"\d[\d,.]*|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


class _Figure(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def sentence(self) -> str: ...
    @property
    def measure(self) -> str | None: ...
    @property
    def value(self) -> float: ...


def masked(sentence: str) -> str:
    """The sentence with every number (digits or words) replaced by one mark."""
    return " ".join(_NUMBER.sub("#", sentence.casefold()).split())


def _slots(items: Sequence[_Figure], members: list[int]) -> dict[str, dict[tuple[str, int], int]]:
    """Per masked sentence of one article: each figure by its measure and place among that
    sentence's figures of the measure ("one dead and three wounded": killed 0, injured 0)."""
    out: dict[str, dict[tuple[str, int], int]] = defaultdict(dict)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for i in members:
        measure = items[i].measure or ""  # unread in both versions, still the same place
        key = masked(items[i].sentence)
        out[key][(measure, seen[(key, measure)])] = i
        seen[(key, measure)] += 1
    return out


def version_pairs(items: Sequence[_Figure]) -> Iterator[tuple[int, int]]:
    """Pairs of figures in two versions of one story (same url, different articles) that stand at
    the same place of the same sentence, edited or not."""
    stories: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, item in enumerate(items):
        if item.url:
            stories[item.url][item.article].append(i)
    for articles in stories.values():
        slots = {article: _slots(items, members) for article, members in articles.items()}
        for a, b in itertools.combinations(sorted(slots), 2):
            choices = list(slots[b])
            for sentence, figures in slots[a].items():
                best = process.extractOne(sentence, choices, scorer=fuzz.ratio, score_cutoff=SAME_SENTENCE_MIN)
                if best is None:
                    continue
                other = slots[b][best[0]]
                yield from ((i, other[slot]) for slot, i in figures.items() if slot in other)
