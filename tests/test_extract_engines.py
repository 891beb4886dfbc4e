"""``--jobs``, the extraction cache and the Dask engine: the same claim files whatever runs the work."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import SEEDS

import tracker.commands.extract_cache as extract_cache
import tracker.commands.extract_work as extract_work
from tracker.cli import main


def _files(folder: Path) -> dict[str, bytes]:
    """Every claim file and the schema, by name (the cache folder left out)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _extract(tmp_path: Path, out: str, *args: str, inputs: str = "in") -> Any:
    result = CliRunner().invoke(main, ["extract", inputs, "--out", out, *args])
    return result


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds plus a broken file, so problems travel back from the workers too."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    return folder


def test_two_jobs_write_what_one_writes(articles: Path, tmp_path: Path) -> None:
    one = _extract(tmp_path, "one", "--jobs", "1")
    two = _extract(tmp_path, "two", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1  # the broken file, in both
    assert one.output == two.output.replace("-> two", "-> one")
    assert "broken.txt" in two.output
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert len(_files(tmp_path / "two")) == 6  # five seeds and the schema


def test_a_rerun_skips_unchanged_articles_without_extracting(articles: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert _extract(tmp_path, "claims", "--jobs", "1").exit_code == 1
    before = _files(tmp_path / "claims")
    extracted: list[str] = []
    real = extract_work.extract_one
    monkeypatch.setattr(extract_work, "extract_one", lambda doc: extracted.append(doc.article.id) or real(doc))
    edited = next(iter(sorted((tmp_path / "in").glob("*.txt"))))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe council met 12 times.\n", encoding="utf-8")
    result = _extract(tmp_path, "claims", "--jobs", "1")
    assert extracted == [edited.stem]
    assert "(1 written, 4 unchanged)" in result.output
    assert _files(tmp_path / "claims") != before


def test_deleting_the_cache_changes_no_output(articles: Path, tmp_path: Path) -> None:
    _extract(tmp_path, "claims", "--jobs", "1")
    claim = next(iter(sorted((tmp_path / "claims").glob("*.yaml"))))
    claim.write_text(claim.read_text(encoding="utf-8").replace("status: unreviewed", "status: confirmed", 1),
                     encoding="utf-8")  # a reviewer's edit: the file no longer matches the cache
    _extract(tmp_path, "claims", "--jobs", "1")
    cached = _files(tmp_path / "claims")
    shutil.rmtree(tmp_path / "claims" / extract_cache.CACHE_DIR)
    _extract(tmp_path, "claims", "--jobs", "1")
    assert _files(tmp_path / "claims") == cached
    assert "status: confirmed" in claim.read_text(encoding="utf-8")


def test_a_deleted_claim_file_or_new_extractor_is_extracted_again(articles: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _extract(tmp_path, "claims", "--jobs", "1")
    before = _files(tmp_path / "claims")
    gone = next(iter(sorted((tmp_path / "claims").glob("*.yaml"))))
    gone.unlink()
    assert "(1 written, 4 unchanged)" in _extract(tmp_path, "claims", "--jobs", "1").output
    assert _files(tmp_path / "claims") == before
    monkeypatch.setattr(extract_cache, "extractor_version", lambda: "another version")
    assert "(0 written, 5 unchanged)" in _extract(tmp_path, "claims", "--jobs", "1").output
    assert extract_cache.ExtractCache(tmp_path / "claims").get("no such key") is None


def test_the_cache_folder_is_ignored_by_git_and_by_check(articles: Path, tmp_path: Path) -> None:
    _extract(tmp_path, "claims", "--jobs", "1")
    assert (tmp_path / "claims" / extract_cache.CACHE_DIR / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    result = CliRunner().invoke(main, ["check", "claims"])
    assert result.exit_code == 0, result.output


def test_an_unreadable_cache_only_costs_time(articles: Path, tmp_path: Path) -> None:
    (tmp_path / "claims" / extract_cache.CACHE_DIR).mkdir(parents=True)
    (tmp_path / "claims" / extract_cache.CACHE_DIR / extract_cache.CACHE_FILE).write_bytes(b"not a database" * 100)
    _extract(tmp_path, "claims", "--jobs", "1")
    _extract(tmp_path, "fresh", "--jobs", "1")
    assert _files(tmp_path / "claims") == _files(tmp_path / "fresh")


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "--out", str(tmp_path / "c"), "--scheduler", "x:1"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output


@pytest.mark.slow
def test_dask_on_a_two_worker_local_cluster_writes_what_local_writes(articles: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = _extract(tmp_path, "local", "--jobs", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        dask = _extract(tmp_path, "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.output == local.output.replace("-> local", "-> dask")
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")


def test_unchanged_files_are_not_even_decoded(articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tracker.ingest as ingest

    _extract(tmp_path, "claims", "--jobs", "1")
    decoded: list[str] = []
    real = ingest.decode_text
    monkeypatch.setattr(ingest, "decode_text", lambda raw, where: decoded.append(where) or real(raw, where))
    result = _extract(tmp_path, "claims", "--jobs", "1")
    assert "(0 written, 5 unchanged)" in result.output
    assert decoded == ["in/broken.txt"]  # the one file that never made a claim file


def test_a_sources_yaml_edit_reaches_the_claim_files(articles: Path, tmp_path: Path) -> None:
    _extract(tmp_path, "claims", "--jobs", "1")
    sources = tmp_path / "in" / "sources.yaml"
    first = sorted((tmp_path / "in").glob("0*.txt"))[0].name
    sources.write_text(sources.read_text(encoding="utf-8") + f"{first}:\n  outlet: Corrected Outlet\n",
                       encoding="utf-8")
    result = _extract(tmp_path, "claims", "--jobs", "1")
    assert "(1 written, 4 unchanged)" in result.output, result.output
    _extract(tmp_path, "fresh", "--jobs", "1")
    assert _files(tmp_path / "claims") == _files(tmp_path / "fresh")


def test_a_repeated_id_is_caught_when_the_first_file_is_cached(articles: Path, tmp_path: Path) -> None:
    _extract(tmp_path, "claims", "--jobs", "1")
    first = sorted((tmp_path / "in").glob("0*.txt"))[0]
    (tmp_path / "in" / "more").mkdir()
    (tmp_path / "in" / "more" / first.name).write_text("Another text entirely, said Ann Lee.\n", encoding="utf-8")
    result = _extract(tmp_path, "claims", "--jobs", "1")
    assert f"article id {first.stem!r} is already used by" in result.output


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc), to see pool workers outlive their run."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_run_leaves_no_workers_and_no_lock(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    src = tmp_path / "in"
    src.mkdir()
    for i in range(60):
        for seed in sorted(SEEDS.glob("*.txt")):
            (src / f"{i:03d}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nRound {i}.\n",
                                                      encoding="utf-8")
    cmd = [sys.executable, "-m", "tracker", "extract", str(src), "--out", str(tmp_path / "out"), "-q", "--jobs", "2"]
    with subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        deadline = time.monotonic() + 120
        while not list((tmp_path / "out").glob("*.yaml")) and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert workers, "no pool workers were running"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 10 * extract_work.PARENT_POLL_SECONDS
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers outlived the killed run"
    again = subprocess.run([*cmd[:-2], "--jobs", "1"], capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0, again.stderr
