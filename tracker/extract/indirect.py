"""Reported (indirect) speech: attributions without quotation marks."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Block, FoundQuote, Span
from .speakers import Resolver


def find_indirect(
    body: str, blocks: Sequence[Block], quoted: Sequence[Span], resolver: Resolver
) -> list[FoundQuote]:
    return []
