"""A notice number or UN reference typed into the name box finds that notice alone."""

import pytest

from search_index import PersonName, SearchQuery, search


@pytest.fixture
def indexed(home, make_doc):
    docs = [
        make_doc(1, entity_id="1996/78696", names=[PersonName("ANNA", "NOWAK")]),
        make_doc(2, entity_id="1996/7869", names=[PersonName("ANNA", "NOWAK")]),
        make_doc(
            3,
            kind="un-entity",
            un_reference="QDe.001",
            names=[PersonName(None, "BLUE HARBOUR TRADING")],
        ),
        make_doc(4, un_reference="QDe.0011", names=[PersonName("JAN", "KOWALSKI")]),
    ]
    home.rebuild(docs)
    return home


@pytest.mark.parametrize("text", ["1996/78696", "1996-78696", " 1996 / 78696 "])
def test_a_notice_number_is_the_only_hit_strong_100(indexed, text):
    page = search(indexed, SearchQuery(text=text))
    assert [(h.entity_id, h.score, h.band) for h in page.hits] == [("1996/78696", 100, "strong")]
    assert page.total == 1


@pytest.mark.parametrize("text", ["QDe.001", "qde.001", "QDE.001"])
def test_a_un_reference_is_the_only_hit_whatever_the_case(indexed, text):
    page = search(indexed, SearchQuery(text=text))
    assert [(h.entity_id, h.score, h.band) for h in page.hits] == [("2020/00003", 100, "strong")]


def test_filters_still_apply_to_a_reference(indexed):
    assert search(indexed, SearchQuery(text="QDe.001", kinds=("red",))).total == 0


def test_an_unknown_number_is_searched_as_a_name_and_finds_nothing(indexed):
    assert search(indexed, SearchQuery(text="1996/11111")).total == 0


def test_names_are_still_names(indexed):
    page = search(indexed, SearchQuery(text="anna nowak"))
    assert {h.entity_id for h in page.hits} == {"1996/78696", "1996/7869"}
