"""A real Chromium on another site's page reads the native API with fetch(): the answer, its
translated labels and its ETag, then revalidates with If-None-Match (a preflighted request)."""

from __future__ import annotations

import pytest

from tests.web.browser import close_page, needs_chromium, open_page
from tests.web.helpers import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]

OTHER_SITE_PAGE = b"<!doctype html><html lang=en><title>Another site</title><p>Client</p>"

FETCH = """async (api) => {
  const url = api + "/api/v1/search?q=fictionelli";
  const first = await fetch(url, {headers: {"Accept-Language": "fr"}});
  const body = await first.json();
  const etag = first.headers.get("ETag");
  const again = await fetch(url, {headers: {"Accept-Language": "fr", "If-None-Match": etag}});
  return {
    status: first.status,
    etag: etag,
    remaining: first.headers.get("X-RateLimit-Remaining"),
    name: body.results[0].names.family_name,
    nationality: body.results[0].nationalities[0],
    facet: body.facets.nationality[0],
    disclaimer: body.disclaimer,
    revalidated: again.status,
  };
}"""


def other_site(environ, start_response):
    """A plain page of another origin, with no policy of its own."""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [OTHER_SITE_PAGE]


def test_browser_code_on_another_site_reads_the_api_and_its_etag(demo_site, browser):
    with serving(other_site) as client_site:
        page = open_page(browser, 800, 600)
        # localhost and 127.0.0.1 are different origins: every request below is cross-origin.
        page.goto(client_site.replace("127.0.0.1", "localhost") + "/")
        answer = page.evaluate(FETCH, demo_site)
        close_page(page)
    assert answer["status"] == 200
    assert answer["etag"] and answer["remaining"] is not None
    assert answer["name"] == "FICTIONELLI"
    assert answer["nationality"] == {"code": "IT", "label": "Italie"}
    assert answer["facet"]["label"] == "Italie" and answer["facet"]["value"] == "IT"
    assert "mandat d’arrêt" in answer["disclaimer"]
    assert answer["revalidated"] == 304
