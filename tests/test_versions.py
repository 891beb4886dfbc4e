"""Versions of one story: one source in matching, a timeline of what changed in every format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import tracker
from tracker.cli import main
from tracker.report.model import build_report

FIRST = ("Jane Roe, the mayor, said five people were killed in the fire on Main Street.\n\n"
         "“We will rebuild this town together,” Roe said on Tuesday.\n\n"
         "Fire officials said 12 people were hurt. The cause is under investigation.")
SECOND = ("Jane Roe, the mayor, said six people were killed in the fire on Main Street.\n\n"
          "“We will rebuild this city together,” Roe said on Tuesday.\n\n"
          "Fire officials said 12 people were hurt.\n\n"
          "Correction: An earlier version of this story misstated the number of people killed as five. It was six.")
OTHER = "Five people were killed in a fire on Main Street, police said Tuesday. Nine were hurt."


def _folder(tmp_path: Path, runner: CliRunner, lines: list[dict[str, str]]) -> Path:
    inp = tmp_path / "in"
    inp.mkdir(parents=True)
    (inp / "news.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "claims"
    result = runner.invoke(main, ["extract", str(inp), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _versions(tmp_path: Path, runner: CliRunner, key: str = "version") -> Path:
    return _folder(tmp_path, runner, [
        {"id": "fire", key: "2", "published": "2020-01-01", "outlet": "Daily", "text": SECOND},
        {"id": "fire", key: "1", "published": "2020-01-01", "outlet": "Daily", "text": FIRST},
        {"id": "other", "published": "2020-01-01", "outlet": "Herald", "text": OTHER},
    ])


def test_versions_are_one_source_and_never_a_conflict_or_recycling(tmp_path: Path, runner: CliRunner) -> None:
    report = build_report(_versions(tmp_path, runner))
    assert report["summary"]["sources"] == 2 and report["summary"]["versioned_stories"] == 1
    for cluster in report["quote_clusters"]:
        assert "fire@1" not in {m["article"] for m in cluster["members"]}
    alone = build_report(_folder(tmp_path / "alone", runner, [  # versions only: an update, never a conflict
        {"id": "fire", "version": v, "published": "2020-01-01", "outlet": "Daily", "text": t}
        for v, t in (("1", FIRST), ("2", SECOND))]))
    killed = [g for g in alone["claim_groups"] if {"fire@1", "fire@2"} <= {v["article"] for v in g["values"]}]
    assert killed and all(g["verdict"] in ("update", "consistent") and g["status"] != "conflict" for g in killed)
    assert alone["summary"]["conflicts"] == 0
    assert any(q["article"] == "fire@1" and q["cluster"] for q in report["quotes"])  # shown with its latest's cluster


def test_the_timeline_shows_amended_quotes_updated_figures_removed_sentences(tmp_path: Path,
                                                                            runner: CliRunner) -> None:
    report = build_report(_versions(tmp_path, runner, "retrieved"))
    story = report["versions"][0]
    assert [v["article"] for v in story["versions"]] == ["fire@1", "fire@2"]  # oldest first, whatever the order
    step = story["steps"][0]
    changes = {(c["section"], c["change"]): c for c in step["changes"]}
    assert changes[("quotes", "amended")]["diff"] == "We will rebuild this [-town-]{+city+} together,"
    figure = changes[("claims", "updated")]
    assert (figure["old_value"], figure["new_value"]) == (5, 6)
    assert step["sentences_removed"] == ["The cause is under investigation."]
    assert len(step["corrections"]) == 1
    kept = next(q for q in report["quotes"] if q["article"] == "fire@2" and "12 people" in q["text"])
    assert kept["versions"] == ["fire@1", "fire@2"]


def test_every_format_shows_the_timeline(tmp_path: Path, runner: CliRunner) -> None:
    folder = _versions(tmp_path, runner)
    md = runner.invoke(main, ["report", str(folder), "--format", "md"]).output
    assert "## Versions (1 story)" in md and "\\[-town-\\]{+city+}" in md and "## Corrections and updates (1)" in md
    html = runner.invoke(main, ["report", str(folder), "--format", "html"]).output
    assert '<section id="versions">' in html and "<del>town</del>" in html and "<ins>city</ins>" in html
    data = json.loads(runner.invoke(main, ["report", str(folder), "--format", "json"]).output)
    assert data["versions"][0]["story"] == "fire" and data["corrections"][0]["kind"] == "correction"
    tables = tracker.load(folder)
    assert tables.versions is not None and set(tables.versions["change"]) == {"amended", "updated", "removed"}
    assert tables.corrections is not None and list(tables.corrections["kind"]) == ["correction"]
    out = tmp_path / "csv"
    assert runner.invoke(main, ["report", str(folder), "--format", "csv", "-o", str(out)]).exit_code == 0
    assert "updated" in (out / "version_changes.csv").read_text(encoding="utf-8")


def test_same_url_in_front_matter_makes_versions(tmp_path: Path, runner: CliRunner) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for name, day, text in (("a", "2020-01-01", FIRST), ("b", "2020-01-02", SECOND)):
        (inp / f"{name}.txt").write_text(f"---\nurl: https://example.com/fire\npublished: {day}\n---\n{text}\n",
                                         encoding="utf-8")
    out = tmp_path / "claims"
    assert runner.invoke(main, ["extract", str(inp), "--out", str(out)]).exit_code == 0
    report = build_report(out)
    assert [v["article"] for v in report["versions"][0]["versions"]] == ["a", "b"]
    assert report["summary"]["recycled_quotes"] == 0 and report["summary"]["conflicts"] == 0
