"""Browse order, sorting with deterministic tie-breaks, and exact totals over every page."""

from __future__ import annotations

from datetime import datetime

import pytest

from search_index import IndexHome, SearchQuery, search

SAME_TIME = datetime(2021, 5, 5, 5, 5)


def all_pages(home, per_page: int, **criteria) -> list[str]:
    first = search(home, SearchQuery(per_page=per_page, **criteria))
    collected = list(hit.entity_id for hit in first.hits)
    for number in range(2, first.pages + 1):
        page = search(home, SearchQuery(per_page=per_page, page=number, **criteria))
        assert page.total == first.total
        collected.extend(hit.entity_id for hit in page.hits)
    assert len(collected) == first.total
    return collected


@pytest.fixture(scope="module")
def browse_home(tmp_path_factory, make_doc):
    # 2600 notices: published an hour apart, so "newest" is the reverse of the number.
    home = IndexHome(tmp_path_factory.mktemp("browse"))
    docs = [make_doc(n, kind="red" if n % 3 else "yellow", sex="MF"[n % 2]) for n in range(2600)]
    home.rebuild(docs)
    return home


def test_browse_is_newest_first_and_every_page_is_reachable(browse_home):
    order = all_pages(browse_home, per_page=97)
    assert order == [f"2020/{n:05d}" for n in reversed(range(2600))]


def test_last_page_of_a_filtered_browse(browse_home, hit_ids):
    expected = [f"2020/{n:05d}" for n in reversed(range(2600)) if n % 3 and n % 2]
    first = search(browse_home, SearchQuery(kinds=("red",), sex="F", per_page=50))
    assert first.total == len(expected)
    last = search(browse_home, SearchQuery(kinds=("red",), sex="F", per_page=50, page=first.pages))
    assert hit_ids(last) == expected[(first.pages - 1) * 50 :]
    beyond = search(
        browse_home, SearchQuery(kinds=("red",), sex="F", per_page=50, page=first.pages + 1)
    )
    assert beyond.hits == [] and beyond.total == len(expected)


def test_pages_property():
    from search_index import SearchPage

    assert SearchPage(total=0, page=1, per_page=20, hits=[]).pages == 1
    assert SearchPage(total=40, page=1, per_page=20, hits=[]).pages == 2
    assert SearchPage(total=41, page=1, per_page=20, hits=[]).pages == 3


@pytest.fixture
def sort_home(home, make_doc):
    docs = [
        make_doc(1, family="ORVELLAN", forename="Tisa", published=datetime(2022, 1, 1)),
        make_doc(2, family="BRANDEK", forename="Oto", published=datetime(2023, 1, 1)),
        make_doc(3, family="ORVELLAN", forename="Tisa", published=SAME_TIME),
        make_doc(4, family="ORVELLAN", forename="Tisa", published=SAME_TIME),
        make_doc(5, family="ORVELAN", forename="Tisa", published=datetime(2024, 1, 1)),
        make_doc(6, family="ZUMBRET", forename="Aki", published=SAME_TIME),
    ]
    home.rebuild(docs)
    return home


def test_browse_ties_on_published_break_by_entity_id_highest_first(sort_home, hit_ids):
    page = search(sort_home, SearchQuery(sort="newest"))
    assert hit_ids(page) == [
        "2020/00005",
        "2020/00002",
        "2020/00001",
        "2020/00006",
        "2020/00004",
        "2020/00003",
    ]


def test_ties_compare_year_and_number_as_numbers(home, make_doc, hit_ids):
    # A first load publishes everything at one instant: the notices' own year and number
    # then say which is newest (2024/120 is newer than 2024/99, 2025/1 newer than both).
    docs = [
        make_doc(0, entity_id=entity_id, published=SAME_TIME)
        for entity_id in ("2024/99", "2025/1", "2024/120", "2023/99999", "2024/0120")
    ]
    home.rebuild(docs)
    assert hit_ids(search(home, SearchQuery(sort="newest"))) == [
        "2025/1",
        "2024/120",
        "2024/0120",
        "2024/99",
        "2023/99999",
    ]


