""" "If you have information" on notice pages: the directory's contact of each wanted-by country
(or the country of disappearance) in the page's language, the police advice on every notice,
the operator's contact on UN notices; a directory reload dates the page anew."""

from __future__ import annotations

import re
import time
from html import unescape

from sqlalchemy import event

from tests.web.contact_directory import ADVICE, DIRECTORY, load_directory
from tests.web.dataset import EXAMPLE_TRADING, EXAMPLEMAN, FICTIONELLA, SAMPLEDIN, TESTOVA, dash


def section(response) -> str:
    """The HTML of the page's "If you have information" section."""
    html = response.get_data(as_text=True)
    match = re.search(r'<section [^>]*id="section-contacts".*?</section>', html, re.S)
    assert match, "no contacts section"
    return match.group(0)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_a_red_notice_shows_the_contact_of_its_wanted_by_country(loaded_app, tmp_path):
    load_directory(loaded_app, tmp_path)
    response = loaded_app.test_client().get(f"/notices/red/{dash(EXAMPLEMAN)}")
    html = section(response)
    assert '<h2 id="heading-contacts">If you have information</h2>' in html
    assert '<h3 class="contact__country">France</h3>' in html
    assert "<bdi>Demo Liaison Office for France</bdi>" in html
    assert '<a href="tel:+442079460011" dir="ltr">+44 20 7946 0011</a>' in html
    assert '<a href="mailto:liaison-fr@example.org" dir="ltr">' in html
    assert '<a href="https://example.org/demo-liaison/fr" dir="ltr">' in html
    assert '<p class="contact__note">Fictitious office, open around the clock.</p>' in html
    # Wanted by the ICC too, which the directory lacks: the advice covers it.
    assert html.count('class="contact"') == 1
    assert text(html).endswith(ADVICE)


def test_the_arabic_page_names_the_country_and_shows_the_arabic_note(loaded_app, tmp_path):
    load_directory(loaded_app, tmp_path)
    html = section(loaded_app.test_client().get(f"/ar/notices/red/{dash(EXAMPLEMAN)}"))
    assert '<h2 id="heading-contacts">إذا كانت لديك معلومات</h2>' in html
    assert '<h3 class="contact__country">فرنسا</h3>' in html
    assert "<dt>الهاتف</dt>" in html
    assert '<p class="contact__note">مكتب وهمي يعمل على مدار الساعة.</p>' in html
    assert "لا تقترب من الشخص بنفسك أبدًا" in html


def test_a_note_in_another_language_says_which(loaded_app, tmp_path):
    """Latvia's note is only in Russian: English and Chinese readers get it, marked as
    Russian, so that screen readers and fonts do the right thing."""
    load_directory(loaded_app, tmp_path)
    client = loaded_app.test_client()
    for prefix in ("", "/zh"):
        html = section(client.get(f"{prefix}/notices/yellow/{dash(TESTOVA)}"))
        assert "Demo Liaison Office for Latvia" in html  # the country of disappearance
        assert '<p class="contact__note" lang="ru" dir="auto">Вымышленное бюро.</p>' in html
    french = section(client.get(f"/fr/notices/red/{dash(EXAMPLEMAN)}"))
    assert '<p class="contact__note" lang="en" dir="auto">Fictitious office' in french


def test_without_a_contact_the_page_still_tells_readers_what_to_do(loaded_app, tmp_path):
    load_directory(loaded_app, tmp_path)
    client = loaded_app.test_client()
    html = section(client.get(f"/notices/red/{dash(FICTIONELLA)}"))  # wanted by DE only
    assert 'class="contact"' not in html
    assert text(html) == f"If you have information {ADVICE}"
    russian = section(client.get(f"/ru/notices/red/{dash(FICTIONELLA)}"))
    assert "обратитесь в местную полицию" in russian


def test_un_notices_offer_the_operators_contact_when_there_is_one(data_app_with, tmp_path):
    app = data_app_with(CONTACT_EMAIL="desk@example.org", CONTACT_URL="https://example.org/help")
    load_directory(app, tmp_path)
    client = app.test_client()
    person = section(client.get(f"/notices/un-person/{dash(SAMPLEDIN)}"))
    assert 'class="contact"' not in person
    assert ADVICE in text(person)
    assert "Questions about this notice on this service:" in person
    assert '<a href="mailto:desk@example.org" dir="ltr">desk@example.org</a>' in person
    entity = section(client.get(f"/notices/un-entity/{dash(EXAMPLE_TRADING)}"))
    assert "If you have information about this entity, contact your local police." in entity
    assert "https://example.org/help" in entity
    red = section(client.get(f"/notices/red/{dash(EXAMPLEMAN)}"))
    assert "desk@example.org" not in red


def test_a_directory_reload_makes_cached_copies_stale(loaded_app, tmp_path):
    load_directory(loaded_app, tmp_path)
    client = loaded_app.test_client()
    url = f"/notices/red/{dash(EXAMPLEMAN)}"
    modified = client.get(url).headers["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    time.sleep(1.1)  # HTTP dates count whole seconds
    load_directory(loaded_app, tmp_path, DIRECTORY.replace("0011", "0012"))
    fresh = client.get(url, headers={"If-Modified-Since": modified})
    assert fresh.status_code == 200
    assert "+44 20 7946 0012" in section(fresh)


def test_the_directory_is_read_once_per_change_not_once_per_page(loaded_app, tmp_path):
    load_directory(loaded_app, tmp_path)
    reads = contact_table_reads(loaded_app)
    client = loaded_app.test_client()
    pages = (f"/notices/red/{dash(EXAMPLEMAN)}", f"/fr/notices/yellow/{dash(TESTOVA)}")
    for url in pages:
        assert "Demo Liaison Office" in section(client.get(url))
    assert len(reads) == 1
    load_directory(loaded_app, tmp_path, DIRECTORY.replace("Latvia", "Latvija"))
    reads.clear()  # the load's own reads
    assert "Demo Liaison Office for Latvija" in section(
        client.get(f"/notices/yellow/{dash(TESTOVA)}")
    )
    assert len(reads) == 1


def contact_table_reads(app) -> list[str]:
    """Statements that read the contact table itself, from now on."""
    found: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        if re.search(r"\bFROM contact\b", statement):
            found.append(statement)

    event.listen(app.extensions["notices"].engine, "before_cursor_execute", note)
    return found
