"""Compatible API detail and image documents: the published keys, shapes and links."""

from __future__ import annotations

from tests.web.dataset import DOCUMENTS, EXAMPLE_TRADING, EXAMPLEMAN, SAMPLEDIN, TESTOVA, dash
from tests.web.helpers import reload_without

BASE = "http://localhost/notices/v1"


def source(entity_id: str) -> dict:
    return next(doc for docs in DOCUMENTS.values() for doc in docs if doc["entity_id"] == entity_id)


def test_red_detail_has_the_published_keys_and_values(loaded_client):
    doc = loaded_client.get(f"/notices/v1/red/{dash(EXAMPLEMAN)}").get_json()
    original = source(EXAMPLEMAN)
    for key in (
        "entity_id",
        "name",
        "forename",
        "date_of_birth",
        "sex_id",
        "nationalities",
        "place_of_birth",
        "country_of_birth_id",
        "height",
        "weight",
        "eyes_colors_id",
        "hairs_id",
        "languages_spoken_ids",
    ):
        assert doc[key] == original[key], key
    assert doc["distinguishing_marks"] == "Scar on the left forearm\nTattoo of an anchor"
    assert doc["arrest_warrants"] == [
        {
            "issuing_country_id": "FR",
            "charge_translation": None,
            "charge": "Escroquerie en bande organisée\nFaux et usage de faux",
        },
        {
            "issuing_country_id": "914",
            "charge": "Crimes against humanity",
            "charge_translation": None,
        },
    ]
    links = doc["_links"]
    assert links["self"]["href"] == f"{BASE}/red/2024-00101"
    assert links["images"]["href"] == f"{BASE}/red/2024-00101/images"
    assert links["thumbnail"]["href"] == f"{BASE}/red/2024-00101/images/61234567"
    assert doc["_embedded"] == {"links": []}
    assert "presumed innocent" in doc["disclaimer"]


def test_empty_code_lists_are_null_and_missing_pictures_have_no_thumbnail(loaded_client):
    doc = loaded_client.get("/notices/v1/red/2024-00103").get_json()
    assert doc["hairs_id"] is None and doc["languages_spoken_ids"] is None
    assert doc["date_of_birth"] == "1990/07"
    assert "thumbnail" not in doc["_links"]


def test_yellow_and_un_details_use_their_published_keys(loaded_client):
    yellow = loaded_client.get(f"/notices/v1/yellow/{dash(TESTOVA)}").get_json()
    assert yellow["date_of_event"] == "2023/05/30" and yellow["country"] == "LV"
    assert yellow["countries_likely_to_be_visited"] == ["EE", "LT"]
    assert yellow["forename"] is None and yellow["birth_name"] == "SAMPLEVA"
    person = loaded_client.get(f"/notices/v1/un/persons/{dash(SAMPLEDIN)}").get_json()
    assert person["un_reference"] == "QDi.999" and person["un_reference_date"] == "2019/03"
    assert person["aliases"] == ["ABU EXAMPLE", "ABDUL SAMPLEDEEN"]
    assert person["adresses"] == [
        {"street": "1 Example Street", "city": "Testabad", "country": "YE"}
    ]
    entity = loaded_client.get(f"/notices/v1/un/entities/{dash(EXAMPLE_TRADING)}").get_json()
    assert entity["also_known_as"] == "EXAMPLE TRADING CO.; ETC LTD"
    assert entity["name"] == "EXAMPLE TRADING COMPANY LIMITED"
    assert "forename" not in entity


def test_images_list_and_image_bytes(loaded_client):
    listing = loaded_client.get(f"/notices/v1/red/{dash(EXAMPLEMAN)}/images").get_json()
    images = listing["_embedded"]["images"]
    assert [image["picture_id"] for image in images] == ["61234567", "61234568"]
    href = images[1]["_links"]["self"]["href"]
    assert href == f"{BASE}/red/2024-00101/images/61234568"
    picture = loaded_client.get(href.removeprefix("http://localhost"))
    assert picture.status_code == 200 and picture.mimetype == "image/jpeg"
    assert picture.data[:2] == b"\xff\xd8"
    assert loaded_client.get(f"{BASE}/red/2024-00101/images/999").status_code == 404


def test_errors_are_json_404_and_410(loaded_app, loaded_client, tmp_path):
    missing = loaded_client.get("/notices/v1/red/2099-1")
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "not_found"
    assert loaded_client.get(f"/notices/v1/yellow/{dash(EXAMPLEMAN)}").status_code == 404
    reload_without(loaded_app, tmp_path, EXAMPLEMAN)
    for suffix in ("", "/images", "/images/61234567"):
        gone = loaded_client.get(f"/notices/v1/red/{dash(EXAMPLEMAN)}{suffix}")
        assert gone.status_code == 410, suffix
        assert gone.get_json()["error"]["code"] == "gone"
        assert "EXAMPLEMAN" not in gone.get_data(as_text=True)
