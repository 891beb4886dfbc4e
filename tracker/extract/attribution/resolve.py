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

from ...lexicon import DETERMINERS, NAME_SUFFIXES, wordset
from ...records import Block, SpeakerMention
from ...text import split_sentences
from .lexicon import (
    CUE_VERBS,
    NAME_PARTICLES,
    PERSON_PRONOUNS,
    PRONOUNS,
    SKIPPABLE,
    SOURCE_NOUNS,
    STOP_WORDS,
    TITLE_WORDS,
)
from .mentions import sentence_subject
from .speakers import NO_SOURCE, is_source_noun, speaker_problem

__all__ = ["Resolver", "person_name"]

#: Named limits of speaker resolution (besides the reaches documented where they are used).
_INITIALS_MAX = 2  # capitals of an initial pair ("JD"); longer all-capital words are no part of a name
_SURNAME_CACHE = 8192  # surname keys memoised: the distinct words of a large batch of articles
_POSSESSIVE = len("’s")  # characters of a possessive ending stripped to reach its owner
_STOP_WORD_CHARS = 3  # the three letters the full-stop pattern (\w{3}\.) reads before the stop
_TITLE_REACH = 30  # characters before a name read for its title ("Sen.", "Secretary of State")
_ANTECEDENT_REACH = 120  # characters before "who" read for the name it refers to
_ABBREVIATION_MAX = 12  # letters before a full stop read to tell an abbreviation from a sentence end

_CAP_RUN = re.compile(
    r"\b[A-Z][\w’'\-]*\.?"
    r"(?:[ \t]+(?:(?:al|el|bin|ibn|de|da|van|von|der|le|la|du|abu)[ -])?[A-Z][\w’'\-]*\.?){0,5}"
)
_DETERMINERS = DETERMINERS
#: Determiners of a description that refers back to someone introduced before ("the official");
#: "a"/"an"/"one" introduce someone new ("a UAMS spokesman"), who is named by that description.
_DEFINITE = wordset("the his her its their our that this")
#: Determiners that introduce a new person the article describes without naming.
_INDEFINITE = wordset("a an one another")
#: A capitalised word in running text (not where a sentence or a quotation opens) is a name, since
#: nothing else is capitalised there; a word capitalised only where a sentence opens ("Known",
#: "Assistance") is not shown to be one.
_CAP_WORD = re.compile(r"(?<![\w’'\-])[A-Z][\w’'\-]+")
#: Abbreviations whose full stop ends no sentence ("Mr. Obama", "Sen. Reid").
_ABBREVIATIONS = TITLE_WORDS | wordset("mr mrs ms dr st jr sr mt ft messrs")
#: A name in apposition right after a description: "the Republican leader, Michael Thibodeau, said".
_APPOSED_NAME = re.compile(r"\s*,\s+([A-Z][\w’'\-.]*(?:[ \t]+[A-Z][\w’'\-.]*){1,3})\s*[,)]")
#: Endings of speaker_problem's reasons after which the sentence's subject is read instead: the
#: words before the cue were a time ("on Wednesday said"), so the source is further back. (Tried
#: and left out, since they added wrong speakers on PolNeAR dev: function words, pieces of clauses.)
_SUBJECT_FALLBACK_REASONS = ("names a time, not a source",)
#: A relative clause about a thing or an event ("…, which led authorities to believe"): its
#: subject is that thing, so the sentence's subject did not speak its cue.
_RELATIVE_THING = re.compile(r",\s+which\b")
#: What follows the place of a dateline: a dash, or an agency in parentheses ("(AP) —").
_DATELINE_END = re.compile(r"[ \t]*(?:\([A-Za-z .]{1,20}\)[ \t]*)?[—–-]")
#: The lower-case word right after a mention (same line).
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z’'\-]*)\b")
#: Documents that speak for whoever issued them ("a statement from the sheriff's office").
_DOCUMENT_HEADS = wordset(
    "statement statements release report reports letter memo complaint affidavit filing email post notice"
)
#: "from"/"by" and the words after a document mention, up to a punctuation mark.
_ISSUED_BY = re.compile(r"[ \t]+(?:from|by|issued by|released by)[ \t]+([^,.;:“”\"()\n]{2,80})")
#: How many people with a title (and recent sources) are weighed for "the host": the nearest
#: one that is already a source wins, else the nearest; a bound keeps the look-up constant time.
_TITLED_REACH = 8
#: Lower-case words that may trail a name in a mention and are no part of it ("Mr. LePage
#: nevertheless"): sentence adverbs; words ending in -ly are read as adverbs too.
_TRAILING_ADVERBS = wordset(
    "nevertheless nonetheless however meanwhile also still then too again instead though later earlier first"
    " now never always once"
)
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
    titled = False
    while run and (
        _lower(run[0]) in TITLE_WORDS
        or _lower(run[0]) in _COMMON
        or (run[0].isupper() and len(run[0]) > _INITIALS_MAX and "." not in run[0])
        or (run[0].endswith(".") and not _initial(run[0]))
    ):
        titled = titled or _lower(run[0]) in TITLE_WORDS
        run.pop(0)
    # After a title, two words are a name even when the surname is a role word ("Rep. Peter King").
    named = titled and len(run) >= 2 and _lower(run[-2]) not in TITLE_WORDS
    if not run or (_lower(run[-1]) in TITLE_WORDS and not named) or _lower(run[-1]) in SOURCE_NOUNS \
            or _lower(run[-1]) in _ORG_WORDS:
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
_NAME_SUFFIXES = NAME_SUFFIXES
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


