"""Extraction: one document in, its quote and claim records out (with stable ids).

Ids come from content and position among identical content, never from counters, so an
unchanged quote keeps its id when text is added elsewhere in the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..ids import claim_key, quote_key, ranked_ids
from ..ingest import Document
from ..records import (
    AGE_SAYS,
    BOUNDS,
    CLAIM_KINDS,
    QUOTE_KINDS,
    AgeCue,
    Block,
    Claim,
    FoundClaim,
    FoundQuote,
    Quote,
    SpeakerRole,
    one_of,
)
from ..text import split_sentences
from .attribution.figures import credit_figures
from .attribution.roles import find_roles, role_of, roles_by_person
from .attribution.speakers import NO_SOURCE
from .corrections import correction_records, find_notices, without_notices
from .numbers.claims import find_claims
from .quotes.age import age_cue
from .quotes.finder import find_quotes

__all__ = ["TooManyRecords", "correction_records", "extract_document", "find_claims", "find_quotes"]


def quote_records(found: list[FoundQuote], body: str | None = None, blocks: Sequence[Block] = ()) -> list[Quote]:
    """Quote records with ids; with the ``body``, each also gets its speaker's role and age cue."""
    keys = [quote_key(q.text, q.kind == "indirect") for q in found]
    roles = roles_by_person(find_roles(body)) if body is not None else {}
    out = []
    for rid, q in zip(ranked_ids("q", keys), found, strict=True):
        role = role_of(q.speaker, roles)
        cue = age_cue(body, blocks, q) if body is not None else None
        out.append(Quote(id=rid, text=q.text, spans=q.spans, kind=one_of(q.kind, QUOTE_KINDS), speaker=q.speaker,
                         speaker_mention=q.speaker_mention, cue=q.cue, speaker_reason=_reason(q),
                         speaker_role=SpeakerRole(role.organisation, role.text, role.span) if role else None,
                         age_cue=AgeCue(one_of(cue[0], AGE_SAYS), cue[1], cue[2]) if cue else None))
    return out


def _reason(quote: FoundQuote) -> str | None:
    """Why a quote has no speaker: set exactly when ``speaker`` is null and the quote is not a term."""
    if quote.speaker is not None or quote.kind == "term":
        return None
    return quote.speaker_reason or NO_SOURCE


def claim_records(found: list[FoundClaim]) -> list[Claim]:
    keys = [claim_key(c.sentence, c.surface) for c in found]
    out = []
    for rid, c in zip(ranked_ids("c", keys), found, strict=True):
        ranged = c.high is not None and c.high != c.value  # a range: no single value
        out.append(Claim(id=rid, value=None if ranged else c.value, unit=c.unit, approximate=c.approximate,
                         surface=c.surface, span=c.span, sentence=c.sentence, measure=c.measure,
                         kind=one_of(c.kind, CLAIM_KINDS), bound=None if c.bound is None else one_of(c.bound, BOUNDS),
                         high=c.high if ranged else None, low=c.value if ranged else None, counts=c.counts))
    return out


class TooManyRecords(Exception):
    """The document yields more than ``limit`` quotes and claims; extraction stopped there."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def extract_document(doc: Document, max_records: int | None = None) -> tuple[list[Quote], list[Claim]]:
    """All quotes and numeric claims of one document, in body order.

    With ``max_records``, TooManyRecords as soon as there are more: claims (cheapest) first,
    then quotations, then reported speech, so an oversized article costs little of a full run.
    """
    # Notices about the article's own change are not its news: "misstated the toll as 5" reports no 5.
    blocks = without_notices(doc.body, doc.blocks, find_notices(doc.body, doc.blocks))
    found_claims = find_claims(doc.body, split_sentences(doc.body, blocks), limit=max_records)
    budget = None if max_records is None else max_records - len(found_claims)
    if max_records is not None and len(found_claims) > max_records:
        raise TooManyRecords(max_records)
    found_quotes = find_quotes(doc.body, blocks, limit=budget)
    if max_records is not None and len(found_claims) + len(found_quotes) > max_records:
        raise TooManyRecords(max_records)
    quotes = quote_records(sorted(found_quotes, key=lambda q: q.spans[0] if q.spans else (0, 0)), doc.body,
                           doc.blocks)
    claims = claim_records(sorted(found_claims, key=lambda c: c.span))
    return quotes, credit_figures(doc.body, doc.blocks, quotes, claims)
