"""--format sqlite: the seeds' database served by Datasette, its views, canned queries and metadata."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from tracker.cli import main
from tracker.report.sqlite_schema import TABLES, UNDECLARED

DARK_NIGHT = "dark night"
#: Seed 000 prints the dark-night quote first; 001 reuses it.
FIRST, REUSER = "000_c9872250243b9f58", "001_67fd44f88288fe61"


@pytest.fixture(scope="module")
def seed_db(seed_claims: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "tracker.db"
    result = CliRunner().invoke(main, ["report", str(seed_claims), "--format", "sqlite", "-o", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _datasette_get(db: Path, path: str) -> Any:
    """A JSON page of Datasette serving ``db`` with its metadata.yml, through its own Python API."""
    from datasette.app import Datasette

    metadata = yaml.safe_load(db.with_name("tracker.metadata.yml").read_text(encoding="utf-8"))

    async def get() -> Any:
        ds = Datasette([str(db)], metadata=metadata)
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


def test_datasette_serves_every_table(seed_db: Path) -> None:
    served = {t["name"]: t for t in _datasette_get(seed_db, "/tracker.json")["tables"]}
    for table in TABLES:
        assert table.name in served, table.name
    assert served["articles"]["count"] == 5
    assert served["quotes"]["count"] > 0 and served["claims"]["count"] > 0


def test_canned_conflicts_query_returns_troops_and_release_year(seed_db: Path) -> None:
    rows = _datasette_get(seed_db, "/tracker/conflicts.json?_shape=array")
    measures = {row["measure"] for row in rows}
    assert measures == {"troop", "release"}
    troops = {(row["outlet"], row["value"]) for row in rows if row["measure"] == "troop"}
    assert (("CNSNews.com", 5200) in troops) and (("CNSNews.com", 5000) in troops)


def test_canned_timeline_query_takes_a_measure(seed_db: Path) -> None:
    rows = _datasette_get(seed_db, "/tracker/timeline.json?_shape=array&measure=troop")
    dates = [row["published"] for row in rows]
    assert rows and dates == sorted(dates) and {row["measure"] for row in rows} == {"troop"}


def test_recycled_quotes_view_holds_the_dark_night_reuse(seed_db: Path) -> None:
    with sqlite3.connect(seed_db) as db:
        rows = db.execute("SELECT first_article, article, reused_text FROM recycled_quotes").fetchall()
    reuse = [r for r in rows if DARK_NIGHT in r[2]]
    assert reuse and all(r[0] == FIRST and r[1] == REUSER for r in reuse)


def test_foreign_keys_hold_and_point_where_declared(seed_db: Path) -> None:
    with sqlite3.connect(seed_db) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = {(r[3], r[2]) for r in db.execute("PRAGMA foreign_key_list(cluster_members)")}
    assert keys == {("cluster", "quote_clusters"), ("quote", "quotes"), ("article", "articles")}


def test_full_text_search_on_quotes_sentences_and_speakers(seed_db: Path) -> None:
    with sqlite3.connect(seed_db) as db:
        quotes = db.execute("SELECT text FROM quotes WHERE rowid IN "
                            "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH '\"dark night\"')").fetchall()
        sentences = db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'troops'").fetchone()[0]
        speakers = db.execute("SELECT count(*) FROM speaker_aliases_fts WHERE speaker_aliases_fts MATCH 'Khazali'"
                              ).fetchone()[0]
    assert quotes and all(DARK_NIGHT in q[0].lower() for q in quotes)
    assert sentences > 0 and speakers >= 2  # "Qais al-Khazali" and "Qais Khazali"


def test_metadata_describes_every_table_and_column(seed_db: Path) -> None:
    meta = yaml.safe_load(seed_db.with_name("tracker.metadata.yml").read_text(encoding="utf-8"))
    tables = meta["databases"]["tracker"]["tables"]
    with sqlite3.connect(seed_db) as db:
        for table in TABLES:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table.name})")]
            described = tables[table.name]["columns"]
            assert tables[table.name]["description"]
            assert set(columns) == set(described), table.name
            assert all(described[c] and described[c] != UNDECLARED for c in columns), table.name
    assert {"conflicts", "recycled", "timeline"} <= set(meta["databases"]["tracker"]["queries"])


def test_without_output_file_is_a_usage_error(runner: CliRunner, seed_claims: Path) -> None:
    result = runner.invoke(main, ["report", str(seed_claims), "--format", "sqlite"])
    assert result.exit_code == 2 and "pass -o" in result.output


def test_missing_extra_is_one_line(runner: CliRunner, seed_claims: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "sqlite_utils", None)  # import fails as if not installed
    result = runner.invoke(main, ["report", str(seed_claims), "--format", "sqlite", "-o", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: --format sqlite needs the 'sqlite' extra: pip install 'tracker[sqlite]'")


def test_reviews_table_holds_a_settled_group(seed_claims: Path, tmp_path: Path) -> None:
    import json
    import shutil

    folder = tmp_path / "claims"
    shutil.copytree(seed_claims, folder)
    report = json.loads(CliRunner().invoke(main, ["report", str(folder), "--format", "json"]).output)
    troop = next(g["id"] for g in report["claim_groups"] if g["measure"] == "troop")
    (folder / "_reviews.yaml").write_text(f"claim_groups:\n  {troop}:\n    status: confirmed\n    by: ed\n"
                                          "    resolved: DoD figure is 5,200\n", encoding="utf-8")
    db = tmp_path / "tracker.db"
    assert CliRunner().invoke(main, ["report", str(folder), "--format", "sqlite", "-o", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT target_table, target, status, by, resolved FROM reviews").fetchall()
        resolved = conn.execute("SELECT review_resolved FROM claim_groups WHERE id = ?", (troop,)).fetchall()
        still = conn.execute("SELECT count(*) FROM conflicts_by_outlet WHERE measure = 'troop'").fetchone()[0]
    assert rows == [("claim_groups", troop, "confirmed", "ed", "DoD figure is 5,200")]
    assert resolved == [("DoD figure is 5,200",)] and still == 0  # a settled conflict leaves the conflicts view
