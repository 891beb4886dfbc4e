"""Reports say what they mean, in every format: ranges, resolutions, labels, fragments, rounding,
one review vocabulary, timeline labels that never overlap."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import ROOT, valid_small

from tracker.cli import main
from tracker.report.csv import render_csv
from tracker.report.display import figure_label, number, relation_text, value_text
from tracker.report.frame import frames, load
from tracker.report.html import render_html
from tracker.report.markdown import render_markdown
from tracker.report.model import build_report
from tracker.report.view import TICK_CHAR_WIDTH, timeline

SMALL = ROOT / "tests" / "fixtures" / "small" / "claims"


def ranged() -> dict[str, Any]:
    """The small fixture's report with one value turned into "hundreds" and one into 5.25-5.41667 feet."""
    report = copy.deepcopy(build_report(SMALL))
    [cars] = [g for g in report["claim_groups"] if g["measure"] == "traffic"]
    cars["values"][0].update({"value": 100, "high": 1000, "approximate": True, "surface": "hundreds"})
    cars["values"][1].update({"value": 5.25, "high": 5.41667, "bound": None, "surface": "5.25 to 5.41667"})
    return report


def test_ranges_show_both_ends_in_markdown_html_csv_and_pandas() -> None:
    report = ranged()
    md = render_markdown(report)
    assert "100–1,000 ≈" in md and "100 ≈" not in md.replace("100–", "")
    assert "5.25–5.42" in md and "5.41667" not in md.replace("5.25 to 5.41667", "")
    html = render_html(report)
    assert '<span class="v">100–1,000</span>' in html and '<span class="v">5.25–5.42</span>' in html
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    cars = [r for r in rows if r["measure"] == "traffic"]
    assert [(r["low"], r["high"]) for r in cars] == [("100", "1000"), ("5.25", "5.41667")]
    groups = frames(report).groups
    cars_frame = groups[groups.measure == "traffic"]
    assert list(cars_frame.low) == [100, 5.25] and list(cars_frame.high) == [1000, 5.41667]
    injured = groups[groups.measure == "injured"]
    assert list(injured.low) == list(injured.high) == list(injured.value)  # a single figure: both ends


def test_sensible_rounding() -> None:
    assert number(5.41667) == "5.42" and number(1375000000.0) == "1,375,000,000" and number(12.5) == "12.5"
    assert number(2009, "year") == "2009" and number(0.004) == "0.004"
    assert value_text({"value": None, "low": 5.25, "high": 5.41667}) == "5.25–5.42"


@pytest.fixture
def resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    claims = valid_small(tmp_path)
    (claims / "_reviews.yaml").write_text(
        "claim_groups:\n  cg-a-c1: {status: confirmed, by: ed, resolved: the Herald counted later}\n",
        encoding="utf-8")
    return claims


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_a_resolved_conflict_has_its_own_section_with_who_and_why(resolved: Path) -> None:
    md = cli("report", str(resolved))
    section = md[md.index("## Resolved (1)"):md.index("## Consistent figures")]
    assert "workers injured" in section and "| ed |" in section and "the Herald counted later" in section
    assert "_reviews.yaml" in section
    assert "workers injured" not in md[md.index("## Consistent figures"):]
    html = cli("report", str(resolved), "--format", "html")
    part = html[html.index('<section id="resolved">'):html.index('<section id="consistent">')]
    assert "Resolved by <strong>ed</strong>: the Herald counted later" in part
    rep = json.loads(cli("report", str(resolved), "--format", "json"))
    [group] = [g for g in rep["claim_groups"] if g["id"] == "cg-a-c1"]
    assert group["resolution"] == {"by": "ed", "reason": "the Herald counted later", "where": "_reviews.yaml"}
    rows = list(csv.DictReader(io.StringIO(cli("report", str(resolved), "--format", "csv"))))
    assert {(r["resolved"], r["resolved_by"], r["review"]) for r in rows if r["group"] == "cg-a-c1"} == {
        ("the Herald counted later", "ed", "confirmed")}
    groups = load(resolved).groups
    assert set(groups[groups.group == "cg-a-c1"].resolved_by) == {"ed"}


