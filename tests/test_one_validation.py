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
    "tab only libyaml accepts": ("    cue: said\n", "    cue:\tsaid\n", "syntax", "YAML indents with spaces only"),
    "unknown key": ("    cue: said\n", "    cue: said\n    speakr: Ed\n", "unknown-key", "did you mean"),
}


@pytest.mark.parametrize("case", sorted(EDITS))
@pytest.mark.parametrize("command", [["check", "claims"], ["run", "in"], ["report", "claims"],
                                     ["report", "claims", "--format", "csv", "-o", "tables"]])
def test_claim_file_errors_fail_every_command(folder: Path, case: str, command: list[str]) -> None:
    old, new, rule, fix = EDITS[case]
    line = _edit(folder / "claims" / "a.yaml", old, new)
    line += case == "unknown key"  # the added line follows the one edited
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


# (line 6 of the claim file, the title, replaced by; line:col an editor shows; words in the message)
SYNTAX = [
    ('  title: "Mayor vows\n', "6:10", "this double-quoted value is not closed on its line"),
    ("  title: [Mayor, vows\n", "6:10", "the list opened with '[' here is not closed with ']'"),
    ("  title: Mayor: vows\n", "6:15", "a ': ' inside a value is read as a new key"),
    ("  title: 2020-13-45\n", "6:10", "'2020-13-45' reads as a date but is not a real one"),
    ("  title: a\n  title: b\n", "7:3", "duplicate key 'title'"),
]


@pytest.mark.parametrize(("line", "place", "words"), SYNTAX)
@pytest.mark.parametrize("command", [["check", "claims"], ["run", "in"], ["report", "claims"]])
def test_yaml_errors_at_the_place_an_editor_shows(folder: Path, command: list[str], line: str, place: str,
                                                  words: str) -> None:
    path = folder / "claims" / "a.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[5].startswith("  title: ")
    path.write_text("".join([*lines[:5], line, *lines[6:]]), encoding="utf-8")
    before = path.read_bytes()
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1, result.output
    messages = re.findall(rf"claims/a\.yaml:{place}: (?:\[error\] )?(.*)", result.output)
    assert messages and all(words in m and "fix it in an editor" in m for m in messages), result.output
    assert len(messages) == len(re.findall(r"a\.yaml:\d+", result.output))  # no other place named
    assert not re.search(r"\b(remove|delete)\b", result.output)
    assert path.read_bytes() == before  # the reviews in it are kept
