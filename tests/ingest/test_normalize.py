"""Round trips of realistic detail documents through normalize_document, and the content hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notices.ingest.normalize import normalize_document
from notices.ingest.record import NoticeRecord, PictureSource, WarrantRecord

DOCUMENTS = Path(__file__).parent.parent / "data" / "documents"


def load(name: str) -> dict:
    return json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))


def normalized(doc: object, **kwargs) -> NoticeRecord:
    record, rejections = normalize_document(doc, origin="test.json", **kwargs)
    assert rejections == []
    return record


def reverse_keys(value: object) -> object:
    """The same JSON value with every object's keys in reverse order."""
    if isinstance(value, dict):
        return {key: reverse_keys(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [reverse_keys(item) for item in value]
    return value


EXPECTED = {
    "red": NoticeRecord(
        entity_id="2024/12345",
        kind="red",
        family_name="EXAMPLEMAN",
        forename="JOHAN ALEXANDER",
        sex="M",
        date_of_birth="1980-04-12",
        place_of_birth="SAMPLEVILLE",
        country_of_birth="FR",
        nationalities=["FR", "BE"],
        height=1.83,
        weight=82.0,
        eye_colors=["BRO"],
        hair_colors=["BLA"],
        languages=["FRE", "ENG"],
        distinguishing_marks=("Scar on the left forearm\nTattoo of an anchor on the right hand"),
        warrants=[
            WarrantRecord("FR", "Escroquerie en bande organisée\nFaux et usage de faux", None),
            WarrantRecord("914", "Crimes against humanity", "Crímenes de lesa humanidad"),
        ],
    ),
    "yellow": NoticeRecord(
        entity_id="2023/4567",
        kind="yellow",
        family_name="TESTOVA",
        forename=None,
        family_name_original="ТЕСТОВА",
        birth_name="SAMPLEVA",
        sex="F",
        date_of_birth="2009-07",
        eye_colors=["BLU"],
        languages=["RUS"],
        event_date="2023-05-30",
        event_place="Riverside park",
        event_country="LV",
        father_name="TESTOV",
        mother_forename="ANNA",
        countries_likely_visited=["EE", "LT"],
    ),
    "un-person": NoticeRecord(
        entity_id="2019/88",
        kind="un-person",
        family_name="SAMPLEDIN",
        forename="ABDEL EXAMPLE",
        family_name_original="اختبار",
        sex="M",
        date_of_birth="1975",
        place_of_birth="Testabad",
        nationalities=["XA"],
        un_reference="QDi.999",
        un_reference_date="2019-03",
        un_resolution="1267",
        summary=(
            "Listed on 2019 for participating in the financing of a fictitious group.\n\n"
            "Additional information: none."
        ),
        aliases=["ABU EXAMPLE", "ABDUL SAMPLEDEEN", "SAMPLEDIN"],
        identity_documents=[{"type": "Passport", "number": "123456789", "issuing_country": "XA"}],
        associates=[{"name": "FICTITIOUS NETWORK"}],
        addresses=[
            {"street": "1 Example Street", "city": "Testabad", "country": "XA"},
            {"text": "Unknown address, Sampleland"},
        ],
    ),
    "un-entity": NoticeRecord(
        entity_id="2020/7",
        kind="un-entity",
        family_name="EXAMPLE TRADING COMPANY LIMITED",
        also_known_as=["EXAMPLE TRADING CO.", "ETC LTD", "EXAMPLE TRADERS"],
        formerly_known_as=["SAMPLE IMPORT-EXPORT"],
        main_activity="Import and export of fictitious goods",
        legal_form="Limited company",
        un_reference="QDe.999",
        un_reference_date="2020-01-15",
        un_resolution="2253",
        addresses=[{"city": "Testabad", "country": "XA"}],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_document_round_trip_kind_from_self_link(name):
    assert normalized(load(name)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_document_round_trip_kind_from_source_layout(name):
    doc = load(name)
    del doc["_links"]
    assert normalized(doc, kind=name) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_kind_key_of_json_lines_documents(name):
    doc = load(name)
    del doc["_links"]
    doc["kind"] = name
    assert normalized(doc) == EXPECTED[name]


def test_dash_form_entity_id_is_stored_in_slash_form():
    doc = load("red")
    doc["entity_id"] = "2024-12345"
    assert normalized(doc).entity_id == "2024/12345"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_content_hash_does_not_depend_on_key_order(name):
    doc = load(name)
    shuffled = reverse_keys(doc)
    assert list(shuffled) != list(doc)
    assert normalized(shuffled).content_hash() == normalized(doc).content_hash()


def test_content_hash_changes_with_published_content():
    doc = load("red")
    before = normalized(doc).content_hash()
    doc["arrest_warrants"][1]["charge"] = "Crimes against humanity and war crimes"
    assert normalized(doc).content_hash() != before


def test_content_hash_ignores_cosmetic_differences_of_the_source():
    doc = load("red")
    before = normalized(doc).content_hash()
    doc["arrest_warrants"][0]["charge"] = (
        "\r\nEscroquerie en bande organisée   \rFaux et usage de faux\n"
    )
    doc["nationalities"] = ["fr", " be "]
    doc["unknown_new_key"] = {"anything": [1, 2, 3]}
    assert normalized(doc).content_hash() == before


def test_pictures_are_passed_through_unchanged():
    pictures = [
        PictureSource("61234567", "red/2024-12345/images/61234567.jpg", lambda: b"jpeg"),
        PictureSource("61234568", "red/2024-12345/images/61234568.jpg", lambda: b"jpeg"),
    ]
    record = normalized(load("red"), pictures=pictures)
    assert record.pictures == pictures
    assert record.pictures[0].read() == b"jpeg"


def test_input_document_is_not_modified():
    doc = load("un-person")
    snapshot = json.dumps(doc, sort_keys=True)
    normalized(doc)
    assert json.dumps(doc, sort_keys=True) == snapshot
