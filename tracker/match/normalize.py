"""Normalisation for matching: quote wording, speaker names and the entities around a claim."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet

from ..lexicon import MONTH_NAMES, PERSONAL_TITLES, WEEKDAYS

_BRACKETED = re.compile(r"\[[^\]]{0,80}\]")
_NON_WORD = re.compile(r"[^\w\s']+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_NAME_PARTICLES = ("al-", "el-", "al ", "el ", "ad-", "ash-", "as-", "at-", "ar-", "an-")
_NAME_TITLES = PERSONAL_TITLES


def quote_words(text: str) -> list[str]:
    """Words of a quote for comparison: case, punctuation, brackets and ellipses ignored."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = _BRACKETED.sub(" ", text)
    return _NON_WORD.sub(" ", text).split()


def quote_key(text: str) -> str:
    """One string per wording: equal keys mean a verbatim repeat."""
    return " ".join(quote_words(text))


def speaker_key(name: str | None) -> str | None:
    """A key under which spelling variants of one person's name meet.

    ``Omar al-Rashid``, ``Omar Rashid``, ``al-Rashid`` and ``Rashid`` all give ``rashid``:
    the surname without Arabic article particles or titles, case-folded.
    """
    if not name:
        return None
    words = [w for w in unicodedata.normalize("NFKC", name).casefold().replace("’", "'").split()
             if w.strip(".,") not in _NAME_TITLES]
    if not words:
        return None
    last = words[-1].strip(".,'")
    if last.endswith("'s"):
        last = last[:-2]
    for particle in _NAME_PARTICLES:
        if last.startswith(particle) and len(last) > len(particle) + 1:
            last = last[len(particle):]
    return last or None


_ENTITY = re.compile(r"\b(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*)(?:\s+(?:(?:al|bin|ibn|de|of|the|ad)[- ])?[A-Z][\w'’.-]*)*")
# Capitalised words that name no one: sentence starters, titles and the institutions every
# story has. Kept out of entity sets so that "Police said ..." links no two events.
_GENERIC = frozenset(
    """
    the a an he she it they we i his her their this that these those there but and or in on at for
    as to of by with from after before when while since if mr mrs ms dr upon according also however
    police officers officer authorities sheriff sheriff's deputies deputy department county city state
    hospital medical center office court news photo image video caption click read related
    today yesterday tonight now then
    one two three four five six seven eight nine ten
    """.split()
) | WEEKDAYS | MONTH_NAMES


def entities(sentence: str) -> set[str]:
    """Capitalised names in a sentence, with acronyms of multi-word names ("NLF" for "National Liberation Front").

    Multi-word names appear whole ("dwayne curtis") and word by word; generic capitalised words
    (sentence starters, "Police", weekdays) are left out.
    """
    found: set[str] = set()
    for match in _ENTITY.finditer(sentence):
        words = [w.strip(".,'’-") for w in match.group(0).split()]
        words = [w for w in words if w and w.casefold() not in _GENERIC]
        if not words:
            continue
        found.add(" ".join(words).casefold())
        for word in words:
            found.add(word.casefold())
        if len(words) >= 2:
            initials = "".join(part[0] for part in (w.split("-")[-1] for w in words) if part[:1].isalpha())
            if len(initials) >= 2:
                found.add(initials.casefold())
    return found


SMALL_CORPUS = 50  # below this many articles every name counts as specific
COMMON_SHARE = 0.02  # names in more than this share of a large corpus are not specific


def specific_names(article_names: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Each article's names less those too common in the corpus to tell events apart."""
    total = len(article_names)
    if total < SMALL_CORPUS:
        return dict(article_names)
    df: Counter[str] = Counter(n for names in article_names.values() for n in names)
    limit = max(3, int(COMMON_SHARE * total))
    return {a: frozenset(n for n in names if df[n] <= limit) for a, names in article_names.items()}


def cosine(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Shared words over the geometric mean of the two sets' sizes (0 when either is empty)."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def overlap(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Shared share of the smaller set: a short text inside a long one still counts."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def misspelling_aliases(keys: Iterable[str]) -> dict[str, str]:
    """Surname keys that are one person's name misspelt, mapped to the most used spelling.

    Two keys meet when they are long (six letters or more), start with the same two letters
    and use the same letters in another order ("rasihdi" for "rashidi"): a transposition typo,
    not a different name.
    """
    counts = Counter(keys)
    families: dict[tuple[str, str], list[str]] = {}
    for key in counts:
        if len(key) >= 6 and key.isalpha():
            families.setdefault((key[:2], "".join(sorted(key))), []).append(key)
    out: dict[str, str] = {}
    for members in families.values():
        if len(members) > 1:
            best = max(members, key=lambda k: (counts[k], k))
            out.update({k: best for k in members if k != best})
    return out
