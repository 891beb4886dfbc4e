"""Finding article files, and the ``sources.yaml`` that sets metadata per file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import fsio
from ..errors import InputError, TrackerError
from .safeyaml import load_metadata_yaml

SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
SOURCES_FILE = "sources.yaml"
MAX_SOURCES_BYTES = 16 * 1024 * 1024
_ALLOWED = ("title", "outlet", "authors", "published", "url")


@dataclass(frozen=True)
class SourceOverrides:
    """Metadata per file name (or per article id for collections) from a sources.yaml."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    def for_file(self, name: str) -> dict[str, Any]:
        stem = name.rsplit(".", 1)[0]
        return dict(self.entries.get(name) or self.entries.get(stem) or {})


def load_overrides(folder: Path) -> SourceOverrides:
    """The folder's ``sources.yaml`` (none: no overrides); a link, pipe or device there is refused."""
    path = folder / SOURCES_FILE
    if not os.path.lexists(path):
        return SourceOverrides()
    text = fsio.read_text(path, MAX_SOURCES_BYTES, root=folder, what=SOURCES_FILE, error=InputError)
    data = load_metadata_yaml(text, str(path), SOURCES_FILE)
    if data is None:
        return SourceOverrides()
    if not isinstance(data, dict):
        raise InputError("must map file names to metadata (title, outlet, authors, published, url)", str(path), 1)
    entries: dict[str, dict[str, Any]] = {}
    for name, meta in data.items():
        if not isinstance(meta, dict):
            raise InputError(f"entry {name!r} must be a mapping", str(path))
        unknown = sorted(set(map(str, meta)) - set(_ALLOWED))
        if unknown:
            raise InputError(f"entry {name!r}: unknown key {unknown[0]!r} (allowed: {', '.join(_ALLOWED)})", str(path))
        entries[str(name)] = {str(k): v for k, v in meta.items()}
    return SourceOverrides(entries)


def discover(
    inputs: Sequence[Path], on_error: Callable[[TrackerError], None], exclude: Sequence[Path] = ()
) -> Iterator[tuple[Path, Path, SourceOverrides]]:
    """Article files in a stable order, each with its root and the overrides of its folder.

    Symbolic links that lead outside the folder given are skipped with a warning: a crafted
    input folder must not make tracker read arbitrary files. A file named on the command line
    (a shell glob, pre-commit) has its own folder as root, as if that folder had been walked.
    Files in or at ``exclude`` (the run's own outputs: claims folder, report) are never inputs.
    """
    outputs = tuple(p.resolve() for p in exclude)
    cache: dict[Path, SourceOverrides] = {}

    def overrides(folder: Path) -> SourceOverrides:
        if folder not in cache:
            try:
                cache[folder] = load_overrides(folder)
            except TrackerError as exc:
                on_error(exc)
                cache[folder] = SourceOverrides()
        return cache[folder]

    for given in inputs:
        if not given.exists():
            on_error(InputError("no such file or folder", str(given)))
            continue
        if given.is_dir():
            root = given.resolve()
            for path in _walk(given, on_error):
                try:
                    real = path.resolve()
                except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
                    on_error(InputError("symbolic link loop or unreadable path; skipped", str(path)))
                    continue
                if any(real.is_relative_to(output) for output in outputs):
                    continue  # this tool's own output (report.md, claims/), not an article
                if path.is_symlink() and not real.is_relative_to(root):
                    on_error(InputError("symbolic link leads outside the input folder; skipped", str(path)))
                    continue
                yield path, root, overrides(path.parent)
        elif given.suffix.lower() in SUFFIXES:
            yield given, given.parent, overrides(given.parent)
        else:
            kind = given.suffix or "(none)"
            on_error(InputError(f"unsupported file type {kind!r}; use .txt, .md, .jsonl, .html or .htm", str(given)))


def _walk(folder: Path, on_error: Callable[[TrackerError], None]) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:
        on_error(InputError(f"cannot read folder: {exc.strerror}; its files were skipped", exc.filename))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name == SOURCES_FILE:
                continue
            if name.lower().endswith(SUFFIXES):
                yield Path(dirpath) / name
