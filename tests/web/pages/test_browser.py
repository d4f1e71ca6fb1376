"""A real Chromium against the real app over HTTP, on demo data: search a misspelt name, filter,
open a notice, read the disclaimer. Screenshots go to test-artifacts/ for a human look."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import close_page, needs_chromium, open_page, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]


def test_search_filter_and_read_a_notice_on_a_desktop(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(demo_site + "/")
    assert page.locator("#demo-banner").is_visible()
    shot(page, "01-home")

    page.get_by_label("Name", exact=True).fill("fictionely")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search\?q=fictionely"))
    assert "notices found" in page.locator("#result-count").inner_text()
    names = page.locator(".card__name").all_inner_texts()
    assert "MARCO FICTIONELLI" in names and "GIULIA FICTIONELLA" in names
    shot(page, "02-results")

    page.get_by_role("combobox", name="Nationality").select_option("IT")
    page.get_by_role("radio", name="Female").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"/search\?q=fictionely&nationality=IT&sex=F$"))  # no empties
    assert page.locator(".card__name").all_inner_texts() == ["GIULIA FICTIONELLA"]
    assert page.locator("#result-count").inner_text() == "1 notice found"
    shot(page, "03-filtered")

    page.get_by_role("link", name="GIULIA FICTIONELLA").click()
    page.wait_for_url(re.compile(r"/notices/red/2024-00104\?from="))  # remembers the search
    assert page.locator("h1").inner_text() == "GIULIA FICTIONELLA"
    disclaimer = page.locator("[id*=disclaimer]")
    assert disclaimer.is_visible() and "presumed innocent" in disclaimer.inner_text()
    shot(page, "04-notice")
    assert page.console_errors == []
    close_page(page)


def test_pages_read_well_on_a_phone(demo_site, browser):
    page = open_page(browser, 390, 844)
    page.goto(demo_site + "/search?q=johan+exampleman")
    assert page.locator(".card__name").first.inner_text() == "JOHAN ALEXANDER EXAMPLEMAN"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the screen
    shot(page, "05-phone-results")
    page.goto(demo_site + "/notices/red/2024-00101")
    assert page.locator("img").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "06-phone-notice")
    page.goto(demo_site + "/notices/red/2099-00001")
    shot(page, "07-not-found")
    assert page.console_errors == [] or all("404" in e for e in page.console_errors)
    close_page(page)


def test_the_skip_link_leads_to_the_content(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(demo_site + "/about")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    close_page(page)
