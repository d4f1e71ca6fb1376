"""Staff operations as plain functions over an application (its config and sessions); the CLI
is a thin shell over them."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from notices import contact_loads, dataset, indexing
from notices.db import ensure_schema, upgrade
from notices.follower import Follower
from notices.indexing import IndexUnavailable
from notices.ingest import records, store
from notices.ingest.loader import LoadOptions, run_load
from notices.ingest.memo import IngestMemo
from notices.ingest.report import STATUS_REFUSED, LoadReport
from notices.ingest.sources import FetchOptions, SourceError, open_source
from notices.models import Contact, ContactLoad, LoadRun
from notices.services import Services
from search_index import Drift, GenerationInfo, IndexHome

if TYPE_CHECKING:  # only for annotations: operations run without a web layer
    from flask import Flask

# Called with the number of items done since the last call (a progress bar or log line).
Progress = Callable[[int], None]


def upgrade_database(config: Mapping[str, Any]) -> None:
    """Create or update the schema; idempotent."""
    upgrade(config["DATABASE_URL"])


def services_of(app: Flask) -> Services:
    """The application's services: engine, sessions, index home, media directory."""
    return app.extensions["notices"]


def sessions_for(app: Flask) -> sessionmaker[Session]:
    """The application's session factory (its engine is disposed with the app)."""
    return services_of(app).sessions


def picture_limits(config: Mapping[str, Any]) -> dict:
    """The picture limits of the configuration, as process_picture takes them."""
    return {
        "max_bytes": config["PICTURE_MAX_BYTES"],
        "max_pixels": config["PICTURE_MAX_PIXELS"],
        "max_side": config["PICTURE_MAX_SIDE"],
        "thumb_side": config["THUMBNAIL_SIDE"],
    }


def load(
    app: Flask,
    spec: str,
    *,
    full: bool,
    kinds: tuple[str, ...] = (),
    dry_run: bool = False,
    allow_mass_withdrawal: bool = False,
    progress: Progress | None = None,
) -> LoadReport:
    """Load one source into the database (and, once it committed, into the live index)."""
    config = app.config
    options = LoadOptions(
        media_dir=Path(config["MEDIA_DIR"]),
        mode="full" if full else "partial",
        kinds=tuple(kinds),
        dry_run=dry_run,
        allow_mass_withdrawal=allow_mass_withdrawal,
        mass_withdrawal_share=config["MASS_WITHDRAWAL_SHARE"],
        picture_limits=picture_limits(config),
        memo=IngestMemo.read(config["DATA_DIR"]),
    )
    ensure_schema(config["DATABASE_URL"])
    repair = None if dry_run else _repair_quietly(app)
    try:
        fetch = FetchOptions.from_config(
            config, known_input=options.memo.holds, known_file=options.memo.file_entry
        )
        source = open_source(spec, kinds=kinds or None, fetch=fetch)
    except SourceError as error:
        report = LoadReport(source=spec, mode=options.mode, dry_run=dry_run, failure=str(error))
        _record_unreadable(app, report)
    else:
        with bulk_allocation():
            report = run_load(sessions_for(app), source, options, progress)
        if report.committed:
            _remember_inputs(app, options.memo)
            _follow_in_index(app, report)
            _refresh_dataset(app)
    report.index_repair = repair
    return report


def _remember_inputs(app: Flask, memo: IngestMemo) -> None:
    """After a committed load: what its inputs normalised to, for the next load. Without the
    file the next load only takes longer, so a failure is logged, not raised."""
    try:
        memo.write(app.config["DATA_DIR"])
    except OSError as error:
        app.logger.warning("the load was saved; its ingest memo was not (%s)", error)


def _record_unreadable(app: Flask, report: LoadReport) -> None:
    """A load that never got to read its source is an attempt too: it gets its record."""
    if not report.dry_run:
        report.load_run_id = records.start_load_run(sessions_for(app), report)
        records.record_failure(sessions_for(app), report)


def _follow_in_index(app: Flask, report: LoadReport) -> None:
    """Bring the live index up to a committed load (every journal entry it does not hold yet:
    a follower may have applied some already); until done, its record says pending."""
    sessions = sessions_for(app)
    try:
        indexing.catch_up(sessions, index_for(app))
    except IndexUnavailable as error:
        # The load is saved and stays saved; only the derived index lags behind.
        report.index_failure = str(error)
        app.logger.error("the load was saved, but %s", error)
        return
    records.clear_index_pending(sessions, report.load_run_id, only=True)


def export_dataset(app: Flask) -> dataset.DatasetInfo:
    """Rewrite the bulk dataset (every active notice) from the database, atomically."""
    return dataset.write_dataset(sessions_for(app), app.config["DATA_DIR"])


def _refresh_dataset(app: Flask) -> None:
    """After a committed load: the open-data file follows (unless it already holds every change).
    If it cannot, the load stays saved and the previous file stays served; an operator reruns
    `notices data export`."""
    try:
        if not dataset.is_current(sessions_for(app), app.config["DATA_DIR"]):
            export_dataset(app)
    except (OSError, SQLAlchemyError) as error:
        app.logger.error(
            "the load was saved, but the bulk dataset was not rewritten (%s); "
            "run `notices data export`",
            error,
        )


def _repair_quietly(app: Flask) -> Drift | None:
    """Before a load: repair what an earlier load left the index missing. If the index cannot
    be repaired now, the load goes ahead (the database is what counts) and reports it."""
    try:
        drift = repair_pending_index(app)
    except IndexUnavailable as error:
        app.logger.error("could not repair the search index before loading: %s", error)
        return None
    return drift if drift is not None and not drift.ok else None


