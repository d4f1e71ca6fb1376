"""The native API's notice documents carry the same contacts as the notice pages, as data."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from notices.web.native_api.openapi import openapi_document
from tests.web.contact_directory import ADVICE, load_directory
from tests.web.dataset import EXAMPLEMAN, FICTIONELLA, SAMPLEDIN, dash


def matches_the_openapi_schema(document: dict) -> None:
    spec = openapi_document()
    schema = {"$ref": "#/components/schemas/Notice", "components": spec["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(document), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_a_notice_document_carries_its_contacts(loaded_app, tmp_path):
    load_directory(loaded_app, tmp_path)
    client = loaded_app.test_client()
    doc = client.get(f"/api/v1/notices/red/{dash(EXAMPLEMAN)}").get_json()
    assert doc["contacts"] == [
        {
            "country": {"code": "FR", "label": "France"},
            "name": "Demo Liaison Office for France",
            "phone": "+44 20 7946 0011",
            "email": "liaison-fr@example.org",
            "url": "https://example.org/demo-liaison/fr",
            "note": "Fictitious office, open around the clock.",
            "note_language": "en",
        }
    ]
    assert doc["contact_advice"] == ADVICE
    assert doc["operator_contact"] is None
    matches_the_openapi_schema(doc)

    arabic = client.get(
        f"/api/v1/notices/red/{dash(EXAMPLEMAN)}", headers={"Accept-Language": "ar"}
    ).get_json()
    assert arabic["contacts"][0]["country"] == {"code": "FR", "label": "فرنسا"}
    assert arabic["contacts"][0]["note_language"] == "ar"


def test_without_a_contact_the_list_is_empty_and_the_advice_stays(data_app_with, tmp_path):
    app = data_app_with(CONTACT_EMAIL="desk@example.org")
    load_directory(app, tmp_path)
    client = app.test_client()
    red = client.get(f"/api/v1/notices/red/{dash(FICTIONELLA)}").get_json()
    assert red["contacts"] == [] and red["contact_advice"] == ADVICE
    person = client.get(f"/api/v1/notices/un-person/{dash(SAMPLEDIN)}").get_json()
    assert person["operator_contact"] == {"email": "desk@example.org", "url": None}
    matches_the_openapi_schema(person)
