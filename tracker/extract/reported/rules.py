"""Reported (indirect) speech: attributions without quotation marks.

Three sentence shapes are recognised, each with a reporting or attitude verb from a lexicon and a
source found by the same scans as for direct quotes:

* ``SOURCE CUE [that] CONTENT``  ("Rashid said the parliament would vote to expel the troops")
* ``CONTENT, SOURCE CUE.`` / ``CONTENT, CUE SOURCE.``  ("The vote is near, officials said.")
* ``According to SOURCE, CONTENT`` / ``CONTENT, according to SOURCE.``

and, besides: findings of studies, polls and courts ("a 2014 study found …"), phrasal cues ("called
for …", "spoke about …"), questions put to a source ("Asked whether …"), expectations without a
source ("The bill is widely expected to pass"), transcript turns ("PENCE: …") and headlines
("Pat Caddell: …", "…, Lindsey Graham Says").

The span is the content clause. Sentences whose content is already a direct quotation are left to
the quote extractor; spans never include quotation marks' outer text beyond the sentence.

Past these rules, the learned cue model (:mod:`tracker.extract.reported.learned`) reads the long
tail of cues no lexicon lists, and its end model cuts a rule's clause where the content stops.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lexicon import WEEKDAYS, wordset
from ...records import Block, FoundQuote, Span, SpeakerMention
from ...text import SpanIndex, normalize_space, overlap_chars, split_sentences
from ..attribution.lexicon import AMBIGUOUS_CUES, CUE_VERBS, PRONOUNS, SOURCE_NOUNS, TITLE_WORDS
from ..attribution.mentions import Token, mention_after, mention_before, sentence_subject, tokens
from ..attribution.resolve import Resolver
from ..attribution.speakers import speaker_problem
from .learned import learned_attributions, learned_end
from .model import CueModel, load_cue_model
from .objects import object_stances

__all__ = ["INDIRECT_VERBS", "find_indirect"]

#: Attitude verbs: reported content only with a clause ("that …", "to …") after them.
_ATTITUDE = """
seem seems seemed appear appears appeared expect expects expected want wants wanted plan plans
planned decline declines declined refuse refuses refused propose proposes proposed seek seeks sought
decide decides decided learn learns learned learnt hope hopes hoped fear fears feared worry worries
worried believe believes believed think thinks thought know knows knew feel feels felt predict
predicts predicted assume assumes assumed guess guessed imagine imagines imagined doubt doubts
doubted suspect suspects suspected acknowledge acknowledges acknowledged recognize recognizes
recognized understand understands understood realize realizes realized insist insists insisted
promise promises promised pledge pledges pledged vow vows vowed threaten threatens threatened
endorse endorses endorsed support supports supported oppose opposes opposed defend defends defended
reject rejects rejected blame blames blamed attack attacks attacked question questions questioned
consider considers considered express expresses expressed back backs backed favor favors favored
want wants wanted seek seeks sought propose proposes proposed argue argues argued
"""
_CLAUSE_ONLY: frozenset[str] = frozenset()
_NOUN_OBJECT = wordset(
    """
    criticize criticizes criticized criticizing blast blasts blasted slam slams slammed praise
    praises praised hail hails hailed mock mocks mocked accuse accuses accused mention mentions
    mentioned cite cites cited quote quotes quoted thank thanks thanked tease teases teased condemn
    condemns condemned denounce denounces denounced dismiss dismisses dismissed decry decries
    decried tout touts touted recount recounts recounted describe describes described coin coins
    coined answer answers answered counter counters countered begin begins began continue continues
    repeat repeats repeated reiterate reiterates reiterated confirm confirms confirmed reveal
    reveals revealed deny denies denied testify testifies testified lash lashes lashed rail rails
    railed frame frames framed refer refers referred sing sings sang chant chants chanted tweet
    tweets tweeted
    """
)

#: Verbs whose complement clause is reported content.
INDIRECT_VERBS: frozenset[str] = frozenset(CUE_VERBS | set(_ATTITUDE.split())) - wordset(
    """
    call calls called calling dub dubs dubbed name names named label
    labels labeled labelled brand brands branded read reads post posts mock mocks laugh laughs
    laughed sigh sighs sighed comment comments remark remarks state states note notes continue
    continues continued begin began beginning plan offers offering know found posted declared
    maintained repeated press seem appear expect report reporting
    maintains adding adds continuing finding backed back criticizing opposed decide announcing
    answer attack attacks support responding question favor favored written point showing
    shot estimated answers state maintain supporting asks seem worries responds tweet pledged
    """
)
# Excluded above: forms whose clause after them was reported content less than half of the time
# in the PolNeAR training split (nouns, aspect verbs, plain actions).

_SKIP_AFTER_CUE = wordset(
    """
    that on in at during after before this last
    today yesterday tonight week month year morning evening night afternoon earlier later
    also again repeatedly previously recently privately publicly flatly
    """
) | WEEKDAYS
_AUXILIARIES = wordset(
    "has have had is are was were will would could can may might should also still now already "
    "increasingly repeatedly later then again often never not reportedly publicly privately"
)
_TELL = wordset(
    """
    told tell tells telling assured assure assures warned warn warns urged
    """
)
_MIN_WORDS = 2
_MAX_CONTENT = 600
#: Named limits of the sentence scans, in tokens unless said otherwise.
_MIN_SENTENCE_TOKENS = 4  # shorter "sentences" hold no source, cue and content
_MAX_SENTENCE_CHARS = 2000  # longer runs are tables or lists, not one sentence of reported speech
_TRANSCRIPT_REACH = 40  # characters from a paragraph's start where a transcript label may end
_BOTH_SIDES_MIN = 20  # characters of content after "according to X," that make it a second part
#: Participles that report speech on their own ("…, saying the bill was dead"); others ("telling
#: jokes") report speech only with "that" after them.
_SAYING = wordset("saying adding noting arguing insisting asking explaining claiming warning stating suggesting")
_QUOTE_CUE_TOKENS = 6  # tokens after a closing mark read for its cue (", State Sen. Jane Doe said")
_NESTED_SHARE = 0.5  # share of "according to X"'s content a nested cue must report to take it over
_OWNER_MAX_WORDS = 5  # capitalised words of a possessive owner ("Hillary Clinton's claim")
_AUX_MAX = 3  # auxiliaries and adverbs between a subject and its cue ("are increasingly admitting")
_RELATIVE_MAX = 12  # words of a relative clause between a subject and its cue
_DATA_REACH = 12  # words back from a finding verb where its study or poll is named
_RAISING_REACH = 400  # characters of a sentence read for a raising verb ("is widely expected to")
_RAISING_MAX_TOKENS = 25  # the raising verb stands within the first 25 tokens, after its subject
_MIN_CLAUSE_CHARS = 8  # shorter content is a fragment, not a reported clause
_ASKER_MAX_WORDS = 5  # "asked by a reporter from CNN": the asker is a short phrase
_ASKED_MAX_WORDS = 4  # "asked the president about": the person asked is a short phrase
_ASKED_LEAD_MAX = 2  # "When asked whether": at most two words lead "asked"
_CLAUSE_SUBJECT_MAX = 10  # words of a clause's subject ("Experts on North Korea … said") at most
_NP_AFTER_MAX = 15  # words of "according to a count by The Associated Press" before its comma
_ADJUNCT_MAX_TOKENS = 12  # tokens of time words and short phrases skipped after a cue
_PREP_PHRASE_REACH = 8  # tokens of "said in a statement" read for the "that" or comma ending it
_PREP_NAME_MAX = 4  # capitalised words of a phrase's object ("on Fox News Sunday") at most
_PRONOUN_REACH = 5  # "said after the convention he would": tokens read for the clause's pronoun
_SET_OFF_LEAD = 2  # tokens of content before a set-off attribution ("At first, he said, …") at least
_SET_OFF_TAIL = 3  # tokens after the cue: a comma and content follow it
_SET_OFF_SOURCE_MAX = 6  # words of the source of a set-off attribution
_COLON_SCAN = 7  # tokens of a headline read for "Pat Caddell:"
_HEADLINE_SOURCE_MAX = 5  # words of a headline source before its colon
_HEADLINE_CONTENT_MIN = 4  # tokens of a headline's content at least
_SAYS_SOURCE_REACH = 6  # "…, Lindsey Graham Says": the comma within five tokens before the verb
_HEADLINE_SUBJECT_MAX = 8  # "Rubio Thinks …": the verb within the first eight tokens
_LABEL_MIN_CAPS = 4  # "HUFFPOLLSTER:", "BUSTED:": one all-capital word longer than this is a label
_HEARER_REACH = 9  # tokens after "told" read for the "that" that ends its hearer
_HEARER_MAX_WORDS = 5  # words of a hearer ("the conference in Kuwait") at most
_COMMA_REACH = 15  # tokens after "according to X" read for the comma ending it
_TAIL_CONTENT_MIN = 2  # a trailing attribution's comma comes after more than two tokens of content
_LONG_TAIL = 14  # tokens after a comma beyond which the tail is no attribution (unless subordinate)
_TAIL_CUE_REACH = 9  # "…, one senior Democrat said": the cue within eight words after the comma
_NAMED_SOURCE_MAX = 6  # words of a named source ("Jane Doe, a spokeswoman") at most
_PLAIN_NP_MAX = 8  # words of a plain noun phrase ("a source close to him") at most
_SUBORDINATE_FROM = 2  # ", as they …" comes after the source and its cue (two tokens at least)
_SUBORDINATE_REACH = 12  # tokens of a tail read for ", as they …"
_ADJUNCT_MAX_WORDS = 7  # "on Friday in Washington": a short adjunct may end the sentence
_ADJUNCT_HEAD_MAX = 6  # words of an adjunct before ", as …"
_TAIL_MAX_WORDS = 3  # words that may follow a source without a verb ("last week")
_OWN_CLAUSE_MIN = 20  # characters of a clause of its own before a direct quotation


def find_indirect(
    body: str, blocks: Sequence[Block], quoted: Sequence[Span], resolver: Resolver, limit: int | None = None
) -> list[FoundQuote]:
    """Reported-speech attributions in the content blocks, as ``indirect`` quotes; with ``limit``,
    the scan stops once it has more than that many."""
    model = load_cue_model()
    # Each sentence sees only the quotations that reach into it: scanning every quotation of the
    # article once per sentence and candidate made extraction quadratic in article size.
    index = SpanIndex(quoted)
    titles = [b for b in blocks if b.role == "title"]
    out, turns = _transcript_turns(body, blocks, index, resolver)
    in_turn = SpanIndex(turns)
    for lo, hi in split_sentences(body, blocks):
        if limit is not None and len(out) > limit:
            break
        if hi - lo > _MAX_SENTENCE_CHARS or in_turn.covers(lo):
            continue
        headline = any(b.start <= lo < b.end for b in titles)
        out.extend(_sentence_records(body, lo, hi, index.overlapping(lo, hi), headline, resolver, model))
    return out


def _transcript_turns(body: str, blocks: Sequence[Block], index: SpanIndex,
                      resolver: Resolver) -> tuple[list[FoundQuote], list[Span]]:
    """Transcript paragraphs (``PENCE: …``) as records, and the blocks they take."""
    out: list[FoundQuote] = []
    turns: list[Span] = []
    for block in blocks:
        m = _TRANSCRIPT.match(body, block.start, min(block.end, block.start + _TRANSCRIPT_REACH))
        if block.role == "title" or m is None:
            continue
        mention = SpeakerMention(m.group(1), (m.start(1), m.end(1)))
        found_turn = _checked(body, _clause(body, m.end(), block.end), index.overlapping(block.start, block.end),
                              ":", mention)
        if found_turn is not None:
            span = found_turn[0]
            turns.append((block.start, block.end))
            text = normalize_space(body[span[0] : span[1]])
            out.append(_indirect(text, (span,), resolver, mention, ":"))
    return out, turns


def _sentence_records(body: str, lo: int, hi: int, quoted: Sequence[Span], headline: bool, resolver: Resolver,
                      model: CueModel | None) -> list[FoundQuote]:
    """The reported speech of one sentence: a rule shape, object stances, questions, learned cues."""
    out: list[FoundQuote] = []
    founds = _in_sentence(body, lo, hi, quoted, headline)
    found = founds[0] if founds else None
    # A raising verb ("is expected", "seemed") holds no speech, but the sentence may still
    # report someone's ("…, George said"; "Gray also says the father seemed …"): its speaker.
    raised = None if headline else _raising(body, lo, hi, quoted)
    if raised is not None:
        text = " ".join(normalize_space(body[a:b]) for a, b in raised[0])
        if found is not None and found[2] is not None and overlap_chars(raised[0], found[0][0], found[0][1]):
            out.append(_indirect(text, raised[0], resolver, found[2], found[1]))  # the speaker's cue
        else:
            out.append(FoundQuote(text, raised[0], "indirect", None, None, raised[1]))
        return out
    taken: list[Span] = []
    for found in founds:
        record = _found_record(body, lo, hi, found, resolver, None if headline else model)
        if record is not None:
            out.append(record)
            taken.extend(record.spans)
    if headline:
        return out
    for span, cue, mention in object_stances(body, lo, hi, [*quoted, *taken]):
        if model is not None:
            span = learned_end(model, body, lo, hi, span, cue)
        out.append(_indirect(normalize_space(body[span[0] : span[1]]), (span,), resolver, mention, cue))
        taken.append(span)
    for span, cue, asker in _questions(body, lo, hi, quoted):
        if overlap_chars(taken, span[0], span[1]) == 0 and overlap_chars(quoted, span[0], span[1]) == 0:
            out.append(_indirect(normalize_space(body[span[0] : span[1]]), (span,), resolver, asker, cue))
            taken.append(span)
    if model is not None:
        for span, cue, source in learned_attributions(model, body, lo, hi, [*quoted, *taken]):
            out.append(_indirect(normalize_space(body[span[0] : span[1]]), (span,), resolver, source, cue))
    return out


def _found_record(body: str, lo: int, hi: int, found: _Found, resolver: Resolver,
                  model: CueModel | None) -> FoundQuote | None:
    """The record of one rule shape's find; None when its content is under two words."""
    span, cue, mention = found[0], found[1], found[2]
    spans: tuple[Span, ...]
    match found:
        case (_, _, _, second):  # content on both sides of the attribution
            spans = (span, second)
        case _:
            if model is not None:
                span = learned_end(model, body, lo, hi, span, cue)
            spans = (span,)
    text = " ".join(normalize_space(body[a:b]) for a, b in spans)
    return _indirect(text, spans, resolver, mention, cue) if len(text.split()) >= _MIN_WORDS else None


