"""Pairing quotation marks inside content blocks.

Marks are classified by their surroundings (an opening mark follows a space or bracket and is
followed by a word; a closing mark is the reverse), then paired left to right with one open slot:
double quotes do not nest in news text, so a second opening mark means the first was stray. The
scan is a single linear pass per block, so thousands of unmatched marks cost linear time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...records import Block, Span

OPEN, CLOSE, EITHER = 1, 2, 3

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"

_BEFORE_OPEN = set(" \t\n([{—–-/:;,")


@dataclass(frozen=True)
class Segment:
    """Text between a pair of marks (``start``/``end`` inside the marks), in body offsets.

    ``open_mark``/``close_mark`` are the mark positions; ``close_mark`` is ``None`` when the
    segment is a paragraph of a multi-paragraph quote that runs to the end of its block.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    block: int


def _side(text: str, i: int, lo: int, hi: int) -> int:
    """Whether the mark at ``i`` looks like an opening or closing mark from its neighbours."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    before_ok = prev.isspace() or prev in _BEFORE_OPEN or prev in DOUBLE_OPEN + SINGLE_OPEN
    after_ok = not nxt.isspace()
    if before_ok and after_ok and not (prev.isspace() and nxt in ".,;:!?"):
        return OPEN
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return CLOSE
    return EITHER


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(position, side) of every double quotation mark in ``text[lo:hi]``."""
    out: list[tuple[int, int]] = []
    skip = -1
    for i in range(lo, hi):
        if i == skip:
            continue
        ch = text[i]
        if ch in "'’" and i + 1 < hi and text[i + 1] == ch:
            # two apostrophes used as a double quotation mark (''typewriter style'')
            skip = i + 1
            side = _side2(text, i, lo, hi)
            if ch == "’" and side == OPEN:
                continue
            if side == EITHER:
                side = OPEN if i == lo or text[i - 1].isspace() else CLOSE
            out.append((i + 1, OPEN) if side == OPEN else (i, CLOSE))
        elif ch in DOUBLE_OPEN:
            side = _side(text, i, lo, hi)
            out.append((i, CLOSE if side == CLOSE and ch != "„" and _looks_closing(text, i, lo) else OPEN))
        elif ch in DOUBLE_CLOSE:
            side = _side(text, i, lo, hi)
            out.append((i, OPEN if side == OPEN and _looks_opening(text, i, lo) else CLOSE))
        elif ch == DOUBLE_STRAIGHT:
            out.append((i, _side(text, i, lo, hi)))
    return out


