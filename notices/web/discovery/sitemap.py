"""The entries a sitemap lists: active notices only, in id order, in chunks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import url_for
from sqlalchemy.orm import Session

from notices import reads
from notices.domain import url_entity_id

# Search engines accept up to 50,000 URLs per sitemap; smaller files are quicker to serve.
SITEMAP_SIZE = 10_000


@dataclass(frozen=True)
class SitemapEntry:
    """One notice page and the day it last changed."""

    url: str
    last_changed: date


def chunk_count(session: Session) -> int:
    """How many sitemap files the active notices need (at least one, possibly empty)."""
    return max(1, -(-reads.active_count(session) // SITEMAP_SIZE))


def notice_chunk(session: Session, number: int) -> list[SitemapEntry]:
    """The `number`th chunk (from 1) of active notices as absolute page URLs."""
    rows = reads.active_pages(session, (max(number, 1) - 1) * SITEMAP_SIZE, SITEMAP_SIZE)
    return [
        SitemapEntry(
            url_for("pages.notice", kind=kind, entity=url_entity_id(entity_id), _external=True),
            changed.date(),
        )
        for kind, entity_id, changed in rows
    ]
