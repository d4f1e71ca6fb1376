"""Fast message lookups for the request path: the request's catalogue and locale, looked up once.

flask-babel finds the catalogue and locale again on every call (several context-local lookups
each); a results page makes hundreds of calls. These helpers keep both in the request state
and otherwise behave exactly like flask-babel's gettext, ngettext and pgettext.
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from babel import Locale
from babel.support import NullTranslations
from flask import Flask
from flask_babel import get_translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from notices.web.i18n.locale import current_locale
from notices.web.state import request_state


def catalog() -> NullTranslations:  # Translations, or NullTranslations outside a locale
    """The request's translations (flask-babel's own object, cached for the request)."""
    try:
        state = request_state()
    except RuntimeError:  # no application context: flask-babel gives the untranslated texts
        return get_translations()
    if state.catalog is None:
        state.catalog = get_translations()
    return state.catalog


def request_locale() -> Locale:
    """The request's Babel locale (see locale.current_locale), cached for the request."""
    try:
        state = request_state()
    except RuntimeError:
        return current_locale()
    if state.locale is None:
        state.locale = current_locale()
        state.locale_id = str(state.locale)
    return state.locale


def request_locale_id() -> str:
    """The request's locale identifier ("en", "zh", ...), a cache key."""
    try:
        state = request_state()
    except RuntimeError:
        return str(current_locale())
    if state.locale_id is None:
        request_locale()
    return state.locale_id


def gettext(string: str, **variables) -> str:
    """Translate `string` into the request's language; %(name)s variables filled in."""
    text = catalog().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """The plural form for `num` in the request's language; %(num)d is filled in."""
    variables.setdefault("num", num)
    return catalog().ungettext(singular, plural, num) % variables


def pgettext(context: str, string: str, **variables) -> str:
    """Translate `string` as used in `context` (a word that translates differently elsewhere)."""
    text = catalog().upgettext(context, string)
    return text % variables if variables else text


# Templates' constant messages as HTML, per catalogue: a page shows forty to a hundred and
# more, and each would otherwise be looked up, wrapped and %-formatted again. Catalogues live
# as long as flask-babel's cache holds them; the weak keys let the texts go with them.
_CONSTANT_HTML: WeakKeyDictionary = WeakKeyDictionary()


def template_gettext() -> Callable[..., str]:
    """The templates' `_` for one render, bound to the request's catalogue.

    Exactly what Jinja's newstyle gettext over `gettext` above returns (the text as Markup
    when autoescaping, always %-formatted), without looking the catalogue up on every call."""
    translations = catalog()
    ugettext = translations.ugettext
    constants = _CONSTANT_HTML.setdefault(translations, {})

    @pass_context
    def gettext(context: Context, string: str, **variables) -> str:
        if not context.eval_ctx.autoescape:
            return ugettext(string) % variables
        if variables:
            return Markup(ugettext(string)) % variables
        try:
            return constants[string]
        except KeyError:
            text = constants[string] = Markup(ugettext(string)) % variables
            return text

    return gettext


def install_jinja_gettext(app: Flask) -> None:
    """Templates' _(), ngettext() and pgettext() through the request's cached catalogue."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalog().ugettext(s),
        ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n),
        newstyle=True,
    )
