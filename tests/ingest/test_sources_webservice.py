"""Web service sources against a real HTTP fake on 127.0.0.1 that enforces the 160-result cap."""

from __future__ import annotations

import pytest

from notices.ingest.sources import FetchOptions, SourceError, open_source
from notices.ingest.sources.webservice import WebServiceSource
from tests.fakeservice import FakeNoticeService, notice_document, sample_tree, write_notice

FAST = FetchOptions(rate_per_second=None, retries=3, backoff_base=0.001, timeout=5)


def documents_by_id(items):
    return {item.document["entity_id"]: item for item in items if item.document is not None}


def crowded_tree(root):
    """400 red notices: 185 French (175 men, so sex and age splits are needed), a few other
    nationalities, 59 without nationality and 6 without nationality or date of birth."""
    for number in range(1, 401):
        fields = {"sex_id": "M", "date_of_birth": f"{1950 + number % 55}/0{1 + number % 9}/15"}
        if number <= 175:
            fields["nationalities"] = ["FR"]
        elif number <= 185:
            fields.update(nationalities=["FR"], sex_id="F")
        elif number <= 245:
            fields["nationalities"] = ["DE", "IT"] if number % 3 == 0 else ["DE"]
        elif number <= 295:
            fields["nationalities"] = ["IT"]
        elif number <= 335:
            fields.update(nationalities=["ES"], sex_id="U" if number % 2 else "F")
        elif number <= 394:
            fields.update(nationalities=None, sex_id="F" if number % 2 else "M")
        else:  # reachable only through the initial of the family name
            fields.update(
                nationalities=[], date_of_birth=None, name=f"{'ABCXYZ'[number - 395]}NONAT-{number}"
            )
        pictures = {"1": f"picture of {number}".encode()} if number % 50 == 0 else None
        write_notice(root, "red", notice_document("red", number, **fields), pictures)
    return root


def test_every_notice_is_reached_exactly_once_despite_the_cap(tmp_path):
    with FakeNoticeService(crowded_tree(tmp_path)) as service:
        source = open_source(service.base_url, kinds={"red"}, fetch=FAST)
        items = list(source)
        picture = documents_by_id(items)["2024/00050"].pictures[0]
        picture_bytes = picture.read()

    assert [item.rejection for item in items if item.rejection] == []
    assert len(items) == 400
    assert set(documents_by_id(items)) == {f"2024/{n:05d}" for n in range(1, 401)}
    assert source.complete
    assert source.kinds_present() == {"red"}
    # The cap really bit: reaching everything took sex, age and name-initial queries.
    queries = service.requested("/notices/v1/red?")
    for parameter in ("nationality=FR", "sexId=M", "ageMin=", "name=A"):
        assert any(parameter in query for query in queries), parameter
    assert (picture.picture_id, picture_bytes) == ("1", b"picture of 50")
    assert picture.origin == f"{service.base_url}/notices/v1/red/2024-00050/images/1"


def test_notices_no_query_can_reach_make_the_source_incomplete(tmp_path):
    for number in range(1, 171):  # alike in everything a query can filter on
        write_notice(tmp_path, "red", notice_document("red", number))

    with FakeNoticeService(tmp_path) as service:
        source = open_source(service.base_url, kinds={"red"}, fetch=FAST)
        items = list(source)

    assert len([item for item in items if item.document]) == 160
    assert items[-1].rejection.reason == "10 of 170 notices could not be reached by any query"
    assert not source.complete


def test_a_list_item_without_a_valid_id_is_reported_and_the_source_incomplete(tmp_path):
    for number in (1, 2):
        write_notice(tmp_path, "red", notice_document("red", number))
    write_notice(tmp_path, "red", notice_document("red", 3))
    (tmp_path / "red" / "2024-00003.json").write_text('{"entity_id": "bogus"}')

    with FakeNoticeService(tmp_path) as service:
        source = open_source(service.base_url, kinds={"red"}, fetch=FAST)
        items = list(source)

    assert [item.document["entity_id"] for item in items if item.document] == [
        "2024/00001",
        "2024/00002",
    ]
    assert [(r.json_path, r.reason) for r in (i.rejection for i in items) if r] == [
        ("$._embedded.notices[2].entity_id", "entity id 'bogus' is not of the form YYYY/NNNNN"),
        ("$", "1 of 3 notices could not be reached by any query"),
    ]
    assert not source.complete


def test_the_service_gives_the_same_documents_and_pictures_as_the_directory(tmp_path):
    tree = sample_tree(tmp_path)
    on_disk = documents_by_id(open_source(str(tree)))

    with FakeNoticeService(tree) as service:
        source = open_source(service.base_url, fetch=FAST)
        items = list(source)
        served = documents_by_id(items)
        assert {
            eid: [(p.picture_id, p.read()) for p in item.pictures] for eid, item in served.items()
        } == {
            eid: [(p.picture_id, p.read()) for p in item.pictures] for eid, item in on_disk.items()
        }

    assert [(item.kind, item.document) for item in served.values()] == [
        (item.kind, item.document) for item in on_disk.values()
    ]
    assert items[0].origin == f"{service.base_url}/notices/v1/red/2024-00002"
    assert source.kinds_present() == {"red", "yellow", "un-person", "un-entity"}


