"""Notice row -> index document, and the index operations over the database (rebuild, update,
check). The only module that knows both the database and the index."""

from __future__ import annotations

import os
from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, sessionmaker

from notices import journal
from notices.domain import PartialDate
from notices.models import STATUS_ACTIVE, Notice, Picture
from notices.warrants import warrants_of
from search_index import Drift, GenerationInfo, IndexDocument, IndexHome, PersonName
from search_index.converting import helper_processes
from search_index.textfold import fold


class IndexUnavailable(RuntimeError):
    """The live index cannot be read or updated; the message says why and how to repair it."""


@contextmanager
def index_errors(home: IndexHome, doing: str) -> Iterator[None]:
    """Turn any failure inside the index (missing, half-deleted, garbled files) into one clear
    IndexUnavailable: the index is derived data, and a rebuild from the database repairs it."""
    try:
        yield
    except IndexUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - only index code runs in here
        raise IndexUnavailable(
            f"the search index in {home.root} cannot be {doing} "
            f"({type(error).__name__}: {error}); run `notices index rebuild` to repair it"
        ) from error


def notice_names(notice: _IndexedNotice) -> list[PersonName]:
    """Every name a member of the public may search this notice by, each with its kind (so
    a hit can say "matched alias ..." and a primary-name hit ranks first at equal score)."""
    names = [PersonName(notice.forename, notice.family_name, kind="primary")]
    if notice.forename_original or notice.family_name_original:
        names.append(
            PersonName(
                notice.forename_original, notice.family_name_original, kind="original_script"
            )
        )
    if notice.birth_name:
        names.append(PersonName(notice.forename, notice.birth_name, kind="birth_name"))
    for alias in [*notice.aliases, *notice.also_known_as]:
        names.append(PersonName(None, alias, kind="alias"))
    for former in notice.formerly_known_as:
        names.append(PersonName(None, former, kind="former_name"))
    return [name for name in names if name.forename or name.family]


def notice_keywords(notice: _IndexedNotice) -> str:
    """Free text the keyword filter searches: charges, marks, places, UN summary and activity."""
    parts = [
        notice.distinguishing_marks,
        notice.place_of_birth,
        notice.event_place,
        notice.summary,
        notice.main_activity,
    ]
    for warrant in notice.warrants:
        parts += [warrant.charge, warrant.charge_translation]
    return "\n".join(part for part in parts if part)


def notice_document(notice: _IndexedNotice, has_picture: bool) -> IndexDocument:
    """The one mapping from a stored notice (its _INDEXED columns and `warrants`, as
    active_documents reads them) to what the index holds."""
    born = PartialDate.from_iso(notice.date_of_birth) if notice.date_of_birth else None
    return IndexDocument(
        entity_id=notice.entity_id,
        kind=notice.kind,
        names=notice_names(notice),
        sort_name=fold(f"{notice.family_name or ''} {notice.forename or ''}".strip()),
        sex=notice.sex,
        nationalities=list(notice.nationalities),
        wanted_by=sorted({w.issuing_country for w in notice.warrants if w.issuing_country}),
        dob_earliest=born.earliest() if born else None,
        dob_latest=born.latest() if born else None,
        published=notice.first_published,
        has_picture=has_picture,
        keywords=notice_keywords(notice),
        un_reference=notice.un_reference,
        un_resolution=notice.un_resolution,
        token=notice.content_hash,
        updated=notice.last_changed,
    )


# What a document is made of, read as plain rows (with each batch's warrants in one query):
# ORM objects of every column took half the time of a rebuild's database read.
_INDEXED = [
    Notice.__table__.c[name]
    for name in [
        "id",
        "entity_id",
        "kind",
        "sex",
        "forename",
        "family_name",
        "forename_original",
        "family_name_original",
        "birth_name",
        "aliases",
        "also_known_as",
        "formerly_known_as",
        "nationalities",
        "date_of_birth",
        "first_published",
        "last_changed",
        "content_hash",
        "un_reference",
        "un_resolution",
        "distinguishing_marks",
        "place_of_birth",
        "event_place",
        "summary",
        "main_activity",
    ]
]


def active_documents(
    session: Session, entity_ids: list[str] | None = None, batch: int = 2000
) -> Iterator[IndexDocument]:
    """Index documents of active notices (all, or the given ids), streamed in batches."""
    pictured = exists().where(Picture.notice_id == Notice.id)
    statement = (
        select(*_INDEXED, pictured.label("has_picture"))
        .where(Notice.status == STATUS_ACTIVE)
        .order_by(Notice.id)
        .execution_options(yield_per=batch)
    )
    if entity_ids is None:
        yield from _documents(session, statement)
        return
    for start in range(0, len(entity_ids), batch):
        chunk = entity_ids[start : start + batch]
        yield from _documents(session, statement.where(Notice.entity_id.in_(chunk)))


