"""Re-runs after a folder grows: every output equals a from-scratch run's, with or without the
cache, and rules the cache lets a re-run skip still catch what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker.commands.check
from tracker.cli import main
from tracker.match.cache import CACHE_DIR

ARTICLES = {
    "a.txt": "Mayor vows to rebuild\n\nThe mayor said “we will rebuild the old river bridge before the spring "
             "floods arrive” on Monday. About 200 people attended the meeting in Riverton.\n",
    "b.txt": "Riverton bridge plan\n\nMayor Jane Roe said “we will rebuild the old river bridge before the spring "
             "floods arrive”. About 250 people attended the Riverton meeting.\n",
}
ADDED = ("c.txt", "Bridge meeting draws crowd\n\nJane Roe, the mayor, told reporters “we will rebuild the old river "
                  "bridge before the spring floods arrive”. About 300 people attended the Riverton meeting.\n")


def _run(where: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> None:
    monkeypatch.chdir(where)
    result = CliRunner().invoke(main, ["run", "in", "--format", "md", "--format", "json", *extra])
    assert result.exit_code == 0, result.output


def _outputs(where: Path) -> dict[str, bytes]:
    """Every claim file and report, by name (the cache folder left out)."""
    files = {f"claims/{p.name}": p.read_bytes() for p in sorted((where / "claims").glob("*.yaml"))}
    reports = {name: (where / name).read_bytes() for name in ("report.md", "report.json")}
    return {**files, **reports}


def _folder(where: Path, names: dict[str, str]) -> Path:
    (where / "in").mkdir(parents=True)
    for name, text in names.items():
        (where / "in" / name).write_text(text, encoding="utf-8")
    return where


def test_one_added_article_gives_a_fresh_runs_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grown = _folder(tmp_path / "grown", ARTICLES)
    _run(grown, monkeypatch)
    before = _outputs(grown)
    (grown / "in" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    _run(grown, monkeypatch)
    after = _outputs(grown)
    fresh = _folder(tmp_path / "fresh", {**ARTICLES, ADDED[0]: ADDED[1]})
    _run(fresh, monkeypatch)
    assert after == _outputs(fresh)
    assert after["report.json"] != before["report.json"]  # the new article is in it
    shutil.rmtree(grown / "claims" / CACHE_DIR)
    _run(grown, monkeypatch)
    assert _outputs(grown) == after


def test_a_rerun_skips_the_rules_of_unchanged_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grown = _folder(tmp_path, ARTICLES)
    _run(grown, monkeypatch)
    checked: list[Path] = []
    real = tracker.commands.check._check_document

    def counting(checker: tracker.commands.check._Checker, *args: object, **kwargs: object) -> object:
        checked.append(checker.path)
        return real(checker, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tracker.commands.check, "_check_document", counting)
    (grown / "in" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    _run(grown, monkeypatch)
    assert [p.name for p in checked] == ["c.yaml"]


def test_an_edited_claim_file_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grown = _folder(tmp_path, ARTICLES)
    _run(grown, monkeypatch)
    path = grown / "claims" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: unreviewed", "status: aproved", 1),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "claims"])
    assert result.exit_code != 0
    assert "aproved" in result.output


def test_a_link_to_a_deleted_file_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grown = _folder(tmp_path, ARTICLES)
    _run(grown, monkeypatch)
    path = grown / "claims" / "a.yaml"
    other = (grown / "claims" / "b.yaml").read_text(encoding="utf-8")
    ref = "b/" + other.split("- id: ", 1)[1].split("\n", 1)[0].strip()
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{status: unreviewed,", f"{{status: unreviewed, same_as: [{ref}],", 1), encoding="utf-8")
    assert CliRunner().invoke(main, ["report", "claims"]).exit_code == 0
    (grown / "claims" / "b.yaml").unlink()
    result = CliRunner().invoke(main, ["report", "claims"])
    assert result.exit_code != 0
    assert "not in this folder" in result.output
