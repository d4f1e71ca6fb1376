"""The record of every load (LoadRun): starting, finishing, failing, and its index state."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from notices.ingest.report import STATUS_RUNNING, LoadReport
from notices.models import LoadRejection, LoadRun


def utcnow() -> datetime:
    """Naive UTC timestamp, as stored in every DateTime column."""
    return datetime.now(UTC).replace(tzinfo=None)


def start_load_run(sessions: sessionmaker[Session], report: LoadReport) -> int:
    """A "running" record, committed before the load begins, so every attempt leaves one."""
    with sessions() as session, session.begin():
        run = LoadRun(
            source=report.source,
            mode=report.mode,
            dry_run=False,
            demo=report.demo,
            status=STATUS_RUNNING,
            started_at=utcnow(),
        )
        session.add(run)
        session.flush()
        return run.id


def finish_load_run(session: Session, report: LoadReport) -> None:
    """Write the outcome; inside the load's transaction, so a load that committed says so."""
    run = session.get(LoadRun, report.load_run_id)
    run.status = report.status()
    run.kinds = list(report.kinds)
    run.finished_at = utcnow()
    run.message = report.failure
    if report.failure is None or report.refused:
        # A refused load keeps the counts it would have had: its status says none applied.
        run.added, run.changed = len(report.added), len(report.changed)
        run.unchanged, run.withdrawn = report.unchanged, len(report.withdrawn)
    run.rejected = report.rejected_records
    run.index_pending = report.committed and bool(
        report.added or report.changed or report.withdrawn
    )
    run.rejections = [
        LoadRejection(
            source=r.source, json_path=r.json_path, reason=r.reason, entity_id=r.entity_id
        )
        for r in report.rejections
    ]


def record_failure(sessions: sessionmaker[Session], report: LoadReport) -> None:
    """Record why nothing was loaded (in a transaction of its own: the load's rolled back)."""
    if report.load_run_id is None:
        return
    with sessions() as session, session.begin():
        finish_load_run(session, report)


def load_runs(session: Session, limit: int = 20) -> list[LoadRun]:
    """The most recent loads, newest first."""
    return list(session.scalars(select(LoadRun).order_by(LoadRun.id.desc()).limit(limit)))


def index_pending(session: Session) -> bool:
    """True while some committed load's changes may be missing from the search index."""
    return bool(session.scalar(select(exists().where(LoadRun.index_pending.is_(True)))))


def last_pending(session: Session) -> int | None:
    """Id of the newest load whose index update has not finished, if any."""
    return session.scalar(select(func.max(LoadRun.id)).where(LoadRun.index_pending.is_(True)))


def clear_index_pending(sessions: sessionmaker[Session], up_to: int, *, only: bool = False) -> None:
    """The index now reflects the load `up_to` (with `only`), or every load up to it: an id
    read before the index was brought in line with the database, so that a load committing
    meanwhile stays pending."""
    done = LoadRun.id == up_to if only else LoadRun.id <= up_to
    with sessions() as session, session.begin():
        session.execute(
            update(LoadRun).where(done, LoadRun.index_pending).values(index_pending=False)
        )
