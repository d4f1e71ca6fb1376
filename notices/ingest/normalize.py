"""Turn one published notice detail document into a NoticeRecord, or into rejections."""

from __future__ import annotations

import re
from collections.abc import Iterable

from notices.domain import KINDS, PATH_KINDS, InvalidEntityId, parse_entity_id
from notices.ingest import compound, fields
from notices.ingest.fields import Converter, Problems, expect, json_type
from notices.ingest.record import NoticeRecord, PictureSource, Rejection

MAX_REJECTIONS = 20
_ID_MAX = 40

# (document key, NoticeRecord attribute, JSON path, converter); the path is built once here.
Spec = tuple[str, str, str, Converter]


def _spec(key: str, attr: str, convert: Converter) -> Spec:
    return (key, attr, f"$.{key}", convert)


_PERSON: tuple[Spec, ...] = (
    _spec("name", "family_name", fields.name),
    _spec("forename", "forename", fields.name),
    _spec("name_in_original_script", "family_name_original", fields.name),
    _spec("forename_in_original_script", "forename_original", fields.name),
    _spec("birth_name", "birth_name", fields.name),
    _spec("sex_id", "sex", fields.code_field(fields.SEX)),
    _spec("date_of_birth", "date_of_birth", compound.dates_first),
    _spec("place_of_birth", "place_of_birth", fields.line),
    _spec("country_of_birth_id", "country_of_birth", fields.code_field(fields.COUNTRY)),
    _spec("nationalities", "nationalities", compound.code_list(fields.COUNTRY)),
    _spec("height", "height", fields.height),
    _spec("weight", "weight", fields.weight),
    _spec("eyes_colors_id", "eye_colors", compound.code_list(fields.EYE)),
    _spec("hairs_id", "hair_colors", compound.code_list(fields.HAIR)),
    _spec("languages_spoken_ids", "languages", compound.code_list(fields.LANGUAGE)),
    _spec("distinguishing_marks", "distinguishing_marks", fields.block),
)
_RED = (_spec("arrest_warrants", "warrants", compound.warrants),)
_YELLOW = (
    _spec("date_of_event", "event_date", fields.date),
    _spec("place", "event_place", fields.line),
    _spec("country", "event_country", fields.code_field(fields.COUNTRY)),
    _spec("father_name", "father_name", fields.name),
    _spec("father_forename", "father_forename", fields.name),
    _spec("mother_name", "mother_name", fields.name),
    _spec("mother_forename", "mother_forename", fields.name),
    _spec(
        "countries_likely_to_be_visited",
        "countries_likely_visited",
        compound.code_list(fields.COUNTRY),
    ),
)
_UN = (
    _spec("un_reference", "un_reference", fields.reference),
    _spec("un_reference_date", "un_reference_date", fields.date),
    _spec("un_resolution", "un_resolution", fields.reference),
    _spec("summary", "summary", fields.block),
    _spec("aliases", "aliases", compound.aliases),
    _spec("identity_documents", "identity_documents", compound.objects),
    _spec("associates", "associates", compound.objects),
    _spec("adresses", "addresses", compound.objects),  # sic, as published
    _spec("addresses", "addresses", compound.objects),
)
_UN_ENTITY = (
    _spec("name", "family_name", fields.entity_name),
    _spec("also_known_as", "also_known_as", compound.separated_names),
    _spec("formerly_known_as", "formerly_known_as", compound.separated_names),
    _spec("main_activity", "main_activity", fields.block),
    _spec("legal_form", "legal_form", fields.line),
)
# Keys of other kinds are ignored like any unknown key.
_KIND_SPECS: dict[str, tuple[Spec, ...]] = {
    "red": _PERSON + _RED,
    "yellow": _PERSON + _YELLOW,
    "un-person": _PERSON + _UN,
    "un-entity": _UN_ENTITY + _UN,
}

# The self link of a detail document: .../notices/v1/<kind path>/<YYYY-NNNNN>.
_SELF_LINK = re.compile(
    r"/(red|yellow|un/persons|un/entities)/(\d{4}-\d{1,7})/?(?:[?#]|$)", re.ASCII
)


