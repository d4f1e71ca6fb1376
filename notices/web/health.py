"""Health endpoints for process managers and load balancers: /healthz and /readyz."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from notices.web.common.errors import RETRY_AFTER_SECONDS
from notices.web.common.reading import (
    database_reachable,
    index_lag_seconds,
    index_position,
    index_ready,
)
from notices.web.common.response_cache import cache_stats

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """The process is up and answering."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready to serve searches: the database answers, an index generation is open, and this
    node's index has lacked no committed change for longer than INDEX_MAX_LAG_SECONDS (its
    follower stopped, or a load was killed after its commit)."""
    position = index_position()
    lag = index_lag_seconds(position)
    checks = {
        "database": database_reachable(),
        "index": index_ready(),
        "index_current": lag is None or lag <= current_app.config["INDEX_MAX_LAG_SECONDS"],
    }
    ready = all(checks.values())
    response = jsonify(
        status="ready" if ready else "not ready",
        checks=checks,
        index_position=position,
        index_lag_seconds=None if lag is None else round(lag, 1),
        response_cache=cache_stats(),
    )
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    if not ready:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
