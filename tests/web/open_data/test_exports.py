"""CSV and JSON exports of a search: the disclaimer first, formula-safe cells, at most 1,000
notices with a note when cut, downloaded as attachments with a sensible name."""

from __future__ import annotations

import csv
import io
import re

import pytest

from notices.web.open_data.exports import COLUMNS, safe_cell
from tests.web.helpers import add_notices


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_csv_export_has_the_disclaimer_a_header_and_a_row_per_notice(data_client):
    response = data_client.get("/export/search.csv?q=exampleman&sort=name")
    disposition = response.headers["Content-Disposition"]
    assert re.fullmatch(r"attachment; filename=notices-search-\d{8}\.csv", disposition)
    assert response.data.startswith("\ufeff".encode())  # spreadsheets then read UTF-8
    rows = csv_rows(response)
    assert rows[0][0].startswith("# Notices are published") and len(rows[0]) == 1
    assert rows[1] == list(COLUMNS)
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[2:]}
    exampleman = by_id["2024/00101"]
    assert exampleman["family_name"] == "EXAMPLEMAN"
    assert exampleman["nationalities"] == "FR BE" and exampleman["wanted_by"] == "914 FR"
    assert exampleman["band"] == "strong" and exampleman["url"].endswith("/notices/red/2024-00101")


@pytest.mark.parametrize(
    "value,cell",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("O'NEIL", "O'NEIL"),
        (None, ""),
        (["FR", "BE"], "FR BE"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_defused(value, cell):
    assert safe_cell(value) == cell


def test_a_hostile_name_stays_text_in_the_csv(data_app, data_client):
    add_notices(data_app, 1, family_name="=CMD|' /C calc'!A0", forename="@SUM(1+1)")
    rows = csv_rows(data_client.get("/export/search.csv?nationality=NL"))
    row = dict(zip(COLUMNS, rows[2], strict=True))
    assert row["family_name"] == "'=CMD|' /C calc'!A0" and row["forename"] == "'@SUM(1+1)"


def test_json_export_has_the_disclaimer_and_says_what_it_holds(data_client):
    response = data_client.get("/export/search.json?kind=yellow&page=3&bogus=1")
    assert re.fullmatch(
        r"attachment; filename=notices-search-\d{8}\.json", response.headers["Content-Disposition"]
    )
    document = response.get_json()
    assert "presumed innocent" in document["disclaimer"]
    assert document["search"] == {"kind": ["yellow"]}  # the page and unknown names dropped
    assert (document["total"], document["count"], document["truncated"]) == (1, 1, False)
    assert document["limit"] == 1000 and document["note"] is None
    assert document["notices"][0]["entity_id"] == "2023/04567"


def test_exports_stop_at_a_thousand_notices_and_say_so(data_app, data_client):
    add_notices(data_app, 1001)
    document = data_client.get("/export/search.json?nationality=NL").get_json()
    assert (document["total"], document["count"], document["truncated"]) == (1001, 1000, True)
    assert "first 1,000 of 1,001" in document["note"]
    ids = [notice["entity_id"] for notice in document["notices"]]
    assert len(set(ids)) == 1000 and ids[0] == "2025/91000"  # newest first, none twice
    rows = csv_rows(data_client.get("/export/search.csv?nationality=NL"))
    assert (
        rows[1][0] == "# This file holds the first 1,000 of 1,001 matching notices. Narrow "
        "the search to export the others."
    )
    assert rows[2] == list(COLUMNS) and len(rows) == 3 + 1000
    french = csv_rows(data_client.get("/fr/export/search.csv?nationality=NL"))
    assert "1\u202f000" in french[1][0] or "1 000" in french[1][0]


def test_a_bad_parameter_is_refused(data_client):
    assert data_client.get("/export/search.csv?age_min=old").status_code == 400
    assert data_client.get("/feeds/search.atom?sex=X").status_code == 400