def test_one_review_vocabulary_across_the_pandas_tables(resolved: Path) -> None:
    (resolved / "_reviews.yaml").write_text(
        "claim_groups:\n  cg-a-c1: {status: disputed, by: ed}\n", encoding="utf-8")
    t = load(resolved)
    vocabulary = {"unreviewed", "confirmed", "rejected", "disputed"}
    for table in (t.quotes, t.claims, t.clusters, t.groups):
        assert set(table.review.dropna()) <= vocabulary and len(table.review.dropna()) == len(table)
    assert set(t.groups[t.groups.group == "cg-a-c1"].review) == {"disputed"}
    assert list(t.quotes.review) == list(t.quotes.status)


@pytest.mark.parametrize(("measure", "unit", "sentence", "surface", "kind", "label"), [
    ("troop", "U.S. troops", "There are an estimated 5,200 U.S. troops in Iraq, helping.", "an estimated 5,200",
     "count", "U.S. troops in Iraq"),
    ("seat", "seats", "The bloc won 15 seats in the Iraqi parliament.", "15", "count", "seats"),
    ("year", "three years", "He served three years in prison.", "three years", "measure", "years"),
    ("age", "years", "The victim, Dwayne Curtis, 26, died.", "26", "age", "age of Dwayne Curtis"),
    ("killed", "people", "Officials said 40 people were killed.", "40", "count", "people killed"),
    ("age", "years", "They found 22-year-old Dinesty Tillman inside.", "22-year-old", "age", "age of Dinesty Tillman"),
    ("release", None, "He was freed in 2010.", "2010", "year", "year of release"),
])
def test_figure_labels_read_as_words(measure: str, unit: str | None, sentence: str, surface: str, kind: str,
                                     label: str) -> None:
    group = {"measure": measure, "unit": unit, "values": [{"sentence": sentence, "surface": surface, "kind": kind}]}
    assert figure_label(group) == label


def test_seed_report_labels_and_fragments(seed_claims: Path) -> None:
    report = build_report(seed_claims)
    md = render_markdown(report)
    for glued in ("troop U.S. troops", "seat seats", "year three years", "age years", "score"):
        assert glued not in md
    assert "U.S. troops in Iraq" in md
    assert "2 of the original's 41 words (words 40–41)" in md  # "dark night", not "score 9.5"
    html = render_html(report)
    variants = [li.split("</li>")[0] for li in html.split("<li><time>")[1:]
                if li.split("</time> ", 1)[1].startswith('<span class="badge rel-fragment">')]
    assert len(variants) == 2
    for variant in variants:
        assert '<mark class="fragment">dark night</mark>' in variant and "<del>" not in variant
        assert "We are people who do not accept" in variant  # the original around it, not struck through


def test_relations_are_explained_never_bare_scores() -> None:
    assert relation_text("verbatim", "a b", "a b", 100.0) == "the same words"
    assert relation_text("amended", "a b c", "a b d", 66.7) == "amended, 67% alike"
    assert relation_text("fragment", "one two three four", "two three", 60.0) == (
        "2 of the original's 4 words (words 2–3)")


def test_timeline_labels_every_date_and_never_overlap() -> None:
    days = [f"2024-01-{d:02d}" for d in (1, 2, 3, 4, 9, 20, 21)] + ["2024-03-01"]
    t = timeline([(d, f"S{i}", "x") for i, d in enumerate(days)] + [(None, "U", "u")])
    assert [k["text"] for k in t["ticks"]] == [*days, "undated"]
    boxes = []
    for k in t["ticks"]:
        width = len(k["text"]) * TICK_CHAR_WIDTH
        left = {"start": k["x"], "end": k["x"] - width, "middle": k["x"] - width / 2}[k["anchor"]]
        assert left >= 0 and left + width <= t["width"]
        boxes.append((k["y"], left, left + width))
    for i, (y, lo, hi) in enumerate(boxes):
        assert all(y != y2 or hi <= lo2 or hi2 <= lo for y2, lo2, hi2 in boxes[i + 1:])
    assert max(y for y, _, _ in boxes) < t["height"]


def test_speaker_table_stacks_on_a_phone() -> None:
    html = render_html(build_report(SMALL))
    assert 'data-label="Speaker"' in html and ".table thead { display: none; }" in html


def test_two_agreeing_reports_are_both_not_all_two() -> None:
    report = build_report(SMALL)
    reasons = [g["reason"] for g in report["claim_groups"] if g["status"] == "consistent"]
    assert reasons and all("all 2 " not in r for r in reasons)
    assert any(r.startswith("both reports give") for r in reasons)
