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

from ...records import SPEECH_KINDS, Block, Claim, Quote, Span
from ..numbers.quantities import find_quantities
from . import lexicon

#: Quote kinds an outlet's "quote" means: the words inside quotation marks, not reported speech.
QUOTED_KINDS = SPEECH_KINDS
#: Words a quote must have for a longer passage a notice quotes to name it (a two-word fragment
#: such as "phony system" recurs inside other quotes).
MIN_QUOTED_WORDS = 4
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
    was = lexicon.WAS.search(text) or lexicon.TO_FROM.search(text)
    now = lexicon.NOW.search(text) or lexicon.TO_FROM.search(text)
    right, wrong = _clean(now.group("now")) if now else None, _clean(was.group("was")) if was else None
    if right and (split := _NOT_THAT.search(right)):  # "is Ulmschneider, not Ulmshneider"
        right, wrong = _clean(right[:split.start()]), wrong or _clean(split.group("was"))
    reason = lexicon.REASON.search(text)
    return Target(_target_text(text, para), kind, paragraph, wrong, right,
                  _clean(reason.group("reason")) if reason else None)


_NOT_THAT = re.compile(r",?\s+(?:not|rather\s+than|instead\s+of)\s+(?P<was>[^,;]+)")


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


_NAME = re.compile(r"\b[A-Z][\w’'-]*\.?(?:\s+(?:[A-Z][\w’'-]*\.?|de|la|van|von|al-\w+))*")


def _names(text: str) -> list[str]:
    """Capitalised names in the notice, in order, without sentence openers or titles alone."""
    out = []
    for match in _NAME.finditer(text):
        words = [w for w in match.group().replace("’s", "").replace("'s", "").split()
                 if w.casefold().strip(".") not in _NOT_NAMES]
        if words and not (len(words) == 1 and words[0].endswith(".")):
            out.append(" ".join(words))
    return out


def _quote_context(q: Quote) -> str:
    mention = q.speaker_mention.text if q.speaker_mention else ""
    return f"{q.speaker or ''} {mention} {q.text}"


def link_records(target: Target, notice: str, paras: list[Block], title: Block | None,
                 quotes: Sequence[Quote], claims: Sequence[Claim], body: str = "") -> tuple[list[str], str | None]:
    """The ids of the records the notice points at, or no ids and why."""
    places: list[Block | None] = [None]
    if target.paragraph is not None:
        if target.paragraph > len(paras):
            return [], f"the article has no paragraph {target.paragraph}"
        places = _named_paragraph(paras, target.paragraph)
    elif target.kind == "headline":
        places = [title]
    for rank, place in enumerate(places):
        # Outlets count a subhead or a dateline as a paragraph, or not: a neighbour of the named
        # paragraph is taken only on evidence (words quoted, a name, a value the notice states).
        in_place = [q for q in quotes if place is None or _inside(q.spans[0], place)]
        claims_here = [c for c in claims if place is None or _inside(c.span, place)]
        ids = _by_kind(target, notice, place is not None and rank == 0, in_place, claims_here, body)
        if ids:
            return ids, None
    place = places[0]
    if place is None and target.kind is None:
        return [], NO_TARGET
    if target.kind == "figure" and target.was and not target.now:
        return [], ONLY_WRONG
    return [], NOTHING_THERE if place is not None else NO_TARGET


def _named_paragraph(paras: list[Block], number: int) -> list[Block | None]:
    """The paragraph a notice names, then the one before and after it (counts differ by one when an
    outlet counts its subhead or dateline and the text given to tracker does not, or the reverse)."""
    order = [number, number - 1, number + 1]
    return [paras[n - 1] for n in order if 1 <= n <= len(paras)]


def _by_kind(target: Target, notice: str, placed: bool, quotes: Sequence[Quote],
             claims: Sequence[Claim], body: str) -> list[str]:
    quoted = [q for q in quotes if q.kind in QUOTED_KINDS]
    if target.kind == "quote":
        return _quotes_named(notice, quoted, placed)
    if target.kind == "figure":
        return _claims_stated(target, notice, claims, placed, body)
    if target.kind == "name":
        return _named(target, notice, quotes, claims, placed, body)
    if placed:  # a place but no kind: what the paragraph quotes and counts
        return [q.id for q in quoted] + [c.id for c in claims]
    return []


