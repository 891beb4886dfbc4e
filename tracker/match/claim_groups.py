"""Claim groups: the same numeric claim reported by different articles.

Claims are blocked by what they count (``measure``) and kind, then paired only through an
inverted index of the words and names around the number, so a 100,000-article archive never
compares all pairs. Two claims join when
- their sentences, with the number masked, share enough context;
- their articles share specific names (people, places, organisations that few articles of
  the corpus mention), which keeps two shootings with the same toll in one city apart;
- their values are of the same order (a figure reported twice is not off by a factor of three);
- articles far apart in time share even more, since a new event often repeats an old figure.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..extract.numbers.lexicon import INJURE_WORDS, KILL_WORDS, lemma
from ..extract.numbers.scope import PREDICATE_MEASURES, CountScope, count_scope
from ..lexicon import MONTH_NAMES, MONTH_NUMBERS, WEEKDAY_ORDER
from .normalize import cosine, entities, overlap, specific_names
from .story_versions import version_pairs
from .union import DisjointSets

MAX_POSTINGS = 400  # context words shared by more claims than this are not evidence
SENTENCE_MIN = 0.12  # least context overlap of the two sentences (number masked)
SMALL_COUNT = 13  # counts below this are an incident's toll, common by chance
SAME_VALUE_BONUS = 0.1
ARTICLE_MIN = 0.15  # least overlap of the articles' specific names
LINK_SCORE = 0.3
FAR_APART_DAYS = 45  # beyond this, articles must share many more names
FAR_ARTICLE_MIN = 0.4
EVENT_MEASURES = PREDICATE_MEASURES
# Counts of people in an incident (measures are singular lemmas): reports of one incident
# come within weeks of each other.
PERSON_MEASURES = EVENT_MEASURES | frozenset(
    """
    victim person people other man woman child boy girl teen teenager suspect officer student resident
    passenger driver adult juvenile male female family
    """.split()
)
INCIDENT_WINDOW_DAYS = 30
#: Days two stated event days of one group may differ by: "late Saturday" and "early Sunday"
#: are one night; a week apart are two events.
EVENT_DAY_TOLERANCE = 1
#: Days two articles' event days may differ by. An article's one stated day may be a development's
#: (suspects identified on Thursday after a Sunday shooting), so only about a week apart (two
#: parties in one city on successive Saturdays) tells two events.
ARTICLE_DAY_TOLERANCE = 5
INCIDENT_COUNT = 200  # person counts below this describe one incident (a crowd, a toll); larger ones are tallies

_STOP = frozenset(
    """
    a an the of to in on at for by with from and or but as is are was were be been being has have had
    that this these those it its their his her he she they them we our you your i not no than then there
    which who whom what when where while also into over after before about said says say more less most
    some around nearly almost up down out all any each other such only just now new would could will can
    may might should must do does did per cent percent year years month months day days week weeks
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@dataclass(frozen=True)
class ClaimItem:
    article: str
    claim_id: str
    value: float
    unit: str | None
    measure: str | None
    kind: str
    approximate: bool
    bound: str | None
    high: float | None
    surface: str
    sentence: str
    published: str | None
    outlet: str | None
    url: str | None = None  # versions of one story share it
    counts: CountScope | None = None  # as the claim file states it (None: read from the sentence)


@dataclass(frozen=True)
class ClaimGroup:
    id: str
    measure: str | None
    unit: str | None
    items: tuple[ClaimItem, ...]


def _stem(word: str) -> str:
    word = word.casefold().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def context_words(item: ClaimItem) -> set[str]:
    """Content words of the sentence with the number itself masked out."""
    sentence = item.sentence.replace(item.surface, " ")
    return {_stem(w) for w in _WORD.findall(sentence) if w.casefold() not in _STOP and len(w) > 2}


