"""A notice as the detail page shows it: titled sections of labelled, readable values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from flask import url_for

from notices.models import Contact, Notice
from notices.web.common.contacts import (
    ContactView,
    contact_advice,
    contact_views,
    operator_contact,
)
from notices.web.common.urls import kind_heading, notice_path, picture_url
from notices.web.i18n import _, labels, pgettext
from search_index.names import name_as_written


@dataclass
class Row:
    """One labelled value; `name` values are wrapped in <bdi>, `block` keeps line breaks."""

    label: str
    values: list[str]
    name: bool = False
    block: bool = False
    day: labels.Day | None = None  # shown as a <time> element


@dataclass
class Section:
    """A titled group of rows (empty rows are dropped when it is built)."""

    key: str
    title: str
    rows: list[Row] = field(default_factory=list)

    def add(self, label: str, *values, name: bool = False, block: bool = False) -> None:
        kept = [str(value) for value in values if value not in (None, "", [])]
        if kept:
            self.rows.append(Row(label, kept, name=name, block=block))


@dataclass
class PictureView:
    """A picture of the notice: full size, thumbnail and its text alternative."""

    url: str
    thumb_url: str
    width: int
    height: int
    alt: str


@dataclass
class NoticeView:
    """Everything the detail template needs."""

    entity_id: str
    kind: str
    kind_label: str
    title: str
    age: str
    pictures: list[PictureView]
    sections: list[Section]
    api_url: str
    contacts: list[ContactView] = field(default_factory=list)  # "If you have information"
    operator_contact: dict | None = None  # UN notices: the operator's general contact
    contact_advice: str = ""  # contact the police, never approach: shown on every notice


def notice_view(
    notice: Notice, today: date | None = None, contacts: Sequence[Contact] = ()
) -> NoticeView:
    """Build the view model of a notice of any kind (ages as of `today`, default today), with
    the directory's `contacts` for it."""
    today = today or date.today()
    title = labels.display_name(notice)
    builders = [
        _identity,
        _description,
        _languages,
        _warrants,
        _disappearance,
        _un_listing,
        _un_people,
        _record,
    ]
    sections = [section for build in builders if (section := build(notice, today)).rows]
    return NoticeView(
        entity_id=notice.entity_id,
        kind=notice.kind,
        kind_label=kind_heading(notice.kind),
        title=title,
        age=labels.age_text(notice.date_of_birth, today),
        pictures=_pictures(notice, title),
        sections=sections,
        api_url=url_for("native_api.notice", **notice_path(notice)),
        contacts=contact_views(list(contacts)),
        operator_contact=operator_contact(notice.kind),
        contact_advice=contact_advice(notice.kind),
    )


def _pictures(notice: Notice, title: str) -> list[PictureView]:
    total = len(notice.pictures)
    return [
        PictureView(
            url=picture_url(picture.sha256),
            thumb_url=picture_url(picture.thumb_sha256),
            width=picture.width,
            height=picture.height,
            alt=_(
                "Picture %(number)d of %(total)d of %(name)s",
                number=number,
                total=total,
                name=title,
            ),
        )
        for number, picture in enumerate(notice.pictures, start=1)
    ]


def _countries(codes: Iterable[str] | None) -> list[str]:
    return [labels.country_name(code) for code in codes or ()]


def _identity(notice: Notice, today: date) -> Section:
    section = Section("identity", _("Identity"))
    if notice.kind == "un-entity":
        section.add(pgettext("entity", "Name"), notice.family_name, name=True)
        section.add(_("Also known as"), *notice.also_known_as, name=True)
        section.add(_("Formerly known as"), *notice.formerly_known_as, name=True)
        section.add(_("Legal form"), notice.legal_form)
        section.add(_("Main activity"), notice.main_activity, block=True)
        return section
    section.add(_("Family name"), notice.family_name, name=True)
    section.add(_("Forename"), notice.forename, name=True)
    original = name_as_written(notice.forename_original, notice.family_name_original)
    section.add(_("Name in original script"), original, name=True)
    section.add(_("Birth name"), notice.birth_name, name=True)
    section.add(_("Also known as"), *notice.aliases, name=True)
    section.add(_("Sex"), labels.code_label(labels.SEX_LABELS, notice.sex))
    born = labels.partial_date_text(notice.date_of_birth)
    age = labels.age_text(notice.date_of_birth, today)
    if born and age:
        born = _("%(date)s (%(age)s)", date=born, age=age)
    section.add(_("Date of birth"), born)
    section.add(_("Place of birth"), notice.place_of_birth)
    section.add(_("Country of birth"), labels.country_name(notice.country_of_birth))
    section.add(_("Nationality"), *_countries(notice.nationalities))
    return section


