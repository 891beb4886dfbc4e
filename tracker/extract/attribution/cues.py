"""Attribution cues around a quotation: after it, before it, inside a split quote, or a dash.

A *cue* is a reporting verb or phrase ("said", "told", "according to", "in a statement"); each is
returned with the mention of its source, found by the scans in :mod:`tracker.extract.attribution.mentions`.
Every scan is a bounded token walk over a window of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import DETERMINERS, wordset
from ...records import Block, SpeakerMention
from .figure_words import DOCUMENT_HEADS
from .lexicon import (
    ACCORDING,
    AMBIGUOUS_CUES,
    CUE_TAILS,
    CUE_VERBS,
    NAME_PARTICLES,
    PRONOUNS,
    SOURCE_NOUNS,
    WEAK_CUES,
)
from .mentions import (
    LOWER_WORD,
    VERBISH,
    Attribution,
    Token,
    is_capitalised,
    mention_after,
    mention_before,
    np_before,
    sentence_subject,
    subject_of_clause,
    tokens,
)

__all__ = ["all_cues", "cue_after", "cue_before", "dash_source"]

_DASHES = "―—–-"
#: Named limits of the cue scans.
_SIGNATURE_REACH = 80  # characters after a dash where a signature ("― Jane Doe") must end
_SIGNATURE_WORDS = 6  # capitalised words of a signature name at most
_AFTER_REACH = 300  # characters after a closing mark read for its cue (", he said")
_NP_MAX_TOKENS = 10  # tokens of a source's whole noun phrase at most
_WINDOW_TOKENS = 40  # tokens after a quote searched for a cue before the sentence must have ended
_TAIL_REACH = 60  # characters of a cue's tail ("in a statement on Friday")
_BEFORE_REACH = 400  # characters before an opening mark read for its cue
_LABEL_MAX_WORDS = 8  # words of a "Mayor Ana Ruiz: “…”" label at most
_ADJACENT_GAP = 80  # characters between an introducing cue and the mark it introduces at most
_INTRO_MAX_TOKENS = 12  # tokens of an introductory phrase ("In a Facebook message posted Friday,")
_WEAK_CUE_TAIL = 6  # a weak cue counts only among the last six tokens before the quote
_INVERTED_GAP = 3  # characters before a cue verb where a comma or mark makes it inverted (", said X")


def dash_source(body: str, pos: int, hi: int) -> Attribution | None:
    """``“…” ― Jane Doe`` or a paragraph ``- Jane Doe.``: a name after a dash, alone to the end."""
    i = pos
    while i < hi and (body[i].isspace() or body[i] in "'’"):
        i += 1  # any space: a no-break space often sits between the quote and the dash
    if i >= hi or body[i] not in _DASHES:
        return None
    toks = tokens(body, i + 1, min(hi, i + _SIGNATURE_REACH))
    if not toks or not is_capitalised(toks[0]):
        return None
    j = 0
    while j < len(toks) and j < _SIGNATURE_WORDS and (is_capitalised(toks[j]) or toks[j].low in NAME_PARTICLES):
        j += 1
    rest = body[toks[j - 1].end : min(hi, i + _SIGNATURE_REACH)].strip(" .\t\xa0\u202f")
    if rest and not rest.startswith(("\n", ",")):
        return None
    return Attribution(
        body[i],
        (i, i + 1),
        SpeakerMention(body[toks[0].start : toks[j - 1].end], (toks[0].start, toks[j - 1].end)),
    )


#: What may stand between a closing mark and the attribution after it (skipped before reading it).
BEFORE_ATTRIBUTION = " \t\n,—–-'’"


def cue_after(body: str, pos: int, hi: int) -> Attribution | None:
    """Attribution right after a closing mark: `, he said`, `, said X`, `, X told Y`, `, according to X`."""
    seg_end = min(hi, pos + _AFTER_REACH)
    text = body[pos:seg_end]
    lead = len(text) - len(text.lstrip(BEFORE_ATTRIBUTION))
    start = pos + lead
    dashed = dash_source(body, pos, seg_end)
    if dashed is not None:
        return dashed
    m = ACCORDING.match(body, start, seg_end)
    if m:
        mention = mention_after(body, m.end(), seg_end, appositive=False)
        return Attribution(m.group(), (m.start(), m.end()), mention)
    toks = tokens(body, start, seg_end)
    found = _cue_in_window(body, start, seg_end, toks)
    if found is not None:
        return found
    return _late_inverted_cue(body, toks, seg_end)


_NP_LINKS = wordset("of the a an in at for from with")


def _whole_np(body: str, toks: Sequence[Token], head: SpeakerMention) -> SpeakerMention | None:
    """``Mr. Morgan of the Sierra Club``, ``a narrator in the Clinton ad``: a short phrase of names,
    nouns and linking words from the start up to the found mention."""
    if not toks or len(toks) > _NP_MAX_TOKENS:
        return None
    first = toks[0]
    if not (is_capitalised(first) or first.low in DETERMINERS):
        return None
    for t in toks:
        if not (t.text[:1].isalpha() and (is_capitalised(t) or t.low in _NP_LINKS or t.text.islower())):
            return None
        if t.low in CUE_VERBS or t.low in VERBISH:
            return None
    return SpeakerMention(body[first.start : head.span[1]], (first.start, head.span[1]))


def _leading_np(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """The noun phrase before the first comma of ``toks`` when an appositive follows it."""
    for k, t in enumerate(toks):
        if t.text == ",":
            return np_before(body, toks[:k]) if k else None
    return None


def _late_inverted_cue(body: str, toks: Sequence[Token], hi: int) -> Attribution | None:
    """``“…” if she lost, said X`` — a comma-introduced cue later in the same sentence."""
    for k, t in enumerate(toks):
        if t.text in '.;?!“”"':
            return None
        if (
            k
            and toks[k - 1].text == ","
            and t.low in CUE_VERBS
            and t.text.islower()
            and t.low not in AMBIGUOUS_CUES
        ):
            mention = mention_after(body, t.end, hi)
            if mention is not None:
                return Attribution(t.text, (t.start, t.end), mention)
        if (
            k
            and k + 1 < len(toks)
            and toks[k - 1].text == ","
            and toks[k + 1].low in CUE_VERBS
            and (
                toks[k + 1].text.islower()
                and (t.low in PRONOUNS or t.low in SOURCE_NOUNS or is_capitalised(t))
            )
        ):
            nxt = toks[k + 1]
            mention = mention_before(body, t.start, nxt.start)
            if mention is not None and k + 2 < len(toks) and toks[k + 2].text in ".,":
                return Attribution(nxt.text, (nxt.start, nxt.end), mention)
    return None


def _cue_in_window(body: str, start: int, seg_end: int, toks: Sequence[Token]) -> Attribution | None:
    for k, t in enumerate(toks[:_WINDOW_TOKENS]):
        if t.text in '.;?!“”"':
            return None
        if t.low in CUE_VERBS and t.text.islower():
            cue_end = _cue_tail(body, t.end, seg_end)
            if k == 0:
                mention = mention_after(body, t.end, seg_end)
                if mention is None:
                    return None  # ", adding that …": the source is the sentence's subject
            else:
                mention = mention_before(body, start, t.start)
                if mention is not None and mention.span[0] > toks[0].start:
                    mention = _leading_np(body, toks[:k]) or _whole_np(body, toks[:k], mention)
                if mention is None or mention.span[0] > toks[0].start:
                    return None  # the words before the verb are not its source: not our cue
            return Attribution(body[t.start : cue_end], (t.start, cue_end), mention)
    return None


def _cue_tail(body: str, end: int, hi: int) -> int:
    m = CUE_TAILS.match(body, end, min(hi, end + _TAIL_REACH))
    return m.end() if m else end


def cue_before(body: str, lo: int, pos: int, adjacent: bool) -> Attribution | None:
    """The nearest cue before an opening mark within the sentence ``[lo, pos)``.

    ``adjacent`` asks for an introduction right before the mark (`X said, “`, `X: “`); otherwise
    any cue of the sentence counts (a partial quote inside the reporter's sentence).
    """
    lo = max(lo, pos - _BEFORE_REACH)
    pre = body[lo:pos].rstrip().rstrip("'").rstrip()  # ''…'': the first of a doubled mark is no text
    if pre.endswith(":"):
        colon = lo + len(pre) - 1
        toks = tokens(body, lo, colon)
        found = _find_cue(body, lo, colon, toks)
        if found is not None:
            return found
        mention = np_before(body, toks)
        if mention is not None and mention.span[0] == toks[0].start and len(mention.text.split()) <= _LABEL_MAX_WORDS:
            return Attribution(":", (colon, colon + 1), mention)  # "Mayor Ana Ruiz: “…”"
        if mention is not None and mention.text.split()[-1].lower() in DOCUMENT_HEADS:
            return Attribution(":", (colon, colon + 1), mention)  # "… by this finding: “…”"
        mention = sentence_subject(body, lo, colon)
        if mention is not None:
            return Attribution(":", (colon, colon + 1), mention)
        return None
    toks = tokens(body, lo, pos)
    found = _find_cue(body, lo, pos, toks, leftmost=not adjacent)
    if found is None:
        return None
    if adjacent and found.cue_span[1] < pos - _ADJACENT_GAP:
        return None
    return found


_INTRODUCTIONS = wordset("in at on during after before while although though when because since if once")


def _find_cue(
    body: str, lo: int, hi: int, toks: Sequence[Token], leftmost: bool = False
) -> Attribution | None:
    """A cue with its source among ``toks``: the nearest to ``hi`` or the leftmost (main clause)."""
    found: Attribution | None = None
    first = 0
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in '“”"':
            first = k + 1  # the part before belongs to another quote
            break
    intro = -1  # "In a Facebook message posted Friday, Cruz said …": the introduction's cue is not the main one
    if leftmost and first < len(toks) and toks[first].low in _INTRODUCTIONS:
        intro = next((m for m in range(first, min(len(toks), first + _INTRO_MAX_TOKENS)) if toks[m].text == ","), -1)
    for k in range(len(toks) - 1, first - 1, -1):
        t = toks[k]
        att: Attribution | None = None
        if (
            t.low in ("according", "per")
            and k + 1 < len(toks)
            and (toks[k + 1].low == "to" or t.low == "per")
        ):
            end = toks[k + 1].end if t.low == "according" else t.end
            mention = mention_after(body, end, hi, appositive=False)
            if mention is not None:
                att = Attribution(body[t.start : end], (t.start, end), mention)
        elif t.low in CUE_VERBS and t.text.islower():
            if t.low in WEAK_CUES and k < len(toks) - _WEAK_CUE_TAIL:
                continue
            att = _verb_cue(body, lo, hi, toks, k)
        elif (
            k == first
            and t.low in CUE_VERBS
            and t.low.endswith("ed")
            and k + 1 < len(toks)
            and is_capitalised(toks[k + 1])
        ):
            mention = mention_after(body, t.end, hi)  # "Continued Stone: …"
            if mention is not None:
                att = Attribution(t.text, (t.start, t.end), mention)
        if att is not None:
            if not leftmost:
                return att
            if k < intro and found is not None:
                break
            found = att
    return found


#: Words after which a cue word is a noun ("this finding:", "the statement", "a comment").
_NOUN_BEFORE = wordset("the a an this that these those")


def _verb_cue(body: str, lo: int, hi: int, toks: Sequence[Token], k: int) -> Attribution | None:
    t = toks[k]
    if k > 0 and toks[k - 1].low in _NOUN_BEFORE:
        return None  # "exemplified by this finding:": a noun, its sentence's subject is no source
    cue_end = _cue_tail(body, t.end, hi)
    mention: SpeakerMention | None = None
    if (
        t.low.endswith("ing")
        and k >= 2
        and is_capitalised(toks[k - 1])
        and toks[k - 2].low in ("of", "shows", "showed", "show", "hear", "heard", "saw", "see")
    ):
        mention = mention_before(body, lo, t.start)  # "footage of Hillary Clinton asking, …"
    if mention is None and k > 0 and (t.low.endswith("ing") or toks[k - 1].low in ("and", "but", "then")):
        mention = sentence_subject(body, lo, t.start)  # "X attacked Y, saying ...", "X … and said"
        if mention is None and t.low.endswith("ing") and not any(x.text == "," for x in toks[:k]):
            return None  # "In a statement announcing the pick, …": the gerund is in the introduction
    if mention is None:
        mention = mention_before(body, lo, t.start)
    if t.low in AMBIGUOUS_CUES and (
        not _firm_source(mention)
        or (mention is not None and " " not in mention.text and k >= 2 and toks[k - 2].low in ("of", "on", "about"))
    ):
        return None  # "many state workers", "Republican claims": the cue word is likely a noun
    if mention is None:
        mention = subject_of_clause(body, lo, t.start)
    if mention is None and (k == 0 or toks[k - 1].text in ',“”"'):
        mention = mention_after(body, t.end, hi)  # inverted: ", said X"
    if mention is None:
        return None
    return Attribution(body[t.start : cue_end], (t.start, cue_end), mention)


def _firm_source(mention: SpeakerMention | None) -> bool:
    """A pronoun, a name or a source noun: enough to read an ambiguous word as a verb."""
    if mention is None:
        return False
    words = mention.text.split()
    # a possessive counts: "Trump’s claim that …" attributes the claim to Trump
    return mention.text.lower() in PRONOUNS or words[-1].lower() in SOURCE_NOUNS or words[-1][:1].isupper()


def all_cues(body: str, blocks: Sequence[Block]) -> list[Attribution]:
    """Every cue in the content blocks with its source, in text order (for continuation)."""
    out: list[Attribution] = []
    for block in blocks:
        if block.role == "title":
            continue
        for m in LOWER_WORD.finditer(body, block.start, block.end):
            word = m.group()
            if word not in CUE_VERBS or word in WEAK_CUES or word in AMBIGUOUS_CUES:
                continue
            mention = mention_before(body, block.start, m.start())
            before = body[max(block.start, m.start() - _INVERTED_GAP) : m.start()]
            if mention is None and any(c in before for c in ',”"'):
                mention = mention_after(body, m.end(), block.end)  # inverted: ", said X"
            if mention is not None:
                out.append(Attribution(word, (m.start(), m.end()), mention))
    return out
