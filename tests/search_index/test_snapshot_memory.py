"""A loaded snapshot is kept out of the garbage collector's full passes, yet is freed as soon
as no thread searches it any more: searching never stalls on walking it, reloads never leak it,
and a worker holds one snapshot between loads, not two."""

from __future__ import annotations

import gc
import threading
import weakref

from search_index import SearchQuery, search


def test_a_dropped_snapshot_is_freed_although_it_was_frozen(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 40)])
    first = weakref.ref(home.searcher().snapshot.columns)
    assert gc.get_freeze_count() > 0  # the snapshot's objects left the collector's sight
    home.rebuild([make_doc(n) for n in range(1, 41)])
    assert search(home, SearchQuery()).total == 40  # this thread reopened: no one uses the first
    assert first() is None  # freed by reference counting, with no collection at all


def test_a_thread_that_has_not_reopened_keeps_its_snapshot_until_it_does(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 30)])
    ready, reopen, done = threading.Event(), threading.Event(), threading.Event()
    totals = []

    def slow_reader() -> None:
        totals.append(search(home, SearchQuery()).total)
        ready.set()
        reopen.wait(10)
        totals.append(search(home, SearchQuery()).total)
        done.set()

    reader = threading.Thread(target=slow_reader)
    reader.start()
    ready.wait(10)
    first = weakref.ref(home.searcher().snapshot.columns)
    home.update([make_doc(99)])
    assert search(home, SearchQuery()).total == 30  # this thread moved on
    assert first() is not None  # the other thread's searcher still reads it
    reopen.set()
    done.wait(10)
    reader.join(10)
    assert totals == [29, 30]
    assert first() is None  # its last reader moved on: freed


def test_searching_after_a_reload_still_finds_the_new_notices(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 5)])
    assert search(home, SearchQuery()).total == 4
    home.rebuild([make_doc(n) for n in range(1, 9)])
    assert search(home, SearchQuery()).total == 8
