"""Shared fixtures: an app on a real SQLite file in tmp_path, its client and CLI runner,
and a factory for notices."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from notices import create_app
from notices.db import upgrade
from notices.models import Notice, Warrant

_ids = itertools.count(1)


@pytest.fixture
def app_config(tmp_path):
    """Configuration of a test app: every path inside tmp_path."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'notices.db'}",
        "INDEX_DIR": str(tmp_path / "index"),
        "MEDIA_DIR": str(tmp_path / "media"),
        "FETCH_RATE_PER_SECOND": 1000.0,
    }


@pytest.fixture
def app(app_config):
    application = create_app(app_config)
    upgrade(application.config["DATABASE_URL"])
    yield application
    application.extensions["notices.engine"].dispose()


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
    return app.extensions["notices.sessions"]


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
