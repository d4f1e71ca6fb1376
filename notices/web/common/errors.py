"""Error pages and JSON errors: 400 (with the parameter at fault), 404, 405, 410, 429, 500, 503."""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, make_response, render_template
from flask_babel import lazy_gettext
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import BadRequest, HTTPException, ServiceUnavailable

from notices.indexing import IndexUnavailable
from notices.web.common.reading import skip_demo_lookup
from notices.web.i18n.disclaimer import disclaimer_text
from notices.web.paths import is_api_request

TITLES = {
    400: lazy_gettext("The request cannot be answered"),
    404: lazy_gettext("Page not found"),
    405: lazy_gettext("Method not allowed"),
    410: lazy_gettext("This notice has been withdrawn"),
    429: lazy_gettext("Too many requests"),
    500: lazy_gettext("Something went wrong on our side"),
    503: lazy_gettext("The service is not available right now"),
}

MESSAGES = {
    400: lazy_gettext("The request contains something this service cannot use."),
    404: lazy_gettext("There is no page at this address. Check it, or search the notices."),
    405: lazy_gettext("This address does not accept that kind of request."),
    410: lazy_gettext(
        "The notice you asked for is no longer published. It may have been cancelled "
        "or the person found. Its details are no longer available."
    ),
    429: lazy_gettext(
        "You have sent many requests in a short time. Please wait a moment and try again."
    ),
    500: lazy_gettext("The error has been recorded. Please try again later."),
    503: lazy_gettext("Please try again in a few minutes."),
}

# Seconds a client should wait before asking again after a 503 (an outage or an index build).
RETRY_AFTER_SECONDS = 30

# What the database driver raises when the database cannot be reached or opened: connection
# refused or timed out, file or directory gone, pool exhausted. Programming errors (bad SQL)
# stay 500s.
DATABASE_UNAVAILABLE = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
)

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    410: "gone",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class BadParameter(BadRequest):
    """A query parameter with a value we cannot use; says which and why."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _generic(table: dict, status: int):
    # Werkzeug's own texts are English only: any other status gets our translated generic one.
    return table.get(status) or table[400 if status < 500 else 500]


def _message(error: HTTPException) -> str:
    if isinstance(error, BadParameter):
        return error.message
    return str(_generic(MESSAGES, error.code or 500))


def json_error(status: int, message: str, parameter: str | None = None) -> Response:
    """A JSON error body: {error: {code, message, parameter}, disclaimer}."""
    body = {
        "error": {
            "code": CODES.get(status, str(status)),
            "message": message,
            "parameter": parameter,
        },
        "disclaimer": disclaimer_text(),
    }
    response = jsonify(body)
    response.status_code = status
    return response


def handle_http_error(error: HTTPException) -> Response:
    """Render any HTTP error as JSON for the APIs and as a page elsewhere.

    Unexpected exceptions reach here as InternalServerError after Flask has logged them."""
    status = error.code or 500
    parameter = getattr(error, "parameter", None)
    if is_api_request():
        response = json_error(status, _message(error), parameter)
    else:
        title = _generic(TITLES, status)
        html = render_template(
            "error.html", status=status, title=title, message=_message(error), parameter=parameter
        )
        response = make_response(html, status)
    allow = dict(error.get_headers()).get("Allow")
    if allow:
        response.headers["Allow"] = allow
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def handle_database_unavailable(error: Exception) -> Response:
    """The database cannot be reached: a translated 503 page or JSON error, not a 500."""
    current_app.logger.error("database unavailable: %s", error)
    skip_demo_lookup()
    return handle_http_error(ServiceUnavailable())


def handle_index_unavailable(error: IndexUnavailable) -> Response:
    """No index to search (not built yet, or damaged): a clear 503; staff read the repair."""
    current_app.logger.error("search unavailable: %s", error)
    return handle_http_error(ServiceUnavailable())


def init_app(app: Flask) -> None:
    """Register the handlers of HTTP errors and of an unavailable database or index."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(IndexUnavailable, handle_index_unavailable)
    for exception in DATABASE_UNAVAILABLE:
        app.register_error_handler(exception, handle_database_unavailable)
