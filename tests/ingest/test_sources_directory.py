"""Directory sources: layout, pictures, and refusal of links, special and unreadable files."""

from __future__ import annotations

import json
import os

import pytest

from notices.ingest.sources import FetchOptions, ReadError, SourceError, open_source
from tests.fakeservice import notice_document, sample_tree, write_notice


def summary(items):
    """What a loader sees of each item."""
    return [
        (
            item.origin,
            item.kind,
            item.entity_id_hint,
            item.document["entity_id"] if item.document else None,
            item.rejection.reason if item.rejection else None,
            [(picture.picture_id, picture.read()) for picture in item.pictures],
        )
        for item in items
    ]


def test_directory_yields_every_kind_in_order_with_pictures(tmp_path):
    source = open_source(str(sample_tree(tmp_path)))

    assert summary(source) == [
        (
            "red/2024-00002.json",
            "red",
            "2024/00002",
            "2024/00002",
            None,
            [("1", b"red-2-pic-1"), ("2", b"red-2-pic-2")],
        ),
        ("red/2024-00010.json", "red", "2024/00010", "2024/00010", None, []),
        (
            "yellow/2023-00003.json",
            "yellow",
            "2023/00003",
            "2023/00003",
            None,
            [("7", b"yellow-pic")],
        ),
        ("un/persons/2019-00004.json", "un-person", "2019/00004", "2019/00004", None, []),
        ("un/entities/2018-00005.json", "un-entity", "2018/00005", "2018/00005", None, []),
    ]
    assert source.kinds_present() == {"red", "yellow", "un-person", "un-entity"}
    assert source.complete


def test_only_the_kinds_asked_for_are_read(tmp_path):
    source = open_source(str(sample_tree(tmp_path)), kinds={"yellow", "un-entity"})

    assert [item.kind for item in source] == ["yellow", "un-entity"]
    assert source.kinds_present() == {"yellow", "un-entity"}


def test_kinds_present_lists_only_directories_that_exist(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1))
    (tmp_path / "yellow").mkdir()  # an empty kind directory still says "no yellow notices"

    assert open_source(str(tmp_path)).kinds_present() == {"red", "yellow"}


def test_images_list_orders_pictures_and_reports_missing_files(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1), {"1": b"one", "2": b"two"})
    listing = {
        "_embedded": {"images": [{"picture_id": "2"}, {"picture_id": "1"}, {"picture_id": "9"}]}
    }
    (tmp_path / "red" / "2024-00001" / "images.json").write_text(json.dumps(listing))

    notice, missing = open_source(str(tmp_path))

    assert [p.picture_id for p in notice.pictures] == ["2", "1"]
    assert missing.document is None
    assert missing.rejection.reason == "listed pictures missing: 9"
    assert missing.entity_id_hint == "2024/00001"


BAD_DOCUMENTS = [
    (b"\x89PNG\r\n\x1a\n not json", "not valid UTF-8 at byte 0"),
    (b"plain text, no JSON", "invalid JSON at line 1 column 1"),
    ('{"name": "TESTNAME-1"}'.encode("utf-16"), "UTF-16 byte order mark"),
    (b'{"name": "TESTNAME-\xe9"}', "not valid UTF-8 at byte 19"),
    (b'{"entity_id": "2024/00001", "name": "TEST', "truncated JSON"),
    (b"[" * 100_000, "nested deeper than 64 levels"),
    (b'{"a": ' + b'{"b": ' * 70 + b"1" + b"}" * 71, "nested deeper than 64 levels"),
    (b'{"height": NaN}', "NaN is not allowed"),
    (b'{"name": "A", "name": "B"}', "duplicate key 'name'"),
    (b'["2024/00001"]', "top level is an array"),
    (b"", "empty document"),
]


@pytest.mark.parametrize(("content", "reason"), BAD_DOCUMENTS)
def test_an_unreadable_document_is_one_rejection_naming_the_notice(tmp_path, content, reason):
    (tmp_path / "red").mkdir()
    (tmp_path / "red" / "2024-00001.json").write_bytes(content)
    write_notice(tmp_path, "red", notice_document("red", 2))

    broken, good = open_source(str(tmp_path))

    assert broken.document is None and broken.pictures == []
    assert reason in broken.rejection.reason
    assert (broken.kind, broken.entity_id_hint) == ("red", "2024/00001")
    assert broken.rejection.entity_id == "2024/00001"
    assert good.document["entity_id"] == "2024/00002"


def test_a_utf8_byte_order_mark_is_tolerated(tmp_path):
    (tmp_path / "red").mkdir()
    document = json.dumps(notice_document("red", 1)).encode()
    (tmp_path / "red" / "2024-00001.json").write_bytes(b"\xef\xbb\xbf" + document)

    [item] = open_source(str(tmp_path))

    assert item.document == notice_document("red", 1)


def test_size_limits_apply_to_documents_and_pictures(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1), {"1": b"x" * 5000})
    write_notice(tmp_path, "red", notice_document("red", 2, distinguishing_marks="m" * 5000))
    options = FetchOptions(max_json_bytes=1000, max_picture_bytes=1000)

    small, large = open_source(str(tmp_path), fetch=options)

    assert large.rejection.reason == "larger than the limit of 1000 bytes"
    with pytest.raises(ReadError, match="larger than the limit of 1000 bytes"):
        small.pictures[0].read()


