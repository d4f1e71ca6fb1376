"""Flask-free reads for the public side: one notice and its contacts, a page of search results,
picture and demo state. Views turn what these return into pages, JSON and status codes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Subquery,
    bindparam,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session, joinedload

from notices import journal
from notices.data_version import LATEST_LOAD_DEMO
from notices.domain import InvalidEntityId, parse_entity_id
from notices.indexing import index_errors
from notices.models import (
    STATUS_ACTIVE,
    STATUS_WITHDRAWN,
    LoadRun,
    Notice,
    Picture,
)
from notices.result_rows import (
    NOTICES,
    ResultNotice,
    active_result_notices,
    result_notices_and,
)
from search_index import Alternatives, Hit, IndexHome, SearchQuery, search, suggest


@dataclass(frozen=True)
class Gone:
    """A notice that was published here and has been withdrawn (pages answer 410)."""

    entity_id: str
    kind: str


# One query: a notice has a handful of warrants and pictures at most, so joining both costs
# a few duplicate rows and saves two round trips. Built once, so compiled once.
NOTICE_BY_ID = (
    select(Notice)
    .where(Notice.entity_id == bindparam("entity_id"))
    .options(joinedload(Notice.warrants), joinedload(Notice.pictures))
)


def find_notice(session: Session, entity: str) -> Notice | Gone | None:
    """The active notice with this id (slash or dash form) with its warrants and pictures;
    Gone when it was withdrawn; None when the id is malformed or unknown."""
    if entity != entity.strip():
        return None  # one URL per notice: " 2024-00101" is not the notice's address
    try:
        entity_id = parse_entity_id(entity)
    except InvalidEntityId:
        return None
    notice = session.scalars(NOTICE_BY_ID, {"entity_id": entity_id}).unique().first()
    if notice is None:
        return None
    if not notice.active:
        return Gone(notice.entity_id, notice.kind)
    return notice


@dataclass
class ResultsPage:
    """One page of search results: each hit with the notice row it names, newest data only."""

    total: int
    page: int
    per_page: int
    pages: int
    facets: dict[str, dict[str, int]]
    results: list[tuple[ResultNotice, Hit]] = field(default_factory=list)
    today: date = field(default_factory=date.today)  # the day ages are computed for
    # Other searches to offer when this one found (almost) nothing; asked for by the search
    # page and the API only (exports and feeds do not show them).
    alternatives: Alternatives = field(default_factory=Alternatives)
    demo: bool | None = None  # latest_load_is_demo when asked for and read with the rows


def search_notices(
    session: Session,
    home: IndexHome,
    query: SearchQuery,
    alternatives: bool = False,
    with_demo: bool = False,
) -> ResultsPage:
    """Search the index, read the page's rows, and drop hits whose notice is no longer active
    (a withdrawal committed after the index was read). With `alternatives`, a search that
    found (almost) nothing also says what else to try; `with_demo` reads latest_load_is_demo
    with the rows (None when none came back). Index failures raise IndexUnavailable."""
    offered = Alternatives()
    with index_errors(home, "searched"):
        searcher = home.searcher()
        found = search(searcher, query)
        if alternatives:
            offered = suggest(searcher, query, found)
    ids = [hit.entity_id for hit in found.hits]
    statement = NOTICES_AND_DEMO if with_demo else NOTICES
    rows, demo = result_notices_and(session.connection(), ids, statement) if ids else ({}, ())
    results = [(rows[hit.entity_id], hit) for hit in found.hits if hit.entity_id in rows]
    return ResultsPage(
        total=found.total,
        page=found.page,
        per_page=found.per_page,
        pages=found.pages,
        facets=found.facets,
        results=results,
        today=query.today or date.today(),
        alternatives=offered,
        demo=bool(demo[0]) if demo else None,
    )


@dataclass(frozen=True)
class RecentEvent:
    """A notice added (with its row) or withdrawn (kind and day only: no personal data)."""

    event: str  # "added" | "withdrawn"
    at: datetime
    kind: str
    notice: ResultNotice | None = None


@dataclass
class RecentPage:
    """One page of recent additions and withdrawals, newest first."""

    total: int
    page: int
    per_page: int
    events: list[RecentEvent]

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def _recent_union(since: datetime | None, kinds: Sequence[str], withdrawals: bool) -> Subquery:
    def chosen(statement: Select, moment: ColumnElement) -> Select:
        if since is not None:
            statement = statement.where(moment >= since)
        return statement.where(Notice.kind.in_(kinds)) if kinds else statement

    columns = (Notice.kind, Notice.publication_order, Notice.entity_id)
    added = select(literal("added").label("event"), Notice.first_published.label("at"), *columns)
    parts = [chosen(added.where(Notice.status == STATUS_ACTIVE), Notice.first_published)]
    if withdrawals:
        gone = select(
            literal("withdrawn").label("event"), Notice.withdrawn_at.label("at"), *columns
        )
        parts.append(chosen(gone.where(Notice.status == STATUS_WITHDRAWN), Notice.withdrawn_at))
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery()


def recent_changes(
    session: Session,
    since: datetime | None,
    kinds: Sequence[str] = (),
    page: int = 1,
    per_page: int = 20,
    withdrawals: bool = True,
) -> RecentPage:
    """Notices first published here since `since` (None: ever) that are still active, and
    (with `withdrawals`) notices withdrawn since then, newest first; ties as "newest" sorts
    them (year and number, highest first)."""
    events = _recent_union(since, kinds, withdrawals)
    total = session.scalar(select(func.count()).select_from(events)) or 0
    rows = session.execute(
        select(events)
        .order_by(events.c.at.desc(), events.c.publication_order.desc(), events.c.entity_id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    added_ids = [r.entity_id for r in rows if r.event == "added"]
    added = active_result_notices(session.connection(), added_ids) if added_ids else {}
    found = []
    for row in rows:
        if row.event == "withdrawn":
            found.append(RecentEvent("withdrawn", row.at, row.kind))
        elif row.entity_id in added:  # else withdrawn since the count: left out
            found.append(RecentEvent("added", row.at, row.kind, added[row.entity_id]))
    return RecentPage(total=total, page=page, per_page=per_page, events=found)


def picture_status(session: Session, digest: str) -> str | None:
    """ "active" if an active notice shows this picture (or thumbnail), "withdrawn" if only
    withdrawn ones do, None if no notice has it."""
    query = (
        select(Notice.status)
        .join(Picture, Picture.notice_id == Notice.id)
        .where(or_(Picture.sha256 == digest, Picture.thumb_sha256 == digest))
    )
    statuses = set(session.scalars(query))
    if not statuses:
        return None
    return "active" if STATUS_ACTIVE in statuses else "withdrawn"


def latest_load_is_demo(connection: Connection) -> bool:
    """True when the latest successful real (not dry-run) load came from demo data."""
    return bool(connection.execute(LATEST_LOAD_DEMO).scalar())


NOTICES_AND_DEMO = NOTICES.add_columns(LATEST_LOAD_DEMO.scalar_subquery())


def database_reachable(session: Session) -> bool:
    """True when a trivial query succeeds (for /readyz)."""
    try:
        session.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False
    return True


def active_count(session: Session) -> int:
    """How many notices are active."""
    return session.scalar(select(func.count()).where(Notice.status == STATUS_ACTIVE)) or 0


def active_pages(session: Session, offset: int, limit: int) -> list[tuple[str, str, datetime]]:
    """(kind, entity id, last changed) of active notices in id order: what a sitemap lists."""
    rows = session.execute(
        select(Notice.kind, Notice.entity_id, Notice.last_changed)
        .where(Notice.status == STATUS_ACTIVE)
        .order_by(Notice.id)
        .offset(offset)
        .limit(limit)
    )
    return [tuple(row) for row in rows]


def index_behind_since(session: Session, position: int | None) -> datetime | None:
    """Since when (naive UTC) an index at journal `position` has lacked a committed change,
    or None when it holds them all. An index with no known position (built before the
    journal) falls back to the loads whose own index update never finished."""
    if position is not None:
        return journal.oldest_after(session, position)
    return session.scalar(
        select(func.min(func.coalesce(LoadRun.finished_at, LoadRun.started_at))).where(
            LoadRun.index_pending.is_(True)
        )
    )
