"""Fixtures of the web tests: a small extract loaded and indexed once through the real `notices`
commands, copied into each test's tmp_path so tests may change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from notices import create_app
from notices.db import upgrade
from tests.web.dataset import write_extract
from tests.web.helpers import invoke


def _config(root: Path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "RATE_LIMITS_ENABLED": False,
        "DATABASE_URL": f"sqlite:///{root / 'notices.db'}",
        "INDEX_DIR": str(root / "index"),
        "MEDIA_DIR": str(root / "media"),
        "DATA_DIR": str(root / "data"),
    }


@pytest.fixture(scope="session")
def loaded_dataset(tmp_path_factory) -> Path:
    """Database and pictures of the web dataset (no index), built once per test session."""
    root = tmp_path_factory.mktemp("web-loaded")
    app = create_app(_config(root))
    upgrade(app.config["DATABASE_URL"])
    invoke(app, ["load", str(write_extract(root / "extract")), "--full"])
    app.extensions["notices"].engine.dispose()
    _LOADED_ROOTS.append(root)
    return root


@pytest.fixture(scope="session")
def indexed_dataset(tmp_path_factory, loaded_dataset) -> Path:
    """The loaded dataset plus its search index, built once per test session."""
    root = tmp_path_factory.mktemp("web-indexed")
    _copy_dataset(loaded_dataset, root)
    app = create_app(_config(root))
    invoke(app, ["index", "rebuild"])
    app.extensions["notices"].engine.dispose()
    return root


def _copy_dataset(source: Path, target: Path) -> None:
    # The load command's own engine may leave committed pages in the -wal file: copy it too.
    for path in source.glob("notices.db*"):
        shutil.copy2(path, target / path.name)
    for name in ("index", "media", "data"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)


def _private_app(app_config, dataset: Path, tmp_path: Path):
    _copy_dataset(dataset, tmp_path)
    app = create_app(app_config)
    if not app.config["DATABASE_URL"].startswith("sqlite"):
        # PostgreSQL run: the copied files are SQLite, so load the same extract into this
        # test's schema. Content hashes are deterministic, so the copied index matches it.
        upgrade(app.config["DATABASE_URL"])
        loaded = dataset if (dataset / "extract").is_dir() else _LOADED_ROOTS[0]
        invoke(app, ["load", str(loaded / "extract"), "--full"])
    return app


_LOADED_ROOTS: list[Path] = []  # the session's loaded dataset, for the PostgreSQL run


@pytest.fixture
def loaded_app(app_config, loaded_dataset, tmp_path):
    """An app over a private copy of the loaded dataset, without a search index."""
    application = _private_app(app_config, loaded_dataset, tmp_path)
    yield application
    application.extensions["notices"].engine.dispose()


@pytest.fixture
def loaded_client(loaded_app):
    return loaded_app.test_client()


@pytest.fixture
def data_app(app_config, indexed_dataset, tmp_path):
    """An app over a private copy of the loaded and indexed dataset."""
    application = _private_app(app_config, indexed_dataset, tmp_path)
    yield application
    application.extensions["notices"].engine.dispose()


@pytest.fixture
def data_app_with(app_config, indexed_dataset, tmp_path):
    """Make one app over a private copy of the indexed dataset with extra configuration:
    data_app_with(PUBLIC_URL=...)."""
    made = []

    def make(**config):
        assert not made, "one app per test: its files are tmp_path's"
        made.append(_private_app({**app_config, **config}, indexed_dataset, tmp_path))
        return made[0]

    yield make
    for application in made:
        application.extensions["notices"].engine.dispose()


@pytest.fixture
def data_client(data_app):
    return data_app.test_client()


@pytest.fixture
def data_sessions(data_app):
    return data_app.extensions["notices"].sessions


@pytest.fixture(scope="session")
def bare_app(tmp_path_factory):
    """An app without a database, for code that only needs a request context."""
    application = create_app(_config(tmp_path_factory.mktemp("bare")))
    yield application
    application.extensions["notices"].engine.dispose()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """Base URL of the app serving demo notices plus the web dataset (browser tests)."""
    from tests.web.browser import serve_demo_site

    yield from serve_demo_site(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium shared by the browser tests."""
    from tests.web.browser import launch_chromium

    yield from launch_chromium()
