"""What a new worker does before its first request: index loaded, templates compiled, CLDR read."""

from __future__ import annotations

from flask import Flask

from notices.web.i18n.locale import LOCALES
from notices.web.i18n.switcher import language_facts


def warm_worker(app: Flask) -> str | None:
    """Everything a new worker does before its first connection (gunicorn.conf.py's
    post_worker_init, and scripts/bench failfast as such a worker): the index snapshot loaded,
    then warm_pages; returns why the index could not be opened, if it could not."""
    problem = app.extensions["notices"].warm()
    warm_pages(app)
    return problem


def warm_pages(app: Flask) -> None:
    """Compile every template and read every UI language's CLDR data now (~0.2 s): done by
    the first requests instead, they held each new worker's first visitor ~100 ms longer,
    a 503 for a broken index included."""
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    for code in LOCALES:
        language_facts(code)  # every page's language switcher names all six languages
