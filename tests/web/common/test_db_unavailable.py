"""The database goes away while the site runs: every page and API that needs it answers a clear,
translated 503 with Retry-After (never a 500 or a traceback), /readyz says not ready and
/healthz stays up."""

from __future__ import annotations

import shutil
import socket

import pytest

from notices import create_app
from tests.web.dataset import EXAMPLEMAN, dash

NOTICE = dash(EXAMPLEMAN)
PAGES = [
    "/",
    "/search?q=johan+exampleman",
    "/search?nationality=FR",
    f"/notices/red/{NOTICE}",
    "/pictures/" + "ab" * 32 + ".jpg",
]
APIS = [
    "/api/v1/search?q=exampleman",
    f"/api/v1/notices/red/{NOTICE}",
    "/notices/v1/red?name=exampleman",
    "/notices/v1/red",
    f"/notices/v1/red/{NOTICE}",
    f"/notices/v1/red/{NOTICE}/images",
    f"/notices/v1/red/{NOTICE}/images/61234567",
]
ENGLISH_TITLE = "The service is not available right now"
FRENCH_TITLE = "Le service est momentanément indisponible"


def _config(root, database_url: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "RATE_LIMITS_ENABLED": False,
        "DATABASE_URL": database_url,
        "INDEX_DIR": str(root / "index"),
        "MEDIA_DIR": str(root / "media"),
        "DATA_DIR": str(root / "data"),
    }


def _copy_index_and_media(indexed_dataset, root) -> None:
    # A working index: searches get past the index and fail only on the database.
    for name in ("index", "media"):
        shutil.copytree(indexed_dataset / name, root / name)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nobody listens once the socket is closed


@pytest.fixture
def sqlite_gone_app(indexed_dataset, tmp_path):
    """An app whose SQLite database directory is removed after it served a first page."""
    folder = tmp_path / "db"
    folder.mkdir()
    for path in indexed_dataset.glob("notices.db*"):
        shutil.copy2(path, folder / path.name)
    _copy_index_and_media(indexed_dataset, tmp_path)
    app = create_app(_config(tmp_path, f"sqlite:///{folder / 'notices.db'}"))
    assert app.test_client().get("/search?q=johan+exampleman").status_code == 200
    shutil.rmtree(folder)
    app.extensions["notices"].engine.dispose()  # pooled connections would hide the loss
    yield app
    app.extensions["notices"].engine.dispose()


@pytest.fixture
def postgres_down_app(indexed_dataset, tmp_path):
    """An app configured for a PostgreSQL server that does not answer."""
    pytest.importorskip("psycopg")
    _copy_index_and_media(indexed_dataset, tmp_path)
    url = f"postgresql+psycopg://notices@127.0.0.1:{_closed_port()}/notices?connect_timeout=2"
    app = create_app(_config(tmp_path, url))
    yield app
    app.extensions["notices"].engine.dispose()


@pytest.fixture(params=["sqlite_gone_app", "postgres_down_app"])
def down_client(request):
    return request.getfixturevalue(request.param).test_client()


@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_a_translated_503_page(down_client, path):
    response = down_client.get(path)
    assert response.status_code == 503
    assert response.mimetype == "text/html"
    assert int(response.headers["Retry-After"]) > 0
    page = response.get_data(as_text=True)
    assert ENGLISH_TITLE in page and "Please try again in a few minutes." in page
    assert 'id="notice-disclaimer"' in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_the_503_page_is_in_the_reader_s_language(down_client):
    response = down_client.get("/fr/search?q=johan+exampleman")
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert FRENCH_TITLE in page and ENGLISH_TITLE not in page
    assert '<html lang="fr"' in page


@pytest.mark.parametrize("path", APIS)
def test_apis_answer_a_json_503_with_the_disclaimer(down_client, path):
    response = down_client.get(path)
    assert response.status_code == 503
    assert response.is_json and int(response.headers["Retry-After"]) > 0
    body = response.get_json()
    assert body["error"]["code"] == "unavailable"
    assert body["error"]["message"] == "Please try again in a few minutes."
    assert "presumed innocent" in body["disclaimer"]


def test_api_errors_are_translated(down_client):
    response = down_client.get("/api/v1/search?q=exampleman", headers={"Accept-Language": "fr"})
    assert response.status_code == 503
    assert response.get_json()["error"]["message"] == "Veuillez réessayer dans quelques minutes."


def test_readyz_is_not_ready_while_healthz_stays_up(down_client):
    ready = down_client.get("/readyz")
    assert ready.status_code == 503
    assert ready.get_json()["checks"] == {"database": False, "index": True, "index_current": True}
    assert int(ready.headers["Retry-After"]) > 0
    assert down_client.get("/healthz").status_code == 200


def test_the_about_page_needs_no_database(down_client):
    # Nothing on it comes from the database: it stays readable during an outage.
    assert down_client.get("/about").status_code == 200


def test_the_site_recovers_when_the_database_is_back(sqlite_gone_app, indexed_dataset, tmp_path):
    client = sqlite_gone_app.test_client()
    assert client.get(f"/notices/red/{NOTICE}").status_code == 503
    (tmp_path / "db").mkdir()
    for path in indexed_dataset.glob("notices.db*"):
        shutil.copy2(path, tmp_path / "db" / path.name)
    assert client.get(f"/notices/red/{NOTICE}").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_an_index_being_built_is_a_503_with_retry_after(loaded_client):
    response = loaded_client.get("/api/v1/search?q=exampleman")
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
