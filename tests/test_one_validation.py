"""One validation everywhere: what makes `tracker check` fail makes `run` and `report` fail too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main

ARTICLE = (
    "Mayor vows to rebuild\n\n"
    "The mayor said “we will rebuild the bridge by spring” on Monday. About 200 people attended the meeting.\n"
)
CONFIRMED = "review: {status: confirmed, by: ed, note: null}"
UNREVIEWED = "review: {status: unreviewed, by: null, note: null}"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with one article extracted into claims/ by `tracker run`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "in"])
    assert result.exit_code == 0, result.output
    return tmp_path


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; the 1-based line of the edit."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


EDITS = {
    "dangling same_as": (UNREVIEWED, "review: {status: confirmed, same_as: [nowhere/q1]}", "unknown-ref",
                         "correct the ARTICLE-ID/RECORD-ID or remove the entry"),
    "misspelled status": (UNREVIEWED, "review: {status: confirmd}", "value", "did you mean 'confirmed'?"),
    "unknown key": ("    cue: said\n", "    cue: said\n    speakr: Ed\n", "unknown-key", "did you mean"),
}


@pytest.mark.parametrize("case", sorted(EDITS))
@pytest.mark.parametrize("command", [["check", "claims"], ["run", "in"], ["report", "claims"],
                                     ["report", "claims", "--format", "csv", "-o", "tables"]])
def test_claim_file_errors_fail_every_command(folder: Path, case: str, command: list[str]) -> None:
    old, new, rule, fix = EDITS[case]
    line = _edit(folder / "claims" / "a.yaml", old, new)
    if case == "unknown key":
        line += 1
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1, result.output
    found = re.search(rf"claims/a\.yaml:{line}:(\d+): \[error\] (.*) \({rule}\)", result.output)
    assert found is not None, result.output
    assert fix in found.group(2)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["check", "claims"], ["run", "in"], ["report", "claims"]])
def test_unknown_group_key_fails_every_command(folder: Path, command: list[str]) -> None:
    (folder / "claims" / "_reviews.yaml").write_text(
        "claim_groups:\n  cg-gone: {status: confirmed, by: ed, resolved: same figure}\n", encoding="utf-8")
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1, result.output
    assert ("claims/_reviews.yaml:2:3: [error] no claim group 'cg-gone' in the report, so this review applies to "
            "nothing; move the review to the claim group's current id") in result.output


def test_a_valid_folder_still_reports(folder: Path) -> None:
    _edit(folder / "claims" / "a.yaml", UNREVIEWED, CONFIRMED)
    result = CliRunner().invoke(main, ["report", "claims"])
    assert result.exit_code == 0 and "[error]" not in result.output
