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


QUOTE = "we will build ten new schools across the northern region this year"


def test_a_reviewed_quote_cluster_keeps_its_id_when_an_older_article_joins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name, day in (("b", "10"), ("c", "11")):
        (tmp_path / "in" / f"{name}.txt").write_text(
            f"---\ntitle: Schools\noutlet: Paper {day}\npublished: 2024-03-{day}\n---\n"
            f"The minister said “{QUOTE}” at the launch.\n", encoding="utf-8")
    cli("run", "in")

    def cluster() -> dict[str, Any]:
        rep = json.loads(cli("report", "claims", "--format", "json"))
        [found] = [c for c in rep["quote_clusters"] if "schools" in c["canonical"]]
        return dict(found)

    before = cluster()
    (tmp_path / "claims" / "_reviews.yaml").write_text(
        f"quote_clusters:\n  {before['id']}: {{status: confirmed, by: ed, note: same speech}}\n", encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text(
        f"---\ntitle: Schools\noutlet: Paper 09\npublished: 2024-03-09\n---\nThe minister said “{QUOTE}”.\n",
        encoding="utf-8")
    cli("run", "in")
    after = cluster()
    assert after["first_seen"]["article"] == "a" and len(after["members"]) == 3
    assert after["id"] == before["id"] and after["review"]["note"] == "same speech"
