"""What one request computes once and reuses: catalogue, locale, demo state, search path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from flask import g


@dataclass
class RequestState:
    """Per-request memo kept on `g.notices` (one key instead of one per value); a field is
    None (or empty) until first computed."""

    catalog: Any = None  # flask-babel's translations of the request's locale
    locale: Locale | None = None
    locale_id: str | None = None  # "en", "zh", ...: the key of per-locale caches
    demo: bool | None = None  # whether the demonstration banner is shown
    search_path: str | None = None  # url_for("pages.search") under this request's prefix
    # URL parts built once per request (common/urls.py), keyed by endpoint and external flag
    # or kind: what precedes /<kind>/<entity> in a notice's URL, what precedes /<entity> in
    # a compatible-API URL, a picture's URL before and after its digest.
    url_parts: dict = field(default_factory=dict)


# Attribute access through the `g` proxy costs over a microsecond and a results page asks
# for the state hundreds of times; werkzeug's documented accessor to the proxied object is
# twenty times cheaper.
_current_g = g._get_current_object


def request_state() -> RequestState:
    """The current request's state (raises RuntimeError outside an application context)."""
    current = _current_g()
    try:
        return current.notices
    except AttributeError:
        state = current.notices = RequestState()
        return state
