"""Score tracker's output against the hand-written gold of the seed articles (tests/gold/seeds.yaml).

Pure functions over plain data; the file readers at the bottom only turn YAML/JSON into it.

Matching rules (documented here once, used everywhere):

* Text normalisation (:func:`normalize`): casefold, every Unicode punctuation or symbol character
  becomes a space, whitespace collapsed. ``“We’re …”`` and ``we re`` normalise alike.
* Quote overlap (:func:`text_overlap`): the characters the two normalised texts share, counted as
  the total size of the matching blocks of :class:`difflib.SequenceMatcher` (``autojunk=False``),
  divided by the length of the longer text. A predicted quote matches a gold quote of the same
  article when the overlap is at least :data:`QUOTE_OVERLAP` (0.5). Pairs are assigned one-to-one,
  greedily, best overlap first (ties: gold order, then predicted order).
* Quote P/R is over the quotation kinds direct/partial/headline: a true positive is a matched pair
  whose gold kind and predicted kind are both quotation kinds. A predicted quotation matched to a
  gold *term* is a false positive (and a term miss); a predicted term matched to a gold quotation
  is a quotation miss. Terms get their own P/R the same way. Predicted ``indirect`` records carry
  no quotation marks and are ignored. Gold items marked ``optional`` and the predictions matched
  to them count nowhere.
* Speaker accuracy: over the true-positive quote pairs whose gold quote has a speaker, the share
  whose predicted speaker names the same source: the last word of the name, casefolded, with a
  leading ``al-`` removed (``Qais al-Khazali`` = ``Al-Khazali`` = ``Khazali``), equal to that of
  the gold speaker or of one of its ``speaker_aliases``. A missing predicted speaker is wrong.
  Kind accuracy: over all matched non-optional pairs, the share with equal kinds.
* Claims: a predicted claim matches a required gold claim of the same article when the values are
  equal (relative tolerance 1e-6; a gold ``alt_values`` entry or, for a range, its ``high`` end is
  accepted too), the surfaces overlap (they share a number token: a digit run with separators
  dropped, or a number word; failing tokens, one contains the other) and the gold ``context``
  occurs in the predicted claim's sentence (both normalised; not checked when the prediction has
  no sentence). One-to-one, greedy (exact surface first, then gold order). A second prediction
  for the other end of a matched gold range, and any prediction whose surface and context fall on
  an optional gold item (a date's day, a relative time), are neutral; everything else unmatched
  is a false positive. Approximate agreement is over the matched pairs.
* Clusters: a gold cluster is found when one predicted cluster has, for every gold member, a
  member of the same article whose text overlaps the gold quote's text by at least 0.5 (its
  speaker and first-seen article are reported, not required). Report members are named by the
  article ids of the claim files (through ``quote_id``/``claim_id`` when needed).
  Groups: a gold group is found when one predicted group has the expected status and, for every
  gold member, a value of the same article matching the gold claim by the claim rule above.
* An empty denominator gives 1.0 (nothing to get wrong).
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

QUOTE_OVERLAP = 0.5
VALUE_REL_TOL = 1e-6
QUOTE_KINDS = frozenset({"direct", "partial", "headline"})
TERM = "term"
IGNORED_KINDS = frozenset({"indirect"})
GOLD_KINDS = QUOTE_KINDS | {TERM}
GROUP_STATUSES = frozenset({"conflict", "consistent"})

# --------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class GoldQuote:
    article: str
    key: str
    text: str
    kind: str
    speaker: str | None = None
    speaker_aliases: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class GoldClaim:
    article: str
    key: str
    value: float
    approximate: bool
    counted: str
    surface: str
    context: str | None = None
    high: float | None = None
    alt_values: tuple[float, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class MemberRef:
    article: str
    key: str


@dataclass(frozen=True)
class GoldCluster:
    id: str
    members: tuple[MemberRef, ...]
    speaker: str | None = None
    first_seen: str | None = None


@dataclass(frozen=True)
class GoldGroup:
    id: str
    status: str
    members: tuple[MemberRef, ...]


@dataclass(frozen=True)
class Gold:
    quotes: tuple[GoldQuote, ...]
    claims: tuple[GoldClaim, ...]
    clusters: tuple[GoldCluster, ...]
    groups: tuple[GoldGroup, ...]

    def quote(self, ref: MemberRef) -> GoldQuote:
        for q in self.quotes:
            if q.article == ref.article and q.key == ref.key:
                return q
        raise KeyError(f"no gold quote {ref.key!r} in {ref.article}")

    def claim(self, ref: MemberRef) -> GoldClaim:
        for c in self.claims:
            if c.article == ref.article and c.key == ref.key:
                return c
        raise KeyError(f"no gold claim {ref.key!r} in {ref.article}")


@dataclass(frozen=True)
class PredQuote:
    article: str
    id: str
    text: str
    kind: str
    speaker: str | None = None


@dataclass(frozen=True)
class PredClaim:
    article: str
    id: str
    value: float
    approximate: bool
    surface: str
    sentence: str | None = None
    high: float | None = None


@dataclass(frozen=True)
class PredClusterMember:
    article: str
    text: str
    quote_id: str | None = None


@dataclass(frozen=True)
class PredCluster:
    id: str
    members: tuple[PredClusterMember, ...]
    speaker: str | None = None
    first_seen: str | None = None  # article id


@dataclass(frozen=True)
class PredGroup:
    id: str
    status: str
    values: tuple[PredClaim, ...]


# --------------------------------------------------------------------------------------------
# Text helpers


def normalize(text: str) -> str:
    """Casefold, punctuation and symbols to spaces, whitespace collapsed."""
    chars = [" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text.casefold()]
    return " ".join("".join(chars).split())


def text_overlap(a: str, b: str) -> float:
    """Shared characters of the normalised texts over the length of the longer one (0..1)."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return 1.0 if na == nb else 0.0
    matcher = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared / max(len(na), len(nb))


