"""The extract job: article files in, one claim file per article out."""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..claimfile.schema import SCHEMA_FILE, schema_text
from ..claimfile.store import OutputLock, file_name
from ..claimfile.yaml_roundtrip import atomic_write, fsync_dir
from ..errors import TrackerError
from ..ingest import Document, RawArticle, iter_documents
from .extract_cache import Entry, ExtractCache, document_key, file_sha256, raw_key
from .extract_work import MAX_CLAIM_FILE_BYTES, MAX_RECORDS, Outcome, available_cores, runner

__all__ = ["MAX_CLAIM_FILE_BYTES", "MAX_RECORDS", "ExtractSummary", "extract_paths"]

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
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> ExtractSummary:
    """Extract every article under ``inputs`` into ``out_dir`` (one YAML file per article).

    Problems with single inputs are collected (and reported through ``on_problem``) while the
    rest of the run continues, unless ``fail_fast`` is set (articles already handed to a worker
    still finish). ``jobs`` processes extract (default: every core); ``engine="dask"`` runs them on
    a Dask cluster (``scheduler``'s address, else a local one); the claim files are the same.
    ``out_dir`` and ``outputs`` (the run's report) are never read as articles, so ``tracker run .``
    does not ingest itself.
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

    with OutputLock(out_dir) as lock:
        _remove_stale_temporaries(out_dir)
        held = lock.fileno()
        run, close = runner(engine, out_dir, jobs or available_cores(), scheduler, () if held is None else (held,))
        try:
            with ExtractCache(out_dir) as cache:
                work = _Work(out_dir, cache, summary, problem, warning, on_article)
                for outcome in run(work.documents(inputs, (out_dir, *outputs))):
                    work.done(outcome)
        except FailFast:
            pass
        finally:
            close()
            if summary.articles:
                _write_schema(out_dir)
            fsync_dir(out_dir)  # once per run: renames of all files written become durable together
    return summary


class _Work:
    """The parent's side of a run: which documents need extracting, and the tally of what came back.

    Documents go out in input order and outcomes come back in that order, so ``pending`` pairs
    each outcome with its document's cache key. Articles whose claim file is exactly what the
    cache recorded for the same input and extractor are counted without extracting them.
    """

    def __init__(self, out_dir: Path, cache: ExtractCache, summary: ExtractSummary,
                 problem: Callable[[TrackerError], None], warning: Callable[[TrackerError], None],
                 on_article: Callable[[str], None] | None) -> None:
        self.out_dir, self.cache, self.summary = out_dir, cache, summary
        self.problem, self.warning, self.on_article = problem, warning, on_article
        # (document key, raw key or "", article id, body sha256) of each document sent out, not back yet
        self.pending: deque[tuple[str, str, str, str]] = deque()
        self.names: dict[str, tuple[str, str]] = {}  # output file name -> (first path, body sha256)
        self.raw_keys: dict[str, str] = {}  # a text file's path -> its raw key, until its document is read

    def documents(self, inputs: Sequence[Path], exclude: Sequence[Path]) -> Iterator[Document]:
        """The documents to extract: each article id once, cached unchanged ones counted, not yielded."""
        for doc in iter_documents(inputs, self.problem, exclude=exclude, seen=self._seen_file):
            name = file_name(doc.article.id)
            if name in self.names:
                first, digest = self.names[name]
                if digest == doc.article.sha256:
                    self.warning(TrackerError(f"article {doc.article.id!r} repeats {first} word for word; skipped",
                                              doc.article.path))
                else:
                    self.problem(TrackerError(f"article id {doc.article.id!r} is already used by {first} for "
                                              "another text; give it a unique id", doc.article.path))
                continue
            self.names[name] = (doc.article.path, doc.article.sha256)
            key, raw = document_key(doc), self.raw_keys.pop(doc.article.path, "")
            entry = self.cache.get(key)
            if entry is not None and file_sha256(self.out_dir / name) == entry.file_sha256:
                if raw:  # the same document from other bytes (a re-saved file): skip those too next time
                    self.cache.put(raw, Entry(entry.file_sha256, entry.quotes, entry.claims, doc.article.sha256))
                self._count(doc.article.id, entry.quotes, entry.claims, changed=False)
                continue
            self.pending.append((key, raw, doc.article.id, doc.article.sha256))
            yield doc

    def _seen_file(self, raw: RawArticle) -> bool:
        """Whether a text file is exactly as the cache last saw it and its claim file untouched."""
        key = raw_key(raw)
        entry = self.cache.get(key)
        name = file_name(raw.path.stem)  # a text file's article id is its file name's stem
        if entry is None or name in self.names or file_sha256(self.out_dir / name) != entry.file_sha256:
            self.raw_keys[str(raw.path)] = key
            return False
        self.names[name] = (str(raw.path), entry.body_sha256)
        self._count(raw.path.stem, entry.quotes, entry.claims, changed=False)
        return True

    def done(self, outcome: Outcome) -> None:
        key, raw, article_id, body_sha256 = self.pending.popleft()
        error = outcome.error()
        if error is not None:
            self.problem(error)
            return
        if outcome.file_sha256 is not None:
            entry = Entry(outcome.file_sha256, outcome.quotes, outcome.claims, body_sha256)
            self.cache.put(key, entry)
            if raw:
                self.cache.put(raw, entry)
        self._count(article_id, outcome.quotes, outcome.claims, outcome.changed)

    def _count(self, article_id: str, quotes: int, claims: int, changed: bool) -> None:
        self.summary.articles += 1
        self.summary.quotes += quotes
        self.summary.claims += claims
        if changed:
            self.summary.written += 1
        else:
            self.summary.unchanged += 1
        if self.on_article is not None:
            self.on_article(article_id)


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
