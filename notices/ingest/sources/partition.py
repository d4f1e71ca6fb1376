"""Reach every notice of a web service that answers at most `cap` results per query.

A query whose total exceeds the cap is split along a dimension (nationality, sex, age range,
name prefix); each part is covered the same way. Parts of a query are subsets of it, so the ids
reached through its parts are counted: once they reach the query's total, it is covered. When a
dimension leaves notices out (no nationality, no date of birth), the next dimension is tried on
the same query; what no dimension reaches is reported and makes the crawl incomplete.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from babel import Locale

from notices.domain import InvalidEntityId, parse_entity_id
from notices.ingest.sources.base import ReadError


@dataclass
class ListPage:
    """One page of a list query."""

    url: str
    total: int
    items: list


@dataclass
class Found:
    """A list item with an entity id not seen before in this crawl."""

    entity_id: str
    item: dict
    page_url: str


@dataclass
class Problem:
    """Something the crawl could not read or reach."""

    origin: str
    reason: str
    json_path: str = "$"


FetchPage = Callable[[dict, int], ListPage]  # (filters, page number) -> page; raises ReadError


class Values:
    """Split a query on each value of one parameter (nationality, sexId)."""

    def __init__(self, parameter: str, values: list[str]):
        self.parameter, self.values = parameter, values

    def split(self, query: dict) -> list[tuple[dict, tuple]]:
        return [({**query, self.parameter: value}, ()) for value in self.values]


class AgeRange:
    """Split a query into two age halves (ageMin/ageMax), and those again as needed."""

    def __init__(self, low: int = 0, high: int = 130):
        self.low, self.high = low, high

    def split(self, query: dict) -> list[tuple[dict, tuple]]:
        if self.low >= self.high:
            return []
        middle = (self.low + self.high) // 2
        halves = [(self.low, middle), (middle + 1, self.high)]
        return [
            ({**query, "ageMin": low, "ageMax": high}, (AgeRange(low, high),))
            for low, high in halves
        ]


class NamePrefix:
    """Last resort: split on the first letters of the family name."""

    def __init__(self, prefix: str = "", longest: int = 3):
        self.prefix, self.longest = prefix, longest

    def split(self, query: dict) -> list[tuple[dict, tuple]]:
        if len(self.prefix) >= self.longest:
            return []
        prefixes = [self.prefix + letter for letter in string.ascii_uppercase]
        return [
            ({**query, "name": prefix}, (NamePrefix(prefix, self.longest),)) for prefix in prefixes
        ]


def nationality_codes() -> list[str]:
    """ISO 3166 alpha-2 codes known to CLDR."""
    territories = Locale("en").territories
    return sorted(code for code in territories if len(code) == 2 and code.isalpha())


def person_dimensions() -> tuple:
    """Nationality, then sex, then age, then name initials (red, yellow, UN persons)."""
    return (
        Values("nationality", nationality_codes()),
        Values("sexId", ["M", "F", "U"]),
        AgeRange(),
        NamePrefix(),
    )


def entity_dimensions() -> tuple:
    """UN entities have no nationality, sex or age."""
    return (NamePrefix(),)


class Crawler:
    """Yield every list item reachable under `base`, each entity once; problems are kept."""

    def __init__(self, fetch_page: FetchPage, *, cap: int, dimensions: tuple):
        self.fetch_page, self.cap, self.dimensions = fetch_page, cap, dimensions
        self.seen: set[str] = set()
        self.problems: list[Problem] = []
        self.complete = True
        self._bad_items: set[str] = set()

    def crawl(self, base: dict | None = None) -> Iterator[Found]:
        """Every reachable notice of the query `base` (no filters by default).

        Afterwards `complete` is True only if the ids reached add up to the service's total.
        """
        first = self._fetch(dict(base or {}), 1)
        if first is None:
            self.complete = False
            return
        reached = yield from self._cover(dict(base or {}), self.dimensions, first)
        if len(reached) < first.total:
            self.complete = False
            missing = first.total - len(reached)
            reason = f"{missing} of {first.total} notices could not be reached by any query"
            self.problems.append(Problem(first.url, reason))

    def _cover(self, query: dict, dims: tuple, first: ListPage):
        """Generator of Found; returns the ids of `query` that were reached."""
        total = first.total
        reached = yield from self._pages(query, first)
        if total > self.cap:
            for index, dim in enumerate(dims):
                reached |= yield from self._split(query, dim, dims[index + 1 :], total)
                if len(reached) >= total:
                    break
        return reached

    def _split(self, query: dict, dim: Values | AgeRange | NamePrefix, rest: tuple, total: int):
        reached: set[str] = set()
        for child, more in dim.split(query):
            first = self._fetch(child, 1)
            if first is None:
                continue
            if first.total >= total:
                break  # the filter changed nothing (or is ignored): try the next dimension
            reached |= yield from self._cover(child, (*more, *rest), first)
            if len(reached) >= total:
                break
        return reached

    def _pages(self, query: dict, page: ListPage):
        reached: set[str] = set()
        number = 1
        reachable = min(page.total, self.cap)
        while True:
            new = yield from self._take(page, reached)
            if page.total > self.cap:
                return reached  # split anyway: later pages would only be found again
            if len(reached) >= reachable or not new:
                return reached  # `not new`: a clamped page repeats the last reachable one
            number += 1
            page = self._fetch(query, number)
            if page is None:
                return reached

    def _take(self, page: ListPage, reached: set[str]):
        new = 0
        for index, item in enumerate(page.items):
            entity_id = self._entity_id(page, index, item)
            if entity_id is None:
                continue
            if entity_id not in reached:
                reached.add(entity_id)
                new += 1
            if entity_id not in self.seen:
                self.seen.add(entity_id)
                yield Found(entity_id, item, page.url)
        return new

    def _entity_id(self, page: ListPage, index: int, item: object) -> str | None:
        try:
            return parse_entity_id(item.get("entity_id") if isinstance(item, dict) else None)
        except InvalidEntityId as error:
            key = repr(item)[:500]
            if key not in self._bad_items:  # the same item turns up under many queries
                self._bad_items.add(key)
                path = f"$._embedded.notices[{index}].entity_id"
                self.problems.append(Problem(page.url, str(error), path))
            return None

    def _fetch(self, query: dict, number: int) -> ListPage | None:
        try:
            return self.fetch_page(query, number)
        except ReadError as error:
            self.problems.append(Problem(getattr(error, "url", repr(query)), str(error)))
            return None
