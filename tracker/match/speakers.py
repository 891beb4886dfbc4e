"""Speaker names across articles: one canonical name per person, and who leads what.

Outlets spell one person many ways ("Omar al-Rashidi", "Omar Rashidi", "Rashidi", the misspelt
"Rasihdi", "Sen. Jane Roe"). Misattribution can only be flagged once those meet, and only if two
different people with similar names never do ("Mark Kelly" and "Mike Kelly", "Donald Trump" and
"Melania Trump"). The rules, in order:

1. Titles and Arabic article particles are dropped; the surname (``speaker_key``) and the given
   names decide.
2. A surname misspelt by transposition ("Rasihdi"), or within ``FUZZY_SURNAME`` similarity of a
   longer surname, is that surname, unless both spellings come with given names that differ:
   then they are two people who happen to have similar names.
3. A bare surname joins the one fuller name with that surname; with two people of that surname
   it stays apart (it cannot be told which one it is).

A person and the organisation they lead are one source for misattribution ("Kataib al-Nasr
said" and "Rashidi said" are not a contradiction). Leadership is read from the articles'
appositives ("X, the leader of Y", "Y leader X", "Y chief X") as extraction records them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..lexicon import NAME_SUFFIXES, PERSONAL_TITLES
from .normalize import misspelling_aliases, speaker_key

#: Least normalised Levenshtein similarity at which two surnames are one spelling misspelt:
#: "rashidi"/"rashdi" (0.86) meet, "kelly"/"kelley" too; "gomez"/"gomes" (0.8) do not.
FUZZY_SURNAME = 0.85
#: Shortest surname compared fuzzily: short surnames differ by one letter and are other names
#: ("Lee"/"Lei", "Shaw"/"Shah").
FUZZY_MIN_LETTERS = 6
_TITLES = PERSONAL_TITLES | frozenset("adm admiral commander cleric militia u.s. us army brig former the".split())
_PARTICLES = frozenset("al el ad ash as at ar an bin ibn abu de la van von".split())
#: Generational suffixes: not a surname, and a person of their own ("Donald Trump Jr." is not
#: "Donald Trump").
_SUFFIXES = NAME_SUFFIXES
#: Familiar forms of given names outlets print interchangeably ("Mike Thibodeau", "Michael
#: Thibodeau"); a short form that begins the long one ("Ken", "Kenneth") needs no entry.
_NICKNAMES = {
    "mike": "michael", "bob": "robert", "rob": "robert", "bobby": "robert", "bill": "william",
    "will": "william", "billy": "william", "jim": "james", "jimmy": "james", "joe": "joseph",
    "tom": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles",
    "ted": "edward", "ed": "edward", "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth",
    "kate": "katherine", "kathy": "katherine", "peggy": "margaret", "maggie": "margaret",
    "tony": "anthony", "andy": "andrew", "steve": "stephen", "dave": "david", "dan": "daniel",
    "danny": "daniel", "jack": "john", "johnny": "john", "jeff": "jeffrey", "jerry": "gerald",
    "larry": "lawrence", "matt": "matthew", "pat": "patrick", "sam": "samuel", "sue": "susan",
    "nick": "nicholas", "chris": "christopher", "greg": "gregory", "hank": "henry", "harry": "henry",
}
#: Surnames ``FUZZY_SURNAME`` apart differ in length by at most this much (two edits in 14 letters).
MAX_LENGTH_GAP = 2
#: Least similarity at which two long given names are one misspelt ("Vincente"/"Vicente" 0.93).
FUZZY_GIVEN = 0.85
#: A short form is a prefix of at least this many letters ("Ken" of "Kenneth", not "Al" of "Alan").
MIN_SHORT_FORM = 3
_ACRONYM_STOP = frozenset("of the and for in al el".split())


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name).replace("’", "'")
    return [w.strip(".,") for w in text.split() if w.strip(".,")]


def fold(text: str) -> str:
    """Case and accents dropped: outlets print "Peña" and "Pena", "Raúl" and "Raul"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _titles(name: str) -> int:
    return sum(1 for w in _words(name) if w.casefold() in _TITLES)


def suffix(name: str) -> str | None:
    """The generational suffix of a name ("jr" for "Donald Trump Jr."), if any."""
    words = _words(name)
    last = fold(words[-1]).strip(".,") if words else ""
    return last if last in _SUFFIXES and len(words) > 1 else None


def surname_key(name: str | None) -> str | None:
    """``speaker_key`` of the name without its suffix, accents folded."""
    if not name:
        return None
    if suffix(name):
        name = " ".join(_words(name)[:-1])
    key = speaker_key(name)
    return fold(key) if key else None


