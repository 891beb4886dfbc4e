"""One article's extraction work, and the engines that run it: in this process, a process pool, Dask.

Every engine hands back one ``Outcome`` per document in input order, so the claim files, the
summary and the order of error lines are the same whatever runs the work. The local pool's
workers extract and write the claim file themselves (the parent only reads inputs); Dask's
workers extract only and return the records, since a cluster's machines need not share the
output folder, and this process writes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..claimfile.store import write_claim_file
from ..errors import ClaimFileError, InputError, LockError, TrackerError
from ..extract import TooManyRecords, correction_records, extract_document
from ..extract.reported.model import load_cue_model
from ..ingest import Document
from ..records import Claim, Correction, Quote
from .extract_cache import file_sha256

#: One article's claim file: beyond this many records or bytes it is not a news article but a
#: table, a log or an attack, and the file would be slow for every later command to read.
MAX_RECORDS = 5000
MAX_CLAIM_FILE_BYTES = 16 * 1024 * 1024
#: Documents in flight per worker: enough to keep every worker busy while this process reads
#: the next inputs, few enough that memory stays flat on an archive of any size.
IN_FLIGHT_PER_WORKER = 8
ENGINES = ("local", "dask")
#: How often a worker checks that the run which started it is alive: a killed run's workers end
#: within this long, rather than waiting forever for work that will not come.
PARENT_POLL_SECONDS = 1.0
EXIT_ORPHANED = 1


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its counts and claim file digest, or the problem."""

    quotes: int = 0
    claims: int = 0
    changed: bool = False
    file_sha256: str | None = None
    # (class, message, path, line, column): an exception with its own __init__ does not pickle whole
    problem: tuple[str, str, str | None, int | None, int | None] | None = None

    def error(self) -> TrackerError | None:
        if self.problem is None:
            return None
        kind, message, path, line, column = self.problem
        return _ERRORS.get(kind, TrackerError)(message, path, line, column)


_ERRORS: dict[str, type[TrackerError]] = {cls.__name__: cls for cls in (InputError, ClaimFileError, LockError)}


def _problem(exc: TrackerError) -> tuple[str, str, str | None, int | None, int | None]:
    return type(exc).__name__, exc.message, exc.path, exc.line, exc.column


Extracted = tuple[list[Quote], list[Claim], list[Correction]] | Outcome


def extract_one(doc: Document) -> Extracted:
    """The document's records, or an Outcome naming why it yields no claim file."""
    try:
        quotes, claims = extract_document(doc, max_records=MAX_RECORDS)
    except TooManyRecords:
        return Outcome(problem=_problem(InputError(
            f"article yields over {MAX_RECORDS} quotes and claims (the limit per article; extraction stopped "
            "there); skipped", doc.article.path)))
    oversized = _oversized(len(quotes) + len(claims), _estimated_bytes(quotes, claims))
    if oversized:
        return Outcome(problem=_problem(InputError(oversized, doc.article.path)))
    return quotes, claims, correction_records(doc.body, doc.blocks, quotes, claims)


def write_one(doc: Document, extracted: Extracted, out_dir: Path) -> Outcome:
    """Write (or merge) the claim file of an extracted document."""
    if isinstance(extracted, Outcome):
        return extracted
    quotes, claims, notes = extracted
    try:
        path, changed = write_claim_file(out_dir, doc.article, quotes, claims, doc.body, sync_dir=False,
                                         corrections=notes)
    except TrackerError as exc:
        return Outcome(problem=_problem(exc))
    return Outcome(len(quotes), len(claims), changed, file_sha256(path))


def process_one(doc: Document, out_dir: Path) -> Outcome:
    return write_one(doc, extract_one(doc), out_dir)


def _estimated_bytes(quotes: list[Quote], claims: list[Claim]) -> int:
    """Roughly what the claim file will weigh (text fields plus a fixed cost per record)."""
    return (sum(len(q.text) + len(q.speaker or "") + 200 for q in quotes)
            + sum(len(c.sentence) + len(c.surface) + 250 for c in claims))


def _oversized(records: int, size: int) -> str | None:
    if records <= MAX_RECORDS and size <= MAX_CLAIM_FILE_BYTES:
        return None
    mb = 1024 * 1024
    return (f"article yields {records} quotes and claims (about {size / mb:.1f} MB of claim file); the limit is "
            f"{MAX_RECORDS} records and {MAX_CLAIM_FILE_BYTES // mb} MB per article; skipped")


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


Runner = Callable[[Iterable[Document]], Iterator[Outcome]]


def local_runner(out_dir: Path, jobs: int, inherited: tuple[int, ...] = ()) -> Runner:
    """Outcomes in input order: in this process for one job, else from a pool of ``jobs`` processes."""
    if jobs <= 1:
        return lambda docs: (process_one(doc, out_dir) for doc in docs)

    def run(docs: Iterable[Document]) -> Iterator[Outcome]:
        load_cue_model()  # once, before the workers fork: they share it rather than each reading it
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(os.getpid(), inherited)) as pool:
            window: deque[Future[Outcome]] = deque()
            try:
                for doc in docs:
                    window.append(pool.submit(process_one, doc, out_dir))
                    while len(window) >= jobs * IN_FLIGHT_PER_WORKER:
                        yield window.popleft().result()
                while window:
                    yield window.popleft().result()
            finally:  # an error or Ctrl-C: drop queued work; articles being written finish cleanly
                pool.shutdown(wait=True, cancel_futures=True)
    return run


def _start_worker(parent: int, inherited: tuple[int, ...]) -> None:
    """Workers leave Ctrl-C to the parent (which stops handing out work and lets writes finish),
    close their copies of ``inherited`` descriptors (the output lock), and end when the parent is
    gone, killed before it could stop them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    threading.Thread(target=_end_with, args=(parent,), daemon=True, name="tracker-parent-watch").start()


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(EXIT_ORPHANED)


def runner(engine: str, out_dir: Path, jobs: int, scheduler: str | None = None,
           inherited: tuple[int, ...] = ()) -> tuple[Runner, Callable[[], None]]:
    """The engine's runner and what closes it; ``inherited``: descriptors local workers must close."""
    if engine == "dask":
        from .extract_dask import dask_runner

        return dask_runner(out_dir, jobs, scheduler)
    return local_runner(out_dir, jobs, inherited), lambda: None
