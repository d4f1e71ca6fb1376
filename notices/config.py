"""Configuration defaults, the layers they are read from, and validation at start-up."""

from __future__ import annotations

import os

DEFAULT_SECRET_KEY = "dev-only-insecure-secret"

# Every key may be set as an environment variable NOTICES_<KEY> (JSON values are parsed, so
# NOTICES_DEMO_MODE=true is a boolean). README.md documents each one.
DEFAULTS = {
    "DATABASE_URL": None,  # None: SQLite file notices.db in the instance folder
    "INDEX_DIR": None,  # None: index/ in the instance folder
    "MEDIA_DIR": None,  # None: media/ in the instance folder
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
    "TRUSTED_PROXIES": 0,  # reverse proxies in front that set X-Forwarded-For
}


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which key and why."""


def load_layers(app, test_config: dict | None) -> None:
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


def validate(config) -> None:
    """Raise ConfigError for values the service must not start with."""
    share = config["MASS_WITHDRAWAL_SHARE"]
    if not isinstance(share, int | float) or not 0 < share <= 1:
        raise ConfigError("MASS_WITHDRAWAL_SHARE must be a number in (0, 1]")
    for key in ("PICTURE_MAX_BYTES", "PICTURE_MAX_PIXELS", "PICTURE_MAX_SIDE", "THUMBNAIL_SIDE"):
        if not isinstance(config[key], int) or config[key] <= 0:
            raise ConfigError(f"{key} must be a positive whole number")
    if not _positive(config["FETCH_MAX_REQUESTS"], int):
        raise ConfigError("FETCH_MAX_REQUESTS must be a positive whole number")
    if not _positive(config["FETCH_MAX_SECONDS"], int | float):
        raise ConfigError("FETCH_MAX_SECONDS must be a positive number of seconds")
    if not isinstance(config["TRUSTED_PROXIES"], int) or config["TRUSTED_PROXIES"] < 0:
        raise ConfigError("TRUSTED_PROXIES must be a whole number >= 0")
    if not isinstance(config["SITE_NAME"], str) or not config["SITE_NAME"].strip():
        raise ConfigError("SITE_NAME must be a non-empty string")


def _positive(value, kind) -> bool:
    return isinstance(value, kind) and not isinstance(value, bool) and value > 0


def check_secret_for_serving(config, debug: bool) -> None:
    """Refuse to serve the public outside debug mode with the well-known default secret."""
    if not debug and not config.get("TESTING") and config["SECRET_KEY"] == DEFAULT_SECRET_KEY:
        raise ConfigError(
            "NOTICES_SECRET_KEY is the insecure default; set a long random value to serve"
        )