def given_names(name: str) -> tuple[str, ...]:
    """Given names, folded, titles and particles dropped: ("omar",) for "Omar al-Rashidi"."""
    words = _words(name)
    words = words[:-2] if suffix(name) else words[:-1]
    out = []
    for w in words:
        low = w.casefold()
        if low in _TITLES or low in _PARTICLES or not w[:1].isupper():
            continue
        out.append(fold(low))
    return tuple(out)


def is_name(text: str | None) -> bool:
    """A proper name as written ("Omar Rashidi", "KAN"), not a description ("his coalition")."""
    if not text:
        return False
    words = _words(text)
    return bool(words) and all(w[:1].isupper() or w.casefold() in _PARTICLES or w[:3].casefold() in ("al-", "el-")
                               for w in words[-1:]) and words[0][:1].isupper()


def _named(text: str) -> bool:
    """Ends in a name ("Omar al-Rashidi", "the Pentagon"), not a description ("a former NSA official")."""
    return is_name(text) or is_name(" ".join(_words(text)[1:]))


@dataclass(frozen=True)
class _Spelling:
    name: str
    surname: str
    given: tuple[str, ...]
    suffix: str | None


def _near(key: str, candidates: Sequence[str]) -> list[str]:
    """Candidates within ``FUZZY_SURNAME`` of ``key`` (rapidfuzz's C loop; callers bucket them)."""
    found = process.extract(key, candidates, scorer=Levenshtein.normalized_similarity,
                            score_cutoff=FUZZY_SURNAME, limit=None)
    return [c for c, _, _ in found]


def _fuzzy_surnames(surnames: Iterable[str], counts: Mapping[str, int]) -> dict[str, str]:
    """Surnames within ``FUZZY_SURNAME`` of a more used one, mapped to it.

    Only surnames with the same first letter are compared (a misspelling rarely starts wrong),
    which keeps this near linear in the number of surnames.
    """
    keys = sorted(set(surnames), key=lambda k: (-counts.get(k, 0), -len(k), k))
    out: dict[str, str] = {}
    heads: dict[tuple[str, int], list[str]] = {}
    for key in keys:
        if len(key) < FUZZY_MIN_LETTERS:
            continue
        near = [c for n in range(len(key) - MAX_LENGTH_GAP, len(key) + MAX_LENGTH_GAP + 1)
                for c in _near(key, heads.get((key[0], n), []))]
        if near:
            out[key] = min(near, key=keys.index)  # the most used
        else:
            heads.setdefault((key[0], len(key)), []).append(key)
    return out


def _same_given(a: str, b: str) -> bool:
    """One given name as outlets vary it: an initial, a familiar form, a misspelling."""
    if a == b or _NICKNAMES.get(a, a) == _NICKNAMES.get(b, b):
        return True
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and (len(short) == 1 or len(short) >= MIN_SHORT_FORM):
        return True
    return min(len(a), len(b)) >= 5 and Levenshtein.normalized_similarity(a, b) >= FUZZY_GIVEN


def _compatible(a: _Spelling, b: _Spelling) -> bool:
    """Spellings that may be one person's: suffixes agree when both say more than a surname, and the
    first given names agree (or one side has none)."""
    if a.suffix != b.suffix and (a.given or a.suffix) and (b.given or b.suffix):
        return False  # "Trump Jr." is not "Donald Trump"; a bare "Trump" may be either
    if not a.given or not b.given:
        return True
    return _same_given(a.given[0], b.given[0])


