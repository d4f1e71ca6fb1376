"""Six UI languages: how the language is chosen, links that keep it, the switcher, CLDR names,
numbers and dates, right-to-left markup, translated API errors."""

from __future__ import annotations

import re
from html import unescape

import pytest
from babel import Locale
from werkzeug.exceptions import TooManyRequests

from notices.web.common.errors import handle_http_error
from notices.web.i18n.locale import LOCALES, text_direction
from tests.web.dataset import EXAMPLEMAN, SAMPLEDIN, dash
from tests.web.pages.test_detail_pages import field

DETAIL = f"/notices/red/{dash(EXAMPLEMAN)}"


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


def page_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize(
    "lang, tag",
    [
        ("ar", '<html lang="ar" dir="rtl">'),
        ("en", '<html lang="en" dir="ltr">'),
        ("es", '<html lang="es" dir="ltr">'),
        ("fr", '<html lang="fr" dir="ltr">'),
        ("ru", '<html lang="ru" dir="ltr">'),
        ("zh", '<html lang="zh-Hans" dir="ltr">'),
    ],
)
def test_pages_declare_their_language_and_direction(loaded_client, lang, tag):
    assert html_tag(loaded_client.get(f"/{lang}/about")) == tag
    assert html_tag(loaded_client.get(f"/{lang}/no-such-page")) == tag  # error pages too
    assert text_direction(Locale.parse(lang)) == ("rtl" if lang == "ar" else "ltr")


def test_the_url_prefix_beats_the_cookie_which_beats_accept_language(loaded_client):
    assert (
        page_lang(loaded_client.get("/about", headers={"Accept-Language": "de, en;q=0.5"})) == "en"
    )
    assert (
        page_lang(loaded_client.get("/about", headers={"Accept-Language": "ru, fr;q=0.5"})) == "ru"
    )
    assert page_lang(loaded_client.get("/about", headers={"Accept-Language": "zh-CN"})) == "zh-Hans"
    assert page_lang(loaded_client.get("/about")) == "en"
    loaded_client.set_cookie("lang", "es")
    assert page_lang(loaded_client.get("/about", headers={"Accept-Language": "ru"})) == "es"
    assert page_lang(loaded_client.get("/fr/about", headers={"Accept-Language": "ru"})) == "fr"
    loaded_client.set_cookie("lang", "xx")  # not offered: ignored
    assert page_lang(loaded_client.get("/about", headers={"Accept-Language": "ru"})) == "ru"


def test_apis_follow_the_prefix_and_accept_language_but_not_the_cookie(loaded_client):
    loaded_client.set_cookie("lang", "es")
    english = loaded_client.get("/api/v1/search?sex=X").get_json()
    assert english["error"]["message"] == "sex must be one of M, F, U"
    french = loaded_client.get("/api/v1/search?sex=X", headers={"Accept-Language": "fr"})
    assert french.get_json()["error"]["message"].startswith("sex doit prendre")
    assert "Accept-Language" in french.headers["Vary"]
    russian = loaded_client.get("/ru/notices/v1/red?ageMin=x").get_json()
    assert russian["error"] == {
        "code": "bad_request",
        "parameter": "ageMin",
        "message": "ageMin: нужно целое число",
    }
    assert "ордером на арест" in russian["disclaimer"]
    document = loaded_client.get(f"/zh/api/v1/notices/red/{dash(EXAMPLEMAN)}").get_json()
    assert {"code": "FR", "label": "法国"} in document["nationalities"]  # keys stay English


def test_links_on_a_prefixed_page_keep_the_language(data_client):
    html = data_client.get("/ar/search?q=exampleman").get_data(as_text=True)
    assert 'action="/ar/search"' in html
    assert f'href="/ar{DETAIL}?from=' in html  # the card remembers the search
    assert 'href="/ar/about"' in html
    # Language-neutral resources have one URL whatever the language.
    assert re.search(r'href="/static/site\.css\?v=[0-9a-f]+"', html)
    assert re.search(r'src="/pictures/[0-9a-f]{64}\.jpg"', html)
    redirect = data_client.get("/fr/search?q=exampleman&name=&sort=relevance")
    assert redirect.status_code == 302 and redirect.location == "/fr/search?q=exampleman"
    detail = data_client.get(f"/fr{DETAIL}").get_data(as_text=True)
    assert f'href="/fr/api/v1/notices/red/{dash(EXAMPLEMAN)}"' in detail


def test_the_switcher_links_keep_the_page_and_query(data_client):
    html = unescape(data_client.get("/fr/search?q=exampleman&kind=red").get_data(as_text=True))
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher))
    assert set(links.values()) == {"ar", "en", "es", "ru", "zh-Hans"}  # all but the current
    assert (
        '<span class="current" aria-current="true" lang="fr" dir="ltr">Français</span>' in switcher
    )
    assert 'lang="ar" hreflang="ar" dir="rtl">العربية</a>' in switcher
    to_arabic = next(url for url, lang in links.items() if lang == "ar")
    response = data_client.get(to_arabic)
    assert response.status_code == 303
    assert response.location == "/ar/search?q=exampleman&kind=red"
    assert "lang=ar" in response.headers["Set-Cookie"]
    assert page_lang(data_client.get("/search")) == "ar"  # remembered