def test_transient_failures_are_retried_honouring_retry_after(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1), {"1": b"first picture"})
    write_notice(tmp_path, "red", notice_document("red", 2))
    slept = []
    with FakeNoticeService(tmp_path) as service:
        service.fail("/notices/v1/red", [503])
        service.fail("/notices/v1/red/2024-00001", [503, 429], retry_after="2")
        service.fail("/notices/v1/red/2024-00001/images/1", [502, 504])
        source = WebServiceSource(service.base_url, kinds={"red"}, options=FAST, sleep=slept.append)
        items = list(source)
        picture = items[0].pictures[0].read()
        detail_requests = service.requested("/notices/v1/red/2024-00001")

    assert [item.document["entity_id"] for item in items] == ["2024/00001", "2024/00002"]
    assert picture == b"first picture"
    assert 2.0 in slept  # the Retry-After of the 429 (the 503 has none: a short backoff)
    assert detail_requests.count("/notices/v1/red/2024-00001") == 3


def test_a_notice_that_keeps_failing_is_rejected_but_named(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1))
    write_notice(tmp_path, "red", notice_document("red", 2))

    with FakeNoticeService(tmp_path) as service:
        service.fail("/notices/v1/red/2024-00001", [500] * 10)
        source = open_source(service.base_url, kinds={"red"}, fetch=FAST)
        failed, loaded = list(source)

    assert failed.origin == f"{service.base_url}/notices/v1/red/2024-00001"
    assert failed.rejection.reason == "HTTP 500 (gave up after 4 attempts)"
    assert failed.entity_id_hint == "2024/00001"
    assert loaded.document["entity_id"] == "2024/00002"
    assert source.complete  # the failed notice is named, so a full load keeps it


def test_links_and_redirects_to_another_host_are_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    write_notice(
        elsewhere,
        "red",
        notice_document("red", 1, name="SECRET-ELSEWHERE"),
        {"1": b"secret picture"},
    )
    tree = tmp_path / "tree"
    write_notice(tree, "red", notice_document("red", 1), {"1": b"own picture"})
    write_notice(tree, "red", notice_document("red", 2))

    with FakeNoticeService(elsewhere) as other, FakeNoticeService(tree) as service:
        foreign = f"{other.base_url}/notices/v1/red/2024-00001"
        service.self_links["2024/00001"] = foreign
        service.image_links[("2024/00001", "1")] = foreign + "/images/1"
        service.redirects["/notices/v1/red/2024-00002"] = f"{other.base_url}/notices/v1/red"
        first, second = list(open_source(service.base_url, kinds={"red"}, fetch=FAST))
        picture = first.pictures[0].read()
        assert other.requests == []

    assert first.document["name"] == "TESTNAME-1"
    assert first.origin == f"{service.base_url}/notices/v1/red/2024-00001"
    assert picture == b"own picture"
    assert second.rejection.reason == "redirect to another site not followed"
    assert second.entity_id_hint == "2024/00002"


def test_over_large_responses_are_refused(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1, distinguishing_marks="x" * 3000))
    write_notice(tmp_path, "red", notice_document("red", 2), {"1": b"p" * 3000})
    options = FetchOptions(rate_per_second=None, max_json_bytes=2000, max_picture_bytes=1000)

    with FakeNoticeService(tmp_path) as service:
        large, small = list(open_source(service.base_url, kinds={"red"}, fetch=options))
        with pytest.raises(OSError, match="larger than the limit of 1000 bytes"):
            small.pictures[0].read()

    assert large.rejection.reason == "response larger than the limit of 2000 bytes"
    assert small.document["entity_id"] == "2024/00002"


def test_a_detail_that_is_another_notice_is_rejected(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1))
    write_notice(tmp_path, "red", notice_document("red", 2))

    with FakeNoticeService(tmp_path) as service:
        service.self_links["2024/00001"] = f"{service.base_url}/notices/v1/red/2024-00002"
        first, second = list(open_source(service.base_url, kinds={"red"}, fetch=FAST))

    assert first.rejection.reason == (
        "the document is notice 2024/00002, the list announced 2024/00001"
    )
    assert first.entity_id_hint == "2024/00001"
    assert second.document["entity_id"] == "2024/00002"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("http://127.0.0.1:1", "cannot use the notices service"),
        ("ftp://127.0.0.1/notices", "only http:// and https://"),
        ("http://127.0.0.1:1/?page=2", "without query"),
    ],
)
def test_an_unusable_service_is_refused_as_a_whole(spec, message):
    options = FetchOptions(rate_per_second=None, retries=1, backoff_base=0.001, timeout=2)

    with pytest.raises(SourceError, match=message):
        open_source(spec, fetch=options)
