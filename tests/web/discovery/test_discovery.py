"""robots.txt and the sitemap: active notices are listed, withdrawn ones drop out at once."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.web.dataset import EXAMPLEMAN, dash
from tests.web.helpers import reload_without

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client) -> list[str]:
    index = ET.fromstring(client.get("/sitemap.xml").data)
    urls = []
    for loc in index.findall("s:sitemap/s:loc", NS):
        path = loc.text.removeprefix("http://localhost")
        urls += [u.text for u in ET.fromstring(client.get(path).data).findall("s:url/s:loc", NS)]
    return urls


def test_robots_txt_allows_pages_and_names_the_sitemap(data_client):
    response = data_client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    assert "Disallow: /api/" in text
    assert "Disallow: /notices/red" not in text


def test_the_sitemap_lists_every_active_notice_page(data_client, data_sessions):
    from sqlalchemy import select

    from notices.models import STATUS_ACTIVE, Notice

    with data_sessions() as session:
        active = session.execute(
            select(Notice.kind, Notice.entity_id).where(Notice.status == STATUS_ACTIVE)
        ).all()
    urls = sitemap_urls(data_client)
    assert sorted(urls) == sorted(
        f"http://localhost/notices/{kind}/{dash(entity_id)}" for kind, entity_id in active
    )
    assert data_client.get("/sitemaps/notices-2.xml").status_code == 404


def test_a_withdrawn_notice_leaves_the_sitemap_at_the_next_load(data_app, data_client, tmp_path):
    url = f"http://localhost/notices/red/{dash(EXAMPLEMAN)}"
    assert url in sitemap_urls(data_client)
    reload_without(data_app, tmp_path, EXAMPLEMAN)
    assert url not in sitemap_urls(data_client)
