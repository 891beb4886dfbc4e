"""Issue 16 (misattribution, recycled quotes) on the seeds and end to end through reviews."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tracker
from tracker.cli import main
from tracker.report.model import build_report

DARK_NIGHT = "We will turn it into a dark night"


@pytest.fixture(scope="module")
def seeds_report(seed_claims: Path) -> dict[str, Any]:
    return build_report(seed_claims)


def test_seeds_khazali_variants_raise_no_flag_and_khalazi_is_him(seeds_report: dict[str, Any]) -> None:
    assert seeds_report["misattributions"] == []
    assert seeds_report["summary"]["misattributions"] == 0
    people = {p["name"]: p["aliases"] for p in seeds_report["people"]}
    assert {"Khalazi", "Qais Khazali"} <= set(people["Qais al-Khazali"])
    khazali = [c for c in seeds_report["quote_clusters"] if c["articles"] > 1]
    assert khazali and all([s["name"] for s in c["speakers"]] == ["Qais al-Khazali"] for c in khazali)


def test_seeds_dark_night_reuse_is_recycled_and_disclosed(seeds_report: dict[str, Any]) -> None:
    [cluster] = [c for c in seeds_report["quote_clusters"]
                 if c["canonical"].startswith("We are people") and c["articles"] > 1]
    reuse = [m for m in cluster["members"] if m["article"].startswith("001") and DARK_NIGHT in m["text"]]
    assert [(m["days_since_first"], m["recycled"], m["age_cue"]["text"]) for m in reuse] == [
        (316, "recycled_disclosed", "said then")]
    assert cluster["members"][0]["recycled"] is None  # the first appearance is not recycled


def test_every_format_shows_both(seed_claims: Path, runner: CliRunner) -> None:
    md = runner.invoke(main, ["report", str(seed_claims), "--format", "md"]).output
    assert "## Possible misattribution (0)" in md
    assert "recycled\\_disclosed, 316 days: “said then”" in md
    html = runner.invoke(main, ["report", str(seed_claims), "--format", "html"]).output
    assert 'id="misattribution"' in html and "recycled disclosed" in html
    data = json.loads(runner.invoke(main, ["report", str(seed_claims), "--format", "json"]).output)
    assert data["misattributions"] == [] and "people" in data
    tables = tracker.load(seed_claims)
    rows = tables.clusters[tables.clusters["recycled"] == "recycled_disclosed"]
    assert set(rows["days_since_first"]) == {316}
    assert "said then" in set(rows["age_cue"])
    assert list(tables.misattributions.columns)[:4] == ["flag", "cluster", "first", "other"]


QUOTE = "we will rebuild the old river bridge before the winter floods come back again"
ARTICLES = {
    "a.md": f"---\npublished: 2024-01-02\noutlet: Daily\n---\nBridge plan\n\nMayor Jane Roe said: “{QUOTE}.”\n",
    "b.md": f"---\npublished: 2024-03-02\noutlet: Herald\n---\nGovernor's pledge\n\n"
            f"“{QUOTE},” Governor John Smith said on Monday.\n",
}


@pytest.fixture
def misattributed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "in", "--out", "claims", "--quiet"])
    assert result.exit_code == 0, result.output
    return tmp_path / "claims"


def test_a_quote_credited_to_another_person_is_flagged_in_every_format(misattributed: Path) -> None:
    report = build_report(misattributed)
    [flag] = report["misattributions"]
    assert (flag["first"], flag["other"], flag["open"]) == ("Jane Roe", "John Smith", True)
    assert [(e["outlet"], e["mention"]) for e in flag["evidence"]] == [("Daily", "Mayor Jane Roe"),
                                                                       ("Herald", "Governor John Smith")]
    [cluster] = [c for c in report["quote_clusters"] if c["articles"] == 2]
    assert cluster["misattributions"] == [flag["id"]]
    [later] = cluster["members"][1:]
    assert (later["days_since_first"], later["recycled"]) == (60, "recycled_undisclosed")
    runner = CliRunner()
    md = runner.invoke(main, ["report", "claims", "--format", "md"]).output
    assert "## Possible misattribution (1)" in md and "Governor John Smith" in md
    assert flag["id"] in runner.invoke(main, ["report", "claims", "--format", "html"]).output
    out = misattributed.parent / "tables"
    assert runner.invoke(main, ["report", "claims", "--format", "csv", "-o", str(out)]).exit_code == 0
    assert flag["id"] in (out / "misattributions.csv").read_text(encoding="utf-8")
    assert set(tracker.load(misattributed).misattributions["flag"]) == {flag["id"]}


def test_a_flag_marked_alias_stays_resolved_across_reruns(misattributed: Path) -> None:
    flag_id = build_report(misattributed)["misattributions"][0]["id"]
    (misattributed / "_reviews.yaml").write_text(
        f"misattributions:\n  {flag_id}: {{status: rejected, by: ed, resolved: alias}}\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["check", "claims"]).exit_code == 0
    assert runner.invoke(main, ["extract", "in", "--out", "claims", "--quiet"]).exit_code == 0
    report = build_report(misattributed)
    [flag] = report["misattributions"]
    assert (flag["id"], flag["open"], flag["review"]["resolved"]) == (flag_id, False, "alias")
    assert report["summary"]["misattributions"] == 0
    assert "resolved (alias)" in runner.invoke(main, ["report", "claims", "--format", "md"]).output


def test_check_refuses_a_review_of_no_flag(misattributed: Path) -> None:
    (misattributed / "_reviews.yaml").write_text("misattributions:\n  ma-0000000000: {resolved: alias}\n",
                                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "claims"])
    assert result.exit_code == 1
    assert "no misattribution 'ma-0000000000' in the report" in result.output


def test_check_validates_age_cue_and_speaker_role(misattributed: Path) -> None:
    path = misattributed / "b.yaml"
    text = path.read_text(encoding="utf-8")
    assert "age_cue" not in text  # "said on Monday" dates nothing
    marker = "    kind: direct\n"
    path.write_text(text.replace(marker, marker + "    age_cue: {says: ancient, text: x, span: [0, 1]}\n", 1),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "claims"])
    assert result.exit_code == 1
    assert "age_cue.says 'ancient' is not one of old, new" in result.output


def test_a_corrected_age_cue_survives_a_rerun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(
        f"---\npublished: 2024-01-02\n---\nBridge\n\nLede.\n\nMore.\n\n“{QUOTE},” Jane Roe said then.\n",
        encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["extract", "in", "--out", "claims", "--quiet"]).exit_code == 0
    path = tmp_path / "claims" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    assert "age_cue: {says: old, text: said then," in text
    start = text.index("    age_cue:")
    edited = text[:start] + "    age_cue:\n" + text[text.index("\n", start) + 1:]
    path.write_text(edited, encoding="utf-8")
    assert runner.invoke(main, ["extract", "in", "--out", "claims", "--quiet"]).exit_code == 0
    assert path.read_text(encoding="utf-8") == edited


def test_descriptions_are_never_merged_into_one_speaker() -> None:
    """Read on BASIL: "A former NSA official" had become "Administration officials" (an initial "A"
    taken for a given name, "official" for a surname). Descriptions have no surname."""
    from tracker.match.speakers import canonical_names

    names = canonical_names(["A former NSA official", "Administration officials", "A White House official",
                             "Qais al-Khazali", "Khalazi"])
    assert names["A former NSA official"] == "A former NSA official"
    assert names["A White House official"] == "A White House official"
    assert names["Khalazi"] == "Qais al-Khazali"
