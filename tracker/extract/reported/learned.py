"""Reported speech found by the learned cue model, beyond what the rule lexicons read.

For each word the model scores whether it ends a cue with its content after it ("downplayed the
risk of concussions") or starts one with its content before it ("…, the agency concluded"). The
content after a cue runs to the first break the end model accepts, else to the sentence end. A
span mostly inside a direct quotation or a span the rules already took is left out, and so is a
second cue of the same phrase ("called" and "for" in "called for").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...lexicon import MONTH_NAMES, WEEKDAYS, wordset
from ...records import Span, SpeakerMention
from ...text import overlap_chars
from ..attribution.lexicon import STOP_WORDS
from ..attribution.mentions import Token, mention_after, mention_before, sentence_subject, tokens
from .features import (
    AFTER,
    BEFORE,
    SentenceView,
    after_start,
    before_span,
    candidate_ends,
    cue_features,
    end_features,
    is_candidate,
    source_kind,
    span_features,
    trim_end,
)
from .model import CueModel

__all__ = ["Candidate", "learned_attributions", "learned_candidates", "learned_end"]

_CUE_REACH = 3  # tokens back from a rule's content where its cue word stands ("said that the")
_MIN_CHARS = 8
_MIN_WORDS = 2
_SAME_PHRASE = 3  # cue words closer than this belong to one cue phrase
#: Verbs whose object is the hearer ("told reporters"): the rules read "told X that …" already.
_HEARER_FIRST = wordset("tell tells told telling")


class Candidate(NamedTuple):
    """A cue the model found, the content span cut for it, its source and what the span model sees."""

    span: Span
    cue: str
    source: SpeakerMention | None
    features: list[str]


def learned_attributions(
    model: CueModel, body: str, lo: int, hi: int, taken: Sequence[Span]
) -> list[tuple[Span, str, SpeakerMention | None]]:
    """``(content span, cue, source mention)`` for the model's cues in the sentence ``[lo, hi)``."""
    span_model = model.span
    return [
        (c.span, c.cue, c.source)
        for c in learned_candidates(model, body, lo, hi, taken)
        if span_model is None or span_model.probabilities(c.features)[1] >= model.span_threshold
    ]


def learned_candidates(model: CueModel, body: str, lo: int, hi: int, taken: Sequence[Span]) -> list[Candidate]:
    """Every cue scoring at least ``cue_threshold``, with its span, before the span model judges it."""
    toks = tokens(body, lo, hi)
    out: list[Candidate] = []
    last_cue = -_SAME_PHRASE
    view = SentenceView(toks)
    inside = _covered(toks, taken)
    # a cue inside a quotation or a rule's span yields content already taken
    words = [k for k, tok in enumerate(toks) if is_candidate(tok) and not inside[k]]
    screen = model.cue.screen((AFTER, BEFORE))
    for k in words:
        if k - last_cue < _SAME_PHRASE:
            continue  # the same cue phrase as the candidate just taken ("called" + "for")
        feats = cue_features(view, k)
        if not screen.could_reach(feats, model.cue_threshold):
            continue  # neither class can reach the threshold: the scores below would pass it over
        tok = toks[k]
        p = model.cue.probabilities(feats)
        if p[AFTER] >= model.cue_threshold and p[AFTER] >= p[BEFORE] and tok.low not in _HEARER_FIRST:
            if _inverted(body, toks, k, hi):
                continue
            kind, span = AFTER, _after(model, body, view, k, hi)
            mention = _source_before(body, lo, tok)
        elif p[BEFORE] >= model.cue_threshold:
            kind, span = BEFORE, before_span(toks, k)
            mention = _plausible(mention_after(body, tok.end, hi) or mention_before(body, lo, tok.start))
        else:
            continue
        if span is None:
            continue
        a, b = trim_end(body, *span)
        if b - a < _MIN_CHARS or len(body[a:b].split()) < _MIN_WORDS or overlap_chars(taken, a, b) * 2 >= b - a:
            continue
        if any(s == a for s, _ in taken):
            continue  # the rules read this cue already and cut its content shorter
        source = source_kind(mention.text if mention else None)
        features = span_features(body, toks, k, kind, (a, b), p[kind], source)
        out.append(Candidate((a, b), tok.text, mention, features))
        last_cue = k
    return out


