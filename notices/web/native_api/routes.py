"""The native JSON API under /api/v1/: scored search with explanations and facets, notices."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, make_response, request

from notices.web.common.query_args import search_query
from notices.web.common.reading import notice_or_abort, run_search
from notices.web.common.urls import KIND_CONVERTER
from notices.web.i18n.disclaimer import disclaimer_text
from notices.web.native_api.documents import notice_document, search_document
from notices.web.native_api.openapi import openapi_document

bp = Blueprint("native_api", __name__, url_prefix="/api/v1")


def _json(document: dict) -> Response:
    document["disclaimer"] = disclaimer_text()
    return make_response(jsonify(document))


@bp.get("/search")
def search() -> Response:
    """Search every kind of notice; results carry score, band and why they matched."""
    found = run_search(search_query(request.args), alternatives=True)
    return _json(search_document(found, request.args))


@bp.get(f"/notices/<{KIND_CONVERTER}:kind>/<entity>")
def notice(kind: str, entity: str) -> Response:
    """One notice with every field, codes with readable labels."""
    found = notice_or_abort(entity)
    if found.kind != kind:
        abort(404)
    response = _json(notice_document(found))
    response.last_modified = found.last_changed
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of both APIs."""
    return jsonify(openapi_document())
