"""What a figure counts, read from its sentence: the predicate, whose it is, and its scope.

Two reports disagree only when they give the same quantity of the same event. Most false alarms
come from figures that share a unit word but not a quantity: the dead with and without the gunman,
a part beside the whole ("two men and two women were wounded"), one of several counts in a
sentence ("two victims to Stroger, one to Northwestern"), a count whose verb says something else
("two men approached" vs "four men were shot"), or a number misread as a count (an age list, "60
or 70", "a fifth person"). :func:`count_scope` reads these from the claim's sentence so that
matching can keep such figures apart, and says why in words a reviewer can check.

Extraction passes the number's exact place in its sentence and the claim file keeps the result
(``counts``), where a reviewer can correct it. For claim files written before that field, matching
reads the stored sentence and locates the number by its surface; a surface that occurs twice in
one sentence cannot be placed, and is marked so.
"""

from __future__ import annotations

import re

from ...records import SCOPES, CountScope, one_of
from .lexicon import INJURE_WORDS, KILL_WORDS

__all__ = ["PREDICATE_MEASURES", "TIME_UNITS", "CountScope", "count_scope"]

#: Measures that are a predicate already (the claim extractor folds harm words into them).
PREDICATE_MEASURES = frozenset({"killed", "injured", "wounded", "shot", "arrested", "dead", "victims", "missing"})
#: Measures that are spans of time: "four weeks after", "known the family for 10 years". Such a
#: figure is a duration of something the sentence alone rarely pins down, so it never conflicts.
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "time"})

#: How far after the counted phrase the verb that says what happened to it may stand (characters).
PREDICATE_REACH = 60
#: How far before the number an owner, an "ages" or a subset word may stand (characters).
BEFORE_REACH = 40

_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several"
_WORD_NUMBER = rf"(?:\d[\d,.]*|{_NUMBER_WORDS}|a|an|another)"
_PREDICATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("killed", re.compile(r"\b(?:" + "|".join(sorted(KILL_WORDS | {"killing", "shot dead", "slaying"}))
                          + r")\b", re.IGNORECASE)),
    ("injured", re.compile(r"\b(?:" + "|".join(sorted(INJURE_WORDS | {"wounding", "injuring"})) + r")\b",
                           re.IGNORECASE)),
    ("shot", re.compile(r"\b(?:shot|struck by (?:gunfire|bullets?)|hit by gunfire)\b", re.IGNORECASE)),
    ("arrested", re.compile(r"\b(?:arrested|in custody|detained|taken into custody|apprehended)\b", re.IGNORECASE)),
    ("charged", re.compile(r"\b(?:charged|indicted|counts?\s+of|charges?\s+of)\b", re.IGNORECASE)),
    ("convicted", re.compile(r"\b(?:pleaded|pled|convicted|sentenced|found guilty)\b", re.IGNORECASE)),
    ("hospitalized", re.compile(r"\b(?:taken to|transported to|rushed to|hospitali[sz]ed)\b", re.IGNORECASE)),
    ("in_condition", re.compile(r"\b(?:critical|serious|stable|grave|fair)\s+condition\b", re.IGNORECASE)),
    ("sought", re.compile(r"\b(?:sought|wanted|at large|on the run|looking for|searching for|search for)\b",
                          re.IGNORECASE)),
)
#: Harm words whose object is the count ("the shootings of four members", "the deaths of 3",
#: "opened fire, striking seven people").
_HARM_OBJECT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("shot", re.compile(r"\bshootings?\s+of(?:\s+the)?", re.IGNORECASE)),
    ("shot", re.compile(r"\b(?:striking|struck|hitting)", re.IGNORECASE)),  # "opened fire, striking seven people"
    ("killed", re.compile(r"\b(?:deaths?|killings?|murders?|slayings?)\s+of(?:\s+the)?", re.IGNORECASE)),
)
#: The same verbs just before the number ("killing four people", "have arrested one person"),
#: past the hedges a count may carry.
_PREDICATES_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?:{pattern.pattern})(?:\s+with)?\s+(?:at least |about |some |nearly |more than |an? )?$",
                      re.IGNORECASE))
    for name, pattern in (*_PREDICATES, *_HARM_OBJECT) if name not in ("hospitalized", "in_condition"))
#: Words between a count and the verb that do not end the clause ("were later pronounced dead").
_CLAUSE_END = re.compile(rf"[;:]|\b(?:but|while|when|before|said|{_NUMBER_WORDS})\b|\d", re.IGNORECASE)

