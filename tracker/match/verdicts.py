"""Verdicts on claim groups: consistent, conflict, or an update over time, with a confidence.

Approximation does not excuse a different figure ("an estimated 5,200" and "some 5,000" are
flagged, both marked approximate); bounds, ranges and stated rounding do ("at least 4" fits 5;
"10-12" fits 11; "$1.4 billion" covers $1.375 billion).

Sources disagree only when no figure of one article fits any figure of the other: when every
source also gives the shared figure, the odd ones are other counts in the same articles
("four killed ... two of them at the car wash"), and the group is consistent.

An incident's count (people killed, hurt, shot, arrested; a person's age) given differently on
different days is an ``update``, oldest to newest: tolls rise, charges are added, a victim has a
birthday before the trial. Given differently on the same day, it is a ``conflict``. Standing
figures (troop levels, budgets, the year of an event) conflict whenever they differ.

Each verdict carries a confidence with its evidence. Only confident conflicts and updates get
the ``conflict`` status that reports list and CI gates on; the rest are ``to_check``: shown
apart, for a person to read, never among the conflicts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .claim_groups import PERSON_MEASURES, ClaimItem, age_owner, context_words, published_day, scope_of
from .normalize import cosine

REL_TOLERANCE = 1e-9
#: Days apart at which two reports of an incident count are successive states, not a clash:
#: figures given on the same day conflict, a day later they are news (a victim died overnight).
UPDATE_AFTER_DAYS = 1
#: Reports further apart than this may be about different events (a reward in one case and in
#: another two years later): a difference between them alone is never a confident conflict.
SAME_STORY_DAYS = 45
#: Shares and rates ("33 percent", "4.2 percentage points") come from polls, groups and dates the
#: sentence rarely pins down: read on national coverage, their differences were other polls.
RATE_KINDS = frozenset({"percent"})
#: An age changes only at a birthday: two ages of one person a few days apart are a clash.
AGE_UPDATE_DAYS = 90
#: Least share of context words (cosine of the masked sentences) two differing event years must
#: share to be a confident conflict ("released in 2009" vs "freed in 2010").
CONFIDENT_CONTEXT = 0.3
#: Measures whose figures belong to one incident and may change as it is reported.
INCIDENT_MEASURES = PERSON_MEASURES | frozenset({"age", "shot", "charged", "count", "charge"})
_SCALED = re.compile(r"(\d+)\.(\d+)\s*(?:million|billion|trillion|[mbk]n?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    status: str  # consistent | conflict | to_check
    verdict: str  # consistent | conflict | update
    reason: str
    confidence: str = "high"  # high | low
    evidence: tuple[str, ...] = ()


def _interval(item: ClaimItem) -> tuple[float, float]:
    """The values a claim admits: a point, a range, a half-line for a bound, or the rounding a
    scaled decimal states ("$1.4 billion" is 1.35 to 1.45 billion)."""
    value = item.value
    if item.high is not None and item.high >= value:
        return value, item.high
    if item.bound in (">", ">="):
        return value, float("inf")
    if item.bound in ("<", "<="):
        return float("-inf"), value
    scaled = _SCALED.search(item.surface)
    if scaled:
        digits = len(scaled.group(2))
        mantissa = float(f"{scaled.group(1)}.{scaled.group(2)}")
        half = 0.5 * 10 ** -digits * (value / mantissa if mantissa else 0)
        return value - half, value + half
    return value, value


def compatible(a: ClaimItem, b: ClaimItem) -> bool:
    """Whether the two figures can both be true. Two versions of one story giving one bound with
    another value ("at least four" edited to "at least five") are a revision, not a fit."""
    if a.url is not None and a.url == b.url and a.article != b.article and a.bound and a.bound == b.bound:
        return a.value == b.value
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    tol = REL_TOLERANCE * max(1.0, abs(a.value), abs(b.value))
    return lo_a <= hi_b + tol and lo_b <= hi_a + tol


def _fmt(value: float) -> str:
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    return f"{value:g}"


def _describe(item: ClaimItem) -> str:
    hedge = " (approx.)" if item.approximate else ""
    bound = {">": "more than ", ">=": "at least ", "<": "fewer than ", "<=": "up to "}.get(item.bound or "", "")
    value = f"{_fmt(item.value)}-{_fmt(item.high)}" if item.high is not None else _fmt(item.value)
    return f"{bound}{value}{hedge} in {item.outlet or item.article}"


def judge(items: Sequence[ClaimItem], resolved: str | None = None, joined_by_review: bool = False) -> Verdict:
    """The verdict on one group; ``resolved`` is a reviewer's reason for settling a conflict, and
    ``joined_by_review`` says a reviewer marked members the same figure (``same_as``), which pins
    them to one quantity as no reading of the sentences can."""
    stated = _stated_update(items, resolved, joined_by_review)
    if stated is not None:
        return stated
    by_article: dict[str, list[ClaimItem]] = {}
    for it in items:
        by_article.setdefault(it.article, []).append(it)
    disagreeing = [(a, b) for a, b in itertools.combinations(items, 2) if a.article != b.article
                   and not any(compatible(x, y) for x in by_article[a.article] for y in by_article[b.article])]
    if not disagreeing:
        return _consistent(items, by_article)
    if resolved:
        return Verdict("consistent", "consistent", f"resolved by review: {resolved}")
    same_time = [(a, b) for a, b in disagreeing if not _successive(a, b)]
    if not same_time:
        update = _update(items, disagreeing, joined_by_review)
        if all(a.url is not None and a.url == b.url for a, b in disagreeing):
            # versions of one story: not sources disagreeing; the report's version timeline shows it
            return Verdict("to_check", "update", update.reason, "low", (*update.evidence, VERSIONS_ONLY))
        return update
    a, b = same_time[0]
    confidence, evidence = _confidence(same_time, joined_by_review=joined_by_review)
    approx = " both approximate;" if a.approximate and b.approximate else ""
    reason = f"{_describe(a)} vs {_describe(b)};{approx} values differ"
    return Verdict("conflict" if confidence == "high" else "to_check", "conflict", reason, confidence, evidence)


#: A figure its own sentence calls superseded: "authorities said earlier that four agents were
#: injured", "initial reports indicated four". The article itself tells the count changed.
_SAID_EARLIER = re.compile(
    r"\b(?:initial(?:ly)?|earlier|originally|at first|previously)\b[^.;]{0,40}?"
    r"\b(?:said|says|reported|reports?|indicated|stated|told)\b"
    r"|\b(?:said|reported|indicated|stated|told)\s+(?:earlier|initially|originally|at first|previously)\b",
    re.IGNORECASE)


def said_earlier(item: ClaimItem) -> bool:
    return _SAID_EARLIER.search(item.sentence) is not None


def _stated_update(items: Sequence[ClaimItem], resolved: str | None, joined_by_review: bool) -> Verdict | None:
    """An update the articles state: the figures they call earlier differ from the ones they give
    now, which agree. None when no figure is called earlier, or the current ones disagree."""
    earlier = [it for it in items if said_earlier(it)]
    current = [it for it in items if not said_earlier(it)]
    if not earlier or not current or len({it.article for it in items}) < 2:
        return None
    changed = [(e, c) for e in earlier for c in current if not compatible(e, c)]
    if not changed or judge(current, resolved, joined_by_review).verdict != "consistent":
        return None
    old, new = changed[0]
    confidence, evidence = _confidence(changed, over_time=True, joined_by_review=joined_by_review)
    evidence = (*evidence, f"{old.outlet or old.article} calls {_fmt(old.value)} an earlier figure")
    return Verdict("conflict" if confidence == "high" else "to_check", "update",
                   f"figure changed over time: {_describe(old)} (earlier) -> {_describe(new)}", confidence, evidence)


def _consistent(items: Sequence[ClaimItem], by_article: dict[str, list[ClaimItem]]) -> Verdict:
    values = sorted({_fmt(it.value) for it in items})
    if len(by_article) == len(items) or len(values) == 1:
        hedged = " (bounds/approximations agree)" if any(it.bound or it.approximate for it in items) else ""
        reports = "both reports give" if len(items) == 2 else f"all {len(items)} reports give"
        return Verdict("consistent", "consistent", f"{reports} {' / '.join(values)}{hedged}")
    shared = sorted({_fmt(it.value) for it in items
                     if all(any(compatible(it, other) for other in group) for group in by_article.values())})
    others = sorted(set(values) - set(shared))
    agreed = f"every source gives {' / '.join(shared)}" if shared else "every two sources share a figure"
    tail = f"; {' / '.join(others)} in the same articles count something else" if others else ""
    return Verdict("consistent", "consistent", agreed + tail)


VERSIONS_ONLY = "only versions of one story differ: see its version timeline"


def _successive(a: ClaimItem, b: ClaimItem) -> bool:
    """Two reports of an incident count far enough apart in time to be successive states (an age
    only grows, and only over months)."""
    if a.measure not in INCIDENT_MEASURES and (a.url is None or a.url != b.url):
        return False
    if a.url is not None and a.url == b.url and a.article != b.article:
        return True  # versions of one story: an earlier and a later state, whatever the days between
    da, db = published_day(a.published), published_day(b.published)
    if da is None or db is None:
        return False
    if a.kind == "age":
        first, second = sorted(((da, a.value), (db, b.value)))
        return (second[0] - first[0]).days >= AGE_UPDATE_DAYS and second[1] > first[1]
    return abs((da - db).days) >= UPDATE_AFTER_DAYS


def _update(items: Sequence[ClaimItem], disagreeing: Sequence[tuple[ClaimItem, ClaimItem]],
            joined_by_review: bool = False) -> Verdict:
    """Values that changed over time, oldest first; confident when the count only grows."""
    ordered = sorted(items, key=lambda it: (it.published or "", it.article))
    steps: list[ClaimItem] = []
    for it in ordered:
        if not steps or not compatible(steps[-1], it):
            steps.append(it)
    chain = " -> ".join(f"{_describe(it)} ({it.published})" for it in steps)
    falls = any(later.value < earlier.value for earlier, later in itertools.pairwise(steps))
    confidence, evidence = _confidence(disagreeing, over_time=True, joined_by_review=joined_by_review)
    if falls:
        confidence, evidence = "low", (*evidence, "a later report gives a lower figure: a correction or another count")
    return Verdict("conflict" if confidence == "high" else "to_check", "update",
                   f"figure changed over time: {chain}", confidence, evidence)


def _confidence(pairs: Sequence[tuple[ClaimItem, ClaimItem]], over_time: bool = False,
                joined_by_review: bool = False) -> tuple[str, tuple[str, ...]]:
    """High when some disagreeing pair is pinned to one quantity: what happened to the counted
    people (killed, hurt, shot, arrested), whose age it is, or where the counted thing is (for an
    event year, shared wording is enough); never for rates; a conflict (not an update) also needs
    a pair told near in time. Wording alone pins nothing else."""
    if joined_by_review:
        return "high", ("a reviewer marked these figures the same (same_as)",)
    best: tuple[str, ...] = ()
    for a, b in pairs:
        apart = _days_apart(a, b)
        if apart is not None and apart > SAME_STORY_DAYS and not over_time:
            best = best or (f"the differing reports are {apart} days apart: perhaps different events",)
            continue
        evidence: list[str] = []
        sa, sb = scope_of(a), scope_of(b)
        if sa.predicate and sa.predicate == sb.predicate:
            evidence.append(f"both count {a.measure} {sa.predicate}" if a.measure != sa.predicate
                            else f"both count {sa.predicate}")
        person = age_owner(a) if a.kind == "age" else None
        if person is not None and person == age_owner(b):
            evidence.append(f"the age of one named person ({person})")
        where = _attached_names(a) & _attached_names(b)
        if where:
            evidence.append(f"both count {a.measure} of {', '.join(sorted(where))}")
        shared = _context_overlap(a, b)
        evidence.append(f"sentences share {shared:.0%} of their context words")
        if a.kind in RATE_KINDS:
            best = best or (*evidence, "a rate or poll figure: often another poll, group or date")
            continue
        if len(evidence) > 1 or (a.kind in ("year", "date") and shared >= CONFIDENT_CONTEXT):
            return "high", tuple(evidence)
        best = best or tuple(evidence)
    return "low", (*best, "nothing pins the two figures to one quantity: no common predicate, person or place")


_ATTACHED = re.compile(r"^[^,;:.]{0,60}")
_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S." is one word, not the end of a clause
_CAPITALISED = re.compile(r"\b[A-Z][\w.'’-]*[A-Za-z]")


def _attached_names(item: ClaimItem) -> set[str]:
    """Names in the phrase right after a figure ("5,200 troops in Iraq", "$4 billion for the
    Pentagon"): where or whose the counted thing is, which pins two reports to one quantity."""
    at = item.sentence.find(item.surface)
    if at < 0:
        return set()
    rest = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), item.sentence[at + len(item.surface):])
    tail = _ATTACHED.match(rest)
    return {w.casefold() for w in _CAPITALISED.findall(tail.group(0) if tail else "")} - _NOT_NAMES


#: Capitalised words that name nothing in particular (units and titles written with a capital).
_NOT_NAMES = frozenset({"us", "uk", "mr", "mrs", "ms", "dr", "the", "a"})


def _days_apart(a: ClaimItem, b: ClaimItem) -> int | None:
    da, db = published_day(a.published), published_day(b.published)
    return abs((da - db).days) if da and db else None


def _context_overlap(a: ClaimItem, b: ClaimItem) -> float:
    return cosine(context_words(a), context_words(b))
