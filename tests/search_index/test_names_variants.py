"""The curated variant data, and that index keys find every spelling the scorer calls strong."""

import pytest

from search_index.names import (
    PersonName,
    document_name_keys,
    match_name,
    prepare_names,
    query_name_keys,
)
from search_index.names.folding import fold_word
from search_index.names.transliteration import ABJAD, LATIN, script_of
from search_index.names.variant_data import COGNATE_FORMS, COGNATES, GROUPS
from search_index.names.variants import _logical_lines, arabic_group, group_ids

from .test_names_match import POSSIBLE, SAME_PERSON

ALL_LINES = _logical_lines(GROUPS + COGNATE_FORMS)


def test_groups_have_a_few_hundred_forms():
    assert sum(len(line.split()) for line in ALL_LINES) > 500


@pytest.mark.parametrize("line", ALL_LINES, ids=lambda line: line.split()[0])
def test_group_forms_are_folded_and_distinct(line):
    forms = line.split()  # a group of one form marks a name as distinct from look-alikes
    assert len(set(forms)) == len(forms)
    for form in forms:
        assert script_of(form) in (LATIN, ABJAD)
        if script_of(form) == LATIN:
            assert fold_word(form) == (form,)


def test_cognates_link_existing_groups():
    ids = {line.split()[0] for line in ALL_LINES}
    for line in COGNATES.strip().splitlines():
        assert set(line.split()) <= ids


@pytest.mark.parametrize(
    ("form", "group"),
    [
        ("mohamed", "muhammad"),
        ("osama", "usama"),
        ("youssef", "yusuf"),
        ("husayn", "hussein"),
        ("alexey", "aleksei"),
        ("evgenii", "yevgeny"),
        ("iouri", "yuri"),
        ("dmitry", "dmitri"),
        ("sergey", "sergei"),
        ("abdelrahman", "abdulrahman"),
        ("wong", "wang"),
        ("wong", "huang"),
    ],
)
def test_group_membership(form, group):
    assert group in group_ids(form)


def test_related_names_stay_in_separate_groups():
    for left, right in [
        ("muhammad", "mahmud"),
        ("hassan", "hussein"),
        ("ali", "alina"),
        ("ivan", "ivana"),
        ("aleksandr", "aleksandra"),
        ("maria", "mario"),
    ]:
        assert not set(group_ids(left)) & set(group_ids(right))


@pytest.mark.parametrize(("word", "group"), [("مُحَمَّد", "muhammad"), ("أسامة", "usama")])
def test_arabic_forms_ignore_vowel_marks_and_alef_variants(word, group):
    assert arabic_group(word) == group


def _strong_overlap(query_text, forename, family):
    """Do the exact-ish (non n-gram) keys of a query meet those of a notice?"""
    query = query_name_keys(query_text)
    keys = document_name_keys([PersonName(forename=forename, family=family)])
    return any(
        set(terms) & set(keys[field]) for field, terms in query.terms.items() if field != "n_ngram"
    )


@pytest.mark.parametrize(("query", "name"), SAME_PERSON + POSSIBLE)
def test_index_keys_find_every_matching_spelling(query, name):
    """High recall of candidates: something better than n-grams links query and notice."""
    assert _strong_overlap(query, *name)


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("George Anagnostou", "GEORGIOS", "ANAGNOSTOU"),  # the English form of a Greek name
        ("Basil Kyriakou", "VASILEIOS", "KYRIAKOU"),
        ("Helen Diamanti", "ELENI", "DIAMANTI"),
        ("John Papadakis", "IOANNIS", "PAPADAKIS"),
    ],
)
def test_the_same_name_in_another_tradition_is_a_possible_match(query, forename, family):
    match = match_name(query_name_keys(query), prepare_names([PersonName(forename, family)]))
    assert match.band == "possible"  # a cognate is never proof enough for strong