def _side2(text: str, i: int, lo: int, hi: int) -> int:
    """The side of a two-character mark starting at ``i``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 2] if i + 2 < hi else " "
    if (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace():
        return OPEN
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return CLOSE
    return EITHER


def _looks_closing(text: str, i: int, lo: int) -> bool:
    """A curly opening mark used as a closing one: glued to a word or punctuation on its left."""
    return i > lo and (text[i - 1].isalnum() or text[i - 1] in ".,!?…")


def _looks_opening(text: str, i: int, lo: int) -> bool:
    """A curly closing mark used as an opening one: after a space and before a letter."""
    return (i == lo or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalnum()


def _pair(
    marks: Sequence[tuple[int, int]], body: str | None = None
) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks left to right; returns closed pairs and the position of a still-open mark.

    With ``body``, a quotation of one style (straight or curly) may hold one nested quotation of
    the other style: its marks are skipped rather than taken as the outer quote's end.
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    nested: str | None = None
    last_close: dict[str, int] = {}
    if body is not None:
        for p, side in marks:
            if side != OPEN:
                last_close[_style(body[p])] = p
    for pos, side in marks:
        if open_at is None:
            if side in (OPEN, EITHER):
                open_at = pos
            continue
        if body is not None:
            style = _style(body[pos])
            if nested is not None:
                if style == nested and side != OPEN:
                    nested = None  # the inner quotation closed
                continue
            if style != _style(body[open_at]) and side in (OPEN, EITHER) and last_close.get(style, -1) > pos:
                nested = style
                continue
        if side == OPEN:
            open_at = pos  # the earlier opening mark was stray
        else:
            pairs.append((open_at, pos))
            open_at = None
    return pairs, open_at


def _style(ch: str) -> str:
    return "straight" if ch in "\"'" else "curly"


def _first_mark_opens(text: str, block: Block) -> bool:
    i = block.start
    while i < block.end and text[i].isspace():
        i += 1
    if i + 1 < block.end and text[i] == "'" == text[i + 1]:
        return True
    return i < block.end and text[i] in DOUBLE_OPEN + DOUBLE_STRAIGHT + DOUBLE_CLOSE


def pair_double(body: str, blocks: Sequence[Block]) -> list[list[Segment]]:
    """Groups of segments: one group per quotation, several for multi-paragraph quotes.

    A paragraph that opens a quote and never closes it continues the quote when the next
    paragraph starts with an opening mark (the news convention); otherwise the mark is stray.
    """
    groups: list[list[Segment]] = []
    carry: list[Segment] = []
    for index, block in enumerate(blocks):
        if block.role == "title":
            carry = []
            continue
        marks = _double_marks(body, block.start, block.end)
        if carry and not (marks and marks[0][0] - _first_non_space(body, block) in (0, 1)):
            carry = []
        pairs, open_at = _pair(marks, body)
        for n, (a, b) in enumerate(pairs):
            seg = Segment(a + 1, b, a, b, index)
            if n == 0 and carry:
                groups.append([*carry, seg])
                carry = []
            else:
                groups.append([seg])
        if open_at is None:
            carry = []
            continue
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        seg = Segment(open_at + 1, _trim_end(body, block), open_at, None, index)
        same_style = nxt is not None and _style(body[_first_non_space(body, nxt)]) == _style(body[open_at])
        if nxt is not None and nxt.role != "title" and _first_mark_opens(body, nxt) and same_style:
            carry = [*carry, seg] if carry and not pairs else [seg]
        else:
            if carry and not pairs:
                groups.append(carry)  # a multi-paragraph quote whose last mark is missing
            carry = []
            # the unclosed mark was stray: quotations nested after it still stand on their own
            inner, _ = _pair([m for m in marks if m[0] > open_at], body)
            groups.extend([Segment(a + 1, b, a, b, index)] for a, b in inner)
    groups.sort(key=lambda g: g[0].open_mark)
    return [g for g in groups if any(s.end > s.start for s in g)]


def _first_non_space(body: str, block: Block) -> int:
    i = block.start
    while i < block.end and body[i].isspace():
        i += 1
    return i


def _trim_end(body: str, block: Block) -> int:
    end = block.end
    while end > block.start and body[end - 1].isspace():
        end -= 1
    return end


def pair_headline(body: str, block: Block) -> list[Span]:
    """Quoted parts of a headline: double quotes and single quotes (not apostrophes)."""
    lo, hi = block.start, block.end
    spans: list[Span] = []
    pairs, _ = _pair(_double_marks(body, lo, hi))
    spans.extend((a + 1, b) for a, b in pairs)
    singles: list[tuple[int, int]] = []
    for i in range(lo, hi):
        ch = body[i]
        if ch not in SINGLE_OPEN + SINGLE_CLOSE + SINGLE_STRAIGHT:
            continue
        prev = body[i - 1] if i > lo else " "
        nxt = body[i + 1] if i + 1 < hi else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word: don't, Shi’ite
        if (prev.isspace() or prev in '([—–-:"“') and not nxt.isspace():
            singles.append((i, OPEN))
        elif not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            if prev in "sS" and nxt.isspace() and not any(s == OPEN for _, s in singles[-1:]):
                continue  # a plural possessive: the Iraqis’ vote
            singles.append((i, CLOSE))
    single_pairs, _ = _pair(singles)
    for a, b in single_pairs:
        if not any(s <= a < e for s, e in spans):
            spans.append((a + 1, b))
    return sorted(s for s in spans if s[1] > s[0])
