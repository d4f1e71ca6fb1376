"""Database reads of the web layer: notices by id, pages of rows, pictures, demo state."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

from flask import current_app, g
from sqlalchemy import or_, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from notices.models import STATUS_ACTIVE, LoadRun, Notice, Picture


@contextmanager
def session_scope():
    """A read-only session for one view; objects stay usable after it closes."""
    with current_app.extensions["notices.sessions"]() as session:
        yield session


def get_notice(entity_id: str) -> Notice | None:
    """The notice (active or withdrawn) with its warrants and pictures, or None."""
    query = (
        select(Notice)
        .where(Notice.entity_id == entity_id)
        .options(selectinload(Notice.warrants), selectinload(Notice.pictures))
    )
    with session_scope() as session:
        return session.scalars(query).first()


def active_notices_by_id(entity_ids: Iterable[str]) -> dict[str, Notice]:
    """Active notices of a result page, in one query (plus one per eager relationship)."""
    ids = list(entity_ids)
    if not ids:
        return {}
    query = (
        select(Notice)
        .where(Notice.entity_id.in_(ids), Notice.status == STATUS_ACTIVE)
        .options(selectinload(Notice.warrants), selectinload(Notice.pictures))
    )
    with session_scope() as session:
        return {notice.entity_id: notice for notice in session.scalars(query)}


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


def latest_load_is_demo() -> bool:
    """True when the latest successful real (not dry-run) load came from demo data."""
    query = (
        select(LoadRun.demo)
        .where(LoadRun.status == "succeeded", LoadRun.dry_run.is_(False))
        .order_by(LoadRun.id.desc())
        .limit(1)
    )
    with session_scope() as session:
        return bool(session.scalar(query))


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