def _indirect(text: str, spans: tuple[Span, ...], resolver: Resolver, mention: SpeakerMention | None,
              cue: str | None) -> FoundQuote:
    """A reported-speech record; its speaker passes the one speaker rule or is null with a reason."""
    speaker, reason, mention = resolver.speaker_of(mention, spans, cued=bool(cue))
    return FoundQuote(text, spans, "indirect", speaker, mention, cue, reason)


_RAISING = wordset("expected seems seemed appears appeared seem appear")
_RAISING_AUX = wordset("is are was were be been being has have had will would could may might also not widely still")


def _raising(body: str, lo: int, hi: int, quoted: Sequence[Span]) -> tuple[tuple[Span, ...], str] | None:
    """``The bill is widely expected to pass``, ``Voters seem to agree``: an expectation with no source.

    The content is the subject and the infinitive clause, without the verb between them.
    """
    toks = tokens(body, lo, min(hi, lo + _RAISING_REACH))
    for k in range(1, min(len(toks) - 2, _RAISING_MAX_TOKENS)):
        t = toks[k]
        if t.low not in _RAISING or not t.text.islower() or toks[k + 1].low != "to":
            continue
        a = k
        while a > 0 and toks[a - 1].low in _RAISING_AUX and toks[a - 1].text.islower():
            a -= 1
        if a == 0 or (t.low == "expected" and a == k):
            return None  # "expected" needs its auxiliary: "is expected to", not "Trump expected to win"
        start = 0
        for m in range(a):
            if toks[m].text in ",;:—–" or toks[m].low in ("that", "which", "who", "because", "if", "when", "while"):
                start = m + 1
        if start >= a or any(x.text in '“”"' for x in toks[start:a]):
            return None
        subject = _clause(body, toks[start].start, toks[a - 1].end)
        clause = _clause(body, toks[k + 1].start, hi)
        size = clause[1] - clause[0]
        if size < _MIN_CLAUSE_CHARS or overlap_chars(quoted, clause[0], clause[1]) * 2 >= size:
            return None
        return ((subject[0], clause[1]),), body[toks[a].start : t.end]
    return None


