"""What a worker prepares before its first request: templates compiled, languages' data read."""

from __future__ import annotations

from flask import Flask

from notices.web.i18n.locale import LOCALES
from notices.web.i18n.switcher import language_facts


def warm_pages(app: Flask) -> None:
    """Compile every template and read every UI language's CLDR data now (~0.2 s): done by
    the first requests instead, they held each new worker's first visitor ~100 ms longer,
    a 503 for a broken index included."""
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    for code in LOCALES:
        language_facts(code)  # every page's language switcher names all six languages
