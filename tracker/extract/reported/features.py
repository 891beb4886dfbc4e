"""Features and candidate spans for the learned reporting-cue model.

The rule lexicons of :mod:`tracker.extract.reported.rules` cover the common shapes of reported speech;
news also attributes through a long tail of verbs and nouns ("downplayed the risk", "made a strong
condemnation of", "disdain for"). A linear model over these features reads that tail: for each
word of a sentence it scores whether the word ends a cue whose content follows it (``AFTER``) or
starts a cue whose content precedes it (``BEFORE``). A second model scores where the content
following a cue ends. Training (:mod:`tools.train_cue_model`) and extraction share these
functions, so a span is cut the same way in both.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import wordset
from ...records import Span
from ..attribution.lexicon import PRONOUNS
from ..attribution.mentions import Token

__all__ = [
    "AFTER",
    "BEFORE",
    "NONE",
    "SentenceView",
    "after_start",
    "before_span",
    "candidate_ends",
    "cue_features",
    "end_features",
    "is_candidate",
    "source_kind",
    "span_features",
    "trim_end",
]

NONE, AFTER, BEFORE = 0, 1, 2
BREAKS = frozenset(",;:—–()")
_QUOTES = frozenset('"“”')
_SKIP_START = wordset("that")
_SUBORDINATE_OPENERS = wordset("when while after as if because although though since before until once whenever")
_MAX_CONTENT_TOKENS = 80
_PAD = 2  # the features look at most two tokens either side of a word


def is_candidate(tok: Token) -> bool:
    """Only words can be cues; punctuation and numbers never are."""
    return tok.text[:1].isalpha()


def _shape(tok: Token) -> str:
    x = tok.text
    if not x[:1].isalnum():
        return "P" + x if x in ",;:\"“”'(" else "P"
    if tok.low in PRONOUNS:
        return "PRO"
    if x[:1].isupper():
        return "C"
    if x[:1].isdigit():
        return "D"
    return "l"



#: Feature buckets. They are part of the trained model (``cue-model.json`` was fitted on these
#: strings): change one and the model must be retrained.
_STEM_MIN = 3  # letters a stem keeps after its suffix ("said" is not "sa" + "id")
_SUFFIX_CHARS = 3  # the suffix feature: the word's last three letters
_COMMA_GAP_CAP = 4  # tokens since the last comma, "4" meaning four or more
_THAT_WINDOW = 3  # tokens after the cue read for "that"
_SUBJECT_WINDOW = 3  # tokens before the cue read for a name or pronoun
_POS_CAP = 6  # the cue's position in its sentence, capped
_REM_CAP = 8  # tokens left in the sentence after the cue, capped
_WREM_CAP = 5  # the same, coarser, joined with the word
_GAP_EXACT = 4  # content lengths below this are their own bucket
_GAP_BUCKETS = ((8, "4-7"), (16, "8-15"))  # then ranges of content length in tokens
_BREAKS_CAP = 3  # clause breaks inside the content, capped
_RELATIVE_WINDOW = 4  # tokens before the content read for "who"/"which"
_REST_CAP = 10  # tokens left after the end, capped
_SIZE_BUCKETS = ((2, "1"), (4, "2-3"), (7, "4-6"), (13, "7-12"), (26, "13-25"))  # span words
_P_BUCKETS = 10  # the cue model's probability in tenths
_FIRST_WORDS = 2  # the span's first two words, as one feature

def _stem(low: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= _STEM_MIN:
            return low[: -len(suffix)]
    return low


class SentenceView:
    """One sentence's tokens with what every word's features need, computed once (linear time)."""

    __slots__ = ("breaks_before", "last_comma", "lows", "n", "padded_lows", "padded_shapes", "quote_after",
                 "quotes_before", "shapes", "toks")

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        self.n = len(toks)
        self.lows = [t.low for t in toks]
        self.shapes = [_shape(t) for t in toks]
        # what low()/shape() give for i in [-_PAD, n + _PAD), at i + _PAD: the hot loops index, not call
        self.padded_lows = ["<s>"] * _PAD + self.lows + ["</s>"] * _PAD
        self.padded_shapes = ["<s>"] * _PAD + self.shapes + ["</s>"] * _PAD
        self.last_comma: list[int | None] = []
        self.quotes_before: list[int] = []
        self.breaks_before: list[int] = []  # breaks among tokens [0, i), so any range counts in O(1)
        comma: int | None = None
        quotes = breaks = 0
        for t in toks:
            self.last_comma.append(comma)
            self.quotes_before.append(quotes)
            self.breaks_before.append(breaks)
            breaks += t.text in BREAKS
            if t.text == ",":
                comma = len(self.last_comma) - 1
            elif t.text in _QUOTES:
                quotes += 1
        self.quote_after = [quotes - q - (toks[i].text in _QUOTES) > 0 for i, q in enumerate(self.quotes_before)]

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ("<s>" if i < 0 else "</s>")

    def shape(self, i: int) -> str:
        return self.shapes[i] if 0 <= i < self.n else ("<s>" if i < 0 else "</s>")


def cue_features(view: SentenceView, k: int) -> list[str]:
    """What the model sees of word ``k``: the word, its neighbours, their shapes and the clause around it."""
    n, i = view.n, k + _PAD
    p2, p1, w, n1, n2 = view.padded_lows[i - _PAD : i + _PAD + 1]
    s2, s1, sh, sn1 = view.padded_shapes[i - _PAD : i + _PAD]
    comma = view.last_comma[k]
    comma_gap = "none" if comma is None else str(min(k - comma, _COMMA_GAP_CAP))
    that_near = "that" in view.lows[k + 1 : k + 1 + _THAT_WINDOW]
    subject = ("C" in view.shapes[max(0, k - _SUBJECT_WINDOW) : k]
               or "PRO" in view.shapes[max(0, k - _SUBJECT_WINDOW) : k])
    return [
        "bias",
        "w=" + w,
        "stem=" + _stem(w),
        "s3=" + w[-_SUFFIX_CHARS:],
        "p1=" + p1,
        "p2=" + p2,
        "n1=" + n1,
        "n2=" + n2,
        "wn=" + w + "|" + n1,
        "pw=" + p1 + "|" + w,
        "wnn=" + w + "|" + n1 + "|" + n2,
        "sh=" + sh,
        "psh=" + s1 + "|" + w,
        "nsh=" + w + "|" + sn1,
        "pp=" + s2 + s1 + "|" + sh,
        f"pos={min(k, _POS_CAP)}",
        f"rem={min(n - k, _REM_CAP)}",
        f"wrem={w}|{min(n - k, _WREM_CAP)}",
        "commab=" + comma_gap,
        f"wcommab={w}|{comma_gap}",
        f"that={that_near}",
        f"wthat={w}|{that_near}",
        f"inq={view.quotes_before[k] % 2}",
        f"qafter={view.quote_after[k]}",
        f"subj={w}|{subject}",
    ]


def after_start(toks: Sequence[Token], k: int) -> int | None:
    """The first token of the content after cue word ``k``: past punctuation and "that"."""
    j = k + 1
    while j < len(toks) and (toks[j].text in BREAKS or toks[j].low in _SKIP_START):
        j += 1
    return j if j < len(toks) else None


def trim_end(body: str, a: int, b: int) -> Span:
    """``[a, b)`` without trailing spaces and punctuation."""
    while b > a and (body[b - 1].isspace() or body[b - 1] in ".!?,;:—–-"):
        b -= 1
    return a, b


def before_span(toks: Sequence[Token], k: int) -> Span | None:
    """Content ending at the last comma before cue word ``k`` (``…, officials said``)."""
    comma = next((i for i in range(k - 1, -1, -1) if toks[i].text == ","), None)
    if comma is None or comma < 2:
        return None
    return toks[0].start, toks[comma].start


def candidate_ends(toks: Sequence[Token], start: int) -> range:
    """Indices of the tokens after ``start`` before which a content phrase may end."""
    return range(start + 1, min(len(toks), start + _MAX_CONTENT_TOKENS))


def end_features(view: SentenceView, start: int, j: int, cue: str) -> list[str]:
    """Whether the content that began at token ``start`` (> 0) ends just before token ``j`` (> start)."""
    n, lows, at = view.n, view.lows, j + _PAD
    bp, b, bn = view.padded_lows[at - 1 : at + 2]
    bsh, bnsh = view.padded_shapes[at : at + 2]
    gap = j - start
    gap_bucket = str(gap) if gap < _GAP_EXACT else next((label for bound, label in _GAP_BUCKETS if gap < bound), "16+")
    brk = min(view.breaks_before[j] - view.breaks_before[start], _BREAKS_CAP)
    # a cue inside an opening subordinate clause or a relative clause: its content ends with that clause
    opener = n > 0 and lows[0] in _SUBORDINATE_OPENERS
    relative = ("who" in lows[max(0, start - _RELATIVE_WINDOW) : start]
                or "which" in lows[max(0, start - _RELATIVE_WINDOW) : start])
    return [
        f"open={opener}|{b}|{brk}",
        f"rel={relative}|{b}|{brk}",
        "bias",
        "b=" + b,
        "bsh=" + bsh,
        "bn=" + b + "|" + bn,
        "bnsh=" + b + "|" + bnsh,
        "bp=" + bp + "|" + b,
        "p=" + bp,
        "gap=" + gap_bucket,
        "bgap=" + b + "|" + gap_bucket,
        "cue=" + cue + "|" + b,
        "cuegap=" + cue + "|" + gap_bucket,
        f"rest={min(n - j, _REST_CAP)}",
        f"brk={brk}",
    ]


def span_features(
    body: str, toks: Sequence[Token], k: int, kind: int, span: Span, p: float, mention: str | None
) -> list[str]:
    """The whole candidate as the span model sees it: cue, confidence, the span's edges and size, the source."""
    a, b = span
    words = body[a:b].split()
    lows = [w.lower().strip(".,;:!?") for w in words]
    n = len(words)
    size = next((label for bound, label in _SIZE_BUCKETS if n < bound), "26+")
    w = toks[k].low
    side = "A" if kind == AFTER else "B"
    capitals = sum(1 for x in words if x[:1].isupper()) * 4 // max(1, n)
    stop = next((t.low for t in toks if t.start >= b), "</s>")
    return [
        "bias",
        "kind=" + side,
        "cue=" + w,
        "cuekind=" + w + "|" + side,
        f"p={min(int(p * _P_BUCKETS), _P_BUCKETS - 1)}",
        f"pk={min(int(p * _P_BUCKETS), _P_BUCKETS - 1)}|{side}",
        "first=" + lows[0],
        "first2=" + "|".join(lows[:_FIRST_WORDS]),
        "last=" + lows[-1],
        "size=" + size,
        "sizekind=" + size + "|" + side,
        "source=" + (mention or "none"),
        "sourcecue=" + (mention or "none") + "|" + w,
        "prev=" + (toks[k - 1].low if k else "<s>"),
        "stop=" + stop,
        f"caps={capitals}",
    ]


def source_kind(text: str | None) -> str:
    """How a source is written: none, a pronoun, a capitalised name or a description."""
    if not text:
        return "none"
    if text.lower() in PRONOUNS:
        return "pron"
    return "cap" if text[:1].isupper() else "low"
