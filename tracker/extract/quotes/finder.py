"""Quotation extraction: pair marks, join split and multi-paragraph quotes, classify, attribute.

``find_quotes(body, blocks)`` is the entry point the pipeline calls. Quotes are found only inside
content blocks; the headline block yields ``headline`` quotes; reported speech without marks comes
from :mod:`tracker.extract.reported.rules`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...lexicon import DEMONSTRATIVES, DETERMINERS, wordset
from ...records import Block, FoundQuote, Span, SpeakerMention
from ...text import normalize_space, split_sentences
from ..attribution.cues import all_cues, cue_after, cue_before, dash_source
from ..attribution.lexicon import CUE_VERBS
from ..attribution.mentions import Attribution, sentence_subject
from ..attribution.resolve import Resolver
from ..reported.rules import find_indirect
from .marks import Segment, pair_double, pair_headline

__all__ = ["find_quotes"]

#: Words right before a quote that make it a name, title or gloss rather than speech.
_TERM_INTRO = re.compile(
    r"(?:so-called|dubbed|nicknamed|known as|named|titled|entitled|the word|the words|the term|"
    r"the phrase|the slogan|the label|the hashtag|the show|the film|the movie|the book|the song|"
    r"the program|the programme|the series|the headline|the banner|the motto|a k a|aka|or|and)\s*$",
    re.IGNORECASE,
)
_CONTINUATION_REACH = 2  # blocks back a cue-less quote may look for its speaker
_CONTEXT = 300  # characters of the sentence looked at on each side of a quote
#: Quote-kind limits, in words of the quotation.
_NICKNAME_MAX_WORDS = 2  # Robert C. “Bobby” Scott: a nickname is one or two words
_SHORT_MAX_WORDS = 3  # up to three words a fragment (partial or scare quote), not a sentence
_GLOSS_MAX_WORDS = 4  # “x”, a form of …: a glossed word or phrase is short
_SENTENCE_MIN_WORDS = 4  # fewer words than this do not make a quoted sentence
_TITLE_MAX_WORDS = 8  # longer title-case runs are headlines or speech, not titles or labels
_CAPITALS_MIN_LETTERS = 3  # “NO WAY”: more letters than this, all capitals, is a term
#: Characters looked back from a quote, for the cue of ``X said,``, the determiner and ``as a``.
_CUE_COMMA_REACH = 60
_CUE_COMMA_WORDS = 3  # the cue of ``X said,`` is among the last three words
_PREV_WORD_REACH = 40
_CHARACTERISED_REACH = 30
_COORDINATED_GAP = 60  # characters between coordinated fragments (“a” and “b”) at most
_HEADLINE_TERM_MAX_WORDS = 2  # An Iraqi 'Terrorist' Leader: a term in a headline is one or two words
_TAG_REACH = 400  # characters back to a tag's "<": as far as the _TAG_OPEN pattern reads
_SPLIT_GAP_MAX = 120  # characters of "he added," between the parts of a split quote at most
_TRANSCRIPT_REACH = 40  # characters from a paragraph's start where a transcript label ends
_SIGNATURE_MAX = 60  # characters of a signature paragraph ("- Hillary Clinton.") at most
_TAG_OPEN = re.compile(r"<[a-zA-Z][^<>]{0,400}$")


@dataclass
class _Quote:
    segments: list[Segment]
    block: int
    attribution: Attribution | None = None
    kind: str = "direct"
    reason: str = ""
    via: str = ""

    @property
    def open_mark(self) -> int:
        return self.segments[0].open_mark

    @property
    def close_mark(self) -> int | None:
        return self.segments[-1].close_mark


def _text(body: str, spans: Sequence[Span]) -> str:
    return " ".join(normalize_space(body[s:e]) for s, e in spans)


def _trimmed(body: str, span: Span) -> Span:
    s, e = span
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return s, e


def find_quotes(body: str, blocks: Sequence[Block], limit: int | None = None) -> list[FoundQuote]:
    """Every quotation in the content blocks, sorted by position (see the module doc); with
    ``limit``, work stops as soon as there are more than that many (the caller refuses them)."""
    out: list[FoundQuote] = []
    headlines: list[FoundQuote] = []
    for block in blocks:
        if block.role == "title":
            for span in pair_headline(body, block):
                span = _trimmed(body, span)
                t = _text(body, [span])
                if t:
                    kind = "term" if _headline_term(body, block, span) else "headline"
                    (headlines if kind == "headline" else out).append(FoundQuote(t, (span,), kind))
    quotes = paired(body, blocks)
    quoted: list[Span] = []
    kept: list[tuple[_Quote, tuple[Span, ...], str]] = []  # the quotations that become records
    for q in quotes:
        quoted.extend((s.open_mark, (s.close_mark or s.end) + 1) for s in q.segments)
        if q.kind == "drop":
            continue
        spans = tuple(s for s in (_trimmed(body, (g.start, g.end)) for g in q.segments) if s[1] > s[0])
        t = _text(body, spans)
        if t:
            kept.append((q, spans, t))
    if limit is not None and len(out) + len(headlines) + len(kept) > limit:
        # Over the cap already: cues, kinds and speakers are not worked out for records refused.
        return [*out, *headlines, *(FoundQuote(t, spans, q.kind) for q, spans, t in kept)]
    events = all_cues(body, blocks)
    analyse(body, blocks, events, quotes)
    resolver = Resolver(body, blocks)
    resolver.note_speakers(a.mention for a in events if a.mention is not None)
    for q, spans, t in kept:
        mention = q.attribution.mention if q.attribution else None
        cue = q.attribution.cue if q.attribution else None
        speaker, reason, mention = (resolver.speaker_of(mention, spans, cued=bool(cue)) if q.kind != "term"
                                    else (None, None, mention))
        out.append(FoundQuote(t, spans, q.kind, speaker, mention, cue, reason))
    out.extend(_headline_speaker(h, out) for h in headlines)
    if limit is not None and len(out) > limit:
        return out  # over already: reported speech, the costliest part, is not read at all
    out.extend(find_indirect(body, blocks, quoted, resolver, None if limit is None else limit - len(out)))
    out.sort(key=lambda fq: (fq.spans[0], fq.kind))
    return out


def _headline_term(body: str, block: Block, span: Span) -> bool:
    """A one- or two-word quote inside a headline phrase (``An Iraqi 'Terrorist' Leader``) is a term."""
    s, e = span
    if len(body[s:e].split()) > _HEADLINE_TERM_MAX_WORDS:
        return False
    before = body[block.start : s - 1].rstrip()
    after = body[e + 1 : block.end].lstrip()
    return bool(before) and before[-1:].isalnum() and after[:1].isalnum()


def _key(text: str) -> str:
    return " ".join(_LOWER_WORD.findall(text.lower().replace("’", "'")))


def _headline_speaker(headline: FoundQuote, found: Sequence[FoundQuote]) -> FoundQuote:
    """A headline quote takes the speaker of the body quotation that repeats its words."""
    key = _key(headline.text)
    if len(key.split()) < 2:
        return headline
    for q in found:
        if q.kind in ("direct", "partial") and q.speaker and f" {key} " in f" {_key(q.text)} ":
            return FoundQuote(headline.text, headline.spans, "headline", q.speaker, q.speaker_mention, q.cue)
    return headline


def paired(body: str, blocks: Sequence[Block]) -> list[_Quote]:
    """Paired and merged quotations, those inside markup already of kind ``drop``; what they
    are otherwise (and who said them) is ``analyse``'s, which never changes their segments."""
    quotes = _merge_split([_Quote(g, g[0].block) for g in pair_double(body, blocks)], body)
    for q in quotes:
        if _in_markup(body, q.open_mark, blocks[q.block].start):
            q.kind, q.reason = "drop", "markup"
    return quotes


