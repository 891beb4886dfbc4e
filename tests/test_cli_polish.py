"""The rough edges an editor meets: closed pipes, dir(tracker), help text."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import ROOT

import tracker
from tracker.cli import main

COMMANDS = ["run", "extract", "report", "check", "diff", "schema"]


def test_load_is_listed_in_dir() -> None:
    assert "load" in dir(tracker) and "__version__" in dir(tracker)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_has_no_markup(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0
    assert "``" not in result.output and ":func:" not in result.output and "**" not in result.output


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a shell")
@pytest.mark.parametrize("command", ["report claims --format json", "schema"])
def test_a_closed_pipe_ends_quietly(command: str) -> None:
    # `true` exits before tracker writes, so every write meets a closed pipe.
    done = subprocess.run(f"{sys.executable} -m tracker.cli {command} | true; echo $?", shell=True, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, executable=shutil.which("bash") or "sh")
    assert done.stderr == ""