def speaker_key(name: str | None) -> str | None:
    """The last word of a name, casefolded, without a leading ``al-``; None for no name."""
    if not name:
        return None
    words: list[str] = re.findall(r"[\w’'-]+", name.casefold())
    if not words:
        return None
    last = words[-1].strip("-’'")
    for prefix in ("al-", "el-"):
        if last.startswith(prefix) and len(last) > len(prefix):
            last = last[len(prefix) :]
    return last


def same_speaker(predicted: str | None, gold: GoldQuote) -> bool:
    key = speaker_key(predicted)
    if key is None:
        return False
    names = (gold.speaker, *gold.speaker_aliases)
    return any(key == speaker_key(name) for name in names if name)


_NUMBER_WORDS_TEXT = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
ninety hundred thousand million billion trillion dozen half quarter decade"""
_NUMBER_WORDS = frozenset(_NUMBER_WORDS_TEXT.split())
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def number_tokens(surface: str) -> frozenset[str]:
    """Digit runs (separators dropped) and number words of a surface.

    When a surface has digits its number words are left out, and scale words only count when
    nothing else does, so ``$850 million`` and ``$300 million`` share no token.
    """
    digits = {re.sub(r"[.,](?=\d{3}\b)", "", d) for d in _DIGITS.findall(surface)}
    if digits:
        return frozenset(digits)
    words = {
        w[:-1] if w.endswith("s") and w[:-1] in _NUMBER_WORDS else w
        for w in re.findall(r"[a-z]+", surface.casefold())
    }
    found = {w for w in words if w in _NUMBER_WORDS}
    unscaled = found - _SCALE_WORDS
    return frozenset(unscaled or found)


def surfaces_overlap(a: str, b: str) -> bool:
    ta, tb = number_tokens(a), number_tokens(b)
    if ta and tb:
        return bool(ta & tb)
    na, nb = normalize(a), normalize(b)
    return bool(na and nb) and (na in nb or nb in na)


def context_ok(context: str | None, sentence: str | None) -> bool:
    if not context or not sentence:
        return True
    return normalize(context) in normalize(sentence)


def values_equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=VALUE_REL_TOL, abs_tol=0.0)


def value_ok(pred: PredClaim, gold: GoldClaim) -> bool:
    accepted = [gold.value, *gold.alt_values]
    if gold.high is not None:
        accepted.append(gold.high)
    return any(values_equal(pred.value, v) for v in accepted)


def claim_matches(pred: PredClaim, gold: GoldClaim) -> bool:
    """The claim rule: same article, value, overlapping surface, context in the sentence."""
    return (
        pred.article == gold.article
        and value_ok(pred, gold)
        and surfaces_overlap(pred.surface, gold.surface)
        and context_ok(gold.context, pred.sentence)
    )


def claim_falls_on(pred: PredClaim, gold: GoldClaim) -> bool:
    """Same article, overlapping surface and context, whatever the value (for optional items)."""
    return (
        pred.article == gold.article
        and surfaces_overlap(pred.surface, gold.surface)
        and context_ok(gold.context, pred.sentence)
    )


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


# --------------------------------------------------------------------------------------------
# Quotes


@dataclass(frozen=True)
class QuoteScores:
    precision: float
    recall: float
    true_positives: int
    predicted: int
    gold: int
    speaker_accuracy: float
    speakers_right: int
    speakers_scored: int
    kind_accuracy: float
    term_precision: float
    term_recall: float
    misses: tuple[GoldQuote, ...] = ()
    false_positives: tuple[PredQuote, ...] = ()
    wrong_speakers: tuple[tuple[GoldQuote, PredQuote], ...] = ()
    wrong_kinds: tuple[tuple[GoldQuote, PredQuote], ...] = ()


def match_quotes(
    gold: Sequence[GoldQuote], predicted: Sequence[PredQuote]
) -> list[tuple[GoldQuote, PredQuote]]:
    """One-to-one greedy pairs of the same article with overlap >= QUOTE_OVERLAP, best first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.article != p.article:
                continue
            score = text_overlap(g.text, p.text)
            if score >= QUOTE_OVERLAP:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return [(gold[gi], predicted[pi]) for gi, pi in pairs]


