from __future__ import annotations

from pathlib import Path

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


def test_a_part_beside_the_total_is_agreement_not_a_conflict() -> None:
    """When every source also gives the shared figure, the odd one counts something else in the
    same article ("two of them at the car wash"): hand-read, such flags were false 8 times of 8."""
    total_a = claim("a", 4, "A gunman killed four people in two shootings.", "four", "2013-03-14", "killed")
    part_a = claim("a", 2, "Two people were killed at the car wash.", "Two", "2013-03-14", "killed", cid="c2")
    total_b = claim("b", 4, "The man was suspected of killing four people.", "four", "2013-03-14", "killed")
    verdict = judge([total_a, part_a, total_b])
    assert verdict.status == "consistent"
    assert verdict.reason.startswith("every source gives 4; 2 in the same articles count something else")
    other = claim("c", 5, "Five people were killed in the shootings in two towns.", "Five", "2013-03-14", "killed")
    assert judge([total_a, part_a, other]).status == "conflict"




def test_ages_of_one_person_conflict_on_the_same_day_and_update_over_months() -> None:
    a = claim("a", 18, "Devante McNeil, 21, and Benjamin Bethea, 18, were charged.", "18", "2013-08-24", "age",
              kind="age")
    b = claim("b", 19, "Police said Benjamin Bethea, 19, is charged with murder.", "19", "2013-08-24", "age",
              kind="age")
    verdict = judge([a, b])
    assert (verdict.status, verdict.verdict, verdict.confidence) == ("conflict", "conflict", "high")
    assert any("benjamin bethea" in e for e in verdict.evidence)
    later = claim("b", 19, "Benjamin Bethea, 19, was found guilty.", "19", "2014-06-01", "age", kind="age")
    assert judge([a, later]).verdict == "update"
    days_later = claim("b", 19, "Benjamin Bethea, 19, was arraigned.", "19", "2013-08-30", "age", kind="age")
    assert judge([a, days_later]).verdict == "conflict"  # an age does not change in a week


def test_two_ages_in_one_sentence_belong_to_their_named_people() -> None:
    both = claim("a", 21, "Devante McNeil, 21, and Benjamin Bethea, 18, were charged.", "21", "2013-08-24", "age",
                 kind="age")
    other = claim("b", 21, "Police arrested Devante McNeil, 21, on Friday.", "21", "2013-08-24", "age", kind="age")
    names = {x: frozenset({"latta", "bethea", "mcneil"}) for x in "ab"}
    [group] = group_claims([both, other], names)
    assert {it.article for it in group.items} == {"a", "b"}


def test_a_count_given_differently_a_day_later_is_an_update_oldest_first() -> None:
    early = claim("b", 1, "One person was killed in the shooting on Elm Street, police said.", "One", "2020-03-02",
                  "killed")
    late = claim("a", 2, "Two people were killed in the shooting on Elm Street, police said.", "Two", "2020-03-03",
                 "killed")
    verdict = judge([early, late])
    assert verdict.verdict == "update" and verdict.status == "conflict"
    assert verdict.reason.index("1 in") < verdict.reason.index("2 in")
    falling = judge([late, claim("c", 1, "One person was killed in the shooting on Elm Street, police said.", "One",
                                 "2020-03-04", "killed")])
    assert (falling.verdict, falling.status, falling.confidence) == ("update", "to_check", "low")


def test_a_weakly_pinned_difference_goes_to_check_not_to_conflicts() -> None:
    a = claim("a", 8440, "By Thursday, that amount had reached $8,440, the flier said.", "$8,440", "2014-10-16", "USD",
              kind="currency")
    b = claim("b", 5000, "Crime stoppers were offering a $5,000 reward for information.", "$5,000", "2014-10-16",
              "USD", kind="currency")
    verdict = judge([a, b])
    assert (verdict.verdict, verdict.status, verdict.confidence) == ("conflict", "to_check", "low")


def test_stated_rounding_is_not_a_conflict() -> None:
    exact = claim("a", 1.375e9, "The bill includes $1.375 billion for barriers.", "$1.375 billion", "2019-02-14",
                  "USD", kind="currency")
    rounded = claim("b", 1.4e9, "The deal gives $1.4 billion for barriers.", "$1.4 billion", "2019-02-14", "USD",
                    kind="currency")
    assert compatible(exact, rounded)
    assert not compatible(claim("c", 1.3e9, "It gives $1.3 billion.", "$1.3 billion", "2019-02-14", "USD",
                                kind="currency"), exact)


def test_parts_misreads_and_distributive_counts_never_join_a_group() -> None:
    names = {x: frozenset({"stroger", "south shore"}) for x in "abc"}
    whole = claim("a", 4, "Four people were wounded in the South Shore shooting, police said.", "Four",
                  "2013-02-07", "injured")
    spread = "Paramedics took two victims to Stroger Hospital, one to Northwestern and one to South Shore Hospital."
    two = claim("b", 2, spread, "two", "2013-02-07", "injured", cid="c1")
    ones = [claim("b", 1, spread, "one", "2013-02-07", "injured", cid=f"c{k}") for k in (2, 3)]
    part = claim("c", 2, "Two men and two women were wounded in the South Shore shooting.", "Two",
                 "2013-02-07", "injured")
    assert group_claims([whole, two, *ones, part], names) == []


