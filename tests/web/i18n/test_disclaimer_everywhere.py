"""Every route shows the disclaimer (HTML: an element whose id contains "disclaimer"; JSON: a
`disclaimer` field) and the demo banner appears exactly when the data is a demonstration."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from html import unescape
from xml.etree import ElementTree

import pytest
from babel import Locale

from notices.domain import DISCLAIMER_SENTENCES
from notices.models import LoadRun
from notices.web.i18n.disclaimer import disclaimer_text
from notices.web.i18n.locale import LOCALES, html_lang
from tests.web.dataset import EXAMPLEMAN, dash

ID = dash(EXAMPLEMAN)
# Every endpoint, with URLs that exercise it. A new route without an entry fails the walk.
HTML_ROUTES = {
    "pages.search": ["/", "/search?q=exampleman", "/search?q=nobody+at+all+zzzz"],
    "pages.notice": [
        f"/notices/red/{ID}",
        "/notices/yellow/2023-04567",
        "/notices/un-person/2019-00088",
        "/notices/un-entity/2020-00007",
    ],
    "pages.about": ["/about"],
    "pages.recent": ["/recent", "/recent?kind=un"],
    "open_data.data_page": ["/data"],
}
JSON_ROUTES = {
    "compat_api.notices": [
        "/notices/v1/red",
        "/notices/v1/yellow?name=testova",
        "/notices/v1/un/persons",
        "/notices/v1/un/entities",
    ],
    "compat_api.detail": [f"/notices/v1/red/{ID}", "/notices/v1/un/entities/2020-00007"],
    "compat_api.images": [f"/notices/v1/red/{ID}/images"],
    "native_api.search": ["/api/v1/search?q=exampleman", "/api/v1/search"],
    "native_api.notice": [f"/api/v1/notices/red/{ID}"],
    "open_data.search_json": ["/export/search.json?q=exampleman", "/export/search.json"],
}
# Feeds carry it as their subtitle, CSV exports in their first row, the bulk dataset (English,
# written without a request) in its first line.
ATOM_ROUTES = {
    "open_data.search_feed": ["/feeds/search.atom?q=exampleman", "/feeds/search.atom?kind=red"],
    "open_data.recent_feed": ["/feeds/recent.atom", "/feeds/recent.atom?kind=yellow"],
}
CSV_ROUTES = {"open_data.search_csv": ["/export/search.csv?q=exampleman"]}
DATASET_ROUTES = {"open_data.dataset_file": ["/data/notices.jsonl.gz"]}
# Routes that carry no notice data, and why they need no disclaimer.
EXEMPT = {
    "static": "the stylesheet",
    "pages.favicon": "an empty answer: there is no icon",
    "pictures.picture": "JPEG bytes of a picture",
    "compat_api.image": "JPEG bytes of a picture",
    "native_api.openapi": "the API description",
    "health.healthz": "process health",
    "health.readyz": "readiness",
    "language.switch": "a redirect to the same page in the chosen language",
    "discovery.robots": "crawler instructions",
    "discovery.sitemap_index": "a list of sitemap files for crawlers",
    "discovery.notices_sitemap": "notice addresses for crawlers, no notice data",
}
ERROR_URLS = [
    "/no-such-page",
    "/notices/red/2099-00001",
    "/search?age_min=old",
    "/api/v1/search?sex=X",
    "/notices/v1/red/2099-1",
    "/notices/v1/red?page=0",
]


def disclaimer_element_text(html: str) -> str | None:
    """The text of the element whose id contains "disclaimer", markup removed."""
    match = re.search(r'<(\w+)[^>]*\sid="[^"]*disclaimer[^"]*"[^>]*>(.*?)</\1>', html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip() if match else None


def has_disclaimer_element(html: str) -> bool:
    return "presumed innocent" in (disclaimer_element_text(html) or "")


def test_every_route_is_covered(data_app):
    endpoints = {rule.endpoint for rule in data_app.url_map.iter_rules()}
    covered = set(HTML_ROUTES) | set(JSON_ROUTES) | set(EXEMPT)
    covered |= set(ATOM_ROUTES) | set(CSV_ROUTES) | set(DATASET_ROUTES)
    assert endpoints == covered


def test_every_html_page_has_the_disclaimer_outside_the_content(data_client):
    for endpoint, urls in HTML_ROUTES.items():
        for url in urls:
            response = data_client.get(url)
            assert response.status_code == 200, url
            html = response.get_data(as_text=True)
            assert has_disclaimer_element(html), (endpoint, url)
            assert html.index("disclaimer") < html.index("<main"), url


def test_every_json_answer_has_the_disclaimer(data_client):
    for endpoint, urls in JSON_ROUTES.items():
        for url in urls:
            response = data_client.get(url)
            assert response.status_code == 200, url
            assert response.get_json()["disclaimer"] == disclaimer_text(), (endpoint, url)


def feed_subtitle(body: bytes) -> str:
    return ElementTree.fromstring(body).findtext("{http://www.w3.org/2005/Atom}subtitle")


def csv_first_cell(body: bytes) -> str:
    return next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[0]


def test_feeds_exports_and_the_dataset_carry_the_disclaimer(data_client):
    for urls in ATOM_ROUTES.values():
        for url in urls:
            response = data_client.get(url)
            assert response.status_code == 200, url
            assert feed_subtitle(response.data) == disclaimer_text(), url
    for urls in CSV_ROUTES.values():
        for url in urls:
            assert csv_first_cell(data_client.get(url).data) == "# " + disclaimer_text()
    for urls in DATASET_ROUTES.values():
        for url in urls:
            with data_client.get(url) as response:  # closes the file it sent
                header = json.loads(gzip.decompress(response.data).splitlines()[0])
            assert header["disclaimer"] == " ".join(DISCLAIMER_SENTENCES) == disclaimer_text()


def test_error_answers_carry_the_disclaimer_too(data_client):
    for url in ERROR_URLS:
        response = data_client.get(url)
        assert response.status_code in (400, 404), url
        if response.is_json:
            assert response.get_json()["disclaimer"] == disclaimer_text()
        else:
            assert has_disclaimer_element(response.get_data(as_text=True)), url


def test_the_disclaimer_says_what_the_public_must_know(loaded_client):
    text = loaded_client.get("/notices/v1/red/" + ID).get_json()["disclaimer"]
    for phrase in (
        "public's help",
        "not an arrest warrant",
        "presumed innocent",
        "no other purpose",
        "do not approach",
        "contact your local police",
    ):
        assert phrase in text


def test_demo_banner_only_for_demo_data(app_config, loaded_app, loaded_client):
    assert 'id="demo-banner"' not in loaded_client.get("/about").get_data(as_text=True)
    from notices import create_app

    demo_app = create_app({**app_config, "DEMO_MODE": True})
    html = demo_app.test_client().get("/about").get_data(as_text=True)
    assert 'id="demo-banner"' in html and "fictitious demonstration data" in html
    demo_app.extensions["notices"].engine.dispose()


def test_demo_banner_follows_the_latest_successful_load(loaded_app, loaded_client):
    sessions = loaded_app.extensions["notices"].sessions
    with sessions() as session, session.begin():
        latest = session.query(LoadRun).order_by(LoadRun.id.desc()).first()
        latest.demo = True
        session.add(
            LoadRun(
                source="x",
                mode="full",
                dry_run=True,
                demo=False,
                status="succeeded",
                started_at=latest.started_at,
            )
        )
    html = loaded_client.get(f"/notices/red/{ID}").get_data(as_text=True)
    assert "fictitious demonstration data" in html  # a dry run does not count


def translated_disclaimer(app, lang: str) -> str:
    with app.test_request_context(headers={"Accept-Language": lang}):
        return disclaimer_text()


@pytest.mark.parametrize("lang", LOCALES)
def test_every_route_shows_the_disclaimer_in_every_language(data_app, data_client, lang):
    expected = translated_disclaimer(data_app, lang)
    english = translated_disclaimer(data_app, "en")
    assert (expected == english) == (lang == "en")
    for url in [url for urls in HTML_ROUTES.values() for url in urls] + ERROR_URLS:
        response = data_client.get(f"/{lang}{url}")
        if response.is_json:
            assert response.get_json()["disclaimer"] == expected, (lang, url)
            continue
        html = response.get_data(as_text=True)
        assert f'<html lang="{html_lang(Locale.parse(lang))}"' in html, (lang, url)
        assert disclaimer_element_text(html) == expected, (lang, url)
    for url in [url for urls in ATOM_ROUTES.values() for url in urls]:
        assert feed_subtitle(data_client.get(f"/{lang}{url}").data) == expected, (lang, url)
    for url in [url for urls in CSV_ROUTES.values() for url in urls]:
        assert csv_first_cell(data_client.get(f"/{lang}{url}").data) == "# " + expected
    for url in [url for urls in JSON_ROUTES.values() for url in urls]:
        for response in (
            data_client.get(f"/{lang}{url}"),
            data_client.get(url, headers={"Accept-Language": lang}),
        ):
            assert response.status_code == 200, (lang, url)
            assert response.get_json()["disclaimer"] == expected, (lang, url)


def test_pages_that_read_the_demo_state_with_their_rows_follow_each_load(data_app, data_client):
    """Search pages read it with their result rows and notice pages with the directory's age:
    each request asks again, with results or without."""
    pages = ["/search", "/search?q=zzzzqqqq", f"/notices/red/{ID}", "/about"]

    def shown() -> dict[str, bool]:
        responses = {url: data_client.get(url) for url in pages}
        assert {r.status_code for r in responses.values()} == {200}
        return {url: 'id="demo-banner"' in r.get_data(as_text=True) for url, r in responses.items()}

    assert shown() == dict.fromkeys(pages, False)
    sessions = data_app.extensions["notices"].sessions

    def committed_load(demo: bool) -> None:  # what a load that changed no notice leaves
        with sessions() as session, session.begin():
            latest = session.query(LoadRun).order_by(LoadRun.id.desc()).first()
            session.add(
                LoadRun(
                    source="s",
                    mode="full",
                    demo=demo,
                    status=latest.status,
                    started_at=latest.started_at,
                    finished_at=latest.finished_at,
                )
            )

    committed_load(demo=True)
    assert shown() == dict.fromkeys(pages, True)
    committed_load(demo=False)
    assert shown() == dict.fromkeys(pages, False)
