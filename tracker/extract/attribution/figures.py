"""Who a figure comes from: each numeric claim credited to the source its article gives it.

A figure inherits the attribution of the speech it stands in, found by the quote extractor:
a direct quotation (``quoted``, with the quote's id and speaker), reported speech (``reported``,
``according_to``) or a finding of a document. Outside any speech, its sentence may still credit
it: a document as subject (``The Pentagon's budget request includes $850 million``) or a source
with a verb that reports figures (``The Labor Department reported 200,000 jobs``). Anything else
is the reporter's own voice (``unattributed``).

Sources are the quote speakers as resolved (one speaker rule); an unnamed source ("officials
said", "a source") is ``anonymous`` and a document without a name ("a new report") keeps its
words in ``source_mention`` but no ``source``: a wrong confident name is worse than none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from ...records import ATTRIBUTIONS, SPEECH_KINDS, Block, Claim, FigureSource, Quote, Span, SpeakerMention, one_of
from ...text import SpanIndex, split_sentences
from ..reported.rules import INDIRECT_VERBS
from .cues import BEFORE_ATTRIBUTION, cue_after
from .figure_words import (
    ANONYMITY,
    ANONYMOUS_HEADS,
    CONTENT_VERBS,
    DOCUMENT_HEADS,
    DOCUMENT_MODIFIERS,
    FIGURE_VERBS,
)
from .lexicon import AMBIGUOUS_CUES, CUE_VERBS, PRONOUNS, STOP_WORDS
from .mentions import Attribution, Token, is_capitalised, mention_before, sentence_subject, tokens
from .resolve import Resolver, person_name
from .speakers import speaker_problem

__all__ = ["credit_figures", "credit_of", "is_anonymous", "is_document"]

#: Quote kinds that are speech: a term ("so-called") or a title is nobody's words.
_SPEECH = SPEECH_KINDS
#: Why a figure has no source, by attribution.
UNATTRIBUTED = "no source named for it: the reporter's own words"
#: Tokens a document's name is read back over from its head noun ("a 2014 Pew Research Center study").
_NAME_REACH = 8
#: Tokens between a document or source and the figure its verb reports: one clause, not a sentence.
_VERB_REACH = 14
#: Tokens of a subject before its verb ("The Pentagon's just-released FY 2019 budget request").
_SUBJECT_REACH = 10
#: Characters of the figure's sentence read on each side of it: every rule looks a clause away
#: at most, and a bound keeps a 2 MB paragraph with thousands of figures linear.
_READ_AROUND = 400

#: Characters after an anonymous source read for its anonymity phrase ("…, who spoke on condition of anonymity").
_ANONYMITY_REACH = 160
#: Characters after a document read for its maker ("a report by the Congressional Budget Office").
_MAKER_REACH = 80

def credit_figures(body: str, blocks: Sequence[Block], quotes: Sequence[Quote],
                   claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with their ``credit`` set, read from the quotes found in the same body."""
    if not claims:
        return list(claims)
    speech = [q for q in quotes if q.kind in _SPEECH]
    reported = [q for q in quotes if q.kind == "indirect" and q.speaker_mention is not None]
    direct = _Spans(speech)
    indirect = _Spans(reported)
    sentences = split_sentences(body, blocks)
    starts = [s for s, _ in sentences]
    resolver: list[Resolver] = []

    def resolve() -> Resolver:  # built only when a sentence names a source outside every quote
        if not resolver:
            resolver.append(Resolver(body, blocks))
        return resolver[0]

    out = []
    for claim in claims:
        at = bisect_right(starts, claim.span[0]) - 1
        sentence = sentences[at] if at >= 0 and sentences[at][1] >= claim.span[1] else None
        credit = credit_of(body, claim.span, direct.holding(claim.span), indirect.holding(claim.span),
                           sentence, resolve)
        out.append(replace(claim, credit=credit))
    return out


