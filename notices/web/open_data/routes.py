"""Open-data routes: Atom feeds, CSV and JSON exports of a search, the bulk dataset and its page."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, render_template, request, send_file

from notices.web.common.query_args import EXPORT_LIMIT, FEED_ENTRIES, search_query
from notices.web.i18n.disclaimer import disclaimer_text
from notices.web.open_data import atom, exports, views

bp = Blueprint("open_data", __name__)


def _varying(response: Response) -> Response:
    # The language of an unprefixed URL comes from the cookie or Accept-Language.
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def _tab() -> str:
    tab = request.args.get("kind", "").strip().lower()
    if tab and tab not in views.TAB_TITLES:
        abort(400)
    return tab


@bp.get("/feeds/search.atom")
def search_feed() -> Response:
    """The notices matching a search (the search page's parameters), last changed first."""
    body = views.search_feed(search_query(request.args, per_page=FEED_ENTRIES))
    return _varying(Response(body, mimetype=atom.MIME))


@bp.get("/feeds/recent.atom")
def recent_feed() -> Response:
    """The notices most recently added, of all kinds or one tab (kind=red|yellow|un)."""
    return _varying(Response(views.recent_feed(_tab()), mimetype=atom.MIME))


def _attachment(body: str, mimetype: str, extension: str) -> Response:
    response = Response(body, mimetype=mimetype)
    name = views.export_file_name(extension)
    response.headers.set("Content-Disposition", "attachment", filename=name)
    return _varying(response)


@bp.get("/export/search.csv")
def search_csv() -> Response:
    """Up to 1,000 notices of a search as CSV: disclaimer first, formula-safe cells."""
    export = exports.collect(search_query(request.args))
    text = exports.csv_text(export, views.export_comments(export))
    # A byte order mark, so that spreadsheets read the names as UTF-8.
    return _attachment("\ufeff" + text, "text/csv", "csv")


@bp.get("/export/search.json")
def search_json() -> Response:
    """Up to 1,000 notices of a search as one JSON document with the disclaimer."""
    export = exports.collect(search_query(request.args))
    document = {
        "disclaimer": disclaimer_text(),
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "search": views.search_params(),
        "total": export.total,
        "count": len(export.rows),
        "limit": EXPORT_LIMIT,
        "truncated": export.truncated,
        "note": views.truncation_note(export) if export.truncated else None,
        "notices": export.rows,
    }
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return _attachment(body, "application/json", "json")


@bp.get("/data")
def data_page() -> str:
    """The open-data page: the bulk dataset's size, date, records, format and licence."""
    return render_template("data.html", **views.data_page_context())


@bp.get("/data/notices.jsonl.gz")
def dataset_file() -> Response:
    """Every active notice as gzipped JSON Lines (ETag, Last-Modified, Content-Length)."""
    info = views.dataset_info()
    if info is None:
        abort(404)
    return send_file(
        info.path,
        mimetype="application/gzip",
        as_attachment=True,
        download_name=info.path.name,
        conditional=True,
        etag=True,
    )
