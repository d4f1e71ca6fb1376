"""What every template sees: site settings, locale, demo state, disclaimer, static URLs."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import current_app, url_for

from notices.i18n import current_locale, text_direction
from notices.web.data import demo_mode
from notices.web.disclaimer import disclaimer_sentences


@lru_cache(maxsize=64)
def _file_version(path: str, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """URL of a static file with its content hash, so it can be cached for a year."""
    path = Path(current_app.static_folder) / filename
    try:
        version = _file_version(str(path), path.stat().st_mtime_ns)
    except OSError:
        return url_for("static", filename=filename)
    return url_for("static", filename=filename, v=version)


def template_context() -> dict:
    """Variables of every page (base.html needs all of them)."""
    config = current_app.config
    locale = current_locale()
    return {
        "site_name": config["SITE_NAME"],
        "contact_email": config["CONTACT_EMAIL"],
        "contact_url": config["CONTACT_URL"],
        "locale_code": str(locale).replace("_", "-"),
        "text_dir": text_direction(locale),
        "demo_mode": demo_mode(),
        "disclaimer_sentences": disclaimer_sentences(),
        "static_url": static_url,
    }


def init_app(app) -> None:
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.context_processor(template_context)
