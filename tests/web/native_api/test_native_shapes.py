"""One shape per thing in the native API: countries and sexes as {code, label} in the request's
language, facets as labelled lists in the page's order, both forms of a notice's id, and one
`links` object of absolute URLs; the compatible API keeps the publisher's shapes."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest

from tests.web.dataset import EXAMPLEMAN, FICTIONELLI, SAMPLEDIN, TESTOVA, dash
from tests.web.native_api.schemas import check

# Members that hold countries, wherever a document has them.
COUNTRY_KEYS = {
    "nationalities",
    "wanted_by",
    "country_of_birth",
    "issuing_country",
    "country",
    "countries_likely_visited",
}
OLD_LINK_KEYS = {"url", "api_url", "thumbnail_url", "_links"}


def walk(node, path=()):
    """Every (path, key, value) of a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def assert_one_shape(document: dict) -> list[dict]:
    """Every country is {code, label} with a real name; no old-style link field is left.
    Returns the countries found."""
    found = []
    for path, key, value in walk(document):
        assert key not in OLD_LINK_KEYS, (path, key)
        if key in COUNTRY_KEYS and value is not None and "facets" not in path:
            for item in value if isinstance(value, list) else [value]:
                assert set(item) == {"code", "label"}, (path, key, item)
                assert item["label"] and item["label"] != item["code"], (path, key, item)
                found.append(item)
    return found


def get(client, url: str, lang: str = "en") -> dict:
    response = client.get(url, headers={"Accept-Language": lang})
    assert response.status_code == 200, (url, response.status_code)
    return response.get_json()


@pytest.mark.parametrize(
    "lang, italy, france, court, female",
    [
        ("en", "Italy", "France", "International Criminal Court", "Female"),
        ("fr", "Italie", "France", "Cour pénale internationale", "Femme"),
        ("ar", "إيطاليا", "فرنسا", "المحكمة الجنائية الدولية", "أنثى"),
    ],
)
def test_results_give_countries_and_sex_as_code_and_label(
    data_client, lang, italy, france, court, female
):
    doc = check(get(data_client, "/api/v1/search?kind=red", lang), "SearchResponse")
    assert_one_shape(doc)
    found = {result["entity_id"]: result for result in doc["results"]}
    johan = found[EXAMPLEMAN]
    assert johan["nationalities"][0] == {"code": "FR", "label": france}
    assert johan["wanted_by"] == [
        {"code": "FR", "label": france},
        {"code": "914", "label": court},
    ]
    assert found[FICTIONELLI]["nationalities"] == [{"code": "IT", "label": italy}]
    assert found["2024/00104"]["sex"] == {"code": "F", "label": female}
    assert doc["disclaimer"]


@pytest.mark.parametrize(
    "lang, latvia, estonia", [("en", "Latvia", "Estonia"), ("fr", "Lettonie", "Estonie")]
)
def test_every_country_of_every_document_has_one_shape(data_client, lang, latvia, estonia):
    for kind, entity_id in [
        ("red", EXAMPLEMAN),
        ("yellow", TESTOVA),
        ("un-person", SAMPLEDIN),
        ("un-entity", "2020/00007"),
    ]:
        doc = check(get(data_client, f"/api/v1/notices/{kind}/{dash(entity_id)}", lang), "Notice")
        assert_one_shape(doc)
    yellow = get(data_client, f"/api/v1/notices/yellow/{dash(TESTOVA)}", lang)
    assert yellow["disappearance"]["country"] == {"code": "LV", "label": latvia}
    assert yellow["disappearance"]["countries_likely_visited"][0] == {
        "code": "EE",
        "label": estonia,
    }
    person = get(data_client, f"/api/v1/notices/un-person/{dash(SAMPLEDIN)}", lang)
    document = person["un"]["identity_documents"][0]
    assert document["number"] == "123456789"  # members as published
    assert document["issuing_country"]["code"] == "YE"
    assert person["un"]["addresses"][0]["city"] == "Testabad"
    assert person["un"]["addresses"][0]["country"]["code"] == "YE"
    red = get(data_client, f"/api/v1/notices/red/{dash(EXAMPLEMAN)}", lang)
    assert red["country_of_birth"]["code"] == "FR"
    assert red["sex"]["code"] == "M" and red["sex"]["label"]


