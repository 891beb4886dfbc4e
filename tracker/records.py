"""The records tracker reads and writes: articles, quotes, claims and their reviews.

Every record keeps its provenance: the article it came from, character spans into the article
body (the decoded, newline-normalised text after any front matter) and the exact surface text,
so that ``body[start:end] == surface`` can always be checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar, get_args

Span = tuple[int, int]

# The enumerations of the claim-file contract as types (``tests/test_contract.py`` holds each to
# the schema's enum); each tuple of allowed values is read from its type, so a value is listed once.
ReviewStatus = Literal["unreviewed", "confirmed", "rejected", "disputed"]
QuoteKind = Literal["direct", "partial", "term", "headline", "indirect"]
#: What a figure measures; ``count`` when nothing else fits.
ClaimKind = Literal["count", "currency", "percent", "year", "date", "age", "ordinal", "measure"]
#: A figure given as a bound ("more than 10" is ``>``); None when it is the figure itself.
Bound = Literal[">", ">=", "<", "<="]
CorrectionKind = Literal["correction", "clarification", "update", "amendment"]
CorrectionTarget = Literal["quote", "figure", "name", "headline"]
Scope = Literal["total", "part", "unplaced"]
Attribution = Literal["quoted", "reported", "according_to", "document", "anonymous", "unattributed"]
AgeSays = Literal["old", "new"]

_Value = TypeVar("_Value", bound=str)


def one_of(value: object, allowed: tuple[_Value, ...]) -> _Value:
    """``value`` as one of ``allowed`` (a contract enumeration); ValueError when it is none of them."""
    for option in allowed:
        if value == option:
            return option
    raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")


REVIEW_STATUSES: tuple[ReviewStatus, ...] = get_args(ReviewStatus)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
CLAIM_KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)
BOUNDS: tuple[Bound, ...] = get_args(Bound)
#: Quote kinds that are somebody's words (a term or a title is nobody's; reported speech is paraphrase).
SPEECH_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "headline")
BLOCK_ROLES = ("title", "text")
#: What a notice about the article's own change is: it fixes an error, makes something clearer,
#: adds or changes news, or (wire style) amends wording.
CORRECTION_KINDS: tuple[CorrectionKind, ...] = get_args(CorrectionKind)
#: What kind of record a notice says it changes.
CORRECTION_TARGETS: tuple[CorrectionTarget, ...] = get_args(CorrectionTarget)
#: What a figure is of what it counts: the whole, a part of it, or unknown (not located).
SCOPES: tuple[Scope, ...] = get_args(Scope)
#: How a figure is credited: inside someone's quotation, reported speech ("X said …"), "according
#: to X", a document (report, budget, filing, study), an unnamed source ("officials said"), or
#: the reporter's own voice.
ATTRIBUTIONS: tuple[Attribution, ...] = get_args(Attribution)


@dataclass(frozen=True)
class Review:
    """A human decision on a record; ``unreviewed`` until someone edits it."""

    status: ReviewStatus = "unreviewed"
    by: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Article:
    """Metadata of one article; ``sha256`` is of the body, so edits to the text are detected."""

    id: str
    path: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    #: The body when it is not the file's text (a saved web page: the article trafilatura found),
    #: recorded so spans can be checked and shown without re-extracting; None for text files.
    body: str | None = None
    version: str | None = None  # which version of a story this is (the input's ``version`` or ``retrieved``)
    version_of: str | None = None  # the story id its versions share (the input's ``id``)


@dataclass(frozen=True)
class Block:
    """A paragraph of article content as a span of the body (page furniture is never a block).

    A hard-wrapped paragraph is one block whose text still holds the wrapping newlines.
    """

    start: int
    end: int
    role: str = "text"  # "title" or "text"


@dataclass(frozen=True)
class SpeakerMention:
    """The words naming the speaker, as written ("he", "the senator", "Secretary of State Jane Roe")."""

    text: str
    span: Span


#: What an article says of the age of words it quotes: ``old`` (it dates them) or ``new``.
AGE_SAYS: tuple[AgeSays, ...] = get_args(AgeSays)


@dataclass(frozen=True)
class AgeCue:
    """The words dating a quote ("said then", "had warned") or serving it as news ("warns")."""

    says: AgeSays
    text: str
    span: Span


@dataclass(frozen=True)
class SpeakerRole:
    """An appositive naming the organisation the speaker leads ("Y leader X", "X, the leader of Y")."""

    organisation: str
    text: str
    span: Span


@dataclass(frozen=True)
class FoundQuote:
    """A quotation as the extractor finds it, before it gets an id.

    ``spans`` are inside the quote marks, one per quoted part (a quote split by an attribution
    has two); ``text`` is the parts whitespace-normalised and joined by one space.
    """

    text: str
    spans: tuple[Span, ...]
    kind: str  # one of QUOTE_KINDS, checked when it becomes a Quote
    speaker: str | None = None
    speaker_mention: SpeakerMention | None = None
    cue: str | None = None
    speaker_reason: str | None = None  # why ``speaker`` is None (not for terms)


@dataclass(frozen=True)
class Quantity:
    """A number mention found in text; offsets are relative to the text searched."""

    start: int
    end: int
    surface: str
    value: float
    kind: str  # count, currency, percent, year, date, age, ordinal, measure
    unit: str | None = None
    approximate: bool = False
    bound: str | None = None  # ">", ">=", "<", "<=" or None
    high: float | None = None  # upper end of a range ("10-12" -> value 10, high 12)


@dataclass(frozen=True)
class CountScope:
    """What one figure counts, as far as its sentence says.

    ``scope``: ``total`` (the figure stands alone for what it counts), ``part`` (a part, a subset,
    an addition, one of a coordinated list) or ``unplaced`` (the number cannot be located).
    ``misread``: why the number is not a count of what follows it, or None.
    """

    predicate: str | None
    owner: str | None
    scope: Scope
    includes: str | None
    misread: str | None

    @property
    def comparable(self) -> bool:
        """A figure that may be set against another report's figure at all."""
        return self.scope == "total" and self.misread is None

    def as_fields(self) -> dict[str, str | None]:
        """The claim file's ``counts`` mapping: predicate and scope always, the rest when known."""
        fields: dict[str, str | None] = {"predicate": self.predicate, "scope": self.scope}
        for key, value in (("owner", self.owner), ("includes", self.includes), ("not_a_count", self.misread)):
            if value is not None:
                fields[key] = value
        return fields

    @classmethod
    def from_fields(cls, fields: Mapping[str, object]) -> CountScope | None:
        """A ``counts`` mapping as read from a claim file (None when it is not usable)."""
        scope = fields.get("scope")
        if scope not in SCOPES:
            return None
        text = {k: v if isinstance(v, str) and v else None
                for k, v in ((k, fields.get(k)) for k in ("predicate", "owner", "includes", "not_a_count"))}
        return cls(text["predicate"], text["owner"], one_of(scope, SCOPES), text["includes"], text["not_a_count"])


