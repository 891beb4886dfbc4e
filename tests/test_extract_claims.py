"""find_claims: units, measures, hedges and year policy on small hand-written fixtures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.numbers.claims import find_claims
from tracker.records import Block, FoundClaim
from tracker.text import split_sentences


def claims(body: str) -> list[FoundClaim]:
    return find_claims(body, split_sentences(body, [Block(0, len(body))]))


def only(body: str) -> FoundClaim:
    found = claims(body)
    assert len(found) == 1, found
    return found[0]


def test_hedged_troop_counts() -> None:
    c = only("Officials say there are an estimated 3,400 U.S. troops in the region.")
    assert (c.value, c.unit, c.measure, c.approximate) == (3400, "U.S. troops", "troop", True)
    c = only("There are currently some 2,000 U.S. troops stationed there.")
    assert (c.value, c.unit, c.measure, c.approximate) == (2000, "U.S. troops", "troop", True)
    c = only("The president has no plans to withdraw the 3,400 troops in the country.")
    assert (c.value, c.unit, c.measure, c.approximate) == (3400, "troops", "troop", False)


def test_money() -> None:
    c = only("The budget includes $850 million to train police.")
    assert (c.value, c.unit, c.kind) == (850_000_000, "USD", "currency")


def test_wrapped_newline_and_seat_blocs() -> None:
    body = "The party won control of 12\nseats in the national parliament."
    c = only(body)
    assert (c.value, c.unit, c.measure) == (12, "seats", "seat")
    assert body[c.span[0] : c.span[1]] == c.surface
    assert c.sentence == "The party won control of 12 seats in the national parliament."
    bloc = only("The cleric is now represented by a 12-member bloc in parliament.")
    assert (bloc.value, bloc.measure) == (12, c.measure)


def test_deaths_fold_to_killed() -> None:
    a = only("Militias were blamed for the deaths of some 300 soldiers over the years.")
    b = only("The group is blamed for the deaths of around 300 soldiers.")
    assert (a.value, a.approximate, a.measure) == (300, True, "killed")
    assert (b.value, b.approximate, b.measure) == (a.value, True, a.measure)
    assert only("Two people were killed in the crash.").measure == "killed"
    assert only("Police said 4 were wounded.").measure == "injured"
    assert only("The blast left three dead.").measure == "killed"


def test_age() -> None:
    c = only("The 52-year-old leader spoke on Tuesday.")
    assert (c.value, c.kind, c.measure) == (52, "age", "age")


def test_event_years_are_claims() -> None:
    c = only("Government forces released the commander in 2009.")
    assert (c.value, c.kind, c.measure) == (2009, "year", "release")
    c = only("The commander was freed in March 2011, officials said.")
    assert (c.value, c.kind, c.measure) == (2011, "year", "release")
    c = only("A prisoner swap in 2012 transferred the commander to local custody.")
    assert (c.value, c.kind, c.measure) == (2012, "year", "release")


def test_background_years_are_not_claims() -> None:
    found = claims("The carmaker said a disorderly exit would cost it $800 million in 2019.")
    assert [(c.value, c.kind) for c in found] == [(800_000_000, "currency")]
    assert claims("Fans gathered for the Euro 2020 qualifier.") == []
    assert claims("The 2024 GMC Hummer is quick.") == []
    assert claims("Published 5:55 AM EST Dec 20 2019") == []


def test_ordinals_and_days_are_not_claims() -> None:
    assert claims("It was the 22nd amendment, passed on the first try.") == []
    assert claims("The vote is due on March 29.") == []


def test_bounds_kept() -> None:
    c = only("The firm employs more than 6,650 people.")
    assert (c.bound, c.approximate, c.measure) == (">", False, "people")


def test_spans_into_body_with_offset_sentences() -> None:
    body = "Intro line.\n\nLater, 40 people marched. Then 7 more joined."
    found = claims(body)
    assert [c.value for c in found] == [40, 7]
    for c in found:
        assert body[c.span[0] : c.span[1]] == c.surface
        s, e = c.sentence_span
        assert s <= c.span[0] < c.span[1] <= e


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_claim_spans_match_surface(body: str) -> None:
    for c in claims(body):
        assert body[c.span[0] : c.span[1]] == c.surface


def test_harm_after_verb_groups_and_partitives() -> None:
    assert only("Three people were shot and killed near the park.").measure == "killed"
    found = claims("Six people were shot, two of whom later died.")
    assert [(c.value, c.measure) for c in found] == [(6, "people"), (2, "killed")]


def test_elided_noun_is_inherited_within_the_sentence() -> None:
    found = claims("Some 300 cars were stolen this year, against 60 last year.")
    assert [(c.value, c.measure) for c in found] == [(300, "car"), (60, "car")]


def test_partitive_counts_name_the_group() -> None:
    c = only("Two of the most senior officials in the ministry resigned.")
    assert (c.value, c.measure) == (2, "official")


def test_one_of_is_a_member_not_a_count() -> None:
    assert claims("She is one of the most senior officials in the ministry.") == []
    assert claims("That's one way you can tell who won.") == []
    c = only("HabEx is just one of four separate mission concepts.")
    assert (c.value, c.unit) == (0.25, "separate mission concepts")


def test_movements_are_one_range() -> None:
    found = claims("Ethereum fell from $2,415 to $2,315 from 1.05am to 7.05am.")
    assert [(c.value, c.high, c.unit) for c in found] == [(2315, 2415, "USD")]
    found = claims("Volume narrowed to 138,285 lots from 212,577 lots in the previous week.")
    assert [(c.value, c.high) for c in found] == [(138285, 212577)]
    found = claims("Economy climbed from 21 mpg combined to 23 for FWD models.")
    assert [(c.value, c.high, c.unit) for c in found] == [(21, 23, "mpg")]
    found = claims("It cut 10 seconds off that 0-to-60-mph time.")
    assert [(c.value, c.high) for c in found] == [(10, None), (0, 60)]
    # two amounts with a clause between them stay two claims
    found = claims("Sales rose from $5 million, analysts said, to a record.")
    assert [(c.value, c.high) for c in found] == [(5e6, None)]


def test_years_date_returns_takeovers_and_when_clauses() -> None:
    found = claims("American forces withdrew in 2011, but returned in 2014 at the invitation of the government.")
    assert [(c.value, c.measure) for c in found] == [(2011, "withdrawal"), (2014, "return")]
    assert [c.value for c in claims("In 2014, the Islamic State took over huge swaths of Iraq.")] == [2014]
    assert [c.value for c in claims("He ruffled feathers in late 2017 when he showed up at the border.")] == [2017]


def test_furniture_dates_are_not_event_years() -> None:
    assert claims("Posted: Jan. 7, 2015 12:45 PM. The suspect was arrested in custody.") == []


@pytest.mark.slow
def test_pathological_bodies_finish() -> None:
    for body in ("1," * 20_000, "9" * 50_000, "in 2009 " * 5_000, "killed " * 10_000 + "3"):
        for c in claims(body):
            assert body[c.span[0] : c.span[1]] == c.surface


def test_percent_measure_names_what_it_is_of() -> None:
    c = only("The firm gets more than 60 per cent of its revenue from ads.")
    assert (c.unit, c.measure, c.bound) == ("%", "% revenue", ">")


def test_death_toll() -> None:
    assert only("The death toll rose to 5 on Sunday.").measure == "killed"


def test_a_place_in_a_ranking_is_no_count() -> None:
    assert claims("Their side have slipped towards the bottom three during a bad run.") == []
    assert [c.value for c in claims("The top 10 companies hired 500 people.")] == [10, 500]
