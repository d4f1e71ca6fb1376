"""Every thread of a worker searches with its own reader, but the segment files they read
(postings, term index, ...) are mapped once per process and read in place: no reader copies
them into the process's own memory (at 100k notices that was ~30 MB per thread, and then
~57 MB per process)."""

from __future__ import annotations

import threading
import tracemalloc
from pathlib import Path
from tracemalloc import Snapshot

import pytest

from search_index import SearchQuery, search
from tests.search_index.conftest import build_doc

THREADS = 4
FAMILIES = ("OKAFOR", "LINDQVIST", "BARANOWSKA", "HAUGEN", "MWANGI", "ESTERHAZY")


def _searching_threads(home, queries: list[SearchQuery]) -> tuple[list[int], Snapshot | None, list]:
    """Run each thread's searches one thread after the other; their totals, what is allocated
    and the process's mappings of segment files while every thread (and so its reader) is
    still alive."""
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
        mapped = _mapped_segment_files()
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
    return totals, snapshot, mapped


def _mapped_segment_files() -> list[str]:
    """Paths of the segment files mapped into this process, once per mapping."""
    lines = Path("/proc/self/maps").read_text().splitlines()
    return [line.split(maxsplit=5)[5] for line in lines if line.endswith(".seg")]


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


@pytest.fixture(autouse=True)
def _linux_only():
    if not Path("/proc/self/maps").exists():
        pytest.skip("reads the process's mappings from /proc")


def test_threads_read_one_mapping_of_each_segment_file_and_copy_none_of_it(home):
    home.rebuild(_docs(3000))
    queries = [SearchQuery(text=family) for family in FAMILIES]
    tracemalloc.start()
    try:
        totals, snapshot, mapped = _searching_threads(home, queries)
    finally:
        tracemalloc.stop()
    assert totals == totals[: len(queries)] * THREADS and min(totals) > 0
    segments = sorted(str(path) for path in Path(home.root).glob("gen-*/*.seg"))
    mapped = [path for path in mapped if path.startswith(str(home.root))]  # not other tests'
    assert segments and sorted(mapped) == segments  # each file mapped once, for four readers
    size = sum(Path(path).stat().st_size for path in segments)
    assert size > 400_000  # the postings and term index the searches read
    # Neither our storage nor Whoosh's file classes copied the parts (before: one private copy
    # per reader, then one shared copy of every part read).
    copied = _traced_in(snapshot, "search_index/segment_files.py")
    copied += _traced_in(snapshot, "whoosh/filedb/structfile.py")
    assert copied < size // 4


def test_an_old_commits_files_are_unmapped_when_its_last_reader_leaves(home):
    home.rebuild(_docs(300))
    assert _searching_threads(home, [SearchQuery(text="OKAFOR")])[0] == [49] * THREADS
    assert search(home, SearchQuery(text="MWANGI")).total == 50  # this thread reads gen 1
    first = {path for path in _mapped_segment_files() if path.startswith(str(home.root))}
    assert first  # gen 1's files, mapped
    home.rebuild(_docs(360))  # a new generation: new segment files
    assert search(home, SearchQuery(text="MWANGI")).total == 60  # the last reader moves on
    assert not first & set(_mapped_segment_files())  # gen 1's files are unmapped
