"""The web layer: public pages, compatible and native JSON APIs, pictures, errors, headers."""

from __future__ import annotations


def init_app(app) -> None:
    """Register every blueprint, error handler, header hook and template helper (no I/O)."""
    from notices.web import (
        compat_api,
        errors,
        headers,
        health,
        language,
        native_api,
        pages,
        pictures,
        ratelimit,
        templating,
    )

    for blueprint in (pages.bp, pictures.bp, compat_api.bp, native_api.bp, health.bp,
                      language.bp):
        app.register_blueprint(blueprint)
    ratelimit.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    templating.init_app(app)
