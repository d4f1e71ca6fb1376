"""Names written together (JohnSmith, johnsmith, zhaohaitao) meet the name written apart."""

import pytest

from search_index.names import PersonName, match_name, prepare_names, query_name_keys


def _match(query, forename, family):
    return match_name(query_name_keys(query), prepare_names([PersonName(forename, family)]))


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("JohnSmith", "JOHN", "SMITH"),
        ("johnsmith", "JOHN", "SMITH"),
        ("smithjohn", "JOHN", "SMITH"),
        ("zhangLihua", "LIHUA", "ZHANG"),
        ("ZHAOHAITAO", "HAITAO", "ZHAO"),
    ],
)
def test_a_name_written_together_is_a_strong_match(query, forename, family):
    assert _match(query, forename, family).band == "strong"


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("johnsmyth", "JOHN", "SMITH"),  # one word: only the same spelling meets the whole name
        ("Aleksandra Shchurova", "ALEKSANDR", "SHCHUROV"),  # joined forms never hide a gender form
    ],
)
def test_a_whole_name_joined_meets_only_the_same_spelling(query, forename, family):
    assert _match(query, forename, family).band != "strong"
