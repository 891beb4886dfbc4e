"""The ``tracker`` console script: the SIGINT handler first, then the CLI (see ``interrupts``)."""

from __future__ import annotations

import signal

from .interrupts import exit_130, hold_after_finish


def main() -> None:
    signal.signal(signal.SIGINT, exit_130)
    from .cli import main as cli

    try:
        cli(prog_name="tracker")
    finally:
        hold_after_finish()
