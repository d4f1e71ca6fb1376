"""The long-lived things one application holds: database engine, sessions, index, media."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from notices.contact_directory import ContactDirectory
from search_index import IndexHome


@dataclass
class Services:
    """One per application (in `app.extensions["notices"]`), so tests and several apps in one
    process never share state through module globals."""

    engine: Engine
    sessions: sessionmaker[Session]
    index_dir: str
    media_dir: Path
    _index: IndexHome | None = field(default=None, repr=False)
    # The contacts notice pages show, read once per directory version.
    contacts: ContactDirectory = field(default_factory=ContactDirectory, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def index(self) -> IndexHome:
        """The application's IndexHome, opened on first use (it creates its directory), then
        shared by every thread so that searchers are reused across requests."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = IndexHome(self.index_dir)
        return self._index

    def warm(self) -> str | None:
        """Load the index's snapshot into this process now, so that no request pays for it;
        returns why not when there is no usable index yet."""
        try:
            self.index.preload()
        except Exception as error:  # noqa: BLE001 - missing or damaged: requests report it
            return str(error)
        return None

    def dispose(self) -> None:
        """Close pooled database connections (tests and forked workers call this)."""
        self.engine.dispose()
