"""What every template sees: site settings, locale, demo state, disclaimer, static URLs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from babel.lists import format_list
from flask import Flask, current_app, url_for
from markupsafe import Markup, escape

from notices.web.common.canonical import page_addresses
from notices.web.common.reading import demo_mode
from notices.web.i18n import catalog, labels
from notices.web.i18n.disclaimer import disclaimer_sentences, disclaimer_text
from notices.web.i18n.locale import html_lang, text_direction, unprefixed
from notices.web.i18n.switcher import language_links


@lru_cache(maxsize=64)
def _file_version(path: str, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """URL of a static file with its content hash, so it can be cached for a year."""
    path = Path(current_app.static_folder) / filename
    try:
        version = _file_version(str(path), path.stat().st_mtime_ns)
    except OSError:
        return unprefixed(url_for("static", filename=filename))
    return unprefixed(url_for("static", filename=filename, v=version))


def template_context() -> dict:
    """Variables of every page (base.html needs all of them)."""
    config = current_app.config
    locale = catalog.request_locale()
    gettext = catalog.template_gettext()
    return {
        "_": gettext,  # what Jinja's `_` alias would call, without its two extra calls
        "gettext": gettext,
        "site_name": config["SITE_NAME"],
        "contact_email": config["CONTACT_EMAIL"],
        "contact_url": config["CONTACT_URL"],
        "locale_code": html_lang(locale),
        "text_dir": text_direction(locale),
        "languages": language_links(),
        "demo_mode": demo_mode(),
        "disclaimer_sentences": disclaimer_sentences(),
        "disclaimer_text": disclaimer_text(),
        "static_url": static_url,
        "addresses": page_addresses(),
    }


def bdi(value: object) -> Markup:
    """Isolate a name or code from the text around it (a Latin name inside Arabic, say)."""
    # Markup.format runs string.Formatter; escape() gives the same text without it.
    return Markup(f"<bdi>{escape(value)}</bdi>")


def time_element(day: labels.Day) -> Markup:
    """A labels.Day as <time datetime="2025-03-05">5 Mar 2025</time>."""
    return Markup(f'<time datetime="{escape(day.iso)}">{escape(day.text)}</time>')


def isolate(value: object) -> str:
    """Plain-text isolation (FSI ... PDI) where <bdi> cannot go, as in <title>: a name with a
    right-to-left override cannot turn the rest of the title around."""
    return f"\u2068{value}\u2069"


def list_text(items: Iterable[object]) -> str:
    """Items joined as the current locale joins a list: "A, B and C", "A وB وC", "A、B和C"."""
    items = tuple(str(item) for item in items)
    return _list_text(items, catalog.request_locale_id()) if items else ""


# Result cards join the same few country lists over and over; Babel's format_list parses the
# locale's patterns on every call. CLDR data is fixed for the process: exact per locale.
@lru_cache(maxsize=4096)
def _list_text(items: tuple[str, ...], locale_id: str) -> str:
    return format_list(list(items), locale=locale_id)


def init_app(app: Flask) -> None:
    """Jinja gets the cached gettext callables, the filters below and the page context."""
    catalog.install_jinja_gettext(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["bdi"] = bdi
    app.jinja_env.filters["isolate"] = isolate
    app.jinja_env.filters["time"] = time_element
    app.jinja_env.filters["list_text"] = list_text
    app.jinja_env.filters["numberformat"] = labels.number_text  # flask-babel's, cached
    app.context_processor(template_context)
