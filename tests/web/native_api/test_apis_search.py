"""Search through both APIs: shapes, facets, paging past the publisher's 160 cap, JSON errors,
and every answer checked against the OpenAPI document's schemas."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from notices.web.native_api.openapi import openapi_document
from tests.web.dataset import EXAMPLEMAN, FICTIONELLA, FICTIONELLI, dash
from tests.web.helpers import add_notices, reload_without
from tests.web.native_api.schemas import SPEC, check


def test_the_openapi_document_is_valid_and_served(data_client):
    validate(SPEC)
    assert data_client.get("/api/v1/openapi.json").get_json() == SPEC
    assert "/notices/v1/un/persons/{entity_id}/images" in SPEC["paths"]


def test_native_search_scores_explains_and_counts(data_client):
    doc = check(data_client.get("/api/v1/search?q=fictionely").get_json(), "SearchResponse")
    assert doc["total"] == 2 and doc["page"] == 1 and doc["pages"] == 1
    found = {result["entity_id"]: result for result in doc["results"]}
    assert set(found) == {FICTIONELLI, FICTIONELLA}
    marco = found[FICTIONELLI]
    assert marco["kind"] == "red" and marco["names"]["family_name"] == "FICTIONELLI"
    assert 0 < marco["score"] <= 100 and marco["band"] in ("strong", "possible")
    assert "FICTIONELLI" in marco["why"]
    assert marco["links"]["html"] == f"http://localhost/notices/red/{dash(FICTIONELLI)}"
    assert marco["links"]["self"] == f"http://localhost/api/v1/notices/red/{dash(FICTIONELLI)}"
    assert doc["facets"]["nationality"] == [{"value": "IT", "label": "Italy", "count": 2}]
    assert doc["facets"]["sex"] == [
        {"value": "F", "label": "Female", "count": 1},
        {"value": "M", "label": "Male", "count": 1},
    ]


def test_native_search_filters_and_pages(data_client):
    doc = check(
        data_client.get("/api/v1/search?kind=red&per_page=3&sort=name").get_json(), "SearchResponse"
    )
    assert (doc["total"], doc["pages"], len(doc["results"])) == (4, 2, 3)
    second = data_client.get("/api/v1/search?kind=red&per_page=3&sort=name&page=2").get_json()
    names = [r["names"]["family_name"] for r in doc["results"] + second["results"]]
    assert names == sorted(names)
    browse = data_client.get("/api/v1/search?nationality=FR&wanted_by=914").get_json()
    assert [r["entity_id"] for r in browse["results"]] == [EXAMPLEMAN]
    assert browse["results"][0]["score"] is None  # no name asked: nothing to score


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("age_min=x", "age_min"),
        ("kind=purple", "kind"),
        ("per_page=1000", "per_page"),
        ("nationality=123", "nationality"),
        ("has_picture=perhaps", "has_picture"),
    ],
)
def test_native_bad_parameters_are_json_400s(data_client, query, parameter):
    response = data_client.get(f"/api/v1/search?{query}")
    assert response.status_code == 400
    error = check(response.get_json(), "Error")["error"]
    assert error["code"] == "bad_request" and error["parameter"] == parameter
    assert parameter in error["message"]


def test_compatible_list_has_the_published_shape(data_client):
    doc = check(
        data_client.get("/notices/v1/red?nationality=IT&resultPerPage=1").get_json(), "CompatList"
    )
    assert doc["total"] == 2
    assert doc["query"] == {"page": 1, "resultPerPage": 1, "nationality": "IT"}
    item = doc["_embedded"]["notices"][0]
    assert set(item) == {
        "entity_id",
        "name",
        "forename",
        "date_of_birth",
        "nationalities",
        "_links",
    }
    links = doc["_links"]
    assert links["next"]["href"].startswith("http://localhost/notices/v1/red?")
    assert "page=2" in links["next"]["href"] and "page=2" in links["last"]["href"]
    assert "previous" not in links
    entities = check(data_client.get("/notices/v1/un/entities").get_json(), "CompatList")
    assert set(entities["_embedded"]["notices"][0]) == {"entity_id", "name", "_links"}


def test_compatible_detail_and_images_match_their_schemas(data_client):
    for path in (
        "red/2024-00101",
        "yellow/2023-04567",
        "un/persons/2019-00088",
        "un/entities/2020-00007",
    ):
        check(data_client.get(f"/notices/v1/{path}").get_json(), "CompatDetail")
        check(data_client.get(f"/notices/v1/{path}/images").get_json(), "CompatImages")
    check(data_client.get(f"/api/v1/notices/red/{dash(EXAMPLEMAN)}").get_json(), "Notice")
    check(data_client.get("/api/v1/notices/un-entity/2020-00007").get_json(), "Notice")


def test_compatible_paging_reaches_past_160_results(data_app, data_client):
    added = add_notices(data_app, 170)
    seen, page = [], 1
    while True:
        doc = data_client.get(f"/notices/v1/red?resultPerPage=50&page={page}").get_json()
        seen += [item["entity_id"] for item in doc["_embedded"]["notices"]]
        if "next" not in doc["_links"]:
            break
        page += 1
    assert doc["total"] == 174 and page == 4
    assert len(seen) == len(set(seen)) == 174
    assert set(added) <= set(seen)
    assert "previous" in doc["_links"]


def test_compatible_bad_parameters_and_withdrawals(data_app, data_client, tmp_path):
    response = data_client.get("/notices/v1/red?ageMin=abc")
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == "ageMin"
    assert data_client.get("/notices/v1/red").get_json()["total"] == 4
    reload_without(data_app, tmp_path, EXAMPLEMAN)
    doc = data_client.get("/notices/v1/red").get_json()
    assert doc["total"] == 3
    assert EXAMPLEMAN not in [item["entity_id"] for item in doc["_embedded"]["notices"]]


def test_a_hit_says_which_of_the_notices_names_matched(data_client):
    from tests.web.dataset import SAMPLEDIN

    results = data_client.get("/api/v1/search?q=abu+example").get_json()["results"]
    hit = next(result for result in results if result["entity_id"] == SAMPLEDIN)
    assert hit["matched_name"] == {"name": "ABU EXAMPLE", "type": "alias"}
    primary = data_client.get("/api/v1/search?q=exampleman").get_json()["results"][0]
    assert primary["matched_name"]["type"] == "primary"
    page = data_client.get("/search?q=abu+example").get_data(as_text=True)
    assert "Matched alias ABU EXAMPLE" in page


@pytest.mark.parametrize("typed", ["2024/00101", "2024-00101", " 2024-00101 "])
def test_a_notice_number_in_the_name_box_finds_that_notice(data_client, typed):
    from tests.web.dataset import EXAMPLEMAN

    document = data_client.get("/api/v1/search", query_string={"q": typed}).get_json()
    assert [r["entity_id"] for r in document["results"]] == [EXAMPLEMAN]
    assert (document["results"][0]["band"], document["results"][0]["score"]) == ("strong", 100)


def test_a_un_reference_in_the_name_box_finds_that_notice(data_client):
    from tests.web.dataset import SAMPLEDIN

    for typed in ("QDi.999", "qdi.999"):
        document = data_client.get("/api/v1/search", query_string={"q": typed}).get_json()
        assert [r["entity_id"] for r in document["results"]] == [SAMPLEDIN]
        page = data_client.get("/search", query_string={"q": typed}).get_data(as_text=True)
        assert "notice&#39;s number or UN reference" in page or "number or UN reference" in page


def test_search_answers_link_their_pages(data_app, data_client):
    add_notices(data_app, 45)
    document = data_client.get("/api/v1/search?kind=red&per_page=20&page=2&x=1").get_json()
    links = document["links"]
    base = "http://localhost/api/v1/search?kind=red&per_page=20"
    assert links["self"] == base + "&page=2"
    assert links["first"] == base
    assert links["prev"] == base
    assert links["next"] == base + "&page=3"
    assert links["last"] == f"{base}&page={document['pages']}"
    last = data_client.get(links["last"].removeprefix("http://localhost")).get_json()
    assert "next" not in last["links"] and "prev" in last["links"]


def test_an_unknown_country_code_is_a_400_that_names_the_parameter(data_client):
    for url in ("/api/v1/search?nationality=XX", "/api/v1/search?wanted_by=QQ"):
        response = data_client.get(url)
        assert response.status_code == 400
        assert response.get_json()["error"]["parameter"] in ("nationality", "wanted_by")
    assert data_client.get("/api/v1/search?nationality=XK").status_code == 200  # Kosovo
    assert data_client.get("/search?nationality=XX").status_code == 400


def test_browsers_may_read_the_api_from_other_sites(data_client):
    preflight = data_client.options(
        "/api/v1/search",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    answer = data_client.get("/api/v1/search?q=exampleman")
    exposed = answer.headers["Access-Control-Expose-Headers"]
    assert "ETag" in exposed and "Retry-After" in exposed


def test_every_operation_has_an_id_tags_and_the_304_and_429_answers():
    document = openapi_document()
    validate(document)
    ids = []
    for item in document["paths"].values():
        for operation in item.values():
            ids.append(operation["operationId"])
            assert operation["tags"]
            assert "429" in operation["responses"]
            if "200" in operation["responses"]:
                assert "304" in operation["responses"]
    assert len(ids) == len(set(ids))
    assert document["servers"]
