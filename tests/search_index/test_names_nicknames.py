"""Nicknames and short forms meet the full given name: a possible match, never proof."""

import pytest

from search_index.names import PersonName, match_name, prepare_names, query_name_keys


def _match(query, forename, family):
    return match_name(query_name_keys(query), prepare_names([PersonName(forename, family)]))


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Ted Kowalski", "THEODORE", "KOWALSKI"),
        ("Bibi Netzer", "BENJAMIN", "NETZER"),
        ("Peggy Holloway", "MARGARET", "HOLLOWAY"),
        ("Bill Harrington", "WILLIAM", "HARRINGTON"),
    ],
)
def test_a_nickname_with_the_family_name_is_possible(query, forename, family):
    result = _match(query, forename, family)
    assert result.band == "possible" and "nickname" in result.why


def test_a_nickname_alone_is_weak():
    assert _match("Ted", "THEODORE", "KOWALSKI").band == "weak"


def test_an_arabic_given_name_is_no_english_short_form():
    assert _match("Ali Hassan", "ALISON", "HASSAN").band != "strong"
