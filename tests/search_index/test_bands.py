"""The bands keep their promises: one distinguishing cue alone is never a possible match."""

import pytest

from search_index.names import PersonName, match_name, prepare_names, query_name_keys
from search_index.names.bands import POSSIBLE, STRONG, band_of


def _match(query, forename, family):
    return match_name(query_name_keys(query), prepare_names([PersonName(forename, family)]))


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("ukraine", "KARIN", "SCHULTE"),  # same consonants only
        ("zhong haoxuan", "ZHENGXIN", "XUE"),  # consonants only, in both parts
        ("Margaret", "MARGARET", "HOLLOWAY"),  # a shared given name only
        ("al", "AHMED", "AL TIKRITI"),  # a shared particle only
    ],
)
def test_one_cue_alone_stays_below_possible(query, forename, family):
    assert _match(query, forename, family).score < POSSIBLE


def test_same_consonants_still_count_beside_an_exact_given_name():
    assert _match("Pooja Chowdhury", "POOJA", "CHAUDHARY").band == "possible"


def test_band_thresholds_come_from_one_table():
    assert band_of(STRONG) == "strong" and band_of(STRONG - 1) == "possible"
    assert band_of(POSSIBLE) == "possible" and band_of(POSSIBLE - 1) == "weak"


def test_a_clearly_female_name_is_never_strong_for_a_man_nor_the_reverse(home, make_doc):
    from search_index import PersonName, SearchQuery, search

    home.rebuild(
        [
            make_doc(1, names=[PersonName("SARAH", "ALHADAD")], sex="M"),
            make_doc(2, names=[PersonName("SARAH", "ALHADAD")], sex="F"),
            make_doc(3, names=[PersonName("SARAH", "ALHADAD")], sex=None),
        ]
    )
    bands = {h.entity_id: h.band for h in search(home, SearchQuery(text="Sarah Alhadad")).hits}
    assert bands == {"2020/00001": "possible", "2020/00002": "strong", "2020/00003": "strong"}
    hits = search(home, SearchQuery(text="Sarah Alhadad")).hits
    assert [h.score for h in hits if h.band == "possible"] == [STRONG - 1]
    assert "other sex" in next(h.why for h in hits if h.band == "possible")


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Said Mansour", "SAYED", "MANSOUR"),  # the given name only sounds alike
        ("Kazem Hosseini", "KAZEM", "HASSANI"),  # the family name only sounds alike
        ("Natalia Zielonka", "NATALIA", "ZIELIŃSKA"),  # two letters apart
    ],
)
def test_a_part_that_is_no_accepted_spelling_keeps_the_name_below_strong(query, forename, family):
    assert _match(query, forename, family).band == "possible"


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Mohammed Mansour", "MUHAMMAD", "MANSOUR"),  # a curated variant
        ("Natalia Zielinska", "NATALIA", "ZIELIŃSKA"),  # folded
        ("Natalia Zielinsak", "NATALIA", "ZIELIŃSKA"),  # one transposition
    ],
)
def test_every_part_in_an_accepted_spelling_is_strong(query, forename, family):
    assert _match(query, forename, family).band == "strong"
