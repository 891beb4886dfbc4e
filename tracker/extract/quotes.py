"""Placeholder quote finder: pairs double quote marks inside blocks (replaced on merge)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Block, FoundQuote
from ..text import normalize_space

_PAIR = re.compile(r"[“\"]([^“”\"]{1,2000})[”\"]")


def find_quotes(body: str, blocks: Sequence[Block]) -> list[FoundQuote]:
    out = []
    for block in blocks:
        for m in _PAIR.finditer(body, block.start, block.end):
            text = normalize_space(m.group(1))
            if text:
                kind = "headline" if block.role == "title" else "direct"
                out.append(FoundQuote(text=text, spans=((m.start(1), m.end(1)),), kind=kind))
    return out