@lru_cache(maxsize=_SURNAME_CACHE)
def _surname_key(word: str) -> str:
    w = word.lower().replace("’", "'")
    for prefix in ("al-", "el-"):
        if w.startswith(prefix):
            w = w[len(prefix) :]
    if w.endswith("'s"):
        w = w[: -_POSSESSIVE]
    return w.strip(".,")


class Resolver:
    """Resolves mentions to person names using the names and attributions seen in the article."""

    def __init__(self, body: str, blocks: Sequence[Block]) -> None:
        self.body = body
        self.names: list[tuple[int, str]] = []  # (position, full name) in text order
        self.titled: list[tuple[int, str, str]] = []  # (position, title word, name)
        self.titled_surname: dict[str, int] = {}  # surname key -> first "President Trump" position
        self._established: set[str] = set()  # capitalised words seen mid-sentence (names)
        self._described: list[tuple[int, str, str]] = []  # (position, head, description) of unnamed people
        self._alone: set[str] = set()  # keys of capitalised words written alone
        self._places: set[int] = set()  # indexes into ``names`` of names written as places or things
        for block in blocks:
            if block.role == "title":
                continue  # headline case makes every word look like a name
            for m in _CAP_RUN.finditer(body, block.start, block.end):
                self._note_run(body, block.start, m.start(), m.group())
            self._established.update(m.group() for m in _CAP_WORD.finditer(body, block.start, block.end)
                                     if not _opens_sentence(body, block.start, m.start()))
        self._index_names()
        self._speakers: list[tuple[int, str]] = []
        self._positions: list[int] = []
        self._groups: list[tuple[int, str]] = []  # (position, plural source as written), text order
        known = {full for _, full in self.names}
        self._sentences = split_sentences(body, [b for b in blocks if b.role != "title"])
        self._sentence_starts = [lo for lo, _ in self._sentences]
        for lo, hi in self._sentences:
            subject = self._subject_person(lo, hi, known)
            if subject is not None:
                self.note_speaker(*subject)

    def _note_run(self, body: str, lo: int, pos: int, run: str) -> None:
        if " " not in run:
            self._alone.add(_surname_key(run))  # a surname alone ("Yocum said"): its owner is a person
        sentence_end = re.search(r"\w{3}\.\s", run)
        if sentence_end:  # "… Russia. A …": the run crossed a full stop
            self._note_run(body, lo, pos, run[: sentence_end.start() + _STOP_WORD_CHARS])
            rest = sentence_end.end()
            self._note_run(body, lo, pos + rest, run[rest:])
            return
        full = person_name(run)
        if not full:
            return
        words = run.split()
        before = body[max(lo, pos - _TITLE_REACH) : pos].split()
        title = None
        if words and _lower(words[0]) in TITLE_WORDS:
            title = _title_key(words[0])
        elif before and _lower(before[-1]) in TITLE_WORDS:
            title = _title_key(before[-1])
        if len(full.split()) >= 2:
            self.names.append((pos, full))
            if not title and _place_like(body, lo, pos + max(run.rfind(full), 0), len(full)):
                self._places.add(len(self.names) - 1)
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
        if found is not None and self._in_quotation(found[0]):
            return None  # "“So-called Birthright Citizenship … will be ended,” he tweeted": quoted words
        return found

    def _person_of(self, mention: SpeakerMention | None, known: set[str]) -> tuple[int, str] | None:
        if mention is None or mention.text.lower() in PRONOUNS:
            return None
        first = mention.text.split()[0]
        if first.endswith(("’s", "'s")) and first[:1].isupper():
            name = person_name(first[: -_POSSESSIVE])  # the owner of the subject
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
        return _opens_quotation(window)

    def note_speakers(self, mentions: Iterable[SpeakerMention]) -> None:
        """Remember the people and groups named as sources (for later pronouns), and the people
        described without a name ("a neighbor said", then "she said": the neighbor)."""
        definite: list[SpeakerMention] = []
        for mention in mentions:
            if mention.text.lower() in PRONOUNS:
                continue
            if mention.text == "who":  # "Rep. Peter King, R-N.Y., who opposes …, said": King spoke
                antecedent = self._antecedent(mention.span[0])
                if antecedent and speaker_problem(antecedent) is None:
                    self.note_speaker(mention.span[0], antecedent)
                continue
            if _is_group(mention.text) and speaker_problem(mention.text, mention, self.body) is None:
                self._groups.append((mention.span[0], mention.text))
            name = person_name(mention.text)
            if name and speaker_problem(name, mention, self.body) is None and self._place(mention) is None:
                self.note_speaker(mention.span[0], self.expand(name, mention.span[0]))
            elif name is None and _person_head(mention.text) and speaker_problem(mention.text, mention,
                                                                                  self.body) is None:
                first = mention.text.split()[0].lower()
                if first in _INDEFINITE:
                    self._note_description(mention)
                elif first in _DEFINITE:
                    definite.append(mention)
        for mention in sorted(definite, key=lambda m: m.span[0]):
            resolved = self.resolve(mention)
            if resolved:
                self.note_speaker(mention.span[0], resolved)

    def _note_description(self, mention: SpeakerMention) -> None:
        text = " ".join(mention.text.split()).rstrip(".,")
        entry = (mention.span[0], _person_head(text), text)
        at = bisect_right(self._described, entry[0], key=lambda d: d[0])
        self._described.insert(at, entry)
        self.note_speaker(mention.span[0], text)

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
        if name[: len("al-")].lower() == "al-" and len(name) > len("al-") + 1:
            return name[len("al-")].upper() + name[len("al-") + 1 :]
        return name

    def last_person(self, pos: int) -> str | None:
        at = bisect_right(self._positions, pos - 1)
        if at:
            return self._speakers[at - 1][1]
        before = bisect_left(self._name_positions, pos)  # the last name before ``pos``
        for at in range(before - 1, max(-1, before - 1 - _FALLBACK_NAMES), -1):
            if at not in self._places:
                return self.names[at][1]  # "he" is a person: "a speech in San Jose, Calif." is not one
        return None

    def last_group(self, pos: int) -> str | None:
        """What "they" refers to: the nearest plural source before it ("Police said … They said"),
        within a few paragraphs; None when there is none (never a person)."""
        for p, text in reversed(self._groups):
            if p < pos:
                return text if pos - p <= _GROUP_REACH else None
        return None

    def _antecedent(self, pos: int) -> str | None:
        """The name a relative pronoun refers to: ``Jane Doe, who said …``."""
        before = self.body[max(0, pos - _ANTECEDENT_REACH) : pos].rstrip().rstrip(",–—-").rstrip()
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
        speaker, reason, _ = self.speaker_of(mention)
        return speaker, reason

    def speaker_of(self, mention: SpeakerMention | None, content: Sequence[tuple[int, int]] = (),
                   cued: bool = True) -> tuple[str | None, str | None, SpeakerMention | None]:
        """As :meth:`speaker`, with the mention the speaker was read from: when the words before
        the cue are no source but a time, a function word or a piece of a clause ("on Wednesday
        said", "…, calling for"), the subject of the sentence is ("Democrats …, and on Wednesday
        said"), if it passes the same rule; else the speaker stays null with the first reason. Only
        for a mention next to a cue (``cued``), and never a subject inside the quoted ``content``
        ("Most Americans think …, according to a poll released Friday")."""
        speaker, problem = self._checked(mention)
        if problem is None or mention is None or not cued or not problem.endswith(_SUBJECT_FALLBACK_REASONS):
            return speaker, problem, mention
        subject = self._sentence_subject_of(mention)
        if subject is not None and not any(s < subject.span[1] and subject.span[0] < e for s, e in content) \
                and not _RELATIVE_THING.search(self.body, subject.span[1], mention.span[0]):
            found, why_not = self._checked(subject)
            if why_not is None:
                return found, None, subject
        return None, problem, mention

    def _checked(self, mention: SpeakerMention | None) -> tuple[str | None, str | None]:
        if mention is None:
            return None, NO_SOURCE
        resolved = self.resolve(mention)
        problem = speaker_problem(resolved, mention, self.body)
        if problem is None and resolved is not None and mention.text.strip().lower() in PERSON_PRONOUNS:
            rival = self._rival(mention.span[0], resolved)
            if rival is not None:
                problem = f"the pronoun {mention.text.strip()!r} may be {resolved!r} or {rival!r}"
        if problem is None and resolved is not None and self._sentence_case_only(resolved, mention):
            problem = f"{resolved!r} is capitalised only where a sentence opens; nothing shows it is a name"
        if problem is None and resolved is not None:
            problem = self._modifier_of_noun(mention) or self._dateline(mention) or self._place(mention)
        return (None, problem) if problem else (" ".join(resolved.split()) if resolved else None, None)

    def _place(self, mention: SpeakerMention) -> str | None:
        """A capitalised mention written as a place ("Washington, DC", "a speech in San Jose")."""
        text = mention.text.strip()
        if not text[:1].isupper() or text.lower() in PRONOUNS:
            return None
        at = mention.span[0] + (len(mention.text) - len(mention.text.lstrip()))
        if _place_like(self.body, 0, at, len(text)):
            return f"{text!r} is written as a place, not a source"
        return None

    def _rival(self, pos: int, resolved: str) -> str | None:
        """Another person named after the sentence that named ``resolved`` and before the pronoun
        at ``pos`` ("Those comments drew a response from Rev. William Owens. “…,” he told"):
        the pronoun may be either, so it is not read as the earlier source."""
        at = bisect_right(self._positions, pos - 1)
        if not at:
            return None
        noted = self._speakers[at - 1][0]
        sentence = bisect_right(self._sentence_starts, noted) - 1
        after = self._sentences[sentence][1] if sentence >= 0 else noted
        key = _surname_key(resolved.split()[-1])
        first = bisect_left(self._name_positions, after)
        for i in range(first, bisect_left(self._name_positions, pos)):
            p, full = self.names[i]
            if i in self._places or _surname_key(full.split()[-1]) == key or self._in_quotation(p):
                continue
            if full in self._titled_names or self._surname_used(full):
                return full
        return None

    def _surname_used(self, full: str) -> bool:
        """Whether the article refers to ``full`` by surname alone: a person, not a body."""
        return _surname_key(full.split()[-1]) in self._alone

    def _dateline(self, mention: SpeakerMention) -> str | None:
        """An upper-case place opening a paragraph before a dash ("WASHINGTON —"): a dateline."""
        text = mention.text.strip()
        start = mention.span[0]
        if not text.isupper() or (start > 0 and self.body[start - 1] != "\n"):
            return None
        return f"{text!r} is a dateline, not a source" if _DATELINE_END.match(self.body, mention.span[1]) else None

    def _modifier_of_noun(self, mention: SpeakerMention) -> str | None:
        """A mention that is only a modifier of the noun right after it ("Iraqi" of "Iraqi
        politicians"): the source is that longer phrase, which the scan cut short, so no name."""
        m = _NEXT_WORD.match(self.body, mention.span[1])
        if m is None or not is_source_noun(m.group(1)) or m.group(1) in CUE_VERBS or m.group(1) in SKIPPABLE:
            return None
        return f"{mention.text!r} only qualifies {mention.text + ' ' + m.group(1)!r}, which the scan cut short"

    def _sentence_subject_of(self, mention: SpeakerMention) -> SpeakerMention | None:
        """The subject of the sentence holding ``mention`` (not inside a quotation), or None."""
        at = bisect_right(self._sentence_starts, mention.span[0]) - 1
        if at < 0:
            return None
        lo, hi = self._sentences[at]
        if self._in_quotation(lo):
            return None
        subject = sentence_subject(self.body, lo, hi)
        comma = self.body.find(",", lo, min(hi, lo + _OPENING_CHARS))
        if (subject is None or subject.span == mention.span) and comma > 0:  # "Several hours earlier, X …"
            subject = sentence_subject(self.body, comma + 1, hi)
        if subject is None or subject.span[0] <= mention.span[0] < subject.span[1]:
            return None
        return subject

    def _sentence_case_only(self, speaker: str, mention: SpeakerMention) -> bool:
        """A lone capitalised word the article never capitalises inside a sentence ("Known",
        "Assistance"): an ordinary word opening a sentence, not shown to be a name. Acronyms and
        bare source nouns ("Police", "Officials") are exempt."""
        word = speaker.strip()
        if " " in word or not word[:1].isupper() or word.isupper() or len(word) < 2:
            return False
        if mention.text.strip().removesuffix("’s").removesuffix("'s") != word:
            return False  # "Mr. Trump", "Sen. Franken": a title shows the name
        if is_source_noun(word.lower()):
            return False
        return word not in self._established

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
            text = text[: -_POSSESSIVE]  # "Gorsuch’s stated belief": the owner holds the belief
        text = _trim_adverbs(text)
        issuer = self._issuer(text, mention)
        if issuer is not None:
            return issuer
        name = person_name(text)
        if name:
            return self.expand(name, pos)
        words = text.lower().split()
        if words and words[0] in _DEFINITE and _person_head(text):
            return self._described_as(text, mention)
        if text.endswith(".") and "." in text.split()[-1][:-1]:
            return text  # "the U.S."
        return text.rstrip(".,")

    def _issuer(self, text: str, mention: SpeakerMention) -> str | None:
        """Who issued a document the mention names: "a statement from the sheriff's office" speaks
        for the office, "a news release by police" for the police; None when no issuer is written."""
        words = text.lower().split()
        cut = next((i for i, w in enumerate(words) if w in ("from", "by")), len(words))
        if not words or cut == 0 or words[cut - 1].strip(".,") not in _DOCUMENT_HEADS:
            return None
        if cut < len(words):
            phrase = " ".join(text.split()[cut + 1 :])
        else:
            m = _ISSUED_BY.match(self.body, mention.span[1])
            if m is None:
                return None
            phrase = m.group(1)
        phrase = _source_phrase(phrase)
        return phrase if phrase and speaker_problem(phrase) is None else None

    def _described_as(self, text: str, mention: SpeakerMention) -> str:
        """Who a definite description ("the official", "the Republican leader") refers to: a name
        in apposition right after it, else the nearest person introduced before it with that
        title or that description, else the description as written (never a guess)."""
        after = _APPOSED_NAME.match(self.body, mention.span[1])
        if after:
            name = person_name(after.group(1))
            if name and len(name.split()) >= 2:
                return name
        pos = mention.span[0]
        head = _person_head(text)
        titled = self._titled_by_key.get(_title_key(head), [])
        before = bisect_left(titled, pos, key=lambda t: t[0])
        best: tuple[int, str] | None = None
        quoted = {name for _, name in self._speakers[: bisect_right(self._positions, pos - 1)][-_TITLED_REACH:]}
        for p, full in reversed(titled[max(0, before - _TITLED_REACH) : before]):
            if best is None or self.expand(full, p) in quoted:
                best = (p, self.expand(full, p))  # the nearest, or the nearest already a source
                if best[1] in quoted:
                    break
        described = bisect_left(self._described, pos, key=lambda d: d[0])
        for p, d_head, d_text in reversed(self._described[:described]):
            if d_head == head:
                if best is None or p > best[0]:
                    best = (p, d_text)
                break
        return best[1] if best else text.rstrip(".,")

        if text.endswith(".") and "." in text.split()[-1][:-1]:
            return text  # "the U.S."
        return text.rstrip(".,")


