"""The CSV writer: exact tables on the small fixture, the folder of tables, formula guarding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from helpers import ROOT, valid_small

from tracker.cli import main
from tracker.report.csv import TABLES, cell, csv_files, render_csv
from tracker.report.model import build_report

SMALL = ROOT / "tests" / "fixtures" / "small" / "claims"
EXPECTED = ROOT / "tests" / "fixtures" / "small" / "expected"
FILES = ["articles.csv", "claims.csv", "cluster_members.csv", "corrections.csv", "group_values.csv",
         "misattributions.csv", "quotes.csv", "version_changes.csv"]


def expected(name: str) -> str:
    return (EXPECTED / name).read_text(encoding="utf-8")


def test_every_table_exact() -> None:
    files = csv_files(build_report(SMALL))
    assert sorted(files) == FILES
    for name, text in files.items():
        assert text == expected(name), name


def test_stdout_is_the_group_values_table(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(valid_small(tmp_path)), "--format", "csv"])
    assert result.exit_code == 0
    assert result.output == expected("group_values.csv") == render_csv(build_report(SMALL))


def test_output_folder_gets_every_table(runner: CliRunner, tmp_path: Path) -> None:
    out, folder = tmp_path / "tables", valid_small(tmp_path)
    result = runner.invoke(main, ["report", str(folder), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert sorted(p.name for p in out.iterdir()) == FILES
    tables = csv_files(build_report(folder))
    for name in FILES:
        assert (out / name).read_text(encoding="utf-8") == tables[name]
        if name not in ("articles.csv", "claims.csv"):  # the copy differs from the fixture only there
            assert tables[name] == expected(name), name


def test_the_cli_refuses_what_check_flags(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(SMALL), "--format", "csv"])
    assert result.exit_code == 1
    assert f"{SMALL}/b.yaml:39:5: [error] claim value must be a number, not 'unknown' (type)" in result.output


def test_csv_output_onto_a_file_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["report", str(SMALL), "--format", "csv", "-o", str(target)])
    assert result.exit_code == 1
    assert result.output == f"Error: {target}: is a file; with --format csv, -o names a folder for the tables\n"


def test_other_formats_refuse_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(SMALL), "--format", "html", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "is a folder; pass a file name to -o" in result.output


def test_help_documents_the_tables(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", "--help"])
    for name in FILES:
        assert name in result.output
    assert "group values table" in result.output


def test_columns_and_rows_parse_back() -> None:
    report = build_report(SMALL)
    for name, text in csv_files(report).items():
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == TABLES[name.removesuffix(".csv")]
        assert all(len(r) == len(rows[0]) for r in rows)
    assert len(list(csv.reader(io.StringIO(csv_files(report)["quotes.csv"])))) == 1 + len(report["quotes"])


def test_formula_cells_are_neutralised_but_numbers_are_not() -> None:
    assert cell("=SUM(A1)") == "'=SUM(A1)"
    assert cell("+1") == "'+1" and cell("-x") == "'-x" and cell("@x") == "'@x" and cell("\tx") == "'\tx"
    assert cell(-5) == -5 and cell(2.5) == 2.5
    assert cell(True) == "true" and cell(None) == ""
