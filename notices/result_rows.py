"""The notices of a page of search results, read as plain rows (no ORM objects).

Result lists (search page cards, native API results, compatible API list items) show a few
fields of twenty or more notices. Reading them as whole ORM objects with their relationships
cost more than the search itself; these Core queries read only what the lists show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    literal_column,
    null,
    select,
    union_all,
)

from notices.models import STATUS_ACTIVE, Notice, Picture, Warrant

# The fields result lists read; ResultNotice has an attribute of the same name for each.
RESULT_COLUMNS = (
    Notice.id,
    Notice.entity_id,
    Notice.kind,
    Notice.status,
    Notice.family_name,
    Notice.forename,
    Notice.family_name_original,
    Notice.forename_original,
    Notice.birth_name,
    Notice.aliases,
    Notice.also_known_as,
    Notice.formerly_known_as,
    Notice.sex,
    Notice.date_of_birth,
    Notice.nationalities,
    Notice.first_published,
    Notice.last_changed,
)


@dataclass(frozen=True, slots=True)
class ResultWarrant:
    """The part of a warrant that result lists show."""

    issuing_country: str | None


@dataclass(frozen=True, slots=True)
class ResultPicture:
    """The part of a picture that result lists show (thumbnail, compatible image id)."""

    picture_id: str
    thumb_sha256: str


@dataclass(slots=True)
class ResultNotice:
    """A notice as result lists read it: the same attribute names as models.Notice."""

    id: int
    entity_id: str
    kind: str
    status: str
    family_name: str | None
    forename: str | None
    family_name_original: str | None
    forename_original: str | None
    birth_name: str | None
    aliases: list
    also_known_as: list
    formerly_known_as: list
    sex: str | None
    date_of_birth: str | None
    nationalities: list
    first_published: datetime
    last_changed: datetime
    warrants: list[ResultWarrant] = field(default_factory=list)
    pictures: list[ResultPicture] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.status == STATUS_ACTIVE


# Built once: with expanding parameters SQLAlchemy compiles each statement once per process
# instead of building and hashing a new statement (twenty bound values) on every request.
NOTICES = select(*RESULT_COLUMNS).where(
    Notice.entity_id.in_(bindparam("ids", expanding=True)), Notice.status == STATUS_ACTIVE
)


IDS = bindparam("ids", expanding=True)


def _children(
    part: int, model: type[Warrant] | type[Picture], first: ColumnElement, second: ColumnElement
) -> Select:
    return select(
        literal_column(str(part)).label("part"),
        model.notice_id,
        model.position,
        first.label("value1"),
        second.label("value2"),
    ).where(model.notice_id.in_(IDS))


# Warrants and pictures of the page's notices in one statement (one round trip, not two):
# part 0 is a warrant (issuing country), part 1 a picture (picture id, thumbnail digest).
WARRANTS, PICTURES = 0, 1
_CHILDREN = union_all(
    _children(WARRANTS, Warrant, Warrant.issuing_country, null()),
    _children(PICTURES, Picture, Picture.picture_id, Picture.thumb_sha256),
).subquery()
CHILDREN = select(
    _CHILDREN.c.part, _CHILDREN.c.notice_id, _CHILDREN.c.value1, _CHILDREN.c.value2
).order_by(_CHILDREN.c.position)


def active_result_notices(connection: Connection, entity_ids: Sequence[str]) -> dict:
    """{entity_id: ResultNotice} of the active notices among `entity_ids`, with their warrants
    and pictures in position order (two small indexed queries)."""
    return result_notices_and(connection, entity_ids)[0]


def result_notices_and(
    connection: Connection, entity_ids: Sequence[str], statement: Select = NOTICES
) -> tuple[dict, tuple]:
    """active_result_notices, read with `statement`: NOTICES, or NOTICES.add_columns(...) of
    further values (a module constant, so compiled once) that a page would otherwise spend a
    round trip on. Returns the notices and those values, () when no active notice came back."""
    rows = connection.execute(statement, {"ids": list(entity_ids)}).all()
    width = len(RESULT_COLUMNS)
    notices = {row[0]: ResultNotice(*row[:width]) for row in rows}
    if not notices:
        return {}, ()
    for part, notice_id, first, second in connection.execute(CHILDREN, {"ids": list(notices)}):
        if part == WARRANTS:
            notices[notice_id].warrants.append(ResultWarrant(first))
        else:
            notices[notice_id].pictures.append(ResultPicture(first, second))
    values = tuple(rows[0][width:])
    return {notice.entity_id: notice for notice in notices.values()}, values