#: Singular nouns of people that a definite description may refer back with ("the official").
_PERSON_NOUNS = _ROLE_HEADS | wordset(
    """
    woman man boy girl mother father wife husband son daughter sister brother grandmother grandfather
    aunt uncle cousin friend neighbor neighbour witness resident victim suspect gunman shooter driver
    owner employee worker linguist expert analyst attorney lawyer deputy detective investigator
    officer prosecutor teacher parent member agent trooper aide adviser advisor source host anchor
    reporter writer author editor columnist economist scientist researcher strategist pollster
    doctor physician professor historian journalist commentator pastor priest bishop sheriff
    activist organizer volunteer supporter protester executive consultant staffer person
    """
)


def _person_head(text: str) -> str:
    """The head noun of a description of one person ("the Republican leader" → "leader"), or ''."""
    words = text.lower().replace(",", " ").split()
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "at", "for", "from", "with", "in", "who"):
            words = words[:i]
            break
    head = words[-1].strip(".,’'") if words else ""
    return head if head in _PERSON_NOUNS else ""


#: Names read back for "he"/"she" when no source was named before: past a few places, abstain.
_FALLBACK_NAMES = 4
#: Words before a capitalised name that make it a place or a body ("a speech in San Jose").
_PLACE_LEADS = wordset("in at near into outside across throughout inside")
#: A state or country abbreviation after a city ("San Jose, Calif.", "Washington, D.C.").
_PLACE_TAG = re.compile(r",[ \t]+(?!(?:Jr|Sr|II|III|IV|Esq|Inc|Co)\b)(?:[A-Z][a-z]{1,4}\.|[A-Z]\.?[A-Z]\.?)(?![\w’'])")


