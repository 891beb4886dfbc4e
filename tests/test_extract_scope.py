"""What a figure counts: predicate, owner, scope and misreads, one sentence each."""

from __future__ import annotations

import pytest

from tracker.extract.numbers.scope import count_scope


def scope(sentence: str, surface: str, measure: str | None = "killed", unit: str | None = None,
          value: float = 2, kind: str = "count"):  # type: ignore[no-untyped-def]
    return count_scope(sentence, surface, value, kind, measure, unit)


@pytest.mark.parametrize(("sentence", "surface", "unit"), [
    ("Four women and a man were killed in the attack.", "Four", "women"),
    ("Two men and two women were wounded.", "Two", "men"),
    ("Paramedics took three of the victims to the hospital.", "three", None),
    ("Authorities released the identities of three victims killed by the gunman.", "three", "victims"),
    ("Police said three other victims were hurt.", "three", "victims"),
    ("The survivors included seven men from the town.", "seven", "men"),
])
def test_parts_of_a_toll_are_not_totals(sentence: str, surface: str, unit: str | None) -> None:
    assert scope(sentence, surface, unit=unit).scope == "part"


@pytest.mark.parametrize(("sentence", "surface"), [
    ("The crash left two dead and 19 injured on the highway.", "19"),
    ("Two killed, 22 injured: the party drew some 100 people.", "22"),
    ("Five people were killed in the shooting on Elm Street.", "Five"),
    ("Police confirmed the deaths of three people on Sunday.", "three"),
])
def test_a_list_of_different_counts_keeps_each_total(sentence: str, surface: str) -> None:
    assert scope(sentence, surface).scope == "total"


def test_the_predicate_is_the_verb_of_the_counts_own_clause() -> None:
    # the extractor folded "dead" into 8's measure; the clause says the eight were shot
    assert scope("Gunmen burst in on a card game; 8 men shot, 2 dead", "8", unit="men").predicate == "shot"
    assert scope("Gunmen burst in on a card game; 8 men shot, 2 dead", "2").predicate == "killed"
    assert scope("Two men approached a group standing on a corner.", "Two", measure="man",
                 unit="men").predicate is None
    assert scope("Four members pleaded guilty to racketeering.", "Four", measure="member",
                 unit="members").predicate == "convicted"


def test_a_count_that_includes_someone_says_so() -> None:
    assert scope("Three people are dead, including the gunman.", "Three", unit="people").includes == \
        "including the gunman"
    assert scope("Two victims were shot and killed.", "Two", unit="victims").includes is None


def test_whose_count_it_is() -> None:
    assert scope("Shelton's three children were at home.", "three", measure="child", unit="children").owner == \
        "shelton's"


@pytest.mark.parametrize(("sentence", "surface", "measure", "why"), [
    ("His two children, ages 1 and 4, were unhurt.", "4", "child", "age"),
    ("The car was going 60 or 70 mph when it crashed.", "60", "mph", "either/or"),
    ("Wainwright was pronounced dead at 5 at the scene.", "5", "killed", "clock"),
    ("He died four weeks after the attack.", "four", "week", "time"),
])
def test_numbers_that_are_not_counts_are_misreads(sentence: str, surface: str, measure: str, why: str) -> None:
    found = scope(sentence, surface, measure=measure, value=4)
    assert found.misread is not None and why in found.misread
    assert not found.comparable


def test_a_fraction_is_never_a_count_of_people() -> None:
    assert scope("A fifth person died on Monday.", "fifth", value=0.2).misread is not None
    assert scope("One of two teenage girls died.", "One of two", value=0.5).misread is not None


def test_a_surface_that_occurs_twice_cannot_be_placed() -> None:
    found = scope("He said two people died and two were hurt.", "two")
    assert found.scope == "unplaced" and not found.comparable


def test_the_verb_before_a_count_is_its_predicate() -> None:
    assert scope("Deputies have arrested one person in the case.", "one", measure="people",
                 unit="person").predicate == "arrested"
    assert scope("A man opened fire, killing four people.", "four", measure="people",
                 unit="people").predicate == "killed"
    assert scope("Three people are recovering after being shot on Sunday.", "Three", measure="people",
                 unit="people").predicate == "shot"


def test_others_after_a_different_count_are_a_total() -> None:
    found = scope("One man was found dead and three others were wounded.", "three", measure="other",
                  unit="others")
    assert (found.predicate, found.scope) == ("injured", "total")
    assert scope("Police said three other victims were hurt.", "three", unit="victims").scope == "part"


def test_charges_in_a_list_are_each_whole() -> None:
    found = scope("He is charged with one count of murder and three counts of attempted murder.", "three",
                  measure="count", unit="counts")
    assert found.scope == "total" and found.predicate == "charged"


def test_a_condition_is_what_happened_to_the_counted() -> None:
    assert scope("Three juveniles were left in critical condition.", "Three", measure="juvenile",
                 unit="juveniles").predicate == "in_condition"