_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][\w'’-]+)+"
_NAME_BEFORE = re.compile(rf"({_NAME}),\s*(?:aged?\s+)?$")
_NAME_AFTER = re.compile(rf"^[\s-]*(?:years?|yrs?)?[\s-]*old\s+({_NAME})")
_NAME_JUST_AFTER = re.compile(rf"^\s+({_NAME})")  # the surface holds "year old" already


def age_owner(item: ClaimItem) -> str | None:
    """The full name an age is written against ("Dwayne Curtis, 27", "27-year-old Robert Sanders")."""
    at = item.sentence.find(item.surface)
    if at < 0:
        return None
    # "Antuan Greer, 25 year old Nicholas Lindsay": an age written before a name binds to that name
    rest = item.sentence[at + len(item.surface):at + len(item.surface) + 80]
    after = (_NAME_JUST_AFTER if item.surface.endswith("old") else _NAME_AFTER).match(rest)
    if after:
        return after.group(1).casefold()
    before = _NAME_BEFORE.search(item.sentence[max(0, at - 80):at])
    return before.group(1).casefold() if before else None


def published_day(text: str | None) -> dt.date | None:
    """The calendar day of an ISO date or date-time (None when absent or not a date)."""
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _same_order(a: ClaimItem, b: ClaimItem) -> bool:
    """Values that could be reports of one figure: years close together, counts within a factor."""
    if a.kind in ("year", "date") or b.kind in ("year", "date"):
        return a.kind == b.kind and abs(a.value - b.value) <= 3
    lo, hi = sorted((abs(a.value), abs(b.value)))
    if hi <= 12:
        return True
    return lo > 0 and hi / lo <= 2.0


def group_claims(items: Sequence[ClaimItem], article_names: Mapping[str, frozenset[str]] | None = None,
                 same: Sequence[tuple[str, str]] = (),
                 different: Sequence[tuple[str, str]] = ()) -> list[ClaimGroup]:
    """Groups spanning two or more articles, each with the claims that report one figure.

    ``article_names`` maps each article to the names it mentions (see ``normalize.entities``);
    ``same``/``different`` are reviewer decisions as pairs of "article/claim_id" refs.
    """
    names = specific_names(article_names or {})
    template = boilerplate(items) | {i for i, item in enumerate(items)
                                     if recalls_earlier_event(item) or is_appeal(item)
                                     or (item.counts is None and is_partitive(item))}
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in comparable_keys(items).items():
        if i not in template:
            blocks[key].append(i)
    sets = DisjointSets(len(items))
    blocked = {frozenset(p) for p in different}

    def ref(i: int) -> str:
        return f"{items[i].article}/{items[i].claim_id}"

    def allowed(i: int, j: int) -> bool:
        return not blocked or frozenset((ref(i), ref(j))) not in blocked  # reviewers split few pairs

    told = article_days(items)
    for members in blocks.values():
        if len(members) > 1:
            _link_block(items, members, sets, allowed, names, told)
    compared = {i for members in blocks.values() for i in members}
    for i, j in version_pairs(items):
        # an edited figure is the same count later; an unedited one joins only if comparable at all
        if allowed(i, j) and (items[i].value != items[j].value or {i, j} <= compared):
            sets.union(i, j)
    index_of = {ref(i): i for i in range(len(items))}
    for a, b in same:
        if a in index_of and b in index_of:
            sets.union(index_of[a], index_of[b])
    groups = []
    for group in sets.groups():
        if len({items[i].article for i in group}) < 2:
            continue
        ordered = sorted(group, key=lambda i: (items[i].published is None, items[i].published or "",
                                               items[i].article, items[i].claim_id))
        first = items[ordered[0]]
        groups.append(ClaimGroup(f"cg-{first.article}-{first.claim_id}", first.measure, first.unit,
                                 tuple(items[i] for i in ordered)))
    groups.sort(key=lambda g: (g.items[0].published is None, g.items[0].published or "", g.id))
    return groups


_MONTHS = {name[:3]: number for name, number in MONTH_NUMBERS.items() if name in MONTH_NAMES}  # "jan": 1
_MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b(?!,?\s*\d{4})")
RECALL_DAYS = 3  # a dated event this much older than the article is background, not the news


_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|them|these|his|her|their|its|whom|which|us|you)\b", re.IGNORECASE)


_ADDITIVE = re.compile(r"\s+(?:other|others|more|additional|further)\b", re.IGNORECASE)
_SUBSET_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


def is_partitive(item: ClaimItem) -> bool:
    """A part of a larger figure ("three of those killed", "one of the two victims", "three other
    victims", "including three children"): not the total other reports give, so never compared."""
    at = item.sentence.find(item.surface)
    if at < 0:
        return False
    end = at + len(item.surface)
    return bool(_PARTITIVE.match(item.sentence, end) or _ADDITIVE.match(item.sentence, end)
                or _SUBSET_BEFORE.search(item.sentence[max(0, at - 30):at]))


#: An appeal for tips: the reward and the phone line of a police or Crime Stoppers notice, worded
#: alike in every case a local outlet covers, so never evidence about one event.
_APPEAL = re.compile(r"\b(?:anyone with information|crime\s?stoppers|tip ?line|reward)\b", re.IGNORECASE)