#: A transcript turn: ``PENCE: Well, …`` (a capitalised label and a colon opening the paragraph).
_TRANSCRIPT = re.compile(r"[\"“]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
_ASKED = wordset("asked asking asks ask")
_QUESTION_WORDS = wordset("whether if what why how who whom which when where about to")


def _questions(body: str, lo: int, hi: int, quoted: Sequence[Span]) -> list[tuple[Span, str, SpeakerMention | None]]:
    """``Asked whether …, X said``, ``when asked about …``: the question put to a source."""
    if "sk" not in body[lo:hi]:
        return []
    toks = tokens(body, lo, hi)
    out: list[tuple[Span, str, SpeakerMention | None]] = []
    for k, t in enumerate(toks):
        if t.low not in _ASKED:
            continue
        asker: SpeakerMention | None = None
        j = k + 1
        if j < len(toks) and toks[j].low == "by":
            m = j + 1
            while (m < len(toks) and m - j <= _ASKER_MAX_WORDS and toks[m].low not in _QUESTION_WORDS
                   and toks[m].text not in ",;:"):
                m += 1
            if m > j + 1:
                asker = SpeakerMention(body[toks[j + 1].start : toks[m - 1].end], (toks[j + 1].start, toks[m - 1].end))
            j = m
        elif j < len(toks) and toks[j].low not in _QUESTION_WORDS:
            m = j  # the person asked: "asked him whether", "asked the president about"
            while (m < len(toks) and m - j < _ASKED_MAX_WORDS and toks[m].low not in _QUESTION_WORDS
                   and toks[m].text not in ',;:“"'):
                m += 1
            j = m
        if j >= len(toks) or toks[j].low not in _QUESTION_WORDS:
            continue
        end = hi
        if k == 0 or (k <= _ASKED_LEAD_MAX and toks[0].low in ("when", "if", "after", "once")):
            # "Asked whether …, Mr. Trump said: …": up to the comma before the main clause
            commas = [m for m in range(j + 2, len(toks)) if toks[m].text == ","]
            main = next(
                (m for m in range(j + 2, len(toks)) if toks[m].low in CUE_VERBS and toks[m].text.islower()), None
            )
            before = [m for m in commas if main is None or m < main]
            if before:
                end = toks[before[-1]].start
            elif commas:
                end = toks[commas[0]].start
        else:
            comma = next((m for m in range(j + 1, len(toks)) if toks[m].text in ",;:"), None)
            if comma is not None:
                end = toks[comma].start
        span = _clause(body, toks[j].start, end)
        if span[1] - span[0] >= _MIN_CLAUSE_CHARS and len(body[span[0] : span[1]].split()) >= _MIN_WORDS:
            out.append((span, t.text, asker))
    return out



_Found = tuple[Span, str, SpeakerMention] | tuple[Span, str, SpeakerMention, Span]


def _in_sentence(
    body: str, lo: int, hi: int, quoted: Sequence[Span], headline: bool = False
) -> list[_Found]:
    """The first sentence shape that holds, in the order of the module doc (two records when a
    source speaks inside the content of ``according to X``)."""
    toks = tokens(body, lo, hi)
    if headline:
        return _found_list(_headline(body, toks, hi, quoted))
    if len(toks) < _MIN_SENTENCE_TOKENS:
        return []
    decided, found = _according(body, toks, lo, hi, quoted)
    if decided:
        return _nested(body, toks, lo, hi, quoted, found) or _found_list(found)
    return _found_list(_speech_shapes(body, toks, lo, hi, quoted))


def _found_list(found: _Found | None) -> list[_Found]:
    return [] if found is None else [found]


def _nested(body: str, toks: Sequence[Token], lo: int, hi: int, quoted: Sequence[Span],
            outer: _Found | None) -> list[_Found]:
    """A speech cue inside the content of ``according to X`` ("According to court documents,
    Jackson told police …"; "While Fox said that …, in which, according to entrance polls, …"):
    the document or outlet reports what that source said, so the inner source is the speaker of
    that content (and X keeps the content on the other side of it, if any); [] when the content
    holds no such cue with a source."""
    if outer is None:
        return []
    inner = _speech_shapes(body, toks, lo, hi, quoted)
    if inner is None or inner[2].span == outer[2].span or not _nested_source(body, inner[2]):
        return []
    at = inner[2].span[0]
    rest: list[_Found] = []
    match outer:
        case (first, cue, mention, second) if first[0] <= at < first[1]:
            part, rest = first, [(second, cue, mention)]  # X keeps the content after it
        case (first, cue, mention, second):
            part, rest = second, [(first, cue, mention)]  # X keeps the content before it
        case _:
            part = outer[0]
    if not part[0] <= at < part[1] or overlap_chars([inner[0]], *part) < _NESTED_SHARE * (part[1] - part[0]):
        return []  # the inner cue reports only a piece of the content: the outer source keeps it
    clipped = _clause(body, max(inner[0][0], part[0]), min(inner[0][1], part[1]))  # not X's other part
    return [(clipped, inner[1], inner[2]), *rest]


def _nested_source(body: str, mention: SpeakerMention) -> bool:
    """A source a nested cue may stand on: a subject pronoun or a phrase the speaker rule takes
    ("a suspect fired" read as a cue gives "a", no source)."""
    low = mention.text.lower()
    if low in _OBJECT_PRONOUNS:
        return False
    return low in PRONOUNS or speaker_problem(mention.text, mention, body) is None


#: Object pronouns are never the source of a nested cue ("told him").
_OBJECT_PRONOUNS = wordset("him her them us me it")


def _speech_shapes(body: str, toks: Sequence[Token], lo: int, hi: int, quoted: Sequence[Span]) -> _Found | None:
    """The sentence shapes other than ``according to X``, in the order of the module doc."""
    # CONTENT, SOURCE CUE, CONTENT  (the attribution set off in the middle)
    middle = _parenthetical(body, toks, lo, hi, quoted)
    if middle is not None:
        return middle
    # CONTENT, SOURCE CUE.  /  CONTENT, CUE SOURCE.
    tail = _trailing_attribution(body, toks, hi)
    if tail is not None:
        comma, cue, mention = tail
        span = _clause(body, lo, toks[comma].start)
        return _checked(body, span, quoted, cue, mention)
    return _claim_noun(body, toks, hi, quoted) or _source_cue(body, toks, lo, hi, quoted)


def _according(body: str, toks: Sequence[Token], lo: int, hi: int,
               quoted: Sequence[Span]) -> tuple[bool, _Found | None]:
    """``According to X, CONTENT`` / ``CONTENT, according to X.``: (whether the shape decided the
    sentence, what it found)."""
    for k, t in enumerate(toks[:-1]):
        if t.low == "according" and toks[k + 1].low == "to":
            mention = mention_after(body, toks[k + 1].end, hi, appositive=False) or _np_after(body, toks, k + 2)
            if mention is None:
                continue
            if k == 0 or toks[k - 1].text in "(":
                comma = _next_comma(toks, k + 2)
                if comma is None:
                    return True, None
                span = _clause(body, toks[comma].end, hi)
            elif toks[k - 1].text == ",":
                span = _clause(body, lo, toks[k - 1].start)
                after = _clause(body, mention.span[1], hi)
                if body[mention.span[1] : mention.span[1] + 1] == "," and after[1] - after[0] > _BOTH_SIDES_MIN:
                    # "Fundraising, according to the campaign, has surged": content on both sides
                    first = _checked(body, span, quoted, body[t.start : toks[k + 1].end], mention)
                    if first is not None:
                        return True, (first[0], first[1], mention, after)
            else:
                continue
            return True, _checked(body, span, quoted, body[t.start : toks[k + 1].end], mention)
    return False, None


def _claim_noun(body: str, toks: Sequence[Token], hi: int, quoted: Sequence[Span]) -> _Found | None:
    """``SOURCE’s claim that CONTENT``."""
    for k in range(1, len(toks) - 2):
        t = toks[k]
        if t.low in _CLAIM_NOUNS and toks[k + 1].low == "that" and toks[k - 1].text.endswith(("’s", "'s")):
            owner = toks[k - 1]
            mention = SpeakerMention(owner.text, (owner.start, owner.end))
            start = k - 1
            while start > 0 and toks[start - 1].text[:1].isupper() and k - start < _OWNER_MAX_WORDS:
                start -= 1
            if start < k - 1:
                mention = SpeakerMention(body[toks[start].start : owner.end], (toks[start].start, owner.end))
            found = _checked(body, _clause(body, toks[k + 2].start, hi), quoted, t.text, mention)
            if found is not None:
                return found
    return None


def _cue_at(toks: Sequence[Token], k: int) -> tuple[bool, bool] | None:
    """(a finding verb with a data subject, a phrasal cue) when token ``k`` can be the cue of
    ``SOURCE CUE [that] CONTENT``; None when it cannot."""
    t = toks[k]
    if k == 0 or not t.text.islower():
        return None
    data = t.low in _FINDING and _data_subject(toks, k)
    call_for = k + 2 < len(toks) and toks[k + 1].low in _PHRASAL.get(t.low, ())
    that_clause = (
        k + 2 < len(toks)
        and toks[k + 1].low == "that"
        and t.low.endswith("ed")
        and t.text.isalpha()
        and toks[k - 1].low not in _OBJECT_DETERMINERS
    )  # "Clinton signaled that …", "some speculated that …"
    if t.low not in INDIRECT_VERBS and not data and not call_for and not that_clause:
        return None
    if any(x.text in '”"' for x in toks[:k]) and not (
        t.low.endswith("ing")
        or (k + 1 < len(toks) and toks[k + 1].low == "that")
        or toks[k - 1].low in ("and", "but", "who")
    ):
        return None  # "“…,” he said, adding that …": only the later clause is reported speech
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    if t.low in _CLAUSE_ONLY and nxt not in ("that", "to", "how", "why", "whether", "if", "what"):
        return None
    return data, call_for


def _cue_subject(body: str, toks: Sequence[Token], k: int, lo: int) -> SpeakerMention | None:
    """Who speaks through the cue at ``k``: the mention before it, a relative pronoun, or the
    sentence subject when only auxiliaries or a short relative clause stand between."""
    t = toks[k]
    prev = toks[k - 1].low
    # "Democrats have been pounding LePage, saying that …": a participle set off by a comma shares
    # the subject of its clause; the noun just before the comma is the main verb's object.
    participle = prev == "," and (t.low in _SAYING or (k + 1 < len(toks) and toks[k + 1].low == "that"))
    subject = sentence_subject(body, lo, t.start) if participle else None
    if subject is not None and ("\n" in body[subject.span[0] : t.start] or subject.text.endswith(("’s", "'s"))):
        subject = None  # another paragraph, or only the owner of the subject ("Mr. LePage’s allies")
    mention = subject
    mention = mention or mention_before(body, lo, t.start)
    if mention is None and prev in ("who", "which") and toks[k - 1].text.islower():
        mention = SpeakerMention(toks[k - 1].text, (toks[k - 1].start, toks[k - 1].end))  # "…, who said"
    if mention is None and ((t.low.endswith("ing") and prev == ",") or prev in ("and", "but")):
        mention = sentence_subject(body, lo, t.start)
    if mention is None:
        subject = sentence_subject(body, lo, t.start)
        between = [x for x in toks[:k] if subject is not None and x.start >= subject.span[1]]
        if subject is not None and all(x.low in _AUXILIARIES for x in between) and len(between) <= _AUX_MAX:
            mention = subject  # "Democratic party leaders are increasingly admitting that …"
        elif (
            subject is not None
            and between
            and between[0].low in ("who", "whose", "which", "that", "of", "in", "at", "from", "with")
            and len(between) <= _RELATIVE_MAX
            and not any(x.text in ",;:()" or x.low in CUE_VERBS for x in between)
        ):
            mention = subject  # "The officials whose laws were struck down say …"
    return mention


def _source_cue(body: str, toks: Sequence[Token], lo: int, hi: int, quoted: Sequence[Span]) -> _Found | None:
    """``SOURCE CUE [that] CONTENT``."""
    for k, t in enumerate(toks):
        cue = _cue_at(toks, k)
        if cue is None:
            continue
        data, call_for = cue
        mention = _cue_subject(body, toks, k, lo)
        from_data = data and (mention is None or mention.span[1] < toks[k - 1].start)
        if from_data:  # the study or poll itself, not a phrase that ends short of the verb
            head = next(x for x in reversed(toks[max(0, k - _DATA_REACH) : k]) if x.low in _DATA_NOUNS)
            mention = SpeakerMention(head.text, (head.start, head.end))  # "a 2014 study by … found"
        if mention is None and t.low in _SAY:
            mention = _clause_subject(body, toks, k)  # "Experts on North Korea and nonproliferation said …"
        if mention is None or (t.low in AMBIGUOUS_CUES and not from_data and mention.span[1] < toks[k - 1].start):
            continue
        j = k + 1
        if call_for:
            j = k + 2  # "called for a moratorium", "called on Obama to retaliate"
        elif t.low in _TELL:
            j = _skip_object(toks, j)
        j = j if call_for else _skip_adjuncts(toks, j)
        if j < 0 or j >= len(toks) or toks[j].text in '“"':
            continue
        found = _checked(body, _clause(body, toks[j].start, hi), quoted, t.text, mention)
        if found is not None:
            return found
    return None


#: Verbs of findings: reported content when a study, poll, report or court is their subject.
_FINDING = wordset("found finds find show shows showed shown suggest suggests suggested indicate indicates indicated")
_DATA_NOUNS = wordset(
    """study studies analysis analyses poll polls survey surveys report reports research data review
    investigation investigations audit audits panel judge judges court courts average slide figures
    records documents estimate estimates census tally model projections transcript findings experiment
    researchers scientists auditors investigators inspector inspectors observer"""
)


def _data_subject(toks: Sequence[Token], k: int) -> bool:
    """A study, poll, report or court among the words just before the verb, in the same clause."""
    for x in reversed(toks[max(0, k - _DATA_REACH) : k]):
        if x.text in ";:":
            return False
        if x.low in _DATA_NOUNS:
            return True
    return False


#: Verbs whose particle introduces the reported content: "called for a moratorium", "spoke about …".
_PHRASAL: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("call", "calls", "called", "calling"), ("for", "on")),
    **dict.fromkeys(("spoke", "speaks", "talked", "talks", "talking", "speaking"), ("about", "of")),
    **dict.fromkeys(("warned", "warns", "warning"), ("of", "about", "against")),
    **dict.fromkeys(("complained", "complains", "complaining"), ("about", "of")),
    **dict.fromkeys(("pointed", "points"), ("out",)),
}
_SAY = wordset(
    """say says said told argue argued argues claimed insisted warned warn warns believe believes think
    thinks agree agreed predicted estimated estimate acknowledged contend contended maintain worry fear
    feared"""
)
_COPULAS = wordset("is are was were be been being am seems seemed became become has have had")
_CLAUSE_BREAKS = wordset("that which who because if when while and but although though as")


