"""Quirks of real published data that normalize_document must accept, as a table."""

from __future__ import annotations

import pytest

from notices.ingest.normalize import normalize_document
from notices.ingest.record import WarrantRecord


def minimal(kind: str) -> dict:
    return {"entity_id": "2024/100", "name": "EXAMPLEMAN", "forename": "JO", "kind": kind}


def accepted(kind: str, key: str, value: object, attr: str):
    doc = minimal(kind)
    doc[key] = value
    record, rejections = normalize_document(doc, origin="quirks.jsonl")
    assert rejections == []
    return getattr(record, attr)


# (kind, document key, published value, record attribute, stored value)
QUIRKS = [
    # Names: null, the "-" placeholder, upper case kept, whitespace tidied, controls dropped.
    ("red", "forename", None, "forename", None),
    ("red", "forename", "-", "forename", None),
    ("red", "forename", " - ", "forename", None),
    ("red", "name", None, "family_name", None),
    ("red", "name", "EXAMPLEMAN", "family_name", "EXAMPLEMAN"),
    ("red", "name", "  EXAMPLE \t  MAN\n", "family_name", "EXAMPLE MAN"),
    ("red", "name", "EXAM\x00PLE\x1bMAN\x85", "family_name", "EXAMPLEMAN"),
    ("red", "name", "EXAMPLE\ud800MAN", "family_name", "EXAMPLEMAN"),
    ("red", "name", "JOSE\u0301", "family_name", "JOS\u00c9"),  # composed (NFC)
    ("red", "name", "", "family_name", None),
    ("red", "name", "   ", "family_name", None),
    ("red", "name_in_original_script", "测试", "family_name_original", "测试"),
    ("yellow", "father_forename", "-", "father_forename", None),
    ("yellow", "mother_name", "-", "mother_name", None),
    ("yellow", "birth_name", "-", "birth_name", None),
    # Dates: full, year+month, year; dash forms; UN zero parts.
    ("red", "date_of_birth", "1980/04/12", "date_of_birth", "1980-04-12"),
    ("red", "date_of_birth", "1980/04", "date_of_birth", "1980-04"),
    ("red", "date_of_birth", "1980", "date_of_birth", "1980"),
    ("red", "date_of_birth", "1980-04-12", "date_of_birth", "1980-04-12"),
    ("red", "date_of_birth", "1980-04", "date_of_birth", "1980-04"),
    ("red", "date_of_birth", "1980/4/2", "date_of_birth", "1980-04-02"),
    ("red", "date_of_birth", " 2000/02/29 ", "date_of_birth", "2000-02-29"),
    ("red", "date_of_birth", "", "date_of_birth", None),
    ("red", "date_of_birth", None, "date_of_birth", None),
    ("un-person", "date_of_birth", "1975/00/00", "date_of_birth", "1975"),
    ("un-person", "date_of_birth", "1975/04/00", "date_of_birth", "1975-04"),
    ("un-person", "date_of_birth", "0000/00/00", "date_of_birth", None),
    ("un-person", "un_reference_date", "2011/00/00", "un_reference_date", "2011"),
    ("yellow", "date_of_event", "2023/05/00", "event_date", "2023-05"),
    # Several dates of birth (UN): all checked, the first known one kept.
    ("un-person", "date_of_birth", ["1975/00/00", "1976"], "date_of_birth", "1975"),
    ("un-person", "date_of_birth", [None, "0000/00/00", "1976/02"], "date_of_birth", "1976-02"),
    ("un-person", "date_of_birth", [], "date_of_birth", None),
    # Height and weight: int or float; 0 and null are unknown.
    ("red", "height", 1.75, "height", 1.75),
    ("red", "height", 2, "height", 2.0),
    ("red", "height", 0, "height", None),
    ("red", "height", 0.0, "height", None),
    ("red", "height", None, "height", None),
    ("red", "weight", 72.5, "weight", 72.5),
    ("red", "weight", 0, "weight", None),
    # Code lists: null, a lone string, case and whitespace, blanks and duplicates.
    ("red", "nationalities", None, "nationalities", []),
    ("red", "nationalities", [], "nationalities", []),
    ("red", "nationalities", "fr", "nationalities", ["FR"]),
    ("red", "nationalities", [" fr ", "De"], "nationalities", ["FR", "DE"]),
    ("red", "nationalities", ["FR", "FR", None, ""], "nationalities", ["FR"]),
    ("red", "nationalities", ["UNK"], "nationalities", ["UNK"]),
    ("red", "country_of_birth_id", " es ", "country_of_birth", "ES"),
    ("red", "country_of_birth_id", "", "country_of_birth", None),
    ("red", "eyes_colors_id", ["bro", "BROH"], "eye_colors", ["BRO", "BROH"]),
    ("red", "eyes_colors_id", None, "eye_colors", []),
    ("red", "hairs_id", "yelb", "hair_colors", ["YELB"]),
    ("red", "languages_spoken_ids", ["eng", "Fre", "CHI"], "languages", ["ENG", "FRE", "CHI"]),
    ("red", "languages_spoken_ids", None, "languages", []),
    ("yellow", "countries_likely_to_be_visited", None, "countries_likely_visited", []),
    ("red", "sex_id", "m", "sex", "M"),
    ("red", "sex_id", "U", "sex", "U"),
    ("red", "sex_id", None, "sex", None),
    ("red", "sex_id", "", "sex", None),
    # Free text: CRLF and CR line ends, trailing blanks, surrounding blank lines, controls.
    (
        "red",
        "distinguishing_marks",
        "Scar\r\nTattoo  \r\n\r\n",
        "distinguishing_marks",
        "Scar\nTattoo",
    ),
    (
        "red",
        "distinguishing_marks",
        "\r\n\r\n  Scar\rTattoo",
        "distinguishing_marks",
        "Scar\nTattoo",
    ),
    (
        "red",
        "distinguishing_marks",
        "Scar\x07 on\tleft\x00 hand",
        "distinguishing_marks",
        "Scar on\tleft hand",
    ),
    ("red", "distinguishing_marks", "\r\n  \r\n", "distinguishing_marks", None),
    ("red", "place_of_birth", "", "place_of_birth", None),
    ("red", "place_of_birth", "SAMPLE\r\nVILLE", "place_of_birth", "SAMPLE VILLE"),
    # Unknown keys, keys of other kinds, and the HAL members are ignored.
    ("red", "unknown_key", {"deep": [1, {"x": None}]}, "family_name", "EXAMPLEMAN"),
    ("red", "date_of_event", 12345, "event_date", None),
    ("red", "_embedded", "anything", "family_name", "EXAMPLEMAN"),
    ("red", "_links", ["not", "an", "object"], "family_name", "EXAMPLEMAN"),
    # Warrants: null list, null members, empty warrants dropped, non-country authorities.
    ("red", "arrest_warrants", None, "warrants", []),
    ("red", "arrest_warrants", [None, {}, {"charge": None}], "warrants", []),
    (
        "red",
        "arrest_warrants",
        [{"issuing_country_id": "unk", "charge": "Murder\r\n"}],
        "warrants",
        [WarrantRecord("UNK", "Murder", None)],
    ),
    (
        "red",
        "arrest_warrants",
        [{"issuing_country_id": "922"}, {"issuing_country_id": "916"}],
        "warrants",
        [WarrantRecord("922", None, None), WarrantRecord("916", None, None)],
    ),
    (
        "red",
        "arrest_warrants",
        [{"charge": "Theft", "charge_translation": "  ", "court": "X"}],
        "warrants",
        [WarrantRecord(None, "Theft", None)],
    ),
    # UN persons: aliases as strings or name objects; flat objects; "adresses" (sic).
    (
        "un-person",
        "aliases",
        ["A ONE", {"forename": "ANNA", "name": "SAMPLE"}, {"name": "B"}],
        "aliases",
        ["A ONE", "ANNA SAMPLE", "B"],
    ),
    (
        "un-person",
        "aliases",
        [{"forename": "-", "name": None}, "-", None, "A ONE", "A ONE"],
        "aliases",
        ["A ONE"],
    ),
    ("un-person", "aliases", "ONLY ALIAS", "aliases", ["ONLY ALIAS"]),
    ("un-person", "aliases", None, "aliases", []),
    (
        "un-person",
        "identity_documents",
        [{"type": "ID card", "number": 42, "date": None}],
        "identity_documents",
        [{"type": "ID card", "number": "42"}],
    ),
    ("un-person", "identity_documents", [{"note": "  "}, {}, None], "identity_documents", []),
    (
        "un-person",
        "adresses",
        ["Main street 1\r\nTestabad"],
        "addresses",
        [{"text": "Main street 1 Testabad"}],
    ),
    ("un-person", "addresses", [{"city": "Testabad"}], "addresses", [{"city": "Testabad"}]),
    ("un-person", "un_resolution", 1988, "un_resolution", "1988"),
    # UN entities: ";"-separated names or lists; UN fields too.
    ("un-entity", "also_known_as", "A CO.; B LTD;; ;C", "also_known_as", ["A CO.", "B LTD", "C"]),
    ("un-entity", "also_known_as", ["A CO.", " ", None, "A CO."], "also_known_as", ["A CO."]),
    ("un-entity", "formerly_known_as", "", "formerly_known_as", []),
    ("un-entity", "un_reference", "QDe.001", "un_reference", "QDe.001"),
    ("un-entity", "name", "EXAMPLE HOLDINGS", "family_name", "EXAMPLE HOLDINGS"),
    ("un-entity", "date_of_birth", "2023/13/45", "date_of_birth", None),  # not an entity field
]


