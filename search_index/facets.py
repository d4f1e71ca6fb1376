"""Facet counts of a result set: per value of kind, nationality, wanted_by, sex and age band.

Counting with bitsets costs one AND and popcount per facet value over the width of the result
set (~2 ms for a full one at 100k notices), so counts are kept per snapshot
for the masks asked most (every page of one browse or filter shares its mask), and a small
result set (a name search) is counted from its rows instead.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from search_index.columns import FACET_FIELDS, FACETS_COUNTED, facet_values
from search_index.filters import band_masks
from search_index.searching import Searcher

_KEPT = 32  # result sets whose counts a snapshot keeps (each holds its mask: ~12 KB at 100k)
# Rows cost ~1.3 µs each; the bitsets ~0.6 ms for a name search's mask at 100k notices (~2 ms
# for a full one). Measured over 150 name searches, 300 gave the lowest mean (0.65 ms against
# 0.99 ms with bitsets alone).
_COUNT_ROWS_UP_TO = 300

Counts = dict[str, dict[str, int]]


def facet_counts(
    searcher: Searcher, mask: int, today: date, rows: list[int] | None = None
) -> Counts:
    """Counts per value of kind, nationality, wanted_by, sex and age band within `mask`;
    `rows`, when given, are the rows of `mask`.

    Counts are under ALL current filters. Age bands overlap where a partial date of birth
    allows two ages: each band's count is what selecting that band would return.
    """
    found = searcher.snapshot.kept(
        "facet_counts", (mask, today), lambda: _counted(searcher, mask, today, rows), _KEPT
    )
    return {facet: dict(counts) for facet, counts in found.items()}  # callers may change theirs


def _counted(searcher: Searcher, mask: int, today: date, rows: list[int] | None) -> Counts:
    if rows is not None and len(rows) <= _COUNT_ROWS_UP_TO:
        by_value = _from_rows(searcher, rows)
    else:
        by_value = _from_bitsets(searcher, mask)
    facets = {
        facet: dict(sorted(by_value.get(facet, {}).items(), key=lambda item: (-item[1], item[0])))
        for facet in FACETS_COUNTED
    }
    bands = {}
    for label, members in band_masks(searcher, today):
        count = (mask & members).bit_count() if mask else 0
        if count:
            bands[label] = count
    facets["age_band"] = bands
    return facets


def _from_rows(searcher: Searcher, rows: list[int]) -> dict[str, Counter]:
    """The same counts as the bitsets give: the columns group rows by facet_values too."""
    counted: dict[str, Counter] = {facet: Counter() for facet in FACETS_COUNTED}
    fields = [searcher.columns.rows.column(name) for name in FACET_FIELDS]
    for row in rows:
        for facet, value in facet_values(*(column[row] for column in fields)):
            if facet in counted:
                counted[facet][value] += 1
    return counted


def _from_bitsets(searcher: Searcher, mask: int) -> dict[str, dict[str, int]]:
    counted: dict[str, dict[str, int]] = {}
    for facet in FACETS_COUNTED:
        counts = counted[facet] = {}
        for value, members in searcher.columns.facets.get(facet, {}).items():
            count = (mask & members).bit_count()
            if count:
                counts[value] = count
    return counted
