"""The contacts a notice shows, from a directory kept per application and read again whenever a
contacts load changes it (one query per change instead of one per notice page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from notices.contacts import reporting_countries
from notices.data_version import LATEST_LOAD_DEMO
from notices.models import Contact, ContactLoad, Notice

_CHANGED_SOMETHING = ContactLoad.added + ContactLoad.changed + ContactLoad.removed > 0
# When the directory last changed (notice pages are as new as it), and its version: the id of
# the newest load that changed something. Load ids only grow, so unlike its time (a staff
# machine's clock) the version cannot go back to an older value.
CHANGED_AT = select(func.max(ContactLoad.loaded_at)).where(_CHANGED_SOMETHING)
VERSION = select(func.max(ContactLoad.id)).where(_CHANGED_SOMETHING)
DIRECTORY_STATE = select(CHANGED_AT.scalar_subquery(), VERSION.scalar_subquery())
DIRECTORY_STATE_AND_DEMO = DIRECTORY_STATE.add_columns(LATEST_LOAD_DEMO.scalar_subquery())


class ContactDirectory:
    """Every contact of the last directory version read, by country. Shared by the threads
    of one application; the contacts are read-only once their session has closed (sessions
    do not expire what they loaded)."""

    def __init__(self) -> None:
        self._held: tuple[int, dict[str, Contact]] | None = None

    def by_country(self, session: Session, version: int | None) -> dict[str, Contact]:
        """The directory of `version` (VERSION, read by the caller in its own statement; None
        before any load changed it, when the table is empty: contacts change only through
        loads, in the transaction that records the load)."""
        held = self._held  # one read: another thread may replace it meanwhile
        if held is not None and held[0] == version:
            return held[1]
        everything = {contact.country: contact for contact in session.scalars(select(Contact))}
        self._held = (version, everything)
        return everything


@dataclass(frozen=True)
class NoticeContacts:
    """The directory's contacts for a notice, in the notice's order of countries, and when the
    directory last changed (a notice page is as new as the newer of the two)."""

    contacts: list[Contact]
    changed_at: datetime | None
    demo: bool | None = None  # the latest load's demo flag, when asked for (with_demo)

    def last_modified(self, notice: Notice) -> datetime:
        """The Last-Modified of a page or document showing the notice with these contacts."""
        if self.changed_at is None:
            return notice.last_changed
        return max(notice.last_changed, self.changed_at)


def notice_contacts(
    session: Session,
    notice: Notice,
    directory: ContactDirectory,
    with_demo: bool = False,
) -> NoticeContacts:
    """The contacts a notice shows (see contacts.reporting_countries) that the directory has,
    from `directory` while its version holds; `with_demo` also reads latest_load_is_demo, in
    the same statement as the directory's age and version (a page would otherwise spend a
    round trip on it alone)."""
    codes = reporting_countries(notice)
    changed_at, version, *demo = session.execute(
        DIRECTORY_STATE_AND_DEMO if with_demo else DIRECTORY_STATE
    ).one()
    found = directory.by_country(session, version) if codes else {}
    contacts = [found[code] for code in codes if code in found]
    return NoticeContacts(contacts, changed_at, bool(demo[0]) if demo else None)