def is_appeal(item: ClaimItem) -> bool:
    return _APPEAL.search(item.sentence) is not None


def recalls_earlier_event(item: ClaimItem) -> bool:
    """A figure about an earlier, recent event ("On Nov. 9, gunfire erupted ... 100 people") in
    a later article: background to that article's own news, so it groups with neither."""
    published = published_day(item.published)
    return published is not None and any((published - when).days > RECALL_DAYS
                                         for when in _month_days(item.sentence, published))


def _month_days(sentence: str, published: dt.date) -> Iterator[dt.date]:
    """The dates a sentence names by month and day ("Nov. 9"), in the year up to publication."""
    for match in _MONTH_DAY.finditer(sentence):
        month = _MONTHS[match.group(1)[:3].lower()]
        year = published.year if month <= published.month else published.year - 1
        with contextlib.suppress(ValueError):
            yield dt.date(year, month, int(match.group(2)))


def boilerplate(items: Sequence[ClaimItem]) -> set[int]:
    """Claims in an outlet's template text: a sentence the same outlet printed word for word in
    articles far apart in time ("Stay with 7 Action News", tip-line numbers, station blurbs)."""
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.outlet:
            seen[(item.outlet, " ".join(item.sentence.casefold().split()))].append(i)
    out: set[int] = set()
    for members in seen.values():
        dates = [d for d in (published_day(items[i].published) for i in members) if d]
        if len(dates) > 1 and (max(dates) - min(dates)).days > FAR_APART_DAYS:
            out.update(members)
    return out


def scope_of(item: ClaimItem) -> CountScope:
    """What the claim counts: as its claim file states it (extracted at the number's exact place, or
    corrected by a reviewer), else read again from its sentence."""
    if item.counts is not None:
        return item.counts
    return count_scope(item.sentence, item.surface, item.value, item.kind, item.measure, item.unit)


def comparable_keys(items: Sequence[ClaimItem]) -> dict[int, tuple[str, ...]]:
    """The block key of every claim that can be compared with other reports at all: what it
    counts (kind, measure), what happened to it, whose it is and what it includes.

    Left out, so never grouped: a part, a misread number, a count of people the sentence says
    nothing about ("two men approached"), and a figure beside another of the same key in its own
    sentence ("two victims to Stroger, one to Northwestern"), which is one of several parts.
    """
    keys: dict[int, tuple[str, ...]] = {}
    scopes = [scope_of(item) if item.measure else None for item in items]
    for i, item in enumerate(items):
        scope = scopes[i]
        if scope is None or item.measure is None or not scope.comparable:
            continue
        when = earlier_year(item)
        if item.kind == "age":
            person = age_owner(item)
            if person is not None:
                keys[i] = ("age", person, when)
            continue
        if item.kind == "count" and item.measure in PERSON_MEASURES and scope.predicate is None:
            continue
        events = "several events" if _AGGREGATE.search(item.sentence) else ""
        keys[i] = (item.kind, item.measure, _head_class(item), scope.predicate or "", scope.owner or "",
                   "includes" if scope.includes else "", when, events)
    per_sentence: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.measure and item.kind != "age":  # each age has its named owner in the key already
            per_sentence[(item.article, item.sentence, item.kind, item.measure)].append(i)
    for members in per_sentence.values():
        for i in _several_values(items, scopes, members):
            keys.pop(i, None)
    return keys


def _several_values(items: Sequence[ClaimItem], scopes: Sequence[CountScope | None],
                    members: list[int]) -> set[int]:
    """Claims of one sentence and measure that give different values for one predicate: parts of
    a breakdown. A claim whose predicate is unknown sits with every predicate; different known
    predicates ("six members pleaded guilty ... four members shot") are different counts."""
    by_predicate: dict[str | None, list[int]] = defaultdict(list)
    for i in members:
        scope = scopes[i]
        by_predicate[scope.predicate if scope else None].append(i)
    unknown = by_predicate.pop(None, [])
    out: set[int] = set()
    for known in by_predicate.values() or [[]]:
        together = known + unknown
        if len({items[i].value for i in together}) > 1:
            out.update(together)
    return out


#: A figure summed over several events ("a pair of shootings left four wounded"): it compares only
#: with other sums, never with one event's count.
_AGGREGATE = re.compile(r"\b(?:two|three|four|several|multiple|separate|pair of|series of|string of|spate of)\s+"
                        r"(?:separate\s+|different\s+)?(?:shootings|incidents|attacks|crashes|stabbings)\b",
                        re.IGNORECASE)
