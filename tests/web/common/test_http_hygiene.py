"""Security headers, conditional requests (304), cache lifetimes, health and readiness."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from notices import create_app
from tests.web.dataset import EXAMPLEMAN, dash

TEMPLATES = Path(__file__).resolve().parents[3] / "notices" / "templates"


@pytest.mark.parametrize(
    "url",
    [
        "/about",
        f"/notices/red/{dash(EXAMPLEMAN)}",
        f"/notices/v1/red/{dash(EXAMPLEMAN)}",
        "/no-such-page",
    ],
)
def test_security_headers_on_pages_api_and_errors(loaded_client, url):
    headers = loaded_client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in (
        "default-src 'self'",
        "style-src 'self'",
        "script-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ):
        assert directive in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_templates_have_no_inline_script_or_style():
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text("utf-8").lower()
        assert "<script" not in text, template.name
        assert "<style" not in text, template.name
        assert not re.search(r"\sstyle\s*=", text), template.name
        assert not re.search(r"\son[a-z]+\s*=", text), template.name  # onclick=...


@pytest.mark.parametrize(
    "url",
    [
        f"/notices/red/{dash(EXAMPLEMAN)}",
        f"/notices/v1/red/{dash(EXAMPLEMAN)}",
        f"/api/v1/notices/red/{dash(EXAMPLEMAN)}",
    ],
)
def test_detail_answers_304_to_a_matching_etag_or_date(loaded_client, url):
    first = loaded_client.get(url)
    assert first.status_code == 200
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert loaded_client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert loaded_client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    other = loaded_client.get(url, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_pictures_are_immutable_and_conditional(loaded_client):
    html = loaded_client.get(f"/notices/red/{dash(EXAMPLEMAN)}").get_data(as_text=True)
    url = re.search(r'src="(/pictures/[0-9a-f]{64}\.jpg)"', html).group(1)
    first = loaded_client.get(url)
    assert "immutable" in first.headers["Cache-Control"]
    assert first.headers["ETag"].strip('"') in url
    again = loaded_client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_static_files_are_versioned_and_cached_long(loaded_client):
    html = loaded_client.get("/about").get_data(as_text=True)
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
    assert re.fullmatch(r"/static/site\.css\?v=[0-9a-f]{12}", href)
    response = loaded_client.get(href)
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"]
    plain = loaded_client.get("/static/site.css")
    assert "immutable" not in plain.headers["Cache-Control"]
    plain.close()
    response.close()


def test_the_stylesheet_uses_logical_properties_only():
    css = (Path(__file__).resolve().parents[3] / "notices/static/site.css").read_text("utf-8")
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)\b|\b(?:left|right)\s*:", css)
    assert physical == []
    assert "text-align: left" not in css and "float:" not in css


def test_healthz_is_always_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_needs_the_database_and_an_index(loaded_client):
    response = loaded_client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"] == {
        "database": True,
        "index": False,
        "index_current": True,
    }


def test_readyz_is_ready_with_an_index(data_client):
    response = data_client.get("/readyz")
    assert response.status_code == 200
    document = response.get_json()
    assert document["status"] == "ready"
    assert document["checks"] == {"database": True, "index": True, "index_current": True}
    assert document["index_lag_seconds"] == 0.0
    assert document["index_position"] > 0  # the data's load was journalled and indexed


def test_readyz_reports_an_unreachable_database(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "DATABASE_URL": f"sqlite:///{tmp_path}/missing/dir/notices.db",
            "INDEX_DIR": str(tmp_path / "index"),
            "MEDIA_DIR": str(tmp_path),
        }
    )
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] is False
    app.extensions["notices"].engine.dispose()


def test_serving_with_the_default_secret_is_refused_outside_debug(tmp_path, caplog):
    config = {
        "DATABASE_URL": f"sqlite:///{tmp_path}/notices.db",
        "INDEX_DIR": str(tmp_path / "index"),
        "MEDIA_DIR": str(tmp_path),
    }
    app = create_app(config)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert "NOTICES_SECRET_KEY" in caplog.text
    app.extensions["notices"].engine.dispose()
    debug = create_app(config)
    debug.debug = True
    assert debug.test_client().get("/healthz").status_code == 200
    debug.extensions["notices"].engine.dispose()


def test_wrong_methods_are_405_with_allow(loaded_client):
    api = loaded_client.post("/api/v1/search")
    assert api.status_code == 405 and "GET" in api.headers["Allow"]
    assert api.get_json()["error"]["code"] == "method_not_allowed"
    page = loaded_client.post("/about")
    assert page.status_code == 405 and "Method not allowed" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "url", [f"/notices/red/{dash(EXAMPLEMAN)}", f"/api/v1/notices/red/{dash(EXAMPLEMAN)}"]
)
def test_if_unmodified_since_is_honoured(loaded_client, url):
    modified = loaded_client.get(url).headers["Last-Modified"]
    unchanged = loaded_client.get(url, headers={"If-Unmodified-Since": modified})
    assert unchanged.status_code == 200 and unchanged.data
    earlier = "Mon, 01 Jan 2001 00:00:00 GMT"
    for accept in ("identity", "gzip"):
        asked = {"If-Unmodified-Since": earlier, "Accept-Encoding": accept}
        changed = loaded_client.get(url, headers=asked)
        assert changed.status_code == 412
        assert changed.data == b"" and "Content-Encoding" not in changed.headers


def test_readyz_is_not_ready_while_a_load_has_left_the_index_behind(
    data_app, data_client, tmp_path, monkeypatch
):
    """A load killed after its commit (before its index update): the node's index lacks its
    changes, and once that has lasted longer than INDEX_MAX_LAG_SECONDS it is not ready."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from notices import indexing
    from notices.cli import main
    from notices.models import JournalEntry
    from tests.ingest.extracts import red_doc, write_tree
    from tests.web.helpers import invoke

    before = data_client.get("/readyz").get_json()["index_position"]

    def killed(*args, **kwargs):
        raise indexing.IndexUnavailable("stands for a SIGKILL right after the commit")

    monkeypatch.setattr(indexing, "catch_up", killed)
    extract = write_tree(tmp_path / "x", {"red": [red_doc(4242)]})
    loaded = data_app.test_cli_runner().invoke(main, ["load", str(extract)])
    assert "saved" in loaded.output, loaded.output  # committed; its index update failed
    monkeypatch.undo()
    fresh = data_client.get("/readyz")
    assert fresh.status_code == 200  # within the bound: a follower may be on its way
    assert fresh.get_json()["index_position"] == before

    sessions = data_app.extensions["notices"].sessions
    ago = timedelta(minutes=5)
    with sessions() as session, session.begin():
        session.execute(
            update(JournalEntry).values(recorded_at=datetime.now(UTC).replace(tzinfo=None) - ago)
        )
    response = data_client.get("/readyz")
    assert response.status_code == 503, response.get_json()
    assert response.get_json()["checks"]["index_current"] is False
    assert response.get_json()["index_lag_seconds"] >= 300
    invoke(data_app, ["index", "update"])
    repaired = data_client.get("/readyz")
    assert repaired.status_code == 200
    assert repaired.get_json()["index_position"] > before
