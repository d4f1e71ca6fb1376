"""Which language a request is served in: URL prefix, cookie, Accept-Language; locale facts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from babel import Locale
from flask import Flask, request
from flask_babel import Babel, get_locale

from notices.config import ConfigError
from notices.web.paths import is_api_request

if TYPE_CHECKING:  # imports for annotations only
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment


# The six official UN languages. `zh` is Simplified Chinese: the catalogue directory and the
# URL prefix are `zh`, while <html lang> says `zh-Hans` so that browsers pick Simplified glyphs.
LOCALES = ("ar", "en", "es", "fr", "ru", "zh")
DEFAULT_LOCALE = "en"
HTML_LANG = {"zh": "zh-Hans"}
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"

# Set by the language switcher; pages only (API answers must not depend on a browser cookie).
COOKIE_NAME = "lang"
# WSGI environ keys set by LocalePrefix.
ENV_LOCALE = "notices.url_locale"
ENV_BASE_ROOT = "notices.base_root"


class LocalePrefix:
    """WSGI middleware: `/fr/search` is served as `/search` in French.

    The prefix moves from PATH_INFO to SCRIPT_NAME, so every URL that url_for builds on a
    prefixed page keeps the prefix without any view knowing about it."""

    def __init__(self, wsgi_app: WSGIApplication, locales: Iterable[str] = LOCALES):
        self.wsgi_app = wsgi_app
        self.locales = frozenset(locales)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse):
        path = environ.get("PATH_INFO", "")
        first, _slash, rest = path.lstrip("/").partition("/")
        script_name = environ.get("SCRIPT_NAME", "")
        environ[ENV_BASE_ROOT] = script_name
        if path.startswith("/") and first in self.locales:
            environ[ENV_LOCALE] = first
            environ["SCRIPT_NAME"] = f"{script_name}/{first}"
            environ["PATH_INFO"] = "/" + rest
        return self.wsgi_app(environ, start_response)


def select_locale() -> str:
    """URL prefix, then (pages only) the switcher's cookie, then Accept-Language, then English."""
    prefixed = request.environ.get(ENV_LOCALE)
    if prefixed:
        return prefixed
    if not is_api_request():
        chosen = request.cookies.get(COOKIE_NAME)
        if chosen in LOCALES:
            return chosen
    return request.accept_languages.best_match(LOCALES) or DEFAULT_LOCALE


def init_app(app: Flask) -> None:
    """Attach flask-babel (Jinja gets `_`, `ngettext` and the date/number filters) and the
    URL prefix middleware."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    missing = missing_catalogues(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]))
    if missing:
        # Without its catalogue a language would silently show English (in a right-to-left
        # layout for Arabic) while the site says it is ready.
        raise ConfigError(
            f"no compiled translation catalogue for {', '.join(missing)} in "
            f"{app.config['BABEL_TRANSLATION_DIRECTORIES']}: install a built package, or run "
            "`scripts/i18n compile` in a checkout"
        )
    Babel(app, locale_selector=select_locale)
    app.wsgi_app = LocalePrefix(app.wsgi_app)


def missing_catalogues(directory: Path) -> list[str]:
    """The offered languages (other than the default) without a compiled catalogue."""
    return [
        code
        for code in LOCALES
        if code != DEFAULT_LOCALE
        and not (directory / code / "LC_MESSAGES" / "messages.mo").is_file()
    ]


def current_locale() -> Locale:
    """The Babel locale of the current request (English outside a request)."""
    return get_locale() or Locale.parse(DEFAULT_LOCALE)


def locale_code(locale: Locale | None = None) -> str:
    """The code of a locale as LOCALES and URL prefixes spell it (`zh`, `ar`, ...)."""
    return (locale or current_locale()).language


def html_lang(locale: Locale | None = None) -> str:
    """The BCP 47 tag for <html lang>: `zh-Hans` for Simplified Chinese, else the code."""
    code = locale_code(locale)
    return HTML_LANG.get(code, code)


def text_direction(locale: Locale | None = None) -> str:
    """`rtl` for right-to-left scripts (Arabic), else `ltr`: the value of <html dir>."""
    locale = locale or current_locale()
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def unprefixed(url: str) -> str:
    """A URL that url_for built, without the language prefix of this request.

    For language-neutral resources (stylesheet, pictures): one URL, one cache entry."""
    root = request.script_root
    base_root = request.environ.get(ENV_BASE_ROOT, root)
    parts = urlsplit(url)
    if root == base_root or not parts.path.startswith(root + "/"):
        return url
    return urlunsplit(parts._replace(path=base_root + parts.path[len(root) :]))
