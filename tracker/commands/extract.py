"""The extract job: article files in, one claim file per article out."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..claimfile.schema import SCHEMA_FILE, schema_text
from ..claimfile.store import OutputLock, file_name, write_claim_file
from ..claimfile.yaml_roundtrip import atomic_write, fsync_dir
from ..errors import InputError, TrackerError
from ..extract import TooManyRecords, correction_records, extract_document
from ..ingest import iter_documents
from ..records import Claim, Quote

#: One article's claim file: beyond this many records or bytes it is not a news article but a
#: table, a log or an attack, and the file would be slow for every later command to read.
MAX_RECORDS = 5000
MAX_CLAIM_FILE_BYTES = 16 * 1024 * 1024


@dataclass
class ExtractSummary:
    """What a run did, for the CLI's summary line and exit code."""

    articles: int = 0
    quotes: int = 0
    claims: int = 0
    written: int = 0
    unchanged: int = 0
    problems: list[TrackerError] = field(default_factory=list)
    warnings: list[TrackerError] = field(default_factory=list)


class FailFast(Exception):
    """Raised inside a run to stop at the first problem (``--fail-fast``)."""


def extract_paths(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    fail_fast: bool = False,
    on_problem: Callable[[TrackerError], None] | None = None,
    on_article: Callable[[str], None] | None = None,
    on_warning: Callable[[TrackerError], None] | None = None,
    outputs: Sequence[Path] = (),
) -> ExtractSummary:
    """Extract every article under ``inputs`` into ``out_dir`` (one YAML file per article).

    Problems with single inputs are collected (and reported through ``on_problem``) while the
    rest of the run continues, unless ``fail_fast`` is set. ``out_dir`` and ``outputs`` (the
    run's report) are never read as articles, so ``tracker run .`` does not ingest itself.
    """
    _refuse_output_inside_input(inputs, out_dir)
    summary = ExtractSummary()

    def problem(exc: TrackerError) -> None:
        summary.problems.append(exc)
        if on_problem is not None:
            on_problem(exc)
        if fail_fast:
            raise FailFast

    def warning(exc: TrackerError) -> None:
        summary.warnings.append(exc)
        if on_warning is not None:
            on_warning(exc)

    names: dict[str, tuple[str, str]] = {}  # output file name -> (first path, body sha256)
    with OutputLock(out_dir):
        _remove_stale_temporaries(out_dir)
        try:
            for doc in iter_documents(inputs, problem, exclude=(out_dir, *outputs)):
                name = file_name(doc.article.id)
                if name in names:
                    first, digest = names[name]
                    if digest == doc.article.sha256:
                        warning(TrackerError(f"article {doc.article.id!r} repeats {first} word for word; skipped",
                                             doc.article.path))
                    else:
                        problem(TrackerError(f"article id {doc.article.id!r} is already used by {first} for "
                                             "another text; give it a unique id", doc.article.path))
                    continue
                names[name] = (doc.article.path, doc.article.sha256)
                try:
                    quotes, claims = extract_document(doc, max_records=MAX_RECORDS)
                except TooManyRecords:
                    problem(InputError(f"article yields over {MAX_RECORDS} quotes and claims (the limit per "
                                       "article; extraction stopped there); skipped", doc.article.path))
                    continue
                oversized = _oversized(len(quotes) + len(claims), _estimated_bytes(quotes, claims))
                if oversized:
                    problem(InputError(oversized, doc.article.path))
                    continue
                try:
                    notes = correction_records(doc.body, doc.blocks, quotes, claims)
                    _, changed = write_claim_file(out_dir, doc.article, quotes, claims, doc.body, sync_dir=False,
                                                  corrections=notes)
                except TrackerError as exc:
                    problem(exc)
                    continue
                summary.articles += 1
                summary.quotes += len(quotes)
                summary.claims += len(claims)
                if changed:
                    summary.written += 1
                else:
                    summary.unchanged += 1
                if on_article is not None:
                    on_article(doc.article.id)
        except FailFast:
            pass
        finally:
            if summary.articles:
                _write_schema(out_dir)
            fsync_dir(out_dir)  # once per run: renames of all files written become durable together
    return summary


def _refuse_output_inside_input(inputs: Sequence[Path], out_dir: Path) -> None:
    """Claim files written among the articles would litter the input (and a later run over a
    parent folder would have to tell them apart), so the output folder must lie outside it."""
    out = out_dir.resolve()
    for item in inputs:
        if item.is_dir() and out.is_relative_to(item.resolve()):
            where = "is" if out == item.resolve() else "is inside"
            raise TrackerError(f"the output folder {where} the input folder {item}; choose --out outside it "
                               f"(e.g. put the articles in their own folder and keep claims/ beside it)", str(out_dir))


def _write_schema(out_dir: Path) -> None:
    """The schema every claim file's modeline names, beside them, so editors and ``check`` find it
    even after the folder was deleted and rebuilt; left alone when it is current."""
    atomic_write(out_dir / SCHEMA_FILE, schema_text(), sync_dir=False)


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary claim files a killed run left behind (``.<name>.yaml.<random>.tmp``).

    Only called under the output lock, so no other run is writing them; the claim files
    themselves were never touched by the interrupted write (it renames only when complete).
    """
    for path in out_dir.glob(".*.yaml.*.tmp"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()


def _estimated_bytes(quotes: Sequence[Quote], claims: Sequence[Claim]) -> int:
    """Roughly what the claim file will weigh (text fields plus a fixed cost per record)."""
    return (sum(len(q.text) + len(q.speaker or "") + 200 for q in quotes)
            + sum(len(c.sentence) + len(c.surface) + 250 for c in claims))


def _oversized(records: int, size: int) -> str | None:
    if records <= MAX_RECORDS and size <= MAX_CLAIM_FILE_BYTES:
        return None
    mb = 1024 * 1024
    return (f"article yields {records} quotes and claims (about {size / mb:.1f} MB of claim file); the limit is "
            f"{MAX_RECORDS} records and {MAX_CLAIM_FILE_BYTES // mb} MB per article; skipped")
