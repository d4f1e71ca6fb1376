"""Internationalisation: the one place UI code imports `_`, `lazy_gettext` and locale helpers."""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from flask import request
from flask_babel import Babel, get_locale, gettext, lazy_gettext, ngettext

__all__ = [
    "LOCALES",
    "_",
    "current_locale",
    "gettext",
    "init_app",
    "lazy_gettext",
    "ngettext",
    "text_direction",
]

# Locales the interface is offered in. A later issue adds ar, es, fr, ru and zh; everything
# user-visible is already marked for translation, so adding one is a .po file and an entry here.
LOCALES = ("en",)
DEFAULT_LOCALE = "en"
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"

_ = gettext
babel = Babel()


def select_locale() -> str:
    """The best offered locale for the browser's Accept-Language, else English."""
    return request.accept_languages.best_match(LOCALES) or DEFAULT_LOCALE


def init_app(app) -> None:
    """Attach flask-babel (Jinja gets `_`, `ngettext` and the date/number filters)."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    babel.init_app(app, locale_selector=select_locale)


def current_locale() -> Locale:
    """The Babel locale of the current request (English outside a request)."""
    return get_locale() or Locale.parse(DEFAULT_LOCALE)


def text_direction(locale: Locale | None = None) -> str:
    """`rtl` for right-to-left scripts (Arabic), else `ltr`: the value of <html dir>."""
    locale = locale or current_locale()
    return "rtl" if locale.character_order == "right-to-left" else "ltr"
