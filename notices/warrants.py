"""The warrants of a batch of notices, read in one query (the dataset and the index read them
so, a batch of notices at a time)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from notices.models import Warrant


class WarrantText(NamedTuple):
    """What the dataset and the index take from a warrant."""

    issuing_country: str | None
    charge: str | None
    charge_translation: str | None


def warrants_of(session: Session, notice_ids: list[int]) -> dict[int, list[WarrantText]]:
    """Notice id -> its warrants in their published order (notices without any are absent)."""
    statement = (
        select(
            Warrant.notice_id, Warrant.issuing_country, Warrant.charge, Warrant.charge_translation
        )
        .where(Warrant.notice_id.in_(notice_ids))
        .order_by(Warrant.notice_id, Warrant.position)
    )
    found: dict[int, list[WarrantText]] = {}
    for owner, *text in session.execute(statement):
        found.setdefault(owner, []).append(WarrantText(*text))
    return found
