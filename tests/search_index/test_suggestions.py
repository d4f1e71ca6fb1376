"""Suggestions for name searches that find (almost) nothing: other spellings from the index,
parts of the name alone, the name without filters; never when the search found enough."""

from __future__ import annotations

import pytest

from search_index import Alternatives, PersonName, SearchQuery, Suggestion, search, suggest
from search_index.spelling import display_form

PEOPLE = [
    ("MYKOLA", "BONDARENKO", "UA", "M"),
    ("OLENA", "BONDARENKO", "UA", "F"),
    ("IVAN", "BONDARENKO", "PL", "M"),
    ("MARIA", "GONZÁLEZ", "ES", "F"),
    ("RUBÉN", "GONZÁLEZ", "ES", "M"),
    ("KRZYSZTOF", "KOWALOWSKI", "PL", "M"),
]


@pytest.fixture
def people(home, make_doc):
    docs = [
        make_doc(
            number,
            names=[PersonName(forename, family)],
            nationalities=[country],
            sex=sex,
        )
        for number, (forename, family, country, sex) in enumerate(PEOPLE, start=1)
    ]
    home.rebuild(docs + [make_doc(number) for number in range(10, 40)])
    return home


def offered(home, **asked) -> tuple[int, Alternatives]:
    """(results of the search, what it offers instead)."""
    query = SearchQuery(**asked)
    found = search(home, query)
    return found.total, suggest(home, query, found)


@pytest.mark.parametrize(
    "typed, expected",
    [("GONZLAESS", "GONZÁLEZ"), ("gonzlaess", "gonzález"), ("Gonzlaess", "González")],
)
def test_a_misspelt_family_name_suggests_the_spelling_notices_use(people, typed, expected):
    total, alternatives = offered(people, text=typed)
    assert total == 0
    assert alternatives.suggestions == (Suggestion(expected, 2, "spelling"),)
    assert not alternatives.filters_empty


def test_a_spelling_suggestion_is_counted_with_the_filters(people):
    total, alternatives = offered(people, text="GONZLAESS", sex="F")
    assert total == 0
    assert alternatives.suggestions == (Suggestion("GONZÁLEZ", 1, "spelling"),)


def test_spelling_suggestions_put_the_likeliest_spelling_first(people):
    _total, alternatives = offered(people, text="KOWALSKIJ")
    assert alternatives.suggestions[0] == Suggestion("KOWALOWSKI", 1, "spelling")


def test_parts_of_a_name_that_finds_nothing_are_offered_family_name_first(people):
    total, alternatives = offered(people, text="Maria BONDARENKO")
    assert total == 0
    assert alternatives.suggestions == (
        Suggestion("BONDARENKO", 3, "partial"),
        Suggestion("Maria", 1, "partial"),
    )


def test_a_known_given_name_comes_after_the_other_part(people):
    _total, alternatives = offered(people, text="maria bondarenko")
    assert [s.text for s in alternatives.suggestions] == ["bondarenko", "maria"]


def test_partial_suggestions_respect_the_filters(people):
    total, alternatives = offered(people, text="MARIA BONDARENKO", nationalities=("UA",))
    assert total == 0
    # MARIA GONZÁLEZ is Spanish: the given name alone finds nothing among Ukrainian notices.
    assert alternatives.suggestions == (Suggestion("BONDARENKO", 2, "partial"),)


def test_a_name_the_filters_exclude_is_offered_without_them(people):
    total, alternatives = offered(people, text="MYKOLA BONDARENKO", nationalities=("ES",))
    assert total == 0
    assert Suggestion("MYKOLA BONDARENKO", 1, "unfiltered") in alternatives.suggestions


def test_filters_that_leave_nothing_are_reported_instead_of_name_suggestions(people):
    total, alternatives = offered(people, text="GONZLAESS", nationalities=("JP",))
    assert total == 0
    assert alternatives == Alternatives(filters_empty=True)
    _total, browse = offered(people, nationalities=("JP",))
    assert browse == Alternatives(filters_empty=True)


@pytest.mark.parametrize("typed", ["BONDARENKO", "GONZALEZ", "Mykola Bondarenko", "GONZALES"])
def test_nothing_is_suggested_when_the_search_finds_notices(people, typed):
    total, alternatives = offered(people, text=typed)
    assert total > 0
    assert alternatives == Alternatives()


def test_nothing_is_suggested_for_an_unknown_notice_number_or_a_name_unlike_any(people):
    assert offered(people, text="2020/99999") == (0, Alternatives())
    assert offered(people, text="XYZZYQ") == (0, Alternatives())


def test_a_few_weak_matches_also_get_suggestions(home, make_doc):
    # A BONDARENKO without a forename is a weak match for MARIA BONDARENKO; the family name
    # alone finds both BONDARENKO notices.
    home.rebuild(
        [
            make_doc(1, names=[PersonName(None, "BONDARENKO")], sex="F"),
            make_doc(2, names=[PersonName("OLENA", "BONDARENKO")], sex="F"),
        ]
    )
    query = SearchQuery(text="MARIA BONDARENKO")
    found = search(home, query)
    assert found.total == 1 and all(hit.band == "weak" for hit in found.hits)
    assert suggest(home, query, found).suggestions[0] == Suggestion("BONDARENKO", 2, "partial")


def test_an_empty_index_is_not_blamed_on_the_filters(home):
    home.rebuild([])
    assert offered(home, text="BONDARENKO") == (0, Alternatives())


def test_a_misspelt_part_is_offered_alone_in_the_spelling_notices_use(people):
    total, alternatives = offered(people, text="Qwertz GONZLAESS")
    assert total == 0
    assert Suggestion("GONZÁLEZ", 2, "partial") in alternatives.suggestions


def test_a_correction_is_written_in_the_script_the_user_typed_or_not_offered(home, make_doc):
    home.rebuild(
        [
            make_doc(1, names=[PersonName("ПЛАМЕН", "КОСТОВ")]),
            make_doc(2, names=[PersonName("NIKOLAI", "PETKOV")]),
        ]
    )
    searcher = home.searcher()
    assert display_form(searcher, "kostov", "Кастоввв") == "Костов"
    assert display_form(searcher, "kostov", "KASTOVVV") == "KOSTOV"
    assert display_form(searcher, "petkov", "Пеатковв") == ""  # no notice writes it so
