"""`notices index follow`: keep this node's index in step with the database's change journal.

One long-running process per node. It wakes when a load commits (PostgreSQL LISTEN/NOTIFY) or
every `interval` seconds (the fallback, and the only way on SQLite), applies the journal
entries its index does not hold yet (indexing.catch_up: the position is stored with each index
commit, so a killed follower resumes exactly where its index stands), builds the index when
the node has none, and outlives database restarts by retrying with a growing pause.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from notices import indexing, journal
from notices.indexing import IndexUnavailable
from search_index import IndexHome

MAX_PAUSE_SECONDS = 30.0  # between retries while the database is unreachable


class ListenerLost(ConnectionError):
    """The LISTEN connection failed (the database restarted, say): listen again later."""


@dataclass
class Follower:
    """Follows the journal into one index home until `stop` is set."""

    engine: Engine
    sessions: sessionmaker[Session]
    home: IndexHome
    interval: float
    say: Callable[[str], None]
    stop: threading.Event = field(default_factory=threading.Event)
    _listener: object | None = field(default=None, repr=False)

    def run(self, once: bool = False) -> None:
        """Follow until stopped (or one step with `once`)."""
        pause = 1.0
        while not self.stop.is_set():
            try:
                self.step()
                pause = 1.0
                if once:
                    return
                self._wait(self.interval)
            except (OperationalError, DBAPIError, ListenerLost) as error:
                self._close_listener()
                if once:
                    raise
                self.say(f"database unreachable ({_first_line(error)}); retrying in {pause:.0f} s")
                self.stop.wait(pause)
                pause = min(pause * 2, MAX_PAUSE_SECONDS)
        self._close_listener()

    def step(self) -> None:
        """Bring the index up to the journal: build it if the node has none (or it is
        damaged), else apply what it lacks."""
        if self.home.current_name() is None:
            self._build("this node has no index yet")
            return
        try:
            applied = indexing.catch_up(self.sessions, self.home)
        except IndexUnavailable as error:
            self._build(f"the index could not be updated ({error})")
            return
        if applied:
            position = self.home.position()
            self.say(f"applied {applied} change(s); index at journal position {position}")

    def _build(self, why: str) -> None:
        self.say(f"{why}: building it from the database")
        info = indexing.rebuild(self.sessions, self.home)
        self.say(f"built {info.name}: {info.doc_count} notices, journal position {info.position}")

    # -- waiting ----------------------------------------------------------------------------
    def _wait(self, seconds: float) -> None:
        """Until a load commits (PostgreSQL) or `seconds` pass, whichever comes first."""
        if self.engine.dialect.name != "postgresql":
            self.stop.wait(seconds)
            return
        deadline = time.monotonic() + seconds
        try:
            listener = self._listen()
            # Short slices, so that a stop request is seen within a second.
            while not self.stop.is_set() and (left := deadline - time.monotonic()) > 0:
                if any(True for _ in listener.notifies(timeout=min(left, 1.0), stop_after=1)):
                    return
        except Exception as error:  # noqa: BLE001 - the driver's own errors: connection lost
            raise ListenerLost(_first_line(error)) from error

    def _listen(self):  # noqa: ANN202 - a psycopg connection; psycopg is not imported here
        if self._listener is None:
            raw = self.engine.raw_connection()
            connection = raw.driver_connection
            raw.detach()  # ours for as long as we listen: never back into the pool
            connection.autocommit = True
            connection.execute(f"LISTEN {journal.CHANNEL}")
            self._listener = connection
        return self._listener

    def _close_listener(self) -> None:
        if self._listener is not None:
            # It is being dropped because it failed: closing it may fail too.
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