def analyse(body: str, blocks: Sequence[Block], events: Sequence[Attribution] | None = None,
            quotes: list[_Quote] | None = None) -> list[_Quote]:
    """Paired, merged, classified and attributed quotations of the content blocks (``quotes``:
    from ``paired``, when the caller has them already).

    Quotes inside markup get kind ``drop``; each carries the ``reason`` for its kind.
    """
    text_blocks = [b for b in blocks if b.role != "title"]
    sentences = split_sentences(body, text_blocks)
    starts = [s for s, _ in sentences]
    if events is None:
        events = all_cues(body, blocks)
    event_pos = [a.cue_span[0] for a in events]
    if quotes is None:
        quotes = paired(body, blocks)
    previous: _Quote | None = None
    prior: _Quote | None = None  # the last quote of any kind
    for q in quotes:
        if q.kind == "drop":
            continue
        _classify_and_attribute(body, blocks, q, sentences, starts, previous, prior)
        prior = q
        same_block = previous is not None and previous.block == q.block
        if q.kind in ("direct", "partial") and q.via not in ("after", "split"):
            label = _transcript_speaker(body, blocks[q.block], q.open_mark)
            if label is not None:  # a transcript turn: its label outranks cues inside the turn
                q.attribution, q.via = label, "transcript"
        if q.attribution is None and q.kind == "direct":
            q.attribution = _next_block_source(body, blocks, q.segments[-1].block)
        if q.attribution is None and q.kind == "direct":
            q.attribution = _colon_introduction(body, blocks, q)
        if q.attribution is None and (q.kind == "direct" or (q.kind == "partial" and same_block)):
            q.attribution = _continuation(q, previous, events, event_pos, blocks)
            q.via = "continuation" if q.attribution else "none"
        if q.kind in ("direct", "partial"):
            previous = q
    return quotes


