"""Health endpoints for process managers and load balancers: /healthz and /readyz."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from notices.web.common.errors import RETRY_AFTER_SECONDS
from notices.web.common.reading import database_reachable, index_ready

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """The process is up and answering."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready to serve searches: the database answers and an index generation is open."""
    checks = {"database": database_reachable(), "index": index_ready()}
    ready = all(checks.values())
    response = jsonify(status="ready" if ready else "not ready", checks=checks)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    if not ready:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
