"""A real Chromium on a notice with a contact of the (fictitious demo) directory, on a phone and
a desktop, in English and Arabic: the contact is there and usable, nothing is wider than the
screen, axe-core finds no violation. Screenshots go to test-artifacts/ for a human look."""

from __future__ import annotations

import pytest

from tests.web.browser import (
    ARTIFACTS,
    axe_violations,
    close_page,
    needs_axe,
    needs_chromium,
    open_page,
)
from tests.web.dataset import EXAMPLEMAN, dash

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium, needs_axe]

NAMES = {"en": "If you have information", "ar": "إذا كانت لديك معلومات"}
COUNTRY = {"en": "France", "ar": "فرنسا"}


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_notice_shows_its_contact(demo_site, browser, lang, width, height):
    page = open_page(browser, width, height, bypass_csp=True)  # axe is injected as a script
    page.goto(f"{demo_site}/{lang}/notices/red/{dash(EXAMPLEMAN)}")
    contacts = page.get_by_role("region", name=NAMES[lang])
    assert contacts.is_visible()
    contact = contacts.locator(".contact")
    assert contact.get_by_role("heading", name=COUNTRY[lang]).is_visible()
    assert "Demo Liaison Office for France" in contact.inner_text()
    phone = contact.get_by_role("link", name="+44 20 7946 0010")  # fictional: Ofcom's drama range
    assert phone.get_attribute("href") == "tel:+442079460010"
    assert contact.get_by_role("link", name="liaison-fr@example.net").is_visible()
    assert page.locator(".contacts__advice").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    contacts.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"contacts-{lang}-{width}.png"))
    assert axe_violations(page) == []
    assert page.console_errors == []
    close_page(page)