def _in_markup(body: str, pos: int, lo: int) -> bool:
    """A mark inside an HTML/XML tag (``<tweet id="...">``) is not a quotation mark."""
    if pos > lo and body[pos - 1] == "=":
        return True
    return _TAG_OPEN.search(body, max(lo, pos - _TAG_REACH), pos) is not None


def _merge_split(quotes: list[_Quote], body: str) -> list[_Quote]:
    """Join ``“A,” he added, “B”`` into one quote with two parts."""
    out: list[_Quote] = []
    for q in quotes:
        if out and _is_split(out[-1], q, body):
            out[-1].segments.extend(q.segments)
            continue
        out.append(q)
    return out


def _is_split(a: _Quote, b: _Quote, body: str) -> bool:
    close = a.close_mark
    if close is None or a.block != b.block:
        return False
    last = a.segments[-1]
    inner = body[last.start : last.end].rstrip()
    if not inner.endswith((",", "—", "–", "-", "…")):
        return False
    gap = body[close + 1 : b.open_mark]
    if len(gap) > _SPLIT_GAP_MAX or (
        any(c in gap for c in ".!?;") and not re.search(r"\b(?:[A-Z]\.|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.", gap)
    ):
        return False
    if not gap.rstrip().endswith((",", ":", "—", "–")):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", gap)}
    return bool(words & CUE_VERBS) or "according" in words


def _sentence_bounds(pos: int, sentences: Sequence[Span], starts: Sequence[int]) -> Span:
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return pos, pos
    return sentences[i]


@dataclass(frozen=True)
class _Shape:
    """What the kind rules read about one quote: its words and the sentence around it."""

    body: str
    q: _Quote
    prior: _Quote | None
    inner: str
    words: list[str]
    pre: str
    post: str
    adjacent_after: bool  # a cue right after the quote (or inside a split one)
    at_start: bool  # the quote opens its sentence, or follows a colon, dash or "X said,"
    cue_comma: bool  # Rashid said, “we categorically reject …”
    sentence_cue: bool
    sentence_like: bool
    title_case: bool
    det_before: bool

    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def pre_stripped(self) -> str:
        return self.pre.rstrip()


def _nickname(s: _Shape) -> bool:
    """Robert C. “Bobby” Scott."""
    return (s.n <= _NICKNAME_MAX_WORDS and s.title_case and bool(re.search(r"\b[A-Z][a-z]*\.?\s*$", s.pre))
            and bool(re.match(r"\s*[A-Z][a-z]", s.post)))


def _coordinated_term(s: _Shape) -> bool:
    """“Parks and Recreation” and “Guardians of the Galaxy”."""
    p = s.prior
    return (p is not None and p.kind == "term" and p.block == s.q.block and p.close_mark is not None
            and bool(_COORDINATED.match(s.body[p.close_mark + 1 : s.q.open_mark]))
            and (s.title_case or s.n <= _SHORT_MAX_WORDS))


def _capitals(s: _Shape) -> bool:
    letters = [c for c in s.inner if c.isalpha()]
    return (s.n >= 2 and len(letters) > _CAPITALS_MIN_LETTERS and "".join(letters).isupper()
            and not s.sentence_cue)


def _name_term(s: _Shape) -> bool:
    """Iraqi “Special Groups” to show."""
    return (s.title_case and s.n <= _SHORT_MAX_WORDS and all(w[:1].isupper() for w in s.words)
            and not s.adjacent_after and bool(re.search(r"\b[A-Z][a-z]+\s*$", s.pre))
            and bool(_LOWER_NEXT.match(s.post)) and not _has_cue(" ".join(s.post.split()[:1])))