def _place_like(body: str, lo: int, at: int, length: int) -> bool:
    """Whether the capitalised name at ``at`` is written as a place or a thing, not a person: the
    object of a place preposition, owned by another noun ("the Department's Harbor Station"), or
    a city followed by its state ("San Jose, Calif.")."""
    before = body[max(lo, at - _TITLE_REACH) : at]
    words = before.split()
    if before.rstrip().endswith(("’s", "'s")):
        return True
    if words and words[-1].lower() == "the":
        words = words[:-1]
    if words and words[-1] in _PLACE_LEADS:
        return True
    if _PLACE_TAG.fullmatch(", " + body[at : at + length]) and re.search(r"[A-Z][\w.]*,[ \t]*$", before):
        return True  # "the mayor of Washington, DC, suggested": the state of a city
    return _PLACE_TAG.match(body, at + length) is not None


def _opens_quotation(window: str) -> bool:
    """Whether a quotation is open at the end of ``window``: its marks read in order, a curly
    mark opening or closing, a straight one toggling. Counting straight marks alone fails where
    an article mixes straight and curly marks (``"I did …,” said Manning``)."""
    open_ = False
    for mark in _QUOTE_MARKS.findall(window):
        open_ = mark == "“" or (mark == '"' and not open_)
    return open_


