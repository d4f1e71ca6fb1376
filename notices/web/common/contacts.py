"""A notice's contacts as pages and the native API show them: country label, ways of contact,
the note in the reader's language, and the advice every reader gets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from flask import current_app

from notices.contacts import note_in, tel_uri
from notices.web.i18n import _, labels
from notices.web.i18n.catalog import request_locale_id
from notices.web.i18n.locale import HTML_LANG

if TYPE_CHECKING:  # only for annotations
    from notices.models import Contact


@dataclass(frozen=True)
class ContactView:
    """One contact of the directory, ready to show in the request's language."""

    code: str
    country: str  # the country's (or court's) name in the request's language
    name: str
    phone: str | None
    tel: str | None  # tel: link of the phone number
    email: str | None
    url: str | None
    note: str | None
    note_language: str | None  # the note's UI language code ("en", "zh", ...)

    @property
    def note_lang(self) -> str | None:
        """The note's <lang> tag when it is not in the page's language (a fallback)."""
        if self.note_language is None or self.note_language == _page_language():
            return None
        return HTML_LANG.get(self.note_language, self.note_language)


def _page_language() -> str:
    return request_locale_id().split("_")[0]


def contact_views(contacts: list[Contact]) -> list[ContactView]:
    """The directory's contacts of a notice, with labels and notes for this request."""
    views = []
    for contact in contacts:
        note = note_in(contact.notes or {}, _page_language())
        views.append(
            ContactView(
                code=contact.country,
                country=labels.country_name(contact.country),
                name=contact.name,
                phone=contact.phone,
                tel=tel_uri(contact.phone) if contact.phone else None,
                email=contact.email,
                url=contact.url,
                note=note[1] if note else None,
                note_language=note[0] if note else None,
            )
        )
    return views


def operator_contact(kind: str) -> dict | None:
    """The operator's general contact, offered on UN sanctions notices (no country asked for
    them, so the directory has nobody to name); None when unset or for other kinds."""
    config = current_app.config
    if not kind.startswith("un-") or not (config["CONTACT_EMAIL"] or config["CONTACT_URL"]):
        return None
    return {"email": config["CONTACT_EMAIL"], "url": config["CONTACT_URL"]}


def contact_advice(kind: str) -> str:
    """What every reader is told, whatever the directory holds."""
    if kind == "un-entity":
        return _(
            "If you have information about this entity, contact your local police. "
            "Do not act on your own."
        )
    return _(
        "If you have information, contact your local police or call your emergency number. "
        "Never approach the person yourself."
    )