class _Spans:
    """Quotes indexed by their spans: which hold a figure, innermost first."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.by_span: dict[Span, list[Quote]] = {}
        for q in quotes:
            for span in q.spans:
                self.by_span.setdefault(span, []).append(q)
        self.index = SpanIndex(self.by_span)

    def holding(self, span: Span) -> list[Quote]:
        found = [s for s in self.index.overlapping(*span) if s[0] <= span[0] and span[1] <= s[1]]
        found.sort(key=lambda s: s[1] - s[0])
        return [q for s in found for q in self.by_span[s]]


def credit_of(body: str, span: Span, quoted: Sequence[Quote], reported: Sequence[Quote], sentence: Span | None,
              resolve: Callable[[], Resolver]) -> FigureSource:
    """The credit of the figure at ``span``: its quotation, its reported speech, its sentence.

    Reported speech whose source the speaker rule refused ("August found that …") yields to a
    source the sentence names plainly; its mention is kept only when the sentence has none.
    """
    if quoted:
        return _from_quote(body, quoted[0], "quoted", resolve)
    reported = [q for q in reported if _same_clause(body, span, q)]
    if sentence is not None:  # a run-on "sentence" is read only near the figure: linear time overall
        sentence = (max(sentence[0], span[0] - _READ_AROUND), min(sentence[1], span[1] + _READ_AROUND))
    named = [q for q in reported if q.speaker is not None]
    inner = _speech_verb(body, sentence[0], span[0]) if sentence is not None else None
    if named and (inner is None or inner[0].span[0] < min(s for s, _ in named[0].spans)):
        return _from_quote(body, named[0], "reported", resolve)
    found = inner or (_sentence_source(body, sentence, span) if sentence is not None else None)
    if found is not None:
        mention, cue = found
        return _credit(body, mention, cue, _kind(cue, "reported"), resolve().speaker(mention), None)
    if reported:
        return _from_quote(body, reported[0], "reported", resolve)
    return FigureSource("unattributed", reason=UNATTRIBUTED)


def _same_clause(body: str, span: Span, quote: Quote) -> bool:
    """Reported speech credits a figure before its source only within one clause and outside the
    source's own quotation: in ``A rose 5%; B fell, according to X`` X speaks for B alone."""
    mention = quote.speaker_mention
    if mention is None or mention.span[0] < span[0]:
        return True
    between = body[span[1] : min(mention.span[0], span[1] + _READ_AROUND)]  # bounded: linear on huge quotes
    return ";" not in between and not _opens_quote(between)


def _opens_quote(text: str) -> bool:
    """``text`` opens a quotation it does not close: what follows it is someone's words."""
    return text.count("“") > text.count("”") or text.count("''") % 2 == 1 or text.count('"') % 2 == 1


def _sentence_source(body: str, sentence: Span, span: Span) -> tuple[SpeakerMention, str] | None:
    """A source the figure's sentence names outside any quotation: a document as its subject, a
    source with a verb that reports figures, or an attribution set off after the figure."""
    lo, hi = sentence
    return (_document_subject(body, lo, span[0]) or _figure_verb(body, lo, span[0])
            or _relative_cue(body, lo, span[0]) or _set_off_after(body, span[1], hi)
            or _main_clause(body, lo, span[0]))


def _kind(cue: str | None, kind: str) -> str:
    return "according_to" if kind == "reported" and (cue or "").lower().startswith(("according", "per")) else kind


def _from_quote(body: str, quote: Quote, kind: str, resolve: Callable[[], Resolver]) -> FigureSource:
    """A figure inside ``quote`` gets its source: the speaker as resolved for the quote."""
    resolved = (quote.speaker, quote.speaker_reason)
    quote_id = quote.id if kind == "quoted" else None
    return _credit(body, quote.speaker_mention, quote.cue, _kind(quote.cue, kind), resolved, quote_id)


def _credit(body: str, mention: SpeakerMention | None, cue: str | None, kind: str,
            resolved: tuple[str | None, str | None], quote_id: str | None) -> FigureSource:
    """The credit for a source as written; unnamed sources and documents are read from its words."""
    source, reason = resolved
    if mention is not None and is_anonymous(body, mention):
        words = " ".join(mention.text.split())
        return FigureSource("anonymous", None, mention, cue, quote_id, f"an unnamed source ({words!r})")
    if mention is not None and is_document(mention.text):
        name = document_name(body, mention)
        why = None if name else f"the document is not named ({' '.join(mention.text.split())!r})"
        return FigureSource("quoted" if quote_id else "document", name, mention, cue, quote_id, why)
    if source is None and reason is None:
        reason = UNATTRIBUTED
    return FigureSource(one_of(kind, ATTRIBUTIONS), source, mention, cue, quote_id, None if source else reason)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()[]\"“”‘’'").lower() for w in text.split()]


