"""Phone-first filters in a real Chromium: on a phone a closed "Filters" control sits above the
results with the filters in use shown, and opens them; on a desktop they are simply there."""

from __future__ import annotations

import pytest

from tests.web.browser import axe_violations, close_page, needs_axe, needs_chromium, open_page, shot

pytestmark = [pytest.mark.browser, needs_chromium]

FILTERED = "/search?nationality=FR&sex=M"


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_on_a_phone_the_filters_open_from_the_top(demo_site, browser, prefix):
    page = open_page(browser, 390, 844)
    page.goto(demo_site + prefix + FILTERED)
    summary = page.locator(".filters-summary")
    first_card = page.locator(".result-list .card").first
    assert summary.is_visible()
    assert summary.bounding_box()["y"] < first_card.bounding_box()["y"]
    assert page.locator(".active-filters").is_visible()
    assert page.locator(".active-filters").bounding_box()["y"] < first_card.bounding_box()["y"]
    assert not page.locator("#nationality").is_visible()  # closed until asked for
    summary.click()
    assert page.locator("#nationality").is_visible()
    shot(page, f"phone-filters{prefix.replace('/', '-')}")
    close_page(page)


def test_on_a_desktop_the_filters_are_shown_beside_the_results(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(demo_site + FILTERED)
    assert not page.locator(".filters-summary").is_visible()
    assert page.locator("#nationality").is_visible()
    assert page.locator("#filters-heading").is_visible()
    close_page(page)


@needs_axe
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_phone_filters_have_no_accessibility_violation(demo_site, browser, prefix):
    page = open_page(browser, 390, 844, bypass_csp=True)
    page.goto(demo_site + prefix + FILTERED + "&page=1&kind=un")
    page.locator(".filters-summary").click()
    assert axe_violations(page) == []
    close_page(page)
