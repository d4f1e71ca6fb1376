"""The about page and the API description tell the public what a score and each band mean,
which reasons exist, and that a match is never proof of identity, in every UI language."""

from __future__ import annotations

import pytest

from notices.web.i18n.locale import LOCALES


def test_the_about_page_explains_the_three_bands(data_client):
    html = data_client.get("/en/about").get_data(as_text=True)
    for band in ("Strong match", "Possible match", "Weak match"):
        assert f"<dt>{band}</dt>" in html
    assert "a short form (Sasha for Aleksandr)" in html  # possible, never strong
    assert "Daniel and Daniela" in html  # male and female forms are two people
    assert "never proof of identity" in html


@pytest.mark.parametrize("language", [code for code in LOCALES if code != "en"])
def test_the_band_explanations_are_translated(data_client, language):
    english = data_client.get("/en/about").get_data(as_text=True)
    html = data_client.get(f"/{language}/about").get_data(as_text=True)
    assert 'id="matching"' in html
    assert "a short form (Sasha for Aleksandr)" not in html
    assert english.count("<dt>") == html.count("<dt>")


def test_the_openapi_document_explains_scores_and_bands(data_client):
    description = data_client.get("/api/v1/openapi.json").get_json()["info"]["description"]
    assert "strong (score >= 85)" in description
    assert "possible (65-84)" in description
    assert "Sasha for Aleksandr" in description
    assert "never proof of identity" in description
