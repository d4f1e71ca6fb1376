"""A notice prints on one A4 page: picture, names, key facts, whom to contact, disclaimer and
the page's address as text; no navigation and no language links."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import ARTIFACTS, close_page, needs_chromium, open_page

pytestmark = [pytest.mark.browser, needs_chromium]

NOTICES = ["/notices/red/2024-00101", "/ar/notices/red/2024-00101", "/notices/un-person/2019-00088"]


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


@pytest.mark.parametrize("path", NOTICES)
def test_a_notice_prints_on_one_a4_page_without_navigation(demo_site, browser, path):
    page = open_page(browser, 1280, 900)
    page.goto(demo_site + path)
    page.emulate_media(media="print")
    assert not page.locator("#language-switcher").is_visible()
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".notice__api").is_visible()
    address = page.locator(".print-url")
    assert address.is_visible()
    assert address.inner_text().endswith(path)
    assert page.locator("#notice-disclaimer").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".contacts__advice").is_visible()  # every notice: call the police
    if "/red/" in path:  # wanted by France, whose (fictitious) contact is in the directory
        assert page.locator(".contact").first.is_visible()
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"print{path.replace('/', '-')}.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == 1
    close_page(page)


def test_the_print_address_is_hidden_on_screen(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(demo_site + NOTICES[0])
    assert not page.locator(".print-url").is_visible()
    close_page(page)