def _fragments(notice: str) -> list[str]:
    """Words the notice quotes, lower-cased and without outer punctuation."""
    return [" ".join(f.split()).casefold().strip(" ,.;:!?") for f in lexicon.QUOTED.findall(notice)]


def _holds(quote: Quote, fragments: list[str]) -> bool:
    text = " ".join(quote.text.split()).casefold().strip(" ,.;:!?")
    return any(f and (f in text or (len(text.split()) >= MIN_QUOTED_WORDS and text in f)) for f in fragments)


def _quotes_named(notice: str, quoted: Sequence[Quote], placed: bool) -> list[str]:
    """The quotes holding words the notice quotes; else quotes of a person it names; in a named
    paragraph, all of its quotes when it names none."""
    fragments = _fragments(notice)
    holding = [q.id for q in quoted if _holds(q, fragments)]
    if holding:
        return holding
    names = {n.split()[-1].casefold().strip(".") for n in _names(lexicon.QUOTED.sub(" ", notice))}
    named = [q for q in quoted if names and any(n in _quote_context(q).casefold() for n in names)]
    if named:
        return [q.id for q in named]
    return [q.id for q in quoted] if placed else []


def _claims_stated(target: Target, notice: str, claims: Sequence[Claim], placed: bool, body: str) -> list[str]:
    """Figures with the right value stated; else, in a named paragraph, its figures."""
    right = _numbers(target.now) or _stated_numbers(notice, target)
    hits = [c for c in claims if right and (c.value in right or c.low in right)]
    if len(hits) > 1:  # one value, several figures: those counting what the notice names
        hits = [c for c in hits if _counted_named(c, notice, body)] or hits
    if hits:
        return [c.id for c in hits]
    return [c.id for c in claims] if placed else []


#: Words after a figure read for what it counts ("two of the 12 jurors"), and the letters of a
#: word compared (so "juror" meets "jurors").
COUNTED_WORDS = 2
STEM = 5
AFTER_CHARS = 60
#: How far before a figure a person's name may stand for the figure to be theirs (an age, a count).
NAME_BEFORE_CHARS = 30


def _counted_named(claim: Claim, notice: str, body: str) -> bool:
    """The notice names what the figure counts: a word just after it, or its measure."""
    after = re.findall(r"[A-Za-z]{4,}", body[claim.span[1]:claim.span[1] + AFTER_CHARS])[:COUNTED_WORDS]
    words = {w.casefold()[:STEM] for w in re.findall(r"[A-Za-z]{4,}", notice)}
    return any(w.casefold()[:STEM] in words for w in [*after, *([claim.measure] if claim.measure else [])])


def _stated_numbers(notice: str, target: Target) -> set[float]:
    """Figures the notice states other than the wrong one, its paragraph number and dating phrases."""
    wrong = _numbers(target.was)
    text = lexicon.PARAGRAPH.sub(" ", notice)
    return {q.value for q in find_quantities(text)
            if q.value not in wrong and not lexicon.DATING.match(text[q.end:])
            and q.kind not in ("year", "date", "ordinal")}


def _named(target: Target, notice: str, quotes: Sequence[Quote], claims: Sequence[Claim], placed: bool,
           body: str) -> list[str]:
    """Records that hold the right name (quotes by or about the person, figures in sentences naming them)."""
    wrong = set(_names(target.was or ""))
    stated = _names(target.now or "") or [n for n in _names(notice) if n not in wrong]
    # "the name of X's instructor, Y": the name stated last is the one corrected
    keys = {stated[-1].split()[-1].casefold().strip(".")} if stated else set()
    if not keys:
        return [q.id for q in quotes if q.kind in QUOTED_KINDS] if placed else []
    hits = [q.id for q in quotes if any(k in _quote_context(q).casefold() for k in keys)]
    # a figure is the person's when the name stands just before it ("Trequila Clark, 31")
    hits += [c.id for c in claims if any(k in body[max(0, c.span[0] - NAME_BEFORE_CHARS):c.span[0]].casefold()
                                         for k in keys)]
    return hits
