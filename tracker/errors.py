"""Errors that carry the file (and line) they are about, so the CLI can print one clear line."""

from __future__ import annotations


class TrackerError(Exception):
    """A problem the user can fix; printed as ``Error: <path>:<line>[:<column>]: <message>``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column  # 1-based, as editors count; only with a line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}: "
            if self.line is not None:
                where = f"{self.path}:{self.line}:{self.column}: " if self.column else f"{self.path}:{self.line}: "
        return f"{where}{self.message}"


class InputError(TrackerError):
    """An article file that cannot be read: missing, binary, undecodable, malformed."""


class ClaimFileError(TrackerError):
    """A claim file that cannot be loaded: malformed YAML, wrong types, unsafe tags."""


class LockError(TrackerError):
    """Another tracker run holds the output folder."""
