"""The typed read of claim files: validated once, then records every reader can trust.

A claim file may have been edited by hand, so a reader of plain YAML data has to ask of every
value whether it is there and of the right type. This module asks once: ``store.claim_file``
refuses a file whose fields the report cannot use (``shape``), ``read_records`` refuses a value
outside the contract's enumerations (file and line, like ``shape``), and every field comes back
typed: text as ``str``, figures as numbers (a bool or text is no figure: None), spans as
well-formed ``(start, end)`` pairs, enumerations as the ``Literal`` types of ``records``.
Attribute names are the claim file's keys (``fields``), so a search for a key finds its uses.

The report, ``tracker.load``, ``tracker check``'s conflicts and the versions timeline read
these records; ``tracker check`` itself reads raw positioned data (it must place each problem
at its line) and only then hands valid files here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ClaimFileError
from ..records import (
    ATTRIBUTIONS,
    BOUNDS,
    CLAIM_KINDS,
    CORRECTION_KINDS,
    CORRECTION_TARGETS,
    QUOTE_KINDS,
    REVIEW_STATUSES,
    Attribution,
    Bound,
    ClaimKind,
    CorrectionKind,
    CorrectionTarget,
    CountScope,
    QuoteKind,
    ReviewStatus,
    Span,
)
from .shape import line_of
from .store import ClaimFile, iter_claim_files

#: A mapping read from a claim file as it is written (passed on as is: ``age_cue``, the article).
Raw = Mapping[str, Any]
_Value = TypeVar("_Value", bound=str)
_Record = TypeVar("_Record")


@dataclass(frozen=True, slots=True)
class ReviewRead:
    """A record's ``review``; refs (``same_as``, ``different_from``) always as a tuple of text."""

    status: ReviewStatus
    by: str | None
    note: str | None
    same_as: tuple[str, ...]
    different_from: tuple[str, ...]
    resolved: str | None  # None when absent or empty


@dataclass(frozen=True, slots=True)
class MentionRead:
    """Words naming a speaker or a source, and their span when it is well-formed."""

    text: str | None
    span: Span | None


@dataclass(frozen=True, slots=True)
class ArticleRead:
    """The ``article`` section; ``raw`` is the mapping as written (the report lists it as is)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    version: str | None
    version_of: str | None
    raw: Raw


@dataclass(frozen=True, slots=True)
class QuoteRead:
    """A quote. ``position`` orders quotes for clustering: its first span's start, else 0."""

    id: str
    text: str
    spans: tuple[Span, ...]
    speaker: str | None
    speaker_reason: str | None
    speaker_mention: MentionRead | None
    kind: QuoteKind | None  # None: the file has no kind (``check`` reports it)
    speaker_role: Raw | None
    age_cue: Raw | None
    review: ReviewRead
    orphaned: bool
    position: int
    raw: Raw  # as written: ``tracker diff`` shows changes to what is written


@dataclass(frozen=True, slots=True)
class ClaimRead:
    """A numeric claim; the figures keep the type written (an int stays an int)."""

    id: str
    value: int | float | None
    unit: str | None
    measure: str | None
    kind: ClaimKind | None  # None: written before claims had kinds
    approximate: bool
    bound: Bound | None
    low: int | float | None
    high: int | float | None
    surface: str
    span: Span | None
    sentence: str
    counts: CountScope | None  # None when absent or unusable
    source: str | None
    source_reason: str | None
    source_mention: str | None  # the words as written
    cue: str | None
    attribution: Attribution | None
    quote: str | None
    review: ReviewRead
    orphaned: bool
    raw: Raw  # as written: ``tracker diff`` shows changes to what is written


@dataclass(frozen=True, slots=True)
class CorrectionRead:
    """A correction notice and the records it links."""

    id: str
    text: str
    span: Span | None
    kind: CorrectionKind | None
    target: str | None
    target_kind: CorrectionTarget | None
    paragraph: int | None
    was: str | None
    now: str | None
    reason: str | None
    links: tuple[str, ...]
    link_reason: str | None
    review: ReviewRead
    orphaned: bool


@dataclass(frozen=True, slots=True)
class ClaimRecords:
    """One claim file as typed records."""

    path: Path
    article: ArticleRead
    quotes: tuple[QuoteRead, ...]
    claims: tuple[ClaimRead, ...]
    corrections: tuple[CorrectionRead, ...]


def text(value: object) -> str | None:
    """A value as text (None stays None): what a hand-typed date or number reads as."""
    return None if value is None else str(value)


