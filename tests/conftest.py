"""Shared fixtures: an app on a real SQLite file in tmp_path, its client and CLI runner,
and a factory for notices."""

from __future__ import annotations

import itertools
import os
import uuid
from datetime import datetime
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from devtools.catalogs import compile_catalogs
from notices import create_app
from notices.db import upgrade
from notices.models import Notice, Warrant

_ids = itertools.count(1)


@pytest.fixture(scope="session", autouse=True)
def private_instance_folder(tmp_path_factory):
    """Apps made by tests use an empty instance folder of their own, never the checkout's
    instance/ (where `make run` writes a config.py with a real secret key)."""
    folder = tmp_path_factory.mktemp("instance")
    previous = os.environ.get("NOTICES_INSTANCE_PATH")
    os.environ["NOTICES_INSTANCE_PATH"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("NOTICES_INSTANCE_PATH", None)
    else:
        os.environ["NOTICES_INSTANCE_PATH"] = previous


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile the .po catalogues whose .mo is missing or stale (.mo files are build output;
    the app factory does no I/O, so this happens here and in `make install`)."""
    compile_catalogs()


# Set to a PostgreSQL URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run the
# suite against PostgreSQL: every test database is then a fresh schema of that database.
TEST_DATABASE_URL = os.environ.get("NOTICES_TEST_DATABASE_URL")


@pytest.fixture
def new_database_url(tmp_path):
    """Factory of empty databases: SQLite files in tmp_path, or PostgreSQL schemas."""
    schemas = []

    def make(name: str = "notices") -> str:
        if not TEST_DATABASE_URL:
            return f"sqlite:///{tmp_path / (name + '.db')}"
        schema = f"t_{uuid.uuid4().hex[:16]}"
        engine = create_engine(TEST_DATABASE_URL)
        with engine.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
        schemas.append(schema)
        separator = "&" if "?" in TEST_DATABASE_URL else "?"
        return f"{TEST_DATABASE_URL}{separator}options={quote(f'-csearch_path={schema}')}"

    yield make
    if schemas:
        engine = create_engine(TEST_DATABASE_URL)
        with engine.begin() as connection:
            for schema in schemas:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture
def app_config(tmp_path, new_database_url):
    """Configuration of a test app: every path inside tmp_path."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "RATE_LIMITS_ENABLED": False,  # tests/web/test_ratelimit.py turns it on
        "DATABASE_URL": new_database_url(),
        "INDEX_DIR": str(tmp_path / "index"),
        "MEDIA_DIR": str(tmp_path / "media"),
        "DATA_DIR": str(tmp_path / "data"),
        "FETCH_RATE_PER_SECOND": 1000.0,
    }


@pytest.fixture
def app(app_config):
    application = create_app(app_config)
    upgrade(application.config["DATABASE_URL"])
    yield application
    application.extensions["notices"].engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    """Invoke the `notices` command against the test app: runner.invoke(args)."""
    from notices.cli import main

    cli_runner = app.test_cli_runner()

    class Runner:
        def invoke(self, args, **kwargs):
            return cli_runner.invoke(main, args, **kwargs)

    return Runner()


@pytest.fixture
def sessions(app):
    return app.extensions["notices"].sessions


@pytest.fixture
def make_notice(sessions):
    """Insert a notice with sensible fictitious defaults; keyword arguments override fields."""

    def make(warrants=(), **overrides) -> Notice:
        number = next(_ids)
        now = datetime(2026, 1, 1)
        fields = {
            "entity_id": f"2020/{number:05d}",
            "kind": "red",
            "status": "active",
            "family_name": f"TESTFAMILY{number}",
            "forename": "ALEX",
            "sex": "M",
            "date_of_birth": "1980-05-17",
            "nationalities": ["FR"],
            "content_hash": f"hash{number}",
            "first_published": now,
            "last_changed": now,
        }
        fields.update(overrides)
        with sessions() as session, session.begin():
            notice = Notice(**fields)
            notice.warrants = [
                Warrant(position=i, issuing_country=country, charge=charge)
                for i, (country, charge) in enumerate(warrants)
            ]
            session.add(notice)
        return notice

    return make