@pytest.mark.parametrize(
    "target, location",
    [
        ("//evil.example/x", "/ru/"),
        ("https://evil.example/", "/ru/"),
        ("/\\evil", "/ru/"),
        ("/fr/about", "/ru/about"),
        ("/es", "/ru/"),
        ("/about?x=1", "/ru/about?x=1"),
        (None, "/ru/"),
        ("/x\r\nSet-Cookie: a=b", "/ru/"),
        ("/search?q=محمد", "/ru/search?q=%D9%85%D8%AD%D9%85%D8%AF"),
    ],
)
def test_the_switcher_only_returns_to_this_site(loaded_client, target, location):
    query = {"next": target} if target is not None else {}
    response = loaded_client.get("/language/ru", query_string=query)
    assert response.status_code == 303 and response.location == location


def test_unknown_languages_are_not_prefixes(loaded_client):
    assert loaded_client.get("/de/about").status_code == 404
    assert loaded_client.get("/language/de").status_code == 404


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            {
                "Date of birth": "April 12, 1980",
                "Height": "1.83 m",
                "Weight": "82 kg",
                "Eye colour": "Hazel",
                "Hair": "Black",
                "Languages spoken": "French German",
            },
        ),
        (
            "fr",
            {
                "Date de naissance": "12 avril 1980",
                "Taille": "1,83 m",
                "Poids": "82 kg",
                "Couleur des yeux": "Noisette",
                "Cheveux": "Noirs",
                "Langues parlées": "français allemand",
            },
        ),
        (
            "ru",
            {
                "Дата рождения": "12 апреля 1980 г.",
                "Рост": "1,83 м",
                "Вес": "82 кг",
                "Цвет глаз": "Ореховые",
                "Волосы": "Чёрные",
            },
        ),
        ("zh", {"出生日期": "1980年4月12日", "身高": "1.83米", "国籍": "法国 比利时"}),
        (
            "ar",
            {
                "الطول": "1.83 متر",
                "الوزن": "82 كغم",
                "لون العينين": "عسلية",
                "الشعر": "أسود",
                "الجنسية": "فرنسا بلجيكا",
            },
        ),
        ("es", {"Estatura": "1,83 m", "Color de ojos": "Color avellana", "Cabello": "Negro"}),
    ],
)
def test_detail_values_are_written_the_locales_way(loaded_client, lang, expected):
    response = loaded_client.get(f"/{lang}{DETAIL}")
    for label, value in expected.items():
        assert field(response, label).startswith(value), (label, field(response, label))


def test_card_facts_are_lists_in_the_locales_style(data_client):
    arabic = unescape(data_client.get("/ar/search?q=exampleman").get_data(as_text=True))
    assert "فرنسا وبلجيكا" in arabic
    chinese = unescape(data_client.get("/zh/search?q=exampleman").get_data(as_text=True))
    assert "法国和比利时" in chinese
    assert re.search(r'role="status"[^>]*>找到 \d+ 条通报<', chinese)


def test_why_it_matched_isolates_latin_names_in_arabic(data_client):
    html = data_client.get("/ar/search?q=fictionely+marco").get_data(as_text=True)
    assert "<bdi>FICTIONELY</bdi> ≈ <bdi>FICTIONELLI</bdi> (تهجئة متشابهة)" in html
    assert "؛ " in html  # the Arabic semicolon between reasons
    api = data_client.get("/api/v1/search?q=fictionely", headers={"Accept-Language": "fr"})
    whys = [result["why"] for result in api.get_json()["results"]]
    assert "FICTIONELY ≈ FICTIONELLI (orthographe proche)" in whys


def test_arabic_counts_use_the_right_plural_form(data_client):
    html = unescape(data_client.get("/ar/search?q=fictionely").get_data(as_text=True))
    assert "عُثر على نشرتين" in html  # two: the dual, no digit
    html = unescape(data_client.get("/ar/search?q=zzzzqqqq").get_data(as_text=True))
    assert "لم يُعثر على أي نشرة" in html


def test_original_script_names_are_isolated(loaded_client):
    html = loaded_client.get(f"/fr/notices/un-person/{dash(SAMPLEDIN)}").get_data(as_text=True)
    assert "<bdi>سامبلدين</bdi>" in html


@pytest.mark.parametrize(
    "lang, title", [("fr", "Trop de requêtes"), ("ar", "طلبات كثيرة جدًا"), ("zh", "请求过多")]
)
def test_too_many_requests_is_translated(bare_app, lang, title):
    with bare_app.test_request_context("/about", headers={"Accept-Language": lang}):
        response = handle_http_error(TooManyRequests())
    assert response.status_code == 429
    assert f"<h1>{title}</h1>" in response.get_data(as_text=True)
    with bare_app.test_request_context("/api/v1/search", headers={"Accept-Language": lang}):
        body = handle_http_error(TooManyRequests()).get_json()
    assert body["error"]["code"] == "too_many_requests" and body["disclaimer"]


def test_every_language_is_offered_and_compiled(loaded_client):
    english = loaded_client.get("/en/about").get_data(as_text=True)
    for lang in LOCALES:
        html = loaded_client.get(f"/{lang}/about").get_data(as_text=True)
        heading = re.search(r"<h1>(.*?)</h1>", html).group(1)
        assert (heading == "About this service") == (lang == "en"), lang
        assert (html == english) == (lang == "en")


def test_prefixes_work_under_a_mount_point(loaded_client):
    mounted = {"SCRIPT_NAME": "/mount"}
    html = loaded_client.get("/fr/about", environ_overrides=mounted).get_data(as_text=True)
    assert page_lang_of(html) == "fr"
    assert 'href="/mount/fr/about"' in html
    assert re.search(r'href="/mount/static/site\.css\?v=', html)
    assert 'href="/mount/language/ar?next=/about"' in html
    response = loaded_client.get("/language/ar?next=/about", environ_overrides=mounted)
    assert response.location == "/mount/ar/about"
    assert "Path=/mount" in response.headers["Set-Cookie"]


def page_lang_of(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)