def test_poll_shares_that_differ_are_to_check_never_conflicts() -> None:
    a = claim("a", 33, "Mr. Sanders has backing from 33 percent, according to a Times/CBS News poll.", "33 percent",
              "2015-11-13", "%", kind="percent")
    b = claim("b", 28, "Mr. Sanders has backing from 28 percent, according to a Post poll.", "28 percent",
              "2015-11-13", "%", kind="percent")
    verdict = judge([a, b])
    assert (verdict.verdict, verdict.status) == ("conflict", "to_check")
    assert any("poll" in e for e in verdict.evidence)


def test_a_reviewers_correction_of_counts_survives_rerun_and_steers_grouping(tmp_path: Path) -> None:
    """A reviewer marks one troop figure a part: re-running keeps the edit, and the figure leaves its group."""
    from click.testing import CliRunner

    from tracker.cli import main
    from tracker.report.model import build_report

    seeds, out = Path(__file__).resolve().parent.parent / "seeds", tmp_path / "claims"
    assert CliRunner().invoke(main, ["extract", str(seeds), "--out", str(out)]).exit_code == 0
    troops = [g for g in build_report(out)["claim_groups"] if g["measure"] == "troop"]
    first = troops[0]["values"][0]
    path = next(p for p in out.glob("*.yaml") if p.name.startswith(first["article"]))
    text = path.read_text(encoding="utf-8")
    at = text.index(f"id: {first['claim_id']}")
    edited = text[:at] + text[at:].replace("scope: total}", "scope: part}", 1)
    path.write_text(edited, encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", str(seeds), "--out", str(out)]).exit_code == 0
    assert path.read_text(encoding="utf-8") == edited  # the correction is the reviewer's, kept as written
    regrouped = [g for g in build_report(out)["claim_groups"] if g["measure"] == "troop"]
    assert all(first["claim_id"] not in {v["claim_id"] for v in g["values"]} for g in regrouped)


def _version(article: str, value: float, sentence: str, surface: str, published: str, measure: str,
             cid: str = "c1", bound: str | None = None) -> ClaimItem:
    return ClaimItem(article, cid, value, "people", measure, "count", False, bound, None, surface, sentence,
                     published, "Daily", "https://example.org/story/1")


def test_an_edited_sentence_of_a_later_version_links_its_figure_as_an_update() -> None:
    # "six of the victims" is a part, never compared across sources; in one story's versions the
    # same sentence with another number is the same count later
    v1 = _version("v1", 6, "Officers say six of the victims received minor injuries.", "six", "2020-01-01",
                  "victim")
    v2 = _version("v2", 5, "Officers say five of the victims received minor injuries.", "five", "2020-01-02",
                  "victim")
    other = _version("v2", 5, "The shooting left five cars damaged on Main Street.", "five", "2020-01-02", "car",
                     cid="c2")
    [group] = group_claims([v1, v2, other], {})
    assert [it.value for it in group.items] == [6, 5]
    assert judge(group.items).verdict == "update"


def test_one_bound_edited_in_a_later_version_is_a_change_not_a_fit() -> None:
    v1 = _version("v1", 4, "At least four others were wounded.", "At least four", "2020-01-01", "injured",
                  bound=">=")
    v2 = _version("v2", 5, "At least five others were wounded.", "At least five", "2020-01-02", "injured",
                  bound=">=")
    assert not compatible(v1, v2)
    assert compatible(claim("a", 4, "At least four others were wounded.", "At least four", "2020-01-01",
                            bound=">="),
                      claim("b", 5, "At least five others were wounded.", "At least five", "2020-01-01",
                            bound=">="))


def test_a_figure_an_article_calls_earlier_makes_an_update_not_agreement() -> None:
    now = claim("a", 3, "A shootout injured three federal agents, the FBI said.", "three", "2016-04-23",
                "injured")
    said_before = claim("a", 4, "Initial reports from authorities indicated four federal agents were wounded.",
                        "four", "2016-04-23", "injured", cid="c2")
    other = claim("b", 3, "Three federal agents were injured in the shootout.", "Three", "2016-04-24", "injured")
    verdict = judge([said_before, now, other])
    assert verdict.verdict == "update" and "(earlier)" in verdict.reason
    assert judge([now, other]).verdict == "consistent"


def test_two_incidents_a_week_apart_stay_apart_by_the_days_their_articles_tell() -> None:
    # the first article dates its toll to Saturday 9 Nov in another sentence; the second is dated 16 Nov
    saturday = claim("a", 2, "Two people were killed at a house party in Houston on Saturday.", "Two",
                     "2013-11-11", "killed", cid="c0")
    toll = claim("a", 2, "Two shot dead after a mass shooting at a house party in Houston.", "Two",
                 "2013-11-11", "killed")
    later = claim("b", 2, "HOUSTON, Nov. 16 -- A house party in Houston ended in gunfire, two shot dead.", "two",
                  "2013-11-17", "killed")
    names = {"a": frozenset({"houston"}), "b": frozenset({"houston"})}
    groups = group_claims([saturday, toll, later], names)
    assert all(len({it.article for it in g.items}) == 1 for g in groups)
