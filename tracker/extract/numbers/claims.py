"""Numeric claims: one per number mention in a sentence, with what is counted.

``find_claims`` turns the quantities of each sentence into :class:`FoundClaim` records: the unit
as written (currency code, ``%``, the counted noun phrase or measurement unit) and a ``measure``
normalised for comparison across outlets (lemmatised head noun; killing and injury words folded
to ``killed`` and ``injured``; parliamentary blocs and members to ``seat``). Years become claims
only when they date the event the sentence reports (see :mod:`numbers_lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...lexicon import DEMONSTRATIVES, DETERMINERS, wordset
from ...records import FoundClaim, Quantity, Span
from ...text import normalize_space
from .lexicon import (
    GROUP_NOUNS,
    INJURE_WORDS,
    KILL_WORDS,
    LEGISLATURE_WORDS,
    NOUN_STOP,
    SEAT_HOLDERS,
    SYNONYMS,
    event_class,
    lemma,
)
from .quantities import find_quantities
from .scope import count_scope

__all__ = ["find_claims"]

_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]|\.(?=[A-Za-z]\.))*\.?|-|\S")
_MAX_PHRASE = 4
_WINDOW = 24  # words looked at on each side of a number
_AFTER_CHARS = 120  # characters after a number (and before a year) read for its noun phrase or event
_BEFORE_CHARS = 80  # characters before a count read for what it counts
_OF_REACH_CHARS = 80  # "60% of its revenue": characters after a percentage read for "of" and its noun
_OF_REACH_WORDS = 8  # and the words of that phrase at most
_PLURAL_VALUE = 2.0  # a percentage's noun is read as a plural count's ("of its voters")
_SHORT_WORD = 3  # letters of a head noun at least ("gas" … is; "us", "it" are not)
_HARM_AFTER = 9  # words after a count read for "killed"/"injured"
_HARM_WORDS = 7  # of which alphabetic words before the harm verb at most
_HARM_BEFORE = 4  # words before a count read for "killing", "death toll"
_TOLL_REACH = 3  # "the death toll rose to 5": "toll" within three words before the count
_FURNITURE_REACH = 4  # words before a year read for "Posted:", "Updated"
_YEAR_PREP_REACH = 2  # "in 2009", "in late 2017": the preposition within two words before a year
_EVENT_BEFORE = 8  # words before a year read for its event ("released in 2009")
_EVENT_AFTER = 6  # words after it


def find_claims(body: str, sentences: Sequence[Span], limit: int | None = None) -> list[FoundClaim]:
    """Claims for every number mention in each sentence (spans into ``body``); with ``limit``,
    the scan stops once it has more than that many (the caller refuses the article then)."""
    out: list[FoundClaim] = []
    previous_text = ""
    for s, e in sentences:
        if limit is not None and len(out) > limit:
            break
        text = body[s:e]
        quantities = find_quantities(text)
        before, previous_text = previous_text, text
        if not quantities:
            continue
        sentence = normalize_space(text)
        others = [q for q in quantities if q.kind not in ("year", "date", "ordinal")]
        previous: FoundClaim | None = None
        for q in quantities:
            claim = _claim(text, q, others, sentence, (s, e))
            if claim is None:
                continue
            bare = claim.unit is None and claim.measure is None
            if claim.kind == "count" and bare and previous is not None:
                # an elided noun: "68,400 people ... and 95,800 who ...", "460 cars, against 63"
                claim = replace(claim, unit=previous.unit, measure=previous.measure)
            if claim.kind == "count" and claim.unit is not None:
                previous = claim
            out.append(_with_counts(claim, text, s, before))
    return out


def _with_counts(claim: FoundClaim, text: str, start: int, previous: str) -> FoundClaim:
    """The claim with what it counts (predicate, owner, scope) read at its exact place; years
    and dates count nothing."""
    if claim.kind in ("year", "date"):
        return claim
    counts = count_scope(text, claim.surface, claim.value, claim.kind, claim.measure, claim.unit,
                         at=claim.span[0] - start, previous=previous)
    return replace(claim, counts=counts)


def _claim(
    text: str, q: Quantity, others: Sequence[Quantity], sentence: str, span: Span
) -> FoundClaim | None:
    if q.kind == "ordinal" or (q.kind == "date" and q.unit == "day"):
        return None
    if q.kind in ("year", "date"):
        event = _year_event(text, q, others)
        if event is None:
            return None
        return _make(q, span, sentence, None, event, "year")
    low = q.surface.lower()
    if low == "one" and _MEMBER_OR_IDIOM.match(text, q.end) and not _HARM_TEXT.search(text):
        return None  # "one of the most ...", "one of his offices": a member; "one way to tell": an idiom
    if q.unit == "ratio" and low.startswith("one of") and _HARM_TEXT.search(text):
        # "One of two girls ... died"
        q = replace(q, end=q.start + len("one"), surface=q.surface[: len("one")], value=1.0, unit=None)
    unit, measure = _unit_and_measure(text, q)
    if q.kind == "count" and unit is None and _RANK_BEFORE.search(text, 0, q.start):
        return None  # "slipped towards the bottom three": a place in a ranking, not a count
    return _make(q, span, sentence, unit, measure, q.kind)


_RANK_BEFORE = re.compile(r"\b(?:top|bottom)\s+$", re.IGNORECASE)


#: A sentence about deaths or injuries: there "one of the victims" is the toll, not a membership.
_HARM_TEXT = re.compile(
    r"\b(?:" + "|".join(sorted(KILL_WORDS | INJURE_WORDS | {"killing", "slaying"})) + r")\b", re.IGNORECASE
)
_MEMBER_OR_IDIOM = re.compile(r"\s+(?:of|way|thing)\b", re.IGNORECASE)


def _make(
    q: Quantity, span: Span, sentence: str, unit: str | None, measure: str | None, kind: str
) -> FoundClaim:
    s0 = span[0]
    return FoundClaim(
        value=q.value, unit=unit, measure=measure, approximate=q.approximate, surface=q.surface,
        span=(s0 + q.start, s0 + q.end), sentence=sentence, sentence_span=span, kind=kind, bound=q.bound,
        high=q.high,
    )


# ----------------------------------------------------------------------------- units and measures

def _unit_and_measure(text: str, q: Quantity) -> tuple[str | None, str | None]:
    if q.kind == "currency":
        return q.unit, q.unit
    if q.kind == "percent":
        return q.unit, _percent_measure(text, q)
    if q.kind == "age":
        return q.unit, "age"
    if q.kind == "measure":
        return _written_unit(q.surface) or q.unit, q.unit
    if q.unit == "fold":
        return "fold", "fold"  # a multiplier: "grew sixfold"
    return _counted(text, q)


def _written_unit(surface: str) -> str | None:
    """The unit as written after the last digit ("15 to 22 miles per hour" -> "miles per hour")."""
    k = len(surface)
    while k > 0 and not surface[k - 1].isdigit():
        k -= 1
    written = " ".join(surface[k:].replace("-", " ").split())
    return written or None


def _percent_measure(text: str, q: Quantity) -> str:
    """Percentages compare only when they are of the same thing: "% revenue" for "60% of its
    revenue"; the bare unit when the sentence does not say of what."""
    after = _tokens(text[q.end : q.end + _OF_REACH_CHARS], _OF_REACH_WORDS)
    if len(after) > 1 and after[0].lower() == "of":
        phrase, _ = _noun_phrase(after, _PLURAL_VALUE)
        if phrase:
            return f"{q.unit or '%'} {lemma(phrase[-1])}"
    return q.unit or "%"