def is_anonymous(body: str, mention: SpeakerMention) -> bool:
    """An unnamed source: "officials", "a senior administration official", "people familiar with
    the talks", or any source the sentence says spoke without being named."""
    words = [w for w in _words(mention.text) if w]
    if not words or words[-1] in PRONOUNS:
        return False
    if words[-1] in ANONYMOUS_HEADS and person_name(mention.text) is None:
        return True
    window = body[mention.span[1] : mention.span[1] + _ANONYMITY_REACH].lower()
    return any(phrase in window for phrase in ANONYMITY)


def is_document(text: str) -> bool:
    """A report, budget, filing, study, poll … as the head of the source's words."""
    words = [w for w in _words(text) if w]
    return bool(words) and words[-1] in DOCUMENT_HEADS


def document_name(body: str, mention: SpeakerMention) -> str | None:
    """A document by its owner or maker and its kind ("Pentagon’s budget request", "Pew Research
    Center study"), or None when its words name no one ("a new report", "the text")."""
    toks = [t for t in tokens(body, *mention.span) if t.text[:1].isalnum()]
    if not toks:
        return None
    k = len(toks) - 1
    head = [toks[k].text]
    while k > 0 and len(head) < 2 and toks[k - 1].low in DOCUMENT_MODIFIERS | DOCUMENT_HEADS:
        k -= 1
        head.insert(0, toks[k].text)
    owner = _owner(toks[:k]) or _maker_after(body, mention.span[1]) or _issuer_before(body, mention.span[0])
    return f"{owner} {' '.join(head)}" if owner else None


def _owner(toks: Sequence[Token]) -> str | None:
    """Who a document is of: the capitalised run of a possessive ("the Pentagon’s just-released FY
    2019 budget request") or the run right before its kind ("a 2014 Pew Research Center study")."""
    toks = list(toks[-_NAME_REACH:])
    owned = [i for i, t in enumerate(toks) if t.text.endswith(("’s", "'s")) and is_capitalised(t)]
    if owned:
        end = owned[-1]
        run = _capitalised_run(toks[: end + 1])
        return f"{run}’s" if run else None
    while toks and toks[-1].low in _NOT_OWNERS:
        toks.pop()
    return _capitalised_run(toks)


#: Capitalised words before a document's kind that say which one it is, not whose.
_NOT_OWNERS = frozenset("fy q1 q2 q3 q4".split())


def _capitalised_run(toks: Sequence[Token]) -> str | None:
    """The capitalised words ending ``toks`` (a possessive's "’s" dropped), if they may name a source."""
    run: list[str] = []
    for t in reversed(toks):
        text = t.text[: -len("’s")] if t.text.endswith(("’s", "'s")) and not run else t.text
        if not (is_capitalised(t) and t.low not in STOP_WORDS):
            break
        run.insert(0, text)
    name = " ".join(run)
    return name if run and speaker_problem(name) is None else None


def _maker_after(body: str, end: int) -> str | None:
    """``a report by the Congressional Budget Office``: the maker named right after the document."""
    toks = tokens(body, end, min(len(body), end + _MAKER_REACH))
    if len(toks) < 2 or toks[0].low not in ("by", "from"):
        return None
    j = 1
    while j < len(toks) and toks[j].low in ("the",):
        j += 1
    run: list[str] = []
    while j < len(toks) and (is_capitalised(toks[j]) or (run and toks[j].low == "of")):
        run.append(toks[j].text)
        j += 1
    while run and run[-1] == "of":
        run.pop()
    return " ".join(run) if run else None


#: Verbs by which a source puts out a document ("the Security Council issued a statement").
_ISSUED = frozenset("issued issues released releases published publishes put".split())


def _issuer_before(body: str, start: int) -> str | None:
    """``the Security Council issued a statement``: the named subject of the verb that issued the document."""
    toks = tokens(body, max(0, start - _MAKER_REACH), start)
    if not toks or toks[-1].low not in _ISSUED or not toks[-1].text.islower():
        return None
    issuer = mention_before(body, toks[0].start, toks[-1].start)
    if issuer is None or toks[-1].start - issuer.span[1] > _CUE_GAP:
        return None
    return _capitalised_run(tokens(body, *issuer.span))