_QUOTE_MARKS = re.compile(r'[“”"]')


def _trim_adverbs(text: str) -> str:
    """A mention without the sentence adverbs trailing it ("Mr. LePage nevertheless")."""
    words = text.split()
    while len(words) > 1 and words[-1].islower() and (words[-1] in _TRAILING_ADVERBS or words[-1].endswith("ly")):
        words.pop()
    return " ".join(words) if len(words) < len(text.split()) else text


def _opens_sentence(body: str, lo: int, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence, a paragraph or a quotation (reads a few
    characters back: constant time)."""
    i = pos
    while i > lo and body[i - 1] in " \t":
        i -= 1
    if i <= lo or body[i - 1] in "\n\"“‘'(—:!?":
        return True
    if body[i - 1] != ".":
        return False
    j = i - 1
    while j > lo and j > i - _ABBREVIATION_MAX and body[j - 1].isalpha():
        j -= 1
    word = body[j : i - 1]
    return not (len(word) == 1 and word.isupper()) and word.lower() not in _ABBREVIATIONS


def _source_phrase(phrase: str) -> str:
    """The noun phrase at the start of ``phrase`` that can be a source: words up to the last
    capitalised word or source noun among the first few ("the sheriff's office Monday" → "the
    sheriff's office"); '' when there is none."""
    words = phrase.split()[:_ISSUER_WORDS]
    end = 0
    for i, w in enumerate(words):
        bare = w.strip("’'")
        if bare.lower() in SKIPPABLE:
            break  # "the sheriff's office Monday": a time ends the name
        if w[:1].isupper() or is_source_noun(bare.lower()):
            end = i + 1
        elif bare.lower() not in _ISSUER_INNER and not bare.lower().endswith(("'s", "’s")):
            break
    return " ".join(words[:end])


#: Words of an issuer's name read at most (a bound: "the Bexar County Criminal District Attorney's Office").
_ISSUER_WORDS = 8
#: Lower-case words that may sit inside an issuer's name ("the Department of Justice").
_ISSUER_INNER = wordset("the of and for")
