"""The web layer's door to the data: the app's services, read sessions, searches, notices.

Views call these; the queries themselves live in notices.reads (Flask-free)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from flask import abort, current_app
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from notices import reads
from notices.contact_directory import NoticeContacts, notice_contacts
from notices.indexing import IndexUnavailable
from notices.models import Notice
from notices.services import Services
from notices.web.state import request_state
from search_index import SearchQuery


def services() -> Services:
    """The current application's services (engine, sessions, index, media)."""
    return current_app.extensions["notices"]


@contextmanager
def read_session() -> Iterator[Session]:
    """A read-only session for one view; objects stay usable after it closes."""
    with services().sessions() as session:
        yield session


def run_search(
    query: SearchQuery, alternatives: bool = False, page: bool = False
) -> reads.ResultsPage:
    """One page of results with their rows (and, with `alternatives`, what else to try when
    it found almost nothing); IndexUnavailable (a 503) when there is no index. For a `page`,
    the demonstration state is read in the same session (see demo_mode)."""
    try:
        home = services().index
    except OSError as error:  # the index directory cannot even be created
        raise IndexUnavailable(f"the search index cannot be opened ({error})") from error
    state = request_state()
    with_demo = page and _demo_unknown()
    with read_session() as session:
        found = reads.search_notices(session, home, query, alternatives, with_demo)
        if found.demo is not None:
            state.demo = found.demo
        elif page:  # no row came back: the state is read on its own
            _note_demo(session)
        return found


def recent_changes(
    since: datetime | None,
    kinds: tuple[str, ...] = (),
    page: int = 1,
    per_page: int = 20,
    withdrawals: bool = True,
) -> reads.RecentPage:
    """See notices.reads.recent_changes."""
    with read_session() as session:
        return reads.recent_changes(session, since, kinds, page, per_page, withdrawals)


def notice_or_abort(entity: str, kind: str | None = None) -> Notice:
    """The active notice with this id: 404 when unknown (or, with `kind`, of another kind),
    410 Gone when withdrawn."""
    with read_session() as session:
        found = reads.find_notice(session, entity)
    return _active_or_abort(found, kind)


def _active_or_abort(found: Notice | reads.Gone | None, kind: str | None = None) -> Notice:
    if found is None or (kind is not None and found.kind != kind):
        abort(404)
    if isinstance(found, reads.Gone):
        abort(410)
    return found


def notice_with_contacts(entity: str, page: bool = False) -> tuple[Notice, NoticeContacts | None]:
    """notice_or_abort and notice_contacts in one read session instead of two (and for a
    `page` the demonstration state too, see demo_mode)."""
    state = request_state()
    with read_session() as session:
        found = reads.find_notice(session, entity)
        if not isinstance(found, Notice):
            contacts = None
            if page:
                _note_demo(session)
        elif page and _demo_unknown():
            contacts = notice_contacts(session, found, services().contacts, with_demo=True)
            state.demo = contacts.demo
        else:
            contacts = notice_contacts(session, found, services().contacts)
    return _active_or_abort(found), contacts


def picture_status(digest: str) -> str | None:
    """See notices.reads.picture_status."""
    with read_session() as session:
        return reads.picture_status(session, digest)


def demo_mode() -> bool:
    """Whether to show the demonstration banner (computed once per request)."""
    state = request_state()
    if state.demo is None:
        state.demo = bool(current_app.config["DEMO_MODE"]) or _load_state_is_demo()
    return state.demo


def _note_demo(session: Session) -> None:
    """Decide the banner while a page's read session is open: the query then shares its
    connection instead of checking out one of its own when the template asks."""
    state = request_state()
    if _demo_unknown():
        try:
            state.demo = reads.latest_load_is_demo(session.connection())
        except SQLAlchemyError:
            current_app.logger.exception("cannot read the load history for the demo banner")
            state.demo = False


def _demo_unknown() -> bool:
    """The banner depends on the load history and this request has not read it yet."""
    return request_state().demo is None and not current_app.config["DEMO_MODE"]


def skip_demo_lookup() -> None:
    """Decide the banner from configuration alone for this request (the database is down,
    and error pages must not wait for it a second time)."""
    request_state().demo = bool(current_app.config["DEMO_MODE"])


def _load_state_is_demo() -> bool:
    # Error pages show the banner too; they must render even when the database does not.
    try:
        with services().engine.connect() as connection:
            return reads.latest_load_is_demo(connection)
    except SQLAlchemyError:
        current_app.logger.exception("cannot read the load history for the demo banner")
        return False


def database_reachable() -> bool:
    """True when a trivial query succeeds (for /readyz)."""
    try:
        with read_session() as session:
            return reads.database_reachable(session)
    except Exception:  # noqa: BLE001 - opening the session may fail too: "not ready"
        return False


def index_ready() -> bool:
    """True when a searcher on a live index generation can be opened."""
    try:
        services().index.searcher()
    except Exception:  # noqa: BLE001 - missing index, half-built generation, bad path...
        return False
    return True


def index_position() -> int | None:
    """The change-journal position this node's index holds (None: no index, or unknown)."""
    try:
        return services().index.position()
    except Exception:  # noqa: BLE001 - a missing or damaged index: /readyz says so elsewhere
        return None


def index_lag_seconds(position: int | None) -> float | None:
    """How long this node's index has lacked a committed change (0.0 when it holds them all),
    or None when the database cannot say."""
    try:
        with read_session() as session:
            since = reads.index_behind_since(session, position)
    except Exception:  # noqa: BLE001 - the database check of /readyz reports that failure
        return None
    if since is None:
        return 0.0
    return max(0.0, (datetime.now(UTC).replace(tzinfo=None) - since).total_seconds())
