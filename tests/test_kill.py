"""SIGKILL at random moments: every claim file is always the old or the new version, never torn.

A reviewer has edited some claim files (a review status and a comment line). ``tracker
extract`` is started as a real process on a few hundred articles whose text changes on every
round (so every claim file is rewritten), and killed at a random moment, again and again.
After each kill every claim file must parse and every reviewer's edit must still be there.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hostile_cases import COMMENT_MARK, REVIEW_MARK, add_review

ARTICLES = 200
KILLS = 50
EDITED_EVERY = 10  # every 10th claim file carries a reviewer's edit
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _tracker() -> list[str]:
    script = Path(sys.executable).with_name("tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracker"]


def _write_articles(folder: Path, round_: int) -> None:
    for i in range(ARTICLES):
        (folder / f"a{i:04d}.txt").write_text(
            f"Bridge story number {i}\n\nBy Jo Bloggs | March 3, 2020\n\n"
            f"The mayor said “we will rebuild bridge {i} stronger than before” after {i + 2} people were hurt.\n\n"
            f"Officials said on Tuesday that repairs would now cost {round_ + 3} million dollars in total.\n",
            encoding="utf-8")


def _check(out: Path, edited: list[str], round_: int) -> int:
    """Every claim file parses and is whole; edits survive. Returns how many are at ``round_``."""
    current = 0
    files = sorted(out.glob("*.yaml"))
    assert len(files) == ARTICLES, f"claim files lost: {len(files)}"
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=Loader)  # CSafeLoader or SafeLoader: no tags run
        assert isinstance(data, dict) and {"article", "quotes", "claims"} <= set(data), f"{path.name} is torn"
        assert isinstance(data["claims"], list) and data["claims"], f"{path.name} is torn"
        current += f"cost {round_ + 3} million" in text
    for name in edited:
        text = (out / name).read_text(encoding="utf-8")
        assert REVIEW_MARK in text and COMMENT_MARK in text, f"reviewer's edit lost in {name}"
    return current


@pytest.mark.slow
def test_sigkill_at_random_moments_never_tears_a_claim_file(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _write_articles(src, 0)
    started = time.monotonic()
    first = subprocess.run([*_tracker(), "extract", str(src), "--out", str(out), "-q"], capture_output=True,
                           text=True, timeout=300, check=False)
    full_run = time.monotonic() - started
    assert first.returncode == 0, first.stderr
    edited = [p.name for p in sorted(out.glob("*.yaml"))[::EDITED_EVERY]]
    for name in edited:
        add_review(out / name)
    _check(out, edited, 0)

    rng = random.Random(20261125)
    window = full_run * 1.1  # scaled to this machine's speed: a fixed cap misses the writes under load
    rewritten = 0
    killed_running = 0
    for round_ in range(1, KILLS + 1):
        _write_articles(src, round_)
        with subprocess.Popen([*_tracker(), "extract", str(src), "--out", str(out), "-q"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
            time.sleep(rng.uniform(0.05, window))
            killed_running += proc.poll() is None
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        rewritten += _check(out, edited, round_)
        leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
        assert all(name.startswith(".") and ".yaml." in name for name in leftovers), leftovers
    # The kills landed while files were being rewritten, not only before or after the runs.
    assert killed_running >= KILLS // 2, f"only {killed_running} kills hit a running process"
    assert rewritten > 0, "no run got far enough to rewrite a claim file; the kill window is too short"

    final = subprocess.run([*_tracker(), "extract", str(src), "--out", str(out), "-q"], capture_output=True,
                           text=True, timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    assert _check(out, edited, KILLS) == ARTICLES
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")], "stale temporary files were not cleaned up"
    shutil.rmtree(tmp_path, ignore_errors=True)
