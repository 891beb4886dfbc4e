"""Ctrl-C at any moment: exit 130 with one line, and never leave a half-done file behind.

Click turns ``KeyboardInterrupt`` into "Aborted!" and exit 1, and an interrupt that lands
while Python imports the command, or between creating a temporary file and the ``try`` that
removes it, escapes every handler. So the console script (``tracker.console``) installs
``exit_130`` as the SIGINT handler before it imports anything else: ``SystemExit(130)``
passes through Click and runs every ``finally`` and cleanup on its way out. Sections that must
not be cut in two (create a temporary file, write it, rename or remove it) run inside
``deferred()``, which holds SIGINT back until they end.

Once the command has ended, a Ctrl-C can still land in the interpreter's shutdown, where a
``SystemExit`` raised in an ``atexit`` hook is swallowed (exit 0 after "Interrupted.") and, once
Python has reset its handlers, the signal kills the process (exit -2): both seen in CI. So
``command_ended`` swaps in a handler that only notes the interrupt, and ``exit_after_shutdown``
(the first ``atexit`` hook registered, so the last to run) blocks SIGINT and ends the process
itself: 130 if an interrupt came, else the command's own code.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a process Ctrl-C stopped


def exit_130(signum: int, frame: FrameType | None) -> None:
    """SIGINT handler: further Ctrl-Cs are ignored while cleanup runs, then exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _say_interrupted()
    raise SystemExit(EXIT_INTERRUPTED)


def _say_interrupted() -> None:
    """The one line an interrupted run prints (stderr may already be closed)."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("Interrupted.\n")
        sys.stderr.flush()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """SIGINT held back (delivered when the block ends) in the main thread; elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@dataclass
class _Ending:
    """What the process exits with once the command has ended (None: still running)."""

    code: int | None = None
    interrupted: bool = False


_ENDING = _Ending()


def _note_interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGINT after the command ended: nothing is left to cut, so only remember it."""
    _ENDING.interrupted = True


def exit_code_of(ending: SystemExit) -> int:
    """The status Python gives ``ending``: None → 0, a message → 1 (Python prints the message)."""
    if ending.code is None or isinstance(ending.code, int):
        return ending.code or 0
    return 1


def command_ended(code: int) -> None:
    """Record the command's exit code; from here on a Ctrl-C is noted, not raised."""
    _ENDING.code = code
    signal.signal(signal.SIGINT, _note_interrupt)


def exit_after_shutdown() -> None:
    """Last ``atexit`` hook: block SIGINT, flush, and end with 130 if an interrupt came at all."""
    if _ENDING.code is None:
        return
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        if signal.SIGINT in signal.sigpending():
            _ENDING.interrupted = True
    code = _ENDING.code
    if _ENDING.interrupted and code != EXIT_INTERRUPTED:
        code = EXIT_INTERRUPTED
        _say_interrupted()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def install() -> None:
    """SIGINT → exit 130 from now on; registered first among ``atexit`` hooks, so it runs last."""
    signal.signal(signal.SIGINT, exit_130)
    atexit.register(exit_after_shutdown)