@pytest.mark.parametrize(("kind", "key", "value", "attr", "expected"), QUIRKS)
def test_quirk_is_accepted(kind, key, value, attr, expected):
    assert accepted(kind, key, value, attr) == expected


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("https://ws-public.example.org/notices/v1/red/2024-100", "red"),
        ("https://ws-public.example.org/notices/v1/yellow/2024-100", "yellow"),
        ("https://ws-public.example.org/notices/v1/un/persons/2024-100", "un-person"),
        ("https://ws-public.example.org/notices/v1/un/entities/2024-100", "un-entity"),
        ("/notices/v1/red/2024-100/", "red"),
        ("http://mirror.example.org/notices/v1/yellow/2024-100?lang=fr", "yellow"),
    ],
)
def test_kind_is_inferred_from_the_self_link(href, kind):
    doc = {"entity_id": "2024/100", "_links": {"self": {"href": href}}}
    record, rejections = normalize_document(doc, origin="tree/x.json")
    assert rejections == []
    assert record.kind == kind


def test_agreeing_kinds_from_every_side_are_accepted():
    doc = minimal("un-person")
    doc["_links"] = {"self": {"href": "https://example.org/notices/v1/un/persons/2024-100"}}
    record, rejections = normalize_document(doc, origin="x", kind="un-person")
    assert (record.kind, rejections) == ("un-person", [])
