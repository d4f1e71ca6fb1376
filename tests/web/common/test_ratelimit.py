"""Rate limits of public routes: a clear, translated 429 with Retry-After; health never limited;
shared between workers through Redis when configured."""

from __future__ import annotations

import uuid

import pytest

from notices import create_app

REDIS_URL = "redis://127.0.0.1:6379/15"


_APPS = []


def limited_app(app_config, **extra):
    config = {**app_config, "RATE_LIMITS_ENABLED": True, "RATE_LIMITS": "3 per minute", **extra}
    app = create_app(config)
    _APPS.append(app)
    return app


@pytest.fixture(autouse=True)
def _dispose_apps(app):
    """`app` creates the schema; every app made here closes its connections afterwards."""
    yield
    while _APPS:
        _APPS.pop().extensions["notices"].engine.dispose()


def redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
        return True
    except Exception:  # noqa: BLE001 - any failure means: no Redis here
        return False


def test_fourth_request_in_a_minute_gets_a_429_page_with_retry_after(app_config):
    client = limited_app(app_config).test_client()
    for _ in range(3):
        assert client.get("/about").status_code == 200
    response = client.get("/about")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    page = response.get_data(as_text=True)
    assert "Too many requests" in page
    assert 'id="notice-disclaimer"' in page or "disclaimer" in page


def test_the_429_of_the_api_is_json_and_translated(app_config):
    client = limited_app(app_config).test_client()
    for _ in range(3):
        client.get("/api/v1/openapi.json")
    response = client.get("/api/v1/openapi.json", headers={"Accept-Language": "fr"})
    assert response.status_code == 429
    body = response.get_json()
    assert body["error"]["code"] == "too_many_requests"
    assert "Retry-After" in response.headers
    english = limited_app(app_config).test_client()
    for _ in range(4):
        last = english.get("/api/v1/openapi.json")
    assert body["error"]["message"] != last.get_json()["error"]["message"]


def test_health_checks_are_never_limited(app_config):
    client = limited_app(app_config).test_client()
    for _ in range(10):
        assert client.get("/healthz").status_code == 200


def test_clients_are_counted_separately(app_config):
    client = limited_app(app_config).test_client()
    for _ in range(3):
        client.get("/about", environ_base={"REMOTE_ADDR": "192.0.2.1"})
    assert client.get("/about", environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 429
    assert client.get("/about", environ_base={"REMOTE_ADDR": "192.0.2.2"}).status_code == 200


def test_behind_a_trusted_proxy_the_forwarded_address_counts(app_config):
    client = limited_app(app_config, TRUSTED_PROXIES=1).test_client()
    for _ in range(3):
        client.get("/about", headers={"X-Forwarded-For": "198.51.100.7"})
    assert client.get("/about", headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 429
    assert client.get("/about", headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 200


@pytest.mark.skipif(not redis_available(), reason="no Redis on 127.0.0.1:6379")
def test_two_workers_share_their_counts_through_redis(app_config):
    """Two apps stand for two gunicorn workers: the limit holds across them."""
    prefix = {"RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    first = limited_app(app_config, RATELIMIT_STORAGE_URL=REDIS_URL, **prefix).test_client()
    second = limited_app(app_config, RATELIMIT_STORAGE_URL=REDIS_URL, **prefix).test_client()
    assert first.get("/about").status_code == 200
    assert second.get("/about").status_code == 200
    assert first.get("/about").status_code == 200
    assert second.get("/about").status_code == 429