def test_symbolic_links_are_never_followed(tmp_path):
    outside = tmp_path / "outside"
    write_notice(outside, "red", notice_document("red", 99, name="SECRET-OUTSIDE"))
    (outside / "photo.jpg").write_bytes(b"outside picture")
    tree = tmp_path / "tree"
    write_notice(tree, "red", notice_document("red", 1), {"1": b"inside"})
    os.symlink(outside / "red" / "2024-00099.json", tree / "red" / "2024-00003.json")
    os.symlink(outside / "photo.jpg", tree / "red" / "2024-00001" / "images" / "2.jpg")
    os.symlink(outside / "red", tree / "yellow")  # a whole kind directory

    source = open_source(str(tree))
    items = list(source)

    assert "SECRET-OUTSIDE" not in repr([item.document for item in items])
    assert summary(items) == [
        ("yellow", None, None, None, "symbolic link not followed", []),
        ("red/2024-00001.json", "red", "2024/00001", "2024/00001", None, [("1", b"inside")]),
        (
            "red/2024-00001/images/2.jpg",
            "red",
            "2024/00001",
            None,
            "symbolic link not followed",
            [],
        ),
        ("red/2024-00003.json", "red", "2024/00003", None, "symbolic link not followed", []),
    ]
    assert source.kinds_present() == {"red"}


def test_a_fifo_is_refused_without_blocking(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1))
    os.mkfifo(tmp_path / "red" / "2024-00002.json")

    items = summary(open_source(str(tmp_path)))

    assert items[1] == ("red/2024-00002.json", "red", "2024/00002", None, "not a regular file", [])


def test_stray_files_that_look_like_notices_are_reported_others_ignored(tmp_path):
    write_notice(tmp_path, "red", notice_document("red", 1), {"1": b"one"})
    (tmp_path / "red" / "notes.json").write_text("{}")
    (tmp_path / "red" / "README.md").write_text("notes")
    (tmp_path / "red" / ".DS_Store").write_bytes(b"\0\0")
    (tmp_path / "red" / "2024-00001" / "images" / "cover.jpg").write_bytes(b"cover")
    (tmp_path / "red" / "2024-00001" / "images" / "Thumbs.db").write_bytes(b"thumbs")

    items = summary(open_source(str(tmp_path)))

    assert items == [
        ("red/notes.json", "red", None, None, "file name is not a notice id (YYYY-NNNNN.json)", []),
        ("red/2024-00001.json", "red", "2024/00001", "2024/00001", None, [("1", b"one")]),
        (
            "red/2024-00001/images/cover.jpg",
            "red",
            "2024/00001",
            None,
            "picture file name is not a number",
            [],
        ),
    ]


def test_pictures_without_their_document_are_reported(tmp_path):
    images = tmp_path / "red" / "2024-00005" / "images"
    images.mkdir(parents=True)
    (images / "1.jpg").write_bytes(b"orphan")

    [item] = open_source(str(tmp_path))

    assert item.rejection.reason == "pictures without the notice document red/2024-00005.json"
    assert item.entity_id_hint == "2024/00005"


@pytest.mark.parametrize("make", ["missing", "empty", "unknown kind"])
def test_unusable_sources_raise_a_clear_error(tmp_path, make):
    spec, kinds, message = str(tmp_path / "nowhere"), None, "no such file or directory"
    if make == "empty":
        spec, message = str(tmp_path), "holds none of the notice directories"
    elif make == "unknown kind":
        spec, kinds, message = str(sample_tree(tmp_path)), {"blue"}, "unknown notice kind 'blue'"

    with pytest.raises(SourceError, match=message):
        open_source(spec, kinds=kinds)


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_a_tree_of_many_notice_folders_is_read_whole_and_left_with_no_folder_open(tmp_path):
    # More notice folders than the source keeps open at once: some are reopened.
    for number in range(1, 41):
        write_notice(tmp_path, "red", notice_document("red", number), {"1": b"pic-%d" % number})
    before = _open_descriptors()

    seen = [
        (item.entity_id_hint, [picture.read() for picture in item.pictures])
        for item in open_source(str(tmp_path))
    ]

    assert seen == [(f"2024/{n:05d}", [b"pic-%d" % n]) for n in range(1, 41)]
    assert _open_descriptors() == before


def test_a_folder_swapped_for_a_link_after_listing_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "1.jpg").write_bytes(b"outside picture")
    tree = tmp_path / "tree"
    for number in range(1, 41):
        write_notice(tree, "red", notice_document("red", number), {"1": b"inside"})
    items = iter(open_source(str(tree)))  # lists the tree, and opens folders as it goes

    for number in range(1, 41):
        folder = tree / "red" / f"2024-{number:05d}"
        (folder / "images").rename(tmp_path / f"moved-{number}")
        os.symlink(outside, folder / "images")
    read = []
    for item in items:
        for picture in item.pictures:
            try:
                read.append(picture.read())
            except ReadError as error:
                read.append(str(error))

    assert b"outside picture" not in read
    assert set(read) <= {b"inside", "symbolic link not followed"}
    assert len(read) == 40
