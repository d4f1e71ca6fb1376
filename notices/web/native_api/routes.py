"""The native JSON API under /api/v1/: scored search with explanations and facets, notices."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, make_response, request

from notices.web.common.query_args import search_query
from notices.web.common.reading import notice_with_contacts, run_search
from notices.web.common.response_cache import cached, cached_notice
from notices.web.common.urls import KIND_CONVERTER
from notices.web.i18n.disclaimer import disclaimer_text
from notices.web.native_api.documents import notice_document
from notices.web.native_api.openapi import openapi_document
from notices.web.native_api.results import search_document

bp = Blueprint("native_api", __name__, url_prefix="/api/v1")


def _json(document: dict) -> Response:
    document["disclaimer"] = disclaimer_text()
    return make_response(jsonify(document))


@bp.get("/search")
@cached
def search() -> Response:
    """Search every kind of notice; results carry score, band and why they matched."""
    found = run_search(search_query(request.args), alternatives=True)
    return _json(search_document(found, request.args))


# `path`: the id may come as published, 1996/78696 (a client escapes it as 1996%2F78696, which
# the server decodes to a slash before routing), or in the dash form, 1996-78696.
@bp.get(f"/notices/<{KIND_CONVERTER}:kind>/<path:entity>")
@cached_notice
def notice(kind: str, entity: str) -> Response:
    """One notice with every field, codes with readable labels."""
    found, contacts = notice_with_contacts(entity)
    if found.kind != kind:
        abort(404)
    response = _json(notice_document(found, contacts=contacts.contacts))
    response.last_modified = contacts.last_modified(found)
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of both APIs."""
    return jsonify(openapi_document())
