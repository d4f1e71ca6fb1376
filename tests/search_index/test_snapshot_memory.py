"""A loaded snapshot is kept out of the garbage collector's full passes, yet is freed as soon
as the process drops it: searching never stalls on walking it, and reloads never leak it."""

from __future__ import annotations

import gc
import weakref

from search_index import SearchQuery, search


def test_a_dropped_snapshot_is_freed_although_it_was_frozen(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 40)])
    first = weakref.ref(home.searcher().snapshot.columns)
    assert gc.get_freeze_count() > 0  # the snapshot's objects left the collector's sight
    for count in (41, 42):  # two newer generations: the process keeps two snapshots
        home.rebuild([make_doc(n) for n in range(1, count)])
        assert search(home, SearchQuery()).total == count - 1
    assert first() is None  # freed by reference counting, with no collection at all


def test_searching_after_a_reload_still_finds_the_new_notices(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 5)])
    assert search(home, SearchQuery()).total == 4
    home.rebuild([make_doc(n) for n in range(1, 9)])
    assert search(home, SearchQuery()).total == 8
