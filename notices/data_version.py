"""The data's version as public answers see it: changes with every committed load or contacts
load, so a cache keyed on it is never stale (notices/web/common/response_cache.py)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from notices.ingest.report import COMMITTED_STATUSES
from notices.models import ContactLoad, JournalEntry, LoadRun

# Each part moves in the transaction that changes what pages show: the journal with every
# notice a load adds, changes or withdraws; the newest committed load with the demonstration
# state (a load that changed no notice may still change it); the contacts with their load.
DATA_VERSION = select(
    select(func.max(JournalEntry.seq)).scalar_subquery(),
    select(func.max(LoadRun.id)).where(LoadRun.status.in_(COMMITTED_STATUSES)).scalar_subquery(),
    select(func.max(ContactLoad.id)).scalar_subquery(),
)


def data_version(connection: Connection) -> tuple:
    """(journal position, newest committed load, newest contacts load), None where empty."""
    return tuple(connection.execute(DATA_VERSION).one())
