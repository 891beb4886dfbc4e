"""Find correction, clarification, update and amendment notices in an article's blocks.

A notice is a whole block that opens with a notice label or is a wire-style parenthesised
note, or a run of sentences from a notice sentence to the end of its block (outlets append
"This story has been updated to …" to the last paragraph). What is a notice is left out of
quote and claim extraction: "misstated the toll as 5" is not a report of 5 deaths. A labelled
update that carries news ("UPDATE: Police arrested a 17-year-old") is a notice too, but its
news stays in extraction: only what speaks about the article itself is cut out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Block, Span
from ...text import first_sentence_end, split_sentences
from . import lexicon

#: A notice is a few sentences; a longer block opening with "Update:" is a live blog's new
#: section, not a note about the article's own change.
MAX_NOTICE_WORDS = 120
#: An "UPDATE:" label over news rather than over a note about the article (kind ``update``).
NEWS_UPDATE = "news-update"


@dataclass(frozen=True)
class Notice:
    """A notice as found: its span in the body, its kind and the block it stands in."""

    span: Span
    kind: str
    block: int
    about_article: bool = True  # speaks of the article's change, not news: left out of extraction


def _label_kind(text: str) -> str | None:
    """A block opening with a label: a notice when it corrects something, or is a plain update."""
    found = lexicon.LABEL.match(text)
    if found is None:
        return None
    label = found.group("label").casefold()
    rest = text[found.end():]
    if lexicon.TIMESTAMP.match(rest):
        return None  # "Updated: Oct. 22, 2016 @ 6:59 PM", a bare "UPDATE:": a time stamp, no notice
    if label.startswith(("editor", "note")) and not lexicon.CORRECTING.search(rest):
        return None  # an introductory editor's note corrects nothing
    if label.startswith("update"):
        return kind_of(rest) if lexicon.CORRECTING.search(rest) else NEWS_UPDATE
    return kind_of(label + " " + rest)


def _notice(span: Span, kind: str, index: int, text: str) -> Notice:
    if kind == NEWS_UPDATE:
        return Notice(span, "update", index, about_article=bool(lexicon.TRIGGER.search(text)))
    return Notice(span, kind, index)


def kind_of(text: str) -> str:
    for kind, pattern in lexicon.KINDS:
        if pattern.search(text):
            return kind
    return "update"


def _block_notice(body: str, index: int, block: Block) -> Notice | None:
    text = body[block.start:block.end]
    if len(text.split()) > MAX_NOTICE_WORDS:
        return None
    kind = _label_kind(text)
    if kind is None and lexicon.WIRE.match(text):
        kind = kind_of(text)
    if kind is None:
        return None
    return _notice((block.start, block.end), kind, index, text)


def _sentence_notice(body: str, index: int, block: Block) -> Notice | None:
    """From the first notice sentence of the block to its end, when that is short enough: a
    sentence with a notice's wording, or a labelled or wire-style note appended to the paragraph."""
    for start, _ in split_sentences(body, [block]):
        rest = body[start:block.end]
        kind = _label_kind(rest) or (kind_of(rest) if lexicon.WIRE.match(rest) else None)
        if kind is None and lexicon.TRIGGER.search(body[start:_sentence_end(body, start, block.end)]):
            kind = kind_of(rest)
        if kind is not None:
            return _notice((start, block.end), kind, index, rest) if len(rest.split()) <= MAX_NOTICE_WORDS else None
    return None


def _sentence_end(body: str, start: int, end: int) -> int:
    return first_sentence_end(body, start, end)


def find_notices(body: str, blocks: tuple[Block, ...]) -> list[Notice]:
    """Every notice in the article's text blocks, in body order."""
    out: list[Notice] = []
    for index, block in enumerate(blocks):
        found = _block_notice(body, index, block) or _sentence_notice(body, index, block)
        if block.role != "text" and found is not None and found.span[0] != block.start:
            found = None  # a notice set above the headline is taken for a title by layout; a headline is not one
        if found is not None:
            out.append(found)
    return out


def without_notices(body: str, blocks: tuple[Block, ...], notices: list[Notice]) -> tuple[Block, ...]:
    """The blocks with each notice cut out (a block that was all notice goes)."""
    cut = {n.block: n.span[0] for n in notices if n.about_article}
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index not in cut:
            out.append(block)
        elif cut[index] > block.start:
            end = cut[index]
            while end > block.start and body[end - 1].isspace():
                end -= 1
            out.append(Block(block.start, end, block.role))
    return tuple(b for b in out if b.end > b.start)
