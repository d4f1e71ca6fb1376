"""A real Chromium in Arabic, Chinese and English: axe-core finds no accessibility violation,
the Arabic layout mirrors, the search works with the keyboard alone. Screenshots of the Arabic
and Chinese pages go to test-artifacts/ for a human look."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import axe_violations, close_page, needs_axe, needs_chromium, open_page, shot
from tests.web.dataset import EXAMPLEMAN, dash

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]

DETAIL = f"/notices/red/{dash(EXAMPLEMAN)}"
# The search page empty, with results (several pages, facets, reasons) and a notice.
AUDITED = {
    "search": "/search?kind=red&sort=name",
    "results": "/search?q=exampleman+johan",
    "detail": DETAIL,
}


@needs_axe
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_finds_no_violation(demo_site, browser, lang):
    # axe is injected as a script: the test context bypasses our CSP (which forbids that).
    page = open_page(browser, 1280, 900, bypass_csp=True)
    found = {}
    for name, path in {"home": "/", **AUDITED}.items():
        page.goto(f"{demo_site}/{lang}{path}")
        found[name] = axe_violations(page)
    close_page(page)
    report = [f"{name}: {line}" for name, lines in found.items() for line in lines]
    assert report == [], "\n".join(report)


def layout_box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_arabic_pages_mirror(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(f"{demo_site}/ar/search?q=exampleman&kind=red")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    # Filters on the right of the results, the name box's label at the right edge of the form.
    assert layout_box(page, ".filters")["x"] > layout_box(page, ".results")["x"]
    label, field = layout_box(page, "label[for=q]"), layout_box(page, "#q")
    assert label["x"] + label["width"] == pytest.approx(field["x"] + field["width"], abs=2)
    assert "الجهة" in page.locator(".card__facts").first.inner_text()
    assert page.locator(".card__name bdi").first.inner_text() == "JOHAN ALEXANDER EXAMPLEMAN"
    shot(page, "ar-01-results")
    page.goto(f"{demo_site}/ar/search?kind=red&sort=name")
    next_link = page.locator("a[rel=next]")
    assert next_link.is_visible()
    # "Next" lies towards the reading direction's end: on the left in Arabic.
    assert layout_box(page, "a[rel=next]")["x"] < layout_box(page, ".pagination .current")["x"]
    shot(page, "ar-02-search")
    page.goto(f"{demo_site}/ar{DETAIL}")
    assert page.locator("h1 bdi").inner_text() == "JOHAN ALEXANDER EXAMPLEMAN"
    assert layout_box(page, ".notice__pictures")["x"] > layout_box(page, ".notice__sections")["x"]
    shot(page, "ar-03-notice")
    assert page.console_errors == []
    close_page(page)


def test_chinese_pages(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(f"{demo_site}/zh/search?q=exampleman")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert "找到" in page.locator("#result-count").inner_text()
    shot(page, "zh-01-results")
    page.goto(f"{demo_site}/zh{DETAIL}")
    assert "身高" in page.locator("#section-description").inner_text()
    shot(page, "zh-02-notice")
    close_page(page)


def test_the_language_switcher_keeps_the_page_and_remembers(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(f"{demo_site}/search?q=exampleman")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/search\?q=exampleman$"))
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.goto(f"{demo_site}/about")  # no prefix: the cookie decides
    assert page.evaluate("document.documentElement.lang") == "fr"
    close_page(page)


def test_keyboard_only_search(demo_site, browser):
    page = open_page(browser, 1280, 900)
    page.goto(f"{demo_site}/en/")
    visited = []
    for _press in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement, style = getComputedStyle(e);
            return {id: e.id, tag: e.tagName, outline: style.outlineStyle,
                    shadow: style.boxShadow};
        }""")
        visited.append(focused["id"] or focused["tag"])
        # Every stop shows where the focus is (an outline or a focus ring drawn as a shadow).
        assert focused["outline"] != "none" or focused["shadow"] != "none", focused
        if focused["id"] == "q":
            break
    assert visited[-1] == "q", visited
    page.keyboard.type("exampleman")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search\?q=exampleman$"))
    assert "notices found" in page.locator("#result-count").inner_text()
    # On to the first result with the keyboard too: Tab until its link, then Enter.
    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.card__name') !== null"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/notices/red/2024-00101\?from="))  # remembers the search
    close_page(page)