def facet_labels_on_the_page(html: str, key: str) -> list[str]:
    section = re.search(
        rf'aria-labelledby="facet-{key}">(.*?)</section>', html, flags=re.DOTALL
    ).group(1)
    return [unescape(label) for label in re.findall(r'<a href="[^"]*">([^<]*)</a>', section)]


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_facets_are_labelled_and_in_the_order_of_the_pages_filters(data_client, lang):
    doc = check(get(data_client, "/api/v1/search", lang), "SearchResponse")
    facets = doc["facets"]
    assert set(facets) == {"kind", "nationality", "wanted_by", "sex", "age_band"}
    html = data_client.get(f"/{lang}/search").get_data(as_text=True)
    for key in ("nationality", "wanted_by", "sex", "age_band"):
        values = facets[key]
        assert values, key
        counts = [value["count"] for value in values]
        if key != "age_band":  # age bands go youngest first
            assert counts == sorted(counts, reverse=True), key
        assert [value["label"] for value in values] == facet_labels_on_the_page(html, key)
    by_value = {key: {v["value"]: v["label"] for v in values} for key, values in facets.items()}
    expected = {
        "en": ("Wanted person", "Missing person", "Male", "International Criminal Court"),
        "fr": ("Personne recherchée", "Personne disparue", "Homme", "Cour pénale internationale"),
        "ru": ("Разыскиваемое лицо", "Лицо, пропавшее без вести", "Мужской", None),
    }[lang]
    assert by_value["kind"]["red"] == expected[0]
    assert by_value["kind"]["yellow"] == expected[1]
    assert by_value["sex"]["M"] == expected[2]
    if expected[3]:
        assert by_value["wanted_by"]["914"] == expected[3]
    assert by_value["nationality"]["IT"] != "IT"
    assert sum(value["count"] for value in facets["kind"]) == doc["total"]


def test_a_facet_value_is_what_its_filter_takes(data_client):
    facets = get(data_client, "/api/v1/search")["facets"]
    for key in ("nationality", "wanted_by", "sex", "kind"):
        for value in facets[key]:
            narrowed = get(data_client, f"/api/v1/search?{key}={quote(value['value'])}")
            assert narrowed["total"] == value["count"], (key, value)


def test_documents_give_both_forms_of_the_id(data_client):
    result = get(data_client, "/api/v1/search?q=exampleman")["results"][0]
    assert (result["entity_id"], result["path_id"]) == (EXAMPLEMAN, dash(EXAMPLEMAN))
    detail = get(data_client, result["links"]["self"].removeprefix("http://localhost"))
    assert (detail["entity_id"], detail["path_id"]) == ("2024/00101", "2024-00101")


@pytest.mark.parametrize("form", ["2024-00101", "2024%2F00101", "2024%2f00101", "2024/00101"])
def test_the_detail_path_takes_either_form_of_the_id(data_client, form):
    doc = check(get(data_client, f"/api/v1/notices/red/{form}"), "Notice")
    assert doc["entity_id"] == EXAMPLEMAN
    # Either way, the document names its one address, in the dash form.
    assert doc["links"]["self"] == "http://localhost/api/v1/notices/red/2024-00101"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/notices/yellow/2024%2F00101",  # another kind
        "/api/v1/notices/red/2099%2F00001",  # unknown
        "/api/v1/notices/red/2024%2F00101/images",
        "/api/v1/notices/red/2024%2F00101%20",
        "/api/v1/notices/red/2024%2F%2F00101",
    ],
)
def test_other_paths_near_a_notice_are_not_found(data_client, path):
    assert data_client.get(path).status_code == 404


def test_results_and_documents_have_one_links_object_of_absolute_urls(data_client):
    doc = get(data_client, "/api/v1/search?q=exampleman")
    assert_one_shape(doc)
    result = doc["results"][0]
    links = result["links"]
    assert set(links) == {"self", "html", "thumbnail"}  # EXAMPLEMAN has pictures
    assert all(url.startswith("http://localhost/") for url in links.values())
    page = data_client.get(links["html"].removeprefix("http://localhost"))
    assert page.status_code == 200 and page.mimetype == "text/html"
    thumbnail = data_client.get(links["thumbnail"].removeprefix("http://localhost"))
    assert thumbnail.status_code == 200 and thumbnail.mimetype == "image/jpeg"
    no_picture = get(data_client, "/api/v1/search?q=demovic")["results"][0]
    assert set(no_picture["links"]) == {"self", "html"} and not no_picture["has_picture"]

    detail = get(data_client, links["self"].removeprefix("http://localhost"))
    assert set(detail["links"]) == {"self", "html", "compatible", "thumbnail"}
    assert detail["links"]["html"] == links["html"]
    assert detail["links"]["thumbnail"] == links["thumbnail"]
    compatible = get(data_client, detail["links"]["compatible"].removeprefix("http://localhost"))
    assert compatible["entity_id"] == EXAMPLEMAN
    assert len(detail["pictures"]) == 2
    for picture in detail["pictures"]:
        assert set(picture) == {"picture_id", "width", "height", "links"}
        image = data_client.get(picture["links"]["image"].removeprefix("http://localhost"))
        assert image.status_code == 200 and image.mimetype == "image/jpeg"


def test_the_compatible_api_keeps_the_publishers_shapes(data_client):
    detail = get(data_client, f"/notices/v1/red/{dash(EXAMPLEMAN)}")
    assert detail["_links"]["self"]["href"].endswith(f"/notices/v1/red/{dash(EXAMPLEMAN)}")
    assert "links" not in detail and "path_id" not in detail
    assert detail["nationalities"] == ["FR", "BE"]  # bare codes, as published
    listing = get(data_client, "/notices/v1/red?resultPerPage=1")
    item = listing["_embedded"]["notices"][0]
    assert "_links" in item and "links" not in item
    check(listing, "CompatList")
