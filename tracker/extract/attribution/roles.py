"""Who leads what, as an article says it: "X, the leader of Y", "Y leader X", "Y chief X".

Misattribution across outlets must not flag a quote credited to a person in one outlet and to
the organisation that person leads in another. Which organisation a person leads is read only
from these appositives, never guessed from a name: a role the article does not state is absent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...records import Span

_HEADS = (r"(?:leader|head|chief|founder|co-founder|chairman|chairwoman|commander|secretary-general|boss"
          r"|spokesman|spokeswoman)")
_PART = r"(?:[A-Z][\w'’.-]*|(?:al|el|ad|ash)-[A-Z][\w'’-]*)"
_PARTICLE = r"(?:(?:al|bin|ibn|of|the|de|for|ad|el)[- ])"
#: A name's words are joined by spaces only: a line break between capitalised words is a caption
#: or byline meeting the text ("AP\nOmar al-Rashidi"), not one name. Names are bounded in words.
_MAX_NAME_WORDS = 7
_PROPER = rf"(?<![\w'’.-]){_PART}(?: {_PARTICLE}?{_PART}){{0,{_MAX_NAME_WORDS - 1}}}"
_ACRONYM = r"(?:[ \n]\([A-Z][A-Za-z-]{1,9}\))"
_ORG = rf"(?P<org>{_PROPER}{_ACRONYM}?)"
#: "Omar al-Rashidi, the leader of the pro-government militia Kataib al-Nasr (KAN)": the words
#: after "of" up to this many characters are read, and the last name among them is the organisation.
_MAX_TAIL = 90
#: How far before its anchor a name is looked for (characters): seven long words.
_NAME_REACH = 120
# Each pattern is anchored on the words every appositive needs (", the leader of", "chief",
# ", who leads") and the name before them is read from a short window: a page of capitalised
# words costs one scan, never a regex retried from every word.
_AFTER = re.compile(rf",\s+(?:the\s+|a\s+|its\s+)?(?:[a-z-]+\s+){{0,2}}{_HEADS}\s+of\s+"
                    rf"(?P<tail>[^,.;:()\n]{{1,{_MAX_TAIL}}}{_ACRONYM}?)")
_BEFORE = re.compile(rf"(?<!\s)\s+(?:[a-z-]+\s+)?{_HEADS}\s+(?P<person>{_PROPER})")  # from a run's start: linear
_WHO = re.compile(rf",\s+who\s+(?:leads|heads|founded|runs|commands)\s+(?:the\s+)?{_ORG}")


@dataclass(frozen=True)
class Role:
    """One appositive: ``person`` leads ``organisation``; ``span`` covers the words saying so."""

    person: str
    organisation: str
    text: str
    span: Span


_WORD = re.compile(_PART)
_PARTICLES = frozenset("al bin ibn of the de for ad el".split())
_TRAILING_ACRONYM = re.compile(rf"{_ACRONYM}\Z")


def _name_before(body: str, at: int, acronym: bool = False) -> tuple[int, str] | None:
    """(start, name) of the capitalised name ending right at ``at``, read word by word backwards
    (at most ``_MAX_NAME_WORDS``), or None. ``acronym``: it may end with "(KAN)"."""
    window = body[max(0, at - _NAME_REACH):at]
    end = len(window)
    tail = _TRAILING_ACRONYM.search(window) if acronym and window.endswith(")") else None
    if tail:
        window = window[:tail.start()]
    words: list[str] = []
    proper = 0
    for token in reversed(window.split(" ")):
        last_line = token.rsplit("\n", 1)[-1]
        if last_line in _PARTICLES and words:
            words.append(last_line)
            continue
        if not _WORD.fullmatch(last_line):
            break
        words.append(last_line)
        proper += 1
        if last_line != token or proper >= _MAX_NAME_WORDS:
            break  # a line break ends the name ("AP\nOmar al-Rashidi")
    while words and words[-1] in _PARTICLES:
        words.pop()
    if not words:
        return None
    name = " ".join(reversed(words))
    return at - (end - len(window)) - len(name), name + (tail.group(0) if tail else "")


def _role(body: str, start: int, end: int, person: str, org: str) -> Role | None:
    person = person.rstrip(".")
    if person == org or person.split()[0] in ("The", "A", "An"):
        return None
    said = body[start:end].rstrip()
    return Role(person, org, said, (start, start + len(said)))


def find_roles(body: str) -> list[Role]:
    """Every leadership appositive in ``body``, in order."""
    found: list[Role | None] = []
    for m in _AFTER.finditer(body):  # "X, the leader of ... Y"
        tail = m.group("tail").rstrip()
        who, org = _name_before(body, m.start()), _name_before(tail, len(tail), acronym=True)
        if who and org:
            found.append(_role(body, who[0], m.end(), who[1], org[1].strip()))
    for m in _BEFORE.finditer(body):  # "Y leader X", "Y chief X"
        named = _name_before(body, m.start(), acronym=True)
        if named:
            found.append(_role(body, named[0], m.end(), m.group("person"), named[1].strip()))
    for m in _WHO.finditer(body):  # "X, who leads Y"
        who = _name_before(body, m.start())
        if who:
            found.append(_role(body, who[0], m.end(), who[1], m.group("org")))
    unique = {r.span: r for r in reversed([r for r in found if r is not None])}
    return [unique[k] for k in sorted(unique)]


def roles_by_person(roles: Sequence[Role]) -> dict[str, Role]:
    """Each person's role by surname key: the fullest statement of the organisation ("Kataib
    al-Nasr (KAN)" over a wrapped "KataibAl")."""
    from ...match.normalize import speaker_key  # matching's name keys; imported late to keep layers apart

    out: dict[str, Role] = {}
    for role in roles:
        key = speaker_key(role.person)
        if key is None:
            continue
        best = out.get(key)
        if best is None or (len(role.organisation.split()), len(role.organisation)) > (
                len(best.organisation.split()), len(best.organisation)):
            out[key] = role
    return out


def role_of(speaker: str | None, roles: dict[str, Role]) -> Role | None:
    """The role the article states for ``speaker`` (``roles`` from ``roles_by_person``)."""
    from ...match.normalize import speaker_key

    key = speaker_key(speaker)
    return roles.get(key) if key else None
