"""Small text helpers shared by the extractors: whitespace, sentences, words, span overlaps."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

from .records import Block, Span

_SPACE = re.compile(r"\s+")

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt spc rep reps sen gov
    pres supt insp det rev hon messrs no nos vs etc inc ltd corp co bros dept univ est approx jan
    feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun u.s u.k u.n
    e.u d.c a.m p.m i.e e.g al ave blvd rd calif conn fla ga ill mass mich minn ore pa tenn tex va
    wash wis ariz colo okla ind kan neb nev ky la md mo miss ala ark del
    """.split()
)

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then space.
# Possessive and anchored at the start of a punctuation run: linear on runs like "!!!!…".
# Or a full stop glued to the next sentence ("said.Manning said"), as pages that lost their
# paragraph breaks are often scraped: two lower-case letters before it, so "U.S." never splits.
_END = re.compile(r"(?<![.?!…])[.?!…]++[\"'”’)\]]*+(?=\s)|(?<=[a-z]{2})[.?!][\"”]?(?=[A-Z][a-z])")
_NEXT_START = re.compile(r"\s*[\"'“‘(\[]*[A-Z0-9]")


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (including wrapped newlines) to one space."""
    return _SPACE.sub(" ", text).strip()


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    start = dot
    floor = max(0, dot - 24)  # abbreviations are short: never scan back further (keeps runs linear)
    while start > floor and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[start].isupper():
        return True  # an initial: "Ronald W. Reagan"
    return word in ABBREVIATIONS or word.strip(".") in ABBREVIATIONS


class _SentenceCache(threading.local):
    """The sentences of each block of the last body seen (per thread): every extractor splits
    the same article's blocks again, and splitting is a pure function of the text."""

    def __init__(self) -> None:
        self.body: str | None = None
        self.blocks: dict[Span, list[Span]] = {}


_SENTENCES = _SentenceCache()


def split_sentences(body: str, blocks: Sequence[Block]) -> list[Span]:
    """Sentence spans (into ``body``) inside each content block, trimmed of outer whitespace."""
    cache = _SENTENCES
    if cache.body is not body:
        cache.body, cache.blocks = body, {}
    spans: list[Span] = []
    for block in blocks:
        key = (block.start, block.end)
        found = cache.blocks.get(key)
        if found is None:
            found = cache.blocks[key] = list(_sentences_in(body, block.start, block.end))
        spans.extend(found)
    return spans


def first_sentence_end(body: str, start: int, end: int) -> int:
    """Where the first sentence of ``[start, end)`` ends (``end`` if none): splits no further."""
    return next((e for _, e in _sentences_in(body, start, end)), end)


def _sentences_in(body: str, start: int, end: int) -> Iterator[Span]:
    text = body[start:end]
    cursor = 0
    for match in _END.finditer(text):
        stop = match.end()
        if not _NEXT_START.match(text, stop):
            continue
        if _is_abbreviation(text, match.start()) and match.end() - match.start() == 1:
            continue
        span = _trim(text, cursor, stop)
        if span:
            yield span[0] + start, span[1] + start
        cursor = stop
    span = _trim(text, cursor, len(text))
    if span:
        yield span[0] + start, span[1] + start


def _trim(text: str, lo: int, hi: int) -> Span | None:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return (lo, hi) if hi > lo else None


_WORD = re.compile(r"[\w’']+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophes kept inside words."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def overlap_chars(spans: Sequence[Span], a: int, b: int) -> int:
    """Characters of ``[a, b)`` inside the spans, counted once per span (for "mostly inside" tests).

    Linear in ``spans``: pass the few spans near ``[a, b)`` (``SpanIndex.overlapping``), never
    every span of the article once per candidate, or extraction turns quadratic.
    """
    return sum(max(0, min(e, b) - max(s, a)) for s, e in spans)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 conflict``, ``2 conflicts``, ``1,234 articles``; ``many`` for irregular plurals."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


class SpanIndex:
    """Spans sorted by start, answering "which overlap ``[lo, hi)``" in O(log n + answer).

    Overlapping and nested spans are allowed: a running maximum of ends finds the first span
    that can still reach ``lo`` (for disjoint spans, exactly the first overlapping one).
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))

    def overlapping(self, lo: int, hi: int) -> list[Span]:
        """The spans sharing a character with ``[lo, hi)``, in order of start."""
        first = bisect_right(self._reach, lo)
        last = bisect_left(self._starts, hi)
        return [(s, e) for s, e in self.spans[first:last] if e > lo]

    def covers(self, pos: int) -> bool:
        """Whether a span holds the character at ``pos``."""
        return bool(self.overlapping(pos, pos + 1))
