"""The cache beside the claim files: an unchanged folder's report is read, never recomputed, and
the cache never changes what a report says."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker.report.model
from tracker.cli import main
from tracker.match.cache import CACHE_DIR, CACHE_FILE, MatchCache

ARTICLE_A = (
    "Mayor vows to rebuild\n\n"
    "The mayor said “we will rebuild the old river bridge before the spring floods arrive” on Monday. "
    "About 200 people attended the meeting in Riverton.\n"
)
ARTICLE_B = (
    "Riverton bridge plan\n\n"
    "Mayor Jane Roe said “we will rebuild the old river bridge before the spring floods arrive”. "
    "About 250 people attended the Riverton meeting.\n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "in"])
    assert result.exit_code == 0, result.output
    return tmp_path


def _report(fmt: str = "json") -> str:
    result = CliRunner().invoke(main, ["report", "claims", "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.output


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the report was computed again")

    monkeypatch.setattr(tracker.report.model, "build_report_from", refuse)


def test_unchanged_folder_reads_the_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _report()
    _no_building(monkeypatch)
    assert _report() == first
    assert '"recycled_quotes": 1' in first


def test_deleting_the_cache_changes_no_output(folder: Path) -> None:
    cached = {fmt: _report(fmt) for fmt in ("json", "md", "csv")}
    shutil.rmtree(folder / "claims" / CACHE_DIR)
    assert {fmt: _report(fmt) for fmt in ("json", "md", "csv")} == cached
    assert (folder / "claims" / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_an_edited_claim_file_is_read_again(folder: Path) -> None:
    before = _report()
    path = next((folder / "claims").glob("a*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("status: unreviewed", "status: rejected", 1),
                    encoding="utf-8")
    after = _report()
    assert after != before
    assert '"status": "rejected"' in after


def test_an_article_file_appearing_is_noticed(folder: Path) -> None:
    """Spans are checked against an article's text only when its file is there: a report cached
    without it does not stand once it is back (a hand-edited span would now be an error)."""
    _report()
    path = next((folder / "claims").glob("a*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("spans: [[39, 107]]", "spans: [[39, 99999]]"),
                    encoding="utf-8")
    (folder / "in" / "a.txt").rename(folder / "a.txt.away")
    first = CliRunner().invoke(main, ["report", "claims", "--format", "json"])
    (folder / "a.txt.away").rename(folder / "in" / "a.txt")
    second = CliRunner().invoke(main, ["report", "claims", "--format", "json"])
    assert (first.exit_code, second.exit_code) == (0, 1), second.output


def test_a_corrupt_cache_is_ignored(folder: Path) -> None:
    expected = _report()
    (folder / "claims" / CACHE_DIR / CACHE_FILE).write_bytes(b"not a database at all" * 100)
    assert _report() == expected


def test_only_exact_json_is_stored(tmp_path: Path) -> None:
    cache = MatchCache(tmp_path)
    sha, data = cache.parsed("a: 1\n")
    assert data is None
    cache.store_parsed(sha, {"published": dt.date(2020, 1, 2)})  # a date would come back a string
    assert cache.parsed("a: 1\n")[1] is None
    cache.store_parsed(sha, {"a": 1, "b": [1.0, True, None]})
    assert cache.parsed("a: 1\n")[1] == {"a": 1, "b": [1.0, True, None]}
    cache.close()
    with sqlite3.connect(tmp_path / CACHE_DIR / CACHE_FILE) as db:
        assert db.execute("SELECT count(*) FROM parsed").fetchone() == (1,)


def test_a_cache_from_elsewhere_is_not_believed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache committed by someone else (signed with another key) is ignored, never reported."""
    import tracker.match.cache as cache_module

    expected = _report()
    with monkeypatch.context() as patch:
        patch.setattr(cache_module, "_secret", lambda: b"k" * cache_module.KEY_BYTES)
        _no_building(patch)
        result = CliRunner().invoke(main, ["report", "claims", "--format", "json"])
    assert result.exit_code == 3  # the refusal above: the foreign cache was not read
    assert _report() == expected


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_an_unchanged_folder_is_not_rendered_again(folder: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """On a large folder decoding the cached model and serialising it again is most of a cached run."""
    first = _report(fmt)

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the model was read or rendered again")

    monkeypatch.setattr(MatchCache, "report", refuse)
    monkeypatch.setattr("tracker.cli._render", refuse)
    assert _report(fmt) == first
    result = CliRunner().invoke(main, ["run", "in"])  # the summary line comes from the cache too
    assert result.exit_code == 0, result.output
    assert "1 recycled" in result.output


def test_a_rendered_report_follows_an_edit(folder: Path) -> None:
    before = _report("md")
    path = next((folder / "claims").glob("b*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("status: unreviewed", "status: rejected", 1),
                    encoding="utf-8")
    assert _report("md") != before
