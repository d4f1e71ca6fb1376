"""Entity ids and partial dates behave as the published data needs."""

from datetime import date

import pytest

from notices.domain import InvalidEntityId, PartialDate, parse_entity_id, url_entity_id


@pytest.mark.parametrize(
    ("given", "canonical"),
    [("2024/12345", "2024/12345"), ("2024-12345", "2024/12345"), (" 1999/7 ", "1999/7")],
)
def test_entity_ids_accept_slash_and_dash_forms(given, canonical):
    assert parse_entity_id(given) == canonical
    assert url_entity_id(canonical) == canonical.replace("/", "-")


@pytest.mark.parametrize(
    "hostile",
    [
        "../../etc/passwd",
        "2024/1; DROP TABLE notice",
        "",
        "2024/",
        20241234,
        None,
        "2024/" + "9" * 100,
        "２０２４/１２３",
    ],
)
def test_hostile_entity_ids_are_refused(hostile):
    with pytest.raises(InvalidEntityId):
        parse_entity_id(hostile)


@pytest.mark.parametrize(
    ("born", "on", "ages"),
    [
        (PartialDate(1980), date(2026, 11, 29), (45, 46)),
        (PartialDate(1980, 11), date(2026, 11, 29), (45, 46)),
        (PartialDate(1980, 11, 29), date(2026, 11, 29), (46, 46)),
        (PartialDate(1980, 11, 30), date(2026, 11, 29), (45, 45)),
        (PartialDate(2000, 2, 29), date(2026, 2, 28), (25, 25)),
    ],
)
def test_age_range_covers_every_day_a_partial_date_may_denote(born, on, ages):
    assert born.age_range(on) == ages


def test_partial_dates_keep_which_parts_are_known():
    assert PartialDate(1975).iso() == "1975"
    assert PartialDate(1975, 4).iso() == "1975-04"
    assert PartialDate.from_iso("1975-04-09") == PartialDate(1975, 4, 9)


@pytest.mark.parametrize("parts", [(2023, 13), (2023, 2, 30), (2023, None, 5), (0,)])
def test_impossible_dates_are_refused(parts):
    with pytest.raises(ValueError):
        PartialDate(*parts)
