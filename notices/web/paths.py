"""Which part of the site a request is for, told by its path (without any language prefix)."""

from __future__ import annotations

from flask import request

API_PREFIXES = ("/api/", "/notices/v1/")


def is_api_request() -> bool:
    """True for the JSON APIs: their errors are JSON and their language ignores the cookie."""
    return request.path.startswith(API_PREFIXES)
