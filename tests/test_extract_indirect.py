"""Reported speech without quotation marks."""

from __future__ import annotations

from test_extract_quotes import line_blocks, seed

from tracker.extract.quotes.finder import find_quotes
from tracker.records import FoundQuote


def indirect(body: str) -> list[FoundQuote]:
    return [q for q in find_quotes(body, line_blocks(body)) if q.kind == "indirect"]


def test_said_that_clause() -> None:
    body = "Title\n\nLeader Omar Haddad said on Twitter the assembly would vote to expel the troops.\n"
    (q,) = indirect(body)
    assert q.text == "the assembly would vote to expel the troops"
    assert q.speaker == "Omar Haddad"
    assert q.cue == "said"
    (span,) = q.spans
    assert body[span[0] : span[1]] == q.text


def test_told_object_is_skipped() -> None:
    body = "Title\n\nMinister Lena Park told the conference that the country will remain a partner.\n"
    (q,) = indirect(body)
    assert q.text == "the country will remain a partner"
    assert q.cue == "told"


def test_trailing_attribution() -> None:
    body = "Title\n\nThe talks will resume next month, officials said.\n"
    (q,) = indirect(body)
    assert q.text == "The talks will resume next month"
    assert q.speaker_mention is not None and q.speaker_mention.text == "officials"


def test_according_to() -> None:
    body = "Title\n\nAccording to the ministry, the road will reopen on Friday.\n"
    (q,) = indirect(body)
    assert q.text == "the road will reopen on Friday"
    assert q.cue == "According to"


def test_direct_quote_sentences_are_not_indirect() -> None:
    body = "Title\n\n“We are leaving,” he said, adding that the rest would follow.\n"
    assert all("We are leaving" not in q.text for q in indirect(body))


def test_no_reporting_verb_no_indirect() -> None:
    body = "Title\n\nThe bridge was built in 1920 and repaired last year.\n"
    assert indirect(body) == []


def test_seed_001_reported_speech() -> None:
    body = seed("001")
    found = indirect(body)
    vote = [q for q in found if q.text.startswith("the Iraqi parliament would respond")]
    assert len(vote) == 1
    assert vote[0].speaker == "Qais al-Khazali"
    assert (
        vote[0].text
        == "the Iraqi parliament would respond by voting to expel the American troops stationed there"
    )


def test_set_off_attribution_keeps_both_sides() -> None:
    body = "Title\n\nAt first, he said, there was pressure on the mayor to act.\n"
    (q,) = indirect(body)
    assert len(q.spans) == 2
    assert q.text == "At first there was pressure on the mayor to act"


def test_headline_reporting_verb() -> None:
    body = "Rivera Says Budget Deal Is Close\n\nText of the article.\n"
    (q,) = indirect(body)
    assert q.text == "Budget Deal Is Close"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Rivera"


def test_trailing_inverted_source_with_appositive() -> None:
    body = "Title\n\nThe fund is $9 million short, said Ed Morales, who chairs the committee.\n"
    (q,) = indirect(body)
    assert q.text == "The fund is $9 million short"
    assert q.speaker == "Ed Morales"


def texts(body: str) -> list[str]:
    return [q.text for q in indirect(body)]


def test_question_put_to_a_source() -> None:
    body = "Title\n\nAsked whether he would run again, Senator Ana Ruiz said the decision could wait.\n"
    assert texts(body) == ["whether he would run again", "the decision could wait"]


def test_according_to_a_plain_phrase() -> None:
    body = "Title\n\nTrump received 37 percent and Clinton 36 percent, according to the results.\n"
    assert texts(body) == ["Trump received 37 percent and Clinton 36 percent"]


def test_headline_source_and_colon() -> None:
    body = "Pat Caddell: Democratic Voters Worried About the Nominee\n\nBody text.\n"
    (q,) = indirect(body)
    assert q.text == "Democratic Voters Worried About the Nominee"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Pat Caddell"
    assert texts("The Latest: Crowds Gather in the Capital\n\nBody text.\n") == []


def test_findings_and_phrasal_cues() -> None:
    assert texts("Title\n\nA 2014 study by the institute found 31 incidents out of a billion ballots.\n") == [
        "31 incidents out of a billion ballots"
    ]
    assert texts("Title\n\nThe NAACP called for a moratorium on charter schools.\n") == [
        "a moratorium on charter schools"
    ]


def test_expectation_without_source() -> None:
    body = "Title\n\nThe bill is widely expected to pass the Senate next week.\n"
    (q,) = indirect(body)
    assert q.text == "The bill is widely expected to pass the Senate next week"
    assert q.speaker is None


def test_transcript_turn_without_marks() -> None:
    body = "Title\n\nPENCE: Well, the question really should be why the campaign invited him.\n"
    (q,) = indirect(body)
    assert q.text.startswith("Well, the question really should be")
    assert q.speaker_mention is not None and q.speaker_mention.text == "PENCE"


def test_time_phrase_before_the_clause() -> None:
    body = "Title\n\nTrump said after the convention he would not accept the endorsement.\n"
    assert texts(body) == ["he would not accept the endorsement"]
    assert texts("Title\n\nSix million jobs depend on exports to Mexico, one slide says.\n") == [
        "Six million jobs depend on exports to Mexico"
    ]


def test_noun_object_stance() -> None:
    body = "Title\n\nSenator Dana Holt criticized the new tariff on steel imports.\n"
    (q,) = indirect(body)
    assert q.text == "the new tariff on steel imports"
    assert q.cue == "criticized"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Senator Dana Holt"


def test_object_stops_at_comma() -> None:
    body = "Title\n\nThe mayor discussed housing costs, then left the hall.\n"
    (q,) = indirect(body)
    assert q.text == "housing costs"


def test_object_cue_without_source_is_ignored() -> None:
    body = "Title\n\n(Proposed changes to the law appear below.)\n"
    assert indirect(body) == []


def test_backed_name_is_a_stance() -> None:
    body = "Title\n\nThe union backed Maria Lopez, its former treasurer.\n"
    (q,) = indirect(body)
    assert q.text == "Maria Lopez"
    assert q.cue == "backed"


def test_backed_common_noun_is_not_a_stance() -> None:
    body = "Title\n\nThe board backed the bond issue for the new school.\n"
    assert [q for q in indirect(body) if q.cue == "backed"] == []


def test_poll_with_a_date_between_it_and_its_finding() -> None:
    body = "Title\n\nThe latest opinion poll released Friday shows that Clinton leads Trump by five points.\n"
    (q,) = indirect(body)
    assert q.text == "Clinton leads Trump by five points"
    assert q.speaker_mention is not None and q.speaker_mention.text == "poll"
