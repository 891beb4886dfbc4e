"""A one-line progress display on a terminal: items done, rate, time left.

Shown only where a person watches: stderr is a terminal and ``CI`` is not set (CI logs keep every
carriage return as a line). Shown only for runs long enough to wonder about: nothing appears in
the first ``SHOW_AFTER_SECONDS``, so quick runs print exactly what they printed before. The line
is cleared when the work ends, so the summary that follows stands alone.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Runs shorter than this show no progress: a person starts wondering after a few seconds.
SHOW_AFTER_SECONDS = 2.0
#: Redraw at most this often: a terminal cannot show more, and every write costs time.
REDRAW_SECONDS = 0.2
_CLEAR_LINE = "\r\x1b[K"


def wanted(stream: TextIO) -> bool:
    """Whether a person is watching ``stream``: a terminal, outside CI."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class Progress:
    """``advance()`` once per item; ``close()`` (or ``with``) clears the line."""

    def __init__(self, noun: str, total: int | None = None, *, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic, enabled: bool | None = None) -> None:
        self.noun = noun
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.clock = clock
        self.done = 0
        self.started = clock()
        self._drawn_at: float | None = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < SHOW_AFTER_SECONDS:
            return
        if self._drawn_at is not None and now - self._drawn_at < REDRAW_SECONDS:
            return
        self._drawn_at = now
        self._write(_CLEAR_LINE + self.line(now))

    def line(self, now: float) -> str:
        """``1,234/2,361 articles · 35.2/s · 32s left``."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done:,}/{self.total:,}" if self.total else f"{self.done:,}"
        text = f"{count} {self.noun} · {rate:,.1f}/s"
        if self.total and rate > 0 and self.done <= self.total:
            text += f" · {duration((self.total - self.done) / rate)} left"
        return text

    def close(self) -> None:
        if self._drawn_at is not None:
            self._write(_CLEAR_LINE)
            self._drawn_at = None

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: progress is not worth failing for
            self.enabled = False


def duration(seconds: float) -> str:
    """``45s``, ``3m 05s``, ``1h 02m``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m {whole % 60:02d}s"
    return f"{whole // 3600}h {whole % 3600 // 60:02d}m"
