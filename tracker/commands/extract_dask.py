"""Extraction on a Dask cluster (``--engine dask``): articles as a bag, extracted by the workers.

This process reads the inputs and writes every claim file; workers receive documents and
return records, so a cluster's machines need neither the input nor the output folder. Batches
of documents go out one bag at a time (bounded memory on an archive of any size) and come back
in input order, so the claim files are byte-identical to the local engine's. Without
``--scheduler`` a ``LocalCluster`` of ``jobs`` single-threaded worker processes is started.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import TrackerError
from ..ingest import Document
from .extract_work import IN_FLIGHT_PER_WORKER, Extracted, Outcome, Runner, extract_one, write_one

#: Documents per bag partition: large enough that scheduling costs little per article (a few
#: milliseconds a task), small enough that every worker gets a share of each batch.
PARTITION_SIZE = 16


def dask_runner(out_dir: Path, jobs: int, scheduler: str | None) -> tuple[Runner, Callable[[], None]]:
    """The Dask engine's runner and what closes its client (and the local cluster, if one was started)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise TrackerError("the Dask engine needs dask.distributed: pip install 'tracker[dask]'") from None
    cluster: Any = None
    try:
        if scheduler is None:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise TrackerError(f"cannot reach the Dask scheduler: {exc}", scheduler) from None
    workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
    batch_size = workers * IN_FLIGHT_PER_WORKER * PARTITION_SIZE

    def run(docs: Iterable[Document]) -> Iterator[Outcome]:
        stream = iter(docs)
        pending: deque[tuple[list[Document], Any]] = deque()

        def submit() -> None:  # one batch ahead, so the workers extract while this process writes
            if batch := list(islice(stream, batch_size)):
                bag = db.from_sequence(batch, partition_size=PARTITION_SIZE).map(extract_one)
                pending.append((batch, client.compute(bag)))

        submit()
        while pending:
            submit()
            batch, future = pending.popleft()
            extracted: list[Extracted] = future.result()
            for doc, result in zip(batch, extracted, strict=True):
                yield write_one(doc, result, out_dir)

    def close() -> None:
        client.close()
        if cluster is not None:
            cluster.close()

    return run, close
