"""The nationality and wanted-by <option> lists of the search form, rendered once per locale."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from notices.web.i18n import labels
from notices.web.i18n.cache import per_locale


def _option(code: str, selected: bool = False) -> str:
    return f'<option value="{escape(code)}"{" selected" if selected else ""}>'


# Some 250 options per list: rendering them through the template on every search page cost
# more than the search itself. The markup only depends on the locale.
@per_locale
def _fragment(authorities: bool) -> str:
    return "".join(
        f"{_option(code)}{escape(name)}</option>"
        for code, name in labels.country_choices(authorities=authorities)
    )


def country_options(selected: Iterable[str] = (), authorities: bool = False) -> Markup:
    """<option> elements of every country (and court, with `authorities`) in the locale's
    order, the `selected` codes marked as selected."""
    html = _fragment(authorities)
    for code in selected:
        html = html.replace(_option(code), _option(code, selected=True), 1)
    return Markup(html)