def _after(model: CueModel, body: str, view: SentenceView, k: int, hi: int) -> Span | None:
    toks = view.toks
    start = after_start(toks, k)
    if start is None:
        return None
    return toks[start].start, _best_end(model, view, start, toks[k].low, hi)


def _best_end(model: CueModel, view: SentenceView, start: int, cue: str, limit: int) -> int:
    """Where the content begun at ``start`` ends: before the first token the end model accepts, else ``limit``."""
    toks = view.toks
    screen = model.end.screen((1,))
    for j in candidate_ends(toks, start):
        if toks[j].start >= limit:
            break
        feats = end_features(view, start, j, cue)
        if screen.could_reach(feats, model.end_threshold) and model.end.probabilities(feats)[1] >= model.end_threshold:
            return toks[j].start
    return limit


def learned_end(model: CueModel, body: str, lo: int, hi: int, span: Span, cue: str) -> Span:
    """``span`` cut where the end model says the content after ``cue`` stops; never longer.

    Rules read a clause after a cue to the sentence end; "warned state officials to boost their
    security after hackers targeted …" reports only the warning. Spans not right after their cue
    (the content before ``…, officials said``) are returned as they are.
    """
    toks = tokens(body, lo, hi)
    start = next((i for i, t in enumerate(toks) if t.start >= span[0]), None)
    if start is None or start == 0 or toks[start].start != span[0]:
        return span
    cue_word = cue.split()[-1].lower() if cue.split() else ""
    k = next((i for i in range(start - 1, max(-1, start - _CUE_REACH - 1), -1) if toks[i].low == cue_word), None)
    if k is None:
        return span
    return trim_end(body, span[0], _best_end(model, SentenceView(toks), start, toks[k].low, span[1]))


def _inverted(body: str, toks: Sequence[Token], k: int, hi: int) -> bool:
    """``…, said Ed Morales, who chairs …``: after a comma or quote, the words after the cue are its source."""
    if k == 0 or toks[k - 1].text not in ',”"':
        return False
    source = mention_after(body, toks[k].end, hi)
    return source is not None and k + 1 < len(toks) and source.span[0] == toks[k + 1].start


def _source_before(body: str, lo: int, tok: Token) -> SpeakerMention | None:
    return _plausible(mention_before(body, lo, tok.start) or sentence_subject(body, lo, tok.start))


#: Words that end a time phrase or open a clause, never a source: "earlier this year", "Just".
_NOT_SOURCES = wordset(
    """
    year years month months week weeks day days
    today yesterday tonight ago earlier later time just but and so yet also still then now
    """
) | MONTH_NAMES | WEEKDAYS


def _plausible(mention: SpeakerMention | None) -> SpeakerMention | None:
    """A source as written, unless it is a time phrase or a lone function word: better none than wrong."""
    if mention is None:
        return None
    words = mention.text.lower().replace("’", "'").split()
    if not words or words[-1].strip(".,") in _NOT_SOURCES or (len(words) == 1 and words[0] in STOP_WORDS):
        return None
    return mention


def _covered(toks: Sequence[Token], spans: Sequence[Span]) -> list[bool]:
    """Per token, whether it lies inside one of ``spans`` (sorted sweep, linear in both)."""
    out = [False] * len(toks)
    ordered = sorted(spans)
    i = 0
    for k, t in enumerate(toks):
        while i < len(ordered) and ordered[i][1] <= t.start:
            i += 1
        j = i
        while j < len(ordered) and ordered[j][0] <= t.start:
            if t.end <= ordered[j][1]:
                out[k] = True
                break
            j += 1
    return out
