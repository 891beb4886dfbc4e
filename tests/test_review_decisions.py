"""Review decisions steer matching and the report, end to end through the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.yamlio import dump, load_roundtrip

QUOTE = "we will build ten new schools across the northern region this year"
ARTICLES = {
    "a.txt": f"Schools and floods\n\nThe minister said “{QUOTE}” at the launch. Officials said 40 people were "
             "killed in the flood in Springfield on Sunday.\n",
    "b.txt": f"Flood toll rises\n\nThe minister said “{QUOTE}” on Monday. Officials said 45 people were "
             "killed in the flood in Springfield on Sunday.\n",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    cli("extract", "in", "--out", "claims", "--quiet")
    return tmp_path / "claims"


def cli(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


def report() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(cli("report", "claims", "--format", "json"))
    return data


def edit(folder: Path, article: str, section: str, match: str, change: dict[str, Any]) -> str:
    """Edit the one record of ``section`` whose text/surface contains ``match``; returns its ref."""
    path = folder / f"{article}.yaml"
    doc = load_roundtrip(path)
    [record] = [r for r in doc[section] if match in (r.get("text") or r.get("sentence") or "")]
    for key, value in change.items():
        if key == "review":
            record["review"].update(value)
        else:
            record[key] = value
    buffer = io.StringIO(dump(doc))
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return f"{article}/{record['id']}"


def ref(folder: Path, article: str, section: str, match: str) -> str:
    return edit(folder, article, section, match, {})


def cluster_of(rep: dict[str, Any], article: str) -> dict[str, Any]:
    [cluster] = [c for c in rep["quote_clusters"] if any(m["article"] == article for m in c["members"])]
    return cluster


def test_quotes_cluster_and_different_from_splits_them(folder: Path) -> None:
    assert len(cluster_of(report(), "a")["members"]) == 2  # recycled across both articles
    assert cluster_of(report(), "a")["review"] == {"status": "unreviewed", "by": None, "note": None}
    edit(folder, "b", "quotes", "schools", {"review": {"different_from": [ref(folder, "a", "quotes", "schools")]}})
    rep = report()
    assert len(cluster_of(rep, "a")["members"]) == 1 and len(cluster_of(rep, "b")["members"]) == 1
    assert rep["summary"]["recycled_quotes"] == 0


def test_same_as_joins_quotes_the_matcher_keeps_apart(folder: Path) -> None:
    edit(folder, "b", "quotes", "schools", {"text": "we shall build new schools", "review": {"status": "confirmed"}})
    # b's quote now reads differently: on its own it would be a separate cluster ...
    assert len(cluster_of(report(), "b")["members"]) == 1
    # ... until a reviewer says it is the same quote.
    edit(folder, "b", "quotes", "schools", {"review": {"same_as": [ref(folder, "a", "quotes", "schools")]}})
    assert len(cluster_of(report(), "b")["members"]) == 2


def test_rejected_quotes_leave_the_report_and_corrected_speakers_name_the_cluster(folder: Path) -> None:
    edit(folder, "a", "quotes", "schools", {"speaker": "Minister Jane Roe"})
    assert cluster_of(report(), "a")["speaker"] == "Minister Jane Roe"
    edit(folder, "b", "quotes", "schools", {"review": {"status": "rejected", "by": "ed"}})
    rep = report()
    assert [m["article"] for m in cluster_of(rep, "a")["members"]] == ["a"]
    assert rep["summary"]["quotes"] == 1


def test_claims_group_once_measured_conflict_and_are_resolved(folder: Path) -> None:
    assert report()["claim_groups"] == []  # the extractor left measure empty: nothing to compare
    a = edit(folder, "a", "claims", "killed", {"measure": "killed"})
    edit(folder, "b", "claims", "killed", {"measure": "killed"})
    [group] = report()["claim_groups"]
    assert group["status"] == "conflict" and group["review"]["status"] == "unreviewed"
    assert {v["value"] for v in group["values"]} == {40, 45}
    cli("check", "--strict", "claims", code=1)
    # A reviewer settles it on the claim ...
    edit(folder, "b", "claims", "killed", {"review": {"status": "confirmed", "resolved": "45 is the later count"}})
    [group] = report()["claim_groups"]
    assert group["status"] == "consistent" and "45 is the later count" in group["reason"]
    # ... or says the two are different figures: no group at all.
    edit(folder, "b", "claims", "killed", {"review": {"resolved": None, "different_from": [a]}})
    assert report()["claim_groups"] == []


def test_group_and_cluster_reviews_live_in_reviews_file_and_reach_the_report(folder: Path) -> None:
    edit(folder, "a", "claims", "killed", {"measure": "killed"})
    edit(folder, "b", "claims", "killed", {"measure": "killed"})
    rep = report()
    group_id, cluster_id = rep["claim_groups"][0]["id"], cluster_of(rep, "a")["id"]
    (folder / "_reviews.yaml").write_text(
        f"quote_clusters:\n  {cluster_id}: {{status: confirmed, by: ed, note: same speech}}\n"
        f"claim_groups:\n  {group_id}: {{status: confirmed, by: ed, resolved: toll rose overnight}}\n",
        encoding="utf-8")
    rep = report()
    assert cluster_of(rep, "a")["review"] == {"status": "confirmed", "by": "ed", "note": "same speech"}
    [group] = rep["claim_groups"]
    assert group["review"]["resolved"] == "toll rose overnight"
    assert group["status"] == "consistent" and "toll rose overnight" in group["reason"]
    assert "conflict" not in cli("check", "--strict", "claims", code=1)  # only unreviewed records remain
