from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker import __version__
from tracker.cli import main, safe

COMMANDS = ["extract", "report", "run", "check", "schema", "diff"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["report", "x", "--format", "pdf"]).exit_code == 2


def test_missing_input_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'nope'}: no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_bad_file_is_reported_and_the_rest_extracted(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Headline\n\nThe mayor said “we will rebuild.”\n", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(main, ["extract", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"Error: {src / 'bad.txt'}: binary file" in result.output
    assert (tmp_path / "out" / "good.yaml").exists()


def test_report_json_contract(seed_claims: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(seed_claims), "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert {"articles", "quote_clusters", "claim_groups"} <= set(report)
    quote_ids = {(m["article"], m["quote_id"]) for c in report["quote_clusters"] for m in c["members"]}
    total = sum(1 for c in report["quote_clusters"] for _ in c["members"])
    assert len(quote_ids) == total  # every quote in exactly one cluster
    for cluster in report["quote_clusters"]:
        assert {"id", "speaker", "canonical", "first_seen", "members"} <= set(cluster)
    for group in report["claim_groups"]:
        assert group["status"] in ("conflict", "consistent")
        assert len({v["article"] for v in group["values"]}) >= 2


def test_run_writes_claims_and_report(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import SEEDS

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["run", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert Path("report.md").read_text(encoding="utf-8").startswith("# Cross-source consistency report")
    assert len(list(Path("claims").glob("*.yaml"))) == 5
    assert "conflicts" in result.output


def test_check_reports_problems_with_file_line_and_rule(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text(
        "article: {id: x, path: x.txt, sha256: abc}\n"
        "quotes:\n"
        "- id: q1\n  text: hi\n  spans: [[0, 2]]\n  kind: direct\n  speker: Bob\n"
        "  review: {status: aproved}\n"
        "claims:\n"
        "- id: c1\n  value: five\n  approximate: false\n  surface: five\n  span: [0, 99999]\n",
        encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    out = result.output
    assert f"{bad}:7:3: [error] unknown key 'speker' in quote; did you mean 'speaker'? (unknown-key)" in out
    assert "review status 'aproved' is not one of" in out and "did you mean 'approved'" not in out
    assert f"{bad}:11:3: [error] claim value must be a number, not 'five' (type)" in out


def test_terminal_output_strips_escape_sequences() -> None:
    assert safe("ok\x1b[31mred\x07") == "ok[31mred"


def test_repeated_article_ids_in_a_collection(runner: CliRunner, tmp_path: Path) -> None:
    same = tmp_path / "same.jsonl"
    same.write_text('{"id": "a", "text": "One text."}\n{"id": "a", "text": "One text."}\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(same), "--out", str(tmp_path / "o1")])
    assert result.exit_code == 0
    assert f"Warning: {same}:2: article 'a' repeats {same}:1 word for word; skipped" in result.output
    clash = tmp_path / "clash.jsonl"
    clash.write_text('{"id": "a", "text": "One text."}\n{"id": "a", "text": "Another."}\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(clash), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 1
    assert f"Error: {clash}:2: article id 'a' is already used by {clash}:1" in result.output
