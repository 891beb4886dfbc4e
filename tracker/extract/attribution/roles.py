"""Who leads what, as an article says it: "X, the leader of Y", "Y leader X", "Y chief X".

Misattribution across outlets must not flag a quote credited to a person in one outlet and to
the organisation that person leads in another. Which organisation a person leads is read only
from these appositives, never guessed from a name: a role the article does not state is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...records import Span

_HEADS = (r"(?:leader|head|chief|founder|co-founder|chairman|chairwoman|commander|secretary-general|boss"
          r"|spokesman|spokeswoman)")
_PART = r"(?:[A-Z][\w'’.-]*|(?:al|el|ad|ash)-[A-Z][\w'’-]*)"
_PARTICLE = r"(?:(?:al|bin|ibn|of|the|de|for|ad|el)[- ])"
#: A name's words are joined by spaces only: a line break between capitalised words is a caption
#: or byline meeting the text ("AP\nOmar al-Rashidi"), not one name.
_PROPER = rf"{_PART}(?: {_PARTICLE}?{_PART})*"
_ACRONYM = r"(?:[ \n]\([A-Z][A-Za-z-]{1,9}\))"
_ORG = rf"(?P<org>{_PROPER}{_ACRONYM}?)"
#: "Omar al-Rashidi, the leader of the pro-government militia Kataib al-Nasr (KAN)": the words
#: after "of" up to this many characters are read, and the last name among them is the organisation.
_MAX_TAIL = 90
_AFTER = re.compile(
    rf"(?P<person>{_PROPER}),\s+(?:the\s+|a\s+|its\s+)?(?:[a-z-]+\s+){{0,2}}{_HEADS}\s+of\s+"
    rf"(?P<tail>[^,.;:()\n]{{1,{_MAX_TAIL}}}{_ACRONYM}?)")
_LAST_ORG = re.compile(rf"{_ORG}\Z")
_BEFORE = re.compile(rf"{_ORG}\s+(?:[a-z-]+\s+)?{_HEADS}\s+(?P<person>{_PROPER})")
_WHO = re.compile(rf"(?P<person>{_PROPER}),\s+who\s+(?:leads|heads|founded|runs|commands)\s+(?:the\s+)?{_ORG}")
_PATTERNS = (_AFTER, _BEFORE, _WHO)


@dataclass(frozen=True)
class Role:
    """One appositive: ``person`` leads ``organisation``; ``span`` covers the words saying so."""

    person: str
    organisation: str
    text: str
    span: Span


def find_roles(body: str) -> list[Role]:
    """Every leadership appositive in ``body``, in order."""
    found: dict[Span, Role] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(body):
            person = m.group("person").rstrip(".")
            if "tail" in pattern.groupindex:
                last = _LAST_ORG.search(m.group("tail").strip())
                if last is None:
                    continue
                org = last.group("org")
            else:
                org = m.group("org")
            if person == org or person.split()[0] in ("The", "A", "An"):
                continue
            said = m.group(0).rstrip()
            found.setdefault((m.start(), m.end()), Role(person, org, said, (m.start(), m.start() + len(said))))
    return [found[k] for k in sorted(found)]


def role_of(speaker: str | None, roles: Sequence[Role], same_person: Iterable[str] = ()) -> Role | None:
    """The first role the article states for ``speaker`` (any of its spellings ``same_person``)."""
    if not speaker:
        return None
    from ...match.normalize import speaker_key  # matching's name keys; imported late to keep layers apart

    keys = {speaker_key(speaker)} | {speaker_key(s) for s in same_person}
    keys.discard(None)
    mine = [role for role in roles if speaker_key(role.person) in keys]
    # The fullest statement of the organisation: "Kataib al-Nasr (KAN)" over a wrapped "KataibAl".
    return max(mine, key=lambda r: (len(r.organisation.split()), len(r.organisation)), default=None)
