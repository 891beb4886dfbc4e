from __future__ import annotations

from tracker.match.claim_groups import ClaimItem, age_owner, group_claims, is_partitive, recalls_earlier_event
from tracker.match.verdicts import compatible, judge


def claim(article: str, value: float, sentence: str, surface: str, published: str, measure: str = "troop",
          kind: str = "count", approximate: bool = False, bound: str | None = None, outlet: str | None = None,
          cid: str = "c1", high: float | None = None) -> ClaimItem:
    return ClaimItem(article, cid, value, None, measure, kind, approximate, bound, high, surface, sentence,
                     published, outlet or f"Outlet {article}")


TROOPS = [
    claim("a", 5200, "There are an estimated 5,200 U.S. troops in Iraq, helping to train forces.", "5,200",
          "2018-02-14", approximate=True),
    claim("b", 5000, "There are currently some 5,000 U.S. troops in Iraq, mostly training soldiers.", "5,000",
          "2018-12-27", approximate=True),
    claim("c", 5200, "Trump has no plans to withdraw the 5,200 troops in Iraq.", "5,200", "2019-01-28"),
]
NAMES = {a: frozenset({"iraq", "u.s", "trump", "rashid"}) for a in "abc"}


def test_the_same_figure_across_outlets_is_one_group_and_a_conflict_even_when_hedged() -> None:
    [group] = group_claims(TROOPS, NAMES)
    assert [it.article for it in group.items] == ["a", "b", "c"]  # oldest first
    verdict = judge(group.items)
    assert verdict.status == "conflict" and verdict.verdict == "conflict"
    assert "both approximate" in verdict.reason


def test_bounds_and_ranges_do_not_contradict() -> None:
    at_least = claim("a", 4, "At least 4 people were killed.", "At least 4", "2020-01-01", bound=">=")
    five = claim("b", 5, "Five people were killed.", "Five", "2020-01-01")
    assert compatible(at_least, five)
    span = claim("a", 10, "10-12 people were hurt", "10-12", "2020-01-01", high=12)
    assert compatible(span, claim("b", 11, "11 people were hurt", "11", "2020-01-01"))
    assert not compatible(span, claim("b", 14, "14 people were hurt", "14", "2020-01-01"))


def test_a_toll_that_rises_over_time_is_an_update_not_a_contradiction() -> None:
    first = claim("a", 1, "One person was killed in the shooting on Elm Street.", "One", "2020-03-01", "killed")
    later = claim("b", 2, "Two people were killed in the shooting on Elm Street.", "Two", "2020-03-03", "killed")
    verdict = judge([first, later])
    assert (verdict.status, verdict.verdict) == ("conflict", "update")
    assert verdict.reason.startswith("figure changed over time")


def test_the_same_small_figure_about_two_incidents_stays_apart() -> None:
    one = claim("a", 2, "Two people were killed in a shooting on Elm Street in Springfield.", "Two", "2016-01-01",
                "killed")
    other = claim("b", 2, "Two people were killed in a shooting on Oak Avenue in Shelbyville.", "Two", "2017-05-01",
                  "killed")
    names = {"a": frozenset({"springfield", "elm street"}), "b": frozenset({"shelbyville", "oak avenue"})}
    assert group_claims([one, other], names) == []


def test_incident_groups_never_stretch_over_months_through_a_chain() -> None:
    sentence = "Two people were killed in a shooting on Elm Street in Springfield."
    names = {a: frozenset({"springfield", "elm street"}) for a in "abc"}
    items = [claim("a", 2, sentence, "Two", "2016-01-01", "killed"),
             claim("b", 2, sentence, "Two", "2016-01-20", "killed"),
             claim("c", 2, sentence, "Two", "2016-02-10", "killed")]
    groups = group_claims(items, names)
    assert [[it.article for it in g.items] for g in groups] == [["a", "b"]]


def test_background_partitive_and_template_figures_are_not_compared() -> None:
    assert recalls_earlier_event(claim("a", 100, "On Nov. 9, a party with 100 people ended in gunfire.", "100",
                                       "2013-11-17", "people"))
    assert not recalls_earlier_event(claim("a", 100, "On Saturday 100 people came.", "100", "2013-11-17"))
    assert is_partitive(claim("a", 3, "Three of those killed were tourists.", "Three", "2017-01-07", "killed"))
    assert is_partitive(claim("a", 3, "The three other victims are expected to be OK.", "three", "2016-09-25",
                              "victim"))
    assert is_partitive(claim("a", 3, "Five people, including three children, were killed.", "three", "2016-08-10",
                              "killed"))
    assert not is_partitive(claim("a", 5, "Five people, including three children, were killed.", "Five",
                                  "2016-08-10", "killed"))
    template = "Stay with 7 Action News for the latest."
    items = [claim("a", 7, template, "7", "2016-01-01", "news", outlet="wxyz"),
             claim("b", 7, template, "7", "2016-09-01", "news", outlet="wxyz")]
    assert group_claims(items, {"a": frozenset({"action news"}), "b": frozenset({"action news"})}) == []


def test_ages_group_only_under_the_name_they_belong_to() -> None:
    named = claim("a", 27, "Dwayne Curtis, 27, of Trotwood was killed.", "27", "2015-05-03", "age", kind="age")
    also = claim("b", 27, "Police named the victim as Dwayne Curtis, 27, a father.", "27", "2015-05-04", "age",
                 kind="age")
    anonymous = claim("c", 27, "A 27-year-old man was shot.", "27", "2015-05-04", "age", kind="age")
    assert age_owner(named) == age_owner(also) == "dwayne curtis" and age_owner(anonymous) is None
    names = {a: frozenset({"trotwood", "dwayne curtis"}) for a in "abc"}
    [group] = group_claims([named, also, anonymous], names)
    assert {it.article for it in group.items} == {"a", "b"}


def test_reviewer_decisions_steer_groups() -> None:
    assert group_claims(TROOPS, NAMES, different=[("a/c1", "b/c1"), ("a/c1", "c/c1"), ("b/c1", "c/c1")]) == []
    lone = claim("d", 77, "An unrelated figure.", "77", "2019-01-01", "budget")
    groups = group_claims([*TROOPS, lone], NAMES, same=[("a/c1", "d/c1")])
    assert any(len(g.items) == 4 for g in groups)


def test_a_part_beside_the_total_is_flagged_as_agreement_with_an_odd_figure() -> None:
    total_a = claim("a", 4, "A gunman killed four people in two shootings.", "four", "2013-03-14", "killed")
    part_a = claim("a", 2, "Two people were killed at the car wash.", "Two", "2013-03-14", "killed", cid="c2")
    total_b = claim("b", 4, "The man was suspected of killing four people.", "four", "2013-03-15", "killed")
    verdict = judge([total_a, part_a, total_b])
    assert verdict.status == "conflict"  # still flagged: the figures differ
    assert verdict.reason.startswith("every source gives 4, but some also give 2")
    other = claim("c", 5, "Five people were killed in the shootings.", "Five", "2013-03-15", "killed")
    assert judge([total_a, part_a, other]).status == "conflict"
