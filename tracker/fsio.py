"""The one way tracker opens a file it reads: regular files only, inside their root, bounded.

Every file tracker reads may come from someone else's pull request: articles, ``sources.yaml``,
claim files, ``_reviews.yaml``, and the article bodies ``check`` and the reports re-read. git
commits symbolic links, so a file named ``x.yaml`` may be a link to ``/dev/zero`` (a read that
never ends), to a FIFO (an open that never returns) or to a secret outside the repository.
So each read here:

- resolves the path and refuses it unless it lies inside ``root`` (the folder the user gave,
  or the folder of a file named on the command line);
- opens without blocking (a FIFO opens at once) and refuses anything but a regular file,
  checked on the open descriptor, so a swap after the check does not help;
- reads at most ``limit`` bytes, so time and memory stay bounded whatever the file claims.

Errors are the caller's ``TrackerError`` class and name the path, never the file's content.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from .errors import TrackerError

#: Flags for opening: never block on a FIFO, never make a terminal ours, never leak into children.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
NOT_REGULAR = "not a regular file (a pipe, socket or device); refused"


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """Whether ``path``, with every link followed, lies in one of ``roots`` (also resolved)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return False
    return any(real.is_relative_to(root.resolve()) for root in roots)


def _resolved(path: Path, root: Path | None, error: type[TrackerError]) -> Path:
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        raise error("file not found", str(path)) from None
    except (OSError, RuntimeError):
        raise error("symbolic link loop or unreadable path; refused", str(path)) from None
    if root is not None and not real.is_relative_to(root.resolve()):
        raise error(f"symbolic link leads outside {root}; refused", str(path))
    return real


def open_regular(path: Path, *, root: Path | None = None, error: type[TrackerError] = TrackerError) -> BinaryIO:
    """``path`` opened for reading, when it is a regular file inside ``root`` (see module doc)."""
    real = _resolved(path, root, error)
    try:
        if not stat.S_ISREG(os.stat(real).st_mode):  # before open: opening a device may itself act
            raise error(NOT_REGULAR, str(path))
        fd = os.open(real, _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    except PermissionError:
        raise error("permission denied", str(path)) from None
    except IsADirectoryError:
        raise error("is a directory", str(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", str(path)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the check and the open
            raise error(NOT_REGULAR, str(path))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_bytes(path: Path, limit: int, *, root: Path | None = None, what: str = "this file",
               error: type[TrackerError] = TrackerError) -> bytes:
    """The whole of ``path``, a regular file inside ``root`` of at most ``limit`` bytes."""
    with open_regular(path, root=root, error=error) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise error(f"file is {megabytes(size)}; {what} is limited to {megabytes(limit)}", str(path))
            data = handle.read(limit + 1)
        except OSError as exc:
            raise error(f"cannot read: {exc.strerror}", str(path)) from None
    if len(data) > limit:  # the file grew while we read it
        raise error(f"file is over {megabytes(limit)}, the limit for {what}", str(path))
    return data


def read_text(path: Path, limit: int, *, root: Path | None = None, what: str = "this file",
              error: type[TrackerError] = TrackerError) -> str:
    """``read_bytes`` decoded as UTF-8."""
    try:
        return read_bytes(path, limit, root=root, what=what, error=error).decode("utf-8")
    except UnicodeDecodeError:
        raise error("not valid UTF-8", str(path)) from None


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size < 10 * 1024 * 1024 else f"{size // (1024 * 1024)} MB"
