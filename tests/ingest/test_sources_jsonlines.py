"""JSON Lines sources: one document per line, a bad line costs only itself."""

from __future__ import annotations

import gzip
import json

import pytest

from notices.ingest.sources import FetchOptions, SourceError, open_source
from tests.fakeservice import notice_document


def lines(*documents) -> bytes:
    return b"".join(
        (d if isinstance(d, bytes) else json.dumps(d).encode()) + b"\n" for d in documents
    )


def rows(source):
    return [
        (
            item.origin,
            item.kind,
            item.entity_id_hint,
            item.document["entity_id"] if item.document else None,
            item.rejection.reason if item.rejection else None,
        )
        for item in source
    ]


def test_each_line_is_one_item_and_a_bad_line_is_one_rejection(tmp_path):
    path = tmp_path / "notices.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + lines(notice_document("red", 1))
        + b"\n   \r\n"  # blank lines are skipped
        + lines(
            b'{"entity_id": "2024/00002", "name": "TESTNAME-2", ',  # truncated
            b'{"entity_id": "2024/00003", "name": "\xff"}',  # not UTF-8
            b"[1, 2, 3]",
            notice_document("yellow", 4),
        )
        + b'{"entity_id": "2024/00005"}'  # no newline at the end of the file
    )

    source = open_source(str(path))

    assert rows(source) == [
        ("notices.jsonl:1", None, "2024/00001", "2024/00001", None),
        (
            "notices.jsonl:4",
            None,
            "2024/00002",
            None,
            "truncated JSON: ends at line 1 column 51 (Expecting property name enclosed in "
            "double quotes)",
        ),
        ("notices.jsonl:5", None, "2024/00003", None, "not valid UTF-8 at byte 37"),
        ("notices.jsonl:6", None, None, None, "top level is an array, expected an object"),
        ("notices.jsonl:7", None, "2024/00004", "2024/00004", None),
        ("notices.jsonl:8", None, "2024/00005", "2024/00005", None),
    ]
    assert source.complete
    assert source.kinds_present() == set()


def test_kinds_present_are_the_kinds_asked_for(tmp_path):
    path = tmp_path / "notices.ndjson"
    path.write_bytes(lines(notice_document("red", 1)))

    assert open_source(str(path), kinds=["red"]).kinds_present() == {"red"}


def test_a_gzip_compressed_file_is_read_and_recognised_by_content(tmp_path):
    path = tmp_path / "export.bin"
    path.write_bytes(gzip.compress(lines(notice_document("red", 1), notice_document("red", 2))))

    source = open_source(str(path))

    assert [item.document["entity_id"] for item in source] == ["2024/00001", "2024/00002"]
    assert source.description == str(path)


def test_a_truncated_gzip_file_ends_with_a_rejection(tmp_path):
    path = tmp_path / "export.jsonl.gz"
    documents = [
        notice_document("red", n, distinguishing_marks=f"mark {n} " * 50) for n in range(1, 200)
    ]
    data = gzip.compress(lines(*documents))
    path.write_bytes(data[: len(data) // 2])

    source = open_source(str(path))
    items = list(source)

    assert items[0].document["entity_id"] == "2024/00001"
    assert "unreadable from here" in items[-1].rejection.reason
    assert not source.complete


def test_an_over_long_line_is_rejected_and_the_next_one_read(tmp_path):
    path = tmp_path / "notices.jsonl"
    long = notice_document("red", 1, distinguishing_marks="x" * 5000)
    path.write_bytes(lines(long, notice_document("red", 2)))

    items = rows(open_source(str(path), fetch=FetchOptions(max_json_bytes=1000)))

    assert items == [
        ("notices.jsonl:1", None, "2024/00001", None, "line longer than the limit of 1000 bytes"),
        ("notices.jsonl:2", None, "2024/00002", "2024/00002", None),
    ]


def test_a_deeply_nested_line_is_rejected_without_crashing(tmp_path):
    path = tmp_path / "notices.jsonl"
    path.write_bytes(b'{"entity_id": "2024/00001", "x": ' + b"[" * 100_000 + b"\n")

    [item] = open_source(str(path))

    assert item.rejection.reason == "nested deeper than 64 levels"
    assert item.entity_id_hint == "2024/00001"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notices.json", b'{\n  "entity_id": "2024/00001"\n}\n', "a single JSON document"),
        ("notes.txt", b"hello", "not a directory, zip or tar archive, or JSON Lines"),
        ("export.jsonl.gz", b"\x1f\x8b\x08\x00broken", "corrupt or unsupported archive"),
        ("export.dat", b"", "not a directory, zip or tar archive, or JSON Lines"),
    ],
)
def test_files_that_are_no_source_are_refused(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)

    with pytest.raises(SourceError, match=message):
        open_source(str(tmp_path / name))


def test_an_empty_json_lines_file_has_no_items(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")

    assert list(open_source(str(tmp_path / "empty.jsonl"))) == []