def _short(s: _Shape) -> bool:
    return s.n <= _SHORT_MAX_WORDS and not s.adjacent_after and not s.sentence_like


def _short_term(s: _Shape) -> bool:
    """A lone word, no speech verb (and not ``likened … to a “vicious snake”``)."""
    return _short(s) and not s.sentence_cue and not _CHARACTERISED.search(s.pre[-_CHARACTERISED_REACH:])


def _titled(s: _Shape) -> bool:
    return s.title_case and s.n <= _TITLE_MAX_WORDS and bool(
        _TITLE_CONTEXT.search(s.pre_stripped) or (s.det_before and not s.sentence_cue))


def _quote_bounds(blocks: Sequence[Block], q: _Quote, sentences: Sequence[Span],
                  starts: Sequence[int]) -> Span:
    """Start of the quote's first sentence and end of its last, kept inside the blocks it spans."""
    block = blocks[q.block]
    lo, _ = _sentence_bounds(q.segments[0].open_mark, sentences, starts)
    lo = max(lo, block.start)
    close = q.close_mark
    last_block = blocks[q.segments[-1].block]
    hi = last_block.end
    if close is not None:
        _, hi = _sentence_bounds(close, sentences, starts)
        hi = min(max(hi, close + 1), last_block.end)
    return lo, hi


def _at_start(pre_stripped: str) -> bool:
    """The quote opens its sentence, follows a colon or dash, or follows ``X said,``."""
    tail = pre_stripped[-_CUE_COMMA_REACH:]
    return (
        pre_stripped == ""
        or pre_stripped.endswith((":", "—", "(", "–"))
        or bool(pre_stripped.endswith(",") and _has_cue(" ".join(tail.split()[-_CUE_COMMA_WORDS:]))
                and not _sentence_stop(tail))
    )


#: A full stop or other sentence end, with the word before it.
_STOP = re.compile(r"([\w’'\-]*)([.!?])")
#: Letters of a capitalised word whose full stop abbreviates ("Sen.", "D-Minn.", "Calif.") at most.
_ABBREVIATED_MAX = 7


def _sentence_stop(text: str) -> bool:
    """Whether ``text`` holds the end of a sentence: a full stop after an abbreviation, an
    initial or a party tag ("Sen. Al Franken (D-Minn.) explained,") ends none."""
    for m in _STOP.finditer(text):
        word = m.group(1)
        if m.group(2) == "." and word[:1].isupper() and len(word) <= _ABBREVIATED_MAX:
            continue
        return True
    return False


def _cue_split_or_after(body: str, blocks: Sequence[Block], q: _Quote, pre: str, hi: int) -> Attribution | None:
    """A cue inside a split quote (``“A,” he said, “B”``) or right after the quote."""
    att: Attribution | None = None
    if len(q.segments) > 1 and q.segments[0].close_mark is not None and q.segments[0].block == q.segments[1].block:
        s0 = q.segments[0]
        att = cue_after(body, (s0.close_mark or s0.end) + 1, q.segments[1].open_mark)
        q.via = "split"
    close = q.close_mark
    if att is None and close is not None:
        starts_sentence = pre.strip() == "" or pre.rstrip().endswith(":")
        att = cue_after(body, close + 1, blocks[q.segments[-1].block].end if starts_sentence else hi)
        q.via = "after"
    return att


def _cue_coordinated_or_before(body: str, q: _Quote, previous: _Quote | None, lo: int,
                               at_start: bool) -> Attribution | None:
    """The source of a coordinated earlier fragment (“a” and “b”), else a cue before the quote."""
    open_mark = q.segments[0].open_mark
    if previous is not None and previous.attribution is not None:
        pclose = previous.close_mark
        gap = body[pclose + 1 : open_mark] if pclose is not None else ""
        if pclose is not None and pclose >= lo and len(gap) < _COORDINATED_GAP and _COORDINATED.match(gap):
            q.via = "coordinated"
            return previous.attribution
    q.via = "before"
    return cue_before(body, lo, open_mark, adjacent=at_start)


