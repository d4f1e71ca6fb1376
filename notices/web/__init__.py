"""The web layer: public pages, compatible and native JSON APIs, pictures, health checks.

Each feature is a package of its own (pages/, native_api/, compat_api/) that imports only
common/ and i18n/, never another feature; see docs/architecture.md."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register languages, every blueprint, error handler, header hook and template helper.

    Does no I/O: the database and the index are opened on first use."""
    from notices.web import health, pictures
    from notices.web.common import errors, headers, hosts, ratelimit, response_cache, templating
    from notices.web.compat_api import routes as compat_routes
    from notices.web.discovery import routes as discovery_routes
    from notices.web.i18n import locale, switcher
    from notices.web.native_api import routes as native_routes
    from notices.web.open_data import routes as open_data_routes
    from notices.web.pages import routes as page_routes

    locale.init_app(app)
    for blueprint in (
        page_routes.bp,
        pictures.bp,
        compat_routes.bp,
        native_routes.bp,
        open_data_routes.bp,
        health.bp,
        switcher.bp,
        discovery_routes.bp,
    ):
        app.register_blueprint(blueprint)
    hosts.init_app(app)
    ratelimit.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    templating.init_app(app)
    response_cache.init_app(app)