#: Heads that name no particular kind of person: a count of them may be any of the people involved.
_GENERIC_HEADS = frozenset("people persons person individuals victims victim others other patrons".split()) | (
    KILL_WORDS | INJURE_WORDS | {"shot", "killed"})  # "19 injured", "two dead": the predicate stands as the noun


_CHARGE = re.compile(r"^\s*(?:counts?|charges?)\s+of\s+((?:[a-z-]+\s*){1,3})")


def _head_class(item: ClaimItem) -> str:
    """The counted noun where it tells quantities apart: for people, "men" and "women" are parts
    of a toll while "people", "victims" or no noun may be the same count; for charges, what they
    charge ("counts of murder" and "counts of attempted murder" are different figures)."""
    if item.kind != "count" or not item.unit:
        return ""
    head = item.unit.split()[-1].casefold()
    if head in ("count", "counts", "charge", "charges"):
        at = item.sentence.find(item.surface)
        charge = _CHARGE.match(item.sentence[at + len(item.surface):]) if at >= 0 else None
        return f"of {' '.join(charge.group(1).split())}" if charge else head
    if item.measure not in PERSON_MEASURES:
        return ""
    return "" if head in _GENERIC_HEADS else lemma(head)  # "one man" and "two men" count one thing


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def earlier_year(item: ClaimItem) -> str:
    """The earlier year a figure's sentence dates it to ("August 1982: Eight people killed",
    "between 2005 and 2011": 2005), as part of its event: such a figure is about that time, and
    only compares with figures about the same time, never with the article's own news. In an
    undated article any year the sentence names counts."""
    if item.kind in ("year", "date"):
        return ""
    published = published_day(item.published)
    years = [int(m.group(1)) for m in _YEAR.finditer(item.sentence)]
    earlier = [y for y in years if published is None or y < published.year]
    return str(min(earlier)) if earlier else ""


