"""How long a worker's other threads wait while one of its threads moves to a new commit: it
reads the new column snapshot and lets go of the old one (scripts/bench search reports it)."""

from __future__ import annotations

import statistics
import threading
import time

from search_index import IndexDocument, IndexHome, SearchQuery, search

TICK_SECONDS = 0.001


class _Ticker:
    """A thread that wakes every millisecond and keeps the longest gap between two wake-ups:
    how long the interpreter held it back (a busy thread hands over the interpreter every
    5 ms when asked, so ~6 ms is the floor while another thread computes)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.is_set():
            time.sleep(TICK_SECONDS)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            last = now

    def __enter__(self) -> _Ticker:
        self._thread.start()
        time.sleep(0.05)  # running before the measured work starts
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def reload_stalls(home: IndexHome, document: IndexDocument, repeats: int = 3) -> dict:
    """Update the index with `document` (a new commit, as a load makes), then time the first
    search of this thread, which reads the new snapshot and drops the old one, while another
    thread ticks: reopen_s (median) and longest_stall_ms (the worst of the repeats)."""
    search(home, SearchQuery())  # this thread holds a searcher of the current commit
    seconds, stalls = [], []
    for _ in range(repeats):
        home.update([document])
        with _Ticker() as ticker:
            started = time.perf_counter()
            search(home, SearchQuery())
            seconds.append(time.perf_counter() - started)
        stalls.append(ticker.longest)
    return {
        "reopen_s": round(statistics.median(seconds), 2),
        "longest_stall_ms": round(max(stalls) * 1000, 1),
    }