def _clause_subject(body: str, toks: Sequence[Token], k: int) -> SpeakerMention | None:
    """The words from the start of the clause to the verb, when they read as a noun phrase."""
    start = k
    while start > 0 and toks[start - 1].text not in ",;:()—–“”\"'’" and toks[start - 1].low not in _CLAUSE_BREAKS:
        start -= 1
        if k - start > _CLAUSE_SUBJECT_MAX:
            return None
    phrase = toks[start:k]
    if not phrase or not all(x.text[:1].isalnum() for x in phrase):
        return None
    if any(x.low in _AUXILIARIES or x.low in CUE_VERBS or x.low in _COPULAS for x in phrase):
        return None
    return SpeakerMention(body[phrase[0].start : phrase[-1].end], (phrase[0].start, phrase[-1].end))


_PREPOSITIONS = wordset("on in at during after before with from for about via over")


def _np_after(body: str, toks: Sequence[Token], j: int) -> SpeakerMention | None:
    """``according to the results``, ``according to a count by The Associated Press``: the phrase up to a comma."""
    m = j
    while m < len(toks) and m - j < _NP_AFTER_MAX and toks[m].text not in ",;:()—–" and toks[m].low not in _CUE_STOPS:
        m += 1
    if m == j or m - j >= _NP_AFTER_MAX:
        return None
    return SpeakerMention(body[toks[j].start : toks[m - 1].end], (toks[j].start, toks[m - 1].end))


