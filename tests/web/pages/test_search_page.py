"""The search page: misspelt names, tabs, filters, facet links, paging, errors, withdrawals."""

from __future__ import annotations

import re
from html import unescape

from tests.web.dataset import EXAMPLEMAN, FICTIONELLA, FICTIONELLI, dash
from tests.web.helpers import add_notices, reload_without


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return unescape(response.get_data(as_text=True))


def status_text(html: str) -> str:
    return re.search(r'<p class="result-count" role="status"[^>]*>(.*?)</p>', html, re.S).group(1)


def result_links(html: str) -> list[str]:
    """The notice pages the result cards open (without the `from` they carry)."""
    return [
        url.split("?")[0] for url in re.findall(r'<h2 class="card__name"><a href="([^"]+)">', html)
    ]


def facet_link(html: str, label: str) -> str:
    match = re.search(rf'<a href="([^"]+)">{re.escape(label)}</a> <span class="count">', html)
    assert match, f"no facet link {label!r}"
    return match.group(1)


def test_a_misspelt_name_finds_the_notices_and_says_why(data_client):
    html = html_of(data_client.get("/search?q=fictionely"))
    assert status_text(html) == "2 notices found"
    assert set(result_links(html)) == {
        f"/notices/red/{dash(FICTIONELLI)}",
        f"/notices/red/{dash(FICTIONELLA)}",
    }
    assert "<bdi>MARCO FICTIONELLI</bdi>" in html
    assert "<bdi>FICTIONELY</bdi> ≈ <bdi>FICTIONELLI</bdi> (similar spelling)" in html
    assert re.search(r'class="band band--(strong|possible)">(Strong|Possible) match', html)
    assert 'value="fictionely"' in html  # the form keeps the query


def test_a_card_shows_picture_age_and_country_names(data_client):
    html = html_of(data_client.get("/search?q=exampleman"))
    card = html[html.index('<li class="card') : html.index("</li>", html.index('class="card__'))]
    assert re.search(r'<img src="/pictures/[0-9a-f]{64}\.jpg" alt=""', html)
    assert "France and Belgium" in html
    assert "Wanted by France and International Criminal Court" in html
    assert "years old" in card
    placeholder = html_of(data_client.get("/search?q=demovic"))
    assert '<span class="placeholder" aria-hidden="true"></span>' in placeholder


def test_without_a_query_every_notice_is_listed(data_client):
    html = html_of(data_client.get("/"))
    assert status_text(html) == "7 notices found"
    assert len(result_links(html)) == 7


def test_kind_tabs_filter_and_mark_the_current_one(data_client):
    html = html_of(data_client.get("/search?kind=un"))
    assert status_text(html) == "2 notices found"
    assert re.search(r'href="/search\?kind=un" aria-current="page"', html)
    assert status_text(html_of(data_client.get("/search?kind=red"))) == "4 notices found"
    assert status_text(html_of(data_client.get("/search?kind=yellow"))) == "1 notice found"


def test_facet_links_refine_and_can_be_removed(data_client):
    html = html_of(data_client.get("/search?kind=red"))
    italy = facet_link(html, "Italy")
    assert re.search(r'>Italy</a> <span class="count">2</span>', html)
    refined = html_of(data_client.get(italy))
    assert status_text(refined) == "2 notices found"
    assert '<span class="facet__selected">Italy</span>' in refined
    assert '<option value="IT" selected>Italy</option>' in refined
    remove = re.search(r'<span class="facet__selected">Italy</span> <a href="([^"]+)">', refined)
    assert status_text(html_of(data_client.get(remove.group(1)))) == "4 notices found"


def test_filters_combine(data_client):
    def count(query: str) -> str:
        return status_text(html_of(data_client.get("/search?" + query)))

    assert count("sex=F") == "3 notices found"
    assert count("wanted_by=914") == "1 notice found"
    assert count("wanted_by=UNK&sex=F") == "1 notice found"
    assert count("has_picture=1") == "3 notices found"
    assert count("keywords=forearm") == "1 notice found"
    assert count("nationality=it&sex=M") == "1 notice found"
    assert count("age_min=0&age_max=17") == "1 notice found"


