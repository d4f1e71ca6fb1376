"""Per-client rate limits of the public routes (Flask-Limiter; Redis storage when configured).

Limits mean what the README says with several worker processes: with Redis every worker
counts in one place; without it, each of N workers enforces 1/N of each limit (gunicorn.conf.py
tells the workers N), and the start says so once. Pictures and static files have their own,
higher limit: one results page shows twenty thumbnails."""

from __future__ import annotations

import logging
import math
import os

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many

# Health checks come from load balancers: never limit. Static files, pictures and thumbnails
# come with every page view: their own limit (PICTURE_RATE_LIMITS), not the pages' one.
EXEMPT_ENDPOINTS = {"health.healthz", "health.readyz"}
MEDIA_ENDPOINTS = {"static", "pictures.picture", "compat_api.image"}
# Set by gunicorn.conf.py for its workers: how many processes share one client's limit.
WORKERS_ENV = "NOTICES_WORKER_PROCESSES"
# A hung Redis must not stall requests: give up quickly and fall back to memory.
STORAGE_OPTIONS = {"socket_timeout": 0.25, "socket_connect_timeout": 0.25}

logger = logging.getLogger(__name__)


def per_worker(limits: str, workers: int) -> str:
    """Each limit of `limits` divided among `workers` processes (rounded up, at least 1)."""
    if workers <= 1:
        return limits
    parts = []
    for item in parse_many(limits):
        amount = max(1, math.ceil(item.amount / workers))
        parts.append(f"{amount} per {item.multiples} {item.GRANULARITY.name}")
    return ";".join(parts)


def _workers() -> int:
    try:
        return max(1, int(os.environ.get(WORKERS_ENV, "1")))
    except ValueError:
        return 1


def effective_limits(app: Flask, key: str) -> str:
    """The limits this process enforces for configuration key `key` (see the module text)."""
    limits = app.config[key]
    workers = _workers()
    if app.config["RATELIMIT_STORAGE_URL"] or workers == 1:
        return limits
    return per_worker(limits, workers)


def _warn_if_per_worker(app: Flask) -> None:
    workers = _workers()
    shared = bool(app.config["RATELIMIT_STORAGE_URL"])
    if app.config["RATE_LIMITS_ENABLED"] and not shared and workers > 1:
        logger.warning(
            "rate limits are counted in each of %d worker processes (each enforces 1/%d of "
            "RATE_LIMITS); set NOTICES_RATELIMIT_STORAGE_URL=redis://... to count them in "
            "one place",
            workers,
            workers,
        )


def _retry_after_only_when_limited(response: Response) -> Response:
    """Retry-After belongs to 429 and 503 answers (at least one second), not to every 200."""
    if response.status_code not in (429, 503):
        response.headers.pop("Retry-After", None)
    elif response.headers.get("Retry-After") == "0":
        response.headers["Retry-After"] = "1"
    return response


def init_app(app: Flask) -> None:
    """Attach a limiter of its own to `app` (one per app: counters never leak between apps)."""
    config = app.config
    config.setdefault("RATELIMIT_ENABLED", config["RATE_LIMITS_ENABLED"])
    # Registered before the limiter's own hook, so it runs after it (Flask runs them last in,
    # first out) and sees the headers the limiter adds.
    app.after_request(_retry_after_only_when_limited)
    limiter = Limiter(
        get_remote_address,
        app=app,
        default_limits=[effective_limits(app, "RATE_LIMITS")],
        default_limits_exempt_when=lambda: request.endpoint in EXEMPT_ENDPOINTS | MEDIA_ENDPOINTS,
        storage_uri=config["RATELIMIT_STORAGE_URL"] or "memory://",
        storage_options=STORAGE_OPTIONS if config["RATELIMIT_STORAGE_URL"] else {},
        headers_enabled=True,
        # A storage outage must not take the site down: fall back to per-process memory.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
        key_prefix=config.get("RATELIMIT_KEY_PREFIX", "notices"),
    )
    # One shared budget for every media endpoint (the views are registered by now).
    media_limit = limiter.shared_limit(effective_limits(app, "PICTURE_RATE_LIMITS"), scope="media")
    for endpoint in MEDIA_ENDPOINTS & set(app.view_functions):
        app.view_functions[endpoint] = media_limit(app.view_functions[endpoint])
    app.extensions["notices.limiter"] = limiter
    _warn_if_per_worker(app)
