"""The "Recently added" page: notices added and withdrawn in the last days, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask import url_for

from notices.reads import RecentEvent, RecentPage
from notices.web.common.query_args import KIND_ALIASES
from notices.web.i18n import _, labels, ngettext
from notices.web.pages.paging import page_numbers
from notices.web.pages.search_view import TABS, Card, Link, card
from search_index import Hit

RECENT_DAYS = 30


@dataclass
class Item:
    """An addition (with its card) or a withdrawal (kind and day only: no personal data)."""

    event: str
    kind: str
    kind_label: str
    day: labels.Day
    card: Card | None = None


def since() -> datetime:
    """The start of the window: RECENT_DAYS days ago (stored times are naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None) - timedelta(days=RECENT_DAYS)


def tab_kinds(value: str) -> tuple[str, ...]:
    """The kinds of a tab value ("", "red", "yellow", "un"); unknown values mean all."""
    return KIND_ALIASES.get(value, ())


def recent_url(kind: str, page: int = 1) -> str:
    """The URL of one tab and page of the recent view."""
    return url_for("pages.recent", kind=kind or None, page=page if page > 1 else None)


def item(event: RecentEvent, today: date) -> Item:
    """The view of one recent event."""
    kind_label = labels.code_label(labels.KIND_LABELS, event.kind)
    shown = None
    if event.notice is not None:
        shown = card(event.notice, Hit(event.notice.entity_id), today)
    return Item(event.event, event.kind, kind_label, labels.day(event.at), shown)


def count_text(total: int, page: int, pages: int) -> str:
    """ "12 notices added or withdrawn · page 1 of 2"."""
    text = ngettext(
        "%(count)s notice added or withdrawn",
        "%(count)s notices added or withdrawn",
        total,
        count=labels.number_text(total),
    )
    if pages > 1:
        text += " · " + _(
            "page %(page)s of %(pages)s",
            page=labels.number_text(page),
            pages=labels.number_text(pages),
        )
    return text


def page_context(kind: str, found: RecentPage) -> dict:
    """Everything recent.html shows."""
    today = date.today()
    return {
        "days": RECENT_DAYS,
        "tabs": [
            Link(str(label), recent_url(value), current=value == kind) for value, label in TABS
        ],
        "items": [item(event, today) for event in found.events],
        "count_text": count_text(found.total, found.page, found.pages),
        "pages": found.pages,
        "pagination": [
            Link("…", "")
            if n is None
            else Link(labels.number_text(n), recent_url(kind, n), current=n == found.page)
            for n in page_numbers(found.page, found.pages)
        ],
        "previous_url": recent_url(kind, found.page - 1) if found.page > 1 else None,
        "next_url": recent_url(kind, found.page + 1) if found.page < found.pages else None,
        "feed_url": url_for("open_data.recent_feed", kind=kind or None),
    }
