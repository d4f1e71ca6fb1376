"""A search that finds nothing helps: "Did you mean" from the names in the index, parts of the
name with their counts, the name without filters, and filters that leave nothing said so."""

from __future__ import annotations

import re

from tests.web.pages.test_search_page import html_of, result_links, status_text


def section(html: str, heading_id: str) -> str:
    """The suggestions section labelled by `heading_id`, or "" when the page has none."""
    match = re.search(
        rf'<section class="suggestions" aria-labelledby="{heading_id}">(.*?)</section>', html, re.S
    )
    return match.group(1) if match else ""


def links(fragment: str) -> list[tuple[str, str]]:
    """(URL, text without tags) of every link in an HTML fragment."""
    return [
        (url, re.sub(r"<[^>]+>", "", text))
        for url, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', fragment, re.S)
    ]


def test_a_misspelt_name_gets_a_spelling_that_finds_notices_with_the_same_filters(data_client):
    html = html_of(data_client.get("/search?q=DEMOVCIHH&kind=red"))
    assert status_text(html) == "0 notices found"
    assert "<h2>No notice matches <bdi>DEMOVCIHH</bdi></h2>" in html
    spelling = section(html, "spelling-heading")
    assert '<h2 id="spelling-heading">Did you mean?</h2>' in spelling
    assert links(spelling) == [("/search?kind=red&q=DEMOVIC", "DEMOVIC")]
    assert '<span class="count">1 notice</span>' in spelling
    followed = html_of(data_client.get("/search?kind=red&q=DEMOVIC"))
    assert status_text(followed) == "1 notice found"
    assert "Try another spelling" not in html  # the suggestion replaces the generic hint


def test_parts_of_a_name_that_finds_nothing_are_offered_with_their_counts(data_client):
    html = html_of(data_client.get("/search?q=Marco+EXAMPLEMAN"))
    assert status_text(html) == "0 notices found"
    partial = section(html, "partial-heading")
    assert "Search for part of the name" in partial
    assert links(partial) == [
        ("/search?q=EXAMPLEMAN", "3 notices match EXAMPLEMAN"),
        ("/search?q=Marco", "1 notice matches Marco"),
    ]
    followed = html_of(data_client.get("/search?q=EXAMPLEMAN"))
    assert status_text(followed) == "3 notices found"


def test_a_name_the_filters_exclude_is_offered_without_them(data_client):
    html = html_of(data_client.get("/search?q=DEMOVIC&nationality=IT"))
    assert status_text(html) == "0 notices found"
    box = html[html.index('<div class="no-results">') :]
    assert links(box)[0] == ("/search?q=DEMOVIC", "1 notice matches DEMOVIC without the filters")


def test_filters_that_leave_nothing_say_so_and_offer_to_remove_them(data_client):
    html = html_of(data_client.get("/search?q=exampleman&nationality=JP&sort=name"))
    assert "No notice matches these filters, whatever the name." in html
    assert ("/search?q=exampleman&sort=name", "Remove all filters") in links(html)
    assert 'class="suggestions"' not in html  # no name suggestion for a filter failure
    browse = html_of(data_client.get("/search?nationality=JP&kind=red"))
    assert "No notice matches these filters." in browse
    assert ("/search", "Remove all filters") in links(browse)
    assert "Try another spelling" not in browse


def test_a_search_that_finds_notices_suggests_nothing(data_client):
    for url in ("/search?q=fictionely", "/search?q=demovic", "/search?nationality=IT", "/"):
        html = html_of(data_client.get(url))
        assert 'class="suggestions"' not in html
        assert "Remove all filters" not in html
    assert result_links(html_of(data_client.get("/search?q=demovic")))


def test_suggestions_in_arabic(data_client):
    html = html_of(data_client.get("/ar/search?q=Marco+EXAMPLEMAN"))
    assert 'dir="rtl"' in html
    assert "<h2>لا توجد نشرة تطابق <bdi>Marco EXAMPLEMAN</bdi></h2>" in html
    partial = section(html, "partial-heading")
    assert "البحث عن جزء من الاسم" in partial
    assert links(partial) == [
        ("/ar/search?q=EXAMPLEMAN", "3 نشرات تطابق EXAMPLEMAN"),
        ("/ar/search?q=Marco", "نشرة واحدة تطابق Marco"),
    ]
    assert "<bdi>EXAMPLEMAN</bdi>" in partial  # a Latin name keeps its order in Arabic text
    spelling = section(html_of(data_client.get("/ar/search?q=DEMOVCIHH")), "spelling-heading")
    assert "هل تقصد؟" in spelling
    assert links(spelling) == [("/ar/search?q=DEMOVIC", "DEMOVIC")]
    assert "نشرة واحدة" in spelling
    filtered = html_of(data_client.get("/ar/search?q=exampleman&nationality=JP"))
    assert "لا توجد نشرة تطابق عوامل التصفية هذه، أيًّا كان الاسم." in filtered
    assert ("/ar/search?q=exampleman", "إزالة كل عوامل التصفية") in links(filtered)
