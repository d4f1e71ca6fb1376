"""Name and keyword search through the engine, including hostile input that must never raise."""

from __future__ import annotations

from datetime import date

import pytest

from search_index import PersonName, SearchQuery, search


@pytest.fixture
def text_home(home, make_doc):
    docs = [
        make_doc(
            1,
            family="ZARVONI",
            forename="Elmira",
            keywords="Fraude fiscale; blanchiment",
            nationalities=["XA"],
        ),
        make_doc(
            2,
            family="KESTREL",
            forename="Bodo",
            keywords="Armed robbery of a bank\r\n",
            nationalities=["XB"],
        ),
        make_doc(
            3, family="ZARVONI", forename="Tamas", keywords="涉嫌洗钱和诈骗", nationalities=["XB"]
        ),
        make_doc(
            4,
            family="ORLOVSKAYA",
            forename="Vesna",
            keywords="Мошенничество в крупном размере",
            names=[PersonName("Vesna", "ORLOVSKAYA"), PersonName("Весна", "Орловская")],
        ),
        make_doc(5, family="HALVARD", forename="Ruun", keywords="money laundering, fraud"),
    ]
    home.rebuild(docs)
    return home


def numbers(page) -> list[int]:
    return [int(hit.entity_id.split("/")[1]) for hit in page.hits]


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ("fraud", {1, 5}),  # words of 4+ letters also match as prefixes: "fraude"
        ("fraude", {1}),
        ("BLANCHIMENT", {1}),
        ("launder", {5}),  # word prefix
        ("money fraud", {5}),  # every word must occur
        ("money robbery", set()),
        ("洗钱", {3}),
        ("诈骗", {3}),
        ("мошенничество", {4}),
        ("МОШЕННИЧЕСТВО размере", {4}),
        ("bank", {2}),
    ],
)
def test_keywords(text_home, keywords, expected):
    assert set(numbers(search(text_home, SearchQuery(keywords=keywords)))) == expected


def test_keywords_without_words_do_not_filter(text_home):
    assert search(text_home, SearchQuery(keywords=" ;;; ")).total == 5


def test_name_search_exact_and_misspelt(text_home):
    exact = search(text_home, SearchQuery(text="Elmira Zarvoni"))
    assert numbers(exact)[0] == 1
    assert exact.hits[0].band == "strong" and exact.hits[0].score >= 85
    assert exact.hits[0].why
    misspelt = search(text_home, SearchQuery(text="ZARVOMI"))
    assert set(numbers(misspelt)) == {1, 3}
    transposed = search(text_home, SearchQuery(family_name="Kestrle"))
    assert numbers(transposed) == [2]
    first_letter = search(text_home, SearchQuery(family_name="Gestrel"))  # no first-letter gate
    assert numbers(first_letter) == [2]


def test_name_in_another_script(text_home):
    assert numbers(search(text_home, SearchQuery(text="Орловская Весна")))[0] == 4
    assert numbers(search(text_home, SearchQuery(text="Vesna Orlovskaya")))[0] == 4


def test_name_and_filters(text_home):
    page = search(text_home, SearchQuery(family_name="Zarvoni", nationalities=("XB",)))
    assert numbers(page) == [3]
    assert page.facets["nationality"] == {"XB": 1}


def test_unknown_name_finds_nothing(text_home):
    page = search(text_home, SearchQuery(text="Qwyxtrplm"))
    assert page.total == 0 and page.hits == []


def test_non_name_hits_carry_no_score(text_home):
    hit = search(text_home, SearchQuery(keywords="bank")).hits[0]
    assert (hit.score, hit.band, hit.why) == (None, None, None)


HOSTILE = [
    "name:* OR (",
    "^.{5}$",
    "*",
    "?",
    '"unclosed',
    "AND OR NOT",
    "field:[a TO",
    "\\",
    "\u0301",  # a lone combining mark
    "\u0301\u0308\u0327" * 50,
    "🙂🙃👩‍👩‍👧",
    "\x00\x01\x7f",
    "\u202e\u200f",  # bidi controls
    "a" * 100_000,
    " ".join(["Zarvoni"] * 5000),
    "ﷺ",
    "\ud800",  # a lone surrogate
    "",
    "   ",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
def test_hostile_text_never_raises(text_home, text):
    for query in (
        SearchQuery(text=text),
        SearchQuery(forename=text, family_name=text, kinds=("red",)),
        SearchQuery(keywords=text),
        SearchQuery(un_reference=text, un_resolution=text),
    ):
        page = search(text_home, query)
        assert page.total >= 0 and len(page.hits) <= page.per_page


def test_hostile_numbers_never_raise(text_home):
    for query in (
        SearchQuery(page=0, per_page=0),
        SearchQuery(page=-5, per_page=-1),
        SearchQuery(page=10**30, per_page=10**30),
        SearchQuery(age_min=10**30, age_max=-(10**30)),
        SearchQuery(age_min=-1, today=date(1, 1, 1)),
        SearchQuery(age_max=0, today=date(9999, 12, 31)),
    ):
        page = search(text_home, query)
        assert page.page >= 1 and 1 <= page.per_page <= 500
