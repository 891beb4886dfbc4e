"""Speaker rules made general on outlets the rules were not tuned on (issue 13): nested cues,
participles, places, rival persons for a pronoun, mixed quotation marks."""

from __future__ import annotations

from test_extract_quotes import line_blocks

from tracker.extract.quotes.finder import find_quotes
from tracker.records import FoundQuote


def quotes(body: str) -> list[FoundQuote]:
    return find_quotes(body, line_blocks(body))


def holding(body: str, words: str) -> FoundQuote:
    return next(q for q in quotes(body) if words in q.text)


def test_cue_inside_according_to_speaks() -> None:
    body = "Title\n\nAccording to court papers, Dana Reyes told detectives the van had been parked all night.\n"
    q = holding(body, "the van had been parked")
    assert q.speaker == "Dana Reyes"


def test_according_to_keeps_its_own_side() -> None:
    body = ("Title\n\nThe center opens at 6 a.m., according to its website, but no children were inside "
            "during the shooting, Ann Lowe said.\n")
    assert holding(body, "no children were inside").speaker == "Ann Lowe"
    assert holding(body, "The center opens").speaker == "its website"


def test_participle_shares_the_subject() -> None:
    body = "Title\n\nDemocrats have been pounding Governor Paul Lane, saying that he needs to step down.\n"
    assert holding(body, "he needs to step down").speaker == "Democrats"


def test_pronoun_never_a_place() -> None:
    body = ("Title\n\nThe plan drew praise from President Ana Ruiz on Monday.\n\n"
            "“It is legal,” she said during a speech in San Jose, Calif.\n\n“It is also limited,” she said.\n")
    assert holding(body, "It is also limited").speaker == "Ana Ruiz"


def test_city_state_is_no_speaker() -> None:
    body = ("Title\n\nAfter two mayors heaped scorn upon the company, the mayor of Washington, DC, suggested it "
            "was peddling “hate chicken.”\n")
    q = holding(body, "hate chicken")
    assert q.speaker is None and q.speaker_reason is not None and "place" in q.speaker_reason


def test_pronoun_with_a_rival_person_abstains() -> None:
    body = ("Title\n\nChris Moss said the chain was welcome.\n\n"
            "The remarks drew a sharp response from Rev. William Owens of a pastors' group.\n\n"
            "“It is a disgrace,” he told a press conference.\n\nOwens leads the group.\n")
    q = holding(body, "It is a disgrace")
    assert q.speaker is None
    assert q.speaker_reason is not None and "William Owens" in q.speaker_reason


def test_mixed_quotation_marks_keep_the_subject() -> None:
    body = ("Title\n\n\"We did hear him,” said Jeff Mann. Troy Yates is the president of a veterans group. "
            "He said the loss was a warning.\n")
    assert holding(body, "the loss was a warning").speaker == "Troy Yates"


def test_words_opening_a_quoted_sentence_are_no_antecedent() -> None:
    """A capitalised phrase opening a quotation ("So-called Tax Relief …") is the speaker's words,
    not a person the pronoun after it can mean."""
    body = ("Title\n\nGovernor Ana Ruiz vowed Wednesday that the levy will end “one way or the other.”\n\n"
            "“Property Levy Relief, which costs our State millions, will be ended one way or the other,” "
            "she wrote.\n")
    assert holding(body, "which costs our State").speaker == "Ana Ruiz"
