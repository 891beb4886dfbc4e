"""Pieces of the HTML view computed in Python, rendered by the template as plain data.

Nothing here builds markup: word diffs are lists of ``(op, text)`` tokens, timelines are
coordinates, highlighted article text is a list of segments. The template escapes every text.
Anchors are the only ids built from article data, and they are sanitised (``anchor``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .display import number

_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")
KEEP_EQUAL = 6  # words kept on each side when a long unchanged run is elided in a diff
TIMELINE_WIDTH = 420
TIMELINE_HEIGHT = 50
_PAD = 14
_AXIS = 22
PALETTE = 8  # CSS classes s0 … s7 colour the sources of one timeline
#: Date labels are 11px text: a digit or letter is at most this wide, so a width estimate from
#: the character count never underestimates (which is what would let two labels touch).
TICK_CHAR_WIDTH = 6.6
TICK_GAP = 6  # least space between two labels in one row
TICK_ROW = 13  # each further row of labels, below the first


def _part(text: str) -> str:
    """``[A-Za-z0-9_-]`` only, never ``--``; changed text gets a hash suffix so ids stay unique."""
    cleaned = _UNSAFE.sub("-", text).strip("-")[:80].strip("-") or "x"
    if cleaned != text:
        cleaned = f"{cleaned}-{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return cleaned


def anchor(article_id: str, kind: str | None = None, item_id: str | None = None) -> str:
    """``article-<id>`` or ``article-<id>--<kind>-<item>``: safe in an id and in a ``#`` href."""
    base = f"article-{_part(article_id)}"
    return base if kind is None or item_id is None else f"{base}--{kind}-{_part(item_id)}"


def parse_date(text: Any) -> dt.date | None:
    if not isinstance(text, str):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def format_value(value: Any, kind: str | None = None) -> str:
    """A figure as every format shows it (``display.number``: at most two decimals)."""
    return number(value, kind)


