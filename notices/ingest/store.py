"""Batched database writes of a load: inserts, updates, pictures and withdrawals in one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from notices.domain import publication_order
from notices.ingest.record import NoticeRecord
from notices.ingest.report import STATUS_INTERRUPTED
from notices.models import STATUS_ACTIVE, STATUS_WITHDRAWN, LoadRun, Notice, Picture, Warrant

KILLED_MESSAGE = "the process ended before the load committed"


@dataclass(frozen=True)
class StoredState:
    """What the database holds about one notice before the load."""

    id: int
    kind: str
    active: bool
    content_hash: str


def lock_for_load(session: Session, load_run_id: int | None) -> None:
    """Serialise loads: take the database's write lock first, then mark loads that were killed.

    On PostgreSQL a transaction-scoped advisory lock; on SQLite the first write of the
    transaction takes the database write lock, so a concurrent load waits (or fails cleanly).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7240311)"))
    session.execute(
        update(LoadRun)
        .where(LoadRun.status == "running", LoadRun.id != (load_run_id or -1))
        .values(status=STATUS_INTERRUPTED, message=KILLED_MESSAGE)
    )


def mark_killed_loads(session: Session) -> int:
    """Loads recorded as running while no load holds the load lock were killed: say so.

    Every load holds the lock for its whole transaction (see lock_for_load), so if the lock
    can be had at once, nothing is running. Returns how many records were corrected. Raises
    OperationalError on SQLite when a load is running now (then its record is true)."""
    if session.get_bind().dialect.name == "postgresql":
        if not session.scalar(text("SELECT pg_try_advisory_xact_lock(7240311)")):
            return 0
        return _mark_running_interrupted(session)
    # SQLite: a running load holds the write lock; take it without waiting, or fail.
    raw = session.connection().connection.dbapi_connection
    waited = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        return _mark_running_interrupted(session)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(waited)}")


def _mark_running_interrupted(session: Session) -> int:
    result = session.execute(
        update(LoadRun)
        .where(LoadRun.status == "running")
        .values(status=STATUS_INTERRUPTED, message=KILLED_MESSAGE)
    )
    return result.rowcount


def snapshot(session: Session) -> dict[str, StoredState]:
    """Entity id -> stored state of every notice, read once at the start of a load."""
    rows = session.execute(
        select(Notice.entity_id, Notice.id, Notice.kind, Notice.status, Notice.content_hash)
    )
    return {
        entity_id: StoredState(id_, kind, status == STATUS_ACTIVE, content_hash)
        for entity_id, id_, kind, status, content_hash in rows
    }


def picture_hashes(session: Session) -> dict[int, list[tuple[str, str]]]:
    """Notice id -> (picture, thumbnail) content hashes of every stored picture."""
    found: dict[int, list[tuple[str, str]]] = {}
    rows = session.execute(select(Picture.notice_id, Picture.sha256, Picture.thumb_sha256))
    for notice_id, sha256, thumb_sha256 in rows:
        found.setdefault(notice_id, []).append((sha256, thumb_sha256))
    return found


def existing_pictures(session: Session, notice_id: int) -> dict[str, dict]:
    """Picture id -> stored picture columns, so unchanged pictures are not processed again."""
    rows = session.execute(
        select(
            Picture.picture_id, Picture.sha256, Picture.thumb_sha256, Picture.width, Picture.height
        ).where(Picture.notice_id == notice_id)
    )
    return {
        r.picture_id: {
            "sha256": r.sha256,
            "thumb_sha256": r.thumb_sha256,
            "width": r.width,
            "height": r.height,
        }
        for r in rows
    }


@dataclass
class PendingWrite:
    """A record to write, with its pictures' stored columns in position order."""

    record: NoticeRecord
    content_hash: str
    pictures: list[tuple[str, dict]]  # (picture id, Picture columns)
    existing_id: int | None  # None: insert


class BatchWriter:
    """Writes batches of records with executemany statements (inserts, updates, children)."""

    def __init__(self, session: Session, load_run_id: int | None, now: datetime) -> None:
        self.session = session
        self.load_run_id = load_run_id
        self.now = now

    def write(self, writes: list[PendingWrite]) -> None:
        """Insert new notices, update known ones, and replace their warrants and pictures."""
        inserts = [w for w in writes if w.existing_id is None]
        updates = [w for w in writes if w.existing_id is not None]
        ids = self._insert_notices(inserts) + self._update_notices(updates)
        self._write_children(list(zip(ids, inserts + updates, strict=True)))

    def _row(self, write: PendingWrite) -> dict:
        row = write.record.stored_fields()
        row.update(
            content_hash=write.content_hash,
            status=STATUS_ACTIVE,
            last_changed=self.now,
            withdrawn_at=None,
            last_load_id=self.load_run_id,
        )
        return row

    def _insert_notices(self, writes: list[PendingWrite]) -> list[int]:
        if not writes:
            return []
        rows = [
            dict(
                self._row(w),
                first_published=self.now,
                publication_order=publication_order(w.record.entity_id),
            )
            for w in writes
        ]
        # Plain executemany, then one query for the new ids: RETURNING with parameter order
        # made SQLAlchemy's insertmanyvalues the slowest step of a load. Into the table, not
        # the mapped class: the ORM's bulk path spent ~80 % of the insert on its bookkeeping.
        self.session.execute(insert(Notice.__table__), rows)
        entity_ids = [w.record.entity_id for w in writes]
        ids = dict(
            self.session.execute(
                select(Notice.entity_id, Notice.id).where(Notice.entity_id.in_(entity_ids))
            ).all()
        )
        return [ids[entity_id] for entity_id in entity_ids]

    def _update_notices(self, writes: list[PendingWrite]) -> list[int]:
        if not writes:
            return []
        ids = [w.existing_id for w in writes]
        rows = [dict(self._row(w), id=w.existing_id) for w in writes]
        self.session.execute(update(Notice), rows)
        self.session.execute(delete(Warrant).where(Warrant.notice_id.in_(ids)))
        self.session.execute(delete(Picture).where(Picture.notice_id.in_(ids)))
        return ids

    def _write_children(self, written: list[tuple[int, PendingWrite]]) -> None:
        warrants = [
            {
                "notice_id": notice_id,
                "position": pos,
                "issuing_country": w.issuing_country,
                "charge": w.charge,
                "charge_translation": w.charge_translation,
            }
            for notice_id, write in written
            for pos, w in enumerate(write.record.warrants)
        ]
        pictures = [
            dict(columns, notice_id=notice_id, position=pos, picture_id=picture_id)
            for notice_id, write in written
            for pos, (picture_id, columns) in enumerate(write.pictures)
        ]
        if warrants:
            self.session.execute(insert(Warrant.__table__), warrants)
        if pictures:
            self.session.execute(insert(Picture.__table__), pictures)


def withdraw(
    session: Session, notice_ids: list[int], now: datetime, load_run_id: int | None
) -> None:
    """Mark notices withdrawn; their rows stay for the record, the public no longer sees them."""
    for start in range(0, len(notice_ids), 1000):
        chunk = notice_ids[start : start + 1000]
        session.execute(
            update(Notice)
            .where(Notice.id.in_(chunk))
            .values(
                status=STATUS_WITHDRAWN,
                withdrawn_at=now,
                last_changed=now,
                last_load_id=load_run_id,
            )
        )
