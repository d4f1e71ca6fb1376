"""Age filters from partial dates of birth on the query date, and overlapping age bands."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from search_index import SearchQuery, search
from search_index.ages import age_on

# number -> partial date of birth (year, month, day); ages given for TODAY = 2024-06-15.
BIRTHS = {
    1: (1990, 6, 15),  # birthday today: 34
    2: (1990, 6, 16),  # birthday tomorrow: 33
    3: (1990, None, None),  # 1990: 33 or 34
    4: (1990, 6, None),  # June 1990: 34 (born by the 15th) or 33
    5: (1990, 5, None),  # May 1990: 34 only
    6: (1990, 7, None),  # July 1990: 33 only
    7: (2000, 2, 29),  # leap day
    8: None,  # unknown
}
TODAY = date(2024, 6, 15)


@pytest.fixture
def age_home(home, make_doc, dob):
    docs = [make_doc(number, **(dob(*birth) if birth else {})) for number, birth in BIRTHS.items()]
    home.rebuild(docs)
    return home


def found(home, today=TODAY, **ages) -> set[int]:
    page = search(home, SearchQuery(today=today, per_page=50, **ages))
    return {int(hit.entity_id.split("/")[1]) for hit in page.hits}


@pytest.mark.parametrize(
    ("age_min", "age_max", "expected"),
    [
        (34, 34, {1, 3, 4, 5}),
        (33, 33, {2, 3, 4, 6}),
        (None, 33, {2, 3, 4, 6, 7}),
        (34, None, {1, 3, 4, 5}),
        (35, None, set()),
        (None, 32, {7}),
        (33, 34, {1, 2, 3, 4, 5, 6}),
        (24, 24, {7}),
        (35, 30, set()),  # an empty range matches nothing
        (0, 150, {1, 2, 3, 4, 5, 6, 7}),  # any age filter drops unknown dates of birth
    ],
)
def test_age_range_on_query_date(age_home, age_min, age_max, expected):
    assert found(age_home, age_min=age_min, age_max=age_max) == expected


def test_without_age_filter_unknown_dates_are_included(age_home):
    assert found(age_home) == set(BIRTHS)


@pytest.mark.parametrize(
    ("today", "age", "matches"),
    [
        (date(2023, 2, 28), 22, True),  # no 29 February in 2023: still 22 on the 28th
        (date(2023, 2, 28), 23, False),
        (date(2023, 3, 1), 23, True),
        (date(2024, 2, 28), 23, True),
        (date(2024, 2, 29), 24, True),
        (date(2024, 2, 29), 23, False),
    ],
)
def test_leap_day_birthday(age_home, today, age, matches):
    assert (7 in found(age_home, today=today, age_min=age, age_max=age)) is matches


def test_negative_and_huge_ages_are_clamped(age_home):
    assert found(age_home, age_min=-10, age_max=10**12) == set(BIRTHS) - {8}


def test_age_bands_overlap_exactly_like_the_filter(age_home):
    page = search(age_home, SearchQuery(today=date(2016, 6, 15)))
    # On 2016-06-15 the 1990 births are 25 or 26; "1990" and "June 1990" straddle the bands.
    bands = page.facets["age_band"]
    assert bands == {"0-17": 1, "18-25": 4, "26-35": 4}  # 3 and 4 in both
    for label, count in bands.items():
        low, _, high = label.partition("-")
        criteria = {"age_min": int(low), "age_max": int(high) if high else None}
        assert len(found(age_home, today=date(2016, 6, 15), **criteria)) == count


def test_age_filter_agrees_with_day_by_day_ages(home, make_doc):
    rnd = random.Random(5)
    ranges = {}
    docs = []
    for number in range(1, 121):
        earliest = date(1930, 1, 1) + timedelta(days=rnd.randrange(365 * 90))
        latest = earliest + timedelta(days=rnd.choice((0, 0, 27, 30, 364, 365)))
        ranges[number] = (earliest, latest)
        docs.append(make_doc(number, dob_earliest=earliest, dob_latest=latest))
    home.rebuild(docs)
    for _ in range(12):
        today = date(2020, 1, 1) + timedelta(days=rnd.randrange(2000))
        low = rnd.randrange(0, 80)
        high = low + rnd.randrange(0, 15)
        expected = set()
        for number, (earliest, latest) in ranges.items():
            days = (latest - earliest).days
            ages = {age_on(earliest + timedelta(days=d), today) for d in range(days + 1)}
            if any(low <= age <= high for age in ages):
                expected.add(number)
        assert found(home, today=today, age_min=low, age_max=high) == expected