# -- scope: a part, a subset or a figure that adds to another, never the total other reports give
_COORDINATED_AFTER = re.compile(
    rf"^(?P<between>[\s\w'’-]{{0,25}}?)\s(?:and|plus|as well as)\s+{_WORD_NUMBER}\b"
    r"(?!\s*(?:%|percent|years?|months?))", re.IGNORECASE)
_COORDINATED_BEFORE = re.compile(
    rf"\b{_WORD_NUMBER}\s+(?P<between>[\w'’-]+(?:\s+[\w'’-]+)?)\s*(?:,|and|plus)\s*$", re.IGNORECASE)
#: A number after a plural noun and "of" counts inside another noun phrase ("the identities of
#: three victims", "the families of two"), not the event's total, unless that noun is the harm
#: itself ("the deaths of 3"); a singular noun leaves the count whole ("control of 15 seats").
_OF_BEFORE = re.compile(r"\b([A-Za-z]+s)\s+of\s+(?:the\s+|these\s+|those\s+)?$", re.IGNORECASE)
_HARM_NOUNS = frozenset("deaths death killing killings murder murders shooting shootings slaying slayings "
                        "total toll wounding injuries lives".split())
#: "at 5", "at 10 streaming": a clock time or a channel, not a count.
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
#: "three of the victims", "two of them": a part (the number directly before "of"; "six members
#: of the gang" counts members, whole).
_PART_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the|those|them|these|his|her|their|its|whom|which)\b|(?:[\w'’-]+\s+){0,2}?(?:remaining|"
    r"surviving)\b)", re.IGNORECASE)
#: "three other victims", "two more": an addition to another figure, unless that figure counts
#: something else ("one person dead and two others injured": the two are all the injured).
_ADDED_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:other|others|more|additional|further)\b", re.IGNORECASE)
#: Heads whose coordination lists different things, not parts of one ("one count of murder and
#: three counts of attempted murder").
_QUALIFIED_HEADS = frozenset({"count", "counts", "charge", "charges"})
_SUBSET_BEFORE = re.compile(
    r"\b(?:including|included|includes|among\s+them|among\s+the|of\s+whom|of\s+which|one\s+of|two\s+of|"
    r"with|besides|along\s+with|plus|another|other|surviving|remaining)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE)
_INCLUDES = re.compile(r"^[^;]{0,120}?,?\s*\b(including|not including|excluding|in addition to|besides)\s+"
                       r"([^,.;]{1,40})", re.IGNORECASE)
_OWNER = re.compile(r"\b(his|her|their|its|[A-Z][\w-]+['’]s)\s+(?:own\s+)?$")

# -- numbers that are not the count of what follows them
_AGES_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:\d{1,3}\s*(?:,|and|&|to)\s*)*$", re.IGNORECASE)
_EITHER_OR = re.compile(rf"^\s*(?:or|to|-|–)\s*{_WORD_NUMBER}\b", re.IGNORECASE)
_EITHER_OR_BEFORE = re.compile(rf"\b{_WORD_NUMBER}\s*(?:or|to|-|–)\s*$", re.IGNORECASE)
_ORDINAL_WORDS = frozenset("half third quarter fourth fifth sixth seventh eighth ninth tenth".split())
_RELATIVE_TIME = re.compile(r"^\s*[\w-]*\s*(?:after|before|since|later|earlier|ago|prior)\b", re.IGNORECASE)


def count_scope(sentence: str, surface: str, value: float, kind: str, measure: str | None,
                unit: str | None, at: int | None = None, previous: str = "") -> CountScope:
    """The scope of the figure ``surface`` at ``at`` in ``sentence`` (see :class:`CountScope`);
    without ``at``, the figure is located by its surface. ``previous`` is the sentence before,
    where "two other men were shot" finds the dead it is other than."""
    if at is None:
        found = _placed(sentence, surface)
        if found is None:
            return CountScope(None, None, "unplaced", None, None)
        at = found
    before = sentence[max(0, at - BEFORE_REACH):at]
    after = sentence[at + len(surface):]
    phrase_end = _phrase_end(after, unit)
    rest = after[phrase_end:]
    qualified = unit is not None and bool(unit.split()) and unit.split()[-1].casefold() in _QUALIFIED_HEADS
    predicate = "charged" if qualified else _predicate(measure, rest, before)
    return CountScope(
        predicate=predicate,
        owner=_owner(before),
        scope=one_of(_scope(f"{previous} {sentence[:at]}", after, predicate, qualified), SCOPES) if kind == "count"
        else "total",
        includes=_includes(rest),
        misread=_misread(surface, value, kind, measure, unit, before, after),
    )


