"""tracker run --format: the main job writes one or several report formats beside --report."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from helpers import SEEDS

from tracker.cli import main


def test_run_writes_each_format_beside_the_report(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.md"
    result = runner.invoke(main, ["run", str(SEEDS), "--out", str(tmp_path / "claims"), "--report", str(report),
                                  "-f", "html", "-f", "sqlite", "-f", "claimreview", "-f", "html"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in report.parent.iterdir())
    assert written == ["report.claimreview.jsonld", "report.db", "report.html", "report.metadata.yml"]
    assert (report.parent / "report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    with sqlite3.connect(report.parent / "report.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert json.loads((report.parent / "report.claimreview.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert "report.html, report.db, report.claimreview.jsonld" in result.output.replace(str(report.parent) + "/", "")


def test_run_without_format_writes_markdown_only(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "out" / "summary.md"
    result = runner.invoke(main, ["run", str(SEEDS), "--out", str(tmp_path / "claims"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in report.parent.iterdir()) == ["summary.md"]
