"""Resolving speaker mentions to people named in the article.

* Titles are stripped (``Secretary of State Jane Roe`` → ``Jane Roe``).
* A surname alone is expanded to the full name seen in the article (``Rashid`` →
  ``Omar al-Rashid``), unless the article itself introduced the person by title and surname only
  (``President Trump``), in which case the surname stays.
* ``he``/``she`` and role descriptions (``the senator``) go to the most recent person named as the
  source of a reporting verb before the mention, or with that title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ...records import Block, SpeakerMention
from ...text import split_sentences
from .lexicon import (
    NAME_PARTICLES,
    PERSON_PRONOUNS,
    PRONOUNS,
    SOURCE_NOUNS,
    STOP_WORDS,
    TITLE_WORDS,
    wordset,
)
from .mentions import sentence_subject
from .speakers import NO_SOURCE, speaker_problem

__all__ = ["Resolver", "person_name"]

_CAP_RUN = re.compile(
    r"\b[A-Z][\w’'\-]*\.?"
    r"(?:[ \t]+(?:(?:al|el|bin|ibn|de|da|van|von|der|le|la|du|abu)[ -])?[A-Z][\w’'\-]*\.?){0,4}"
)
_DETERMINERS = wordset("the a an his her its their our my your")
#: Capitalised at the start of a sentence but never part of a name.
_COMMON = STOP_WORDS | wordset(
    """
    neither nor either both when while after before although though since if because despite during
    with without meanwhile however still yet so then now once here there what why how where who
    which whose asked speaking according in on at for by from early late last next this that these
    those some many most several all any every each no not
    """
)
_ROLE_HEADS = wordset(
    """
    senator president governor candidate nominee congressman congresswoman secretary mayor general
    minister leader chief spokesman spokeswoman director ambassador official
    """
)


#: How much of a sentence's start is read for a pronoun subject before its first comma.
_OPENING_CHARS = 60
#: How far back an open quotation mark is looked for (a long quoted passage spans a paragraph).
_QUOTE_LOOKBACK = 1500

#: How far back (characters, about three short paragraphs) "they" looks for a plural source.
_GROUP_REACH = 1200
#: Heads of plural sources that "they" can stand for, besides regular plurals of source nouns.
_GROUP_HEADS = wordset("police family authorities people staff")


def _is_group(text: str) -> bool:
    """A plural source as written: "Police", "investigators", "the boy's relatives"."""
    words = text.split()
    if not words:
        return False
    head = words[-1].lower().strip(".,")
    if not words[-1].islower() and len(words) > 1:
        return False  # "Chicago Police" is a body too, but a capitalised run may be a name
    return head in _GROUP_HEADS or (head.endswith("s") and not head.endswith("ss") and head[:-1] in _PERSONS)


_TITLE_ALIASES = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "reps": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "sec": "secretary",
    "adm": "admiral",
    "congressman": "congressman",
    "congresswoman": "congresswoman",
}


_ORG_WORDS = wordset(
    """post times journal news house party committee department university institute center council
    court senate congress network channel street agency association union bank company corp inc group
    foundation fund campaign administration office magazine press review tribune herald globe daily
    weekly tv radio club church school college county city state republic kingdom force forces army
    navy guard"""
)
#: Singular person nouns whose plural ("neighbors", "officers") is a group that speaks.
_PERSONS = SOURCE_NOUNS | wordset(
    """
    deputy detective investigator official officer neighbor neighbour resident witness relative
    prosecutor authority student teacher parent friend member leader agent trooper
    """
)
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|t)$|^(?:It|That|There|He|She|What)[’']s$")


def _lower(word: str) -> str:
    return word.lower().rstrip(".")


def _title_key(word: str) -> str:
    low = _lower(word)
    return _TITLE_ALIASES.get(low, low)


def person_name(text: str) -> str | None:
    """The personal name at the end of a mention, titles stripped; None when there is none.

    ``Mr. Morgan of the Sierra Club`` names Morgan, not the club: a name before " of " wins.
    """
    if " of " in text:
        head = _person_name(text.split(" of ", 1)[0])
        if head:
            return head
    return _person_name(text)


def _person_name(text: str) -> str | None:
    toks = text.replace(",", " , ").split()
    run: list[str] = []
    for tok in reversed(toks):
        bare = tok.strip('()[]"“”,')
        if not (_initial(bare) or "." in bare[:-1]):
            bare = bare.rstrip(".")  # keep "W." and "G.K."; drop a sentence's full stop
        low = bare.lower()
        if not bare or _CONTRACTION.search(bare):
            break  # "I’m", "That’s": not part of a name
        particle = low.split("-")[0] in NAME_PARTICLES and ("-" in low or bool(run))
        if bare[:1].isupper() or particle:
            if bare.endswith(("’s", "'s")):
                break
            run.append(bare)
            continue
        break
    if not run:
        return None
    run.reverse()
    for i in range(len(run) - 2, -1, -1):
        if run[i].lower() in _ORG_WORDS:
            run = run[i + 1 :]  # "The Washington Post Trump", "U.S. Army Brig. Gen. Jane Doe"
            break
    while run and (
        _lower(run[0]) in TITLE_WORDS
        or _lower(run[0]) in _COMMON
        or (run[0].isupper() and len(run[0]) > 2 and "." not in run[0])
        or (run[0].endswith(".") and not _initial(run[0]))
    ):
        run.pop(0)
    if not run or _lower(run[-1]) in TITLE_WORDS or _lower(run[-1]) in SOURCE_NOUNS or _lower(run[-1]) in _ORG_WORDS:
        return None  # a role or an organisation ("the Oakland County Sheriff's Office"), not a person
    run = _after_titles(run)
    if len(run) == 1 and _initial(run[0]):
        return None
    return " ".join(run)


#: Role words that sit in capitalised titles before a name but are no general title words.
_ROLE_WORDS = TITLE_WORDS | wordset(
    """
    coroner prosecutor prosecuting investigator trooper dispatcher alderman alderwoman councilor
    councillor constable marshal ranger warden clerk treasurer auditor administrator coordinator
    """
)
#: Words that end a name after its surname ("Jr."), kept with it.
_NAME_SUFFIXES = wordset("jr sr ii iii iv")
#: A personal name as news writes it: a given name and a surname, with initials, particles and a
#: suffix between or after. Longer capitalised runs before a name are titles and bodies
#: ("Director of National Intelligence James Clapper", "Police News Affairs Officer Daniel O'Brien").
_NAME_WORDS = 2


def _after_titles(run: list[str]) -> list[str]:
    """The name after the last role word of a capitalised run, at most a given name and a surname
    (with initials, particles and a suffix)."""
    cut = max((i for i, w in enumerate(run[:-1]) if _lower(w) in _ROLE_WORDS), default=-1)
    if cut >= 0 and any(not _initial(w) and _lower(w) not in _NAME_SUFFIXES for w in run[cut + 1 :]):
        run = run[cut + 1 :]  # "… King Jr.": a suffix alone is no name, the word was one
    core = [w for w in run if not _initial(w) and _lower(w) not in _NAME_SUFFIXES and w.lower() not in NAME_PARTICLES]
    if len(core) <= _NAME_WORDS + 1:
        return run
    keep = 0
    k = len(run)
    while k > 0 and keep < _NAME_WORDS:
        k -= 1
        w = run[k]
        if not (_initial(w) or _lower(w) in _NAME_SUFFIXES or w.lower() in NAME_PARTICLES):
            keep += 1
    return run[k:]


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _initial(word: str) -> bool:
    """``W.`` or ``G.K.``: initials, not an abbreviated title."""
    return "." in word and _INITIALS.fullmatch(word) is not None


@lru_cache(maxsize=8192)
def _surname_key(word: str) -> str:
    w = word.lower().replace("’", "'")
    for prefix in ("al-", "el-"):
        if w.startswith(prefix):
            w = w[len(prefix) :]
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(".,")


class Resolver:
    """Resolves mentions to person names using the names and attributions seen in the article."""

    def __init__(self, body: str, blocks: Sequence[Block]) -> None:
        self.body = body
        self.names: list[tuple[int, str]] = []  # (position, full name) in text order
        self.titled: list[tuple[int, str, str]] = []  # (position, title word, name)
        self.titled_surname: dict[str, int] = {}  # surname key -> first "President Trump" position
        for block in blocks:
            if block.role == "title":
                continue  # headline case makes every word look like a name
            for m in _CAP_RUN.finditer(body, block.start, block.end):
                self._note_run(body, block.start, m.start(), m.group())
        self._index_names()
        self._speakers: list[tuple[int, str]] = []
        self._positions: list[int] = []
        self._groups: list[tuple[int, str]] = []  # (position, plural source as written), text order
        known = {full for _, full in self.names}
        for lo, hi in split_sentences(body, [b for b in blocks if b.role != "title"]):
            subject = self._subject_person(lo, hi, known)
            if subject is not None:
                self.note_speaker(*subject)

    def _note_run(self, body: str, lo: int, pos: int, run: str) -> None:
        sentence_end = re.search(r"\w{3}\.\s", run)
        if sentence_end:  # "… Russia. A …": the run crossed a full stop
            self._note_run(body, lo, pos, run[: sentence_end.start() + 3])
            rest = sentence_end.end()
            self._note_run(body, lo, pos + rest, run[rest:])
            return
        full = person_name(run)
        if not full:
            return
        words = run.split()
        before = body[max(lo, pos - 30) : pos].split()
        title = None
        if words and _lower(words[0]) in TITLE_WORDS:
            title = _title_key(words[0])
        elif before and _lower(before[-1]) in TITLE_WORDS:
            title = _title_key(before[-1])
        if len(full.split()) >= 2:
            self.names.append((pos, full))
            if title:
                self.titled.append((pos, title, full))
        elif title:
            self.titled.append((pos, title, full))
            self.titled_surname.setdefault(_surname_key(full), pos)

    def _index_names(self) -> None:
        """Lookups over the names, built once: scanning every name per mention was quadratic."""
        self._name_positions = [p for p, _ in self.names]
        self._titled_names = {full for _, _, full in self.titled}
        self._titled_by_key: dict[str, list[tuple[int, str]]] = {}
        for p, title, full in self.titled:
            self._titled_by_key.setdefault(title, []).append((p, full))
        counts: dict[str, dict[str, int]] = {}
        first_at: dict[str, int] = {}
        for p, full in self.names:
            per_key = counts.setdefault(_surname_key(full.split()[-1]), {})
            per_key[full] = per_key.get(full, 0) + 1
            first_at.setdefault(full, p)
        # Per surname, the full name the article uses most for it (the earliest on a tie).
        self._by_surname = {key: (best := max(fulls, key=lambda f: (fulls[f], -first_at[f])), first_at[best])
                            for key, fulls in counts.items()}

    def _subject_person(self, lo: int, hi: int, known: set[str]) -> tuple[int, str] | None:
        """The person a sentence is about: its subject ("Haddad provided …") or the owner of its
        subject ("Haddad’s cooperation … is"), when that is a person the article names in full.

        Pronouns take the nearest such person or quoted source before them, so "He described …"
        after "Haddad provided …" is Haddad's even when an expert was quoted a paragraph earlier.
        """
        opening = self.body[lo : min(hi, lo + _OPENING_CHARS)].split(",", 1)[0]
        if any(w.strip("“”\"‘’'").lower() in PRONOUNS for w in opening.split()) or self._in_quotation(lo):
            return None  # "But he also gave …": the subject is a pronoun, whatever a comma hides
        found = self._person_of(sentence_subject(self.body, lo, hi), known)
        comma = self.body.find(",", lo, min(hi, lo + _OPENING_CHARS))
        if found is None and comma > 0:  # an opening phrase the scan did not know ("Almost at once, X …")
            found = self._person_of(sentence_subject(self.body, comma + 1, hi), known)
        return found

    def _person_of(self, mention: SpeakerMention | None, known: set[str]) -> tuple[int, str] | None:
        if mention is None or mention.text.lower() in PRONOUNS:
            return None
        first = mention.text.split()[0]
        if first.endswith(("’s", "'s")) and first[:1].isupper():
            name = person_name(first[:-2])  # the owner of the subject
        else:
            name = person_name(mention.text)
        if not name or speaker_problem(name) is not None:
            return None
        full = self.expand(name, mention.span[0])
        if full not in known and full not in self._titled_names:
            return None  # not a person named in full (a place, an organisation, a stray capital)
        return mention.span[0], full

    def _in_quotation(self, pos: int) -> bool:
        """Whether ``pos`` lies inside quotation marks opened earlier in its paragraph: a quoted
        sentence's subject ("O America, take it …") is the speaker's, not the article's."""
        start = self.body.rfind("\n\n", max(0, pos - _QUOTE_LOOKBACK), pos)
        window = self.body[max(0, pos - _QUOTE_LOOKBACK) if start < 0 else start : pos]
        return window.rfind("“") > window.rfind("”") or window.count('"') % 2 == 1

    def note_speakers(self, mentions: Iterable[SpeakerMention]) -> None:
        """Remember the people and groups named as sources (for later pronouns)."""
        for mention in mentions:
            if mention.text.lower() in PRONOUNS:
                continue
            if _is_group(mention.text) and speaker_problem(mention.text, mention, self.body) is None:
                self._groups.append((mention.span[0], mention.text))
            name = person_name(mention.text)
            if name and speaker_problem(name, mention, self.body) is None:
                self.note_speaker(mention.span[0], self.expand(name, mention.span[0]))

    def note_speaker(self, pos: int, name: str) -> None:
        at = bisect_right(self._positions, pos)
        self._positions.insert(at, pos)
        self._speakers.insert(at, (pos, name))

    def expand(self, name: str, pos: int) -> str:
        """A surname-only name expanded to the full name the article uses for that person."""
        parts = name.split()
        if len(parts) != 1:
            return name
        key = _surname_key(parts[0])
        titled_at = self.titled_surname.get(key)
        if key in self._by_surname:
            best, best_at = self._by_surname[key]
            if titled_at is None or best_at < titled_at:
                return best
        if name[:3].lower() == "al-" and len(name) > 4:
            return name[3].upper() + name[4:]
        return name

    def last_person(self, pos: int) -> str | None:
        at = bisect_right(self._positions, pos - 1)
        if at:
            return self._speakers[at - 1][1]
        before = bisect_left(self._name_positions, pos)  # the last name before ``pos``
        return self.names[before - 1][1] if before else None

    def last_group(self, pos: int) -> str | None:
        """What "they" refers to: the nearest plural source before it ("Police said … They said"),
        within a few paragraphs; None when there is none (never a person)."""
        for p, text in reversed(self._groups):
            if p < pos:
                return text if pos - p <= _GROUP_REACH else None
        return None

    def _antecedent(self, pos: int) -> str | None:
        """The name a relative pronoun refers to: ``Jane Doe, who said …``."""
        before = self.body[max(0, pos - 120) : pos].rstrip().rstrip(",–—-").rstrip()
        for stop in (".", ";", ":", "“", "”", '"', "(", ")"):
            before = before.rsplit(stop, 1)[-1]
        chunk = before.rsplit(",", 1)[-1]
        name = person_name(chunk) or person_name(before)
        return self.expand(name, pos) if name else None

    def speaker(self, mention: SpeakerMention | None) -> tuple[str | None, str | None]:
        """(speaker, None) for a mention that resolves to a source; (None, why not) otherwise.

        Every path that sets a quote's speaker goes through here, so one rule
        (:func:`speakers.speaker_problem`) decides what may stand as a speaker.
        """
        if mention is None:
            return None, NO_SOURCE
        resolved = self.resolve(mention)
        problem = speaker_problem(resolved, mention, self.body)
        return (None, problem) if problem else (resolved, None)

    def resolve(self, mention: SpeakerMention | None) -> str | None:
        if mention is None:
            return None
        text = mention.text.strip()
        pos = mention.span[0]
        low = text.lower()
        if low in PERSON_PRONOUNS:
            return self.last_person(pos)
        if low in ("who", "which"):
            return self._antecedent(pos)
        if low == "they":
            return self.last_group(pos)
        if low in PRONOUNS:
            return None
        if text.endswith(("’s", "'s")) and text[:1].isupper() and " " not in text:
            text = text[:-2]  # "Gorsuch’s stated belief": the owner holds the belief
        name = person_name(text)
        if name:
            return self.expand(name, pos)
        words = low.split()
        head = words[-1].rstrip(".,") if words else ""
        if words and words[0] in _DETERMINERS and head in _ROLE_HEADS:
            titled = self._titled_by_key.get(_title_key(head), [])
            before = bisect_left(titled, pos, key=lambda t: t[0])  # the last such title before ``pos``
            if before:
                p, full = titled[before - 1]
                return self.expand(full, p)
            return self.last_person(pos)
        if text.endswith(".") and "." in text.split()[-1][:-1]:
            return text  # "the U.S."
        return text.rstrip(".,")