def word_diff(base: str, variant: str) -> list[tuple[str, str]]:
    """Word-level diff of ``variant`` against ``base``: tokens ``equal``/``insert``/``delete``/``skip``.

    Long unchanged runs keep ``KEEP_EQUAL`` words at each end around a ``skip`` token.
    """
    a, b = base.split(), variant.split()
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if all(op == "equal" for op, *_ in opcodes):
        return [("equal", " ".join(b))] if b else []
    tokens: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            run = a[i1:i2]
            if len(run) > 2 * KEEP_EQUAL + 2:
                tokens += [("equal", " ".join(run[:KEEP_EQUAL])), ("skip", f"{len(run) - 2 * KEEP_EQUAL} words"),
                           ("equal", " ".join(run[-KEEP_EQUAL:]))]
            else:
                tokens.append(("equal", " ".join(run)))
            continue
        if op in ("delete", "replace"):
            tokens.append(("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            tokens.append(("insert", " ".join(b[j1:j2])))
    return tokens


_HEDGE = re.compile(
    r"(?:\b(?:an? )?(?:estimated|about|around|roughly|approximately|some|nearly|almost|close to|more than|"
    r"at least|up to|over|under|fewer than|less than|upwards of|as many as|as few as))\s+\Z", re.IGNORECASE)


def split_on(sentence: str, surface: str) -> tuple[str, str, str, str]:
    """The sentence around the first occurrence of ``surface``: (before, hedge, surface, after).

    ``hedge`` is the hedging phrase right before the number as written ("an estimated ", "some "),
    so a reader sees why a figure counts as approximate.
    """
    at = sentence.find(surface) if surface else -1
    if at < 0:
        return sentence, "", "", ""
    before = sentence[:at]
    hedge = _HEDGE.search(before)
    cut = hedge.start() if hedge else at
    return before[:cut], before[cut:], surface, sentence[at + len(surface):]


class Row(dict[str, Any]):
    """A dict the template reads as ``row.key``: found at once, not after a failed ``getattr``
    (a large report renders about a third faster). A missing key is still an error."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Mark:
    """Where an item sits in an article body."""

    anchor: str
    kind: str  # "q" (quote) or "c" (claim)
    spans: tuple[tuple[int, int], ...]
    flag: str = ""  # extra CSS class: "conflict" for claims in a conflicting group


Segment = tuple[str, str, Sequence[str]]  # text, CSS classes ("" = plain), anchors starting here


def segments(body: str, marks: Sequence[Mark]) -> tuple[list[Segment], list[Mark]]:
    """The body cut where highlights start or end; marks whose spans do not fit come back apart."""
    placed: list[Mark] = []
    lost: list[Mark] = []
    for m in marks:
        ok = bool(m.spans) and all(0 <= s <= e <= len(body) for s, e in m.spans)
        (placed if ok else lost).append(m)
    cuts = {0, len(body)}
    starts: dict[int, list[str]] = {}
    seen: set[str] = set()
    for m in placed:
        for s, e in m.spans:
            cuts.update((s, e))
        if m.anchor not in seen:
            seen.add(m.anchor)
            starts.setdefault(m.spans[0][0], []).append(m.anchor)
    points = sorted(cuts)
    # Which marks cover each elementary piece: sweep over span starts and ends.
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for m in placed:
        cls = f"{m.kind} {m.flag}".strip()
        for s, e in m.spans:
            if e > s:
                opening.setdefault(s, []).append(cls)
                closing.setdefault(e, []).append(cls)
    active: dict[str, int] = {}
    names: dict[frozenset[str], str] = {}
    classes = ""
    out: list[Segment] = []
    for lo, hi in itertools.pairwise(points):
        ends, begins = closing.get(lo), opening.get(lo)
        if ends or begins:
            for cls in ends or ():
                active[cls] -= 1
            for cls in begins or ():
                active[cls] = active.get(cls, 0) + 1
            on = frozenset(cls for cls, n in active.items() if n > 0)
            if on not in names:
                names[on] = " ".join(sorted({part for cls in on for part in cls.split()}))
            classes = names[on]
        out.append((body[lo:hi], classes, starts.get(lo, ())))
    if len(body) in starts:  # an empty span at the very end still gets its anchor
        out.append(("", "", starts[len(body)]))
    return out, lost


def timeline(points: Sequence[tuple[str | None, str, str]]) -> dict[str, Any]:
    """An SVG timeline: ``points`` are (published, source, label); x is the date, one colour per source.

    Undated points sit apart at the right end; several on one date are stacked.
    """
    sources = list(dict.fromkeys(source for _, source, _ in points))
    colour = {source: f"s{i % PALETTE}" for i, source in enumerate(sources)}
    dated = [(parse_date(p), s, label) for p, s, label in points]
    days = [d for d, _, _ in dated if d is not None]
    undated = any(d is None for d, _, _ in dated)
    right = TIMELINE_WIDTH - _PAD - (56 if undated else 0)
    lo = min(days) if days else None
    hi = max(days) if days else None
    span = (hi - lo).days if lo is not None and hi is not None else 0

    def x_of(day: dt.date | None) -> float:
        if day is None:
            return float(TIMELINE_WIDTH - _PAD - 10)
        if lo is None or span == 0:
            return float((_PAD + right) / 2)
        return int((_PAD + (day - lo).days / span * (right - _PAD)) * 10 + 0.5) / 10

    stack: dict[float, int] = {}
    marks = []
    for day, source, label in dated:
        x = x_of(day)
        k = stack.get(x, 0)
        stack[x] = k + 1
        marks.append(Row({"x": x, "y": max(5, _AXIS - 7 * k), "cls": colour[source], "label": label,
                          "undated": day is None}))
    ticks = [(x_of(day), day.isoformat(), "start" if day == lo and span else "end" if day == hi and span
              else "middle") for day in sorted(set(days))]
    if undated:
        ticks.append((x_of(None), "undated", "middle"))
    ticks = [(x, text, _inside(x, text, where)) for x, text, where in ticks]
    rows = _tick_rows(ticks)
    height = TIMELINE_HEIGHT + TICK_ROW * max(rows.values(), default=0)
    return Row({"width": TIMELINE_WIDTH, "height": height, "axis": _AXIS, "left": _PAD,
                "right": right if days else _PAD, "marks": marks,
                "ticks": [Row({"x": x, "text": text, "anchor": where, "y": TIMELINE_HEIGHT - 6 + TICK_ROW * rows[i]})
                          for i, (x, text, where) in enumerate(ticks)],
                "legend": [Row({"source": s, "cls": colour[s]}) for s in sources]})


def _inside(x: float, text: str, where: str) -> str:
    """The label's anchor, turned so that the label stays inside the drawing."""
    half = len(text) * TICK_CHAR_WIDTH / 2
    if where == "middle" and x - half < 0:
        return "start"
    if where == "middle" and x + half > TIMELINE_WIDTH:
        return "end"
    return where


def _tick_rows(ticks: list[tuple[float, str, str]]) -> dict[int, int]:
    """A row for each date label, so that no two labels in a row overlap: each goes into the
    first row whose last label ends (plus a gap) before it begins. Every date keeps its label."""
    ends: list[float] = []  # right edge of the last label in each row
    out: dict[int, int] = {}
    for i, (x, text, where) in enumerate(ticks):
        width = len(text) * TICK_CHAR_WIDTH
        left = x if where == "start" else x - width if where == "end" else x - width / 2
        row = next((r for r, end in enumerate(ends) if end + TICK_GAP <= left), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = left + width
        out[i] = row
    return out


#: Characters of an article title shown where it stands in for a missing outlet.
TITLE_PREVIEW = 60


def source_names(report: Any) -> dict[str, str]:
    """What to call each article's source: its outlet, else its title, else its file name (an
    article id is an internal key, not something a reader recognises)."""
    names: dict[str, str] = {}
    for article in report["articles"]:
        title = " ".join(str(article.get("title") or "").split())
        if len(title) > TITLE_PREVIEW:
            title = title[:TITLE_PREVIEW - 1].rstrip() + "…"
        path = str(article.get("path") or "")
        names[str(article.get("id"))] = str(article.get("outlet") or title or PurePath(path).name or article.get("id"))
    return names
