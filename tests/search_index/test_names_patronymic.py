"""The order of the names around "bin", "ibn", "bint", "ben", "ould" says who is whom:
MOHAMED BIN SALEH (Mohamed, son of Saleh) is never a possible match for SALEH BIN MOHAMED."""

import pytest

from search_index.names import PersonName, match_name, prepare_names, query_name_keys


def _band(query, forename, family):
    return match_name(query_name_keys(query), prepare_names([PersonName(forename, family)])).band


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Mohamed bin Saleh", "SALEH", "BIN MOHAMED"),
        ("Yusuf ibn Ahmad", "AHMAD", "IBN YUSUF"),
        ("Mariam bint Faisal", "FAISAL", "BINT MARIAM"),
        ("Salem ould Brahim", "BRAHIM", "OULD SALEM"),
        ("Mohamed bin Saleh", "SALEH", "MOHAMED"),  # the record without the particle
        ("Saleh Mohamed", "MOHAMED", "BIN SALEH"),  # the query without it
        ("Nabil bin Rashid bin Sultan", "NABIL", "BIN SULTAN BIN RASHID"),  # deeper in the chain
        ("محمد بن صالح", "SALEH", "BIN MOHAMED"),  # Arabic script
    ],
)
def test_the_names_the_other_way_round_are_someone_else(query, forename, family):
    assert _band(query, forename, family) == "weak"


@pytest.mark.parametrize(
    ("query", "forename", "family"),
    [
        ("Mohamed bin Saleh", "MOHAMED", "BIN SALEH"),
        ("Mohamed ibn Saleh", "MOHAMED", "BIN SALEH"),
        ("Mohamed Saleh", "MOHAMED", "BIN SALEH"),
        ("Mohammed bin Salih", "MOHAMED", "BIN SALEH"),
        ("Nabil bin Rashid Sultan", "NABIL", "BIN RASHID BIN SULTAN"),
        ("محمد بن صالح", "MOHAMED", "BIN SALEH"),
    ],
)
def test_the_same_order_still_matches(query, forename, family):
    assert _band(query, forename, family) == "strong"


def test_without_any_patronymic_particle_order_does_not_matter():
    assert _band("Saleh Mohamed", "MOHAMED", "SALEH") == "strong"