def index_pending(session: Session) -> bool:
    """True while a committed load's changes may be missing from the search index (a load was
    killed after its commit, or the index could not follow): call repair_pending_index."""
    return records.index_pending(session)


def repair_pending_index(app: Flask) -> Drift | None:
    """If a load left the index behind, reconcile it with the database; the drift repaired,
    or None when nothing was pending. Raises IndexUnavailable when the index is damaged."""
    sessions = sessions_for(app)
    with sessions() as session:
        up_to = records.last_pending(session)
    if up_to is None:
        return None
    home = index_for(app)
    drift = indexing.reconcile(sessions, home) if home.current_name() else None
    records.clear_index_pending(sessions, up_to)
    return drift


def index_for(app: Flask) -> IndexHome:
    """The application's IndexHome."""
    return services_of(app).index


def rebuild_index(app: Flask, progress: Progress | None = None) -> GenerationInfo:
    """Build a fresh index generation from the database and switch to it."""
    ensure_schema(app.config["DATABASE_URL"])
    sessions = sessions_for(app)
    with sessions() as session:
        up_to = records.last_pending(session)
    with bulk_allocation():
        info = indexing.rebuild(
            sessions, index_for(app), progress, processes=app.config["INDEX_PROCESSES"]
        )
    if up_to is not None:
        records.clear_index_pending(sessions, up_to)
    return info


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Fewer full garbage collections while a command builds millions of long-lived objects:
    each full collection walks them all, which cost ~10 % of a 100k-notice rebuild."""
    thresholds = gc.get_threshold()
    gc.freeze()  # what the process allocated so far is never collected: stop walking it
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def update_index(app: Flask) -> Drift:
    """Reconcile the live index with the database; returns the drift that was repaired."""
    sessions = sessions_for(app)
    with sessions() as session:
        up_to = records.last_pending(session)
    drift = indexing.reconcile(sessions, index_for(app))
    if up_to is not None:
        records.clear_index_pending(sessions, up_to)
    return drift


def follower_for(app: Flask, interval: float, say: Callable[[str], None]) -> Follower:
    """A follower of the change journal into this application's index (`index follow`)."""
    ensure_schema(app.config["DATABASE_URL"])
    services = services_of(app)
    return Follower(services.engine, services.sessions, services.index, interval, say)


def check_index(app: Flask) -> Drift:
    """Drift between database and live index."""
    return indexing.check(sessions_for(app), index_for(app))


def recent_loads(app: Flask, limit: int) -> list[LoadRun]:
    """The most recent loads, newest first; loads that were killed say so (not "running")."""
    with sessions_for(app)() as session:
        try:
            with session.begin():
                store.mark_killed_loads(session)
        except OperationalError:  # SQLite: a load holds the write lock, so it is running
            pass
        return records.load_runs(session, limit)


def get_load(app: Flask, load_id: int) -> LoadRun | None:
    """One load with its rejections loaded."""
    with sessions_for(app)() as session:
        run = session.get(LoadRun, load_id)
        if run is not None:
            run.rejections  # noqa: B018 - load them before the session closes
        return run


def describe_load(run: LoadRun) -> str:
    """One line per load for staff."""
    finished = run.finished_at.isoformat(" ", "seconds") if run.finished_at else "not finished"
    if run.status == STATUS_REFUSED:  # nothing was applied: say what it would have done
        counts = (
            f"would add {run.added}, would change {run.changed}, unchanged "
            f"{run.unchanged}, would withdraw {run.withdrawn}"
        )
    else:
        counts = (
            f"added {run.added}, changed {run.changed}, unchanged {run.unchanged}, "
            f"withdrawn {run.withdrawn}"
        )
    line = (
        f"#{run.id} {run.status} {run.mode} {run.source} started "
        f"{run.started_at.isoformat(' ', 'seconds')}, {finished}: {counts}, "
        f"rejected {run.rejected}"
    )
    line += f" ({run.message})" if run.message else ""
    return line + (" [index pending: run `notices index update`]" if run.index_pending else "")


def staff_notices_present(app: Flask) -> bool:
    """True when an active notice was last written by a load of real (not demo) data: then
    demo data must never be loaded over it."""
    from sqlalchemy import exists, select

    from notices.models import STATUS_ACTIVE, Notice

    staff_written = exists().where(
        Notice.status == STATUS_ACTIVE, Notice.last_load_id == LoadRun.id, LoadRun.demo.is_(False)
    )
    with sessions_for(app)() as session:
        return bool(session.scalar(select(staff_written)))


def load_contacts(app: Flask, path: str, *, demo: bool = False) -> contact_loads.ContactLoadReport:
    """Replace the contact directory with a YAML or CSV file's valid rows (one transaction)."""
    ensure_schema(app.config["DATABASE_URL"])
    return contact_loads.load_directory(sessions_for(app), path, demo=demo)


def contact_directory(app: Flask) -> tuple[list[Contact], ContactLoad | None]:
    """Every contact by country code, and the load that last replaced the directory."""
    with sessions_for(app)() as session:
        return contact_loads.directory(session), contact_loads.last_load(session)


def staff_contacts_present(app: Flask) -> bool:
    """True when staff loaded the directory: the demo directory must never replace it."""
    with sessions_for(app)() as session:
        return contact_loads.staff_directory_present(session)
