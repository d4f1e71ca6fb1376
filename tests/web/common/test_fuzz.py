"""Hostile query strings on every public route never cause a 500: a result or a clear 400."""

from __future__ import annotations

import shutil
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notices import create_app
from tests.web.conftest import _config, _copy_dataset

PAGE_PARAMS = [
    "q",
    "forename",
    "name",
    "kind",
    "nationality",
    "wanted_by",
    "sex",
    "age_min",
    "age_max",
    "has_picture",
    "keywords",
    "sort",
    "page",
    "per_page",
    "un_reference",
    "un_resolution",
    "lang",
]
COMPAT_PARAMS = [
    "forename",
    "name",
    "nationality",
    "ageMin",
    "ageMax",
    "sexId",
    "arrestWarrantCountryId",
    "freeText",
    "page",
    "resultPerPage",
]
ROUTES = [
    ("/search", PAGE_PARAMS),
    ("/api/v1/search", PAGE_PARAMS),
    ("/notices/v1/red", COMPAT_PARAMS),
    ("/notices/v1/yellow", COMPAT_PARAMS),
    ("/notices/v1/un/persons", COMPAT_PARAMS),
    ("/notices/v1/un/entities", COMPAT_PARAMS),
]

NASTY = st.sampled_from(
    [
        "^.{5}$",
        "name:* OR (",
        "*",
        "?",
        "\\",
        "'",
        '"',
        "NOT",
        "AND OR",
        "(((",
        ")))",
        "[a-z]+",
        "%",
        "%00",
        "\x00",
        "\u202e",
        "\ud800",
        "🙂" * 50,
        "ـ",
        "\u0301",
        "a" * 5000,
        "-1",
        "0",
        "99999999999999999999",
        "1e400",
        "NaN",
        "inf",
        " ",
        "",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "../../etc/passwd",
        "red,yellow",
        "XX",
        "M",
        "F",
        "true",
        "2",
        "160",
        "161",
    ]
)
VALUES = st.one_of(NASTY, st.text(max_size=60), st.integers(-(10**12), 10**12).map(str))


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory, indexed_dataset):
    root = tmp_path_factory.mktemp("fuzz")
    _copy_dataset(indexed_dataset, root)
    app = create_app({**_config(root), "RATELIMIT_ENABLED": False})
    yield app.test_client()
    app.extensions["notices"].engine.dispose()
    shutil.rmtree(root, ignore_errors=True)


def _query(params: dict[str, str]) -> str:
    return urlencode(params, encoding="utf-8", errors="surrogatepass")


@pytest.mark.parametrize(("route", "names"), ROUTES)
def test_hostile_parameters_never_cause_a_server_error(fuzz_client, route, names):
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.dictionaries(st.sampled_from(names), VALUES, max_size=4))
    def check(params):
        response = fuzz_client.get(f"{route}?{_query(params)}")
        assert response.status_code in (200, 302, 400), (params, response.status_code)
        if route.startswith(("/api/", "/notices/v1/")) and response.status_code == 400:
            assert response.get_json()["error"]["message"]

    check()


@given(kind=st.text(max_size=20), entity=st.text(max_size=30))
@settings(
    max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
def test_hostile_notice_paths_are_404_never_500(fuzz_client, kind, entity):
    for template in ("/notices/{}/{}", "/api/v1/notices/{}/{}", "/notices/v1/{}/{}"):
        path = template.format(kind, entity).replace("?", "%3F").replace("#", "%23")
        response = fuzz_client.get(path)
        assert response.status_code < 500, (path, response.status_code)


@pytest.mark.parametrize("page", ["-1", "0", "10000000", "99999999999999999999"])
def test_negative_or_huge_pages_are_clear(fuzz_client, page):
    response = fuzz_client.get(f"/api/v1/search?q=test&page={page}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.get_json()["results"] == []


@pytest.mark.parametrize("route", ["/search", "/api/v1/search"])
def test_any_name_or_keyword_text_gets_an_answer(fuzz_client, route):
    """Free text is never a client error: whatever is typed, the search answers (or says why)."""

    @settings(
        max_examples=80,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        st.dictionaries(
            st.sampled_from(["q", "forename", "name", "keywords"]),
            st.one_of(NASTY, st.text(max_size=80)),
            min_size=1,
            max_size=3,
        )
    )
    def check(params):
        # The page redirects a form with empty fields to its short URL: follow it.
        response = fuzz_client.get(f"{route}?{_query(params)}", follow_redirects=True)
        assert response.status_code in (200, 400), (params, response.status_code)
        if response.status_code == 400:  # only for text no search can use, and it says so
            body = response.get_json() if route.startswith("/api/") else None
            assert body is None or body["error"]["parameter"] in params

    check()
