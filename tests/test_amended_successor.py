"""An amended quote's new record points at its reviewed predecessor and says how it was reviewed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from tracker.claimfile.yaml_roundtrip import dump, load_roundtrip
from tracker.cli import main

BEFORE = ("Mayor vows to rebuild\n\nThe mayor said “we will rebuild the old bridge by spring and open it in May” "
          "on Monday.\n\nResidents said “we are tired of waiting for the council” and left.\n")
AFTER = BEFORE.replace("open it in May", "open it in June")


def extract() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["extract", "in", "--out", "claims", "--quiet"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = yaml.safe_load(Path("claims/a.yaml").read_text(encoding="utf-8"))
    return data


def quote(data: dict[str, Any], words: str, orphaned: bool = False) -> dict[str, Any]:
    [found] = [q for q in data["quotes"] if words in q["text"] and bool(q.get("orphaned")) == orphaned]
    return found


@pytest.fixture
def reviewed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BEFORE, encoding="utf-8")
    data = extract()
    old = quote(data, "bridge")
    path = tmp_path / "claims" / "a.yaml"
    doc = load_roundtrip(path)
    [record] = [q for q in doc["quotes"] if q["id"] == old["id"]]
    record["review"].update({"status": "confirmed", "by": "ed", "note": "on the tape"})
    path.write_text(dump(doc), encoding="utf-8")
    return str(old["id"])


def test_an_amended_quote_points_at_its_confirmed_predecessor(reviewed: str) -> None:
    Path("in/a.txt").write_text(AFTER, encoding="utf-8")
    data = extract()
    old = quote(data, "bridge", orphaned=True)
    assert old["id"] == reviewed and old["review"]["status"] == "confirmed"
    new = quote(data, "June")
    assert new["predecessor"] == reviewed
    assert new["review"]["status"] == "unreviewed"  # a person re-checks it
    assert new["review"]["note"].startswith("was confirmed by ed; re-check")
    assert "on the tape" in new["review"]["note"]
    assert "predecessor" not in quote(data, "tired")  # an unrelated quote is no successor
    check = CliRunner().invoke(main, ["check", "claims"])
    assert check.exit_code == 0 and f"{new['id']} amends it" in check.output
    assert extract() == data  # a second run changes nothing


def test_an_unrelated_new_quote_is_no_successor(reviewed: str) -> None:
    Path("in/a.txt").write_text(BEFORE.replace("we will rebuild the old bridge by spring and open it in May",
                                               "taxes are going up for every household next year"),
                                encoding="utf-8")
    data = extract()
    assert "predecessor" not in quote(data, "taxes")
    assert quote(data, "taxes")["review"]["note"] is None
