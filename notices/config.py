"""Configuration defaults, the layers they are read from, and validation at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from limits import parse_many

if TYPE_CHECKING:  # imports for annotations only
    from flask import Flask


DEFAULT_SECRET_KEY = "dev-only-insecure-secret"

# Every key may be set as an environment variable NOTICES_<KEY> (JSON values are parsed, so
# NOTICES_DEMO_MODE=true is a boolean). README.md documents each one.
DEFAULTS = {
    "DATABASE_URL": None,  # None: SQLite file notices.db in the instance folder
    "INDEX_DIR": None,  # None: index/ in the instance folder
    "MEDIA_DIR": None,  # None: media/ in the instance folder
    "DATA_DIR": None,  # None: data/ in the instance folder (the bulk dataset file)
    "SECRET_KEY": DEFAULT_SECRET_KEY,
    "SITE_NAME": "Public Notices Search",
    "CONTACT_EMAIL": None,
    "CONTACT_URL": None,
    "DEMO_MODE": False,
    "MASS_WITHDRAWAL_SHARE": 0.2,
    "PICTURE_MAX_BYTES": 10 * 1024 * 1024,
    "PICTURE_MAX_PIXELS": 40_000_000,
    "PICTURE_MAX_SIDE": 1024,
    "THUMBNAIL_SIDE": 200,
    "FETCH_RATE_PER_SECOND": 5.0,
    "FETCH_RETRIES": 4,
    "FETCH_TIMEOUT_SECONDS": 20.0,  # wall-clock deadline of one request
    "FETCH_MAX_REQUESTS": 1_000_000,  # per web service load
    "FETCH_MAX_SECONDS": 172_800.0,  # per web service load (48 h)
    "RATELIMIT_STORAGE_URL": None,  # None: in-process memory
    "RATE_LIMITS": "300 per minute;30 per second",  # per client address, public routes
    "RATE_LIMITS_ENABLED": True,
    "PICTURE_RATE_LIMITS": "1200 per minute;100 per second",  # pictures and static files
    "PUBLIC_URL": None,  # e.g. https://notices.example.org: every absolute URL uses it
    # Host headers accepted when PUBLIC_URL is unset (a list, or comma-separated in the env).
    "TRUSTED_HOSTS": ["localhost", "127.0.0.1", "[::1]", "::1"],
    # /readyz says "not ready" when this node's index has lacked a committed change this long
    # (its `notices index follow` stopped, or a load was killed after its commit).
    "INDEX_MAX_LAG_SECONDS": 60,
    # Rendered search and notice answers each worker keeps, keyed by everything they depend
    # on (0 turns the cache off); see notices/web/common/response_cache.py.
    "RESPONSE_CACHE_MB": 32,
    # Helper processes converting documents during `index rebuild` (None: one fewer than the
    # machine's cores for 20,000 notices or more, none below; 0: none); see
    # search_index/converting.py.
    "INDEX_PROCESSES": None,
    "TRUSTED_PROXIES": 0,  # reverse proxies in front that set X-Forwarded-For
}


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which key and why."""


