"""One meaning per file for every reader: duplicate keys, NaN/Infinity, YAML 1.2 metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.report.json_format import render_json
from tracker.report.model import build_report

ARTICLE = "Headline about the city\n\nThe mayor said “we will rebuild the bridge” after 12 people were hurt.\n"


@pytest.fixture
def claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", "in", "--out", "claims", "-q"]).exit_code == 0
    return tmp_path / "claims"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_duplicated_key_is_refused_by_report_as_by_check(claims: Path) -> None:
    _edit(claims / "a.yaml", "  title:", "  title: first\n  title:")
    runner = CliRunner()
    check = runner.invoke(main, ["check", "claims"])
    assert check.exit_code == 1 and "duplicate" in check.output.lower()
    for fmt in ("md", "json"):
        report = runner.invoke(main, ["report", "claims", "--format", fmt])
        assert report.exit_code == 1 and report.output.startswith("claims/a.yaml:7:3: [error] malformed YAML: ")
        assert "duplicate key 'title'" in report.output
    (claims / "_reviews.yaml").write_text("claim_groups: {}\nclaim_groups: {}\n", encoding="utf-8")
    _edit(claims / "a.yaml", "  title: first\n", "")
    report = runner.invoke(main, ["report", "claims"])
    assert report.exit_code == 1 and "_reviews.yaml:2:1: [error] malformed YAML: duplicate key 'claim_groups'" in (
        report.output)


@pytest.mark.parametrize("spelling", [".nan", ".inf", "-.inf"])
def test_nan_and_infinity_are_null_in_json_and_a_check_error(claims: Path, spelling: str) -> None:
    _edit(claims / "a.yaml", "value: 12", f"value: {spelling}")
    runner = CliRunner()
    data = json.loads(render_json(build_report(claims)), parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert [c["value"] for c in data["claims"]] == [None]
    check = runner.invoke(main, ["check", "claims"])
    [line] = [ln for ln in check.output.splitlines() if "[error]" in ln]
    assert check.exit_code == 1 and "claim value must be a finite number" in line and "(value)" in line
    report = runner.invoke(main, ["report", "claims", "--format", "json"])  # one validation: refused alike
    assert report.exit_code == 1 and line in report.output


@pytest.mark.parametrize("where", ["front matter", "sources.yaml"])
def test_metadata_reads_with_yaml_1_2_semantics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """``no`` stays "no" (1.1: false), ``012`` is 12 (1.1: octal 10), ``12:30`` stays "12:30" (1.1: 750)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    meta = "title: no\noutlet: 12:30\nauthors: [012, yes]\n"
    if where == "front matter":
        (tmp_path / "in" / "a.txt").write_text(f"---\n{meta}---\n{ARTICLE}", encoding="utf-8")
    else:
        (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
        indented = "".join(f"  {line}\n" for line in meta.splitlines())
        (tmp_path / "in" / "sources.yaml").write_text(f"a.txt:\n{indented}", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "in", "--out", "claims", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(CliRunner().invoke(main, ["report", "claims", "--format", "json"]).output)
    [article] = data["articles"]
    assert (article["title"], article["outlet"], article["authors"]) == ("no", "12:30", ["12", "yes"])


def test_metadata_safety_scan_still_runs_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"---\ntitle: &x no\noutlet: *x\n---\n{ARTICLE}", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "in", "--out", "claims", "-q"])
    assert result.exit_code == 1
    assert "in/a.txt:2: front matter uses a YAML anchor ('x'), which is not allowed here" in result.output
