"""Notice fields and queries full of HTML, script and template payloads stay text: escaped on
pages (en and ar), JSON-encoded in the APIs, and inert in a real browser."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from notices.domain import KIND_PATHS
from tests.web import xss_dataset as data
from tests.web.browser import close_page, needs_chromium, open_page
from tests.web.dataset import dash
from tests.web.helpers import serving

ACTIVE_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "frame", "base", "meta"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
RLO = "\u202e"
# The head's own <meta> tags (charset, viewport, referrer): any other is an injection.
OWN_META = 3
NOTICES = sorted(data.SHOWN)
LANGUAGES = ("", "/ar")


class PageScan(HTMLParser):
    """What a browser would build from a page: its tags, attributes and texts with ancestors."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []
        self.stack: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "input", "img", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def handle_data(self, text):
        self.texts.append((text, tuple(self.stack)))

    @property
    def text(self) -> str:
        return "".join(text for text, _ancestors in self.texts)

    def first(self, tag: str, **attrs) -> dict:
        return next(
            found
            for name, found in self.tags
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        )


def assert_inert(html: str) -> PageScan:
    """No payload became markup: no active element, event handler or script URL."""
    scan = PageScan(html)
    active = [(tag, attrs) for tag, attrs in scan.tags if tag in ACTIVE_TAGS]
    assert len(active) == OWN_META and all(tag == "meta" for tag, _attrs in active), active
    for tag, attrs in scan.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in URL_ATTRIBUTES & attrs.keys():
            assert not (attrs[name] or "").strip().lower().startswith("javascript:"), attrs
    titles = [tag for tag, _attrs in scan.tags if tag == "title"]
    assert titles == ["title"]
    for text, ancestors in scan.texts:
        # A right-to-left override must not turn the text around it: names are isolated.
        if RLO in text:
            assert (
                "bdi" in ancestors
                or "dd" in ancestors
                or ("title" in ancestors and text.count("\u2068") == text.count("\u2069") >= 1)
            ), (text, ancestors)
    return scan


@pytest.fixture(scope="module")
def xss_app(tmp_path_factory):
    app = data.loaded_xss_app(tmp_path_factory.mktemp("xss"))
    yield app
    app.extensions["notices"].engine.dispose()


@pytest.fixture
def client(xss_app):
    return xss_app.test_client()


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize(("kind", "entity_id"), NOTICES)
def test_notice_pages_show_every_payload_as_text(client, prefix, kind, entity_id):
    html = page(client, f"{prefix}/notices/{kind}/{dash(entity_id)}")
    scan = assert_inert(html)
    for payload in data.SHOWN[kind, entity_id]:
        assert payload in scan.text, payload
    assert "49" not in scan.text.replace("1949", "")  # {{7*7}} stays as written


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_result_cards_show_payload_names_as_text(client, prefix):
    scan = assert_inert(page(client, f"{prefix}/search"))
    names = [text for text, ancestors in scan.texts if "h2" in ancestors and "bdi" in ancestors]
    assert f"{data.IMG} XSSRED {data.SCRIPT}" in names
    assert f"{data.ATTR} XSSYELLOW {data.RLO}" in names
    assert f"XSSENTITY {data.TITLE}" in names


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("payload", data.PAYLOADS)
def test_a_payload_as_the_query_is_echoed_as_text(client, prefix, payload):
    html = page(client, f"{prefix}/search?q={quote('xssred ' + payload)}")
    scan = assert_inert(html)
    assert scan.first("input", id="q")["value"] == f"xssred {payload}"
    assert payload in next(text for text, ancestors in scan.texts if "title" in ancestors)


@pytest.mark.parametrize("field", ["forename", "name", "keywords"])
def test_payloads_in_the_other_search_fields_are_echoed_as_text(client, field):
    html = page(client, f"/search?{field}={quote(data.IMG)}&q=xssred")
    scan = assert_inert(html)
    assert data.IMG in [attrs.get("value") for tag, attrs in scan.tags if tag == "input"]


def test_why_it_matched_shows_query_words_as_text(client):
    html = page(client, "/search?q=" + quote('xssred <script> "><img'))
    scan = assert_inert(html)
    why = "".join(
        text
        for text, ancestors in scan.texts
        if "p" in ancestors and "bdi" in ancestors and "ol" in ancestors
    )
    assert "<SCRIPT>" in why and "><IMG" in why


def strings(value) -> list[str]:
    """Every string of a JSON document, keys excluded."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def api_json(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    return json.loads(response.get_data(as_text=True))


@pytest.mark.parametrize(("kind", "entity_id"), NOTICES)
def test_both_apis_return_payloads_unchanged_as_json_strings(client, kind, entity_id):
    native = strings(api_json(client, f"/api/v1/notices/{kind}/{dash(entity_id)}"))
    compatible = strings(api_json(client, f"/notices/v1/{KIND_PATHS[kind]}/{dash(entity_id)}"))
    for payload in data.SHOWN[kind, entity_id]:
        assert any(payload in text for text in native), payload
        assert any(payload in text for text in compatible), payload


def test_search_apis_return_payload_names_and_queries_as_json(client):
    native = api_json(client, "/api/v1/search?q=" + quote(f"xssred {data.SCRIPT}"))
    first = native["results"][0]
    assert first["names"]["family_name"] == f"XSSRED {data.SCRIPT}"
    assert first["names"]["forename"] == data.IMG
    assert "<SCRIPT>" in first["why"]
    compatible = api_json(client, "/notices/v1/red?name=" + quote(data.TITLE))
    assert compatible["query"]["name"] == data.TITLE


def browse_paths() -> list[str]:
    paths = [
        "/search",
        "/search?q=" + quote(f"xssred {data.IMG} {data.SCRIPT}"),
        "/search?q=" + quote(data.SVG) + "&keywords=" + quote(data.TITLE),
    ]
    paths += [f"/notices/{kind}/{dash(entity_id)}" for kind, entity_id in NOTICES]
    return [prefix + path for prefix in LANGUAGES for path in paths]


@pytest.mark.browser
@pytest.mark.slow
@needs_chromium
def test_no_payload_runs_in_a_real_browser(xss_app, browser):
    dialogs = []
    with serving(xss_app) as base_url:
        tab = open_page(browser, 1280, 900)
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in browse_paths():
            tab.goto(base_url + path)
            tab.wait_for_load_state("load")
            tab.mouse.move(300, 300)  # would fire an injected onmouseover under the pointer
            assert tab.evaluate("typeof window.__xss") == "undefined", path
            assert tab.locator("script, iframe, svg, img[onerror]").count() == 0, path
        close_page(tab)
    assert dialogs == []
    assert tab.console_errors == []  # a blocked inline script would be a CSP error here