def _description(notice: Notice, today: date) -> Section:
    section = Section("description", _("Physical description"))
    if notice.height:
        section.add(_("Height"), labels.measure_text(notice.height, "length-meter"))
    if notice.weight:
        section.add(_("Weight"), labels.measure_text(notice.weight, "mass-kilogram"))
    section.add(
        _("Eye colour"), *(labels.code_label(labels.EYE_LABELS, c) for c in notice.eye_colors)
    )
    section.add(_("Hair"), *(labels.code_label(labels.HAIR_LABELS, c) for c in notice.hair_colors))
    section.add(_("Distinguishing marks"), notice.distinguishing_marks, block=True)
    return section


def _languages(notice: Notice, today: date) -> Section:
    section = Section("languages", _("Languages"))
    section.add(_("Languages spoken"), *(labels.language_label(c) for c in notice.languages))
    return section


def _warrants(notice: Notice, today: date) -> Section:
    section = Section("warrants", _("Charges"))
    for warrant in notice.warrants:
        country = labels.country_name(warrant.issuing_country) or _("Not stated")
        section.add(_("Wanted by %(country)s", country=country), warrant.charge, block=True)
        section.add(_("Translation of the charge"), warrant.charge_translation, block=True)
    return section


def _disappearance(notice: Notice, today: date) -> Section:
    section = Section("disappearance", _("Disappearance"))
    section.add(_("Date of disappearance"), labels.partial_date_text(notice.event_date))
    section.add(_("Place of disappearance"), notice.event_place)
    section.add(_("Country of disappearance"), labels.country_name(notice.event_country))
    section.add(_("Countries likely to be visited"), *_countries(notice.countries_likely_visited))
    father = " ".join(p for p in (notice.father_forename, notice.father_name) if p)
    mother = " ".join(p for p in (notice.mother_forename, notice.mother_name) if p)
    section.add(_("Father's name"), father, name=True)
    section.add(_("Mother's name"), mother, name=True)
    return section


def _un_listing(notice: Notice, today: date) -> Section:
    section = Section("un", _("UN Security Council listing"))
    section.add(_("UN reference"), notice.un_reference)
    section.add(_("Listed on"), labels.partial_date_text(notice.un_reference_date))
    section.add(_("Resolution"), notice.un_resolution)
    section.add(_("Summary"), notice.summary, block=True)
    return section


def flat_object_text(item: dict) -> str:
    """One UN identity document, associate or address as a line; country codes named."""
    parts = []
    for key, value in item.items():
        parts.append(labels.country_name(value) if labels.names_a_country(key) else value)
    return ", ".join(part for part in parts if part)


def _un_people(notice: Notice, today: date) -> Section:
    section = Section("un-details", _("Documents, associates and addresses"))
    section.add(_("Identity documents"), *map(flat_object_text, notice.identity_documents))
    section.add(_("Associates"), *map(flat_object_text, notice.associates), name=True)
    section.add(_("Addresses"), *map(flat_object_text, notice.addresses))
    return section


def _record(notice: Notice, today: date) -> Section:
    section = Section("record", _("About this notice"))
    section.add(_("Notice number"), notice.entity_id)
    section.add(_("Kind of notice"), labels.code_label(labels.KIND_LABELS, notice.kind))
    for label, moment in (
        (_("Published on this service"), notice.first_published),
        (_("Last changed"), notice.last_changed),
    ):
        day = labels.day(moment)
        if day is not None:
            section.rows.append(Row(label, [day.text], day=day))
    return section