def _placed(sentence: str, surface: str) -> int | None:
    """Where a surface stands in its sentence: its one exact place, else its one place ignoring
    case ("about 12" in "About 12 workers"); None when absent or ambiguous."""
    for flags in (0, re.IGNORECASE):
        found = [m.start() for m in re.finditer(re.escape(surface), sentence, flags)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _phrase_end(after: str, unit: str | None) -> int:
    """Where the counted noun phrase ends in ``after`` (just past the unit as written)."""
    if unit:
        at = after.find(unit)
        if 0 <= at <= len(unit) + BEFORE_REACH:
            return at + len(unit)
    return 0


def _predicate(measure: str | None, rest: str, before: str) -> str | None:
    """What happened to the counted thing: the first harm, arrest or charge verb of its clause
    (which ends at the next number: "8 men shot, 2 dead"), or the verb whose object it is
    ("killing four people"), else the measure when the extractor folded a predicate into it."""
    clause = rest[:PREDICATE_REACH]
    stop = _CLAUSE_END.search(clause)
    if stop:
        clause = clause[:stop.start()]
    found = [(m.start(), name) for name, pattern in _PREDICATES for m in [pattern.search(clause)] if m]
    if found:
        return min(found)[1]
    for name, pattern in _PREDICATES_BEFORE:
        if pattern.search(before):
            return name
    if measure in PREDICATE_MEASURES:
        return "injured" if measure == "wounded" else ("killed" if measure == "dead" else measure)
    return None


def _owner(before: str) -> str | None:
    match = _OWNER.search(before)
    return match.group(1).casefold() if match else None


def _scope(sentence_before: str, after: str, predicate: str | None, qualified: bool) -> str:
    """``part`` for a part, subset or addition of another figure, else ``total``."""
    before = sentence_before[-BEFORE_REACH:]
    if _PART_AFTER.match(after):
        return "part"
    if qualified:
        return "total"  # "charged with one count of murder and three counts of attempted murder"
    if _SUBSET_BEFORE.search(before):
        return "part"
    if _ADDED_AFTER.match(after) and not _other_predicate_before(sentence_before, predicate):
        return "part"
    of = _OF_BEFORE.search(before)
    if of and of.group(1).casefold() not in _HARM_NOUNS:
        return "part"
    for pattern, text in ((_COORDINATED_AFTER, after), (_COORDINATED_BEFORE, before)):
        match = pattern.search(text)
        if match and not _names_predicate(match.group("between")):
            return "part"  # "four women and a man", "two men and two women": parts of one toll
    return "total"


def _other_predicate_before(text: str, predicate: str | None) -> bool:
    """The sentence counted something else first ("one person dead and two others wounded")."""
    return predicate is not None and any(name != predicate and pattern.search(text) for name, pattern in _PREDICATES)


def _names_predicate(words: str) -> bool:
    """Words that say what happened ("two dead and 19 injured"): a list of different counts,
    not the parts of one."""
    return any(pattern.search(words) for _, pattern in _PREDICATES)


def _includes(rest: str) -> str | None:
    match = _INCLUDES.match(rest)
    return f"{match.group(1).casefold()} {match.group(2).strip()}" if match else None


def _misread(surface: str, value: float, kind: str, measure: str | None, unit: str | None, before: str,
             after: str) -> str | None:
    if kind == "count" and _AT_BEFORE.search(before):
        return "a clock time or a channel ('at 5'), not a count"
    if kind == "count" and _AGES_BEFORE.search(before):
        return "an age in a list of ages, not a count"
    if kind == "count" and (_EITHER_OR.match(after) or _EITHER_OR_BEFORE.search(before)):
        return "one end of an either/or or a range"
    if kind == "count" and (surface.casefold().split() or [""])[-1] in _ORDINAL_WORDS:
        return "an ordinal or a fraction ('a fifth person'), not a count"
    if kind == "count" and not float(value).is_integer():
        return "a fraction read as a count"
    if measure in TIME_UNITS:
        return "a span of time" + (" relative to another event" if _RELATIVE_TIME.match(after) else "")
    return None
