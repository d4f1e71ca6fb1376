"""Every thread of a worker searches with its own reader, but the parts of the segment file
they read (postings, term index, ...) are in memory once per process, not once per thread:
at 100k notices that was ~30 MB more per thread."""

from __future__ import annotations

import threading
import tracemalloc
from tracemalloc import Snapshot

from search_index import SearchQuery, search, segment_files
from search_index.segment_files import shared_parts_held
from tests.search_index.conftest import build_doc

THREADS = 4
FAMILIES = ("OKAFOR", "LINDQVIST", "BARANOWSKA", "HAUGEN", "MWANGI", "ESTERHAZY")


def _searching_threads(home, queries: list[SearchQuery]) -> tuple[list[int], Snapshot | None, int]:
    """Run each thread's searches one thread after the other; their totals, what is allocated
    and the shared parts held while every thread (and so its reader) is still alive."""
    done, release, totals = threading.Semaphore(0), threading.Event(), []

    def searching() -> None:
        totals.extend(search(home, query).total for query in queries)
        done.release()
        release.wait(30)

    threads = [threading.Thread(target=searching) for _ in range(THREADS)]
    try:
        for thread in threads:
            thread.start()
            assert done.acquire(timeout=30)
        snapshot = tracemalloc.take_snapshot() if tracemalloc.is_tracing() else None
        held = shared_parts_held()
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
    return totals, snapshot, held


def _traced_in(snapshot: tracemalloc.Snapshot, path_part: str) -> int:
    return sum(
        stat.size
        for stat in snapshot.statistics("filename")
        if path_part in stat.traceback[0].filename
    )


def _docs(count: int) -> list:
    return [
        build_doc(n, family=f"{FAMILIES[n % len(FAMILIES)]}{'' if n % 3 else 'SSON'}")
        for n in range(1, count)
    ]


def test_threads_reading_one_commit_hold_its_segment_parts_once(home):
    home.rebuild(_docs(400))
    queries = [SearchQuery(text=family) for family in FAMILIES]
    tracemalloc.start()
    try:
        totals, snapshot, held = _searching_threads(home, queries)
    finally:
        tracemalloc.stop()
    assert held > 20_000  # the postings and term index the searches read
    assert totals == totals[: len(queries)] * THREADS and min(totals) > 0
    # Read once, into the shared copies ...
    assert _traced_in(snapshot, "search_index/segment_files.py") < 2 * held
    # ... and not copied again by each thread's reader (before: a private copy per reader).
    assert _traced_in(snapshot, "whoosh/filedb/structfile.py") < held


def test_an_old_commits_parts_are_freed_when_its_last_reader_leaves(home):
    before = set(segment_files._segments.keys())  # other tests' readers may still be alive
    home.rebuild(_docs(300))
    assert _searching_threads(home, [SearchQuery(text="OKAFOR")])[0] == [49] * THREADS
    assert search(home, SearchQuery(text="MWANGI")).total == 50  # this thread reads gen 1
    first = set(segment_files._segments.keys()) - before
    assert first  # gen 1's parts, shared
    home.rebuild(_docs(360))  # a new generation: new segment files
    assert search(home, SearchQuery(text="MWANGI")).total == 60  # the last reader moves on
    assert not first & set(segment_files._segments.keys())  # gen 1's parts are freed
