"""The addresses of the page being shown: its canonical URL and its six language versions."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import request

from notices.web.common.query_args import SEARCH_PARAMS
from notices.web.i18n.locale import ENV_BASE_ROOT, HTML_LANG, LOCALES

# Characters werkzeug's URL builder leaves unquoted in query strings.
_QUERY_SAFE = "!$'()*,/:;?@"


@dataclass(frozen=True)
class PageAddresses:
    """`canonical` for <link rel="canonical">, `alternates` (hreflang, URL) and the
    language-neutral `default` for <link rel="alternate" hreflang=...>."""

    canonical: str
    alternates: list[tuple[str, str]]
    default: str


def _query() -> str:
    """The search's own parameters (each once); other pages are canonical without a query."""
    if request.endpoint != "pages.search":
        return ""
    kept = dict.fromkeys(
        (key, value)
        for key, value in request.args.items(multi=True)
        if key in SEARCH_PARAMS and value.strip() and (key, value) != ("page", "1")
    )
    return "?" + urlencode(list(kept), safe=_QUERY_SAFE) if kept else ""


def page_addresses() -> PageAddresses:
    """Absolute addresses of this page (the host is the trusted or public one, see hosts.py)."""
    origin = request.host_url.rstrip("/")
    base_root = request.environ.get(ENV_BASE_ROOT, request.script_root)
    path = request.path + _query()
    alternates = [
        (HTML_LANG.get(code, code), f"{origin}{base_root}/{code}{path}") for code in LOCALES
    ]
    return PageAddresses(
        canonical=f"{origin}{request.script_root}{path}",
        alternates=alternates,
        default=f"{origin}{base_root}{path}",
    )
