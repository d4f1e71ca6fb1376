"""Loading the contact directory: one file replaces the whole directory in one transaction, and
what the load did is reported like a notice load (counts, then every rejected row)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from notices.contact_files import DirectoryUnreadable
from notices.contacts import Entry, RowRejection, read_directory
from notices.db import transaction
from notices.ingest.report import EXIT_FAILED, EXIT_OK, EXIT_SOME_REJECTED
from notices.models import Contact, ContactLoad

if TYPE_CHECKING:  # only for annotations
    from sqlalchemy.orm import Session, sessionmaker


@dataclass
class ContactLoadReport:
    """What one `notices contacts load` did, or why it changed nothing."""

    source: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    # Countries whose new row was rejected: their previous contact stays rather than vanish.
    kept: list[str] = field(default_factory=list)
    rejections: list[RowRejection] = field(default_factory=list)
    failure: str | None = None  # set when nothing was changed

    def summary_line(self) -> str:
        """The one line people and cron jobs read (the shape of a notice load's line)."""
        if self.failure is not None:
            return (
                "nothing was changed: added 0, changed 0, unchanged 0, removed 0, "
                f"rejected {len(self.rejections)}"
            )
        return (
            f"added {len(self.added)}, changed {len(self.changed)}, unchanged {self.unchanged}, "
            f"removed {len(self.removed)}, rejected {len(self.rejections)}"
        )

    def exit_code(self) -> int:
        if self.failure is not None:
            return EXIT_FAILED
        return EXIT_SOME_REJECTED if self.rejections else EXIT_OK


def load_directory(
    sessions: sessionmaker[Session], path: str | Path, *, demo: bool = False
) -> ContactLoadReport:
    """Replace the directory with the valid rows of `path`: countries the file lacks are
    removed. A file that cannot be read, or whose every row is rejected, changes nothing."""
    report = ContactLoadReport(source=str(path))
    try:
        parsed = read_directory(path)
    except DirectoryUnreadable as error:
        report.failure = str(error)
        return report
    report.rejections = parsed.rejections
    if parsed.rejections and not parsed.entries:
        report.failure = "every row was rejected"
        return report
    now = datetime.now(UTC).replace(tzinfo=None)
    with transaction(sessions) as session:
        _apply(session, parsed.entries, report, now)
        session.add(_record(report, demo, now))
    return report


def _apply(
    session: Session, entries: list[Entry], report: ContactLoadReport, now: datetime
) -> None:
    current = {contact.country: contact for contact in session.scalars(select(Contact))}
    for entry in entries:
        contact = current.pop(entry.country, None)
        if contact is None:
            session.add(Contact(country=entry.country, updated_at=now, **_fields(entry)))
            report.added.append(entry.country)
        elif _entry_of(contact).values() == entry.values():
            report.unchanged += 1
        else:
            for name, value in _fields(entry).items():
                setattr(contact, name, value)
            contact.updated_at = now
            report.changed.append(entry.country)
    rejected = {rejection.country for rejection in report.rejections}
    for country, contact in sorted(current.items()):
        if country in rejected:
            report.kept.append(country)
        else:
            session.delete(contact)
            report.removed.append(country)


def _fields(entry: Entry) -> dict:
    return {
        "name": entry.name,
        "phone": entry.phone,
        "email": entry.email,
        "url": entry.url,
        "notes": dict(entry.notes),
    }


def _entry_of(contact: Contact) -> Entry:
    return Entry(
        contact.country, contact.name, contact.phone, contact.email, contact.url, contact.notes
    )


def _record(report: ContactLoadReport, demo: bool, now: datetime) -> ContactLoad:
    return ContactLoad(
        source=report.source,
        demo=demo,
        loaded_at=now,
        added=len(report.added),
        changed=len(report.changed),
        unchanged=report.unchanged,
        removed=len(report.removed),
        rejected=len(report.rejections),
    )


def directory(session: Session) -> list[Contact]:
    """Every contact, by country code."""
    return list(session.scalars(select(Contact).order_by(Contact.country)))


def last_load(session: Session) -> ContactLoad | None:
    """The most recent committed directory load."""
    return session.scalars(select(ContactLoad).order_by(ContactLoad.id.desc()).limit(1)).first()


def staff_directory_present(session: Session) -> bool:
    """True when the directory was last loaded from a staff file (not the demo one) and is not
    empty: the demo directory must never replace it."""
    load = last_load(session)
    has_contacts = bool(session.scalar(select(func.count()).select_from(Contact)))
    return load is not None and not load.demo and has_contacts


def report_lines(report: ContactLoadReport) -> tuple[list[str], list[str]]:
    """(stderr lines, stdout lines) of a load report; the summary line comes last."""
    errors = [rejection.line() for rejection in report.rejections]
    out = [f"kept the previous contact of {code}: its new row was rejected" for code in report.kept]
    out += [f"removed {code}" for code in report.removed]
    if report.failure is not None:
        errors.append(f"error: {report.failure}")
    return errors, [*out, report.summary_line()]


def describe_contact(contact: Contact) -> str:
    """One line per contact for staff."""
    ways = [value for value in (contact.phone, contact.email, contact.url) if value]
    notes = f" (notes: {', '.join(sorted(contact.notes))})" if contact.notes else ""
    return f"{contact.country}  {contact.name}: {', '.join(ways)}{notes}"


def describe_load(load: ContactLoad) -> str:
    """The directory's last load, for staff."""
    kind = " (demo directory)" if load.demo else ""
    return (
        f"loaded from {load.source}{kind} at {load.loaded_at.isoformat(' ', 'seconds')} UTC: "
        f"added {load.added}, changed {load.changed}, unchanged {load.unchanged}, "
        f"removed {load.removed}, rejected {load.rejected}"
    )
