"""A real Chromium on the recent view and on the search page's feed and download links, on a
phone and a desktop, in English and Arabic: axe-core finds nothing, nothing is wider than the
screen, the links download what they say. Screenshots go to test-artifacts/."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.web.browser import axe_violations, close_page, needs_axe, needs_chromium, open_page, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = {"recent": "/recent", "recent-un": "/recent?kind=un", "search": "/search?kind=red"}


@needs_axe
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("device", list(WIDTHS))
def test_recent_and_search_links_pass_axe_and_fit(demo_site, browser, lang, device):
    width, height = WIDTHS[device]
    page = open_page(browser, width, height, bypass_csp=True)
    report = []
    for name, path in {**PAGES, "data": "/data"}.items():
        page.goto(f"{demo_site}/{lang}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, device)
        shot(page, f"open-data-{lang}-{device}-{name}")
        report += [f"{name}: {line}" for line in axe_violations(page)]
    close_page(page)
    assert report == [], "\n".join(report)


def test_the_recent_view_reads_newest_first_and_its_tabs_work(demo_site, browser):
    page = open_page(browser, 390, 844)
    page.goto(f"{demo_site}/en/recent")
    assert page.locator("h1").inner_text() == "Recently added"
    assert page.locator(".card").count() == 20  # a page of the 67 notices of one load
    assert page.locator(".card__dates time").first.get_attribute("datetime")
    page.get_by_role("link", name="Missing", exact=True).click()
    page.wait_for_url("**/en/recent?kind=yellow")
    kinds = set(page.locator(".card__kind").all_text_contents())
    assert kinds == {"Missing person"}
    head = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert head.get_attribute("href") == "/en/feeds/recent.atom?kind=yellow"
    assert page.console_errors == []
    close_page(page)


def test_the_search_page_offers_its_feed_and_downloads(demo_site, browser):
    page = open_page(browser, 1280, 900, accept_downloads=True)
    page.goto(f"{demo_site}/en/search?q=exampleman&kind=red")
    feed = page.get_by_role("link", name="Follow this search (Atom feed)")
    assert feed.get_attribute("href") == "/en/feeds/search.atom?q=exampleman&kind=red"
    head = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert head.get_attribute("href") == feed.get_attribute("href")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("notices-search-")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0].startswith("# Notices are published") and rows[1][0] == "entity_id"
    assert "2024/00101" in [row[0] for row in rows[2:]]
    shot(page, "open-data-en-desktop-search-links")
    close_page(page)
