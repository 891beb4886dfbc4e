"""Read what a notice says it changes, and link it to the records it points at.

The stated target narrows the records in steps: the paragraph it names (counted over the
article's text paragraphs, notices left out, as an outlet counts them), the kind of record
(a quote, a figure, a name), then the values it states (the right figure, a person's name).
When the notice names neither a place nor anything a record holds, it links nothing and says
why: a guess would point a fact-checker at the wrong words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...match.normalize import entities
from ...records import Block, Claim, Quote, Span
from ..numbers.quantities import find_quantities
from . import lexicon

#: Quote kinds an outlet's "quote" means: the words inside quotation marks, not reported speech.
QUOTED_KINDS = ("direct", "partial", "headline")
NO_TARGET = "the notice names no paragraph, quote, figure or name to link"
NOTHING_THERE = "no record of the stated kind stands where the notice points"
ONLY_WRONG = "the notice states only the wrong value, which is no longer in the article"
#: Words that open sentences or notices and are not names ("An earlier version", "Correction").
_NOT_NAMES = frozenset({"an", "the", "a", "this", "correction", "clarification", "update", "updated", "editor",
                        "editor's", "note", "it", "he", "she", "they", "we", "in", "amends", "corrects"})


@dataclass(frozen=True)
class Target:
    """What a notice says it changes, as far as its words state it."""

    text: str | None
    kind: str | None  # quote, figure, name, headline
    paragraph: int | None
    was: str | None
    now: str | None
    reason: str | None


def read_target(text: str) -> Target:
    para = lexicon.PARAGRAPH.search(text)
    paragraph = _paragraph_number(para) if para else None
    rest = lexicon.PARAGRAPH.sub(" ", text)
    kind = next((k for k, pattern in lexicon.TARGET_KINDS if pattern.search(rest)), None)
    if kind is None and lexicon.HEADLINE.search(text):
        kind = "headline"
    was = lexicon.WAS.search(text)
    now = lexicon.NOW.search(text)
    reason = lexicon.REASON.search(text)
    return Target(_target_text(text, para), kind, paragraph, _clean(was.group("was")) if was else None,
                  _clean(now.group("now")) if now else None, _clean(reason.group("reason")) if reason else None)


def _paragraph_number(match: re.Match[str]) -> int | None:
    if match.group("lede"):
        return 1
    if match.group("num"):
        return int(match.group("num"))
    word = match.group("ord").casefold()
    if word in lexicon.ORDINALS:
        return lexicon.ORDINALS.index(word) + 1
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


_TARGET_PHRASE = re.compile(
    r"\b(?:amends|corrects|clarifies|updates|misstated|misidentified|misspelled|misquoted|misattributed"
    r"|incorrectly\s+\w+|erroneously\s+\w+|mistakenly\s+\w+|wrongly\s+\w+|changes|fixes|removes|adds|restores)\s+"
    r"(?P<what>[^.;()]{2,120}?)(?=\s+(?:as|to\s+reflect|to\s+include|because|due\s+to|from|after)\b|[.;()]|$)",
    re.IGNORECASE)


def _target_text(text: str, para: re.Match[str] | None) -> str | None:
    found = _TARGET_PHRASE.search(text)
    if found:
        return _clean(found.group("what"))
    return _clean(para.group(0)) if para else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).strip(" ,.;:()")
    return value or None


def paragraphs(blocks: Sequence[Block], notice_spans: Sequence[Span]) -> tuple[list[Block], Block | None]:
    """The article's text paragraphs as an outlet numbers them (notices left out), and its headline."""
    title = next((b for b in blocks if b.role == "title"), None)
    text = [b for b in blocks if b.role == "text" and not any(s <= b.start and b.end <= e for s, e in notice_spans)]
    return text, title


def _inside(span: Span, block: Block) -> bool:
    return block.start <= span[0] < block.end


def _numbers(text: str | None) -> set[float]:
    return {q.value for q in find_quantities(text)} if text else set()


def _names(text: str) -> set[str]:
    return {n for n in entities(text) if n.casefold() not in _NOT_NAMES}


def _quote_context(q: Quote) -> str:
    mention = q.speaker_mention.text if q.speaker_mention else ""
    return f"{q.speaker or ''} {mention} {q.text}"


def link_records(target: Target, notice: str, paras: list[Block], title: Block | None,
                 quotes: Sequence[Quote], claims: Sequence[Claim]) -> tuple[list[str], str | None]:
    """The ids of the records the notice points at, or no ids and why."""
    place: Block | None = None
    if target.paragraph is not None:
        if target.paragraph > len(paras):
            return [], f"the article has no paragraph {target.paragraph}"
        place = paras[target.paragraph - 1]
    elif target.kind == "headline":
        place = title
    in_place = [q for q in quotes if place is None or _inside(q.spans[0], place)]
    claims_here = [c for c in claims if place is None or _inside(c.span, place)]
    ids = _by_kind(target, notice, place is not None, in_place, claims_here)
    if ids:
        return ids, None
    if place is None and target.kind is None:
        return [], NO_TARGET
    if target.kind == "figure" and target.was and not target.now:
        return [], ONLY_WRONG
    return [], NOTHING_THERE if place is not None else NO_TARGET


def _by_kind(target: Target, notice: str, placed: bool, quotes: Sequence[Quote],
             claims: Sequence[Claim]) -> list[str]:
    quoted = [q for q in quotes if q.kind in QUOTED_KINDS]
    if target.kind == "quote":
        return _quotes_named(notice, quoted, placed)
    if target.kind == "figure":
        return _claims_stated(target, notice, claims, placed)
    if target.kind == "name":
        return _named(target, notice, quotes, claims, placed)
    if placed:  # a place but no kind: what the paragraph quotes and counts
        return [q.id for q in quoted] + [c.id for c in claims]
    return []


def _quotes_named(notice: str, quoted: Sequence[Quote], placed: bool) -> list[str]:
    """Quotes of a person the notice names; in a named paragraph, all of its quotes when it names none."""
    names = {n.split()[-1].casefold() for n in _names(notice)}
    named = [q for q in quoted if names and any(n in _quote_context(q).casefold() for n in names)]
    if named:
        return [q.id for q in named]
    return [q.id for q in quoted] if placed else []


def _claims_stated(target: Target, notice: str, claims: Sequence[Claim], placed: bool) -> list[str]:
    """Figures with the right value stated; else, in a named paragraph, its figures."""
    right = _numbers(target.now)
    if right:
        hits = [c for c in claims if c.value in right or c.low in right]
        if hits:
            return [c.id for c in hits]
    if placed:
        return [c.id for c in claims]
    measures = [c for c in claims if c.measure and re.search(rf"\b{re.escape(c.measure)}", notice, re.IGNORECASE)]
    return [c.id for c in measures] if right else []


def _named(target: Target, notice: str, quotes: Sequence[Quote], claims: Sequence[Claim], placed: bool) -> list[str]:
    """Records that hold the right name (quotes by or about the person, figures in sentences naming them)."""
    stated = _names(target.now or "") or (_names(notice) - _names(target.was or ""))
    keys = {n.split()[-1].casefold() for n in stated}
    if not keys:
        return [q.id for q in quotes if q.kind in QUOTED_KINDS] if placed else []
    hits = [q.id for q in quotes if any(k in _quote_context(q).casefold() for k in keys)]
    hits += [c.id for c in claims if any(k in c.sentence.casefold() for k in keys)]
    return hits
