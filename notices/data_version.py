"""The data's version as public answers see it: changes with every notice a load adds, changes
or withdraws, with the demonstration state and with every contacts load, so a cache keyed on it
is never stale (notices/web/common/response_cache.py)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from notices.ingest.report import COMMITTED_STATUSES
from notices.models import ContactLoad, JournalEntry, LoadRun

# Whether the data is a demonstration: that of the newest committed real (not dry-run) load.
LATEST_LOAD_DEMO = (
    select(LoadRun.demo)
    .where(LoadRun.status.in_(COMMITTED_STATUSES), LoadRun.dry_run.is_(False))
    .order_by(LoadRun.id.desc())
    .limit(1)
)

# Each part moves in the transaction that changes what pages show: the journal with every
# notice a load adds, changes or withdraws; the demonstration state (a load that changed no
# notice may still change it); the contacts with their load. Not the newest load itself: a
# reload that changed nothing, or a dry run, would empty every node's cache for nothing.
DATA_VERSION = select(
    select(func.max(JournalEntry.seq)).scalar_subquery(),
    LATEST_LOAD_DEMO.scalar_subquery(),
    select(func.max(ContactLoad.id)).scalar_subquery(),
)


def data_version(connection: Connection) -> tuple:
    """(journal position, demonstration state, newest contacts load), None where empty."""
    return tuple(connection.execute(DATA_VERSION).one())
