"""The nationality and wanted-by <option> lists of the search form, rendered once per locale."""

from __future__ import annotations

from markupsafe import Markup, escape

from notices.web import labels
from notices.web.catalog import request_locale_id

# Some 250 options per list: rendering them through the template on every search page cost
# more than the search itself. The markup only depends on the locale.
_FRAGMENTS: dict[tuple[str, bool], str] = {}


def _option(code: str, selected: bool = False) -> str:
    return f'<option value="{escape(code)}"{" selected" if selected else ""}>'


def _fragment(authorities: bool) -> str:
    key = (request_locale_id(), authorities)
    html = _FRAGMENTS.get(key)
    if html is None:
        html = _FRAGMENTS[key] = "".join(
            f"{_option(code)}{escape(name)}</option>"
            for code, name in labels.country_choices(authorities=authorities)
        )
    return html


def country_options(selected=(), authorities: bool = False) -> Markup:
    """<option> elements of every country (and court, with `authorities`) in the locale's
    order, the `selected` codes marked as selected."""
    html = _fragment(authorities)
    for code in selected:
        html = html.replace(_option(code), _option(code, selected=True), 1)
    return Markup(html)