def _shape(body: str, q: _Quote, prior: _Quote | None, pre: str, hi: int, att: Attribution | None,
           adjacent_after: bool) -> _Shape:
    close = q.close_mark
    inner = _text(body, [(s.start, s.end) for s in q.segments])
    words = inner.split()
    n = len(words)
    at_start = _at_start(pre.rstrip())
    post = body[close + 1 : min(hi, close + 1 + _CONTEXT)].lstrip("'’") if close is not None else ""
    prev_words = re.findall(r"[\w’']+", pre[-_PREV_WORD_REACH:])
    prev_word = prev_words[-1].lower() if prev_words else ""
    return _Shape(
        body, q, prior, inner, words, pre, post, adjacent_after, at_start,
        cue_comma=at_start and pre.rstrip().endswith(","),
        sentence_cue=att is not None or _has_cue(pre) or _has_cue(post),
        sentence_like=n >= _SENTENCE_MIN_WORDS and (words[0][:1].isupper() or at_start)
        and inner[-1:] in ".,!?…-—",
        title_case=all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in words)
        and n <= _TITLE_MAX_WORDS,
        det_before=prev_word in _DETERMINERS or prev_word.endswith(("’s", "'s")),
    )


def _classify_and_attribute(
    body: str,
    blocks: Sequence[Block],
    q: _Quote,
    sentences: Sequence[Span],
    starts: Sequence[int],
    previous: _Quote | None,
    prior: _Quote | None = None,
) -> None:
    first = q.segments[0]
    lo, hi = _quote_bounds(blocks, q, sentences, starts)
    # the sentence around the quote, bounded so a run-on "sentence" costs linear time overall
    pre = body[max(lo, first.open_mark - _CONTEXT) : first.open_mark].rstrip("'’")  # '' leaves one behind
    # 1. attribution inside a split quote, after the quote, or before it
    att = _cue_split_or_after(body, blocks, q, pre, hi)
    adjacent_after = att is not None
    if att is None:
        att = _cue_coordinated_or_before(body, q, previous, lo, _at_start(pre.rstrip()))
    # 2. kind
    q.kind, q.reason = _kind(_shape(body, q, prior, pre, hi, att, adjacent_after))
    if q.kind == "term":
        q.attribution = None
        return
    if (
        att is None
        and q.kind == "partial"
        and previous is not None
        and previous.attribution is not None
        and previous.close_mark is not None
        and previous.close_mark >= lo
    ):
        # “a” … “b”: a later fragment of the same sentence keeps the source of the earlier one
        att, q.via = previous.attribution, "same-sentence"
    if att is None and q.kind == "partial":
        subject = sentence_subject(body, lo, first.open_mark)
        if subject is not None:
            att = Attribution("", (first.open_mark, first.open_mark), subject)
            q.via = "subject"
    q.attribution = att


_MINOR = wordset("a an the of and or in on at to for by with from as vs. v. de la")
_DETERMINERS = DETERMINERS | DEMONSTRATIVES
_TERM_AFTER = re.compile(
    r"\s*(?:hats?|caps?|signs?|shirts?|t-shirts?|slogans?|banners?|buttons?|stickers?|posters?|"
    r"show|program|series|film|movie|book|song|album|podcast|documentary)\b"
)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or|but|as well as)\b(?:\s+[a-z]+){0,2}\s*$")
_GLOSS_AFTER = re.compile(
    r"\s*,?\s*(?:a|an)\s+(?:\w+\s+){0,3}?(?:form|type|kind|term|phrase|word|name|reference)\b"
)
_BYLINE_AFTER = re.compile(r"\s*(?:,\s*)?(?:by\s+(?:[A-Z]|the\s+[A-Z])|\(\d{4}\))")
_TITLE_CONTEXT = re.compile(
    r"(?:’s|'s|\b(?:on|in|of|at|titled|entitled|called|dubbed|named|show|podcast|book|column|commentary|"
    r"film|movie|program|programme|series|documentary|album|song|ad|spot|video|op-ed|essay|article|"
    r"initiative|campaign|slogan|headline|anthem|novel|memoir|play|musical|hashtag|brand|label))\s*,?$",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"[a-z]+")
_CHARACTERISED = re.compile(r"\b(?:as|to)\s+(?:a|an)\s*$")  # "likened the refugees to a “vicious snake”"
_LOWER_NEXT = re.compile(r"\s*[a-z]")


def _has_cue(text: str) -> bool:
    return any(w in CUE_VERBS or w == "according" for w in _LOWER_WORD.findall(text))


_TRANSCRIPT = re.compile(r"[\"“'‘]?\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")


