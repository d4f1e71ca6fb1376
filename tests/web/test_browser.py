"""A real Chromium against the real app over HTTP, on demo data: search a misspelt name, filter,
open a notice, read the disclaimer. Screenshots go to test-artifacts/ for a human look."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from notices import create_app
from notices.db import upgrade
from tests.web.dataset import write_extract
from tests.web.helpers import invoke, serving

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason=f"Chromium is not installed at {CHROMIUM}"),
]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The app serving 60 generated demo notices plus the web dataset, loaded and indexed."""
    root = tmp_path_factory.mktemp("browser")
    app = create_app({
        "TESTING": True, "SECRET_KEY": "test-secret",
        "DATABASE_URL": f"sqlite:///{root / 'notices.db'}",
        "INDEX_DIR": str(root / "index"), "MEDIA_DIR": str(root / "media"),
    })
    upgrade(app.config["DATABASE_URL"])
    extract = root / "extract"
    invoke(app, ["demo-data", str(extract), "--count", "60", "--seed", "7"])
    write_extract(extract)  # known names to search for, beside the generated ones
    invoke(app, ["load", str(extract), "--full"])
    invoke(app, ["index", "rebuild"])
    with serving(app) as base_url:
        yield base_url
    app.extensions["notices.engine"].dispose()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, width: int, height: int):
    """A page that records console errors (a CSP violation would show up there)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.console_errors = []
    page.on("console", lambda message: message.type == "error"
            and page.console_errors.append(message.text))
    return page


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


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
    page.wait_for_url(re.compile(r"/notices/red/2024-00104$"))
    assert page.locator("h1").inner_text() == "GIULIA FICTIONELLA"
    disclaimer = page.locator("[id*=disclaimer]")
    assert disclaimer.is_visible() and "presumed innocent" in disclaimer.inner_text()
    shot(page, "04-notice")
    assert page.console_errors == []
    page.close()


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
    page.close()


def test_the_skip_link_leads_to_the_content(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(demo_site + "/about")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()
