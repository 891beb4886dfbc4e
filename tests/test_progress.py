"""Progress on a terminal (items done, rate, time left) for long runs; never in pipes or CI."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.progress import SHOW_AFTER_SECONDS, Progress, duration

ARTICLE = "Budget approved\n\n“The budget is {n} million dollars,” said the treasurer, Ann Lee.\n"
# The CLI with progress shown at once, as for a run longer than SHOW_AFTER_SECONDS.
EAGER = ("import sys, tracker.progress as p; p.SHOW_AFTER_SECONDS = 0; p.REDRAW_SECONDS = 0; "
         "from tracker.cli import main; sys.argv[0] = 'tracker'; main()")


# Each command in a subprocess: run in the default suite, the others with the slow ones.
COMMANDS = [["run", "in"], pytest.param(["check", "claims"], marks=pytest.mark.slow),
            pytest.param(["report", "claims"], marks=pytest.mark.slow)]


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_says_items_rate_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    now = [0.0]
    stream = Tty()
    with Progress("articles", 100, stream=stream, clock=lambda: now[0]) as bar:
        bar.advance()
        assert stream.getvalue() == ""  # a quick run shows nothing
        for _ in range(38):
            bar.advance()
        now[0] = 4.0
        assert now[0] > SHOW_AFTER_SECONDS
        bar.advance()
        assert stream.getvalue().endswith("40/100 articles · 10.0/s · 6s left")
    assert stream.getvalue().endswith("\r\x1b[K")  # cleared for the summary line
    assert duration(185) == "3m 05s" and duration(3720) == "1h 02m"


def test_silent_in_ci_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    stream = Tty()
    with Progress("articles", 10, stream=stream, clock=iter(range(100)).__next__) as bar:
        for _ in range(10):
            bar.advance()
    assert stream.getvalue() == ""


def _workspace(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n}", "text": ARTICLE.format(n=n)}) for n in range(30)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(tmp_path: Path, args: list[str], *, tty: bool, ci: bool = False) -> tuple[int, str]:
    """(exit code, what reached stderr) of the CLI, with stderr a terminal or a pipe."""
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "1"} if ci else {})
    if not tty:
        done = subprocess.run([sys.executable, "-c", EAGER, *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120)
        return done.returncode, done.stderr
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", EAGER, *args], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=secondary)
    os.close(secondary)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([primary], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8")


@pytest.mark.slow  # a real CLI process on a pseudo-terminal per command: seconds each; CI's slow pass runs it
@pytest.mark.parametrize("args", COMMANDS)
def test_progress_on_a_terminal(tmp_path: Path, args: list[str]) -> None:
    _workspace(tmp_path)
    assert _run(tmp_path, ["run", "in"], tty=False)[0] == 0
    # An unchanged folder's report comes from the cache at once, with nothing to show progress of.
    shutil.rmtree(tmp_path / "claims" / ".tracker-cache", ignore_errors=True)
    code, shown = _run(tmp_path, args, tty=True)
    assert code == 0, shown
    noun = "articles" if args[0] == "run" else "claim files"
    assert f"30/30 {noun} · " in shown and "/s" in shown and " left" in shown
    assert "\r\x1b[K" in shown


@pytest.mark.slow  # a real CLI process per command: seconds each; CI's slow pass runs it
@pytest.mark.parametrize("args", COMMANDS)
def test_no_progress_in_pipes_or_ci(tmp_path: Path, args: list[str]) -> None:
    _workspace(tmp_path)
    assert _run(tmp_path, ["run", "in"], tty=False)[0] == 0
    for shown in (_run(tmp_path, args, tty=False)[1], _run(tmp_path, args, tty=True, ci=True)[1]):
        assert "\r" not in shown.replace("\r\n", "\n") and " left" not in shown and "/s" not in shown, shown
