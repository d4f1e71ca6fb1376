"""Publication dates: newest first from the notices' own ids on a first load, later loads first
after that, and both dates shown in the locale's format inside <time> elements."""

from __future__ import annotations

import re

from notices.domain import publication_order
from notices.models import Notice
from tests.web.dataset import EXAMPLEMAN, dash, red, write_extract
from tests.web.helpers import invoke

# The web dataset's notices, highest year and number first: one load added them all at once.
BY_OWN_ID = [
    "2024/00104",
    "2024/00103",
    "2024/00102",
    "2024/00101",
    "2023/04567",
    "2020/00007",
    "2019/00088",
]


def api_ids(client, url: str) -> list[str]:
    return [item["entity_id"] for item in client.get(url).get_json()["results"]]


def test_publication_order_is_year_then_number():
    assert publication_order("2024/120") > publication_order("2024/99")
    assert publication_order("2025/1") > publication_order("2024/9999999")
    assert publication_order("2024/00120") == publication_order("2024/120")


def test_a_first_load_is_newest_first_by_the_notices_own_ids(data_client, data_sessions):
    with data_sessions() as session:
        stored = dict(session.query(Notice.entity_id, Notice.publication_order))
    assert stored == {entity_id: publication_order(entity_id) for entity_id in BY_OWN_ID}
    assert api_ids(data_client, "/api/v1/search?sort=newest") == BY_OWN_ID
    assert api_ids(data_client, "/api/v1/search") == BY_OWN_ID  # browsing is newest first
    html = data_client.get("/search?sort=newest").get_data(as_text=True)
    links = re.findall(r'class="card__name"><a href="/notices/[a-z-]+/([0-9-]+)[?"]', html)
    assert links == [dash(entity_id) for entity_id in BY_OWN_ID]


def test_a_later_load_comes_first_whatever_its_number(data_app, data_client, tmp_path):
    older_number = red("2001/00001", "LATECOMER", "OTTO", "1970", "M", ["NL"], [("NL", "Theft")])
    extract = write_extract(tmp_path / "later", {"red": [older_number]})
    invoke(data_app, ["load", str(extract)])
    assert api_ids(data_client, "/api/v1/search?sort=newest") == ["2001/00001", *BY_OWN_ID]
    assert api_ids(data_client, "/api/v1/search?q=latecomer&sort=newest") == ["2001/00001"]


def test_cards_show_the_day_added_in_a_time_element(data_client, data_sessions):
    with data_sessions() as session:
        added = session.query(Notice.first_published).filter_by(entity_id=EXAMPLEMAN).scalar()
    day = added.date().isoformat()
    english = data_client.get("/search?q=exampleman").get_data(as_text=True)
    assert re.search(rf'Added <time datetime="{day}">[^<]*{added.year}</time>', english)
    assert "Updated" not in english  # changed the day it was added: said once
    arabic = data_client.get("/ar/search?q=exampleman").get_data(as_text=True)
    shown = re.search(rf'<time datetime="{day}">([^<]+)</time>', arabic).group(1)
    assert str(added.year) in shown and re.search("[\u0600-\u06ff]", shown)  # month in Arabic


def test_the_detail_page_shows_both_dates(data_client, data_sessions):
    with data_sessions() as session, session.begin():
        notice = session.query(Notice).filter_by(entity_id=EXAMPLEMAN).one()
        notice.first_published = notice.first_published.replace(year=2025, month=3, day=5)
        notice.last_changed = notice.first_published.replace(month=4, day=7)
    html = data_client.get(f"/notices/red/{dash(EXAMPLEMAN)}").get_data(as_text=True)
    assert "Published on this service" in html and "Last changed" in html
    assert '<time datetime="2025-03-05">March 5, 2025</time>' in html
    assert '<time datetime="2025-04-07">April 7, 2025</time>' in html
    french = data_client.get(f"/fr/notices/red/{dash(EXAMPLEMAN)}").get_data(as_text=True)
    assert '<time datetime="2025-03-05">5 mars 2025</time>' in french
    document = data_client.get(f"/api/v1/notices/red/{dash(EXAMPLEMAN)}").get_json()
    assert document["first_published"].startswith("2025-03-05T")
    assert document["last_changed"].startswith("2025-04-07T")
