"""Speaker attribution: find the cue next to a quote, the mention of its source, and resolve it.

A *cue* is a reporting verb or phrase ("said", "told", "according to", "in a statement"); the
*mention* is the source as written next to it ("he", "the senator", "Secretary of State Rex
Tillerson"); the *speaker* is the person the mention refers to, with titles stripped, surnames
expanded to the full name seen in the article and pronouns and role descriptions resolved to the
most recent matching person. All scans are bounded token walks; no regex backtracks over
unbounded input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Block, SpeakerMention, Span
from .speaker_lexicon import (
    ACCORDING,
    AMBIGUOUS_CUES,
    CUE_TAILS,
    CUE_VERBS,
    NAME_PARTICLES,
    PERSON_PRONOUNS,
    PRONOUNS,
    SKIPPABLE,
    SOURCE_NOUNS,
    STOP_WORDS,
    TITLE_WORDS,
    WEAK_CUES,
)

_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w’'.\-\u00C0-\u024F]*|[^\w\s]")
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_DETERMINERS = frozenset("the a an his her its their our my your".split())
_FORWARD_STOPS = frozenset(
    """in on at during who which whose after before when as while that because but and to from
    about for with was is were are has had have will would can could, since than via""".split()
)
_VERBISH = frozenset("was is were are has had have will would can could did does also then".split())
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
_CAP_RUN = re.compile(r"\b[A-Z][\w’'\-]*(?:[ \t]+(?:(?:al|el|bin|ibn|de|da|van|von|der|le|la|du|abu)[ -])?"
                      r"[A-Z][\w’'\-]*){1,3}")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".") if len(self.text) > 1 else self.text.lower()


@dataclass(frozen=True)
class Attribution:
    """A cue with the mention of its source."""

    cue: str
    cue_span: Span
    mention: SpeakerMention | None


def tokens(body: str, lo: int, hi: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(body, lo, hi)]


def _is_cap(tok: Token) -> bool:
    t = tok.text
    if t[:3].lower() in ("al-", "el-") and len(t) > 3:
        return t[3:4].isupper()
    return t[:1].isupper() or t[:1].isdigit() and False


def _possessive(tok: Token) -> bool:
    return tok.text.endswith(("’s", "'s", "’", "'")) and len(tok.text) > 2


def cue_is_verb(word: str) -> bool:
    return word.lower() in CUE_VERBS


# ------------------------------------------------------------------ mention scans
def mention_before(body: str, lo: int, cue_start: int) -> SpeakerMention | None:
    """The source written just before a cue ("Khazali said", "the budget overview stated")."""
    toks = tokens(body, max(lo, cue_start - 300), cue_start)
    while toks and toks[-1].low in SKIPPABLE:
        toks.pop()
    if toks and toks[-1].text == ")":
        k = len(toks) - 1
        while k > 0 and toks[k].text != "(" and len(toks) - k < 12:
            k -= 1
        if toks[k].text == "(":
            toks = toks[:k]
    if not toks:
        return None
    last = toks[-1]
    if last.text in ",–—":
        return _appositive_subject(body, toks)
    if last.low in PRONOUNS:
        return SpeakerMention(last.text, (last.start, last.end))
    return _np_backward(body, toks)


def _np_backward(body: str, toks: Sequence[Token]) -> SpeakerMention | None:
    """The noun phrase ending at the last token: a name with its titles, or a description."""
    if not toks:
        return None
    last = toks[-1]
    if not (_is_cap(last) or last.low in SOURCE_NOUNS or last.low in TITLE_WORDS):
        return None
    i = len(toks) - 1
    while i > 0:
        prev = toks[i - 1]
        low = prev.low
        if prev.text in "()" or (not prev.text[:1].isalnum()):
            break
        if low in _DETERMINERS:
            i -= 1
            break
        if low == "and" and i - 2 >= 0 and (toks[i - 2].low in TITLE_WORDS or toks[i - 2].low in SOURCE_NOUNS):
            i -= 1  # "senator and presidential candidate"
            continue
        if low in STOP_WORDS and low != "of":
            break
        if low == "of":
            # "Secretary of State", "director of operations": keep only between title-ish words
            if i - 2 >= 0 and (toks[i - 2].low in TITLE_WORDS or toks[i - 2].low in SOURCE_NOUNS):
                i -= 1
                continue
            break
        if _is_cap(prev) or low in TITLE_WORDS or low in SOURCE_NOUNS or low in NAME_PARTICLES:
            i -= 1
            continue
        if _possessive(prev) or prev.text.islower() and len(toks) - i < 4 and not _is_cap(last):
            i -= 1  # "the rival bloc", "Clinton’s campaign"
            continue
        break
    start, end = toks[i].start, last.end
    return SpeakerMention(body[start:end], (start, end))


def _appositive_subject(body: str, toks: list[Token]) -> SpeakerMention | None:
    """``NAME, a leader of the group, said``: the phrase before the appositive."""
    chunks: list[list[Token]] = [[]]
    for t in toks:
        if t.text in ",–—":
            chunks.append([])
        elif t.text in ".;:“”\"":
            chunks = [[]]
        else:
            chunks[-1].append(t)
    chunks = [c for c in chunks if c]
    for i in range(len(chunks) - 2, -1, -1):
        nxt = chunks[i + 1]
        first = nxt[0]
        if first.low in _DETERMINERS or first.text[:1].islower() or first.text[:1].isdigit():
            found = _np_backward(body, chunks[i])
            if found is not None and found.text[:1].isupper() or found is not None and i == 0:
                return found
    if chunks and len(chunks) >= 1:
        return _np_backward(body, chunks[-1])
    return None


def mention_after(body: str, cue_end: int, hi: int) -> SpeakerMention | None:
    """The source written after an inverted cue ("said Kenneth Pollack, resident scholar")."""
    toks = tokens(body, cue_end, min(hi, cue_end + 300))
    i = 0
    while i < len(toks) and (toks[i].low in SKIPPABLE or toks[i].text == ","):
        i += 1
    if i >= len(toks):
        return None
    first = toks[i]
    if first.low in PRONOUNS:
        return SpeakerMention(first.text, (first.start, first.end))
    if first.low in _FORWARD_STOPS or first.low in STOP_WORDS and first.low not in _DETERMINERS:
        return None
    j = i
    chunk_has_name = False
    while j < len(toks):
        t = toks[j]
        if t.text in ".;:“”\"()—–" and not (t.text == "." and j > i):
            break
        if t.text == ".":
            break
        if t.text == ",":
            # extend over an appositive name: "the group’s director, Jane Doe"
            k = j + 1
            if not chunk_has_name and k < len(toks) and _is_cap(toks[k]):
                j = k
                continue
            break
        if t.low in _FORWARD_STOPS and j > i:
            break
        if not (_is_cap(t) or t.low in _DETERMINERS or t.text[:1].islower() or _possessive(t)):
            break
        chunk_has_name = chunk_has_name or (_is_cap(t) and t.low not in TITLE_WORDS)
        j += 1
    if j == i:
        return None
    start, end = toks[i].start, toks[j - 1].end
    if not (chunk_has_name or toks[j - 1].low in SOURCE_NOUNS or toks[j - 1].low in TITLE_WORDS):
        return None
    return SpeakerMention(body[start:end], (start, end))


def subject_of_clause(body: str, lo: int, cue_start: int) -> SpeakerMention | None:
    """Fallback subject: the last name or pronoun in ``[lo, cue_start)`` followed by a verb."""
    toks = tokens(body, max(lo, cue_start - 400), cue_start)
    for i in range(len(toks) - 2, -1, -1):
        t, nxt = toks[i], toks[i + 1]
        nl = nxt.low
        if nl in _VERBISH or nl in CUE_VERBS or nl.endswith("ed") and nxt.text.islower():
            if t.low in PRONOUNS:
                return SpeakerMention(t.text, (t.start, t.end))
            if _is_cap(t) or t.low in SOURCE_NOUNS:
                m = _np_backward(body, toks[: i + 1])
                if m is not None:
                    return m
    return None


# ------------------------------------------------------------------ cues around a quote
def cue_after(body: str, pos: int, hi: int) -> Attribution | None:
    """Attribution right after a closing mark: `, he said`, `, said X`, `, X told Y`, `, according to X`."""
    seg_end = min(hi, pos + 160)
    text = body[pos:seg_end]
    lead = len(text) - len(text.lstrip(" \t\n,—–-"))
    start = pos + lead
    m = ACCORDING.match(body, start, seg_end)
    if m:
        mention = mention_after(body, m.end(), seg_end)
        return Attribution(m.group(), (m.start(), m.end()), mention)
    toks = tokens(body, start, seg_end)
    found = _cue_in_window(body, start, seg_end, toks)
    if found is not None:
        return found
    return _late_inverted_cue(body, toks, seg_end)


def _late_inverted_cue(body: str, toks: Sequence[Token], hi: int) -> Attribution | None:
    """``“…” if she lost, said X`` — a comma-introduced cue later in the same sentence."""
    for k, t in enumerate(toks):
        if t.text in ".;?!“”\"":
            return None
        if k and toks[k - 1].text == "," and t.low in CUE_VERBS and t.text.islower() and t.low not in AMBIGUOUS_CUES:
            mention = mention_after(body, t.end, hi)
            if mention is not None:
                return Attribution(t.text, (t.start, t.end), mention)
        if k and k + 1 < len(toks) and toks[k - 1].text == "," and toks[k + 1].low in CUE_VERBS and (
            toks[k + 1].text.islower() and (t.low in PRONOUNS or t.low in SOURCE_NOUNS or _is_cap(t))
        ):
            nxt = toks[k + 1]
            mention = mention_before(body, t.start, nxt.start)
            if mention is not None and k + 2 < len(toks) and toks[k + 2].text in ".,":
                return Attribution(nxt.text, (nxt.start, nxt.end), mention)
    return None


def _cue_in_window(body: str, start: int, seg_end: int, toks: Sequence[Token]) -> Attribution | None:
    for k, t in enumerate(toks[:12]):
        if t.text in ".;?!“”\"":
            return None
        if t.low in CUE_VERBS and t.text.islower():
            cue_end = _cue_tail(body, t.end, seg_end)
            if k == 0:
                mention = mention_after(body, t.end, seg_end)
            else:
                mention = mention_before(body, start, t.start)
                if mention is None or mention.span[0] > toks[0].start:
                    return None  # the words before the verb are not its source: not our cue
            return Attribution(body[t.start:cue_end], (t.start, cue_end), mention)
    return None


def _cue_tail(body: str, end: int, hi: int) -> int:
    m = CUE_TAILS.match(body, end, min(hi, end + 60))
    return m.end() if m else end


def cue_before(body: str, lo: int, pos: int, adjacent: bool) -> Attribution | None:
    """The nearest cue before an opening mark within the sentence ``[lo, pos)``.

    ``adjacent`` asks for an introduction right before the mark (`X said, “`, `X: “`); otherwise
    any cue of the sentence counts (a partial quote inside the reporter's sentence).
    """
    lo = max(lo, pos - 400)
    pre = body[lo:pos].rstrip()
    if pre.endswith(":"):
        colon = lo + len(pre) - 1
        toks = tokens(body, lo, colon)
        found = _find_cue(body, lo, colon, toks)
        if found is not None:
            return found
        mention = _np_backward(body, toks)
        if mention is not None and len(mention.text.split()) <= 8:
            return Attribution(":", (colon, colon + 1), mention)
        return None
    toks = tokens(body, lo, pos)
    found = _find_cue(body, lo, pos, toks, leftmost=not adjacent)
    if found is None:
        return None
    if adjacent and found.cue_span[1] < pos - 80:
        return None
    return found


def _find_cue(
    body: str, lo: int, hi: int, toks: Sequence[Token], leftmost: bool = False
) -> Attribution | None:
    """A cue with its source among ``toks``: the nearest to ``hi`` or the leftmost (main clause)."""
    found: Attribution | None = None
    first = 0
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in "“”\"":
            first = k + 1  # the part before belongs to another quote
            break
    for k in range(len(toks) - 1, first - 1, -1):
        t = toks[k]
        att: Attribution | None = None
        if t.low in ("according", "per") and k + 1 < len(toks) and (toks[k + 1].low == "to" or t.low == "per"):
            end = toks[k + 1].end if t.low == "according" else t.end
            mention = mention_after(body, end, hi)
            if mention is not None:
                att = Attribution(body[t.start:end], (t.start, end), mention)
        elif t.low in CUE_VERBS and t.text.islower():
            if t.low in WEAK_CUES and k < len(toks) - 6:
                continue
            att = _verb_cue(body, lo, hi, toks, k)
        if att is not None:
            if not leftmost:
                return att
            found = att
    return found


def _verb_cue(body: str, lo: int, hi: int, toks: Sequence[Token], k: int) -> Attribution | None:
    t = toks[k]
    cue_end = _cue_tail(body, t.end, hi)
    mention: SpeakerMention | None = None
    if t.low.endswith("ing") and k > 0 and toks[k - 1].text == ",":
        mention = sentence_subject(body, lo, t.start)  # "X attacked Y, saying ..."
    if mention is None:
        mention = mention_before(body, lo, t.start)
    if mention is None and t.low in AMBIGUOUS_CUES:
        return None
    if mention is None:
        mention = subject_of_clause(body, lo, t.start)
    if mention is None:
        mention = mention_after(body, t.end, hi)
    if mention is None:
        return None
    return Attribution(body[t.start:cue_end], (t.start, cue_end), mention)


def all_cues(body: str, blocks: Sequence[Block]) -> list[Attribution]:
    """Every cue in the content blocks with its source, in text order (for continuation)."""
    out: list[Attribution] = []
    for block in blocks:
        if block.role == "title":
            continue
        for m in _LOWER_WORD.finditer(body, block.start, block.end):
            word = m.group()
            if word not in CUE_VERBS or word in WEAK_CUES or word in AMBIGUOUS_CUES:
                continue
            mention = mention_before(body, block.start, m.start())
            before = body[max(block.start, m.start() - 3):m.start()]
            if mention is None and any(c in before for c in ",”\""):
                mention = mention_after(body, m.end(), block.end)  # inverted: ", said X"
            if mention is not None:
                out.append(Attribution(word, (m.start(), m.end()), mention))
    return out


# ------------------------------------------------------------------ resolution
class Resolver:
    """Resolves mentions to person names using the names seen in the article."""

    def __init__(self, body: str, blocks: Sequence[Block]) -> None:
        self.body = body
        self.names: list[tuple[int, str]] = []  # (position, full name), text order
        self.titled: list[tuple[int, str, str]] = []  # (position, title word, full name)
        for block in blocks:
            for m in _CAP_RUN.finditer(body, block.start, block.end):
                full = person_name(m.group())
                if full and len(full.split()) >= 2:
                    self.names.append((m.start(), full))
                    words = m.group().split()
                    if words and words[0].lower().rstrip(".") in TITLE_WORDS:
                        self.titled.append((m.start(), words[0].lower().rstrip("."), full))
                    before = body[max(block.start, m.start() - 30):m.start()].split()
                    if before and before[-1].lower().rstrip(".") in TITLE_WORDS:
                        self.titled.append((m.start(), before[-1].lower().rstrip("."), full))
        self.speakers: list[tuple[int, str]] = []
        self._positions: list[int] = []

    def note_speaker(self, pos: int, name: str) -> None:
        """Remember a resolved person speaker (for later pronouns)."""
        if len(name.split()) >= 2:
            at = bisect_right(self._positions, pos)
            self._positions.insert(at, pos)
            self.speakers.insert(at, (pos, name))

    def expand(self, name: str, pos: int) -> str:
        """A surname-only name expanded to the full name seen (earlier preferred)."""
        parts = name.split()
        if len(parts) != 1:
            return name
        key = _surname_key(parts[0])
        best: str | None = None
        for p, full in self.names:
            if _surname_key(full.split()[-1]) == key and len(full.split()) >= 2:
                if p <= pos:
                    best = full
                elif best is None:
                    best = full
                    break
        if best is not None:
            return best
        return name[3].upper() + name[4:] if name[:3].lower() == "al-" and len(name) > 4 else name

    def last_person(self, pos: int) -> str | None:
        at = bisect_right(self._positions, pos)
        if at:
            return self.speakers[at - 1][1]
        best = None
        for p, full in self.names:
            if p >= pos:
                break
            best = full
        return best

    def resolve(self, mention: SpeakerMention | None) -> str | None:
        if mention is None:
            return None
        text = mention.text.strip()
        pos = mention.span[0]
        low = text.lower()
        if low in PERSON_PRONOUNS:
            return self.last_person(pos)
        if low in PRONOUNS:
            return None
        name = person_name(text)
        if name:
            return self.expand(name, pos)
        words = low.split()
        head = words[-1] if words else ""
        if words and words[0] in _DETERMINERS and head in TITLE_WORDS:
            for p, title, full in reversed(self.titled):
                if p < pos and title == head:
                    return full
            if head in ("senator", "president", "governor", "candidate", "nominee", "congressman",
                        "congresswoman", "secretary", "mayor", "general", "minister"):
                return self.last_person(pos)
        return text


def _surname_key(word: str) -> str:
    w = word.lower().replace("’", "'")
    for prefix in ("al-", "el-"):
        if w.startswith(prefix):
            w = w[len(prefix):]
    return w.rstrip("'s").rstrip(".,")


def person_name(text: str) -> str | None:
    """The personal name at the end of a mention, titles stripped; None when there is none."""
    words = _WORD.findall(text.replace("’s ", " ’s "))
    toks = text.replace(",", " , ").split()
    # the last run of capitalised words (particles allowed inside), scanning from the end
    run: list[str] = []
    for tok in reversed(toks):
        bare = tok.strip("()[]\"“”")
        low = bare.lower().rstrip(".")
        if bare and (bare[:1].isupper() or low.split("-")[0] in NAME_PARTICLES and run):
            if bare.endswith(("’s", "'s")):
                break
            run.append(bare)
            continue
        break
    if not words or not run:
        return None
    run.reverse()
    while run and (run[0].lower().rstrip(".") in TITLE_WORDS or run[0].isupper() and len(run[0]) > 1
                   or run[0].lower() in STOP_WORDS or run[0].endswith(".") and len(run[0]) <= 5
                   and len(run) > 1 and not _initial(run[0])):
        run.pop(0)
    if not run or run[-1].lower().rstrip(".") in TITLE_WORDS or run[-1].lower() in SOURCE_NOUNS:
        return None
    return " ".join(run)


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


_INTRO_WORDS = frozenset(
    """in on at after before when while as although though since if because despite with for by from
    during last earlier later speaking asked but and so yet still meanwhile instead however also then
    now once until unless whether according""".split()
)


def sentence_subject(body: str, lo: int, hi: int) -> SpeakerMention | None:
    """The grammatical subject at the start of the sentence ``[lo, hi)``, as written.

    An introductory phrase ending with a comma ("In an interview Tuesday, ...") is skipped; the
    subject is the noun phrase before the first verb-like word.
    """
    toks = tokens(body, lo, min(hi, lo + 400))
    while toks and toks[0].text in "“”\"‘’'([—–-":
        toks = toks[1:]
    if not toks:
        return None
    if toks[0].low in _INTRO_WORDS or toks[0].low.endswith("ing") and toks[0].text[:1].isupper():
        for k, t in enumerate(toks[:25]):
            if t.text == ",":
                toks = toks[k + 1:]
                break
        else:
            return None
    if not toks:
        return None
    first = toks[0]
    if first.low in PRONOUNS:
        return SpeakerMention(first.text, (first.start, first.end))
    j = 0
    while j < len(toks) and j < 10:
        t = toks[j]
        low = t.low
        if not t.text[:1].isalnum():
            break
        if j > 0 and t.text.islower() and (
            low in _VERBISH or low in CUE_VERBS or low in STOP_WORDS and low not in ("of",)
            or low.endswith(("ed", "es")) or low.endswith("s") and not _is_cap(toks[j - 1]) and j > 1
        ):
            break
        j += 1
    if j == 0 or j >= 10:
        return None
    span = toks[0].start, toks[j - 1].end
    head = toks[j - 1]
    if not (_is_cap(head) or head.low in SOURCE_NOUNS or head.low in TITLE_WORDS):
        return None
    return SpeakerMention(body[span[0]:span[1]], span)
