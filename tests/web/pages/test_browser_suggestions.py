"""Suggestions for a search that finds nothing, in a real Chromium: shown on phones and
desktops in English and Arabic, followed by a tap, and without accessibility violations."""

from __future__ import annotations

import pytest

from tests.web.browser import axe_violations, close_page, needs_axe, needs_chromium, open_page, shot

pytestmark = [pytest.mark.browser, needs_chromium]

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
NOTHING_FOUND = "/search?q=Marco+EXAMPLEMAN&kind=red"  # one part alone finds notices
MISSPELT = "/search?q=DEMOVCIHH"  # three edits from DEMOVIC


@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("size", SIZES)
def test_parts_of_the_name_are_offered_and_lead_to_results(demo_site, browser, size, prefix):
    page = open_page(browser, *SIZES[size])
    page.goto(demo_site + prefix + NOTHING_FOUND)
    partial = page.locator("section.suggestions", has=page.locator("#partial-heading"))
    assert partial.is_visible()
    first = partial.locator("a").first
    assert "EXAMPLEMAN" in first.inner_text()
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size][0]  # nothing off-screen
    shot(page, f"suggestions-partial-{size}{prefix.replace('/', '-')}")
    first.click()
    page.wait_for_load_state()
    assert "q=EXAMPLEMAN" in page.url and "kind=red" in page.url
    assert page.locator(".result-list .card").count() >= 1
    assert page.console_errors == []
    close_page(page)


@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("size", SIZES)
def test_did_you_mean_is_shown_for_a_misspelt_name(demo_site, browser, size, prefix):
    page = open_page(browser, *SIZES[size])
    page.goto(demo_site + prefix + MISSPELT)
    spelling = page.locator("section.suggestions", has=page.locator("#spelling-heading"))
    assert spelling.is_visible()
    assert spelling.locator("a").first.inner_text() == "DEMOVIC"
    shot(page, f"suggestions-spelling-{size}{prefix.replace('/', '-')}")
    close_page(page)


@needs_axe
@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "url",
    [
        NOTHING_FOUND,
        MISSPELT,
        "/search?q=DEMOVIC&nationality=JP",
        "/search?q=DEMOVIC&nationality=IT",
    ],
)
def test_suggestions_have_no_accessibility_violation(demo_site, browser, size, prefix, url):
    page = open_page(browser, *SIZES[size], bypass_csp=True)
    page.goto(demo_site + prefix + url)
    if "nationality" in url:  # the filters' own answers, seen nowhere else
        country = url.rsplit("=", 1)[1].lower()
        shot(page, f"suggestions-filters-{country}-{size}{prefix.replace('/', '-')}")
    assert axe_violations(page) == []
    close_page(page)