def _transcript_speaker(body: str, block: Block, pos: int) -> Attribution | None:
    """A transcript paragraph ``"PENCE: Well, …"``: the capitalised label names the speaker."""
    m = _TRANSCRIPT.match(body, block.start, min(block.end, block.start + _TRANSCRIPT_REACH))
    if m is None or m.end() > pos + _TRANSCRIPT_REACH:
        return None
    span = m.start(1), m.end(1)
    return Attribution(":", (m.end(1), m.end(1) + 1), SpeakerMention(body[span[0] : span[1]], span))


def _next_block_source(body: str, blocks: Sequence[Block], index: int) -> Attribution | None:
    """A quote paragraph signed in the next paragraph: ``- Hillary Clinton.``"""
    if index + 1 >= len(blocks):
        return None
    nxt = blocks[index + 1]
    if nxt.end - nxt.start > _SIGNATURE_MAX:
        return None
    return dash_source(body, nxt.start, nxt.end)


def _colon_introduction(body: str, blocks: Sequence[Block], q: _Quote) -> Attribution | None:
    """A quotation opening the paragraph after one that ends with a colon and a cue:
    ``The New York Times reports:`` / ``Sanders made the following comment:``."""
    block = blocks[q.block]
    if q.block == 0 or body[block.start : q.open_mark].strip():
        return None
    before = blocks[q.block - 1]
    intro = body[before.start : before.end].rstrip()
    if before.role == "title" or not intro.endswith(":"):
        return None
    return cue_before(body, before.start, before.start + len(intro), adjacent=True)


def _continuation(
    q: _Quote,
    previous: _Quote | None,
    events: Sequence[Attribution],
    event_pos: Sequence[int],
    blocks: Sequence[Block],
) -> Attribution | None:
    """A quote with no cue of its own continues the last speaker of the nearby text."""
    lo_block = max(0, q.block - _CONTINUATION_REACH)
    limit = blocks[lo_block].start
    candidate: Attribution | None = None
    if previous is not None and previous.attribution is not None and previous.block >= lo_block:
        candidate = previous.attribution
        if previous.block >= q.block - 1:
            return candidate
    i = bisect_right(event_pos, q.open_mark) - 1
    if i >= 0 and events[i].cue_span[0] >= limit:
        ev = events[i]
        if candidate is None or ev.cue_span[0] > candidate.cue_span[0]:
            candidate = ev
    return candidate


#: The quote-kind decision list, first match wins: (kind, reason recorded, test).
_KIND_RULES: tuple[tuple[str, str, Callable[[_Shape], bool]], ...] = (
    ("term", "nickname", _nickname),
    ("term", "gloss", lambda s: s.n <= _GLOSS_MAX_WORDS and bool(_GLOSS_AFTER.match(s.post))
     and not s.adjacent_after and not s.pre_stripped.endswith(",")),
    ("term", "byline", lambda s: bool(_BYLINE_AFTER.match(s.post))),
    ("term", "coordinated", _coordinated_term),
    ("term", "label", lambda s: s.title_case and bool(_TERM_AFTER.match(s.post)) and not s.adjacent_after),
    ("term", "title-cue", lambda s: _titled(s) and s.sentence_cue),
    ("term", "title", _titled),
    ("term", "titlecase", lambda s: s.title_case and not s.sentence_cue and not (s.at_start and s.sentence_like)),
    ("term", "capitals", _capitals),
    ("term", "intro", lambda s: bool(_TERM_INTRO.search(s.pre_stripped)) and s.n <= _TITLE_MAX_WORDS
     and not s.sentence_cue),
    ("term", "name", _name_term),
    ("partial", "short-cue", lambda s: _short(s) and s.sentence_cue),
    ("term", "short-det", lambda s: _short_term(s) and s.det_before),
    ("term", "scare", lambda s: _short_term(s) and s.n == 1),
    ("partial", "short", _short),
    ("direct", "start", lambda s: s.at_start and (s.words[0][:1].isupper() or s.pre_stripped.endswith(":")
                                                  or (s.cue_comma and s.n >= _SENTENCE_MIN_WORDS))),
    ("direct", "sentence", lambda s: s.sentence_like and s.at_start),
)


def _kind(shape: _Shape) -> tuple[str, str]:
    """The first rule of ``_KIND_RULES`` that holds; a quote no rule claims is a partial one inside."""
    return next(((kind, reason) for kind, reason, test in _KIND_RULES if test(shape)), ("partial", "inside"))
