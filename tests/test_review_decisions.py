"""Review decisions steer matching and the report, end to end through the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tracker.claimfile.yaml_roundtrip import dump, load_roundtrip
from tracker.cli import main

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
    if "text" in change:
        record.pop("auto", None)  # a record written by hand: check's edited-id rule is for extracted ones
    buffer = io.StringIO(dump(doc))
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return f"{article}/{record['id']}"


def ref(folder: Path, article: str, section: str, match: str) -> str:
    return edit(folder, article, section, match, {})


def cluster_of(rep: dict[str, Any], article: str, match: str = "schools") -> dict[str, Any]:
    """The one cluster holding ``article``'s quote whose text contains ``match``.

    The extractor also reports each article's reported speech ("Officials said 40 people ..."),
    so an article has several quotes: pick the direct quote by its text.
    """
    [cluster] = [c for c in rep["quote_clusters"]
                 if any(m["article"] == article and match in m["text"] for m in c["members"])]
    return cluster


def groups_of(rep: dict[str, Any], article: str, claim_match: str = "killed") -> list[dict[str, Any]]:
    """The claim groups holding ``article``'s claim whose sentence contains ``claim_match``."""
    return [g for g in rep["claim_groups"]
            if any(v["article"] == article and claim_match in v["sentence"] for v in g["values"])]


def measures(rep: dict[str, Any]) -> list[str]:
    return sorted(str(g["measure"]) for g in rep["claim_groups"])


def test_quotes_cluster_and_different_from_splits_them(folder: Path) -> None:
    rep = report()
    assert [m["article"] for m in cluster_of(rep, "a")["members"]] == ["a", "b"]  # recycled across both articles
    assert cluster_of(rep, "b")["id"] == cluster_of(rep, "a")["id"]
    assert cluster_of(rep, "a")["review"] == {"status": "unreviewed", "by": None, "note": None}
    assert rep["summary"]["recycled_quotes"] == 1  # the minister's quote; the reported tolls differ
    edit(folder, "b", "quotes", "schools", {"review": {"different_from": [ref(folder, "a", "quotes", "schools")]}})
    rep = report()
    assert [m["article"] for m in cluster_of(rep, "a")["members"]] == ["a"]
    assert [m["article"] for m in cluster_of(rep, "b")["members"]] == ["b"]
    assert rep["summary"]["recycled_quotes"] == 0


def test_same_as_joins_quotes_the_matcher_keeps_apart(folder: Path) -> None:
    edit(folder, "b", "quotes", "schools", {"text": "we shall build new schools", "review": {"status": "confirmed"}})
    # b's quote now reads differently: on its own it would be a separate cluster ...
    assert [m["article"] for m in cluster_of(report(), "b")["members"]] == ["b"]
    # ... until a reviewer says it is the same quote.
    edit(folder, "b", "quotes", "schools", {"review": {"same_as": [ref(folder, "a", "quotes", "schools")]}})
    rep = report()
    assert [m["article"] for m in cluster_of(rep, "b")["members"]] == ["a", "b"]
    assert rep["summary"]["recycled_quotes"] == 1


def test_rejected_quotes_leave_the_report_and_corrected_speakers_name_the_cluster(folder: Path) -> None:
    # "The minister" introduces no one by name: the description stands as the article writes it
    assert cluster_of(report(), "a")["speaker"] == "The minister"
    edit(folder, "a", "quotes", "schools", {"speaker": "Minister Jane Roe"})
    rep = report()
    assert cluster_of(rep, "a")["speaker"] == "Minister Jane Roe"
    assert rep["summary"]["quotes"] == 4  # per article: the minister's quote and the officials' reported toll
    edit(folder, "b", "quotes", "schools", {"review": {"status": "rejected", "by": "ed"}})
    rep = report()
    assert [m["article"] for m in cluster_of(rep, "a")["members"]] == ["a"]
    assert rep["summary"]["quotes"] == 3
    assert not any(m["article"] == "b" and "schools" in m["text"] for c in rep["quote_clusters"] for m in c["members"])


def test_claims_group_once_measured_conflict_and_are_resolved(folder: Path) -> None:
    # The extractor measured both tolls ("killed"): they group, and conflict. (The ten schools
    # inside the recycled quote group too, consistently.)
    rep = report()
    assert measures(rep) == ["killed", "school"]
    [group] = groups_of(rep, "a")
    assert group["status"] == "conflict" and group["review"]["status"] == "unreviewed"
    assert {(v["article"], v["value"]) for v in group["values"]} == {("a", 40), ("b", 45)}
    # Grouping follows the measure: a reviewer who clears one leaves nothing to compare ...
    a = edit(folder, "a", "claims", "killed", {"measure": None})
    assert measures(report()) == ["school"]
    # ... and a measure a reviewer sets groups them again.
    edit(folder, "a", "claims", "killed", {"measure": "killed"})
    [group] = groups_of(report(), "a")
    assert group["status"] == "conflict"
    assert "unresolved conflict" in cli("check", "--strict", "claims", code=1)
    # A reviewer settles it on the claim ...
    edit(folder, "b", "claims", "killed", {"review": {"status": "confirmed", "resolved": "45 is the later count"}})
    [group] = groups_of(report(), "a")
    assert group["status"] == "consistent" and "45 is the later count" in group["reason"]
    assert "unresolved conflict" not in cli("check", "--strict", "claims", code=1)  # unreviewed records remain
    # ... or says the two are different figures: no group at all.
    edit(folder, "b", "claims", "killed", {"review": {"resolved": None, "different_from": [a]}})
    rep = report()
    assert groups_of(rep, "a") == [] and groups_of(rep, "b") == []
    assert measures(rep) == ["school"]


def test_group_and_cluster_reviews_live_in_reviews_file_and_reach_the_report(folder: Path) -> None:
    rep = report()
    [group] = groups_of(rep, "a")
    assert group["status"] == "conflict"
    group_id, cluster_id = group["id"], cluster_of(rep, "a")["id"]
    (folder / "_reviews.yaml").write_text(
        f"quote_clusters:\n  {cluster_id}: {{status: confirmed, by: ed, note: same speech}}\n"
        f"claim_groups:\n  {group_id}: {{status: confirmed, by: ed, resolved: toll rose overnight}}\n",
        encoding="utf-8")
    rep = report()
    assert cluster_of(rep, "a")["review"] == {"status": "confirmed", "by": "ed", "note": "same speech"}
    assert cluster_of(rep, "a", "killed")["review"]["status"] == "unreviewed"  # only the cluster named
    [group] = groups_of(rep, "a")
    assert group["id"] == group_id
    assert group["review"]["resolved"] == "toll rose overnight"
    assert group["status"] == "consistent" and "toll rose overnight" in group["reason"]
    [schools] = groups_of(rep, "a", "schools")
    assert schools["review"]["status"] == "unreviewed"
    assert rep["summary"]["conflicts"] == 0
    assert "conflict" not in cli("check", "--strict", "claims", code=1)  # only unreviewed records remain
