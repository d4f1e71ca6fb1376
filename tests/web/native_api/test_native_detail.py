"""Native API notice documents: our field names, codes with labels, computed age."""

from __future__ import annotations

from datetime import date

from notices.domain import PartialDate
from tests.web.dataset import FICTIONELLI, SAMPLEDIN, TESTOVA, dash
from tests.web.helpers import reload_without


def test_notice_document_gives_codes_with_labels_and_an_age_range(loaded_client):
    doc = loaded_client.get(f"/api/v1/notices/red/{dash(FICTIONELLI)}").get_json()
    low, high = PartialDate(1975).age_range(date.today())
    assert doc["age"] == {"min": low, "max": high}
    assert doc["date_of_birth"] == "1975"
    assert doc["nationalities"] == [{"code": "IT", "label": "Italy"}]
    assert doc["languages"] == [
        {"code": "ITA", "label": "Italian"},
        {"code": "CHI", "label": "Chinese"},
    ]
    assert doc["warrants"][0]["issuing_country"] == {"code": "IT", "label": "Italy"}
    assert doc["pictures"][0]["links"]["image"].startswith("http://localhost/pictures/")
    assert doc["links"]["html"] == "http://localhost/notices/red/2024-00102"
    assert "not an arrest warrant" in doc["disclaimer"]


def test_yellow_and_un_documents_carry_their_sections(loaded_client):
    yellow = loaded_client.get(f"/api/v1/notices/yellow/{dash(TESTOVA)}").get_json()
    assert yellow["disappearance"]["country"] == {"code": "LV", "label": "Latvia"}
    assert yellow["disappearance"]["father"] == {"family_name": "TESTOV", "forename": "PETERIS"}
    assert yellow["un"] is None
    person = loaded_client.get(f"/api/v1/notices/un-person/{dash(SAMPLEDIN)}").get_json()
    assert person["un"]["reference"] == "QDi.999"
    assert person["names"]["aliases"] == ["ABU EXAMPLE", "ABDUL SAMPLEDEEN"]


def test_unknown_other_kind_and_withdrawn_notices(loaded_app, loaded_client, tmp_path):
    assert loaded_client.get("/api/v1/notices/red/2099-00001").status_code == 404
    assert loaded_client.get(f"/api/v1/notices/yellow/{dash(FICTIONELLI)}").status_code == 404
    reload_without(loaded_app, tmp_path, FICTIONELLI)
    gone = loaded_client.get(f"/api/v1/notices/red/{dash(FICTIONELLI)}")
    assert gone.status_code == 410
    assert gone.get_json()["error"] == {
        "code": "gone",
        "parameter": None,
        "message": gone.get_json()["error"]["message"],
    }
    assert "no longer published" in gone.get_json()["error"]["message"]
