"""Record ids from content: what extraction writes and what ``tracker check`` verifies.

An id is a hash of the record's content and its rank among records with the same content,
never a counter, so an unchanged quote keeps its id when text is added elsewhere in the
article. Re-runs match records by id, so ``check`` recomputes ids: an id a person edited would
silently detach the record from its review.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from .text import normalize_space

PREFIX = {"quotes": "q", "claims": "c"}


def digest(prefix: str, key: str) -> str:
    return prefix + hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def ranked_ids(prefix: str, keys: Iterable[str]) -> list[str]:
    """One id per key: the key's hash with its rank among equal keys (1 for the first)."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(digest(prefix, f"{key}\x00{seen[key]}"))
    return out


def quote_key(text: str, indirect: bool) -> str:
    return f"{indirect}\x00{text.casefold()}"


def claim_key(sentence: str, surface: str) -> str:
    return f"{normalize_space(sentence).casefold()}\x00{surface}"


def _keys(section: str, record: Any) -> tuple[str, ...]:
    """The content keys a record's id may come from (a reviewer may correct a quote's kind)."""
    if section == "quotes":
        text = record.get("text")
        if not isinstance(text, str):
            return ()
        indirect = record.get("kind") == "indirect"
        return quote_key(text, indirect), quote_key(text, not indirect)
    sentence, surface = record.get("sentence"), record.get("surface")
    return (claim_key(sentence, surface),) if isinstance(sentence, str) and isinstance(surface, str) else ()


def expected_ids(section: str, records: Sequence[Any]) -> list[tuple[str, frozenset[str]]]:
    """For each record: the id extraction gives it here, and every id its content can have.

    Any rank up to the number of records sharing the content is accepted: an orphaned twin
    keeps the rank it had. Records without content give ``("", frozenset())``. Linear time.
    """
    prefix = PREFIX[section]
    keys = [_keys(section, r) if isinstance(r, dict) else () for r in records]
    counts: Counter[str] = Counter(k for ks in keys for k in ks)
    accepted = {key: frozenset(digest(prefix, f"{key}\x00{n}") for n in range(1, count + 1))
                for key, count in counts.items()}
    seen: Counter[str] = Counter()
    out: list[tuple[str, frozenset[str]]] = []
    for ks in keys:
        if not ks:
            out.append(("", frozenset()))
            continue
        seen[ks[0]] += 1
        out.append((digest(prefix, f"{ks[0]}\x00{seen[ks[0]]}"), frozenset().union(*(accepted[k] for k in ks))))
    return out