def _is_quote_kind(kind: str) -> bool:
    return kind not in IGNORED_KINDS and kind != TERM


def score_quotes(gold: Sequence[GoldQuote], predicted: Sequence[PredQuote]) -> QuoteScores:
    preds = [p for p in predicted if p.kind not in IGNORED_KINDS]
    pairs = match_quotes(gold, preds)
    matched_pred = {id(p): g for g, p in pairs}
    matched_gold = {id(g): p for g, p in pairs}

    counted_pairs = [(g, p) for g, p in pairs if not g.optional]
    tp_pairs = [(g, p) for g, p in counted_pairs if g.kind in QUOTE_KINDS and _is_quote_kind(p.kind)]
    gold_quotes = [g for g in gold if not g.optional and g.kind in QUOTE_KINDS]
    pred_quotes = [
        p
        for p in preds
        if _is_quote_kind(p.kind) and not (id(p) in matched_pred and matched_pred[id(p)].optional)
    ]
    misses = tuple(
        g for g in gold_quotes if id(g) not in matched_gold or not _is_quote_kind(matched_gold[id(g)].kind)
    )
    false_positives = tuple(
        p for p in pred_quotes if id(p) not in matched_pred or matched_pred[id(p)].kind not in QUOTE_KINDS
    )

    term_tp = sum(1 for g, p in counted_pairs if g.kind == TERM and p.kind == TERM)
    gold_terms = sum(1 for g in gold if not g.optional and g.kind == TERM)
    pred_terms = sum(
        1 for p in preds if p.kind == TERM and not (id(p) in matched_pred and matched_pred[id(p)].optional)
    )

    with_speaker = [(g, p) for g, p in tp_pairs if g.speaker]
    wrong_speakers = tuple((g, p) for g, p in with_speaker if not same_speaker(p.speaker, g))
    wrong_kinds = tuple((g, p) for g, p in counted_pairs if g.kind != p.kind)
    return QuoteScores(
        precision=ratio(len(tp_pairs), len(pred_quotes)),
        recall=ratio(len(tp_pairs), len(gold_quotes)),
        true_positives=len(tp_pairs),
        predicted=len(pred_quotes),
        gold=len(gold_quotes),
        speaker_accuracy=ratio(len(with_speaker) - len(wrong_speakers), len(with_speaker)),
        speakers_right=len(with_speaker) - len(wrong_speakers),
        speakers_scored=len(with_speaker),
        kind_accuracy=ratio(len(counted_pairs) - len(wrong_kinds), len(counted_pairs)),
        term_precision=ratio(term_tp, pred_terms),
        term_recall=ratio(term_tp, gold_terms),
        misses=misses,
        false_positives=false_positives,
        wrong_speakers=wrong_speakers,
        wrong_kinds=wrong_kinds,
    )


