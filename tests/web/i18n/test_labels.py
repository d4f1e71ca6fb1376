"""Readable labels of codes: languages (bibliographic codes), countries, authorities, dates."""

from __future__ import annotations

from datetime import date

import pytest
from babel import Locale

from notices.domain import EYE_COLOURS, HAIR_COLOURS, NON_COUNTRY_AUTHORITIES
from notices.web.i18n import labels
from notices.web.i18n.languages import BIBLIOGRAPHIC_TO_TERMINOLOGY, language_name

EN = Locale.parse("en")
FR = Locale.parse("fr")


@pytest.mark.parametrize(
    "code, english, french",
    [
        ("FRE", "French", "français"),
        ("GER", "German", "allemand"),
        ("CHI", "Chinese", "chinois"),
        ("ENG", "English", "anglais"),
        ("ara", "Arabic", "arabe"),
        ("RUS", "Russian", "russe"),
        ("SPA", "Spanish", "espagnol"),
        ("ALB", "Albanian", "albanais"),
        ("PER", "Persian", "persan"),
        ("FIL", "Filipino", "filipino"),
        ("XYZ", "XYZ", "XYZ"),
    ],
)
def test_language_codes_as_published_get_cldr_names(code, english, french):
    assert language_name(code, EN) == english
    assert language_name(code, FR) == french


def test_every_bibliographic_code_reaches_a_cldr_name():
    for code in BIBLIOGRAPHIC_TO_TERMINOLOGY:
        assert language_name(code, EN) != code


def test_authorities_are_labelled_as_in_the_domain(bare_app):
    with bare_app.test_request_context():
        for code, english in NON_COUNTRY_AUTHORITIES.items():
            assert labels.country_name(code) == english
        assert labels.country_name("FR") == "France"
        assert labels.country_name("XK") == "Kosovo"
        assert labels.country_name("QQ") == "QQ"
        assert labels.country_name("DE", FR) == "Allemagne"


def test_country_choices_are_countries_sorted_by_name(bare_app):
    with bare_app.test_request_context():
        choices = dict(labels.country_choices())
        assert "EU" not in choices and "ZZ" not in choices and "UN" not in choices
        assert choices["FR"] == "France" and "914" not in choices
        names = list(choices.values())
        # Accents do not count in the order (CLDR); case does not either.
        assert names.index("Åland Islands") == names.index("Afghanistan") + 1
        assert names.index("Costa Rica") < names.index("Côte d’Ivoire") < names.index("Croatia")
        with_courts = dict(labels.country_choices(authorities=True))
        assert with_courts["914"] == "International Criminal Court"


def test_every_colour_code_has_its_own_label(bare_app):
    with bare_app.test_request_context():
        for codes, table in ((EYE_COLOURS, labels.EYE_LABELS), (HAIR_COLOURS, labels.HAIR_LABELS)):
            assert set(table) == set(codes)
            assert all(labels.code_label(table, code) != code for code in codes)


@pytest.mark.parametrize(
    "iso, text",
    [("1980", "1980"), ("1980-05", "May 1980"), ("1980-05-17", "May 17, 1980"), (None, "")],
)
def test_partial_dates_are_written_as_the_locale_writes_them(bare_app, iso, text):
    with bare_app.test_request_context():
        assert labels.partial_date_text(iso) == text


@pytest.mark.parametrize(
    "iso, today, text",
    [
        ("1980-05-17", date(2026, 5, 16), "45 years old"),
        ("1980-05-17", date(2026, 5, 17), "46 years old"),
        ("1980-05", date(2026, 5, 16), "45–46 years old"),
        ("1980", date(2026, 7, 1), "45–46 years old"),
        ("2025-12-31", date(2026, 1, 1), "0 years old"),
        ("2026", date(2026, 1, 1), "0 years old"),
        ("2027", date(2026, 1, 1), ""),
        ("2025-01-01", date(2026, 1, 1), "1 year old"),
    ],
)
def test_ages_are_computed_on_the_day_from_partial_dates(bare_app, iso, today, text):
    with bare_app.test_request_context():
        assert labels.age_text(iso, today) == text
