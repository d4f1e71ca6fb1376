"""Ages from partial dates of birth, on the query date, as integer comparisons of YYYYMMDD.

A person's date of birth is known as a range [earliest, latest] (a year-only "1980" is
1980-01-01..1980-12-31). They match an age range if SOME day of that range gives an age in it:
the youngest possible age (from the latest day) must be <= age_max and the oldest possible age
(from the earliest day) must be >= age_min. Unknown dates of birth never match an age filter.
"""

from __future__ import annotations

from datetime import date

MAX_AGE = 150

# Facet bands (label, youngest, oldest). A notice counts in every band its possible ages touch,
# so each band's count is exactly the number of results that clicking the band would give.
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-17", 0, 17),
    ("18-25", 18, 25),
    ("26-35", 26, 35),
    ("36-45", 36, 45),
    ("46-55", 46, 55),
    ("56-65", 56, 65),
    ("66+", 66, None),
)


def ymd(day: date | None) -> int:
    """A date as the integer YYYYMMDD (0 for unknown), which sorts like the date."""
    return day.year * 10000 + day.month * 100 + day.day if day else 0


def age_on(born: date, today: date) -> int:
    """Age in whole years on `today` of someone born on `born`."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def youngest_cutoff(age_max: int, today: date) -> int:
    """Latest-birth YYYYMMDD values ABOVE this give an age <= age_max on `today`."""
    # age(b) <= A  <=>  b > (the same day A+1 years earlier); works for 29 February too,
    # because the comparison is on YYYYMMDD integers, not on real dates.
    return (today.year - age_max - 1) * 10000 + today.month * 100 + today.day


def oldest_cutoff(age_min: int, today: date) -> int:
    """Earliest-birth YYYYMMDD values AT OR BELOW this give an age >= age_min on `today`."""
    return (today.year - age_min) * 10000 + today.month * 100 + today.day


def clamp_age(value: int | None) -> int | None:
    """Ages outside 0..MAX_AGE are clamped so hostile numbers cannot break date arithmetic."""
    if value is None:
        return None
    return max(0, min(MAX_AGE, int(value)))