# --------------------------------------------------------------------------------------------
# Claims


@dataclass(frozen=True)
class ClaimScores:
    precision: float
    recall: float
    true_positives: int
    predicted: int
    gold: int
    neutral: int
    approximate_agreement: float
    misses: tuple[GoldClaim, ...] = ()
    false_positives: tuple[PredClaim, ...] = ()
    wrong_approximate: tuple[tuple[GoldClaim, PredClaim], ...] = ()


def match_claims(
    gold: Sequence[GoldClaim], predicted: Sequence[PredClaim]
) -> list[tuple[GoldClaim, PredClaim]]:
    """One-to-one greedy pairs of predicted claims and *required* gold claims."""
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        if g.optional:
            continue
        for pi, p in enumerate(predicted):
            if claim_matches(p, g):
                exact = normalize(p.surface) == normalize(g.surface)
                candidates.append((0 if exact else 1, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return [(gold[gi], predicted[pi]) for gi, pi in pairs]


def score_claims(gold: Sequence[GoldClaim], predicted: Sequence[PredClaim]) -> ClaimScores:
    pairs = match_claims(gold, predicted)
    matched = {id(p) for _, p in pairs}
    matched_gold = {id(g): p for g, p in pairs}
    neutral = 0
    false_positives: list[PredClaim] = []
    for p in predicted:
        if id(p) in matched:
            continue
        other_end = any(
            g.high is not None and claim_matches(p, g) and not values_equal(p.value, q.value)
            for g, q in pairs
        )
        on_optional = any(g.optional and claim_falls_on(p, g) for g in gold)
        if other_end or on_optional:
            neutral += 1
        else:
            false_positives.append(p)
    required = [g for g in gold if not g.optional]
    wrong_approx = tuple((g, p) for g, p in pairs if bool(p.approximate) != g.approximate)
    return ClaimScores(
        precision=ratio(len(pairs), len(pairs) + len(false_positives)),
        recall=ratio(len(pairs), len(required)),
        true_positives=len(pairs),
        predicted=len(predicted),
        gold=len(required),
        neutral=neutral,
        approximate_agreement=ratio(len(pairs) - len(wrong_approx), len(pairs)),
        misses=tuple(g for g in required if id(g) not in matched_gold),
        false_positives=tuple(false_positives),
        wrong_approximate=wrong_approx,
    )


# --------------------------------------------------------------------------------------------
# Clusters and groups


@dataclass(frozen=True)
class SetResult:
    """Whether a gold cluster or group was found, and the closest predicted one."""

    id: str
    found: bool
    best: str | None
    members_found: int
    members: int
    detail: str = ""


def cluster_has(cluster: PredCluster, article: str, text: str) -> bool:
    return any(m.article == article and text_overlap(m.text, text) >= QUOTE_OVERLAP for m in cluster.members)


def score_clusters(gold: Gold, predicted: Sequence[PredCluster]) -> list[SetResult]:
    """Found = one predicted cluster holds every member; speaker and first_seen are only reported."""
    results: list[SetResult] = []
    for gc in gold.clusters:
        texts = [(ref.article, gold.quote(ref).text) for ref in gc.members]
        best: tuple[int, PredCluster | None] = (-1, None)
        for pc in predicted:
            hits = sum(1 for article, text in texts if cluster_has(pc, article, text))
            if hits > best[0]:
                best = (hits, pc)
        hits, found_cluster = max(best[0], 0), best[1]
        detail = "no predicted cluster"
        if found_cluster is not None:
            notes = [f"speaker {found_cluster.speaker!r}", f"first seen {found_cluster.first_seen!r}"]
            if speaker_key(found_cluster.speaker) != speaker_key(gc.speaker):
                notes[0] += f" (expected {gc.speaker!r})"
            if gc.first_seen is not None and found_cluster.first_seen != gc.first_seen:
                notes[1] += f" (expected {gc.first_seen!r})"
            detail = ", ".join(notes)
        best_id = found_cluster.id if found_cluster is not None else None
        results.append(SetResult(gc.id, hits == len(texts), best_id, hits, len(texts), detail))
    return results


def score_groups(gold: Gold, predicted: Sequence[PredGroup]) -> list[SetResult]:
    results: list[SetResult] = []
    for gg in gold.groups:
        claims = [gold.claim(ref) for ref in gg.members]
        best: tuple[int, bool, str | None, str] = (-1, False, None, "")
        for pg in predicted:
            hits = sum(1 for c in claims if any(claim_matches(v, c) for v in pg.values))
            status_ok = pg.status == gg.status
            if (hits, status_ok) > best[:2]:
                best = (hits, status_ok, pg.id, pg.status)
        hits = max(best[0], 0)
        found = hits == len(claims) and best[1]
        detail = f"status {best[3]!r}, expected {gg.status!r}" if best[2] else "no predicted group"
        results.append(SetResult(gg.id, found, best[2], hits, len(claims), detail))
    return results


# --------------------------------------------------------------------------------------------
# Everything together


@dataclass(frozen=True)
class Scores:
    quotes: QuoteScores
    claims: ClaimScores
    clusters: tuple[SetResult, ...] = field(default_factory=tuple)
    groups: tuple[SetResult, ...] = field(default_factory=tuple)


def score(
    gold: Gold,
    quotes: Sequence[PredQuote],
    claims: Sequence[PredClaim],
    clusters: Sequence[PredCluster],
    groups: Sequence[PredGroup],
) -> Scores:
    return Scores(
        quotes=score_quotes(gold.quotes, quotes),
        claims=score_claims(gold.claims, claims),
        clusters=tuple(score_clusters(gold, clusters)),
        groups=tuple(score_groups(gold, groups)),
    )


def format_scores(s: Scores) -> str:
    q, c = s.quotes, s.claims
    scored = c.true_positives + len(c.false_positives)
    lines = [
        f"quotes   precision {q.precision:.3f} ({q.true_positives}/{q.predicted})"
        f"  recall {q.recall:.3f} ({q.true_positives}/{q.gold})",
        f"speakers accuracy {q.speaker_accuracy:.3f} ({q.speakers_right}/{q.speakers_scored})"
        f"  kinds {q.kind_accuracy:.3f}",
        f"terms    precision {q.term_precision:.3f}  recall {q.term_recall:.3f}",
        f"numbers  precision {c.precision:.3f} ({c.true_positives}/{scored})"
        f"  recall {c.recall:.3f} ({c.true_positives}/{c.gold})"
        f"  approximate {c.approximate_agreement:.3f}  neutral {c.neutral}",
    ]
    for r in s.clusters:
        state = "found" if r.found else "MISSING"
        lines.append(f"cluster  {r.id}: {state} ({r.members_found}/{r.members}, {r.detail})")
    for r in s.groups:
        state = "found" if r.found else "MISSING"
        lines.append(f"group    {r.id}: {state} ({r.members_found}/{r.members}, {r.detail})")
    lines += [f"  quote miss   {g.article[:3]} {g.key}: {g.text[:60]!r}" for g in q.misses]
    lines += [f"  quote extra  {p.article[:3]} {p.id}: {p.text[:60]!r} ({p.kind})" for p in q.false_positives]
    lines += [
        f"  speaker      {g.article[:3]} {g.key}: {p.speaker!r}, expected {g.speaker!r}"
        for g, p in q.wrong_speakers
    ]
    lines += [
        f"  kind         {g.article[:3]} {g.key}: {p.kind}, expected {g.kind}" for g, p in q.wrong_kinds
    ]
    lines += [f"  number miss  {g.article[:3]} {g.key}: {g.surface!r} ({g.counted})" for g in c.misses]
    lines += [f"  number extra {p.article[:3]} {p.id}: {p.surface!r} = {p.value}" for p in c.false_positives]
    lines += [
        f"  approximate  {g.article[:3]} {g.key}: {p.approximate}, expected {g.approximate}"
        for g, p in c.wrong_approximate
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Readers


def _as_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def _refs(items: Iterable[Mapping[str, Any]], kind: str) -> tuple[MemberRef, ...]:
    return tuple(MemberRef(str(m["article"]), str(m[kind])) for m in items)


def parse_gold(data: Mapping[str, Any]) -> Gold:
    """Build :class:`Gold` from the loaded YAML mapping, checking its shape."""
    quotes: list[GoldQuote] = []
    claims: list[GoldClaim] = []
    for article, entry in (data.get("articles") or {}).items():
        seen: set[str] = set()
        for q in entry.get("quotes") or []:
            key = str(q["key"])
            if key in seen:
                raise ValueError(f"{article}: duplicate quote key {key!r}")
            seen.add(key)
            kind = str(q["kind"])
            if kind not in GOLD_KINDS:
                raise ValueError(f"{article} {key}: unknown kind {kind!r}")
            speaker = q.get("speaker")
            if (speaker is None) != (kind == TERM):
                raise ValueError(f"{article} {key}: terms and only terms have no speaker")
            quotes.append(
                GoldQuote(
                    article=str(article),
                    key=key,
                    text=" ".join(str(q["text"]).split()),
                    kind=kind,
                    speaker=None if speaker is None else str(speaker),
                    speaker_aliases=tuple(str(a) for a in q.get("speaker_aliases") or ()),
                    optional=bool(q.get("optional", False)),
                )
            )
        seen = set()
        for c in entry.get("claims") or []:
            key = str(c["key"])
            if key in seen:
                raise ValueError(f"{article}: duplicate claim key {key!r}")
            seen.add(key)
            claims.append(
                GoldClaim(
                    article=str(article),
                    key=key,
                    value=_as_float(c["value"]),
                    approximate=bool(c["approximate"]),
                    counted=str(c["counted"]),
                    surface=str(c["surface"]),
                    context=None if c.get("context") is None else str(c["context"]),
                    high=None if c.get("high") is None else _as_float(c["high"]),
                    alt_values=tuple(_as_float(v) for v in c.get("alt_values") or ()),
                    optional=bool(c.get("optional", False)),
                )
            )
    clusters = tuple(
        GoldCluster(
            id=str(c["id"]),
            members=_refs(c["members"], "quote"),
            speaker=c.get("speaker"),
            first_seen=c.get("first_seen"),
        )
        for c in data.get("clusters") or []
    )
    groups = tuple(
        GoldGroup(id=str(g["id"]), status=str(g["status"]), members=_refs(g["members"], "claim"))
        for g in data.get("groups") or []
    )
    gold = Gold(tuple(quotes), tuple(claims), clusters, groups)
    for cluster in clusters:
        for ref in cluster.members:
            gold.quote(ref)
    for group in groups:
        if group.status not in GROUP_STATUSES:
            raise ValueError(f"group {group.id}: unknown status {group.status!r}")
        for ref in group.members:
            if gold.claim(ref).optional:
                raise ValueError(f"group {group.id}: member {ref.key} is optional")
    return gold


def load_gold(path: Path) -> Gold:
    with path.open(encoding="utf-8") as fh:
        return parse_gold(yaml.safe_load(fh))


def parse_claim_file(data: Mapping[str, Any], fallback_id: str) -> tuple[list[PredQuote], list[PredClaim]]:
    """Quotes and claims of one claim file (``article``/``quotes``/``claims`` mappings)."""
    article = str((data.get("article") or {}).get("id") or fallback_id)
    quotes = [
        PredQuote(
            article=article,
            id=str(q.get("id", "")),
            text=str(q.get("text") or ""),
            kind=str(q.get("kind") or "direct"),
            speaker=None if q.get("speaker") is None else str(q["speaker"]),
        )
        for q in data.get("quotes") or []
    ]
    claims = [_pred_claim(c, article) for c in data.get("claims") or []]
    return quotes, claims


def _pred_claim(c: Mapping[str, Any], article: str) -> PredClaim:
    return PredClaim(
        article=article,
        id=str(c.get("id") or c.get("claim_id") or ""),
        value=_as_float(c["value"] if c.get("value") is not None else c.get("low")),
        approximate=bool(c.get("approximate", False)),
        surface=str(c.get("surface") or ""),
        sentence=None if c.get("sentence") is None else str(c["sentence"]),
        high=None if c.get("high") is None else _as_float(c["high"]),
    )


def load_claim_dir(directory: Path) -> tuple[list[PredQuote], list[PredClaim]]:
    quotes: list[PredQuote] = []
    claims: list[PredClaim] = []
    for path in sorted(directory.glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        q, c = parse_claim_file(data, path.stem)
        quotes += q
        claims += c
    return quotes, claims


def _first_seen_article(first_seen: Any) -> str | None:
    if isinstance(first_seen, Mapping) and first_seen.get("article") is not None:
        return str(first_seen["article"])
    return None


def parse_report(data: Mapping[str, Any]) -> tuple[list[PredCluster], list[PredGroup]]:
    """Quote clusters and claim groups of ``tracker report --format json``."""
    clusters = [
        PredCluster(
            id=str(c.get("id", "")),
            speaker=None if c.get("speaker") is None else str(c["speaker"]),
            first_seen=_first_seen_article(c.get("first_seen")),
            members=tuple(
                PredClusterMember(
                    article=str(m.get("article", "")),
                    text=str(m.get("text") or ""),
                    quote_id=None if m.get("quote_id") is None else str(m["quote_id"]),
                )
                for m in c.get("members") or []
            ),
        )
        for c in data.get("quote_clusters") or []
    ]
    groups = [
        PredGroup(
            id=str(g.get("id", "")),
            status=str(g.get("status", "")),
            values=tuple(_pred_claim(v, str(v.get("article", ""))) for v in g.get("values") or []),
        )
        for g in data.get("claim_groups") or []
    ]
    return clusters, groups


def resolve_articles(
    clusters: Sequence[PredCluster],
    groups: Sequence[PredGroup],
    quotes: Sequence[PredQuote],
    claims: Sequence[PredClaim],
) -> tuple[list[PredCluster], list[PredGroup]]:
    """Name report members by the article ids of the claim files.

    A member whose ``article`` is not a known id gets the article of its ``quote_id`` /
    ``claim_id`` in the claim files, else the file stem of what it names (a path).
    """
    known = {q.article for q in quotes} | {c.article for c in claims}
    quote_article = {q.id: q.article for q in quotes}
    claim_article = {c.id: c.article for c in claims}

    def fix(article: str, record_id: str | None, by_id: Mapping[str, str]) -> str:
        if article in known:
            return article
        if record_id is not None and record_id in by_id:
            return by_id[record_id]
        stem = Path(article).stem
        return stem if stem in known else article

    fixed_clusters = [
        replace(
            c,
            members=tuple(replace(m, article=fix(m.article, m.quote_id, quote_article)) for m in c.members),
            first_seen=None if c.first_seen is None else fix(c.first_seen, None, {}),
        )
        for c in clusters
    ]
    fixed_groups = [
        replace(g, values=tuple(replace(v, article=fix(v.article, v.id, claim_article)) for v in g.values))
        for g in groups
    ]
    return fixed_clusters, fixed_groups


def score_output(gold: Gold, claim_dir: Path, report_json: str) -> Scores:
    """Score a directory of claim files and the JSON report made from it."""
    quotes, claims = load_claim_dir(claim_dir)
    clusters, groups = parse_report(json.loads(report_json))
    clusters, groups = resolve_articles(clusters, groups, quotes, claims)
    return score(gold, quotes, claims, clusters, groups)