def test_forename_and_family_name_fields(data_client):
    html = html_of(data_client.get("/search?forename=johan&name=exampleman"))
    assert result_links(html)[0] == f"/notices/red/{dash(EXAMPLEMAN)}"
    assert '<details class="more-names" open>' in html


def test_twenty_per_page_with_the_exact_total_and_every_page_reachable(data_app, data_client):
    add_notices(data_app, 33)
    html = html_of(data_client.get("/search?kind=red&sort=name"))
    assert status_text(html) == "37 notices found · page 1 of 2"
    assert len(result_links(html)) == 20
    next_url = re.search(r'<a href="([^"]+)" rel="next">Next <span', html).group(1)
    second = html_of(data_client.get(next_url))
    assert status_text(second) == "37 notices found · page 2 of 2"
    assert len(result_links(second)) == 17
    assert not set(result_links(html)) & set(result_links(second))
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_bad_parameters_give_a_400_page_that_names_them(data_client):
    response = data_client.get("/search?age_min=old")
    assert response.status_code == 400
    html = unescape(response.get_data(as_text=True))
    assert "age_min must be a whole number" in html
    assert "Check the value of “<bdi>age_min</bdi>”" in html


def test_a_withdrawn_notice_leaves_the_results_at_once(data_app, data_client, tmp_path):
    page = f"/notices/red/{dash(EXAMPLEMAN)}"
    assert page in result_links(html_of(data_client.get("/search?q=johan+exampleman")))
    reload_without(data_app, tmp_path, EXAMPLEMAN)
    assert page not in result_links(html_of(data_client.get("/search?q=johan+exampleman")))
    html = html_of(data_client.get("/search?wanted_by=914"))
    assert status_text(html) == "0 notices found"
    assert "No notice matches" in html


def test_without_an_index_the_search_is_unavailable(loaded_client):
    response = loaded_client.get("/search?q=exampleman")
    assert response.status_code == 503
    assert "not available right now" in response.get_data(as_text=True)


def test_a_submitted_form_redirects_to_a_short_bookmarkable_url(data_client):
    response = data_client.get(
        "/search?q=marco&forename=&name=&nationality=IT&sex="
        "&age_min=&sort=relevance&page=1&keywords=+"
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/search?q=marco&nationality=IT"
    assert data_client.get("/search?q=marco&nationality=IT").status_code == 200


def test_unknown_and_repeated_parameters_are_dropped_not_copied_into_every_link(data_client):
    # 1,015 unknown parameters (4 kB) used to be copied into every one of some hundred links.
    junk = "&".join(["x=y"] * 1015)
    response = data_client.get(f"/search?q=exampleman&{junk}&q=exampleman&kind=red&kind=red")
    assert response.status_code == 302
    assert response.headers["Location"] == "/search?q=exampleman&kind=red"
    page = data_client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "x=y" not in page.get_data(as_text=True)
    assert len(page.get_data()) < 100_000


def test_every_page_names_its_canonical_url_and_language_versions(data_client):
    import re

    html = data_client.get("/fr/search?q=exampleman&sort=name").get_data(as_text=True)
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == ["http://localhost/fr/search?q=exampleman&amp;sort=name"]
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(alternates) == {"ar", "en", "es", "fr", "ru", "zh-Hans", "x-default"}
    assert alternates["zh-Hans"] == "http://localhost/zh/search?q=exampleman&amp;sort=name"
    assert alternates["x-default"] == "http://localhost/search?q=exampleman&amp;sort=name"
    notice = data_client.get(f"/notices/red/{dash(EXAMPLEMAN)}").get_data(as_text=True)
    assert (
        f'<link rel="canonical" href="http://localhost/notices/red/{dash(EXAMPLEMAN)}">' in notice
    )
