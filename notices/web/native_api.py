"""The native JSON API under /api/v1/: scored search with explanations and facets, notices."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, jsonify, make_response, request

from notices.web.data import active_notices_by_id
from notices.web.disclaimer import disclaimer_text
from notices.web.native_documents import notice_document, result_item
from notices.web.openapi import openapi_document
from notices.web.pages import find_notice
from notices.web.query_args import search_query
from notices.web.search_service import run_search
from notices.web.urls import KIND_CONVERTER

bp = Blueprint("native_api", __name__, url_prefix="/api/v1")


def _json(document: dict):
    document["disclaimer"] = disclaimer_text()
    return make_response(jsonify(document))


@bp.get("/search")
def search():
    """Search every kind of notice; results carry score, band and why they matched."""
    query = search_query(request.args)
    page = run_search(query)
    rows = active_notices_by_id(hit.entity_id for hit in page.hits)
    today = query.today or date.today()
    results = [result_item(rows[hit.entity_id], hit, today)
               for hit in page.hits if hit.entity_id in rows]
    return _json({
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "results": results,
        "facets": page.facets,
    })


@bp.get(f"/notices/<{KIND_CONVERTER}:kind>/<entity>")
def notice(kind: str, entity: str):
    """One notice with every field, codes with readable labels."""
    found = find_notice(kind, entity)
    if found.kind != kind:
        abort(404)
    response = _json(notice_document(found, date.today()))
    response.last_modified = found.last_changed
    return response


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of both APIs."""
    return jsonify(openapi_document())