def _link_block(items: Sequence[ClaimItem], members: list[int], sets: DisjointSets,
                allowed: Callable[[int, int], bool], names: Mapping[str, frozenset[str]],
                told: Mapping[str, dt.date]) -> None:
    contexts = {i: context_words(items[i]) for i in members}
    sentence_names = {i: entities(items[i].sentence.replace(items[i].surface, " ")) for i in members}
    keys = {i: contexts[i] | {f"@{n}" for n in sentence_names[i]} for i in members}
    edges: list[tuple[float, int, int]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for word in keys[i]:
            index[word].append(i)
    for i in members:
        candidates: set[int] = set()
        for word in keys[i]:
            postings = index[word]
            if len(postings) <= MAX_POSTINGS:
                candidates.update(j for j in postings if j > i)
        for j in candidates:
            a, b = items[i], items[j]
            if a.article == b.article or not _same_order(a, b) or not allowed(i, j):
                continue
            score = _score(a, b, contexts[i], contexts[j], sentence_names[i], sentence_names[j],
                           names.get(a.article), names.get(b.article))
            if score >= LINK_SCORE:
                edges.append((score, i, j))
    # Strongest links first, and a link that would stretch an incident's group over months is
    # refused: one weak pair cannot chain two incidents together.
    # An event day stated in a sentence ("on Saturday", "Nov. 9") is held by the whole group: two
    # parties in one city a week apart never share one.
    span: dict[int, tuple[dt.date | None, dt.date | None]] = {}
    days: dict[int, tuple[dt.date, dt.date] | None] = {}
    wide: dict[int, tuple[dt.date, dt.date] | None] = {}  # with the days the articles tell
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ri, rj = sets.find(i), sets.find(j)
        if ri == rj:
            continue
        lo_i, hi_i = span.get(ri, (published_day(items[i].published),) * 2)
        lo_j, hi_j = span.get(rj, (published_day(items[j].published),) * 2)
        dates = [d for d in (lo_i, hi_i, lo_j, hi_j) if d]
        limit = _window(items[i], items[j])
        if dates and limit is not None and (max(dates) - min(dates)).days > limit:
            continue
        known = [*_stated_days(days, ri, items[i], {}), *_stated_days(days, rj, items[j], {})]
        told_too = [*_stated_days(wide, ri, items[i], told), *_stated_days(wide, rj, items[j], told)]
        if _spread(known) > EVENT_DAY_TOLERANCE or _spread(told_too) > ARTICLE_DAY_TOLERANCE:
            continue
        sets.union(i, j)
        span[sets.find(i)] = (min(dates), max(dates)) if dates else (None, None)
        days[sets.find(i)] = (min(known), max(known)) if known else None
        wide[sets.find(i)] = (min(told_too), max(told_too)) if told_too else None


def _spread(days: Sequence[dt.date]) -> int:
    return (max(days) - min(days)).days if days else 0


def _stated_days(days: Mapping[int, tuple[dt.date, dt.date] | None], root: int,
                 item: ClaimItem, told: Mapping[str, dt.date]) -> tuple[dt.date, ...]:
    """The earliest and latest event days a group (or a claim not yet in one) states. Only counts
    of an incident's people hold their day: an age or a standing figure is told on many days. A
    count whose sentence names no day has its article's one event day, where it tells one."""
    if root in days:
        return days[root] or ()
    day = (event_day(item) or told.get(item.article)) if _holds_day(item) else None
    return (day,) if day else ()


def _holds_day(item: ClaimItem) -> bool:
    return item.kind == "count" and item.measure in PERSON_MEASURES


def article_days(items: Sequence[ClaimItem]) -> dict[str, dt.date]:
    """The event day of each article whose counts of people all date their event to one day
    ("two killed late Saturday", "one of 22 hurt on Saturday"): the day of its incident, which a
    count in another sentence of it shares. An article telling two days apart tells none."""
    stated: dict[str, list[dt.date]] = defaultdict(list)
    for item in items:
        day = event_day(item) if _holds_day(item) and not recalls_earlier_event(item) else None
        if day is not None:  # an earlier event recalled as background dates nothing of this one
            stated[item.article].append(day)
    return {article: min(found) for article, found in stated.items()
            if (max(found) - min(found)).days <= EVENT_DAY_TOLERANCE}


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = WEEKDAY_ORDER


def event_day(item: ClaimItem) -> dt.date | None:
    """The day the claim's sentence dates its event to: a month and day ("Nov. 9"), or a weekday
    ("on Saturday") taken as the last one on or before publication; None when it names neither."""
    published = published_day(item.published)
    if published is None:
        return None
    stated = next(_month_days(item.sentence, published), None)
    if stated is not None:
        return stated
    weekday = _WEEKDAY.search(item.sentence)
    if weekday:
        back = (published.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        return published - dt.timedelta(days=back)
    return None


def _window(a: ClaimItem, b: ClaimItem) -> int | None:
    """Longest time in days one group of these claims may span (None: no limit)."""
    largest = max(abs(a.value), abs(b.value))
    if a.measure in PERSON_MEASURES and largest < INCIDENT_COUNT:
        return INCIDENT_WINDOW_DAYS
    if a.kind in ("count", "age") and largest < SMALL_COUNT:
        return FAR_APART_DAYS
    return None


def _score(a: ClaimItem, b: ClaimItem, ca: set[str], cb: set[str], na: set[str], nb: set[str],
           article_a: frozenset[str] | None, article_b: frozenset[str] | None) -> float:
    """How likely two claims report the same figure; 0 when a hard condition fails."""
    sentence = cosine(ca, cb)
    names = overlap(na, nb)
    if a.kind in ("year", "date"):
        sentence = max(sentence, names)  # "released X in 2009" / "X was freed in 2010": who, not wording
    if sentence < SENTENCE_MIN:
        return 0.0
    if na and nb and not (na & nb) and len(na) + len(nb) >= 3:
        return 0.0  # both sentences name who or where, and no name is shared: different events
    if a.kind == "age" and (age_owner(a) is None or age_owner(a) != age_owner(b)):
        return 0.0  # an age belongs to a person: only the same named person's age is one claim
    known = article_a is not None and article_b is not None
    article = overlap(article_a or frozenset(), article_b or frozenset())
    if known and article < ARTICLE_MIN:
        return 0.0
    da, db = published_day(a.published), published_day(b.published)
    apart = abs((da - db).days) if da and db else 0
    # Small counts (an incident's toll) coincide by chance; large figures (troop levels, budgets,
    # historical tolls) are carried across months of coverage of one story.
    largest = max(abs(a.value), abs(b.value))
    small = a.kind in ("count", "age") and largest < SMALL_COUNT
    if a.measure in PERSON_MEASURES and largest < INCIDENT_COUNT and apart > INCIDENT_WINDOW_DAYS:
        return 0.0  # people hurt, held or present at one incident are reported within weeks
    if small and known and apart > FAR_APART_DAYS and article < FAR_ARTICLE_MIN:
        return 0.0
    score = 0.6 * sentence + 0.4 * max(article, names)
    if a.value == b.value and not small:
        score += SAME_VALUE_BONUS  # the same uncommon figure (or the same year of one event) is evidence
    return score
