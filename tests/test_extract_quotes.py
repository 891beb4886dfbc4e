"""Quote extraction: marks, boundaries, kinds and the spans invariant."""

from __future__ import annotations

import re
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.quotes.finder import find_quotes
from tracker.records import Block, FoundQuote
from tracker.text import normalize_space

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def line_blocks(text: str) -> list[Block]:
    """One block per non-empty line; the first is the title."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            blocks.append(Block(start, end, "title" if not blocks else "text"))
    return blocks


def wrapped_blocks(text: str) -> list[Block]:
    """Hard-wrapped text: a paragraph ends at a line ending a sentence; blocks keep the newlines."""
    blocks: list[Block] = []
    start = None
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            if re.search(r"[.?!:”\"]\s*$", line) or not blocks:
                blocks.append(Block(start, end, "title" if not blocks else "text"))
                start = None
        pos = end + 1
    if start is not None:
        blocks.append(Block(start, len(text.rstrip()), "text"))
    return blocks


def seed(name: str) -> str:
    (path,) = SEEDS.glob(name + "_*.txt")
    return path.read_text(encoding="utf-8")


def quotes(text: str, blocks: list[Block] | None = None) -> list[FoundQuote]:
    return [
        q for q in find_quotes(text, line_blocks(text) if blocks is None else blocks) if q.kind != "indirect"
    ]


def by_text(found: list[FoundQuote], start: str) -> FoundQuote:
    matches = [q for q in found if q.text.startswith(start)]
    assert len(matches) == 1, [q.text for q in found]
    return matches[0]


def check_invariants(body: str, blocks: list[Block], found: list[FoundQuote]) -> None:
    for q in found:
        assert q.text == " ".join(normalize_space(body[s:e]) for s, e in q.spans)
        for s, e in q.spans:
            assert s < e
            assert any(b.start <= s and e <= b.end for b in blocks)
        if q.speaker_mention is not None:
            s, e = q.speaker_mention.span
            assert body[s:e] == q.speaker_mention.text
    assert [q.spans[0] for q in found] == sorted(q.spans[0] for q in found)


# ---------------------------------------------------------------- small fixtures
def test_direct_quote_with_attribution_after() -> None:
    body = "Headline\n\n“We will stay as long as needed,” Jane Doe told reporters on Tuesday.\n"
    (q,) = quotes(body)
    assert q.kind == "direct"
    assert q.text == "We will stay as long as needed,"
    assert body[q.spans[0][0] : q.spans[0][1]] == q.text
    assert q.speaker == "Jane Doe"
    assert q.cue == "told"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Jane Doe"


def test_said_inverted_with_titles_and_apposition() -> None:
    body = (
        "Headline\n\n“The mission will shift to training,” said the alliance’s head of operations, "
        "U.S. Army Maj. Gen. Sam Ortiz.\n"
    )
    (q,) = quotes(body)
    assert q.kind == "direct"
    assert q.speaker == "Sam Ortiz"
    assert q.cue == "said"


def test_split_quote_is_one_quote_with_two_spans() -> None:
    body = (
        "Headline\n\nLeader Omar Haddad said on Twitter the assembly would vote.\n\n"
        "“And if they refuse,” he added, “we know how to make them go.”\n"
    )
    (q,) = quotes(body)
    assert q.kind == "direct"
    assert len(q.spans) == 2
    assert q.text == "And if they refuse, we know how to make them go."
    assert q.cue == "added"
    assert q.speaker == "Omar Haddad"
    assert q.speaker_mention is not None and q.speaker_mention.text == "he"


def test_straight_quotes_and_colon_introduction() -> None:
    body = 'Headline\n\nThe mayor was blunt. Mayor Ana Ruiz: "We are not moving the market."\n'
    (q,) = quotes(body)
    assert q.kind == "direct"
    assert q.text == "We are not moving the market."
    assert q.speaker == "Ana Ruiz"


def test_multi_paragraph_quote_without_middle_closing_mark() -> None:
    body = (
        "Headline\n\nThe minister spoke at length.\n\n"
        "“The first part of the plan is simple.\n\n"
        "“The second part is harder, and it will take years,” Minister Lena Park said.\n"
    )
    (q,) = quotes(body)
    assert len(q.spans) == 2
    assert (
        q.text == "The first part of the plan is simple. The second part is harder, and it will take years,"
    )
    assert q.speaker == "Lena Park"


def test_partial_quote_inside_reporters_sentence() -> None:
    body = (
        "Headline\n\nEarly this week Tom Reyes, the leader of the group, warned that the soldiers "
        "would face a “long winter” if they stay.\n"
    )
    (q,) = quotes(body)
    assert q.kind == "partial"
    assert q.text == "long winter"
    assert q.speaker == "Tom Reyes"


def test_terms_scare_quotes_and_titles() -> None:
    body = (
        "Headline\n\nThe group (“Friends of the River”) is small.\n\n"
        "Many were hurt by so-called “smart mines,” a particularly cruel form of weapon.\n\n"
        "She appeared on NBC’s “Meet the Nation” on Sunday.\n"
    )
    found = quotes(body)
    assert [q.kind for q in found] == ["term", "term", "term"]
    assert all(q.speaker is None for q in found)


def test_headline_single_quotes() -> None:
    body = "Leader Warns: Leave or We’ll ‘Remove Them By Force’\n\nBody text here.\n"
    (q,) = quotes(body)
    assert q.kind == "headline"
    assert q.text == "Remove Them By Force"


def test_quotes_outside_blocks_are_ignored() -> None:
    body = "Title\n\n“Inside the article,” she said.\n\nComments\n“outside the article” by reader\n"
    blocks = [Block(0, 5, "title"), Block(7, 38, "text")]
    found = quotes(body, blocks)
    assert [q.text for q in found] == ["Inside the article,"]


def test_wrapped_paragraph_quote_comes_out_whole() -> None:
    body = (
        "Title\n“You read these reports and you see how deep the network\nruns,” said Ken Miller, "
        "a scholar at the\ninstitute. “It makes you realize how far things\nhave fallen.”\n"
    )
    blocks = [Block(0, 5, "title"), Block(6, len(body) - 1, "text")]
    found = quotes(body, blocks)
    assert [q.text for q in found] == [
        "You read these reports and you see how deep the network runs,",
        "It makes you realize how far things have fallen.",
    ]
    assert all(q.speaker == "Ken Miller" for q in found)


def test_markup_attributes_are_not_quotes() -> None:
    body = 'Title\n\n<tweet id="12345" author="someone">Text</tweet>.\n'
    assert quotes(body) == []


def test_stray_marks_do_not_make_giant_spans() -> None:
    body = "Title\n\nHe said “this is unclosed and goes on.\n\nNext paragraph without marks.\n"
    found = quotes(body)
    assert found == [] or all(e - s < 60 for q in found for s, e in q.spans)


def test_many_unmatched_marks_finish_quickly() -> None:
    body = "Title\n\n" + "“ word " * 5000 + "\n" + '"' * 5000 + "\n"
    start = time.perf_counter()
    found = find_quotes(body, line_blocks(body))
    assert time.perf_counter() - start < 30  # a generous bound: catches only runaway backtracking
    check_invariants(body, line_blocks(body), found)


# ---------------------------------------------------------------- seeds
def test_seed_000() -> None:
    body = seed("000")
    found = quotes(body)
    tillerson = by_text(found, "Iraq is at an important juncture")
    assert (tillerson.kind, tillerson.speaker, tillerson.cue) == ("direct", "Rex Tillerson", "told")
    assured = by_text(found, "be assured that the United States")
    assert (assured.speaker, assured.cue) == ("Rex Tillerson", "said")
    braga = by_text(found, "Our enduring presence")
    assert braga.speaker == "Jonathan Braga"
    tweet = by_text(found, "We believe that America")
    assert (tweet.speaker, tweet.cue) == ("Qais al-Khazali", "tweeted")
    warning = by_text(found, "O America take it")
    assert (warning.speaker, warning.cue) == ("Qais al-Khazali", "said")
    dark = by_text(found, "dark night")
    assert (dark.kind, dark.speaker) == ("partial", "Qais al-Khazali")
    assert by_text(found, "League of the Righteous").kind == "term"
    assert by_text(found, "explosively formed penetrators").kind == "term"
    assert by_text(found, "train and equip").kind in ("term", "partial")
    partner = by_text(found, "strong partner")
    assert partner.kind in ("term", "partial")
    stay = by_text(found, "and we’re going to stay")
    assert stay.speaker == "Rex Tillerson"
    check_invariants(body, line_blocks(body), find_quotes(body, line_blocks(body)))


def test_seed_001() -> None:
    body = seed("001")
    found = quotes(body)
    split = by_text(found, "And if they do not leave")
    assert len(split.spans) == 2
    assert split.text.endswith("humiliated in 2011.")
    assert (split.speaker, split.cue) == ("Qais al-Khazali", "added")
    recycled = by_text(found, "O America take it")
    assert (recycled.speaker, recycled.cue) == ("Qais al-Khazali", "said")
    assert by_text(found, "some will come here").speaker == "Trump"
    assert by_text(found, "to prevent an ISIS resurgence").speaker == "Trump"
    assert by_text(found, "Eject Them By Other Means").kind == "headline"
    bloc = by_text(found, "a flagrant and clear violation")
    assert bloc.speaker_mention is not None and bloc.speaker_mention.text == "The rival Bina bloc"
    assert bloc.cue == "said in a statement"


def test_seed_002_hard_wrapped() -> None:
    body = seed("002")
    blocks = wrapped_blocks(body)
    found = [q for q in find_quotes(body, blocks) if q.kind == "direct"]
    first = by_text(found, "You read these reports")
    assert first.text.endswith("about to be a minister in the Iraqi government,")
    assert "\n" in body[first.spans[0][0] : first.spans[0][1]]
    assert all(q.speaker == "Kenneth Pollack" for q in found)
    assert len(found) >= 4
    check_invariants(body, blocks, found)


def test_seed_003_article_only() -> None:
    body = seed("003")
    start = body.index("Iraqi militia leader wants US troops to leave")
    end = body.index("first to participate.”") + len("first to participate.”")
    blocks = [b for b in line_blocks(body) if start <= b.start and b.end <= end]
    blocks[0] = Block(blocks[0].start, blocks[0].end, "title")
    found = [q for q in find_quotes(body, blocks) if q.kind != "indirect"]
    assert by_text(found, "certain and confident").kind == "partial"
    assert by_text(found, "certain and confident").speaker == "Qais al-Khazali"
    for q in found:
        assert q.speaker == "Qais al-Khazali", q.text
    assert by_text(found, "So what is the justification").cue == "said"


def test_seed_004_headline_single_quotes() -> None:
    body = seed("004")
    found = quotes(body)
    terms = [q.text for q in found if q.kind == "term" and q.spans[0][0] < 100]
    assert terms == ["Terrorist", "Resistance"]  # scare quotes inside a headline phrase
    assert all(q.kind in ("headline", "term") for q in found)


def test_headline_statement_takes_the_speaker_of_the_body_quote() -> None:
    body = (
        "Leader Warns Trump: Pull Out or We’ll ‘Eject Them By Other Means’\n"
        "“If they do not leave,” Khazali said, “we will eject them by other means.”"
    )
    found = find_quotes(body, line_blocks(body))
    head = next(q for q in found if q.kind == "headline")
    assert head.text == "Eject Them By Other Means"
    assert head.speaker == "Khazali"


def test_comma_cue_quote_is_direct_and_reporter_continuation_is_partial() -> None:
    body = (
        "Headline\n"
        "To safeguard Iraq, Khazali said, “we categorically reject the continuation of the presence” after the fight.\n"
        "Tillerson replied that ISIS elements pose a threat, “and we’re going to stay as long as needed.”\n"
        "He named operatives of Iraqi “Special Groups” to show interrogators."
    )
    found = {q.text: q for q in find_quotes(body, line_blocks(body))}
    assert found["we categorically reject the continuation of the presence"].kind == "direct"
    assert found["and we’re going to stay as long as needed."].kind == "partial"
    assert found["Special Groups"].kind == "term"


# ---------------------------------------------------------------- properties
_ALPHABET = st.sampled_from([*"ab cd.,;:!?\n“”‘’\"'()—-ASZ", "said", "he", "told", " Jo Doe", "according to"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_never_raises_and_spans_hold(text: str) -> None:
    blocks = line_blocks(text)
    found = find_quotes(text, blocks)
    check_invariants(text, blocks, found)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=5))
def test_arbitrary_text_and_partial_blocks(text: str, skip: int) -> None:
    blocks = line_blocks(text)[skip:]
    found = find_quotes(text, blocks)
    check_invariants(text, blocks, found)


def test_two_apostrophe_quotation_marks() -> None:
    body = "Title\n\n''We will not back down,'' Mr. Ortiz said on Tuesday.\n"
    (q,) = quotes(body)
    assert (q.kind, q.text, q.speaker, q.cue) == ("direct", "We will not back down,", "Ortiz", "said")


def test_nested_quotation_of_the_other_style() -> None:
    body = 'Title\n\n"The law is about “equal justice” for all of us," the judge wrote.\n'
    (q,) = quotes(body)
    assert q.text == "The law is about “equal justice” for all of us,"
    assert q.speaker_mention is not None and q.speaker_mention.text == "the judge"


def test_dash_signature_after_quote() -> None:
    body = "Title\n\n“I am proud of this country.” ― Maria Gomez\n"
    (q,) = quotes(body)
    assert q.speaker == "Maria Gomez"


def test_dash_signature_after_no_break_spaces() -> None:
    """Comment roundups put no-break spaces around the dash: each quote takes the name after it."""
    body = (
        "Title\n\n“I am proud of this country.”\xa0― Maria Gomez\xa0\n"
        "“We deserve better than this campaign.”\xa0― Ana Ruiz\xa0\n"
    )
    first, second = quotes(body)
    assert (first.speaker, second.speaker) == ("Maria Gomez", "Ana Ruiz")


def test_later_fragments_of_a_sentence_keep_its_source() -> None:
    body = (
        "Title\n\nAccording to his physician, the businessman had “excellent” results, shows “extraordinary” "
        "stamina, and “will be the healthiest individual ever elected.”\n"
    )
    assert [q.speaker_mention.text if q.speaker_mention else None for q in quotes(body)] == [
        "his physician"
    ] * 3


def test_coordinated_fragments_share_a_source() -> None:
    body = (
        "Title\n\nThe union said in a statement the plan was “a clear violation of the contract,” "
        "and showed “contempt for the workers.”\n"
    )
    first, second = quotes(body)
    assert first.speaker_mention == second.speaker_mention
    assert first.speaker == "The union"


def test_nickname_is_a_term() -> None:
    body = 'Title\n\nRep. Robert C. "Bobby" Scott opened his back yard on Saturday.\n'
    (q,) = quotes(body)
    assert q.kind == "term"


def test_pathological_inputs_stay_bounded() -> None:
    bodies = [
        "Title\n\n" + "he said, " * 3000 + "\n",
        "Title\n\n" + "''a'' " * 3000 + "\n",
        "Title\n\n" + "Mr. A. B. " * 2000 + "said that “x" + "\n",
        "Title\n\n" + ", according to X" * 2000 + "\n",
    ]
    for body in bodies:
        start = time.perf_counter()
        found = find_quotes(body, line_blocks(body))
        assert time.perf_counter() - start < 30
        check_invariants(body, line_blocks(body), found)


def test_labels_and_coordinated_titles_are_terms() -> None:
    body = (
        "Title\n\nSupporters waved “Keep Our Town Green” signs on Monday.\n\n"
        "The actor, who starred in “Blue River” and “Night of the Falcon,” posted the clip.\n"
    )
    assert [q.kind for q in quotes(body)] == ["term", "term", "term"]
