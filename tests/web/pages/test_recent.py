"""Recently added: the last 30 days of additions and withdrawals, newest first, by kind tab,
paged; a withdrawal shows its kind and day only, never who it was about."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from notices.models import Notice
from tests.web.dataset import EXAMPLEMAN, TESTOVA
from tests.web.helpers import add_notices, reload_without


def card_links(html: str) -> list[str]:
    return re.findall(r'class="card__name"><a href="/notices/[a-z-]+/([0-9-]+)"', html)


def test_additions_newest_first_with_the_day_added(data_client):
    html = data_client.get("/recent").get_data(as_text=True)
    assert card_links(html) == [
        "2024-00104",
        "2024-00103",
        "2024-00102",
        "2024-00101",
        "2023-04567",
        "2020-00007",
        "2019-00088",
    ]
    assert "7 notices added or withdrawn" in html
    assert re.search(r'Added <time datetime="\d{4}-\d\d-\d\d">', html)
    assert 'type="application/atom+xml" href="/feeds/recent.atom"' in html


def test_kind_tabs(data_client):
    assert card_links(data_client.get("/recent?kind=yellow").get_data(as_text=True)) == [
        "2023-04567"
    ]
    un = data_client.get("/recent?kind=un").get_data(as_text=True)
    assert card_links(un) == ["2020-00007", "2019-00088"]
    assert 'aria-current="page" class="current">UN sanctions' in un
    assert 'href="/feeds/recent.atom?kind=un"' in un
    assert len(card_links(data_client.get("/recent?kind=nonsense").get_data(as_text=True))) == 7


def test_withdrawals_show_no_personal_data(data_app, data_client, tmp_path):
    reload_without(data_app, tmp_path, TESTOVA)
    html = data_client.get("/recent").get_data(as_text=True)
    main = html[html.index("<main") :]
    assert "A notice was withdrawn" in main and "Withdrawn <time datetime=" in main
    assert "TESTOVA" not in main and "2023-04567" not in main and "2023/04567" not in main
    assert "Missing person" in main  # the kind is said
    assert "2023-04567" not in card_links(html)
    # Newest first: the withdrawal happened after every addition.
    assert main.index("A notice was withdrawn") < main.index("2024-00104")


def test_only_the_last_thirty_days(data_client, data_sessions):
    with data_sessions() as session, session.begin():
        notice = session.query(Notice).filter_by(entity_id=EXAMPLEMAN).one()
        notice.first_published = datetime.now() - timedelta(days=31)
    links = card_links(data_client.get("/recent").get_data(as_text=True))
    assert len(links) == 6 and "2024-00101" not in links


def test_pages_of_twenty(data_app, data_client):
    add_notices(data_app, 25, first_published=datetime.now())
    first = data_client.get("/recent").get_data(as_text=True)
    assert len(card_links(first)) == 20 and card_links(first)[0] == "2025-90024"
    assert "page 1 of 2" in first and 'href="/recent?page=2"' in first
    second = data_client.get("/recent?page=2").get_data(as_text=True)
    assert len(card_links(second)) == 12
    assert data_client.get("/recent?page=0").status_code == 400


def test_recent_in_arabic(data_client):
    html = data_client.get("/ar/recent").get_data(as_text=True)
    assert "المضاف حديثًا" in html and 'dir="rtl"' in html