_CUE_STOPS = wordset("that who which is was are were has have had will would")


def _skip_adjuncts(toks: Sequence[Token], j: int) -> int:
    """Past "that", time words and short prepositional phrases after the verb; -1 if unclear."""
    start = j
    while j < len(toks) and j - start < _ADJUNCT_MAX_TOKENS:
        t = toks[j]
        if t.low == "that":
            return j + 1
        if t.text == "," or (t.low in _SKIP_AFTER_CUE and t.low not in _PREPOSITIONS):
            j += 1
            continue
        if t.low in _PREPOSITIONS and not (
            j + 1 < len(toks) and toks[j + 1].low in ("least", "most", "first", "last")
        ):
            # "said on Twitter the parliament …", "said in a statement that …"
            for m in range(j + 1, min(len(toks), j + _PREP_PHRASE_REACH)):
                if toks[m].low == "that":
                    return m + 1
                if toks[m].text == ",":
                    j = m
                    break
            else:
                k = j + 1
                while k < len(toks) and toks[k].low in _OBJECT_DETERMINERS:
                    k += 1
                named = k
                while k < len(toks) and k - j <= _PREP_NAME_MAX and (
                        toks[k].text[:1].isupper() or toks[k].text.isdigit()):
                    k += 1
                if k == named:
                    # "said after the convention he would not …": the clause starts at its pronoun
                    reach = min(len(toks), j + _PRONOUN_REACH)
                    k = next((m for m in range(named, reach) if toks[m].low in _SUBJECT_PRONOUNS), k)
                    if k == named:
                        return -1
                    return k
                if k - j > _PREP_NAME_MAX:
                    return -1
                j = k
            continue
        return j
    return -1


