"""Speaker attribution: find the cue next to a quote, the mention of its source, and resolve it.

A *cue* is a reporting verb or phrase ("said", "told", "according to", "in a statement"); the
*mention* is the source as written next to it ("he", "the senator", "Secretary of State Jane
Roe"); the *speaker* is the person the mention refers to, with titles stripped, surnames
expanded to the full name seen in the article and pronouns and role descriptions resolved to the
most recent matching person. All scans are bounded token walks; no regex backtracks over
unbounded input.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...lexicon import DETERMINERS, MONTHS, WEEKDAYS, wordset
from ...records import Span, SpeakerMention
from ...text import ABBREVIATIONS
from .lexicon import (
    CUE_VERBS,
    NAME_PARTICLES,
    PRONOUNS,
    SKIPPABLE,
    SOURCE_NOUNS,
    STOP_WORDS,
    TITLE_WORDS,
)

#: Named limits of the mention scans (characters for reaches, tokens otherwise).
_ABBREVIATION_MAX = 5  # "Gov.", "Calif.": a short capitalised word before a full stop abbreviates
_PARTY = len("D-")  # the party prefix of "D-Calif."
_ARTICLE = len("al-")  # the Arabic article of "al-Sadr", "el-Sisi"
_BEFORE_REACH = 300  # characters before a cue read for its source
_SKIP_PASSES = 2  # "X on Friday flatly denied": adverbs, then a time phrase, then adverbs again
_ASIDE_MAX_TOKENS = 12  # tokens of a parenthetical aside "(R-Texas)" skipped back over at most
_DAY_DIGITS = 2  # "on March 3": a day of the month has one or two digits
_CHAIN_MAX = 4  # "The leader of one of the militias in Iraq": prepositions followed back at most
_LOWER_MODIFIER_REACH = 4  # "the rival bloc": lower-case words join a phrase only this near its end
_DETERMINER_BACK = 6  # "the Lincoln actor": a determiner, at most three modifiers, then the noun
_DATE_TOKENS = 2  # "March 3": a month and its day
_AFTER_REACH = 300  # characters after a cue read for its source ("said Ed Morales, who …")
_CLAUSE_REACH = 400  # characters before a cue read for the fallback subject of its clause
_NAME_RUN_MAX = 8  # tokens of a capitalised subject ("Sen. Rand Paul") at most
#: Limits of the subject scan of ``sentence_subject``.
_SUBJECT_REACH = 400  # characters of the sentence read: a subject and its introduction fit well inside
_DATELINE_MAX_WORDS = 8  # "WASHINGTON (AFP) –": a dateline's dash comes within eight words
_MAX_INTRO_PHRASES = 3  # "Last month, when I asked him, he said": introductions skipped at most
_INTRO_MAX_WORDS = 25  # an introduction without a comma within this many words is not one
_SUBJECT_MAX_WORDS = 10  # a lower-case subject longer than this is a clause, not a source
_DESCRIBED_MAX_WORDS = 6  # "the agency's longtime spokesman": a described noun stays short
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F](?:[\w’'\-\u00C0-\u024F]|\.(?=\w))*|[^\w\s]")
_FORWARD_STOPS = wordset(
    """
    in on at during who which whose after before when as while that because but and to from about
    for with was is were are has had have will would can could, since than via
    """
)
VERBISH = wordset("was is were are has had have will would can could did does also then")
LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")


class Token(NamedTuple):
    """A word or punctuation mark; ``low`` is lower-cased without a trailing full stop."""

    text: str
    start: int
    end: int
    low: str = ""


def _token(text: str, start: int, end: int) -> Token:
    low = text.lower().rstrip(".") if len(text) > 1 else text.lower()
    return Token(text, start, end, low)


@dataclass(frozen=True)
class Attribution:
    """A cue with the mention of its source."""

    cue: str
    cue_span: Span
    mention: SpeakerMention | None


#: Party letters before a state abbreviation ("R-Ky."): the full stop belongs to the tag.
_PARTY_PREFIXES = ("D-", "R-", "I-")
#: A full stop glued between two sentences ("said.Manning"): it ends the word, unlike the inner
#: stops of "U.S." or "ksdk.com" (one letter before it, or a lower-case word after it).
_GLUED_STOP = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def _tokenize(body: str, lo: int, hi: int) -> list[Token]:
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(body, lo, hi):
        word, end = m.group(), m.end()
        glued = _GLUED_STOP.search(word)
        if glued is not None:  # "Manning.Manning": word, full stop, word (rare: scraped pages)
            start = m.start()
            cut = start + glued.start()
            append(Token(word[: glued.start()], start, cut, word[: glued.start()].lower()))
            append(Token(".", cut, cut + 1, "."))
            out.extend(_tokenize(body, cut + 1, end))
            continue
        if end >= hi or body[end] != ".":
            if out and out[-1].end > m.start():
                continue  # the full stop already joined to the abbreviation
            low = word.lower()
            append(Token(word, m.start(), end, low.rstrip(".") if len(word) > 1 else low))
            continue
        if (
            end < hi
            and body[end] == "."
            and word[:1].isalpha()
            and (
                (len(word) == 1 and word.isupper())
                or "." in word
                or word.lower() in ABBREVIATIONS
                or (word.lower() in TITLE_WORDS and len(word) <= _ABBREVIATION_MAX and word[:1].isupper())
                or (end + 1 < hi and body[end + 1] in "),;" and len(word) <= _ABBREVIATION_MAX and word[:1].isupper())
                or (word[:_PARTY] in _PARTY_PREFIXES and word[_PARTY:].lower() in ABBREVIATIONS)  # "D-Calif."
            )
        ):
            out.append(_token(word + ".", m.start(), end + 1))
            continue
        if out and out[-1].end > m.start():
            continue  # the full stop already joined to the abbreviation
        out.append(_token(word, m.start(), end))
    return out


class _TokenCache(threading.local):
    """The tokens of the last body seen (per thread), so windows over one article are slices."""

    def __init__(self) -> None:
        self.body: str | None = None
        self.toks: list[Token] = []
        self.starts: list[int] = []


_CACHE = _TokenCache()


def tokens(body: str, lo: int, hi: int) -> list[Token]:
    """Word and punctuation tokens in ``[lo, hi)``; a full stop stays on abbreviations ("Gen.")."""
    cache = _CACHE
    if cache.body is not body:
        cache.toks = _tokenize(body, 0, len(body))
        cache.starts = [t.start for t in cache.toks]
        cache.body = body
    a = bisect_left(cache.starts, lo)
    b = bisect_left(cache.starts, hi)
    out = cache.toks[a:b]
    if out and out[-1].end > hi:
        last = out[-1]
        out[-1] = _token(body[last.start : hi], last.start, hi) if hi > last.start else last
        if out[-1].start >= hi:
            out.pop()
    return out


def is_capitalised(tok: Token) -> bool:
    t = tok.text
    if t[:_ARTICLE].lower() in ("al-", "el-") and len(t) > _ARTICLE:
        return t[_ARTICLE : _ARTICLE + 1].isupper()
    return t[:1].isupper() or (t[:1].isdigit() and False)


def _possessive(tok: Token) -> bool:
    return tok.text.endswith(("’s", "'s", "’", "'")) and len(tok.text) > len("’s")


# ------------------------------------------------------------------ mention scans
def mention_before(body: str, lo: int, cue_start: int) -> SpeakerMention | None:
    """The source written just before a cue ("Rashid said", "the budget overview stated")."""
    toks = tokens(body, max(lo, cue_start - _BEFORE_REACH), cue_start)
    for _ in range(_SKIP_PASSES):
        while toks and (
            (toks[-1].low in SKIPPABLE and toks[-1].text.islower())
            or (toks[-1].low.endswith("ly") and toks[-1].text.islower())
            or (
                toks[-1].low
                in ("on", "last", "this", "early", "late", "morning", "evening", "night", "afternoon")
                and len(toks) > 1
            )
        ):
            toks.pop()  # "X flatly denied", "X also said"
        _drop_time_phrase(toks)  # "X on Friday said", "X last week said", "who has in the past described"
    if toks and toks[-1].text == ")":
        k = len(toks) - 1
        while k > 0 and toks[k].text != "(" and len(toks) - k < _ASIDE_MAX_TOKENS:
            k -= 1
        if toks[k].text == "(":
            toks = toks[:k]
    if not toks:
        return None
    last = toks[-1]
    if last.text in ",–—":
        return _appositive_subject(body, toks)
    if last.low in PRONOUNS or (last.low in ("who", "which") and last.text.islower()):
        return SpeakerMention(last.text, (last.start, last.end))  # "he said", "…, who said"
    found = np_before(body, toks)
    if found is not None:
        found = _head_of_chain(body, toks, found)
    return found


_TIME_NOUNS = wordset(
    "week weekend month year morning evening night afternoon past day days weeks months years decade"
)
_TIME_LEADS = wordset("on in at during over last this next early late earlier the that each every past")


def _drop_time_phrase(toks: list[Token]) -> None:
    """Pops a time adjunct ending the tokens: a weekday, ``last week``, ``in the past``, ``on Sept. 14``."""
    if len(toks) < 2:
        return
    last = toks[-1]
    if last.low in WEEKDAYS:
        toks.pop()
    elif last.low.isdigit() and len(last.low) <= _DAY_DIGITS and toks[-2].low in MONTHS and len(toks) > _DATE_TOKENS:
        del toks[-_DATE_TOKENS:]
    elif last.low in _TIME_NOUNS and last.text.islower() and toks[-2].low in _TIME_LEADS:
        toks.pop()
    else:
        return
    while len(toks) > 1 and toks[-1].low in _TIME_LEADS and toks[-1].text.islower():
        toks.pop()


_CHAIN_PREPOSITIONS = wordset("of in at for from with")


def _head_of_chain(body: str, toks: list[Token], found: SpeakerMention) -> SpeakerMention:
    """``The leader of one of the militias in Iraq said``: the phrase starts at its head noun."""
    k = next((i for i, t in enumerate(toks) if t.start == found.span[0]), None)
    start = found.span[0]
    steps = 0
    while k is not None and k >= 2 and toks[k - 1].low in _CHAIN_PREPOSITIONS and steps < _CHAIN_MAX:
        head = np_before(body, toks[: k - 1])
        if head is None:
            break
        start = head.span[0]
        k = next((i for i, t in enumerate(toks) if t.start == start), None)
        steps += 1
    return (
        found
        if start == found.span[0]
        else SpeakerMention(body[start : found.span[1]], (start, found.span[1]))
    )


_FUNCTION_WORDS = wordset("those these this that there here what which whose some such any each every no")


def np_before(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """The noun phrase ending at the last token: a name with its titles, or a description."""
    if not toks:
        return None
    last = toks[-1]
    if last.low in _FUNCTION_WORDS:
        return None  # "Those fears …": a determiner, not a source
    if not (is_capitalised(last) or last.low in SOURCE_NOUNS or last.low in TITLE_WORDS):
        return _described(body, toks)
    i = len(toks) - 1
    while i > 0:
        prev = toks[i - 1]
        low = prev.low
        if prev.text in "()" or (not prev.text[:1].isalnum()):
            break
        if low in DETERMINERS:
            i -= 1
            break
        if (
            low == "and"
            and i - 2 >= 0
            and (toks[i - 2].low in TITLE_WORDS or toks[i - 2].low in SOURCE_NOUNS)
        ):
            i -= 1  # "senator and presidential candidate"
            continue
        if low in STOP_WORDS and low != "of":
            break
        if low == "of":
            # "Secretary of State", "director of operations": keep only between title-ish words
            if i - 2 >= 0 and (toks[i - 2].low in TITLE_WORDS or toks[i - 2].low in SOURCE_NOUNS):
                i -= 1
                continue
            break
        if is_capitalised(prev) or low in TITLE_WORDS or low in SOURCE_NOUNS or low in NAME_PARTICLES:
            i -= 1
            continue
        nxt = toks[i]
        if (
            prev.text.isalpha()
            and prev.text.islower()
            and (nxt.low in TITLE_WORDS or nxt.low in SOURCE_NOUNS)
        ):
            i -= 1  # "senior adviser", "chief economist"
            continue
        near_end = len(toks) - i < _LOWER_MODIFIER_REACH
        if _possessive(prev) or (prev.text.islower() and near_end and not is_capitalised(last)):
            i -= 1  # "the rival bloc", "Clinton’s campaign"
            continue
        break
    start, end = toks[i].start, last.end
    return SpeakerMention(body[start:end], (start, end))


_QUANTIFIERS = wordset(
    "the a an this that some many most several other two three four both all few each every either "
    "neither another"
)


def _described(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """``the person``, ``the Lincoln actor``: a determiner and at most three modifiers and a noun."""
    last = toks[-1]
    if (
        not last.text.replace("-", "").isalnum()
        or not last.text.islower()
        or last.low in STOP_WORDS
        or last.low.endswith("ly")
    ):
        return None
    for k in range(len(toks) - 2, max(-1, len(toks) - _DETERMINER_BACK), -1):
        t = toks[k]
        if t.low in _QUANTIFIERS or _possessive(t):
            if t.low == "that" and k + 1 < len(toks) - 1:
                return None
            return SpeakerMention(body[t.start : last.end], (t.start, last.end))
        if not (t.text.replace("-", "").isalpha()) or t.low in STOP_WORDS or t.low in CUE_VERBS:
            return None
        if k == 0 and last.low.endswith("s") and (t.text[:1].isupper() or t.low in SOURCE_NOUNS):
            return SpeakerMention(
                body[t.start : last.end], (t.start, last.end)
            )  # "Abortion rights advocates"
    if len(toks) == 1 and last.low in SOURCE_NOUNS:
        return SpeakerMention(last.text, (last.start, last.end))
    return None


def _appositive_subject(body: str, toks: list[Token]) -> SpeakerMention | None:
    """``NAME, a leader of the group, said``: the phrase before the appositive."""
    chunks: list[list[Token]] = [[]]
    depth = 0
    for t in toks:
        if t.text in "()":
            depth = max(0, depth + (1 if t.text == "(" else -1))  # "Jim Jordan (R-Ohio), a member, said"
        elif depth:
            continue
        elif t.text in ",–—":
            chunks.append([])
        elif t.text in '.;:“”"':
            chunks = [[]]
        else:
            chunks[-1].append(t)
    chunks = [c for c in chunks if c]
    # the clause subject: the first chunk that is not an introductory phrase ("In May,")
    for i, chunk in enumerate(chunks[:-1]):
        while len(chunk) > 1 and chunk[0].low in _CONJUNCTIONS:
            chunk = chunk[1:]  # "But House Speaker Nancy Pelosi, D-Calif., said": the conjunction links
        head = chunk[0]
        if head.low in _INTRO_WORDS or (head.low.endswith("ing") and len(chunk) > 1):
            continue
        found = np_before(body, chunk)
        if found is not None and (found.text[:1].isupper() or found.text.lower() in PRONOUNS or i == 0):
            return found
        break
    if chunks:
        return np_before(body, chunks[-1])
    return None


_CONJUNCTIONS = wordset("and but so yet or")


def mention_after(body: str, cue_end: int, hi: int, appositive: bool = True) -> SpeakerMention | None:
    """The source written after an inverted cue ("said Ken Mills, resident scholar").

    ``appositive=False`` stops at the first comma: after "according to" a comma ends the source
    ("According to police, Grayden Denham was not allowed …" names the police, not Denham).
    """
    toks = tokens(body, cue_end, min(hi, cue_end + _AFTER_REACH))
    i = 0
    while i < len(toks) and (toks[i].low in SKIPPABLE or toks[i].text == ","):
        i += 1
    if i >= len(toks):
        return None
    first = toks[i]
    if first.low in PRONOUNS:
        return SpeakerMention(first.text, (first.start, first.end))
    if first.low in _FORWARD_STOPS or (first.low in STOP_WORDS and first.low not in DETERMINERS):
        return None
    j = i
    chunk_has_name = False
    while j < len(toks):
        t = toks[j]
        if t.text in '.;:“”"()—–' and not (t.text == "." and j > i):
            break
        if t.text == ".":
            break
        if t.text == ",":
            # extend over an appositive name: "the group’s director, Jane Doe"
            k = j + 1
            if appositive and not chunk_has_name and k < len(toks) and is_capitalised(toks[k]):
                j = k
                continue
            break
        if t.low in _FORWARD_STOPS and j > i:
            break
        if not (is_capitalised(t) or t.low in DETERMINERS or t.text[:1].islower() or _possessive(t)):
            break
        chunk_has_name = chunk_has_name or (is_capitalised(t) and t.low not in TITLE_WORDS)
        j += 1
    if j == i:
        return None
    start, end = toks[i].start, toks[j - 1].end
    if not chunk_has_name:
        nouns = [t for t in toks[i:j] if t.low in SOURCE_NOUNS or t.low in TITLE_WORDS]
        if not nouns:
            return None
        end = nouns[-1].end if toks[j - 1].text.islower() and toks[j - 1] not in nouns else end
    return SpeakerMention(body[start:end], (start, end))


def subject_of_clause(body: str, lo: int, cue_start: int) -> SpeakerMention | None:
    """Fallback subject: the last name or pronoun in ``[lo, cue_start)`` followed by a verb."""
    toks = tokens(body, max(lo, cue_start - _CLAUSE_REACH), cue_start)
    for i in range(len(toks) - 2, -1, -1):
        t, nxt = toks[i], toks[i + 1]
        nl = nxt.low
        if nl in VERBISH or nl in CUE_VERBS or (nl.endswith("ed") and nxt.text.islower()):
            if t.low in PRONOUNS:
                return SpeakerMention(t.text, (t.start, t.end))
            if is_capitalised(t) or t.low in SOURCE_NOUNS:
                m = np_before(body, toks[: i + 1])
                if m is not None:
                    return m
    return None


_INTRO_WORDS = wordset(
    """
    in on at after before when while as although though since if because despite with for by from
    during last earlier later speaking asked but and so yet still meanwhile instead however also
    then now once until unless whether according like unlike alongside beyond besides contrast
    amid among against under over without
    within throughout following ahead two three four five six seven eight nine ten years months
    weeks days hours this that one another finally first second third next yesterday today
    """
)


def _name_run(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """A capitalised subject ("Sen. Rand Paul", "Clinton’s chief pollster") up to its verb."""
    j = 0
    while (
        j < len(toks)
        and j < _NAME_RUN_MAX
        and (
            is_capitalised(toks[j])
            or toks[j].low in NAME_PARTICLES
            or (j and toks[j].low == "of" and is_capitalised(toks[j - 1]))
            or (  # "NLF chief Rashid", "Stein spokeswoman Melezia Figueroa"
                j
                and toks[j].low in TITLE_WORDS
                and toks[j].text.islower()
                and j + 1 < len(toks)
                and is_capitalised(toks[j + 1])
            )
        )
    ):
        if _possessive(toks[j]):
            j += 1
            while j < len(toks) and j < _NAME_RUN_MAX and toks[j].text.isalpha() and toks[j].text.islower():
                if (
                    toks[j].low in STOP_WORDS
                    or toks[j].low in CUE_VERBS
                    or toks[j].low.endswith(("ed", "ly"))
                ):
                    break
                j += 1
            break
        j += 1
    while j > 0 and toks[j - 1].low == "of":
        j -= 1
    if j == 0:
        return None
    return SpeakerMention(body[toks[0].start : toks[j - 1].end], (toks[0].start, toks[j - 1].end))


def _subject_tokens(body: str, lo: int, hi: int) -> list[Token] | None:
    """The sentence's tokens from where its subject may start: past opening marks, a dateline and
    introductory phrases; None when an introduction never reaches its comma."""
    toks = tokens(body, lo, min(hi, lo + _SUBJECT_REACH))
    while toks and toks[0].text in "“”\"‘’'([—–-":
        toks = toks[1:]
    if not toks:
        return None
    for k in range(min(_DATELINE_MAX_WORDS, len(toks))):  # a dateline: "WASHINGTON (AFP) – …"
        if toks[k].text in "–—-―" and k > 0:
            if all(x.text[:1].isupper() or x.text in "()," for x in toks[:k]):
                toks = toks[k + 1 :]
            break
    for _ in range(_MAX_INTRO_PHRASES):  # skip introductory phrases: "Last month, when I asked him, he said …"
        if not toks or not (
            toks[0].low in _INTRO_WORDS
            or (toks[0].low.endswith(("ing", "ly")) and toks[0].text[:1].isupper())
        ):
            break
        for k, t in enumerate(toks[:_INTRO_MAX_WORDS]):
            if t.text == ",":
                toks = _past_year(toks[k + 1 :])
                break
        else:
            return None
    return toks


_YEAR_DIGITS = 4  # a year written in full ("2015"), not a day of the month
_YEAR_AND_COMMA = 2  # the year and the comma closing the date


def _past_year(toks: list[Token]) -> list[Token]:
    """``On July 6, 2015, Sanders said``: the year after a date's comma still belongs to the
    introduction, and so does the comma after it."""
    year = toks[0].text if toks else ""
    if len(toks) > _YEAR_AND_COMMA and toks[1].text == "," and year.isdigit() and len(year) == _YEAR_DIGITS:
        return toks[_YEAR_AND_COMMA:]
    return toks


def sentence_subject(body: str, lo: int, hi: int) -> SpeakerMention | None:
    """The grammatical subject at the start of the sentence ``[lo, hi)``, as written.

    An introductory phrase ending with a comma ("In an interview Tuesday, ...") is skipped; the
    subject is the noun phrase before the first verb-like word.
    """
    toks = _subject_tokens(body, lo, hi)
    if not toks:
        return None
    first = toks[0]
    if first.low in PRONOUNS:
        return SpeakerMention(first.text, (first.start, first.end))
    if first.low in _FUNCTION_WORDS:
        return None
    if is_capitalised(first) and first.low not in DETERMINERS:
        return _name_run(body, toks)
    return _common_subject(body, toks)


def _common_subject(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """A lower-case subject ("the spokesman", "officials") up to the first verb-like word, when
    its head is a source noun, a title, a name or a described noun."""
    j = 0
    while j < len(toks) and j < _SUBJECT_MAX_WORDS:
        t = toks[j]
        low = t.low
        if not t.text[:1].isalnum():
            break
        if (
            j > 0
            and t.text.islower()
            and not _possessive(toks[j - 1])
            and (
                low in VERBISH
                or low in CUE_VERBS
                or (low in STOP_WORDS and low not in ("of",))
                or low.endswith(("ed", "es", "ly"))
                or (low.endswith("s") and not is_capitalised(toks[j - 1]) and j > 1)
            )
        ):
            break
        j += 1
    if j == 0 or j >= _SUBJECT_MAX_WORDS:
        return None
    span = toks[0].start, toks[j - 1].end
    head = toks[j - 1]
    described = ((toks[0].low in DETERMINERS or _possessive(toks[0])) and j <= _DESCRIBED_MAX_WORDS
                 and head.text.isalpha())
    if _possessive(head) or not (
        is_capitalised(head) or head.low in SOURCE_NOUNS or head.low in TITLE_WORDS or described
    ):
        return None
    return SpeakerMention(body[span[0] : span[1]], span)
