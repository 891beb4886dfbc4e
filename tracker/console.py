"""The ``tracker`` console script: the SIGINT handling first, then the CLI (see ``interrupts``)."""

from __future__ import annotations

from .interrupts import command_ended, exit_code_of, install


def main() -> None:
    install()
    from .cli import main as cli

    try:
        cli(prog_name="tracker")
    except SystemExit as ending:
        command_ended(exit_code_of(ending))
        raise
    except BaseException:
        command_ended(1)
        raise
