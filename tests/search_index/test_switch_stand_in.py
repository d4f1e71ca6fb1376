"""While one thread reads a new commit, a thread that has a searcher answers from the commit it
had instead of waiting, then moves on to the new one. A thread that never searched has nothing
older to answer from, and waits."""

from __future__ import annotations

import threading

import pytest

from search_index import SearchQuery, search, searching


# Where the reading of a new commit is held: opening its files, or reading its snapshot.
@pytest.fixture(params=["_reader_once", "_read_snapshot"])
def slow_reading(request, monkeypatch):
    """Reopening that waits for `release` (what a 100k-notice snapshot costs in time)."""
    started, release = threading.Event(), threading.Event()
    step = getattr(searching, request.param)

    def held(*args, **kwargs):
        started.set()
        release.wait(10)
        return step(*args, **kwargs)

    monkeypatch.setattr(searching, request.param, held)
    release.set()
    yield started, release
    release.set()


def _hold(started: threading.Event, release: threading.Event) -> None:
    started.clear()
    release.clear()


def _total(home) -> int:
    return search(home, SearchQuery()).total


def _in_thread(target) -> tuple[threading.Thread, list]:
    found: list = []
    thread = threading.Thread(target=lambda: found.append(target()))
    thread.start()
    return thread, found


def test_a_thread_answers_from_its_commit_while_another_reads_the_new_one(
    home, make_doc, slow_reading
):
    started, release = slow_reading
    home.rebuild([make_doc(n) for n in range(1, 30)])
    assert _total(home) == 29
    stamp = home.answering_stamp()
    _hold(started, release)
    home.update([make_doc(99)])
    reader, read = _in_thread(lambda: _total(home))
    assert started.wait(10)
    assert _total(home) == 29  # no wait: the commit this thread had
    assert home.answering_stamp() == stamp != home.live_stamp()
    release.set()
    reader.join(10)
    assert read == [30]
    assert _total(home) == 30  # the new commit, once it is read
    assert home.answering_stamp() == home.live_stamp()


def test_a_thread_without_a_searcher_waits_for_the_new_commit(home, make_doc, slow_reading):
    started, release = slow_reading
    home.rebuild([make_doc(n) for n in range(1, 30)])
    _hold(started, release)
    home.update([make_doc(99)])
    found: list[int] = []
    newcomer = threading.Thread(target=lambda: found.append(_total(home)))
    newcomer.start()
    assert started.wait(10)
    newcomer.join(0.3)
    assert newcomer.is_alive()  # nothing older to answer from: it waits
    release.set()
    newcomer.join(10)
    assert found == [30]
