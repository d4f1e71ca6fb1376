"""Documents -> what the writer takes, in batches, optionally in helper processes beside it.

Name analysis (convert) and counting each document's terms are most of a rebuild's CPU outside
the writer. With helper processes working on batches while the writer appends the previous
ones, the two overlap. Results come back in document order, so the index holds the same
postings and rows as a sequential build's. Helpers are spawned, never forked: a rebuild may
run in a threaded process (a follower inside a web worker).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from search_index.columns import Row
from search_index.convert import convert
from search_index.documents import IndexDocument

BATCH = 500  # documents per task: large enough that pickling them is cheap per document
PARALLEL_FROM = 20_000  # fewer documents convert faster than helper processes start
Converted = tuple[dict[str, object], Row]
Result = TypeVar("Result")


def helper_processes(count: int, setting: int | None = None) -> int:
    """Helper processes for a rebuild of `count` documents: `setting` when given (0: none),
    else as many as this machine has cores for a large build, none for a small one. (The
    writer waits for its helpers about half of the time: with one helper fewer than cores, a
    core stayed half idle. A 100k rebuild on 2 cores took 35-36 s with one helper, 30.5-31.5 s
    with two.)"""
    if setting is not None:
        return max(0, setting)
    if count < PARALLEL_FROM:
        return 0
    return os.cpu_count() or 1


def spawned_pool(processes: int) -> ProcessPoolExecutor:
    """`processes` helper processes, spawned, never forked: a rebuild may run in a threaded
    process (a follower inside a web worker)."""
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))


def convert_all(documents: list[IndexDocument], first: int = 0) -> list[Converted]:
    """convert() of each document of a batch (`first`, its first doc number, is not needed)."""
    return [convert(doc) for doc in documents]


def in_batches(
    documents: Iterable[IndexDocument],
    work: Callable[[list[IndexDocument], int], Result],
    processes: int = 0,
) -> Iterator[Result]:
    """work(batch, first doc number of the batch) of consecutive batches, in order; with
    `processes` helpers working ahead of the caller (at most two batches per helper in
    flight, so memory stays flat). `work` must be a module-level function. An error raised in
    a helper (an InvalidDocument) is raised here, at its document's batch."""
    first = 0
    iterator = iter(documents)
    if processes < 1:
        while batch := list(islice(iterator, BATCH)):
            yield work(batch, first)
            first += len(batch)
        return
    with spawned_pool(processes) as pool:
        pending: deque[Future] = deque()
        while batch := list(islice(iterator, BATCH)):
            pending.append(pool.submit(work, batch, first))
            first += len(batch)
            if len(pending) > 2 * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
