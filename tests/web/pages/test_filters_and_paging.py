"""Filters that fit the tab, the filters in use above the results, and page links with gaps."""

from __future__ import annotations

import re

import pytest

from notices.web.pages.paging import page_numbers


@pytest.mark.parametrize(
    ("page", "pages", "expected"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 150, [1, 2, 3, None, 150]),
        (75, 150, [1, None, 73, 74, 75, 76, 77, None, 150]),
        (4, 150, [1, 2, 3, 4, 5, 6, None, 150]),  # a one-page gap shows that page
        (150, 150, [1, None, 148, 149, 150]),
    ],
)
def test_page_numbers_mark_their_gaps(page, pages, expected):
    assert page_numbers(page, pages) == expected


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_missing_persons_are_not_filtered_by_wanted_by(data_client):
    assert 'id="wanted-by"' in _html(data_client, "/search")
    assert 'id="wanted-by"' not in _html(data_client, "/search?kind=yellow")
    # A filter that is set stays visible, so it can be seen and removed.
    assert 'id="wanted-by"' in _html(data_client, "/search?kind=yellow&wanted_by=FR")


def test_un_tab_offers_reference_and_resolution_and_entities_no_personal_filters(data_client):
    un = _html(data_client, "/search?kind=un")
    assert 'id="un-reference"' in un and 'id="un-resolution"' in un
    assert 'id="un-reference"' not in _html(data_client, "/search")
    entities = _html(data_client, "/search?kind=un-entity")
    for field in ('name="sex"', 'id="age-min"', 'id="has-picture"'):
        assert field not in entities
        assert field in _html(data_client, "/search?kind=red")


def test_filters_in_use_are_listed_above_the_results(data_client):
    html = _html(data_client, "/search?nationality=FR&sex=M")
    active = re.search(r'<ul class="active-filters"[^>]*>(.*?)</ul>', html, re.S)
    assert active, "no list of filters in use"
    assert html.index('class="active-filters"') < html.index('class="result-list"')
    assert active.group(1).count(">Remove<") == 2
    assert "France" in active.group(1)
    assert 'class="active-filters"' not in _html(data_client, "/search")


def test_un_entities_get_an_entity_symbol_not_an_empty_photo(data_client):
    html = _html(data_client, "/search?kind=un-entity")
    cards = re.findall(r'<li class="card card--un-entity">(.*?)</li>', html, re.S)
    assert cards
    assert all("placeholder--entity" in card for card in cards)
    with data_client.get("/static/site.css") as stylesheet:
        css = stylesheet.get_data(as_text=True)
    assert re.search(r"\.placeholder--entity \{[^}]*url\(\"entity\.svg\"\)", css)
    with data_client.get("/static/entity.svg") as symbol:
        assert symbol.status_code == 200 and symbol.mimetype == "image/svg+xml"
