"""Health endpoints for process managers and load balancers: /healthz and /readyz."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from notices.web.common.errors import RETRY_AFTER_SECONDS
from notices.web.common.reading import database_reachable, index_lagging_seconds, index_ready

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """The process is up and answering."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready to serve searches: the database answers, an index generation is open, and no
    committed load has left the index behind for longer than INDEX_REPAIR_GRACE_SECONDS."""
    lagging = index_lagging_seconds()
    grace = current_app.config["INDEX_REPAIR_GRACE_SECONDS"]
    checks = {
        "database": database_reachable(),
        "index": index_ready(),
        # A load committed but its index update never finished (killed after its commit):
        # searches would count withdrawn notices until the next load or `index update`.
        "index_current": lagging is None or lagging <= grace,
    }
    ready = all(checks.values())
    response = jsonify(
        status="ready" if ready else "not ready",
        checks=checks,
        index_behind_seconds=None if lagging is None else round(lagging),
    )
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    if not ready:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