@dataclass(frozen=True)
class FigureSource:
    """Who a figure is credited to, as its article says.

    ``source`` is resolved like a quote's speaker, or None with ``reason`` saying why (no source
    in the sentence, an unnamed one, a pronoun nothing resolves): a wrong name is worse than none.
    ``quote`` is the id of the direct quotation the figure stands in, when it does.
    """

    attribution: Attribution
    source: str | None = None
    mention: SpeakerMention | None = None
    cue: str | None = None
    quote: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class FoundClaim:
    """A numeric claim in a sentence, before it gets an id. Spans are into the body."""

    value: float
    unit: str | None
    measure: str | None  # what is counted, normalised for comparison ("killed", "troops")
    approximate: bool
    surface: str
    span: Span
    sentence: str
    sentence_span: Span
    kind: str = "count"
    bound: str | None = None
    high: float | None = None
    counts: CountScope | None = None  # what the figure counts, read from its sentence


@dataclass(frozen=True)
class Quote:
    """A quote record as stored in a claim file."""

    id: str
    text: str
    spans: tuple[Span, ...]
    kind: QuoteKind
    speaker: str | None = None
    speaker_mention: SpeakerMention | None = None
    cue: str | None = None
    review: Review = field(default_factory=Review)
    speaker_reason: str | None = None  # why ``speaker`` is None: shown in reports, never guessed over
    speaker_role: SpeakerRole | None = None
    age_cue: AgeCue | None = None


@dataclass(frozen=True)
class Claim:
    """A numeric claim record as stored in a claim file.

    A range ("between 2005 and 2011", "15 to 22 mph") has no single value: ``value`` is None
    and ``low``/``high`` give its ends.
    """

    id: str
    value: float | None
    unit: str | None
    approximate: bool
    surface: str
    span: Span
    sentence: str
    measure: str | None = None
    kind: ClaimKind = "count"
    bound: Bound | None = None
    high: float | None = None
    low: float | None = None
    counts: CountScope | None = None
    credit: FigureSource | None = None  # who the figure is credited to (None: not worked out)
    review: Review = field(default_factory=Review)


@dataclass(frozen=True)
class Correction:
    """A correction, clarification, update or amendment notice and the records it points at.

    ``links`` are ids of this article's quotes and claims; when there are none,
    ``link_reason`` says why (the notice names no place, or nothing of its kind stands there).
    """

    id: str
    text: str
    span: Span
    kind: CorrectionKind
    target: str | None = None  # the stated target as written ("quote in seventh paragraph")
    target_kind: CorrectionTarget | None = None
    paragraph: int | None = None  # the paragraph it names, counted as the outlet counts
    was: str | None = None  # the wrong value as stated ("misstated the toll as 5")
    now: str | None = None  # the right value as stated ("It is 4")
    reason: str | None = None  # the stated reason ("to reflect official transcript")
    links: tuple[str, ...] = ()
    link_reason: str | None = None
    review: Review = field(default_factory=Review)