# A row of _INDEXED with its warrants: read by attribute as notice_document reads a notice
# (a named tuple from the row's values costs ~2 µs, a namespace from its mapping ~11 µs).
_IndexedNotice = namedtuple(
    "_IndexedNotice", [column.name for column in _INDEXED] + ["has_picture", "warrants"]
)


def _documents(session: Session, statement: Select) -> Iterator[IndexDocument]:
    for rows in session.execute(statement).partitions():
        warrants = warrants_of(session, [row.id for row in rows])
        for row in rows:
            notice = _IndexedNotice(*row, warrants.get(row.id, ()))
            yield notice_document(notice, notice.has_picture)


def active_tokens(session: Session) -> dict[str, str]:
    """Entity id -> content hash of every active notice: what the index must hold."""
    rows = session.execute(
        select(Notice.entity_id, Notice.content_hash).where(Notice.status == STATUS_ACTIVE)
    )
    return {entity_id: token for entity_id, token in rows}


# Journal entries applied per index commit while catching up: bounds memory, while a big first
# load still goes in few commits (each commit rewrites the column file of every row).
JOURNAL_BATCH = 50_000


def rebuild(
    sessions: sessionmaker[Session],
    home: IndexHome,
    progress: Callable[[int], None] | None = None,
    processes: int | None = None,
) -> GenerationInfo:
    """Write a complete new generation from the database, verify it, switch to it.
    `processes`: helper processes for name analysis (None: by size and cores)."""
    # The directory may have been deleted since this process first opened it: a rebuild is
    # how an operator repairs exactly that.
    os.makedirs(home.root, exist_ok=True)
    with sessions() as session:
        position = _snapshot_position(session)
        expected = set(active_tokens(session))
        return home.rebuild(
            active_documents(session),
            expected_ids=expected,
            progress=progress,
            position=position,
            processes=helper_processes(len(expected), processes),
        )


def _snapshot_position(session: Session) -> int:
    """The journal position of what this session reads next. On PostgreSQL the session reads
    one snapshot (REPEATABLE READ), so the documents are exactly those at the position;
    elsewhere they may be newer, and following re-reads those few notices (harmless: a
    notice's index document is always rebuilt from its current row)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return journal.latest_seq(session)


def catch_up(sessions: sessionmaker[Session], home: IndexHome, batch: int = JOURNAL_BATCH) -> int:
    """Apply to the live index every journal entry it does not hold yet, in commit order, and
    record each batch's position with its commit (a batch is never applied twice, even when
    several processes follow one index). Returns the number of entries applied; 0 when there
    is no index yet (a rebuild builds it). An index with no recorded position (built before
    the journal existed) is reconciled with the database once instead."""
    with index_errors(home, "updated"):
        if home.current_name() is None:
            return 0
        position = home.position()
    if position is None:
        drift = reconcile(sessions, home)
        return len(drift.missing | drift.stale | drift.extra)
    with sessions() as session:
        if position > journal.latest_seq(session):
            raise IndexUnavailable(
                f"the search index in {home.root} holds changes this database never journalled "
                "(was the database replaced?); run `notices index rebuild` to repair it"
            )
    applied = 0
    while True:
        with sessions() as session:
            entries = journal.entries_after(session, position, batch)
            if not entries:
                return applied
            entity_ids = sorted({entity_id for _, entity_id in entries})
            documents = list(active_documents(session, entity_ids))
        # A notice is brought to its current row: withdrawn (or gone) ids leave the index.
        gone = set(entity_ids) - {document.entity_id for document in documents}
        with index_errors(home, "updated"):
            if home.update(documents, gone, position=entries[-1][0], unless_reached=True):
                applied += len(entries)
            position = home.position() or entries[-1][0]


def apply_changes(
    sessions: sessionmaker[Session],
    home: IndexHome,
    upserted: list[str],
    withdrawn: list[str],
    position: int | None = None,
) -> None:
    """Index added and changed notices, drop withdrawn ones; `position` is the journal
    position the index holds afterwards (None: unchanged)."""
    with index_errors(home, "updated"):
        if home.current_name() is None:
            return  # no index yet: the next rebuild builds it from the database
    with sessions() as session:
        documents = list(active_documents(session, upserted))
    with index_errors(home, "updated"):
        home.update(documents, withdrawn, position=position)


def reconcile(sessions: sessionmaker[Session], home: IndexHome) -> Drift:
    """Bring the live index in line with the database; returns the drift it repaired. The
    index then holds every journal entry up to the position read before the comparison."""
    with sessions() as session:
        position = journal.latest_seq(session)
    drift = check(sessions, home)
    apply_changes(
        sessions,
        home,
        sorted(drift.missing | drift.stale),
        sorted(drift.extra),
        position=position,
    )
    return drift


def check(sessions: sessionmaker[Session], home: IndexHome) -> Drift:
    """Differences between the active notices in the database and the live index."""
    with sessions() as session:
        expected = active_tokens(session)
    with index_errors(home, "read"):
        return home.check(expected)
