"""Fast message lookups for the request path: the request's catalogue and locale, looked up once.

flask-babel finds the catalogue and locale again on every call (several context-local lookups
each); a results page makes hundreds of calls. These helpers keep both on `g` for the request
and otherwise behave exactly like flask-babel's gettext, ngettext and pgettext.
"""

from __future__ import annotations

from babel import Locale
from flask import g
from flask_babel import get_translations

from notices.i18n import current_locale


def catalog():
    """The request's translations (flask-babel's own object, cached for the request)."""
    try:
        return g.notices_catalog
    except AttributeError:
        g.notices_catalog = get_translations()
        return g.notices_catalog
    except RuntimeError:  # no application context: flask-babel gives the untranslated texts
        return get_translations()


def request_locale() -> Locale:
    """The request's Babel locale (see notices.i18n.current_locale), cached for the request."""
    try:
        return g.notices_locale
    except AttributeError:
        g.notices_locale = current_locale()
        g.notices_locale_id = str(g.notices_locale)
        return g.notices_locale
    except RuntimeError:
        return current_locale()


def request_locale_id() -> str:
    """The request's locale identifier ("en", "zh", ...), a cache key."""
    try:
        return g.notices_locale_id
    except AttributeError:
        return str(request_locale())
    except RuntimeError:
        return str(current_locale())


def gettext(string: str, **variables) -> str:
    text = catalog().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return catalog().ungettext(singular, plural, num) % variables


def pgettext(context: str, string: str, **variables) -> str:
    text = catalog().upgettext(context, string)
    return text % variables if variables else text


_TABLES: dict[tuple[int, str], tuple[object, dict]] = {}


def translated(table: dict) -> dict:
    """{code: text} of a table of lazy labels (a module constant) in the request's language,
    built once per language."""
    key = (id(table), request_locale_id())
    cached = _TABLES.get(key)
    if cached is None or cached[0] is not table:  # the table itself guards against id reuse
        cached = _TABLES[key] = (table, {code: str(label) for code, label in table.items()})
    return cached[1]


def install_jinja_gettext(app) -> None:
    """Templates' _(), ngettext() and pgettext() through the request's cached catalogue."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalog().ugettext(s),
        ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n),
        newstyle=True,
    )
