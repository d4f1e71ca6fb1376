"""The Flask application factory: configuration, database engine, services and the web layer."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from notices import config as config_module
from notices import web
from notices.db import make_engine, make_session_factory
from notices.services import Services


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application; reads configuration but does no I/O (no database, no index)."""
    # NOTICES_INSTANCE_PATH moves the instance folder (config.py, default database, index and
    # media) out of the default place; tests use it so they never read a developer's instance.
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder="templates",
        static_folder="static",
        instance_path=os.environ.get("NOTICES_INSTANCE_PATH"),
    )
    config_module.load_layers(app, test_config)
    config_module.validate(app.config)
    engine = make_engine(app.config["DATABASE_URL"])  # lazy: connects on first use
    app.extensions["notices"] = Services(
        engine=engine,
        sessions=make_session_factory(engine),
        index_dir=app.config["INDEX_DIR"],
        media_dir=Path(app.config["MEDIA_DIR"]),
    )
    web.init_app(app)
    return app
