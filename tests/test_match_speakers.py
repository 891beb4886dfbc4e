"""Speaker names across articles, leadership appositives and misattribution flags."""

from __future__ import annotations

import pytest

from tracker.extract.attribution.roles import find_roles
from tracker.match.misattribution import Credit, cluster_speakers, flag_id, flags
from tracker.match.speakers import canonical_names, leads, org_keys, surname_aliases

KHAZALI = ["Qais al-Khazali", "Qais Khazali", "Khazali", "Khalazi", "Sheikh Qais al-Khazali", "Al-Khazali"]


def test_khazali_variants_are_one_person_under_his_usual_name() -> None:
    names = canonical_names([*KHAZALI, "Qais al-Khazali"])
    assert set(names.values()) == {"Qais al-Khazali"}


@pytest.mark.parametrize(("a", "b"), [
    ("Donald Trump", "Melania Trump"),  # same surname, other given name
    ("Mark Kelly", "Mike Kelly"),
    ("Donald Trump Jr.", "Donald Trump"),  # a suffix is another person
    ("Jane Roe", "John Roe"),
    ("Omar Rashid", "Ali Rashidi"),  # near surnames with their own given names
])
def test_different_people_with_similar_names_stay_apart(a: str, b: str) -> None:
    names = canonical_names([a, b])
    assert names[a] != names[b]


@pytest.mark.parametrize(("a", "b"), [
    ("Mike Thibodeau", "Michael Thibodeau"),  # familiar form
    ("Ken Fredette", "Kenneth Fredette"),  # short form
    ("Vicente Fox", "Vincente Fox"),  # a given name misspelt
    ("Raúl R. Labrador", "Raul Labrador"),  # accents and a middle initial
    ("Sen. Jane Roe", "Jane Roe"),  # titles
    ("Trump Jr.", "Donald Trump Jr."),
])
def test_variants_of_one_name_meet(a: str, b: str) -> None:
    names = canonical_names([a, b])
    assert names[a] == names[b]


def test_a_bare_surname_joins_only_the_one_person_it_can_be() -> None:
    alone = canonical_names(["Donald Trump", "Trump"])
    assert alone["Trump"] == "Donald Trump"
    two = canonical_names(["Donald Trump", "Melania Trump", "Trump"])
    assert two["Trump"] == "Trump"


def test_reviewer_aliases_win() -> None:
    names = canonical_names(["Abu Mahdi", "Jamal Jaafar"], {"Abu Mahdi": "Jamal Jaafar"})
    assert names["Abu Mahdi"] == names["Jamal Jaafar"] == "Jamal Jaafar"


def test_misspelt_surname_in_running_text_resolves_to_the_quoted_person() -> None:
    canonical = canonical_names(["Qais al-Khazali", "Khazali"])
    found = surname_aliases(["Khalazi", "Baghdad", "Khamenei"], canonical)
    assert found == {"Khalazi": "Qais al-Khazali"}


def test_leadership_appositives() -> None:
    text = ("Early this week Qais al-Khazali, the leader of the pro-Iranian militia Asaib Ahl al-Haq (AAH), "
            "said so. Later, Hezbollah chief Hassan Nasrallah spoke. Jane Roe, who heads Acme Widgets, agreed.")
    roles = {(r.person, r.organisation) for r in find_roles(text)}
    assert roles == {("Qais al-Khazali", "Asaib Ahl al-Haq"), ("Hassan Nasrallah", "Hezbollah"),
                     ("Jane Roe", "Acme Widgets")}
    for role in find_roles(text):
        assert text[role.span[0]:role.span[1]] == role.text
    assert "aah" in org_keys("Asaib Ahl al-Haq")
    canonical = canonical_names(["Qais al-Khazali"])
    assert leads("Qais al-Khazali", "AAH", {"Qais al-Khazali": {"Asaib Ahl al-Haq"}}, canonical)
    assert not leads("Qais al-Khazali", "Kataib Hezbollah", {"Qais al-Khazali": {"Asaib Ahl al-Haq"}}, canonical)


def credit(article: str, speaker: str, mention: str | None = None, words: int = 12) -> Credit:
    return Credit(article, f"outlet-{article}", "2024-01-0" + article[-1], f"q{article}", speaker,
                  mention or speaker, [0, len(mention or speaker)], words)


def test_name_variants_and_own_organisation_are_not_flags() -> None:
    credits = [credit("a1", "Qais al-Khazali"), credit("a2", "Khazali"), credit("a3", "Khalazi"),
               credit("a4", "Asaib Ahl al-Haq")]
    canonical = canonical_names(c.speaker for c in credits)
    roles = {"Qais al-Khazali": {"Asaib Ahl al-Haq (AAH)"}}
    assert flags("qc-x", credits, canonical, roles) == []
    [row] = cluster_speakers(credits, canonical, roles)
    assert row["name"] == "Qais al-Khazali"
    assert row["aliases"] == ["Qais al-Khazali", "Khazali", "Khalazi", "Asaib Ahl al-Haq"]
    assert row["leads"] == "Asaib Ahl al-Haq"


def test_a_different_person_is_flagged_with_who_says_what() -> None:
    credits = [credit("a1", "Jane Roe", "Mayor Jane Roe"), credit("a2", "John Smith", "Gov. John Smith")]
    canonical = canonical_names(c.speaker for c in credits)
    [flag] = flags("qc-x", credits, canonical, {})
    assert flag["id"] == flag_id("qc-x", "Jane Roe", "John Smith")
    assert (flag["first"], flag["other"]) == ("Jane Roe", "John Smith")
    assert [(e["article"], e["person"], e["mention"]) for e in flag["evidence"]] == [
        ("a1", "Jane Roe", "Mayor Jane Roe"), ("a2", "John Smith", "Gov. John Smith")]


def test_thin_evidence_raises_no_flag() -> None:
    canonical = canonical_names(["Jane Roe", "John Smith"])
    described = [credit("a1", "Jane Roe"), credit("a2", "John Smith", "the Republican leader")]
    assert flags("qc-x", described, canonical, {}) == []
    short = [credit("a1", "Jane Roe", words=2), credit("a2", "John Smith", words=2)]
    assert flags("qc-x", short, canonical, {}) == []
    pronoun = [credit("a1", "Jane Roe"), credit("a2", "John Smith", "he")]
    assert len(flags("qc-x", pronoun, canonical, {})) == 1


def test_flags_need_two_articles_and_people_names_can_tell_apart() -> None:
    canonical = canonical_names(["Jane Roe", "John Smith", "Donald Trump Jr.", "Trump", "Melania Trump"])
    one_article = [credit("a1", "Jane Roe"), Credit("a1", "o", None, "q2", "John Smith", "John Smith", None, 12)]
    assert flags("qc-x", one_article, canonical, {}) == []
    bare = [credit("a1", "Donald Trump Jr."), credit("a2", "Trump")]
    assert flags("qc-x", bare, canonical, {}) == []  # the bare surname may be him


def test_confidence_is_low_when_a_credit_rests_on_a_pronoun() -> None:
    canonical = canonical_names(["Jane Roe", "John Smith"])
    [named] = flags("qc-x", [credit("a1", "Jane Roe"), credit("a2", "John Smith")], canonical, {})
    [pronoun] = flags("qc-x", [credit("a1", "Jane Roe"), credit("a2", "John Smith", "he")], canonical, {})
    assert (named["confidence"], pronoun["confidence"]) == ("high", "low")
    assert "pronoun" in pronoun["reason"]
