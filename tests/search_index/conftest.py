"""Fixtures for the search engine tests: a fictitious-notice factory and index homes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from search_index import IndexDocument, IndexHome, PersonName
from search_index.textfold import fold

EPOCH = datetime(2020, 1, 1, 12, 0)


def build_doc(number: int, **overrides) -> IndexDocument:
    """A fictitious notice: id 2020/<number>, published `number` hours after EPOCH."""
    family = overrides.pop("family", f"TESTNAME{number}")
    forename = overrides.pop("forename", "Quill")
    values = dict(
        entity_id=f"2020/{number:05d}",
        kind="red",
        names=[PersonName(forename, family)],
        sort_name=fold(f"{family} {forename or ''}".strip()),
        sex="M",
        nationalities=["XA"],
        wanted_by=["XA"],
        published=EPOCH + timedelta(hours=number),
    )
    values.update(overrides)
    return IndexDocument(**values)


def partial_dob(year: int, month: int | None = None, day: int | None = None) -> dict:
    """dob_earliest / dob_latest of a partial date of birth (year, year+month, or full)."""
    if month is None:
        return {"dob_earliest": date(year, 1, 1), "dob_latest": date(year, 12, 31)}
    if day is None:
        following = date(year + (month == 12), month % 12 + 1, 1)
        return {"dob_earliest": date(year, month, 1), "dob_latest": following - timedelta(days=1)}
    return {"dob_earliest": date(year, month, day), "dob_latest": date(year, month, day)}


@pytest.fixture(scope="session")
def make_doc():
    return build_doc


@pytest.fixture(scope="session")
def dob():
    return partial_dob


@pytest.fixture
def home(tmp_path) -> IndexHome:
    return IndexHome(tmp_path / "index")


def ids(page) -> list[str]:
    """Entity ids of a SearchPage's hits, in order."""
    return [hit.entity_id for hit in page.hits]


@pytest.fixture
def hit_ids():
    return ids
