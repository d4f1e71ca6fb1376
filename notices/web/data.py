"""Database reads of the web layer: notices by id, pages of rows, pictures, demo state."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

from flask import current_app, g
from sqlalchemy import bindparam, or_, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import joinedload

from notices.models import STATUS_ACTIVE, LoadRun, Notice, Picture
from notices.web.result_rows import ResultNotice, active_result_notices


@contextmanager
def session_scope():
    """A read-only session for one view; objects stay usable after it closes."""
    with current_app.extensions["notices.sessions"]() as session:
        yield session


# One query: a notice has a handful of warrants and pictures at most, so joining both costs
# a few duplicate rows and saves two round trips. Built once, so compiled once.
NOTICE_BY_ID = (
    select(Notice)
    .where(Notice.entity_id == bindparam("entity_id"))
    .options(joinedload(Notice.warrants), joinedload(Notice.pictures))
)


def get_notice(entity_id: str) -> Notice | None:
    """The notice (active or withdrawn) with its warrants and pictures, or None."""
    with session_scope() as session:
        return session.scalars(NOTICE_BY_ID, {"entity_id": entity_id}).unique().first()


def active_notices_by_id(entity_ids: Iterable[str]) -> dict[str, ResultNotice]:
    """Active notices of a result page with the fields result lists show (see
    notices.web.result_rows), their warrants and pictures."""
    ids = list(entity_ids)
    if not ids:
        return {}
    with session_scope() as session:
        return active_result_notices(session.connection(), ids)


def picture_status(digest: str) -> str | None:
    """"active" if an active notice shows this picture (or thumbnail), "withdrawn" if only
    withdrawn ones do, None if no notice has it."""
    query = (
        select(Notice.status)
        .join(Picture, Picture.notice_id == Notice.id)
        .where(or_(Picture.sha256 == digest, Picture.thumb_sha256 == digest))
    )
    with session_scope() as session:
        statuses = set(session.scalars(query))
    if not statuses:
        return None
    return "active" if STATUS_ACTIVE in statuses else "withdrawn"


# Every page asks (for the demonstration banner): built once, compiled once.
LATEST_LOAD_DEMO = (
    select(LoadRun.demo)
    .where(LoadRun.status == "succeeded", LoadRun.dry_run.is_(False))
    .order_by(LoadRun.id.desc())
    .limit(1)
)


def latest_load_is_demo() -> bool:
    """True when the latest successful real (not dry-run) load came from demo data."""
    with current_app.extensions["notices.engine"].connect() as connection:
        return bool(connection.execute(LATEST_LOAD_DEMO).scalar())


def demo_mode() -> bool:
    """Whether to show the demonstration banner (computed once per request)."""
    if "notices_demo" not in g:
        g.notices_demo = bool(current_app.config["DEMO_MODE"]) or _load_state_is_demo()
    return g.notices_demo


def _load_state_is_demo() -> bool:
    # Error pages show the banner too; they must render even when the database does not.
    try:
        return latest_load_is_demo()
    except SQLAlchemyError:
        current_app.logger.exception("cannot read the load history for the demo banner")
        return False


def database_reachable() -> bool:
    """True when a trivial query succeeds (for /readyz)."""
    try:
        with session_scope() as session:
            session.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False
    return True
