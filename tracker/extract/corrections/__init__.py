"""Correction, clarification, update and amendment notices: found, read, and linked to records."""

from __future__ import annotations

from collections.abc import Sequence

from ...ids import ranked_ids
from ...records import CORRECTION_KINDS, CORRECTION_TARGETS, Block, Claim, Correction, Quote, one_of
from ...text import normalize_space
from .detect import Notice, find_notices, without_notices
from .link import link_records, paragraphs, read_target

__all__ = ["Notice", "correction_records", "find_notices", "without_notices"]


def correction_records(body: str, blocks: tuple[Block, ...], quotes: Sequence[Quote],
                       claims: Sequence[Claim]) -> list[Correction]:
    """Every notice of the article as a record, linked to the quotes and claims it amends."""
    notices = find_notices(body, blocks)
    paras, title = paragraphs(blocks, [n.span for n in notices])
    texts = [normalize_space(body[n.span[0]:n.span[1]]) for n in notices]
    out = []
    for rid, notice, text in zip(ranked_ids("n", (t.casefold() for t in texts)), notices, texts, strict=True):
        target = read_target(text)
        links, why = link_records(target, text, paras, title, quotes, claims, body)
        target_kind = None if target.kind is None else one_of(target.kind, CORRECTION_TARGETS)
        out.append(Correction(id=rid, text=text, span=notice.span, kind=one_of(notice.kind, CORRECTION_KINDS),
                              target=target.text, target_kind=target_kind, paragraph=target.paragraph,
                              was=target.was, now=target.now, reason=target.reason, links=tuple(links),
                              link_reason=why))
    return out
