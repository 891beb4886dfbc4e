"""Recycled quotes presented as new: age cues in the article, days since first seen, status."""

from __future__ import annotations

import pytest

from tracker.extract.quotes.age import age_cue
from tracker.match.recycled import RECYCLED_AFTER_DAYS, recycled
from tracker.records import Block, FoundQuote, SpeakerMention

QUOTE = "We will turn it into a dark night"


def found(body: str, speaker: str = "Khazali") -> tuple[FoundQuote, list[Block]]:
    start = body.index(QUOTE)
    at = body.index(speaker, start) if speaker in body[start:] else body.index(speaker)
    quote = FoundQuote(QUOTE, ((start, start + len(QUOTE)),), "direct", "Qais al-Khazali",
                       SpeakerMention(speaker, (at, at + len(speaker))), "said")
    title_end = body.index("\n")
    blocks = [Block(0, title_end, "title")]
    pos = title_end + 2
    for para in body[pos:].split("\n\n"):
        blocks.append(Block(pos, pos + len(para)))
        pos += len(para) + 2
    return quote, blocks


@pytest.mark.parametrize(("sentence", "cue"), [
    (f"“{QUOTE},” Khazali said then.", "said then"),
    (f"Khazali had warned: “{QUOTE}.”", "had warned"),
    (f"In February, Khazali said: “{QUOTE}.”", "In February"),
    (f"“{QUOTE},” Khazali said last year.", "said last year"),
    (f"“{QUOTE},” Khazali said in 2018.", "said in 2018"),
    (f"Khazali told AP two years ago: “{QUOTE}.”", "two years ago"),
])
def test_the_article_dates_the_words(sentence: str, cue: str) -> None:
    body = f"Militia chief speaks\n\nA first paragraph.\n\nA second one.\n\n{sentence}\n"
    quote, blocks = found(body)
    says, text, span = age_cue(body, blocks, quote) or ("", "", (0, 0))
    assert (says, text) == ("old", cue)
    assert body[span[0]:span[1]] == cue


def test_a_present_tense_cue_in_the_lede_presents_the_words_as_new() -> None:
    body = f"Militia leader warns US\n\nKhazali warns: “{QUOTE}.”\n\nMore.\n"
    quote, blocks = found(body)
    assert age_cue(body, blocks, quote) == ("new", "warns", (body.index("warns:"), body.index("warns:") + 5))


def test_no_cue_outside_the_quote_and_none_deep_in_the_story() -> None:
    inside = f"Title\n\nLede.\n\nMore.\n\n“{QUOTE} last year,” Khazali says.\n"
    quote, blocks = found(inside.replace(QUOTE + " last year", QUOTE))
    assert age_cue(inside.replace(QUOTE + " last year", QUOTE), blocks, quote) is None
    body = f"Title\n\nLede.\n\nMore.\n\n“{QUOTE} in 2011,” Khazali says.\n"
    start = body.index(QUOTE)
    at = body.index("Khazali")
    whole = FoundQuote(QUOTE + " in 2011", ((start, start + len(QUOTE) + 8),), "direct", "Qais al-Khazali",
                       SpeakerMention("Khazali", (at, at + 7)), "says")
    _, blocks = found(body)
    assert age_cue(body, blocks, whole) is None  # "in 2011" is inside the quotation


def test_status_from_days_and_cue() -> None:
    old = {"says": "old", "text": "said then", "span": [1, 10]}
    new = {"says": "new", "text": "Warns", "span": [1, 6]}
    disclosed = recycled("2018-02-14", "2018-12-27", old)
    assert (disclosed["days"], disclosed["status"]) == (316, "recycled_disclosed")
    assert "said then" in disclosed["reason"]
    assert recycled("2018-02-14", "2018-12-27", None)["status"] == "recycled_undisclosed"
    assert "Warns" in recycled("2018-02-14", "2018-12-27", new)["reason"]
    assert recycled("2018-02-14", "2018-02-15", None)["status"] == "fresh"
    assert recycled("2018-02-14", "2018-02-14", None)["days"] == 0
    edge = f"2018-02-{14 + RECYCLED_AFTER_DAYS}"
    assert recycled("2018-02-14", edge, None)["status"] == "recycled_undisclosed"
    unknown = recycled(None, "2018-12-27", old)
    assert (unknown["days"], unknown["status"]) == (None, None)
    assert unknown["reason"]


def test_the_next_sentence_is_not_read_when_the_quote_ends_its_own() -> None:
    body = f"Title\n\nLede.\n\nMore.\n\nKhazali said: “{QUOTE}.” Police showed video of last week's raid.\n"
    start = body.index(QUOTE)
    at = body.index("Khazali")
    quote = FoundQuote(QUOTE + ".", ((start, start + len(QUOTE) + 1),), "direct", "Qais al-Khazali",
                       SpeakerMention("Khazali", (at, at + 7)), "said")
    _, blocks = found(body)
    assert age_cue(body, blocks, quote) is None
