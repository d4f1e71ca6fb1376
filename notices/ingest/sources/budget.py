"""Bounds of a web service load: a wall-clock deadline per request, and a budget per load."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from notices.ingest.sources.base import SourceError

T = TypeVar("T")


class BudgetExceeded(SourceError):
    """The load used up FETCH_MAX_REQUESTS or FETCH_MAX_SECONDS: it stops as a whole."""


class DeadlineExceeded(Exception):
    """One request got no complete answer within its deadline."""


class FetchBudget:
    """Counts the requests and seconds of one load; spend() raises once either runs out."""

    def __init__(
        self,
        max_requests: int | None,
        max_seconds: float | None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.max_requests, self.max_seconds = max_requests, max_seconds
        self.requests = 0
        self._clock = clock
        self._started = clock()

    def spend(self) -> None:
        """Account for one more request, or raise BudgetExceeded."""
        if self.max_requests is not None and self.requests >= self.max_requests:
            raise BudgetExceeded(
                f"the load reached FETCH_MAX_REQUESTS ({self.max_requests} requests) before "
                "it had read the whole service"
            )
        if self.max_seconds is not None and self.elapsed() >= self.max_seconds:
            raise BudgetExceeded(
                f"the load reached FETCH_MAX_SECONDS ({self.max_seconds:g} s) before it had "
                "read the whole service"
            )
        self.requests += 1

    def elapsed(self) -> float:
        return self._clock() - self._started

    def left(self) -> float | None:
        """Seconds left, if the budget has a time limit."""
        return None if self.max_seconds is None else self.max_seconds - self.elapsed()


def within(seconds: float, work: Callable[[threading.Event], T]) -> T:
    """work(cancelled) in a helper thread; DeadlineExceeded if it has not ended in `seconds`.

    Socket timeouts bound each read, not a whole answer: a server dripping a byte every few
    seconds never trips them. The helper thread is a daemon and sees `cancelled` at its next
    read; it never holds up the process.
    """
    cancelled, done, outcome = threading.Event(), threading.Event(), {}

    def run() -> None:
        try:
            outcome["value"] = work(cancelled)
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = error
        finally:
            done.set()

    threading.Thread(target=run, name="notices-fetch", daemon=True).start()
    if not done.wait(seconds):
        cancelled.set()
        raise DeadlineExceeded(f"no complete answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
