"""Documents -> (Whoosh values, column Row), optionally in helper processes beside the writer.

Name analysis (convert) is about a third of a rebuild's CPU and the Whoosh writer another
third, in one process. With helper processes converting batches while the writer indexes the
previous ones, the two overlap. Results come back in document order, so the index holds the
same postings and rows as a sequential build's. Helpers are spawned, never forked: a rebuild
may run in a threaded process (a follower inside a web worker).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from search_index.columns import Row
from search_index.convert import convert
from search_index.documents import IndexDocument

BATCH = 500  # documents per task: large enough that pickling them is cheap per document
PARALLEL_FROM = 20_000  # fewer documents convert faster than helper processes start
Converted = tuple[dict[str, object], Row]


def helper_processes(count: int, setting: int | None = None) -> int:
    """Helper processes for converting `count` documents: `setting` when given (0: none),
    else as many as this machine has cores for a large build, none for a small one. (The
    writer waits for its helpers about half of the time: with one helper fewer than cores, a
    core stayed half idle. A 100k rebuild on 2 cores took 35-36 s with one helper, 30.5-31.5 s
    with two.)"""
    if setting is not None:
        return max(0, setting)
    if count < PARALLEL_FROM:
        return 0
    return os.cpu_count() or 1


def convert_all(documents: list[IndexDocument]) -> list[Converted]:
    """convert() of each document of a batch (run in a helper process)."""
    return [convert(doc) for doc in documents]


def converted(documents: Iterable[IndexDocument], processes: int = 0) -> Iterator[Converted]:
    """convert() of every document, in order; with `processes` helpers converting batches
    ahead of the caller (at most two batches per helper in flight, so memory stays flat).
    An InvalidDocument raised in a helper is raised here, at its document's batch."""
    if processes < 1:
        yield from map(convert, documents)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        pending: deque[Future] = deque()
        iterator = iter(documents)
        while batch := list(islice(iterator, BATCH)):
            pending.append(pool.submit(convert_all, batch))
            if len(pending) > 2 * processes:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
