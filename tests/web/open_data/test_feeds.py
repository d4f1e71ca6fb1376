"""Atom feeds: valid Atom 1.0 with every required element, the search page links its feed with
the same parameters, entries last changed first and capped, recent additions per kind."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from xml.etree import ElementTree

from notices.models import Notice
from notices.web.i18n.disclaimer import disclaimer_text
from tests.web.dataset import EXAMPLEMAN, TESTOVA
from tests.web.helpers import add_notices, invoke

A = "{http://www.w3.org/2005/Atom}"


def parse(response) -> ElementTree.Element:
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ElementTree.fromstring(response.data)
    assert feed.tag == f"{A}feed"
    return feed


def assert_valid_atom(feed: ElementTree.Element) -> None:
    """RFC 4287's required elements: feed id, title, updated, author (no entry has one), a self
    link; entry id, title, updated, an alternate link; RFC 3339 times."""
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{tag}")) == 1 and feed.findtext(f"{A}{tag}").strip(), tag
    assert feed.findtext(f"{A}author/{A}name")
    rels = {link.get("rel") for link in feed.findall(f"{A}link")}
    assert {"self", "alternate"} <= rels
    times = [feed.findtext(f"{A}updated")]
    for entry in feed.findall(f"{A}entry"):
        for tag in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{A}{tag}")) == 1 and entry.findtext(f"{A}{tag}"), tag
        assert entry.findtext(f"{A}id").startswith("urn:uuid:")
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith("http")
        times += [entry.findtext(f"{A}updated"), entry.findtext(f"{A}published")]
    for text in times:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", text), text
        datetime.fromisoformat(text.replace("Z", "+00:00"))


def entry_links(feed) -> list[str]:
    return [e.find(f"{A}link").get("href").rsplit("/", 1)[1] for e in feed.findall(f"{A}entry")]


def test_every_search_page_links_its_feed_and_exports_with_the_same_parameters(data_client):
    html = data_client.get("/search?q=exampleman&kind=red&sex=M&page=2").get_data(as_text=True)
    head = html[: html.index("</head>")]
    alternate = re.search(
        r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', head
    )
    assert unescape(alternate.group(1)) == "/feeds/search.atom?q=exampleman&kind=red&sex=M"
    body = html[html.index("<main") :]
    for path in ("/feeds/search.atom", "/export/search.csv", "/export/search.json"):
        assert f'href="{path}?q=exampleman&amp;kind=red&amp;sex=M"' in body, path
    french = data_client.get("/fr/search?kind=red").get_data(as_text=True)
    assert 'href="/fr/feeds/search.atom?kind=red"' in french
    assert "Suivre cette recherche (flux Atom)" in french


def test_a_search_feed_is_valid_atom_with_the_disclaimer(data_client):
    feed = parse(data_client.get("/feeds/search.atom?q=exampleman"))
    assert_valid_atom(feed)
    assert feed.findtext(f"{A}subtitle") == disclaimer_text()
    assert "exampleman" in feed.findtext(f"{A}title")
    assert "2024-00101" in entry_links(feed)
    entry = feed.find(f"{A}entry")
    assert entry.findtext(f"{A}title") == "JOHAN ALEXANDER EXAMPLEMAN"
    assert "Wanted person" in entry.findtext(f"{A}summary")
    same = parse(data_client.get("/fr/feeds/search.atom?q=exampleman")).find(f"{A}entry")
    assert same.findtext(f"{A}id") == entry.findtext(f"{A}id")  # one id in every language
    assert "Personne recherchée" in same.findtext(f"{A}summary")


def test_feed_entries_are_last_changed_first(data_client, data_sessions):
    with data_sessions() as session, session.begin():
        for entity_id, day in ((TESTOVA, 20), (EXAMPLEMAN, 10)):
            notice = session.query(Notice).filter_by(entity_id=entity_id).one()
            notice.last_changed = datetime(2030, 1, day)
    # The index learns a last change when a notice is written: rebuild it from the database.
    invoke(data_client.application, ["index", "rebuild"])
    feed = parse(data_client.get("/feeds/search.atom"))
    assert entry_links(feed)[:2] == ["2023-04567", "2024-00101"]
    assert feed.findtext(f"{A}updated") == "2030-01-20T00:00:00Z"
    assert feed.find(f"{A}entry").findtext(f"{A}updated") == "2030-01-20T00:00:00Z"


def test_feeds_hold_at_most_fifty_entries(data_app, data_client):
    add_notices(data_app, 60)
    feed = parse(data_client.get("/feeds/search.atom?kind=red"))
    assert len(feed.findall(f"{A}entry")) == 50
    assert len(parse(data_client.get("/feeds/recent.atom")).findall(f"{A}entry")) == 50


def test_recent_feeds_per_kind(data_client):
    for kind, expected in (("yellow", ["2023-04567"]), ("un", ["2020-00007", "2019-00088"])):
        feed = parse(data_client.get(f"/feeds/recent.atom?kind={kind}"))
        assert_valid_atom(feed)
        assert entry_links(feed) == expected
    everything = parse(data_client.get("/feeds/recent.atom"))
    assert entry_links(everything)[0] == "2024-00104"  # the highest id of one load
    assert data_client.get("/feeds/recent.atom?kind=blue").status_code == 400


def test_control_characters_cannot_break_a_feed(data_app, data_client):
    add_notices(data_app, 1, family_name="BAD\x01NAME\x0b")
    feed = parse(data_client.get("/feeds/search.atom?q=badname"))
    assert feed.find(f"{A}entry").findtext(f"{A}title") == "TEST BADNAME"
