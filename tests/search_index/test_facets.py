"""Facet counts of name searches and of filters: what a reader sees next to the results is the
number of those results with each value, however many there are and however often asked."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from search_index import SearchQuery, search
from search_index import facets as facets_module

TODAY = date(2024, 6, 15)
CODES = ["XA", "XB", "XC", "XD", "922"]
FAMILIES = ["OKONKWO", "OKONKWA", "BERGSTRAND", "NAKASHIMA", "OKONJO"]


def random_docs(make_doc, count: int, seed: int = 3) -> list:
    rnd = random.Random(seed)
    return [
        make_doc(
            number,
            family=rnd.choice(FAMILIES),
            forename=rnd.choice(["Ada", "Bo", "Cyra"]),
            kind=rnd.choice(["red", "yellow", "un-person"]),
            sex=rnd.choice(["M", "F", None]),
            nationalities=rnd.sample(CODES, rnd.randint(0, 3)),
            wanted_by=rnd.sample(CODES, rnd.randint(0, 2)),
        )
        for number in range(1, count + 1)
    ]


def counted_by_hand(docs: list) -> dict[str, Counter]:
    counts = {facet: Counter() for facet in ("kind", "nationality", "wanted_by", "sex")}
    for doc in docs:
        counts["kind"][doc.kind] += 1
        if doc.sex:
            counts["sex"][doc.sex] += 1
        counts["nationality"].update(set(doc.nationalities))
        counts["wanted_by"].update(set(doc.wanted_by))
    return counts


@pytest.fixture
def many_home(home, make_doc):
    docs = random_docs(make_doc, 400)
    home.rebuild(docs)
    return home, {doc.entity_id: doc for doc in docs}


@pytest.mark.parametrize("rows_up_to", [10_000, -1])  # counted from rows, and from bitsets
@pytest.mark.parametrize("text", ["OKONKWO", "OKONJO ADA", "BERGSTRAND", "NAKASHIMA BO"])
def test_a_name_search_counts_exactly_its_hits(many_home, monkeypatch, rows_up_to, text):
    monkeypatch.setattr(facets_module, "_COUNT_ROWS_UP_TO", rows_up_to)
    home, docs = many_home
    page = search(home, SearchQuery(text=text, today=TODAY, per_page=500))
    assert 0 < page.total == len(page.hits) < len(docs)
    expected = counted_by_hand([docs[hit.entity_id] for hit in page.hits])
    for facet, counts in expected.items():
        assert page.facets[facet] == dict(counts), facet
        assert list(page.facets[facet].values()) == sorted(counts.values(), reverse=True)


def test_counts_kept_for_a_filter_follow_the_next_change(many_home, make_doc):
    home, docs = many_home
    query = SearchQuery(nationalities=("XD",), today=TODAY)
    first = search(home, query).facets
    first["kind"].clear()  # a caller changing its answer changes no later answer
    again = search(home, query).facets
    assert again["kind"] and sum(again["kind"].values()) == search(home, query).total
    newcomer = make_doc(9999, kind="yellow", nationalities=["XD"], wanted_by=[], sex="F")
    assert home.update([newcomer])
    after = search(home, query).facets
    assert after["kind"].get("yellow", 0) == again["kind"].get("yellow", 0) + 1
    assert after["sex"].get("F", 0) == again["sex"].get("F", 0) + 1


def test_every_page_of_one_filter_shows_the_same_counts(many_home):
    home, _ = many_home
    pages = [
        search(home, SearchQuery(kinds=("red",), today=TODAY, page=number, per_page=10)).facets
        for number in (1, 2, 5, 1)
    ]
    assert all(facets == pages[0] for facets in pages)
    assert sum(pages[0]["kind"].values()) == search(home, SearchQuery(kinds=("red",))).total


def test_two_filters_with_as_many_results_each_get_their_own_counts(home, make_doc):
    home.rebuild(
        [make_doc(n, kind="red", nationalities=["XA"], wanted_by=[]) for n in (1, 2)]
        + [make_doc(n, kind="yellow", nationalities=["XB"], wanted_by=[]) for n in (3, 4)]
    )
    for _ in range(2):  # counted, then kept
        xa = search(home, SearchQuery(nationalities=("XA",), today=TODAY)).facets
        xb = search(home, SearchQuery(nationalities=("XB",), today=TODAY)).facets
        assert xa["kind"] == {"red": 2} and xb["kind"] == {"yellow": 2}
