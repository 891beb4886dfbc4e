"""Ctrl-C (SIGINT) at a few moments of a real ``tracker run`` / ``extract``: exit 130, one line, no ``.tmp``.

Moments run from the first imports (Click used to turn an early Ctrl-C into "Aborted!" and
exit 1) through extraction and the claim-file writes to the report; each run starts afresh
or over the previous run's output, so both the new-file and the merge paths are cut. A signal
that lands in the interpreter's shutdown still exits 130; only one sent while the kernel is
already ending the process (after ``poll`` said it was alive) finds nobody: exit 0, no message.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLES = 60
#: When to interrupt early, as fractions of the way from the interpreter's own start-up (before any
#: tracker code can run: a SIGINT there is Python's) to the end of ``tracker --version``: they land
#: in the CLI's imports. Measured on this machine, since load stretches both.
EARLY = (0.5, 0.75, 0.95)
#: What Python prints when a SIGINT lands in its own start-up, before any tracker code: load can
#: stretch start-up past the measured time, and such a round tests Python, not tracker.
PYTHON_STARTUP_DEATH = "Fatal Python error: init_import_site"
#: And these fractions of a full run (extraction, claim-file writes, the report).
FRACTIONS = (0.2, 0.4, 0.6, 0.8, 0.95)


def _tracker() -> list[str]:
    script = Path(sys.executable).with_name("tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracker"]


def _articles(folder: Path, round_: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(ARTICLES):
        (folder / f"a{i:04d}.txt").write_text(
            f"Bridge story number {i}\n\nThe mayor said “we will rebuild bridge {i} stronger” after {i + 2} "
            f"people were hurt.\n\nOfficials said repairs would cost {round_ + 3} million dollars.\n",
            encoding="utf-8")


def _startup_seconds(command: list[str], cwd: Path) -> float:
    started = time.monotonic()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, timeout=300)
    return time.monotonic() - started


def _interrupt(command: list[str], cwd: Path, after: float) -> tuple[int | None, str]:
    """Run ``command``, send SIGINT ``after`` seconds in; (exit code, stderr), or (None, "") if it
    finished first."""
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    if proc.poll() is not None:
        proc.communicate()
        return None, ""
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


@pytest.mark.slow
@pytest.mark.parametrize("command", ["run", "extract"])
def test_sigint_at_any_moment_exits_130_and_leaves_no_tmp(tmp_path: Path, command: str) -> None:
    _articles(tmp_path / "in", 0)
    args = [*_tracker(), command, "in", *(["--out", "claims", "-q"] if command == "extract" else [])]
    started = time.monotonic()
    assert subprocess.run(args, cwd=tmp_path, capture_output=True, check=False, timeout=300).returncode == 0
    full = time.monotonic() - started
    python = _startup_seconds([sys.executable, "-c", "pass"], tmp_path)
    cli = _startup_seconds([*_tracker(), "--version"], tmp_path)
    early = (python + f * max(cli - python, 0.0) for f in EARLY)
    interrupted = 0
    for round_, after in enumerate((*early, *(full * f for f in FRACTIONS)), start=1):
        _articles(tmp_path / "in", round_)  # every claim file changes: each run rewrites them all
        code, err = _interrupt(args, tmp_path, after)
        leftovers = [p.relative_to(tmp_path) for p in tmp_path.rglob("*.tmp")]
        assert not leftovers, f"SIGINT at {after:.2f}s left {leftovers}"
        if code is None or (code == 0 and "Interrupted." not in err) or PYTHON_STARTUP_DEATH in err:
            continue  # finished first (the kernel drops a signal sent while a process exits), or not begun
        interrupted += 1
        assert code == 130, f"SIGINT at {after:.2f}s: exit {code}: {err}"
        assert "Traceback" not in err and err.strip().splitlines()[-1] == "Interrupted.", err
    assert interrupted >= len(EARLY) + len(FRACTIONS) - 2, "the runs ended before most interrupts"


_LATE_SIGINT = """
import atexit, os, signal, sys, time
from tracker import console, interrupts

def install():
    interrupts.install()
    atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), time.sleep(0.2)))

console.install = install
sys.argv = ["tracker", *sys.argv[1:]]
console.main()
"""


@pytest.mark.parametrize("args", [["--version"], ["check", "no-such-folder"]])
def test_sigint_during_shutdown_still_exits_130(tmp_path: Path, args: list[str]) -> None:
    """A Ctrl-C landing in an ``atexit`` hook (after the command's last write) used to be
    swallowed by Python: exit 0 after "Interrupted.", or -2 once handlers were reset."""
    done = subprocess.run([sys.executable, "-c", _LATE_SIGINT, *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 130, done
    assert "Traceback" not in done.stderr and done.stderr.strip().splitlines()[-1] == "Interrupted."
