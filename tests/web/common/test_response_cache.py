"""Kept answers are the answers a fresh render gives: after loads, contact loads, an index that
catches up, in every language and for every host; and they are served again without a render."""

from __future__ import annotations

import shutil
import threading
import zlib

from notices import create_app
from notices.domain import DEMO_MARKER_FILE, KINDS
from notices.indexing import catch_up
from notices.web.common import response_cache
from search_index import searching
from tests.web.contact_directory import load_directory
from tests.web.dataset import DOCUMENTS, EXAMPLEMAN, FICTIONELLA, dash, red, write_extract
from tests.web.helpers import invoke, reload_without

DETAIL = f"/notices/red/{dash(EXAMPLEMAN)}"
CACHED_URLS = [
    "/search?q=EXAMPLEMAN",
    DETAIL,
    "/api/v1/search?q=EXAMPLEMAN",
    f"/api/v1/notices/red/{dash(EXAMPLEMAN)}",
    "/notices/v1/red?name=EXAMPLEMAN",
    f"/notices/v1/red/{dash(EXAMPLEMAN)}",
]


def stats(client) -> dict:
    return client.get("/readyz").get_json()["response_cache"]


def test_an_answer_asked_again_is_served_from_the_cache_byte_for_byte(data_client):
    for url in CACHED_URLS:
        first = data_client.get(url)
        before = stats(data_client)
        again = data_client.get(url)
        assert first.status_code == again.status_code == 200, url
        assert again.data == first.data, url
        assert again.headers["ETag"] == first.headers["ETag"], url
        assert stats(data_client)["hits"] == before["hits"] + 1, url
        # The headers every response gets are there on a kept answer too.
        assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
        revalidated = data_client.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert revalidated.status_code == 304, url


def test_a_withdrawal_is_gone_from_every_kept_answer_at_once(data_app, data_client, tmp_path):
    for url in CACHED_URLS:
        assert data_client.get(url).status_code == 200
    reload_without(data_app, tmp_path, EXAMPLEMAN)
    assert data_client.get(DETAIL).status_code == 410
    assert data_client.get(f"/api/v1/notices/red/{dash(EXAMPLEMAN)}").status_code == 410
    assert data_client.get(f"/notices/v1/red/{dash(EXAMPLEMAN)}").status_code == 410
    assert DETAIL not in data_client.get("/search?q=EXAMPLEMAN").get_data(as_text=True)
    found = data_client.get("/api/v1/search?q=EXAMPLEMAN").get_json()["results"]
    assert EXAMPLEMAN not in {result["entity_id"] for result in found}
    listed = data_client.get("/notices/v1/red?name=EXAMPLEMAN").get_data(as_text=True)
    assert dash(EXAMPLEMAN) not in listed


def test_a_contacts_load_shows_on_a_kept_notice_page(data_app, data_client, tmp_path):
    assert "Demo Liaison Office for France" not in data_client.get(DETAIL).get_data(as_text=True)
    load_directory(data_app, tmp_path)
    assert "Demo Liaison Office for France" in data_client.get(DETAIL).get_data(as_text=True)


def test_a_load_that_changes_nothing_keeps_the_kept_answers(data_app, data_client, tmp_path):
    """An unchanged reload commits a load but changes nothing a page shows; a load that turns
    the data into a demonstration does, and every kept answer is rendered again."""
    for url in CACHED_URLS:
        assert data_client.get(url).status_code == 200
    before = stats(data_client)
    kinds = [arg for kind in KINDS for arg in ("--kind", kind)]
    same = write_extract(tmp_path / "same", DOCUMENTS)
    assert "unchanged" in invoke(data_app, ["load", str(same), "--full", *kinds]).output
    for url in CACHED_URLS:
        assert data_client.get(url).status_code == 200
    assert stats(data_client)["hits"] == before["hits"] + len(CACHED_URLS)
    (same / DEMO_MARKER_FILE).write_text("fictitious\n")
    invoke(data_app, ["load", str(same), "--full", *kinds])
    assert "fictitious demonstration data" in data_client.get(DETAIL).get_data(as_text=True)
    assert stats(data_client)["hits"] == before["hits"] + len(CACHED_URLS)