_SUBJECT_PRONOUNS = PRONOUNS
_OBJECT_DETERMINERS = wordset("the a an his her their its this last")
_HEARERS = wordset("reporters supporters audience crowd him her them me us you voters journalists listeners")


_HEADLINE_VERBS = wordset(
    """says say said thinks believes claims warns tells reveals explains admits insists argues predicts
    suggests vows slams blasts rips backs endorses urges denies defends praises attacks wants plans
    promises calls accuses questions rejects dismisses knocks mocks touts"""
)


def _parenthetical(
    body: str, toks: Sequence[Token], lo: int, hi: int, quoted: Sequence[Span]
) -> _Found | None:
    """``At first, he said, there was pressure …``: content on both sides of a set-off attribution."""
    for k in range(_SET_OFF_LEAD, len(toks) - _SET_OFF_TAIL):
        t = toks[k]
        if t.low not in CUE_VERBS or not t.text.islower() or t.low in AMBIGUOUS_CUES:
            continue
        after = k + 1
        if t.low in _TELL and toks[after].low in _HEARERS and after + 1 < len(toks):
            after += 1  # "The solution, the partner told them, was simple."
        if toks[after].text != ",":
            continue
        start = k - 1
        while start > 0 and toks[start - 1].text != "," and k - start < _SET_OFF_SOURCE_MAX:
            start -= 1
        if start == 0 or toks[start - 1].text != ",":
            continue
        mention = mention_before(body, toks[start].start, t.start)
        if mention is None or mention.span[0] != toks[start].start:
            continue
        first = _checked(body, _clause(body, lo, toks[start - 1].start), quoted, t.text, mention)
        second = _checked(body, _clause(body, toks[after].end, hi), quoted, t.text, mention)
        if first is None or second is None:
            return first or second
        return first[0], t.text, mention, second[0]
    return None


