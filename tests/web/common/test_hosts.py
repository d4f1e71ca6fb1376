"""Absolute URLs never follow a Host header the operator did not configure."""

from __future__ import annotations

import pytest

from tests.web.dataset import EXAMPLEMAN, dash

LIST = "/notices/v1/red"
DETAIL = f"/api/v1/notices/red/{dash(EXAMPLEMAN)}"


@pytest.fixture
def make_app(data_app_with):
    return lambda **config: data_app_with(**config).test_client()


def test_an_untrusted_host_header_gets_a_400_not_links_to_it(data_client):
    response = data_client.get(LIST, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert b"evil.example" not in response.data


def test_trusted_hosts_are_configurable_and_their_links_use_them(make_app):
    client = make_app(TRUSTED_HOSTS="notices.example.org, localhost")
    document = client.get(LIST, headers={"Host": "notices.example.org"}).get_json()
    assert document["_links"]["self"]["href"].startswith("http://notices.example.org/")
    assert client.get(LIST, headers={"Host": "evil.example"}).status_code == 400


def test_public_url_is_used_for_every_absolute_url_whatever_host_says(make_app):
    client = make_app(PUBLIC_URL="https://notices.example.org", TRUSTED_PROXIES=1)
    headers = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    listing = client.get(LIST, headers=headers)
    assert listing.status_code == 200
    hrefs = [item["_links"]["self"]["href"] for item in listing.get_json()["_embedded"]["notices"]]
    assert hrefs and all(
        href.startswith("https://notices.example.org/notices/v1/") for href in hrefs
    )
    detail = client.get(DETAIL, headers=headers).get_json()
    assert detail["links"]["self"].startswith("https://notices.example.org/api/v1/")
    assert all(
        url.startswith("https://notices.example.org/")
        for url in [*detail["links"].values()]
        + [url for p in detail["pictures"] for url in p["links"].values()]
    )
    redirect = client.get("/notices//v1/red", headers=headers)  # werkzeug merges the slashes
    assert redirect.status_code == 308
    assert redirect.headers["Location"].startswith("https://notices.example.org/")
    assert b"evil.example" not in listing.data + client.get(DETAIL, headers=headers).data


def test_a_public_url_with_a_path_prefix_prefixes_every_url(make_app):
    client = make_app(PUBLIC_URL="https://example.org/notices")
    # The reverse proxy strips /notices before forwarding; every link gets it back.
    document = client.get(LIST).get_json()
    assert document["_links"]["self"]["href"].startswith("https://example.org/notices/notices/v1/")
    page = client.get("/search?q=exampleman").get_data(as_text=True)
    assert 'href="/notices/notices/red/' in page
