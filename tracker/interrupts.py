"""Ctrl-C at any moment: exit 130 with one line, and never leave a half-done file behind.

Click turns ``KeyboardInterrupt`` into "Aborted!" and exit 1, and an interrupt that lands
while Python imports the command, or between creating a temporary file and the ``try`` that
removes it, escapes every handler. So the console script (``tracker.console``) installs
``exit_130`` as the SIGINT handler before it imports anything else: ``SystemExit(130)``
passes through Click and runs every ``finally`` and cleanup on its way out. Sections that must
not be cut in two (create a temporary file, write it, rename or remove it) run inside
``deferred()``, which holds SIGINT back until they end. Once the command has finished,
``hold_after_finish`` blocks SIGINT for the interpreter's shutdown: a Ctrl-C that lands there
finds nothing left to cut, and one raised inside an ``atexit`` hook would be swallowed by Python
and leave exit 0 after printing "Interrupted." (seen in CI).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a process Ctrl-C stopped


def exit_130(signum: int, frame: FrameType | None) -> None:
    """SIGINT handler: further Ctrl-Cs are ignored while cleanup runs, then exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("Interrupted.\n")
        sys.stderr.flush()
    raise SystemExit(EXIT_INTERRUPTED)


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


def hold_after_finish() -> None:
    """Block SIGINT once the command is done, so shutdown cannot be cut; an interrupt that is
    already pending still exits 130."""
    if not hasattr(signal, "pthread_sigmask"):
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    if signal.SIGINT in signal.sigpending():
        exit_130(signal.SIGINT, None)
