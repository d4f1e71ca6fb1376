"""Notices as the published web service writes them (DESIGN §4): detail, list item, image list.

Our documents read back through our own ingester into the same notice (a test checks it), so
a mirror can load from us as from the publisher.
"""

from __future__ import annotations

from collections.abc import Iterable

from notices.domain import KIND_PATHS
from notices.models import Notice
from notices.result_rows import ResultNotice
from notices.web.common.urls import compat_url


def published_date(iso: str | None) -> str | None:
    """Stored "1980-05-17" / "1980-05" / "1980" -> published "1980/05/17" / "1980/05" / "1980"."""
    return iso.replace("-", "/") if iso else None


def _list_or_null(values: Iterable[str] | None) -> list | None:
    # The publisher writes null, never [], for an empty code list.
    return list(values) if values else None


def _joined(names: Iterable[str] | None) -> str | None:
    return "; ".join(names) if names else None


def notice_links(notice: Notice | ResultNotice) -> dict:
    """_links of a notice: self, images, and thumbnail when it has a picture."""
    links = {
        "self": {"href": compat_url("detail", notice)},
        "images": {"href": compat_url("images", notice)},
    }
    if notice.pictures:
        picture_id = notice.pictures[0].picture_id
        links["thumbnail"] = {"href": compat_url("image", notice, picture_id=picture_id)}
    return links


def list_item(notice: ResultNotice) -> dict:
    """A notice as a list document carries it."""
    item = {"entity_id": notice.entity_id, "name": notice.family_name}
    if notice.kind != "un-entity":
        item["forename"] = notice.forename
        item["date_of_birth"] = published_date(notice.date_of_birth)
        item["nationalities"] = _list_or_null(notice.nationalities)
    item["_links"] = notice_links(notice)
    return item


def _person(notice: Notice) -> dict:
    return {
        "name": notice.family_name,
        "forename": notice.forename,
        "name_in_original_script": notice.family_name_original,
        "forename_in_original_script": notice.forename_original,
        "date_of_birth": published_date(notice.date_of_birth),
        "sex_id": notice.sex,
        "place_of_birth": notice.place_of_birth,
        "country_of_birth_id": notice.country_of_birth,
        "nationalities": _list_or_null(notice.nationalities),
        "height": notice.height,
        "weight": notice.weight,
        "eyes_colors_id": _list_or_null(notice.eye_colors),
        "hairs_id": _list_or_null(notice.hair_colors),
        "languages_spoken_ids": _list_or_null(notice.languages),
        "distinguishing_marks": notice.distinguishing_marks,
    }


def _red(notice: Notice) -> dict:
    warrants = [
        {
            "issuing_country_id": w.issuing_country,
            "charge": w.charge,
            "charge_translation": w.charge_translation,
        }
        for w in notice.warrants
    ]
    return {"arrest_warrants": warrants}


def _yellow(notice: Notice) -> dict:
    return {
        "birth_name": notice.birth_name,
        "date_of_event": published_date(notice.event_date),
        "place": notice.event_place,
        "country": notice.event_country,
        "father_name": notice.father_name,
        "father_forename": notice.father_forename,
        "mother_name": notice.mother_name,
        "mother_forename": notice.mother_forename,
        "countries_likely_to_be_visited": _list_or_null(notice.countries_likely_visited),
    }


def _un(notice: Notice) -> dict:
    return {
        "un_reference": notice.un_reference,
        "un_reference_date": published_date(notice.un_reference_date),
        "un_resolution": notice.un_resolution,
        "summary": notice.summary,
        "adresses": list(notice.addresses),  # sic, as published
    }


def _un_person(notice: Notice) -> dict:
    return {
        "aliases": list(notice.aliases),
        "identity_documents": list(notice.identity_documents),
        "associates": list(notice.associates),
    }


def _un_entity(notice: Notice) -> dict:
    return {
        "name": notice.family_name,
        "also_known_as": _joined(notice.also_known_as),
        "formerly_known_as": _joined(notice.formerly_known_as),
        "main_activity": notice.main_activity,
        "legal_form": notice.legal_form,
    }


_PARTS = {
    "red": (_person, _red),
    "yellow": (_person, _yellow),
    "un-person": (_person, _un, _un_person),
    "un-entity": (_un_entity, _un),
}


def detail_document(notice: Notice) -> dict:
    """The full published detail document of a notice."""
    document = {"entity_id": notice.entity_id}
    for part in _PARTS[notice.kind]:
        document.update(part(notice))
    document["_embedded"] = {"links": []}
    document["_links"] = notice_links(notice)
    return document


def images_document(notice: Notice) -> dict:
    """The list of a notice's pictures with a link to each."""
    images = [
        {
            "picture_id": picture.picture_id,
            "_links": {
                "self": {"href": compat_url("image", notice, picture_id=picture.picture_id)}
            },
        }
        for picture in notice.pictures
    ]
    links = {
        "self": {"href": compat_url("images", notice)},
        "notice": {"href": compat_url("detail", notice)},
    }
    if notice.pictures:
        links["thumbnail"] = notice_links(notice)["thumbnail"]
    return {"_embedded": {"images": images}, "_links": links}


def kind_path(kind: str) -> str:
    """The published path of a kind: red, yellow, un/persons, un/entities."""
    return KIND_PATHS[kind]
