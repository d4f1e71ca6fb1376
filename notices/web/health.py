"""Health endpoints for process managers and load balancers: /healthz and /readyz."""

from __future__ import annotations

from flask import Blueprint, jsonify

from notices.web.data import database_reachable
from notices.web.errors import RETRY_AFTER_SECONDS
from notices.web.search_service import index_ready

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """The process is up and answering."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    """Ready to serve searches: the database answers and an index generation is open."""
    checks = {"database": database_reachable(), "index": index_ready()}
    ready = all(checks.values())
    response = jsonify(status="ready" if ready else "not ready", checks=checks)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    if not ready:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