def canonical_names(names: Iterable[str], aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each spelling mapped to the fullest spelling of the same person (see module doc).

    ``aliases`` are reviewers' decisions, spelling -> spelling of the same person; they win.
    """
    every = [n for n in names if n]
    uses = Counter(every)
    names = list(dict.fromkeys(every))
    aliases = dict(aliases or {})
    # Only proper names meet by surname: a description ("A former NSA official", "White House officials")
    # has no surname, and its last word would join unrelated descriptions ("Administration officials").
    spellings = [_Spelling(n, k, given_names(n), suffix(n)) for n in names if _named(n) and (k := surname_key(n))]
    counts: dict[str, int] = {}
    for s in spellings:
        counts[s.surname] = counts.get(s.surname, 0) + 1
    typos = misspelling_aliases(s.surname for s in spellings)
    fuzzy = _fuzzy_surnames((typos.get(s.surname, s.surname) for s in spellings), counts)
    people: list[list[_Spelling]] = []
    by_surname: dict[str, list[int]] = {}

    def home(surname: str) -> str:
        surname = typos.get(surname, surname)
        return fuzzy.get(surname, surname)

    # Full names first, so bare surnames meet the people already formed.
    for s in sorted(spellings, key=lambda s: (not s.given, s.name)):
        surname = home(s.surname)
        fits = [i for i in by_surname.get(surname, []) if all(_compatible(s, o) for o in people[i])]
        if s.given:  # a full name joins the person whose given names agree, else is another person
            target = fits[0] if fits else None
        else:
            target = fits[0] if len(fits) == 1 else None
            if len(by_surname.get(surname, [])) > 1:
                target = None  # two people of that surname: a bare surname cannot be placed
        if target is None:
            by_surname.setdefault(surname, []).append(len(people))
            people.append([s])
        else:
            people[target].append(s)
    out: dict[str, str] = {}
    for group in people:
        # The usual full spelling: given names, the surname as most print it, the most used spelling,
        # then the fullest without titles ("Omar al-Rashidi" over "Sheikh Omar al-Rashidi").
        best = max(group, key=lambda s: (len(s.given) > 0, s.surname == home(s.surname), uses[s.name],
                                         len(s.given), -_titles(s.name), len(s.name), s.name)).name
        for s in group:
            out[s.name] = best
    for n in names:
        out.setdefault(n, n)
    for spelling, same in aliases.items():
        if spelling in out or same in out:
            final = out.get(same, same)
            for n, c in list(out.items()):
                if c == out.get(spelling, spelling) or n == spelling:
                    out[n] = final
    return out


def could_be_same(a: str, b: str) -> bool:
    """Two spellings nothing tells apart: one surname (misspelt or not) and given names and
    suffixes that agree, or are missing on one side ("Trump" and "Donald Trump Jr.")."""
    ka, kb = surname_key(a), surname_key(b)
    if not ka or not kb:
        return False
    if ka != kb and not (ka[:2] == kb[:2] and sorted(ka) == sorted(kb)) and not (
            min(len(ka), len(kb)) >= FUZZY_MIN_LETTERS and Levenshtein.normalized_similarity(ka, kb) >= FUZZY_SURNAME):
        return False
    return _compatible(_Spelling(a, ka, given_names(a), suffix(a)), _Spelling(b, kb, given_names(b), suffix(b)))


def acronym(org: str) -> str | None:
    """Initials of a multi-word organisation name: "KAN" for "Kataib al-Nasr"."""
    words = [w for w in _words(org) if w.casefold() not in _ACRONYM_STOP]
    parts = [w.split("-")[-1] for w in words]
    letters = "".join(p[0] for p in parts if p[:1].isalpha()).upper()
    return letters if len(letters) >= 2 else None


def org_keys(org: str) -> set[str]:
    """Ways an organisation is written: its name, its acronym, an acronym given in brackets."""
    out = {org.casefold().strip()}
    bracket = re.search(r"\(([A-Z][A-Za-z-]{1,9})\)", org)
    if bracket:
        out.add(bracket.group(1).casefold())
        org = org[:bracket.start()].strip()
        out.add(org.casefold())
    initials = acronym(org)
    if initials:
        out.add(initials.casefold())
    return out


def leads(person: str, speaker: str, roles: Mapping[str, Iterable[str]], canonical: Mapping[str, str]) -> bool:
    """True when ``speaker`` is an organisation that ``person`` leads, by any article's appositive."""
    mine = {k for org in roles.get(canonical.get(person, person), ()) for k in org_keys(org)}
    theirs = org_keys(speaker)
    theirs |= {w.casefold() for w in _words(speaker) if w.isupper() and len(w) >= 2}
    return bool(mine & theirs)


def surname_aliases(words: Iterable[str], canonical: Mapping[str, str]) -> dict[str, str]:
    """Bare surnames met in running text ("Rasihdi was captured …") that are a quoted person's
    surname misspelt, mapped to that person. A word near two people's surnames stays unplaced."""
    people: dict[str, set[str]] = {}
    for spelling, person in canonical.items():
        key = surname_key(spelling)
        if key and len(key) >= FUZZY_MIN_LETTERS:
            people.setdefault(key, set()).add(person)
    heads: dict[str, list[str]] = {}
    for surname in people:
        heads.setdefault(surname[0], []).append(surname)
    out: dict[str, str] = {}
    for word in set(words):
        key = fold(word)
        if key in people or len(key) < FUZZY_MIN_LETTERS or not word[:1].isupper():
            continue
        bucket = heads.get(key[0], [])
        letters = sorted(key)
        surnames = {s for s in bucket if s[:2] == key[:2] and sorted(s) == letters} | set(_near(key, bucket))
        near = {p for surname in surnames for p in people[surname]}
        if len(near) == 1:
            out[word] = near.pop()
    return out