def test_each_language_and_host_gets_its_own_answer(data_app_with):
    app = data_app_with(TRUSTED_HOSTS=["localhost", "notices.example.net"])
    client = app.test_client()
    for language, word in (("fr", 'lang="fr"'), ("ar", 'lang="ar"'), ("en", 'lang="en"')):
        by_header = client.get("/search", headers={"Accept-Language": language})
        assert word in by_header.get_data(as_text=True), language
        client.set_cookie("lang", language)
        assert word in client.get("/search").get_data(as_text=True), language
        client.delete_cookie("lang")
    url = f"/api/v1/notices/red/{dash(EXAMPLEMAN)}"
    for host in ("localhost", "notices.example.net"):
        links = client.get(url, headers={"Host": host}).get_json()["links"]
        assert links["self"].startswith(f"http://{host}/"), host


NEWCOMER = "/notices/red/2024-00999"


def test_a_node_serves_a_new_notice_once_its_index_catches_up(app_config, data_app, tmp_path):
    """Two nodes on one database: node B's answers follow its own index, not only the data."""
    node_b_index = tmp_path / "index-b"
    shutil.copytree(data_app.config["INDEX_DIR"], node_b_index)
    node_b = create_app({**data_app.config, "INDEX_DIR": str(node_b_index)})
    client_b = node_b.test_client()
    assert NEWCOMER not in client_b.get("/search?q=NEWCOMERSON").get_data(as_text=True)
    assert client_b.get(DETAIL).status_code == 200
    newcomer = red("2024/00999", "NEWCOMERSON", "ERIK", "1975/05/05", "M", ["SE"], [("SE", "x")])
    kept = [doc for doc in DOCUMENTS["red"] if doc["entity_id"] != EXAMPLEMAN]
    documents = {**DOCUMENTS, "red": [*kept, newcomer]}
    extract = write_extract(tmp_path / "more", documents)
    invoke(data_app, ["load", str(extract), "--full", "--allow-mass-withdrawal"])
    # A withdrawal is gone from node B as soon as the load commits, before its index follows.
    assert client_b.get(DETAIL).status_code == 410
    # The data moved on but node B's index has not: its answer is rendered again, without him.
    assert NEWCOMER not in client_b.get("/search?q=NEWCOMERSON").get_data(as_text=True)
    services = node_b.extensions["notices"]
    assert catch_up(services.sessions, services.index) > 0
    assert NEWCOMER in client_b.get("/search?q=NEWCOMERSON").get_data(as_text=True)
    services.engine.dispose()


def test_while_the_new_commit_is_read_the_kept_answers_of_the_one_before_are_served(
    data_app, tmp_path, monkeypatch
):
    """While another thread of the worker reads the new commit, a thread answers from the one
    it had, kept answers included; once it is read, the new commit's answer is made."""
    node_b_index = tmp_path / "index-b"
    shutil.copytree(data_app.config["INDEX_DIR"], node_b_index)
    node_b = create_app({**data_app.config, "INDEX_DIR": str(node_b_index)})
    client = node_b.test_client()
    newcomer = red("2024/00999", "NEWCOMERSON", "ERIK", "1975/05/05", "M", ["SE"], [("SE", "x")])
    extract = write_extract(tmp_path / "more", {**DOCUMENTS, "red": [*DOCUMENTS["red"], newcomer]})
    invoke(data_app, ["load", str(extract), "--full"])
    assert NEWCOMER not in client.get("/search?q=NEWCOMERSON").get_data(as_text=True)
    services = node_b.extensions["notices"]
    assert catch_up(services.sessions, services.index) > 0
    started, release = threading.Event(), threading.Event()
    read = searching._read_snapshot
    monkeypatch.setattr(
        searching, "_read_snapshot", lambda *a: (started.set(), release.wait(10), read(*a))[2]
    )
    loader = threading.Thread(target=services.index.searcher)
    loader.start()
    assert started.wait(10)
    before = stats(client)
    assert NEWCOMER not in client.get("/search?q=NEWCOMERSON").get_data(as_text=True)
    assert stats(client)["hits"] == before["hits"] + 1
    release.set()
    loader.join(10)
    assert NEWCOMER in client.get("/search?q=NEWCOMERSON").get_data(as_text=True)
    services.engine.dispose()


