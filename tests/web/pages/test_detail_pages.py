"""Notice detail pages of every kind: sections, readable labels, ages, pictures, 404 and 410."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from notices.domain import PartialDate
from tests.web.dataset import (
    DEMOVIC,
    EXAMPLE_TRADING,
    EXAMPLEMAN,
    FICTIONELLI,
    SAMPLEDIN,
    TESTOVA,
    dash,
)
from tests.web.helpers import reload_without


def page_text(response) -> str:
    """The visible text of a page, tags removed and spaces collapsed."""
    html = response.get_data(as_text=True)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def field(response, label: str) -> str:
    """The text of the <dd> after the <dt> with this label."""
    html = unescape(response.get_data(as_text=True))
    match = re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert match, f"no field {label!r}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def ages(iso: str) -> tuple[int, int]:
    return PartialDate.from_iso(iso).age_range(date.today())


def test_red_notice_shows_every_section_with_readable_labels(loaded_client):
    response = loaded_client.get(f"/notices/red/{dash(EXAMPLEMAN)}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1><bdi>JOHAN ALEXANDER EXAMPLEMAN</bdi></h1>" in html
    for heading in (
        "Identity",
        "Physical description",
        "Languages",
        "Charges",
        "About this notice",
    ):
        assert f">{heading}</h2>" in html
    age = ages("1980-04-12")[0]
    assert field(response, "Date of birth") == f"April 12, 1980 ({age} years old)"
    assert field(response, "Nationality") == "France Belgium"
    assert field(response, "Country of birth") == "France"
    assert field(response, "Eye colour") == "Hazel"
    assert field(response, "Hair") == "Black"
    assert field(response, "Languages spoken") == "French German"
    assert field(response, "Height") == "1.83 m"
    assert field(response, "Weight") == "82 kg"
    assert "Scar on the left forearm\nTattoo of an anchor" in html  # line breaks kept
    assert field(response, "Wanted by International Criminal Court") == "Crimes against humanity"
    assert "Faux et usage de faux" in field(response, "Wanted by France")


def test_partial_dates_of_birth_give_an_age_range(loaded_client):
    low, high = ages("1975")
    text = page_text(loaded_client.get(f"/notices/red/{dash(FICTIONELLI)}"))
    assert f"{low}–{high} years old" in text
    assert "Date of birth 1975" in text
    assert "Languages spoken Italian Chinese" in text  # CHI is the bibliographic code
    month = page_text(loaded_client.get(f"/notices/red/{dash(DEMOVIC)}"))
    assert "July 1990" in month
    assert "Wanted by Kosovo (UNMIK)" in month


def test_yellow_notice_shows_the_disappearance_and_parents(loaded_client):
    response = loaded_client.get(f"/notices/yellow/{dash(TESTOVA)}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1><bdi>TESTOVA</bdi></h1>" in html  # the "-" forename is not shown
    assert "Yellow notice: missing person" in html
    assert field(response, "Date of disappearance") == "May 30, 2023"
    assert field(response, "Country of disappearance") == "Latvia"
    assert field(response, "Countries likely to be visited") == "Estonia Lithuania"
    assert field(response, "Father's name") == "PETERIS TESTOV"
    assert field(response, "Birth name") == "SAMPLEVA"
    assert field(response, "Name in original script") == "ТЕСТОВА"
    assert field(response, "Languages spoken") == "Russian Latvian"


def test_un_person_notice_shows_the_listing(loaded_client):
    response = loaded_client.get(f"/notices/un-person/{dash(SAMPLEDIN)}")
    assert response.status_code == 200
    assert field(response, "UN reference") == "QDi.999"
    assert field(response, "Resolution") == "1267"
    assert field(response, "Listed on") == "March 2019"
    assert field(response, "Also known as") == "ABU EXAMPLE ABDUL SAMPLEDEEN"
    assert field(response, "Identity documents") == "Passport, 123456789, Yemen"
    assert field(response, "Addresses") == "1 Example Street, Testabad, Yemen"
    assert "<bdi>سامبلدين</bdi>" in response.get_data(as_text=True)


def test_un_entity_notice_shows_names_and_activity(loaded_client):
    response = loaded_client.get(f"/notices/un-entity/{dash(EXAMPLE_TRADING)}")
    assert response.status_code == 200
    assert field(response, "Also known as") == "EXAMPLE TRADING CO. ETC LTD"
    assert field(response, "Formerly known as") == "SAMPLE IMPEX"
    assert field(response, "Main activity") == "Import and export of fictitious goods"
    assert "Physical description" not in response.get_data(as_text=True)


def test_pictures_are_shown_with_text_alternatives(loaded_client):
    html = loaded_client.get(f"/notices/red/{dash(EXAMPLEMAN)}").get_data(as_text=True)
    sources = re.findall(r'<img src="(/pictures/[0-9a-f]{64}\.jpg)" alt="([^"]+)"', html)
    assert [alt for _, alt in sources] == [
        "Picture 1 of 2 of JOHAN ALEXANDER EXAMPLEMAN",
        "Picture 2 of 2 of JOHAN ALEXANDER EXAMPLEMAN",
    ]
    for url, _ in sources:
        assert loaded_client.get(url).mimetype == "image/jpeg"
    without = loaded_client.get(f"/notices/red/{dash(DEMOVIC)}").get_data(as_text=True)
    assert "No picture published" in without and "<img" not in without


def test_unknown_notice_is_404_and_a_bad_id_too(loaded_client):
    for url in ("/notices/red/2099-99999", "/notices/red/not-an-id", "/notices/blue/2024-00101"):
        response = loaded_client.get(url)
        assert response.status_code == 404
        assert "Page not found" in response.get_data(as_text=True)


def test_a_notice_under_another_kind_redirects_to_its_page(loaded_client):
    response = loaded_client.get(f"/notices/yellow/{dash(EXAMPLEMAN)}")
    assert response.status_code == 308
    assert response.headers["Location"].endswith(f"/notices/red/{dash(EXAMPLEMAN)}")


def test_a_withdrawn_notice_is_gone_with_its_pictures(loaded_app, loaded_client, tmp_path):
    html = loaded_client.get(f"/notices/red/{dash(EXAMPLEMAN)}").get_data(as_text=True)
    pictures = re.findall(r'src="(/pictures/[0-9a-f]{64}\.jpg)"', html)
    assert pictures
    reload_without(loaded_app, tmp_path, EXAMPLEMAN)
    response = loaded_client.get(f"/notices/red/{dash(EXAMPLEMAN)}")
    assert response.status_code == 410
    text = page_text(response)
    assert "This notice has been withdrawn" in text
    assert "EXAMPLEMAN" not in text
    for url in pictures:
        assert loaded_client.get(url).status_code == 410


@pytest.mark.parametrize("url", ["/pictures/" + "0" * 64 + ".jpg", "/pictures/xyz.jpg"])
def test_unknown_pictures_are_404(loaded_client, url):
    assert loaded_client.get(url).status_code == 404


@pytest.mark.parametrize("padded", ["%20{id}", "{id}%20", "%09{id}"])
def test_a_notice_has_one_address_padded_ids_are_not_found(data_client, padded):
    entity = padded.format(id=dash(EXAMPLEMAN))
    assert data_client.get(f"/notices/red/{entity}").status_code == 404
    assert data_client.get(f"/api/v1/notices/red/{entity}").status_code == 404
    assert data_client.get(f"/notices/v1/red/{entity}").status_code == 404


def test_a_result_leads_back_to_its_search_and_on_to_its_neighbours(data_client):
    import re
    from html import unescape

    search = data_client.get("/search?kind=red&sort=name").get_data(as_text=True)
    links = [unescape(u) for u in re.findall(r'<h2 class="card__name"><a href="([^"]+)"', search)]
    assert len(links) >= 3 and all("?from=" in link for link in links)
    middle = data_client.get(links[1]).get_data(as_text=True)
    back = unescape(re.search(r'<a href="([^"]+)">Back to the results</a>', middle).group(1))
    assert back == "/search?kind=red&sort=name"
    previous = unescape(re.search(r'<a href="([^"]+)" rel="prev">', middle).group(1))
    following = unescape(re.search(r'<a href="([^"]+)" rel="next">', middle).group(1))
    assert (previous, following) == (links[0], links[2])
    first = data_client.get(links[0]).get_data(as_text=True)
    assert 'rel="prev"' not in first and 'rel="next"' in first
    # The canonical address of a notice never carries the search.
    assert re.search(r'<link rel="canonical" href="[^"?]+">', middle)


def test_a_garbled_from_is_ignored_not_an_error(data_client):
    url = f"/notices/red/{dash(EXAMPLEMAN)}"
    for value in ("age_min%3Dold", "x%3D1", "%FF%FE", "q%3D" + "a" * 2000):
        response = data_client.get(f"{url}?from={value}")
        assert response.status_code == 200
        assert "Back to the results" not in response.get_data(as_text=True)
