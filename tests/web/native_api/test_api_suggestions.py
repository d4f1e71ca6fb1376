"""/api/v1/search offers other searches when one finds (almost) nothing, as absolute links
that keep the filters, and says when the filters alone leave nothing."""

from __future__ import annotations

from tests.web.native_api.test_apis_search import check


def search(client, query: str) -> dict:
    return check(client.get(f"/api/v1/search?{query}").get_json(), "SearchResponse")


def test_a_misspelt_name_gets_a_spelling_suggestion_that_keeps_the_filters(data_client):
    doc = search(data_client, "q=DEMOVCIHH&kind=red&per_page=5")
    assert doc["total"] == 0 and not doc["filters_match_nothing"]
    assert doc["suggestions"] == [
        {
            "q": "DEMOVIC",
            "count": 1,
            "kind": "spelling",
            "links": {"self": "http://localhost/api/v1/search?q=DEMOVIC&kind=red&per_page=5"},
        }
    ]
    followed = data_client.get(doc["suggestions"][0]["links"]["self"]).get_json()
    assert followed["total"] == 1


def test_parts_of_the_name_and_the_name_without_filters(data_client):
    doc = search(data_client, "q=Marco+EXAMPLEMAN")
    assert [(s["q"], s["count"], s["kind"]) for s in doc["suggestions"]] == [
        ("EXAMPLEMAN", 3, "partial"),
        ("Marco", 1, "partial"),
    ]
    for suggestion in doc["suggestions"]:
        followed = data_client.get(suggestion["links"]["self"]).get_json()
        assert followed["total"] == suggestion["count"]
    unfiltered = search(data_client, "q=DEMOVIC&nationality=IT&sort=name")
    assert unfiltered["suggestions"] == [
        {
            "q": "DEMOVIC",
            "count": 1,
            "kind": "unfiltered",
            "links": {"self": "http://localhost/api/v1/search?q=DEMOVIC&sort=name"},
        }
    ]


def test_filters_that_leave_nothing_are_reported_not_name_suggestions(data_client):
    doc = search(data_client, "q=exampleman&nationality=JP")
    assert doc["total"] == 0
    assert doc["filters_match_nothing"] is True and doc["suggestions"] == []


def test_a_search_that_finds_notices_has_no_suggestions(data_client):
    for query in ("q=fictionely", "q=exampleman", "kind=red", ""):
        doc = search(data_client, query)
        assert doc["total"] > 0
        assert doc["suggestions"] == [] and doc["filters_match_nothing"] is False