def _headline(
    body: str, toks: Sequence[Token], hi: int, quoted: Sequence[Span]
) -> tuple[Span, str, SpeakerMention] | None:
    """``Rubio Thinks Joe Biden Was a Good Senator``: a title-case headline with a reporting verb.

    Also ``Pat Caddell: Voters Are Worried`` (a source and a colon) and ``…, Lindsey Graham Says.``
    """
    colon = next((k for k, t in enumerate(toks[:_COLON_SCAN]) if t.text == ":"), None)
    if colon is not None and 0 < colon <= _HEADLINE_SOURCE_MAX and len(toks) - colon >= _HEADLINE_CONTENT_MIN:
        source = toks[:colon]
        if _headline_source(source):
            mention = SpeakerMention(body[source[0].start : source[-1].end], (source[0].start, source[-1].end))
            return _checked(body, _clause(body, toks[colon].end, hi), quoted, ":", mention)
    last = len(toks) - 1
    while last > 0 and toks[last].text in ".!?":
        last -= 1
    if last >= _HEADLINE_CONTENT_MIN and toks[last].low in _HEADLINE_VERBS and toks[last].text[:1].isupper():
        comma = next((k for k in range(last - 1, max(0, last - _SAYS_SOURCE_REACH), -1) if toks[k].text == ","), None)
        if comma is not None and comma >= 2 and comma < last - 1:
            source = toks[comma + 1 : last]
            mention = SpeakerMention(body[source[0].start : source[-1].end], (source[0].start, source[-1].end))
            return _checked(body, _clause(body, toks[0].start, toks[comma].start), quoted, toks[last].text, mention)
    for k in range(1, min(len(toks) - 2, _HEADLINE_SUBJECT_MAX)):
        t = toks[k]
        if t.low in _HEADLINE_VERBS:
            subject = toks[:k]
            if not all(x.text[:1].isupper() or x.text[:1].isdigit() or x.text in "’'-" for x in subject):
                return None
            mention = SpeakerMention(
                body[subject[0].start : subject[-1].end], (subject[0].start, subject[-1].end)
            )
            j = k + 1
            if toks[j].low == "that":
                j += 1
            return _checked(body, _clause(body, toks[j].start, hi), quoted, t.text, mention)
    return None


_NOT_HEADLINE_SOURCES = wordset(
    """the a an breaking wow look revealed bombshell busted exclusive boom watch update byline latest
    video photos opinion just fix spoiler daily email morning nerdcast notice big on in"""
)


def _headline_source(source: Sequence[Token]) -> bool:
    """``Pat Caddell``, ``Poll``, ``Clinton camp``: a name or source before a headline colon."""
    if any(t.low in _NOT_HEADLINE_SOURCES or not t.text.replace(".", "").replace("’", "").isalpha() for t in source):
        return False
    if len(source) == 1 and source[0].text.isupper() and len(source[0].text) > _LABEL_MIN_CAPS:
        return False  # "HUFFPOLLSTER:", "BUSTED:": a label
    return source[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.low in SOURCE_NOUNS or t.low in ("camp", "editorial") for t in source
    )


def _skip_object(toks: Sequence[Token], j: int) -> int:
    """Past the hearer of "told reporters", "told the conference in Kuwait that"."""
    for k in range(j, min(len(toks), j + _HEARER_REACH)):
        t = toks[k]
        if t.low == "that":
            return k
        if t.text in ",;:" or (t.text.islower() and t.low in INDIRECT_VERBS):
            break
    k = j
    if k < len(toks) and toks[k].low in _HEARERS:
        return k + 1
    while k < len(toks) and k - j < _HEARER_MAX_WORDS and (
            toks[k].low in _OBJECT_DETERMINERS or toks[k].text[:1].isupper()):
        k += 1
    return k


def _next_comma(toks: Sequence[Token], k: int) -> int | None:
    for j in range(k, min(len(toks), k + _COMMA_REACH)):
        if toks[j].text == ",":
            return j
    return None


def _trailing_attribution(
    body: str, toks: Sequence[Token], hi: int
) -> tuple[int, str, SpeakerMention] | None:
    """``…, officials said.`` or ``…, said Jane Doe, a spokeswoman.`` at the end of the sentence."""
    for comma in range(len(toks) - 2, _TAIL_CONTENT_MIN, -1):
        if toks[comma].text != ",":
            continue
        rest = toks[comma + 1 :]
        first = rest[0]
        if first.low in CUE_VERBS and first.text.islower() and first.low not in AMBIGUOUS_CUES:
            mention = mention_after(body, first.end, hi)
            if mention is not None and _named_source(mention) and _ends_sentence(body, mention.span[1], hi):
                return comma, first.text, mention
        if len(rest) > _LONG_TAIL and not _subordinate_tail(rest):
            continue  # a long tail: maybe an appositive after an inverted source further left
        for k, t in enumerate(rest[1:_TAIL_CUE_REACH], start=1):
            if t.low in CUE_VERBS and t.text.islower():
                mention = mention_before(body, first.start, t.start)
                if (mention is None or mention.span[0] != first.start) and _plain_np(rest[:k]):
                    mention = SpeakerMention(
                        body[first.start : rest[k - 1].end], (first.start, rest[k - 1].end)
                    )
                if (
                    mention is not None
                    and mention.span[0] == first.start
                    and (
                        mention.text.lower() in PRONOUNS
                        or mention.text[:1].isupper()
                        or any(w.lower() in SOURCE_NOUNS for w in mention.text.split())
                        or mention.text.split()[0].lower()
                        in _SOURCE_STARTS
                    )
                    and _ends_sentence(body, _past_hearer(rest, k), hi)
                ):
                    return comma, t.text, mention
                break
    return None


