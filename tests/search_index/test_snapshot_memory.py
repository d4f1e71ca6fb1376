"""A loaded snapshot is kept out of the garbage collector's full passes, yet is freed as soon
as no thread searches it any more: searching never stalls on walking it, reloads never leak it,
and a worker holds one snapshot between loads, not two."""

from __future__ import annotations

import gc
import os
import threading
import weakref

import pytest

from search_index import SearchQuery, search
from search_index.columns import Columns


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


def test_no_full_collection_runs_while_a_snapshot_is_read(home, make_doc, monkeypatch):
    """Each full collection while a snapshot is read walks the part read so far and holds
    every thread of the worker meanwhile (40-110 ms each at 100k notices)."""
    home.rebuild([make_doc(n) for n in range(1, 60)])
    reading, during = [], []
    original_load = Columns.load

    def observed_load(path: str) -> Columns:
        reading.append(True)
        try:
            return original_load(path)
        finally:
            reading.pop()

    def count(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2 and reading:
            during.append(info)

    monkeypatch.setattr(Columns, "load", staticmethod(observed_load))
    thresholds = gc.get_threshold()
    gc.callbacks.append(count)
    # Thresholds this small start a full collection every few allocations, as reading 100k
    # notices did with the default ones.
    gc.set_threshold(1, 1, 1)
    try:
        home.preload()
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*thresholds)
        gc.callbacks.remove(count)
    assert during == []
    assert after == (1, 1, 1)  # the collector runs as configured again


def test_a_snapshot_that_cannot_be_read_leaves_the_collector_as_it_was(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 5)])
    generation = home.path(home.require_current())
    for name in os.listdir(generation):
        if name.startswith("columns-") and name.endswith(".pickle"):
            with open(os.path.join(generation, name), "wb") as damaged:
                damaged.write(b"not a pickle")
    thresholds = gc.get_threshold()
    with pytest.raises(Exception):  # noqa: B017, PT011 - whatever unpickling raises
        home.preload()
    assert gc.get_threshold() == thresholds
