"""Per-client rate limits of the public routes (Flask-Limiter; Redis storage when configured)."""

from __future__ import annotations

from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

# Health checks come from load balancers and static files from every page view: never limit.
EXEMPT_ENDPOINTS = {"health.healthz", "health.readyz", "static"}


def init_app(app) -> None:
    """Attach a limiter of its own to `app` (one per app: counters never leak between apps)."""
    config = app.config
    if config["TRUSTED_PROXIES"]:
        # Behind N reverse proxies the client is the Nth address from the right of
        # X-Forwarded-For; without this every visitor would share the proxy's limit.
        hops = config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    config.setdefault("RATELIMIT_ENABLED", config["RATE_LIMITS_ENABLED"])
    limiter = Limiter(
        get_remote_address,
        app=app,
        default_limits=[config["RATE_LIMITS"]],
        default_limits_exempt_when=lambda: request.endpoint in EXEMPT_ENDPOINTS,
        storage_uri=config["RATELIMIT_STORAGE_URL"] or "memory://",
        headers_enabled=True,
        # A storage outage must not take the site down: fall back to per-process memory.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
        key_prefix=config.get("RATELIMIT_KEY_PREFIX", "notices"),
    )
    app.extensions["notices.limiter"] = limiter
