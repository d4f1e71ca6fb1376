"""The change journal: which notices each committed load added, changed or withdrew, in commit
order, so that the index of every node can follow the database (see follower.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from notices.models import JournalEntry

# PostgreSQL NOTIFY channel a load signals on commit: followers wake at once instead of polling.
CHANNEL = "notices_journal"


def record(
    session: Session,
    load_run_id: int,
    changes: dict[str, Sequence[str]],
    now: datetime,
) -> None:
    """Journal a load's changes ({"added": ids, "changed": ids, "withdrawn": ids}) inside its
    transaction (after its load lock: sequence numbers then follow commit order)."""
    rows = [
        {"load_run_id": load_run_id, "entity_id": entity_id, "change": change, "recorded_at": now}
        for change, entity_ids in changes.items()
        for entity_id in entity_ids
    ]
    if not rows:
        return
    session.execute(insert(JournalEntry), rows)
    if session.get_bind().dialect.name == "postgresql":
        # Delivered when (and only if) the transaction commits.
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


def latest_seq(session: Session) -> int:
    """The last journalled sequence number (0 before the first load): the position of an
    index that holds everything committed so far."""
    return session.scalar(select(func.coalesce(func.max(JournalEntry.seq), 0))) or 0


def entries_after(session: Session, position: int, limit: int) -> list[tuple[int, str]]:
    """(seq, entity id) of the next `limit` journal entries after `position`, in order."""
    rows = session.execute(
        select(JournalEntry.seq, JournalEntry.entity_id)
        .where(JournalEntry.seq > position)
        .order_by(JournalEntry.seq)
        .limit(limit)
    )
    return [(seq, entity_id) for seq, entity_id in rows]


def oldest_after(session: Session, position: int) -> datetime | None:
    """When the oldest change not yet at `position` was committed (naive UTC), or None when
    an index at `position` holds every change: how far that index lags."""
    return session.scalar(
        select(func.min(JournalEntry.recorded_at)).where(JournalEntry.seq > position)
    )