def load_layers(app: Flask, test_config: dict | None) -> None:
    """Apply defaults, then instance/config.py, then NOTICES_* environment, then `test_config`."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("NOTICES")
    if test_config:
        app.config.from_mapping(test_config)
    instance = app.instance_path
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(instance, "notices.db")
    if not app.config["INDEX_DIR"]:
        app.config["INDEX_DIR"] = os.path.join(instance, "index")
    if not app.config["MEDIA_DIR"]:
        app.config["MEDIA_DIR"] = os.path.join(instance, "media")
    if not app.config["DATA_DIR"]:
        app.config["DATA_DIR"] = os.path.join(instance, "data")


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _rate_limits(value: object) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        parse_many(value)
    except ValueError:
        return False
    return True


def _public_url(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.query


def _host_list(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return isinstance(value, list) and all(isinstance(host, str) and host for host in value)


def _optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)


# key -> (test of the value, what it must be). Every key of DEFAULTS is listed, so a new key
# cannot be added without saying what a valid value is (a test checks it).
RULES = {
    "DATABASE_URL": (lambda v: isinstance(v, str) and bool(v), "a SQLAlchemy URL"),
    "INDEX_DIR": (lambda v: isinstance(v, str) and bool(v), "a directory path"),
    "MEDIA_DIR": (lambda v: isinstance(v, str) and bool(v), "a directory path"),
    "DATA_DIR": (lambda v: isinstance(v, str) and bool(v), "a directory path"),
    "SECRET_KEY": (lambda v: isinstance(v, str) and bool(v), "a non-empty string"),
    "SITE_NAME": (lambda v: isinstance(v, str) and bool(v.strip()), "a non-empty string"),
    "CONTACT_EMAIL": (_optional_text, "an e-mail address or unset"),
    "CONTACT_URL": (_optional_text, "a URL or unset"),
    "DEMO_MODE": (lambda v: isinstance(v, bool), "true or false"),
    "MASS_WITHDRAWAL_SHARE": (lambda v: _number(v) and 0 < v <= 1, "a number in (0, 1]"),
    "PICTURE_MAX_BYTES": (_positive_int, "a positive whole number"),
    "PICTURE_MAX_PIXELS": (_positive_int, "a positive whole number"),
    "PICTURE_MAX_SIDE": (_positive_int, "a positive whole number"),
    "THUMBNAIL_SIDE": (_positive_int, "a positive whole number"),
    "FETCH_RATE_PER_SECOND": (
        lambda v: v is None or (_number(v) and v >= 0),
        "a number >= 0 (0: unlimited)",
    ),
    "FETCH_RETRIES": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "a whole number >= 0",
    ),
    "FETCH_TIMEOUT_SECONDS": (lambda v: _number(v) and v > 0, "a number of seconds > 0"),
    "FETCH_MAX_REQUESTS": (_positive_int, "a positive whole number"),
    "FETCH_MAX_SECONDS": (lambda v: _number(v) and v > 0, "a positive number of seconds"),
    "RATELIMIT_STORAGE_URL": (_optional_text, "a storage URL (redis://...) or unset"),
    "RATE_LIMITS": (_rate_limits, 'limits such as "300 per minute;30 per second"'),
    "RATE_LIMITS_ENABLED": (lambda v: isinstance(v, bool), "true or false"),
    "PICTURE_RATE_LIMITS": (_rate_limits, 'limits such as "1200 per minute;100 per second"'),
    "PUBLIC_URL": (_public_url, "an absolute http(s) URL such as https://notices.example.org"),
    "TRUSTED_HOSTS": (_host_list, "a list of host names, or one comma-separated string"),
    "INDEX_MAX_LAG_SECONDS": (lambda v: _number(v) and v >= 0, "a number of seconds >= 0"),
    "RESPONSE_CACHE_MB": (lambda v: _number(v) and v >= 0, "a number of megabytes >= 0"),
    "INDEX_PROCESSES": (
        lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0),
        "a whole number >= 0, or null for one per core beyond the first",
    ),
    "TRUSTED_PROXIES": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "a whole number >= 0",
    ),
}


def validate(config: Mapping[str, Any]) -> None:
    """Raise ConfigError for the first value the service must not start with."""
    for key, (valid, expected) in RULES.items():
        if not valid(config.get(key)):
            raise ConfigError(f"{key} must be {expected}, not {config.get(key)!r}")


def check_secret_for_serving(config: Mapping[str, Any], debug: bool) -> None:
    """Refuse to serve the public outside debug mode with the well-known default secret."""
    if not debug and not config.get("TESTING") and config["SECRET_KEY"] == DEFAULT_SECRET_KEY:
        raise ConfigError(
            "NOTICES_SECRET_KEY is the insecure default; set a long random value to serve"
        )