def test_updated_sort_is_last_change_first(home, make_doc, hit_ids):
    docs = [
        make_doc(1, updated=datetime(2025, 3, 1)),
        make_doc(2, updated=datetime(2025, 1, 1)),
        make_doc(3, updated=datetime(2025, 2, 1)),
        make_doc(4, family="ORVELLAN", forename="Tisa", updated=datetime(2025, 1, 1)),
    ]
    home.rebuild(docs)
    assert hit_ids(search(home, SearchQuery(sort="updated"))) == [
        "2020/00001",
        "2020/00003",
        "2020/00004",  # changed when 2 was, but published later: newer
        "2020/00002",
    ]
    assert hit_ids(search(home, SearchQuery(sort="updated", per_page=2, page=2))) == [
        "2020/00004",
        "2020/00002",
    ]
    home.update([make_doc(2, updated=datetime(2025, 4, 1))])
    assert hit_ids(search(home, SearchQuery(sort="updated")))[0] == "2020/00002"


def test_browse_sorted_by_name(sort_home, hit_ids):
    page = search(sort_home, SearchQuery(sort="name"))
    assert hit_ids(page) == [
        "2020/00002",
        "2020/00005",
        "2020/00001",
        "2020/00003",
        "2020/00004",
        "2020/00006",
    ]
    second = search(sort_home, SearchQuery(sort="name", per_page=4, page=2))
    assert hit_ids(second) == ["2020/00004", "2020/00006"]


def test_relevance_ties_break_by_name_then_id(sort_home, hit_ids):
    page = search(sort_home, SearchQuery(text="Tisa Orvellan"))
    assert hit_ids(page)[:3] == ["2020/00001", "2020/00003", "2020/00004"]
    assert page.hits[0].score == page.hits[2].score
    assert page.hits[3].entity_id == "2020/00005"  # one letter off: ranked after exact ones
    assert page.hits[3].score < page.hits[0].score
    repeated = [hit_ids(search(sort_home, SearchQuery(text="Tisa Orvellan"))) for _ in range(3)]
    assert all(order == hit_ids(page) for order in repeated)


def test_name_results_can_be_sorted_by_newest_or_name(sort_home, hit_ids):
    newest = search(sort_home, SearchQuery(text="Tisa Orvellan", sort="newest"))
    assert hit_ids(newest) == ["2020/00005", "2020/00001", "2020/00004", "2020/00003"]
    updated = search(sort_home, SearchQuery(text="Tisa Orvellan", sort="updated"))
    assert hit_ids(updated) == hit_ids(newest)  # no change times: newest first
    by_name = search(sort_home, SearchQuery(text="Tisa Orvellan", sort="name"))
    assert hit_ids(by_name) == ["2020/00005", "2020/00001", "2020/00003", "2020/00004"]
    assert by_name.total == newest.total == 4


def test_name_results_page_with_exact_total(sort_home, hit_ids):
    full = search(sort_home, SearchQuery(text="Tisa Orvellan"))
    pages = [
        search(sort_home, SearchQuery(text="Tisa Orvellan", per_page=3, page=n)) for n in (1, 2)
    ]
    assert [p.total for p in pages] == [full.total, full.total]
    assert hit_ids(pages[0]) + hit_ids(pages[1]) == hit_ids(full)


def test_unknown_sort_falls_back_to_relevance(sort_home, hit_ids):
    assert hit_ids(search(sort_home, SearchQuery(sort="bogus"))) == hit_ids(
        search(sort_home, SearchQuery(sort="newest"))
    )


def test_column_files_from_before_the_updated_sort_still_load(home, make_doc, hit_ids):
    import pickle

    from search_index.columns import Columns, Row, columns_path

    home.rebuild([make_doc(n) for n in range(5)])
    searcher = home.searcher()
    path = columns_path(searcher.path, searcher.whoosh.reader().generation())
    with open(path, "rb") as handle:
        state = pickle.load(handle)
    # As an older release wrote it: rows without `updated`, no update or id order.
    state.pop("updated_order")
    state.pop("id_order")
    state["rows"] = [Row(*row[:-1]) for row in state["rows"]]
    with open(path, "wb") as handle:
        pickle.dump(state, handle)
    columns = Columns.load(path)
    assert [columns.rows[n].entity_id for n in columns.updated_order] == [
        f"2020/{n:05d}" for n in reversed(range(5))
    ]
    assert [columns.rows[columns.row_number(f"2020/{n:05d}")].entity_id for n in range(5)] == [
        f"2020/{n:05d}" for n in range(5)
    ]
    assert columns.row_number("2020/00099") is None