def normalize_document(
    doc: object,
    *,
    origin: str,
    kind: str | None = None,
    pictures: Iterable[PictureSource] = (),
) -> tuple[NoticeRecord | None, list[Rejection]]:
    """Validate and normalise one detail document: (record, []) or (None, rejections)."""
    if not isinstance(doc, dict):
        return None, [Rejection(origin, "$", f"expected a JSON object, got {json_type(doc)}")]
    problems: Problems = []
    entity_id = _entity_id(doc, problems)
    linked_kind, linked_id = _self_link(doc.get("_links"))
    kind = _kind(kind, doc.get("kind"), linked_kind, problems)
    values = _convert_fields(doc, _KIND_SPECS[kind], problems) if kind else {}
    if problems:
        return None, _rejections(problems, origin, entity_id or linked_id)
    record = NoticeRecord(entity_id=entity_id, kind=kind, pictures=list(pictures), **values)
    return record, []


def _convert_fields(doc: dict, specs: tuple[Spec, ...], problems: Problems) -> dict:
    values: dict = {}
    for key, attr, path, convert in specs:
        value = doc.get(key)
        if value is None:  # null or absent: the record's default (None or []) says unknown
            continue
        if attr in values:
            problems.append((path, f"{attr} given twice, under two different keys"))
        values[attr] = convert(value, path, problems)
    return values


def _entity_id(doc: dict, problems: Problems) -> str | None:
    value = doc.get("entity_id")
    if value is None:
        problems.append(("$.entity_id", _missing_id_reason(doc)))
        return None
    if not isinstance(value, str):
        expect("a string", value, "$.entity_id", problems)
        return None
    # parse_entity_id's \d also matches non-ASCII digits; ids end up in URLs and file names.
    if len(value) > _ID_MAX or not value.isascii():
        shown = value[:_ID_MAX]
        problems.append(("$.entity_id", f"entity id {shown!r} is not of the form YYYY/NNNNN"))
        return None
    try:
        return parse_entity_id(value)
    except InvalidEntityId as exc:
        problems.append(("$.entity_id", str(exc)))
        return None


def _missing_id_reason(doc: dict) -> str:
    embedded = doc.get("_embedded")
    if isinstance(embedded, dict) and "notices" in embedded:
        return "missing entity_id: this is a list of notices, not a notice detail document"
    if isinstance(embedded, dict) and "images" in embedded:
        return "missing entity_id: this is a list of images, not a notice detail document"
    return "missing entity_id"


def _self_link(links: object) -> tuple[str | None, str | None]:
    """Kind and canonical id named by _links.self.href, when it is a detail document link."""
    link = links.get("self") if isinstance(links, dict) else None
    href = link.get("href") if isinstance(link, dict) else None
    match = _SELF_LINK.search(href) if isinstance(href, str) else None
    if match is None:
        return None, None
    return PATH_KINDS[match.group(1)], match.group(2).replace("-", "/")


def _kind(
    given: str | None, declared: object, linked: str | None, problems: Problems
) -> str | None:
    """The notice kind, from the source layout, the "kind" key and the self link, which agree."""
    if given is not None and given not in KINDS:
        problems.append(("$", f"unknown notice kind {given!r} given by the source"))
        return None
    if declared is not None and not isinstance(declared, str):
        expect("a string", declared, "$.kind", problems)
        return None
    if declared is not None and declared not in KINDS:
        problems.append(("$.kind", f"unknown notice kind {declared[:40]!r}"))
        return None
    found = {kind for kind in (given, declared, linked) if kind}
    if len(found) > 1:
        problems.append(("$", _disagreement(given, declared, linked)))
        return None
    if not found:
        problems.append(("$", 'cannot tell the notice kind: no "kind" key and no self link'))
        return None
    return found.pop()


def _disagreement(given: str | None, declared: str | None, linked: str | None) -> str:
    claims = [
        f"{who} says {kind}"
        for who, kind in (("the source", given), ('"kind"', declared), ("the self link", linked))
        if kind
    ]
    return "notice kinds disagree: " + ", ".join(claims)


def _rejections(problems: Problems, origin: str, entity_id: str | None) -> list[Rejection]:
    if len(problems) > MAX_REJECTIONS:
        rest = len(problems) - (MAX_REJECTIONS - 1)
        problems = problems[: MAX_REJECTIONS - 1] + [("$", f"and {rest} more problems")]
    return [Rejection(origin, path, reason, entity_id) for path, reason in problems]