def number(value: object) -> int | float | None:
    """A figure as written, or None when it is no number (a bool is not one)."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def spans(value: object) -> tuple[Span, ...]:
    """Well-formed ``[start, end]`` pairs only: hand-edited files may hold anything."""
    if not isinstance(value, list):
        return ()
    out = []
    for span in value:
        if isinstance(span, list | tuple) and len(span) == 2:
            start, end = span
            if _offset(start) and _offset(end) and 0 <= start <= end:
                out.append((start, end))
    return tuple(out)


def _offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(value: object) -> Span | None:
    found = spans([value])
    return found[0] if found else None


#: The review extraction writes (``{status: unreviewed, by: null, note: null}``): one shared record.
UNREVIEWED = ReviewRead("unreviewed", None, None, (), (), None)
_PLAIN_REVIEW = frozenset({"status", "by", "note"})


class _Reader:
    """Reads one file's records, refusing a value outside an enumeration with its file and line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def enum(self, value: object, allowed: tuple[_Value, ...], *where: Any) -> _Value | None:
        """``value`` as one of ``allowed`` (None stays None); ``where`` is its key path, for the error."""
        if value is None:
            return None
        if value in allowed:
            return allowed[allowed.index(value)]
        field = ".".join([str(where[0])[:-1], *(str(k) for k in where[2:])])  # claim.review.status
        raise ClaimFileError(f"{field} must be one of "
                             f"{', '.join(allowed)}, not {value!r}; fix it (tracker check lists every problem)",
                             str(self.path), line_of(self.path, list(where)))

    def review(self, record: Raw, section: str, index: int) -> ReviewRead:
        review = record.get("review")
        if not isinstance(review, dict) or (review.keys() <= _PLAIN_REVIEW and review.get("status") == "unreviewed"
                                            and review.get("by") is None and review.get("note") is None):
            return UNREVIEWED
        status = self.enum(review.get("status") or "unreviewed", REVIEW_STATUSES, section, index, "review", "status")
        resolved = review.get("resolved")
        return ReviewRead(status or "unreviewed", text(review.get("by")), text(review.get("note")),
                          _refs(review.get("same_as")), _refs(review.get("different_from")),
                          str(resolved) if resolved else None)

    # Text fields (``fields.text_keys``) are str or None once ``shape`` passed the file: read as they are.

    def quote(self, q: Raw, index: int) -> QuoteRead:
        get = q.get
        mention = get("speaker_mention")
        raw_spans = get("spans") or [[0, 0]]
        first = raw_spans[0][0] if raw_spans and isinstance(raw_spans[0], list) and raw_spans[0] else 0
        role, cue = get("speaker_role"), get("age_cue")
        return QuoteRead(
            str(get("id")), get("text") or "", spans(get("spans")), get("speaker"), get("speaker_reason"),
            MentionRead(text(mention.get("text")), _span(mention.get("span"))) if isinstance(mention, dict) else None,
            self.enum(get("kind"), QUOTE_KINDS, "quotes", index, "kind"),
            role if isinstance(role, dict) else None, cue if isinstance(cue, dict) else None,
            self.review(q, "quotes", index), bool(get("orphaned")), int(first) if isinstance(first, int) else 0, q)

    def claim(self, c: Raw, index: int) -> ClaimRead:
        get = c.get
        mention, counts = get("source_mention"), get("counts")
        return ClaimRead(
            str(get("id")), number(get("value")), get("unit"), get("measure"),
            self.enum(get("kind"), CLAIM_KINDS, "claims", index, "kind"), bool(get("approximate")),
            self.enum(get("bound"), BOUNDS, "claims", index, "bound"), number(get("low")), number(get("high")),
            get("surface") or "", _span(get("span")), get("sentence") or "",
            CountScope.from_fields(counts) if isinstance(counts, dict) else None,
            get("source"), get("source_reason"), text(mention.get("text")) if isinstance(mention, dict) else None,
            get("cue"), self.enum(get("attribution"), ATTRIBUTIONS, "claims", index, "attribution"), get("quote"),
            self.review(c, "claims", index), bool(get("orphaned")), c)

    def correction(self, n: Raw, index: int) -> CorrectionRead:
        get = n.get
        links, paragraph = get("links"), get("paragraph")
        return CorrectionRead(
            str(get("id")), get("text") or "", _span(get("span")),
            self.enum(get("kind"), CORRECTION_KINDS, "corrections", index, "kind"), get("target"),
            self.enum(get("target_kind"), CORRECTION_TARGETS, "corrections", index, "target_kind"),
            paragraph if isinstance(paragraph, int) else None, get("was"), get("now"), get("reason"),
            tuple(str(x) for x in links) if isinstance(links, list) else (), get("link_reason"),
            self.review(n, "corrections", index), bool(get("orphaned")))


def _refs(value: object) -> tuple[str, ...]:
    """``same_as``/``different_from``: one ref or a list of them, as text."""
    if not value:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def _article(article: Raw) -> ArticleRead:
    return ArticleRead(str(article.get("id")), article.get("title"), article.get("outlet"), article.get("published"),
                       article.get("url"), article.get("version"), article.get("version_of"), article)


def read_records(cf: ClaimFile) -> ClaimRecords:
    """A claim file (already through ``store.claim_file``) as typed records."""
    reader = _Reader(cf.path)
    return ClaimRecords(cf.path, _article(cf.article), _indexed(cf.data.get("quotes"), reader.quote),
                        _indexed(cf.data.get("claims"), reader.claim),
                        _indexed(cf.data.get("corrections"), reader.correction))


def _indexed(section: object, read: Callable[[Raw, int], _Record]) -> tuple[_Record, ...]:
    """Each mapping of a section read with its index in the file (for the line of an error)."""
    if not isinstance(section, list):
        return ()
    return tuple(read(record, index) for index, record in enumerate(section) if isinstance(record, dict))


def typed(files: Iterable[ClaimFile | ClaimRecords]) -> list[ClaimRecords]:
    """Claim files as typed records (files already read are kept)."""
    return [f if isinstance(f, ClaimRecords) else read_records(f) for f in files]


def read_folder(folder: Path) -> list[ClaimRecords]:
    """Every claim file of ``folder`` as typed records; ClaimFileError (file:line) names a bad one."""
    return typed(iter_claim_files(folder))
