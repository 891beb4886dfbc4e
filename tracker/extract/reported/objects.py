"""Stances with a noun-phrase object: ``Sanders endorsed Clinton``, ``she called for a ban on …``.

The sentence rules of :mod:`tracker.extract.reported.rules` read a clause after a reporting verb. Many
attributions instead take a noun phrase: support, opposition, criticism, praise, a topic spoken
about. Here the object runs from after the cue to the next clause break (a comma, semicolon,
colon, dash or the sentence end), and the source is the subject written just before the cue.
Only cues whose object was annotated as attributed content most of the time are listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import wordset
from ...records import Span, SpeakerMention
from ..attribution.mentions import Token, mention_before, tokens

__all__ = ["OBJECT_CUES", "object_stances"]

#: Verbs whose direct object is the attributed content.
OBJECT_CUES: frozenset[str] = wordset(
    """
    accuse accuses accused accusing criticize criticizes criticized criticised propose proposes
    proposed urge urges urged urging see sees praise praised praises cite cites cited citing
    denounce denounces denounced questioned blame blames blamed condemn condemns condemned
    condemning decry decries decried dismiss dismisses dismissed tout touts touted mock mocks
    mocked discuss discusses discussed attacking slam slams slammed
    """
)
#: Verbs whose object is attributed content when it is a name: ``endorsed Hillary Clinton``.
NAME_CUES: frozenset[str] = wordset(
    """
    endorse endorses endorsed endorsing support supports supported supporting oppose opposes opposed
    opposing back backs backed backing attack attacks attacked blast blasts blasted reject rejects
    rejected defend defends defended want wants wanted favor favors favored
    """
)
#: ``VERB PARTICLE``: the object after the particle.
PHRASAL: dict[str, frozenset[str]] = dict.fromkeys(
    wordset("talk talks talked speak speaks spoke"), wordset("about of")
)
_BREAKS = frozenset(",;:()—–\"“”")
_MAX_WORDS = 30

#: Capitalised words of a short name ("Hillary Clinton", "Mr. Trump's campaign") at most.
_NAME_MAX_WORDS = 4


def object_stances(
    body: str, lo: int, hi: int, taken: Sequence[Span]
) -> list[tuple[Span, str, SpeakerMention]]:
    """``SOURCE CUE OBJECT`` in the sentence ``[lo, hi)``, outside the ``taken`` spans."""
    toks = tokens(body, lo, hi)
    out: list[tuple[Span, str, SpeakerMention]] = []
    for k in range(1, len(toks) - 1):
        t = toks[k]
        if not t.text.islower():
            continue
        j = k + 1
        if t.low in PHRASAL and toks[j].low in PHRASAL[t.low]:
            j += 1
        elif t.low not in OBJECT_CUES and t.low not in NAME_CUES:
            continue
        if j >= len(toks) or any(s <= t.start < e for s, e in taken):
            continue
        mention = mention_before(body, lo, t.start)
        if mention is None:
            continue
        end = _object_end(toks, j)
        if end - j < 1 or end - j > _MAX_WORDS:
            continue
        if t.low in NAME_CUES and t.low not in OBJECT_CUES and not _name(toks[j:end]):
            continue
        a, b = toks[j].start, toks[end - 1].end
        if any(min(e, b) > max(s, a) for s, e in taken):
            continue
        out.append(((a, b), t.text, mention))
    return out


def _object_end(toks: Sequence[Token], j: int) -> int:
    m = j
    while m < len(toks) and toks[m].text not in _BREAKS and toks[m].text not in ".!?":
        m += 1
    return m


def _name(phrase: Sequence[Token]) -> bool:
    """``Hillary Clinton``, ``Mr. Trump's campaign``: a short phrase of capitalised words."""
    return 0 < len(phrase) <= _NAME_MAX_WORDS and all(x.text[:1].isupper() or x.low in ("'s", "’s") for x in phrase)