NOTICE_ANSWERS = [
    DETAIL,
    f"/api/v1/notices/red/{dash(EXAMPLEMAN)}",
    f"/notices/v1/red/{dash(EXAMPLEMAN)}",
]


def test_notice_answers_outlive_an_index_rebuild_but_search_answers_do_not(data_app, data_client):
    """A notice's own answer reads only the database: a new index generation leaves it kept,
    while every answer that searched, a notice opened from a search included, is made again."""
    searched = ["/search?q=EXAMPLEMAN", f"{DETAIL}?from=q%3DEXAMPLEMAN"]
    for url in NOTICE_ANSWERS + searched:
        assert data_client.get(url).status_code == 200
    before = stats(data_client)
    invoke(data_app, ["index", "rebuild"])
    for url in NOTICE_ANSWERS + searched:
        assert data_client.get(url).status_code == 200
    after = stats(data_client)
    assert after["hits"] == before["hits"] + len(NOTICE_ANSWERS)
    assert after["misses"] == before["misses"] + len(searched)


def test_a_new_day_renders_ages_again(data_client, monkeypatch):
    url = f"/notices/red/{dash(FICTIONELLA)}"
    data_client.get(url)
    before = stats(data_client)
    data_client.get(url)
    assert stats(data_client)["hits"] == before["hits"] + 1
    today = response_cache._today()
    monkeypatch.setattr(response_cache, "_today", lambda: today.replace(year=today.year + 1))
    data_client.get(url)
    assert stats(data_client)["misses"] == before["misses"] + 1


def test_the_cache_can_be_turned_off(data_app_with):
    off = data_app_with(RESPONSE_CACHE_MB=0).test_client()
    assert off.get("/search?q=EXAMPLEMAN").status_code == 200
    assert stats(off) is None


def test_the_cache_stays_within_its_size(data_app_with):
    small = data_app_with(RESPONSE_CACHE_MB=0.1).test_client()
    for number in range(60):
        assert small.get(f"/search?q=NAME{number}").status_code == 200
    kept = stats(small)
    assert 0 < kept["megabytes"] <= 0.1 and 0 < kept["entries"] < 60, kept


def test_kept_answers_are_packed_so_the_cache_holds_several_times_its_size(data_app_with):
    client = data_app_with(RESPONSE_CACHE_MB=1).test_client()
    pages = [client.get(f"/search?q=NAME{number}").get_data() for number in range(20)]
    kept = stats(client)
    assert kept["entries"] == 20
    assert abs(kept["unpacked_megabytes"] - sum(map(len, pages)) / 2**20) <= 0.01, kept
    assert kept["unpacked_megabytes"] >= 3 * kept["megabytes"], kept
    again = [client.get(f"/search?q=NAME{number}").get_data() for number in range(20)]
    assert again == pages and stats(client)["hits"] == kept["hits"] + 20


def test_a_client_that_accepts_gzip_gets_the_same_answer_compressed(data_client):
    gzip_ok = {"Accept-Encoding": "gzip, deflate, br"}
    for url in CACHED_URLS:
        plain = data_client.get(url)
        for _ in range(2):  # rendered then kept, and kept
            packed = data_client.get(url, headers=gzip_ok)
            assert packed.headers["Content-Encoding"] == "gzip", url
            assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data)
            assert zlib.decompress(packed.data, wbits=31) == plain.data, url
            assert "Accept-Encoding" in packed.headers["Vary"], url
            assert "Accept-Encoding" in plain.headers["Vary"], url
            # Two representations, two validators: a cache must not swap one for the other.
            assert packed.headers["ETag"] != plain.headers["ETag"], url
        again = data_client.get(url, headers={**gzip_ok, "If-None-Match": packed.headers["ETag"]})
        assert again.status_code == 304, url
        other = data_client.get(url, headers={"If-None-Match": packed.headers["ETag"]})
        assert other.status_code == 200 and other.data == plain.data, url


def test_a_client_that_refuses_gzip_gets_it_plain(data_client):
    for accept in ("gzip;q=0", "identity", "br"):
        answer = data_client.get(DETAIL, headers={"Accept-Encoding": accept})
        assert "Content-Encoding" not in answer.headers, accept
        assert "EXAMPLEMAN" in answer.get_data(as_text=True), accept
