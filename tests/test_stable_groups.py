"""Group ids and their ``_reviews.yaml`` resolutions survive older articles joining the group."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tracker.claimfile.yaml_roundtrip import load_plain
from tracker.cli import main


def article(day: str, toll: int) -> str:
    return (f"---\ntitle: Flood toll\noutlet: Paper {day}\npublished: 2024-03-{day}\n---\n"
            f"Officials said {toll} people were killed in the flood in Springfield.\n")


def cli(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


def toll_group() -> dict[str, Any]:
    rep = json.loads(cli("report", "claims", "--format", "json"))
    [group] = [g for g in rep["claim_groups"] if g["measure"] == "killed"]
    return dict(group)


@pytest.fixture
def resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Two articles disagree (40, 45); a reviewer resolves their group; a run records what it covered."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.txt").write_text(article("10", 40), encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(article("11", 45), encoding="utf-8")
    cli("run", "in")
    group = toll_group()
    assert group["status"] == "conflict"
    (tmp_path / "claims" / "_reviews.yaml").write_text(
        "claim_groups:\n  # the toll rose\n"
        f"  {group['id']}: {{status: confirmed, by: ed, resolved: toll rose overnight}}\n", encoding="utf-8")
    cli("run", "in")  # records the values the resolution covers, before anything new joins
    reviews = load_plain(tmp_path / "claims" / "_reviews.yaml")
    assert reviews["claim_groups"][group["id"]]["covers"] == [40, 45]
    assert "# the toll rose" in (tmp_path / "claims" / "_reviews.yaml").read_text(encoding="utf-8")
    return str(group["id"])


def test_an_older_article_repeating_a_resolved_value_keeps_the_resolution(resolved: str) -> None:
    Path("in/a.txt").write_text(article("09", 40), encoding="utf-8")  # older than both: the group's first
    cli("run", "in")
    group = toll_group()
    assert len(group["values"]) == 3
    assert group["id"] == resolved  # not renamed after its new earliest member
    assert group["status"] == "consistent" and "toll rose overnight" in group["reason"]
    assert group["reopened"] is None
    assert "unknown" not in cli("check", "claims")


def test_an_older_article_with_a_new_value_reopens_it_with_the_reason(resolved: str) -> None:
    Path("in/a.txt").write_text(article("09", 38), encoding="utf-8")
    cli("run", "in")
    group = toll_group()
    assert group["id"] == resolved
    assert group["status"] == "conflict"
    assert "Paper 09 (2024-03-09) says “38”" in group["reopened"]
    assert "covered 40, 45" in group["reopened"]
    assert "reopened" in cli("report", "claims")  # the Markdown report says why
