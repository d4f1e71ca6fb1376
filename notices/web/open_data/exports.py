"""A search as CSV or JSON rows: at most EXPORT_LIMIT notices, formula-safe CSV cells."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace

from notices.result_rows import ResultNotice
from notices.web.common.query_args import EXPORT_LIMIT
from notices.web.common.reading import run_search
from notices.web.common.urls import notice_url
from search_index import Hit, SearchQuery

_BATCH = 500  # the index's largest page
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "entity_id",
    "kind",
    "family_name",
    "forename",
    "sex",
    "date_of_birth",
    "nationalities",
    "wanted_by",
    "has_picture",
    "first_published",
    "last_changed",
    "score",
    "band",
    "url",
)


@dataclass
class Export:
    """The rows of an export and whether the search found more than it holds."""

    total: int
    rows: list[dict]

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def _row(notice: ResultNotice, hit: Hit) -> dict:
    return {
        "entity_id": notice.entity_id,
        "kind": notice.kind,
        "family_name": notice.family_name,
        "forename": notice.forename,
        "sex": notice.sex,
        "date_of_birth": notice.date_of_birth,
        "nationalities": list(notice.nationalities),
        "wanted_by": sorted({w.issuing_country for w in notice.warrants if w.issuing_country}),
        "has_picture": bool(notice.pictures),
        "first_published": notice.first_published.isoformat(timespec="seconds") + "Z",
        "last_changed": notice.last_changed.isoformat(timespec="seconds") + "Z",
        "score": hit.score,
        "band": hit.band,
        "url": notice_url(notice, _external=True),
    }


def collect(query: SearchQuery, limit: int = EXPORT_LIMIT) -> Export:
    """The first `limit` results of a search, in its own order."""
    rows: list[dict] = []
    total = 0
    page = 1
    while len(rows) < limit:
        found = run_search(replace(query, page=page, per_page=min(_BATCH, limit)))
        total = found.total
        rows.extend(_row(notice, hit) for notice, hit in found.results)
        if page >= found.pages:
            break
        page += 1
    return Export(total=total, rows=rows[:limit])


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: lists joined by spaces, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " ".join(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(export: Export, comments: list[str]) -> str:
    """Comment rows (each one cell starting with #), the header, then one row per notice."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for comment in comments:
        writer.writerow([safe_cell("# " + comment)])
    writer.writerow(COLUMNS)
    for row in export.rows:
        writer.writerow([safe_cell(row[column]) for column in COLUMNS])
    return out.getvalue()
