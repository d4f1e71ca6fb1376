"""The language switcher: plain links that remember the choice in a cookie and keep the page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from babel import Locale
from flask import Blueprint, Response, current_app, redirect, request, url_for

from notices.web.i18n.locale import (
    COOKIE_NAME,
    ENV_BASE_ROOT,
    LOCALES,
    html_lang,
    locale_code,
    text_direction,
    unprefixed,
)

COOKIE_MAX_AGE = 365 * 24 * 3600

bp = Blueprint("language", __name__)


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the switcher: the language's own name, in its own script and direction."""

    code: str
    name: str
    lang: str
    dir: str
    url: str
    current: bool


@cache
def native_name(code: str) -> str:
    """The language's name in itself, from CLDR, capitalised as a menu item: "Français"."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def safe_next(target: str | None) -> str:
    """A path on this site (never another host), without any language prefix; "/" if unusable."""
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in target)
    ):
        return "/"
    path, question, query = target.partition("?")
    first, _slash, rest = path[1:].partition("/")
    if first in LOCALES:
        path = "/" + rest
    return path + question + query


def current_path() -> str:
    """This request's path and query, without the language prefix: where a switch returns to."""
    query = request.query_string.decode("latin-1")
    return request.path + (f"?{query}" if query else "")


@cache
def language_facts(code: str) -> tuple[str, str, str]:
    """Name, BCP 47 tag and direction of a language: fixed, so computed once."""
    locale = Locale.parse(code)
    return native_name(code), html_lang(locale), text_direction(locale)


# Characters werkzeug's URL builder leaves unquoted in query strings (werkzeug.urls._urlencode).
_QUERY_SAFE = "!$'()*,/:;?@"


def language_links() -> list[LanguageLink]:
    """The switcher's links, one per offered language, the current one marked."""
    # Every page shows six links: the switch paths are built once per request's site root
    # and the `next` parameter is appended, as url_for would append it.
    query = "?" + urlencode([("next", current_path())], safe=_QUERY_SAFE)
    current = locale_code()
    links = []
    for code in LOCALES:
        name, lang, direction = language_facts(code)
        links.append(
            LanguageLink(
                code=code,
                name=name,
                lang=lang,
                dir=direction,
                current=code == current,
                url=_switch_path(request.environ.get(ENV_BASE_ROOT, request.script_root), code)
                + query,
            )
        )
    return links


def _switch_path(base_root: str, code: str) -> str:
    cached = current_app.extensions.setdefault("notices.switch_paths", {})
    key = (base_root, code)
    if key not in cached:
        cached[key] = unprefixed(url_for("language.switch", code=code))
    return cached[key]


@bp.get("/language/<any(" + ", ".join(LOCALES) + "):code>")
def switch(code: str) -> Response:
    """Remember the chosen language and show the same page in it (under its URL prefix)."""
    base_root = request.environ.get(ENV_BASE_ROOT, request.script_root)
    response = redirect(f"{base_root}/{code}{safe_next(request.args.get('next'))}", 303)
    response.set_cookie(
        COOKIE_NAME,
        code,
        max_age=COOKIE_MAX_AGE,
        path=base_root or "/",
        secure=request.is_secure,
        httponly=True,
        samesite="Lax",
    )
    return response
