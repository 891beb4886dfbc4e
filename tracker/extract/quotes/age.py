"""Whether an article says how old the words it quotes are ("said then", "had warned", "last year").

A fact-checker asks of a recycled quote whether the outlet told its readers the words are old or
served them as news. This reads the quote's own sentence(s) (the quote and its attribution,
outside the quotation marks) for a time cue. ``old``: the article dates the words ("Rashidi said
then", "had warned", "in February", "last year", "said in 2018", past perfect). ``new``: the
quote stands in the headline or lede with a present-tense cue ("warns", "says") and no time cue.
No cue found is neither: the report calls a recycled quote without one undisclosed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...records import Block, FoundQuote, Span, SpeakerMention

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_PAST_VERBS = (r"(?:said|told|warned|threatened|written|wrote|declared|vowed|promised|insisted|claimed|stated"
               r"|argued|predicted|pledged|boasted|tweeted|added|described|called|urged|posted|announced"
               r"|spoken|explained|suggested|noted|remarked)")
#: Time cues that date the words, most specific first (the first found is the one reported).
OLD_CUES = tuple(re.compile(p) for p in (
    rf"\b{_PAST_VERBS}\s+(?:then|at the time|back then|earlier|previously|once)\b",
    rf"\b{_PAST_VERBS}\s+(?:in|on|last)\s+(?:{_MONTH}|(?:19|20)\d\d|year|month|week)\b",
    rf"\bhad\s+(?:(?:\w+ly|also|already|long|repeatedly|once)\s+)?{_PAST_VERBS}",
    r"\b(?i:at the time|back then|in the past|previously|years? earlier|months? earlier)\b",
    rf"\b(?i:last|earlier this|earlier in the|this past)\s+"
    rf"(?:(?i:year|month|week|summer|spring|fall|autumn|winter)|{_MONTH})",
    rf"\b(?i:in|on|since|during)\s+(?:(?:early|late|mid-?)\s*)?{_MONTH}",
    r"\b(?i:in)\s+(?:an?\s+)?(?:19|20)\d\d\b",
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|before)\b",
))
#: Present-tense speech verbs that, in a headline or lede, serve words as today's news.
NEW_CUE = re.compile(r"\b(?:says|warns|tells|vows|threatens|insists|claims|declares|urges|demands|admits"
                     r"|slams|blasts|pledges|promises|predicts|calls|argues)\b", re.IGNORECASE)
#: How far (characters) around the quote its sentence and attribution are read.
WINDOW_CHARS = 250
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘A-Z])|\n\s*\n")


def _window(body: str, lo: int, hi: int) -> tuple[int, int]:
    """From the start of the sentence holding ``lo`` to the end of the one holding ``hi``."""
    start = max(0, lo - WINDOW_CHARS)
    ends = [m.end() for m in _SENTENCE_END.finditer(body, start, lo)]
    start = ends[-1] if ends else start
    # From just before ``hi``: a quotation often ends with its sentence's own full stop.
    after = _SENTENCE_END.search(body, max(lo, hi - 1), min(len(body), hi + WINDOW_CHARS))
    return start, after.start() + 1 if after else min(len(body), hi + WINDOW_CHARS)


def _masked(body: str, start: int, end: int, spans: Sequence[Span]) -> str:
    """The window with the quoted words blanked: a time word inside a quote dates nothing."""
    chars = list(body[start:end])
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    return "".join(chars)


def age_cue(body: str, blocks: Sequence[Block], quote: FoundQuote) -> tuple[str, str, Span] | None:
    """``(says, text, span)`` with says ``old`` or ``new``, or None when the article is silent."""
    if not quote.spans or quote.kind == "term":
        return None
    lo, hi = quote.spans[0][0], quote.spans[-1][1]
    mention: SpeakerMention | None = quote.speaker_mention
    if mention is not None and abs(mention.span[0] - lo) < WINDOW_CHARS:
        lo, hi = min(lo, mention.span[0]), max(hi, mention.span[1])
    start, end = _window(body, lo, hi)
    text = _masked(body, start, end, quote.spans)
    for pattern in OLD_CUES:
        m = pattern.search(text)
        if m:
            return "old", m.group(0), (start + m.start(), start + m.end())
    if _in_lede(blocks, quote.spans[0][0]):
        m = NEW_CUE.search(text)
        if m:
            return "new", m.group(0), (start + m.start(), start + m.end())
    return None


def _in_lede(blocks: Sequence[Block], pos: int) -> bool:
    """In the headline or the first paragraph of text."""
    text_seen = 0
    for block in blocks:
        inside = block.start <= pos < block.end
        if block.role == "title":
            if inside:
                return True
            continue
        text_seen += 1
        if inside:
            return text_seen == 1
        if text_seen >= 1:
            return False
    return False
