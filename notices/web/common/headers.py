"""HTTP hygiene on every response: security headers, conditional requests, cache lifetimes."""

from __future__ import annotations

from datetime import datetime

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import ServiceUnavailable

from notices.config import ConfigError, check_secret_for_serving
from notices.web.paths import is_api_request

# No inline script or style anywhere, so the policy needs no 'unsafe-inline'. Pictures are
# served from our own origin; there is no script at all.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'none'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

# Browser code on any site may read the APIs: simple GETs, conditional requests and the
# headers it needs to cache politely and to back off.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, "
        "X-RateLimit-Reset"
    ),
    "Access-Control-Max-Age": "86400",
}

# Versioned static URLs (?v=<content hash>) never change; unversioned ones are revalidated.
STATIC_VERSIONED = "public, max-age=31536000, immutable"
STATIC_PLAIN = "public, max-age=3600"
# Pages and API answers change when a load runs: caches must revalidate (cheap, via ETag).
DYNAMIC = "no-cache"


def refuse_default_secret() -> None:
    """Before the first request: refuse to serve the public with the well-known secret."""
    if current_app.extensions.get("notices.secret_checked"):
        return None
    try:
        check_secret_for_serving(current_app.config, current_app.debug)
    except ConfigError as error:
        current_app.logger.error("refusing to serve: %s", error)
        raise ServiceUnavailable(str(error)) from error
    current_app.extensions["notices.secret_checked"] = True
    return None


def add_headers(response: Response) -> Response:
    """Security headers everywhere; cache policy and conditional answers for GET/HEAD."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if is_api_request():
        for name, value in CORS_HEADERS.items():
            response.headers.setdefault(name, value)
    if request.endpoint == "static":
        versioned = "v" in request.args
        response.headers["Cache-Control"] = STATIC_VERSIONED if versioned else STATIC_PLAIN
        return response
    response.headers.setdefault("Cache-Control", DYNAMIC)
    # The language of an unprefixed URL comes from the switcher's cookie (pages) and
    # Accept-Language (pages and API messages), so shared caches must key on them.
    if response.mimetype == "text/html":
        response.vary.update(("Accept-Language", "Cookie"))
    elif response.is_json:
        response.vary.add("Accept-Language")
    return _conditional(response)


def _conditional(response: Response) -> Response:
    """Give every complete 200 answer an ETag and answer 304 when the client has it."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.direct_passthrough or response.is_streamed:
        return response
    if not response.get_etag()[0]:
        response.add_etag()
    if _changed_since(response, request.if_unmodified_since):
        return _precondition_failed(response)
    return response.make_conditional(request)


def _changed_since(response: Response, since: datetime | None) -> bool:
    """True when the client asked If-Unmodified-Since and the resource changed after that."""
    modified = response.last_modified
    return since is not None and modified is not None and modified > since


def _precondition_failed(response: Response) -> Response:
    # RFC 9110 13.1.4: the condition is false, so the answer is 412 without the body.
    response.status_code = 412
    response.set_data(b"")
    response.headers.pop("Content-Encoding", None)  # an empty body is not gzip data
    return response


def init_app(app: Flask) -> None:
    """Check the secret before the first request; add headers to every response."""
    app.before_request(refuse_default_secret)
    app.after_request(add_headers)
