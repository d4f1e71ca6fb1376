"""Notices as the native API writes them: our field names, every code with its label, both
forms of the id, and one `links` object of absolute URLs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from notices.domain import url_entity_id
from notices.models import Contact, Notice
from notices.result_rows import ResultNotice
from notices.web.common.contacts import (
    contact_advice,
    contact_views,
    operator_contact,
)
from notices.web.common.urls import compat_url, notice_link, picture_url
from notices.web.i18n import labels


def timestamp(moment: datetime) -> str:
    """A stored (naive UTC) timestamp in RFC 3339: "2025-03-05T10:00:00Z"."""
    return moment.isoformat(timespec="seconds") + "Z"


def coded(code: str | None, label: str) -> dict | None:
    """A code with its readable label in the request's language."""
    return {"code": code, "label": label} if code else None


def country(code: str | None) -> dict | None:
    """A country (or wanted-by authority) code with its name in the request's language."""
    return coded(code, labels.country_name(code))


def countries(codes: Iterable[str] | None) -> list[dict]:
    """Country codes with their names, each code once, in the published order."""
    return [country(code) for code in dict.fromkeys(codes or ()) if code]


def sex(code: str | None) -> dict | None:
    """The sex code (M, F, U) with its label."""
    return coded(code, labels.code_label(labels.SEX_LABELS, code))


def ids(notice: Notice | ResultNotice) -> dict:
    """The id as published ("1996/78696") and the form URLs use ("1996-78696")."""
    return {"entity_id": notice.entity_id, "path_id": url_entity_id(notice.entity_id)}


def age(iso: str | None, today: date) -> dict | None:
    """Smallest and largest possible age today, from a possibly partial date of birth."""
    partial = labels.parse_partial(iso)
    if partial is None or partial.earliest() > today:
        return None
    low, high = partial.age_range(today)
    return {"min": max(0, low), "max": high}


def names(notice: Notice | ResultNotice) -> dict:
    """Every name of a notice as published."""
    return {
        "family_name": notice.family_name,
        "forename": notice.forename,
        "family_name_original": notice.family_name_original,
        "forename_original": notice.forename_original,
        "birth_name": notice.birth_name,
        "aliases": list(notice.aliases) + list(notice.also_known_as),
        "formerly_known_as": list(notice.formerly_known_as),
    }


def links(notice: Notice | ResultNotice) -> dict:
    """Where to read more, as absolute URLs: this API's document (self), the notice's page
    (html) and, when it has a picture, the first picture's thumbnail."""
    found = {
        "self": notice_link("native_api.notice", notice, external=True),
        "html": notice_link("pages.notice", notice, external=True),
    }
    if notice.pictures:
        found["thumbnail"] = picture_url(notice.pictures[0].thumb_sha256, external=True)
    return found


def _pictures(notice: Notice) -> list[dict]:
    return [
        {
            "picture_id": p.picture_id,
            "width": p.width,
            "height": p.height,
            "links": {
                "image": picture_url(p.sha256, external=True),
                "thumbnail": picture_url(p.thumb_sha256, external=True),
            },
        }
        for p in notice.pictures
    ]


def _codes(label_map: dict, codes: Iterable[str] | None) -> list[dict]:
    return [coded(code, labels.code_label(label_map, code)) for code in codes or ()]


def notice_document(
    notice: Notice, today: date | None = None, contacts: Sequence[Contact] = ()
) -> dict:
    """Every field of a notice; fields that do not apply to its kind are null or empty; whom
    to tell what one knows (the directory's `contacts` for it)."""
    today = today or date.today()
    return {
        **ids(notice),
        "kind": notice.kind,
        "names": names(notice),
        "sex": sex(notice.sex),
        "date_of_birth": notice.date_of_birth,
        "age": age(notice.date_of_birth, today),
        "place_of_birth": notice.place_of_birth,
        "country_of_birth": country(notice.country_of_birth),
        "nationalities": countries(notice.nationalities),
        "height": notice.height or None,
        "weight": notice.weight or None,
        "eye_colors": _codes(labels.EYE_LABELS, notice.eye_colors),
        "hair_colors": _codes(labels.HAIR_LABELS, notice.hair_colors),
        "languages": [coded(code, labels.language_label(code)) for code in notice.languages],
        "distinguishing_marks": notice.distinguishing_marks,
        "warrants": [
            {
                "issuing_country": country(w.issuing_country),
                "charge": w.charge,
                "charge_translation": w.charge_translation,
            }
            for w in notice.warrants
        ],
        "disappearance": _disappearance(notice) if notice.kind == "yellow" else None,
        "un": _un(notice) if notice.kind.startswith("un-") else None,
        "pictures": _pictures(notice),
        "contacts": _contacts(contacts),
        "operator_contact": operator_contact(notice.kind),
        "contact_advice": contact_advice(notice.kind),
        "first_published": timestamp(notice.first_published),
        "last_changed": timestamp(notice.last_changed),
        # The compatible API's document of the same notice, for clients that know its shapes.
        "links": {**links(notice), "compatible": compat_url("detail", notice)},
    }


def _contacts(contacts: Sequence[Contact]) -> list[dict]:
    return [
        {
            "country": country(view.code),
            "name": view.name,
            "phone": view.phone,
            "email": view.email,
            "url": view.url,
            "note": view.note,
            "note_language": view.note_language,
        }
        for view in contact_views(list(contacts))
    ]


def _disappearance(notice: Notice) -> dict:
    return {
        "date": notice.event_date,
        "place": notice.event_place,
        "country": country(notice.event_country),
        "countries_likely_visited": countries(notice.countries_likely_visited),
        "father": {"family_name": notice.father_name, "forename": notice.father_forename},
        "mother": {"family_name": notice.mother_name, "forename": notice.mother_forename},
    }


def _flat(items: Iterable[dict]) -> list[dict]:
    """UN documents, associates and addresses as published, their country members as
    countries (like every country in this API)."""
    return [
        {key: country(text) if labels.names_a_country(key) else text for key, text in item.items()}
        for item in items
    ]


def _un(notice: Notice) -> dict:
    return {
        "reference": notice.un_reference,
        "reference_date": notice.un_reference_date,
        "resolution": notice.un_resolution,
        "summary": notice.summary,
        "identity_documents": _flat(notice.identity_documents),
        "associates": _flat(notice.associates),
        "addresses": _flat(notice.addresses),
        "main_activity": notice.main_activity,
        "legal_form": notice.legal_form,
    }