_SOURCE_STARTS = wordset(
    "the a an several some many his her their its our my one two three another both most all few"
)


def _past_hearer(rest: Sequence[Token], k: int) -> int:
    """The end of ``told The Wall Street Journal``: a tell verb with its hearer, else the verb."""
    if rest[k].low not in _TELL or k + 1 >= len(rest):
        return rest[k].end
    j = _skip_object(rest, k + 1)
    return rest[j - 1].end if k + 1 < j <= len(rest) else rest[k].end


def _named_source(mention: SpeakerMention) -> bool:
    """``Jane Doe``, ``the spokeswoman``: not a clause read as a name (``Ivanka Trump's statement didn't …``)."""
    words = mention.text.split()
    return len(words) <= _NAMED_SOURCE_MAX and all(
        w[:1].isupper() or w.lower() in _NP_WORDS or w.lower() in SOURCE_NOUNS or w.lower() in TITLE_WORDS
        for w in words
    )


_NP_WORDS = wordset("a an the his her their its of to close familiar with in at for from on")


def _plain_np(toks: Sequence[Token]) -> bool:
    """``a source close to him``, ``one senior Democrat``: words of a noun phrase, no verb."""
    if not toks or len(toks) > _PLAIN_NP_MAX:
        return False
    if not (toks[0].low in _NP_WORDS or toks[0].low in _SOURCE_STARTS or toks[0].text[:1].isupper()):
        return False
    if not any(
        t.low in SOURCE_NOUNS or t.low in TITLE_WORDS or t.low in _DATA_NOUNS or t.text[:1].isupper() for t in toks
    ):
        return False
    return all(
        t.text.replace("-", "").replace("’", "").isalpha()
        and t.low not in CUE_VERBS
        and t.low not in _AUXILIARIES
        for t in toks
    )


_CLAIM_NOUNS = wordset(
    """claim claims assertion argument view belief suggestion contention promise warning charge
    allegation insistence statement comment comments remarks pledge vow prediction suspicion fear
    hope concern complaint accusation admission acknowledgment conclusion finding position"""
)
_ADJUNCT_STARTS = wordset(
    """on in at during after before last this
    yesterday today told reporters earlier later recently"""
) | WEEKDAYS


_SUBORDINATORS = wordset("as while after before when because although though even citing adding noting")


def _subordinate_tail(rest: Sequence[Token]) -> bool:
    """``…, lawmakers said Friday, as they bristled at …``: a subordinate clause after the attribution."""
    return any(
        rest[m].text == "," and rest[m + 1].low in _SUBORDINATORS
        for m in range(_SUBORDINATE_FROM, min(len(rest) - 1, _SUBORDINATE_REACH))
    )


def _ends_sentence(body: str, pos: int, hi: int) -> bool:
    """Only an appositive, a short adjunct or nothing between ``pos`` and the sentence end."""
    rest = body[pos:hi].strip().rstrip(".!?")
    if not rest or rest.startswith(","):
        return True
    words = [w.lower() for w in rest.split()]
    if words[0] in _ADJUNCT_STARTS and len(words) <= _ADJUNCT_MAX_WORDS:
        return True
    head, comma, tail = rest.partition(",")
    if (
        comma
        and len(head.split()) <= _ADJUNCT_HEAD_MAX
        and head.split()[:1]
        and head.split()[0].lower() in _ADJUNCT_STARTS
        and tail.split()[:1]
        and tail.split()[0].lower() in _SUBORDINATORS
    ):
        return _ends_sentence(body, pos, pos + len(body[pos:hi]) - len(body[pos:hi].lstrip()) + len(head))
    return len(words) <= _TAIL_MAX_WORDS and not any(
        w in CUE_VERBS or w in ("that", "to", "is", "was", "are") for w in words
    )


def _attributed_quotation(body: str, opening: int, b: int) -> bool:
    """Whether the content opens with a quotation that has its own cue right after it ("“I will
    not resign,” he said …, according to the Globe"): the quote extractor credits that quotation,
    so it is no paraphrase of the outer source."""
    close = next((i for i in range(opening + 1, b) if body[i] in '”"'), -1)
    if close < 0:
        return False
    after = tokens(body, close + 1, b)[:_QUOTE_CUE_TOKENS]
    return any(t.low in CUE_VERBS and t.text.islower() for t in after)


def _clause(body: str, a: int, b: int) -> Span:
    while a < b and (body[a].isspace() or body[a] in ",;:—–-"):
        a += 1
    while b > a and (body[b - 1].isspace() or body[b - 1] in ".,;:!?—–-"):
        b -= 1
    return a, min(b, a + _MAX_CONTENT)


def _checked(
    body: str, span: Span, quoted: Sequence[Span], cue: str, mention: SpeakerMention
) -> tuple[Span, str, SpeakerMention] | None:
    a, b = span
    opening = -1
    for i in range(a, b):
        if (
            body[i] in "“"
            or (body[i] == '"' and (i == a or body[i - 1].isspace()))
            or (body[i : i + 2] == "''" and (i == a or body[i - 1].isspace()))
        ):
            opening = i
            break  # a quotation opens first: balanced marks inside the clause are fine
        if body[i] in '”"' or body[i : i + 2] == "''":
            b = i  # a quotation the clause did not open closes inside: the clause ends before it
            while b > a and (body[b - 1].isspace() or body[b - 1] in ",;:—–-"):
                b -= 1
            break
    if b - a < _MIN_CLAUSE_CHARS or (opening == a and _attributed_quotation(body, a, b)):
        return None
    if overlap_chars(quoted, a, b) * 2 >= b - a:
        # mostly a direct quotation: the quote extractor has it; keep a clause of its own before it
        if opening - a < _OWN_CLAUSE_MIN:
            return None
        b = opening
        while b > a and (body[b - 1].isspace() or body[b - 1] in ",;:—–-"):
            b -= 1
        if b - a < _OWN_CLAUSE_MIN or overlap_chars(quoted, a, b) * 2 >= b - a:
            return None
    return (a, b), cue, mention
