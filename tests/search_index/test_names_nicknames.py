"""Nicknames and short forms meet the full given name: a possible match, never proof."""

from importlib.resources import files

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


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Sasha Petrenko", "ALEKSANDR", "PETRENKO"),
        ("Sasha Petrenko", "ALEKSANDRA", "PETRENKO"),  # a short form of two names stands for both
        ("Саша Петренко", "ALEKSANDR", "PETRENKO"),  # typed in Cyrillic
        ("Slava Koval", "VYACHESLAV", "KOVAL"),
        ("Slava Koval", "YAROSLAV", "KOVAL"),
        ("Dima Orlov", "DMITRIY", "ORLOV"),
        ("Dima Orlov", "DMITRII", "ORLOV"),  # another passport spelling of the full name
        ("Pepe Carrizales", "JOSÉ", "CARRIZALES"),
        ("Zé Carvalho", "JOSÉ", "CARVALHO"),  # two letters, but curated
        ("Kasia Wróblewska", "KATARZYNA", "WRÓBLEWSKA"),
        ("Beppe Scaramuzza", "GIUSEPPE", "SCARAMUZZA"),
        ("Francisco Olvera", "PACO", "OLVERA"),  # the record has the short form
    ],
)
def test_international_short_forms_are_possible(query, forename, family):
    result = _match(query, forename, family)
    assert result.band == "possible" and "nickname" in result.why


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Misha Petrenko", "ALEKSANDR", "PETRENKO"),
        ("Pepe Carrizales", "FRANCISCO", "CARRIZALES"),
        ("Kasia Jankowiak", "BARBARA", "JANKOWIAK"),
        ("Slava Koval", "SERGEY", "KOVAL"),
    ],
)
def test_a_short_form_of_another_name_does_not_match(query, forename, family):
    assert _match(query, forename, family).band == "weak"


def test_spellings_of_one_full_name_keep_their_own_score():
    # Aleksandr and Oleksandr share a full-name id, yet stay a strong spelling variant.
    result = _match("Aleksandr Petrenko", "OLEKSANDR", "PETRENKO")
    assert result.band == "strong" and "nickname" not in result.why


def test_the_table_ships_and_is_well_formed():
    text = files("search_index.names").joinpath("hypocorisms.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) > 100
    for row in rows:
        full, short = row.split("\t")
        assert full.split() and short.split(), row
        assert all(form.isascii() and form.isalpha() and form.islower() for form in row.split())