def _tokens(text: str, limit: int = 1_000_000) -> list[str]:
    """Words (abbreviations such as "U.S." kept whole, a sentence's full stop dropped) and marks;
    at most ``limit`` of them, so windows around each number cost a bounded amount."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        if len(out) >= limit:
            break
        w = m.group()
        if len(w) > 1 and w.endswith(".") and w.count(".") == 1:
            w = w[:-1]
        out.append(w)
    return out


_LEGISLATURE = re.compile(r"\b(?:" + "|".join(sorted(LEGISLATURE_WORDS)) + r")\b", re.IGNORECASE)


def _in_legislature(text: str) -> bool:
    """The sentence is about a legislature (one regex pass, cached per sentence text)."""
    return _LEGISLATURE.search(text) is not None


def _counted(text: str, q: Quantity) -> tuple[str | None, str | None]:
    """The noun phrase after a count ("5,200 U.S. troops in Iraq" -> "U.S. troops", "troop")."""
    after = _tokens(text[q.end : q.end + _AFTER_CHARS], _WINDOW)
    before = _tokens(text[max(0, q.start - _BEFORE_CHARS) : q.start])[-_WINDOW:]
    phrase, end = _noun_phrase(after, q.value)
    killed = _harm(before, after[end:], phrase)
    if phrase and phrase[0].lower() == "member" and len(phrase) > 1 and phrase[-1].lower() in GROUP_NOUNS:
        legislature = _in_legislature(text)
        return " ".join(phrase), ("seat" if legislature else lemma(phrase[-1]))
    unit = " ".join(phrase) if phrase else None
    if killed is not None:
        return unit, killed
    if not phrase:
        return None, None
    head = lemma(phrase[-1])
    if head in SEAT_HOLDERS and _in_legislature(text):
        return unit, "seat"
    return unit, SYNONYMS.get(head, head)


def _noun_phrase(after: Sequence[str], value: float) -> tuple[list[str], int]:
    """Words after the number up to the head noun (and where they end): skips "-" and modifiers,
    stops at function words."""
    words: list[str] = []
    k = 0
    while k < len(after) and after[k] in ("-", "‑") and not words:
        k += 1
    plural = value != 1
    if 0 < value < 1 and k < len(after) and after[k].lower() in _DETERMINERS:
        k += 1  # "half the condos"
        plural = True
    elif not words and k + 1 < len(after) and after[k].lower() == "of":
        k = _partitive(after, k + 1)  # "one of the most spectacular catches", "a third of the population"
        plural = True
    while k < len(after) and len(words) < _MAX_PHRASE:
        w = after[k]
        low = w.lower() if w.count(".") > 1 else w.lower().rstrip(".")
        if w == "-" and words:
            k += 1
            continue
        if low in _MODIFIERS and not words:
            k += 1
            continue
        if not w[0].isalpha() or low in NOUN_STOP or (words and (low in KILL_WORDS or low in INJURE_WORDS)):
            break
        words.append(w)
        k += 1
        if _plural_head(low) and plural:
            break
    return words, k


_MODIFIERS = wordset("more other additional new extra further most least")
_DETERMINERS = DETERMINERS | DEMONSTRATIVES


def _partitive(after: Sequence[str], k: int) -> int:
    """Index of the noun phrase after "of": skips a determiner or a possessive ("Airbnb's")."""
    if k < len(after) and (after[k].lower() in _DETERMINERS or after[k].endswith(("'s", "’s"))):
        k += 1
    return k


_IRREGULAR = wordset(
    "people men women children personnel staff police troops "
    "cattle fish sheep deer aircraft crew militia media data"
)


def _plural_head(low: str) -> bool:
    if "." in low:
        return False  # "U.S.", "a.m.": abbreviations, not heads
    if low in _IRREGULAR or low in KILL_WORDS or low in INJURE_WORDS:
        return True
    if low.endswith("ss") or low.endswith("us") or len(low) < _SHORT_WORD:
        return False
    return low.endswith("s") and not low.endswith("'s")


#: Words allowed between a count and its harm word ("were shot and killed", "of whom later died").
_HARM_GAP = wordset(
    "were was have has been had are is people being later reportedly also all others persons shot and "
    "found to of whom them those these both each fatally pronounced subsequently eventually who then"
)


def _harm(before: Sequence[str], after: Sequence[str], phrase: Sequence[str]) -> str | None:
    """ "killed" / "injured" when the count is of people killed or hurt (``after``: the words
    following the noun phrase)."""
    lows = [w.lower() for w in phrase]
    for w in lows:
        if w in KILL_WORDS:
            return "killed"
        if w in INJURE_WORDS:
            return "injured"
    rest = [w.lower() for w in after[:_HARM_AFTER] if w[0].isalpha()]
    for w in rest[:_HARM_WORDS]:
        if w in KILL_WORDS:
            return "killed"
        if w in INJURE_WORDS:
            return "injured"
        if w not in _HARM_GAP and not (w.endswith(("ed", "en")) and "and" in rest):
            break  # a coordinated participle may come first: "were kidnapped and then murdered"
    prev = [w.lower() for w in before if w[0].isalpha()][-_HARM_BEFORE:]
    prev = [w for w in prev if w not in ("some", "about", "around", "nearly", "at", "least", "than", "more",
                                          "estimated", "an", "the", "roughly", "approximately", "of", "to",
                                          "almost", "over", "up")]
    if prev and prev[-1] in KILL_WORDS | {"killing", "toll", "kills", "claimed", "lives"}:
        return "killed"
    if "toll" in prev[-_TOLL_REACH:] and any(w in KILL_WORDS for w in prev):
        return "killed"  # "the death toll rose to 5"
    if prev and prev[-1] in INJURE_WORDS | {"injuring", "wounding"}:
        return "injured"
    return None


# ----------------------------------------------------------------------------- event years

_FURNITURE = wordset("posted updated published created modified edited copyright filed")
_CLOCK = re.compile(r"[\s,]{0,3}\d{1,2}[:.]\d\d")
_BACKGROUND_BEFORE = 45
_BACKGROUND_AFTER = 25
_PART_OF_YEAR = frozenset({"late", "early", "mid", "mid-"})
_YEAR_PREP = frozenset({"in", "on", "during", "since", "until", "from", "by", "of", "between"})


def _near_any(others: Sequence[Quantity], q: Quantity) -> bool:
    """Another quantity just before or after the year, in the same phrase (``others`` in text order)."""
    k = _bisect(others, q)
    for o in others[max(0, k - 2) : k + 2]:
        if 0 <= q.start - o.end < _BACKGROUND_BEFORE or 0 <= o.start - q.end < _BACKGROUND_AFTER:
            return True
    return False


def _bisect(others: Sequence[Quantity], q: Quantity) -> int:
    lo, hi = 0, len(others)
    while lo < hi:
        mid = (lo + hi) // 2
        if others[mid].start < q.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _year_event(text: str, q: Quantity, others: Sequence[Quantity]) -> str | None:
    """The event class a year dates ("released in 2009" -> "release"), or None for background."""
    if _near_any(others, q):
        return None  # the year is background to a nearby quantity ("$800 million in 2019")
    before = _tokens(text[max(0, q.start - _AFTER_CHARS) : q.start])[-_WINDOW:]
    after = _tokens(text[q.end : q.end + _AFTER_CHARS], _WINDOW)
    if any(w.lower() in _FURNITURE for w in before[-_FURNITURE_REACH:]) or _CLOCK.match(text, q.end):
        return None  # page furniture: "Posted: Jan. 7, 2015 12:45 PM", "CREATED Jun 12, 2015"
    if before and before[-1][0].isupper() and before[-1].lower() not in _YEAR_PREP and q.kind == "year":
        return None  # part of a name: "Euro 2020", "Act 1974"
    if after and after[0][0].isalpha() and after[0][0].isupper() and q.kind == "year":
        return None  # "2024 GMC Hummer"
    if before and before[-1].lower() in _PART_OF_YEAR:
        before = before[:-1]  # "in late 2017", "by early 2019"
    if after and after[0][0].isalpha() and after[0].islower() and q.kind == "year" and (
        not before or before[-1].lower() not in _YEAR_PREP
    ):
        return None  # attributive: "2018 sales"
    prep = [w.lower() for w in before[-_YEAR_PREP_REACH:]]
    if not any(w in _YEAR_PREP for w in prep) and q.kind == "year":
        return None
    window = [w.lower() for w in before[-_EVENT_BEFORE:]] + [w.lower() for w in after[:_EVENT_AFTER]]
    for w in reversed(window[: len(before[-_EVENT_BEFORE:])]):
        c = event_class(w)
        if c is not None:
            return c
    for w in window[len(before[-_EVENT_BEFORE:]) :]:
        c = event_class(w)
        if c is not None:
            return c
    return None
