"""What the request path caches per language (option lists, labels, link prefixes) never leaks
between requests: each page shows its own selection, language and links."""

from __future__ import annotations

import re

import pytest
from flask import url_for

from notices.web.pages.search_view import search_url


def html(client, path: str, **headers) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def selected_options(page: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)" selected>', page)


def test_each_page_marks_only_its_own_selection(data_client):
    both = html(data_client, "/search?nationality=FR,IT&wanted_by=914")
    assert selected_options(both) == ["FR", "IT", "914", "relevance"]
    assert '<option value="914" selected>International Criminal Court</option>' in both
    plain = html(data_client, "/search?q=marco")
    assert selected_options(plain) == ["relevance"]
    other = html(data_client, "/search?nationality=BE")
    assert selected_options(other) == ["BE", "relevance"]


def test_option_lists_follow_the_page_language(data_client):
    french = html(data_client, "/fr/search?wanted_by=914")
    assert '<option value="DE">Allemagne</option>' in french
    assert '<option value="914" selected>Cour pénale internationale</option>' in french
    english = html(data_client, "/search")
    assert '<option value="DE">Germany</option>' in english
    assert '<option value="914">International Criminal Court</option>' in english
    arabic = html(data_client, "/search", **{"Accept-Language": "ar"})
    assert '<option value="DE">ألمانيا</option>' in arabic


def test_labels_follow_the_page_language(data_client):
    assert "Wanted person" in html(data_client, "/search?q=exampleman")
    french = html(data_client, "/fr/search?q=exampleman")
    assert "Personne recherchée" in french and "Wanted person" not in french
    assert "Wanted person" in html(data_client, "/search?q=exampleman")


@pytest.mark.parametrize("root", ["", "/fr", "/ar"])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ["jean pierre"]},
        {"q": ["O'Neil & co/+?#"], "nationality": ["FR", "IT"]},
        {"q": ["محمد"], "kind": ["red"], "age_min": ["20"], "page": ["3"]},
        {"keywords": ["50% = half;<script>"], "sex": ["F"]},
    ],
)
def test_search_links_are_the_urls_the_router_builds(data_app, root, params):
    with data_app.test_request_context(f"{root}/search", base_url="http://localhost"):
        data_app.preprocess_request()
        assert search_url(params) == url_for("pages.search", **params)


def test_language_links_keep_the_page_and_escape_the_query(data_client):
    page = html(data_client, "/fr/search?q=a%26b+c&nationality=FR")
    assert 'href="/language/en?next=/search?q%3Da%2526b%2Bc%26nationality%3DFR"' in page
    assert 'href="/language/ar?next=/search?q%3Da%2526b%2Bc%26nationality%3DFR"' in page