def _document_subject(body: str, lo: int, figure: int) -> tuple[SpeakerMention, str] | None:
    """``<document> [released on Tuesday …] <includes|shows|found …> … FIGURE``: the document's figure.

    The document is the noun phrase right before the verb, or the one opening the sentence
    ("A Quinnipiac University poll released in late August found that 74 percent …").
    """
    toks = tokens(body, lo, figure)
    # the sentence's opening only when it was read from its start (see _READ_AROUND)
    opening = _opening_document(body, toks) if figure - lo < _READ_AROUND else None
    for k in range(len(toks) - 1, 0, -1):
        if len(toks) - k > _VERB_REACH or toks[k].text in ";:“”\"":
            return None
        if not (toks[k].low in CONTENT_VERBS and toks[k].text.islower()):
            continue
        if toks[k - 1].low in DOCUMENT_HEADS:
            j = k - 1
            while j > 0 and k - j < _SUBJECT_REACH and _in_noun_phrase(toks[j - 1]):
                j -= 1
            span = (toks[j].start, toks[k - 1].end)
            return SpeakerMention(body[span[0] : span[1]], span), toks[k].text
        if opening is not None and opening.span[1] <= toks[k].start:
            return opening, toks[k].text
    return None


def _opening_document(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """A noun phrase headed by a document that opens the sentence ("An exhaustive study …")."""
    for h, t in enumerate(toks[:_SUBJECT_REACH]):
        if t.low in DOCUMENT_HEADS and t.text.islower():
            if h == 0 or not all(_in_noun_phrase(x) and x.low not in ("of",) for x in toks[:h]):
                return None
            return SpeakerMention(body[toks[0].start : t.end], (toks[0].start, t.end))
        if not _in_noun_phrase(t):
            return None
    return None


def _in_noun_phrase(tok: Token) -> bool:
    """A word that may stand inside a subject noun phrase (not punctuation, a verb or a clause word)."""
    if not tok.text[:1].isalnum() and not tok.text.endswith(("’s", "'s")):
        return False
    return tok.low not in STOP_WORDS or tok.low in ("the", "a", "an", "its", "their", "his", "her", "of")


def _figure_verb(body: str, lo: int, figure: int) -> tuple[SpeakerMention, str] | None:
    """``<source> <reported|estimated|counted …> FIGURE``: a source reporting a figure, no clause."""
    toks = tokens(body, lo, figure)
    for k in range(len(toks) - 1, 0, -1):
        if len(toks) - k > _VERB_REACH or toks[k].text in ".;:":
            return None
        if toks[k].low in FIGURE_VERBS and toks[k].text.islower():
            mention = mention_before(body, lo, toks[k].start)
            return (mention, toks[k].text) if mention is not None else None
    return None


#: Marks after which an attribution may be set off: a comma, or a closing quotation mark.
_SET_OFF = ",”\"’"
#: Words after a set-off attribution before its comma or full stop ("…, the agency said in a June
#: report, and …"): a short phrase of time or place, never a clause of its own.
_SET_OFF_TAIL = 6
_TAIL_OPENERS = frozenset("in on at during after before last this earlier later today yesterday".split())
#: Marks after a figure tried as the start of a set-off attribution: past a list of a dozen items
#: the attribution no longer speaks for the figure, and a run of commas ("1,1,1,…") stays linear.
_SET_OFF_MARKS = 12


def _set_off_after(body: str, figure_end: int, hi: int) -> tuple[SpeakerMention, str] | None:
    """``FIGURE …, the agency said [in a June report][,.]`` / ``…,” he said.`` / ``…, according to
    X.``: an attribution set off after the figure, ending its clause, credits what came before.

    A semicolon closes the figure's clause: an attribution past it credits the next clause."""
    semicolon = body.find(";", figure_end, hi)
    hi = semicolon if semicolon >= 0 else hi
    pos = figure_end
    for _ in range(_SET_OFF_MARKS):
        pos = _next_mark(body, pos, hi)
        if pos < 0:
            return None
        pos += 1
        if not _word_follows(body, pos, hi):  # "…, 5, 6": an attribution opens with a word
            continue
        att = cue_after(body, pos, hi) or _document_after(body, pos, hi)
        if att is None or att.mention is None or not _compact(body, pos, att):
            continue
        end = max(att.cue_span[1], att.mention.span[1])
        if _opens_quote(body[figure_end : att.mention.span[0]]):
            return None  # "…, and the report says ''… according to X''": X is the quotation's
        if _closes(body, end, hi):
            return att.mention, att.cue
    return None


def _word_follows(body: str, pos: int, hi: int) -> bool:
    """The first character after ``pos`` that is not a space, comma or dash is a letter."""
    rest = body[pos : min(hi, pos + _SET_OFF_PEEK)].lstrip(BEFORE_ATTRIBUTION)
    return bool(rest) and rest[0].isalpha()


#: Characters looked at after a mark for the attribution's first letter.
_SET_OFF_PEEK = 40


#: Characters between a set-off source and its verb ("the agency said", "said Jane Roe").
_CUE_GAP = 3


def _compact(body: str, start: int, att: Attribution) -> bool:
    """A set-off attribution: it opens right at the mark, its source and verb stand together, and
    its verb is no word that is as often a noun ("state", "blast")."""
    assert att.mention is not None
    first = min(att.mention.span[0], att.cue_span[0])
    gap = max(att.mention.span[0], att.cue_span[0]) - min(att.mention.span[1], att.cue_span[1])
    opens = not body[start:first].strip(" \t\n,”\"’'")
    noun_like = att.cue.lower() in AMBIGUOUS_CUES and not is_document(att.mention.text)
    return opens and 0 <= gap <= _CUE_GAP and not noun_like and att.cue not in "―—–-"


def _document_after(body: str, start: int, hi: int) -> Attribution | None:
    """``…, a USA TODAY analysis of campaign-finance reports shows.``: a document set off with its
    verb (the last verb-like word before the clause ends: "reports" is the document's here)."""
    toks = tokens(body, start, hi)
    verb = None
    for k, t in enumerate(toks[: _VERB_REACH + 1]):
        if t.text in ",;.!?":
            break
        if not _in_noun_phrase(t):
            return None
        if k and t.low in CONTENT_VERBS and t.text.islower():
            verb = k
    if verb is None:
        return None
    t = toks[verb]
    mention = mention_before(body, toks[0].start, t.start)
    if mention is None or mention.span[0] != toks[0].start or not is_document(mention.text):
        return None
    return Attribution(t.text, (t.start, t.end), mention)


def _next_mark(body: str, pos: int, hi: int) -> int:
    found = [i for i in (body.find(mark, pos, hi) for mark in _SET_OFF) if i >= 0]
    return min(found) if found else -1


def _closes(body: str, end: int, hi: int) -> bool:
    """The attribution ends its clause: at most a short phrase of time or place, then a comma,
    a semicolon or the sentence's end."""
    toks = tokens(body, end, hi)
    for k, t in enumerate(toks[: _SET_OFF_TAIL + 1]):
        if t.text in ",;.!?":
            return k == 0 or toks[0].low in _TAIL_OPENERS
    return not toks


#: Relative pronouns that can stand for a source: "the study -- which notes that …".
_RELATIVES = frozenset(("which", "who", "that"))


def _relative_cue(body: str, lo: int, figure: int) -> tuple[SpeakerMention, str] | None:
    """``<source>, which|who <notes|said|found> that … FIGURE``: the figure is the relative's antecedent's.

    The document antecedent ("the study --") is the mention when there is one; otherwise the
    pronoun, which the resolver takes back to the name before it or leaves unresolved.
    """
    toks = tokens(body, lo, figure)
    for k in range(len(toks) - 2, 0, -1):
        if len(toks) - k > _VERB_REACH or toks[k].text in ".;":
            return None
        verb = toks[k]
        if not (verb.text.islower() and (verb.low in CONTENT_VERBS or verb.low in INDIRECT_VERBS)):
            continue
        if toks[k - 1].low not in ("which", "who") or toks[k + 1].low != "that":
            continue
        pronoun = toks[k - 1]
        before = list(toks[: k - 1])
        while before and not before[-1].text[:1].isalnum():
            before.pop()  # "the study -- which": the marks setting off the relative clause
        if before and before[-1].low in DOCUMENT_HEADS:
            head = before[-1]
            j = len(before) - 1  # back over the noun phrase, never past a mark ("Instead, the study")
            while j > 0 and head.end - before[j - 1].start < _NAME_REACH * 12 and _in_noun_phrase(before[j - 1]):
                j -= 1
            return SpeakerMention(body[before[j].start : head.end], (before[j].start, head.end)), verb.text
        return SpeakerMention(pronoun.text, (pronoun.start, pronoun.end)), verb.text
    return None


#: Speech verbs that report a figure in the clause right after them, with or without "that"
#: ("he said 500 people", "The researchers reported that Apple holds $214.9 billion").
_SAYS = frozenset("said says told tells added adds wrote writes reported reports claimed claims estimated".split())


def _speech_verb(body: str, lo: int, figure: int) -> tuple[SpeakerMention, str] | None:
    """``<source> said [that] … FIGURE`` in the figure's own clause: the nearest speech before it.

    Inside reported speech that another source frames ("…, according to X"), this inner source is
    the figure's; a mention the speaker rule refuses is never taken.
    """
    toks = tokens(body, lo, figure)
    for k in range(len(toks) - 1, 0, -1):
        if len(toks) - k > _VERB_REACH or toks[k].text in ".;:“”\"":
            return None
        verb = toks[k]
        if verb.low not in _SAYS or not verb.text.islower():
            continue
        mention = mention_before(body, lo, verb.start)
        if mention is None or verb.start - mention.span[1] > _CUE_GAP:
            return None
        if _noun_reading(toks, mention):
            continue  # "11% of Republican claims": the speech word is a noun, its clause goes on
        if speaker_problem(mention.text, mention, body) is not None and mention.text.lower() not in PRONOUNS:
            return None
        return mention, verb.text
    return None


#: Words before a source's words that make them a modifier of the speech word ("of Republican
#: claims", "the Senate reports"); "by" is not one: "a report by the agency said" has a subject.
_MODIFIER_BEFORE = frozenset("of on about the a an this that these those".split())


def _noun_reading(toks: Sequence[Token], mention: SpeakerMention) -> bool:
    """The speech word after ``mention`` is a noun: the mention follows a preposition or article
    ("11% of Republican claims"), so it modifies the word and is no subject."""
    before = [t for t in toks if t.end <= mention.span[0]]
    return bool(before) and before[-1].low in _MODIFIER_BEFORE


#: Words that open a clause of the reporter's own after a main clause of speech ("X said Y, but Z").
_OWN_CLAUSE = frozenset("but while whereas although though because since unlike".split())


def _main_clause(body: str, lo: int, figure: int) -> tuple[SpeakerMention, str] | None:
    """``PolitiFact rated 22% … compared to 11% … – a 2 to 1 margin`` / ``The researchers reported
    that A; B …``: a sentence whose subject opens it with a verb that reports figures speaks for
    all of it, up to a clause of the reporter's own ("but", "while")."""
    if figure - lo >= _READ_AROUND:
        return None  # the sentence's start was not read (see _READ_AROUND)
    mention = sentence_subject(body, lo, figure)
    if mention is None:
        return None
    toks = tokens(body, mention.span[1], figure)
    if not toks or toks[0].start - mention.span[1] > _CUE_GAP:
        return None
    verb = toks[0]
    if not (verb.text.islower() and verb.low in FIGURE_VERBS):  # "said" is too common to speak for a sentence
        return None
    if any(t.low in _OWN_CLAUSE or _another_speaker(toks, i) for i, t in enumerate(toks) if i):
        return None
    if speaker_problem(mention.text, mention, body) is not None and mention.text.lower() not in PRONOUNS:
        return None
    return mention, verb.text


def _another_speaker(toks: Sequence[Token], i: int) -> bool:
    """``… and the report says …``, ``analysts said``: a speech verb after a lower-case subject of
    its own, so the later part of the sentence is someone else's ("Republican claims" is no verb)."""
    word, before = toks[i], toks[i - 1]
    return (word.low in CUE_VERBS and word.text.islower() and before.text.islower()
            and before.text[:1].isalpha() and before.low not in _MODIFIER_BEFORE)
