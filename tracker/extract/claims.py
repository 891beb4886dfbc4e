"""Placeholder claim finder: digit numbers in sentences (replaced on merge)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import FoundClaim, Span
from ..text import normalize_space

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def find_claims(body: str, sentences: Sequence[Span]) -> list[FoundClaim]:
    out = []
    for s, e in sentences:
        for m in _NUM.finditer(body, s, e):
            try:
                value = float(m.group(0).replace(",", ""))
            except ValueError:
                continue
            out.append(FoundClaim(value=value, unit=None, measure=None, approximate=False, surface=m.group(0),
                                  span=(m.start(), m.end()), sentence=normalize_space(body[s:e]),
                                  sentence_span=(s, e)))
    return out
