"""Two runs on one output folder: the second is refused with a clear message, never interleaved.

Real second processes (``python -m tracker``), not threads: the lock is an flock on the
folder's ``.tracker.lock``, which only another process can contend for.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hostile_cases import GOOD

TRACKER = [sys.executable, "-m", "tracker"]
REFUSED = "another tracker run is writing to this folder"


def _tracker(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TRACKER, *args], capture_output=True, text=True, timeout=timeout, check=False)


@pytest.mark.slow  # real CLI processes holding the lock: seconds each; CI's slow pass runs it
def test_second_process_is_refused_while_the_lock_is_held(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from tracker.claimfile.store import OutputLock\n"
         f"with OutputLock(Path({str(out)!r})):\n    print('locked', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        for command in (["extract", str(src), "--out", str(out)],
                        ["run", str(src), "--out", str(out), "--report", str(tmp_path / "r.md")]):
            second = _tracker(*command)
            assert second.returncode == 1, second.stderr
            assert second.stderr.strip() == f"Error: {out}: {REFUSED}; wait for it to finish"
            assert not list(out.glob("*.yaml")), "the refused run wrote claim files"
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0
    again = _tracker("extract", str(src), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert (out / "good.yaml").is_file()


def _collection(path: Path, count: int) -> None:
    lines = []
    for i in range(count):
        text = GOOD.replace("12 people", f"{i + 1} people").replace("4 million", f"{i % 90 + 2} million")
        lines.append(json.dumps({"id": f"a{i:05d}", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow  # two real extraction processes racing: seconds each; CI's slow pass runs it
def test_two_real_extract_runs_do_not_interleave(tmp_path: Path) -> None:
    """A real extract is running; a second one started meanwhile is refused and writes nothing."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    count = 300
    for _attempt in range(3):
        _collection(src / "c.jsonl", count)
        first = subprocess.Popen([*TRACKER, "extract", str(src), "--out", str(out), "-q"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while first.poll() is None and not any(out.glob("*.yaml")) and time.monotonic() < deadline:
            time.sleep(0.01)  # the lock is taken before the first claim file is written
        second = _tracker("extract", str(src), "--out", str(out), "-q")
        first_was_running = first.poll() is None
        _, first_err = first.communicate(timeout=120)
        assert first.returncode == 0, first_err
        if first_was_running:
            assert second.returncode == 1 and REFUSED in second.stderr, second.stderr
            break
        count *= 3  # the first run finished before the second started: retry with a bigger input
        for path in out.glob("*.yaml"):
            path.unlink()
    else:
        raise AssertionError("could not overlap two runs")
    files = sorted(out.glob("*.yaml"))
    assert len(files) == count
    for path in files[:: max(1, count // 50)]:
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
