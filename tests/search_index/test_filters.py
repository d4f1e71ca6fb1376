"""Structured filters, alone and combined, and facet counts under the current filters."""

from __future__ import annotations

from datetime import date

import pytest

from search_index import SearchQuery, search

TODAY = date(2024, 6, 15)


@pytest.fixture
def filtered_home(home, make_doc, dob):
    docs = [
        make_doc(
            1,
            kind="red",
            sex="M",
            nationalities=["XA"],
            wanted_by=["XB"],
            has_picture=True,
            **dob(1990, 6, 15),
        ),
        make_doc(2, kind="red", sex="F", nationalities=["XB", "XC"], wanted_by=["XA"], **dob(1985)),
        make_doc(
            3,
            kind="yellow",
            sex="F",
            nationalities=["XC"],
            wanted_by=[],
            has_picture=True,
            **dob(2010, 3),
        ),
        make_doc(
            4,
            kind="un-person",
            sex="M",
            nationalities=["XD"],
            wanted_by=[],
            un_reference="QDi.101",
            un_resolution="1267",
        ),
        make_doc(
            5,
            kind="un-entity",
            sex=None,
            nationalities=[],
            wanted_by=[],
            un_reference="QDe.202",
            un_resolution="1267",
        ),
        make_doc(
            6,
            kind="red",
            sex="M",
            nationalities=["XA", "XB"],
            wanted_by=["XB", "922"],
            has_picture=True,
            **dob(1960, 1, 1),
        ),
    ]
    home.rebuild(docs, expected_ids={doc.entity_id for doc in docs})
    return home


def found(home, **criteria) -> set[int]:
    page = search(home, SearchQuery(today=TODAY, per_page=100, **criteria))
    assert page.total == len(page.hits)
    return {int(hit.entity_id.split("/")[1]) for hit in page.hits}


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, {1, 2, 3, 4, 5, 6}),
        ({"kinds": ("red",)}, {1, 2, 6}),
        ({"kinds": ("yellow", "un-entity")}, {3, 5}),
        ({"kinds": ("no-such-kind",)}, set()),
        ({"nationalities": ("XB",)}, {2, 6}),
        ({"nationalities": ("XC", "XD")}, {2, 3, 4}),
        ({"wanted_by": ("XB",)}, {1, 6}),
        ({"wanted_by": ("922",)}, {6}),
        ({"sex": "F"}, {2, 3}),
        ({"sex": "M"}, {1, 4, 6}),
        ({"has_picture": True}, {1, 3, 6}),
        ({"has_picture": False}, {2, 4, 5}),
        ({"un_reference": "qdi.101"}, {4}),
        ({"un_reference": " QDe. 202"}, {5}),
        ({"un_reference": "QDi.10"}, set()),
        ({"un_resolution": "1267"}, {4, 5}),
        ({"age_min": 30}, {1, 2, 6}),
        ({"age_max": 18}, {3}),
        ({"kinds": ("red",), "sex": "M", "nationalities": ("XB",)}, {6}),
        ({"kinds": ("red",), "has_picture": True, "age_max": 40}, {1}),
        ({"nationalities": ("XA",), "wanted_by": ("XA",)}, set()),
        ({"un_resolution": "1267", "kinds": ("un-entity",)}, {5}),
    ],
)
def test_filters(filtered_home, criteria, expected):
    assert found(filtered_home, **criteria) == expected


def test_facets_count_the_current_result_set(filtered_home):
    page = search(filtered_home, SearchQuery(today=TODAY, kinds=("red",)))
    assert page.facets["kind"] == {"red": 3}
    assert page.facets["sex"] == {"M": 2, "F": 1}
    assert page.facets["nationality"] == {"XA": 2, "XB": 2, "XC": 1}
    assert page.facets["wanted_by"] == {"XB": 2, "922": 1, "XA": 1}
    # 1990-06-15 is 34 today; "1985" gives 38 or 39; 1960-01-01 gives 64.
    assert page.facets["age_band"] == {"26-35": 1, "36-45": 1, "56-65": 1}


def test_facets_of_everything(filtered_home):
    facets = search(filtered_home, SearchQuery(today=TODAY)).facets
    assert facets["kind"] == {"red": 3, "un-entity": 1, "un-person": 1, "yellow": 1}
    assert sum(facets["sex"].values()) == 5  # the entity has no sex
    assert facets["age_band"]["0-17"] == 1


def test_facet_values_are_sorted_by_count_then_value(filtered_home):
    nationality = search(filtered_home, SearchQuery(today=TODAY)).facets["nationality"]
    assert list(nationality) == ["XA", "XB", "XC", "XD"]
    assert list(nationality.values()) == [2, 2, 2, 1]


def test_facets_of_an_empty_result_are_empty(filtered_home):
    page = search(filtered_home, SearchQuery(today=TODAY, kinds=("no-such-kind",)))
    assert page.total == 0 and page.hits == []
    assert all(counts == {} for counts in page.facets.values())
    assert set(page.facets) == {"kind", "nationality", "wanted_by", "sex", "age_band"}
