"""Zip and tar sources: same items as the directory, and refusal of hostile archives."""

from __future__ import annotations

import gzip
import io
import random
import stat
import struct
import tarfile
import zipfile

import pytest

from notices.ingest.sources import FetchOptions, SourceError, open_source
from notices.ingest.sources.gzseek import SeekableGzip
from tests.fakeservice import notice_document, sample_tree, write_notice
from tests.ingest.test_sources_directory import summary


def tree_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def make_zip(root, dest, prefix=""):
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in tree_files(root):
            archive.write(path, prefix + path.relative_to(root).as_posix())
    return dest


def make_tar(root, dest, mode="w:gz", prefix=""):
    with tarfile.open(dest, mode) as archive:
        for path in tree_files(root):
            archive.add(path, prefix + path.relative_to(root).as_posix())
    return dest


def add_member(archive: tarfile.TarFile, name: str, data: bytes = b"", **attributes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for key, value in attributes.items():
        setattr(info, key, value)
    archive.addfile(info, io.BytesIO(data) if data else None)


def inner(origin: str) -> str:
    """'extract.zip:red/x.json' -> 'red/x.json'."""
    return origin.split(":", 1)[1]


def by_origin(rows):
    return sorted(((inner(row[0]), *row[1:]) for row in rows), key=lambda row: row[0])


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        ("extract.tar.gz", "w:gz"),
        ("extract.tgz", "w:gz"),
        ("extract.tar", "w"),
        ("extract.tar.xz", "w:xz"),
    ],
)
def test_zip_and_tar_give_the_same_items_as_the_directory(tmp_path, name, mode):
    tree = sample_tree(tmp_path / "tree")
    expected = summary(open_source(str(tree)))
    zipped = open_source(str(make_zip(tree, tmp_path / "extract.zip")))
    tarred = open_source(str(make_tar(tree, tmp_path / name, mode)))

    zip_items, tar_items = summary(zipped), summary(tarred)

    assert [(inner(row[0]), *row[1:]) for row in zip_items] == expected  # same order, too
    assert by_origin(tar_items) == by_origin(zip_items)
    assert zip_items[0][0] == "extract.zip:red/2024-00002.json"
    for source in (zipped, tarred):
        assert source.kinds_present() == {"red", "yellow", "un-person", "un-entity"}
        assert source.complete


def test_archives_are_recognised_by_content_and_may_wrap_the_tree(tmp_path):
    tree = sample_tree(tmp_path / "tree")
    expected = [row[1:] for row in summary(open_source(str(tree)))]
    zipped = make_zip(tree, tmp_path / "download.bin", prefix="extract-2025-06-01/")
    tarred = make_tar(tree, tmp_path / "download.dat", prefix="./")

    assert [row[1:] for row in summary(open_source(str(zipped)))] == expected
    assert sorted(row[1:] for row in summary(open_source(str(tarred)))) == sorted(expected)


def test_pictures_can_still_be_read_after_iteration(tmp_path):
    tree = sample_tree(tmp_path / "tree")
    for archive in (make_zip(tree, tmp_path / "x.zip"), make_tar(tree, tmp_path / "x.tgz")):
        items = list(open_source(str(archive)))
        pictures = {p.picture_id: p.read() for item in items for p in item.pictures}
        assert pictures == {"1": b"red-2-pic-1", "2": b"red-2-pic-2", "7": b"yellow-pic"}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("extract.zip", b"PK\x03\x04" + b"\x00garbage" * 100),
        ("extract.zip", b"this is not an archive at all"),
        ("extract.tar.gz", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4),
        ("extract.tar", b"\x00" * 100 + b"random"),
    ],
)
def test_a_corrupt_archive_is_refused_as_a_whole(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)

    with pytest.raises(SourceError, match="corrupt|not a readable"):
        open_source(str(tmp_path / name))


def incompressible_tree(root, count=8):
    rng = random.Random(7)
    for number in range(1, count + 1):
        write_notice(root, "red", notice_document("red", number), {"1": rng.randbytes(20_000)})
    return root


def test_a_truncated_zip_is_refused(tmp_path):
    archive = make_zip(incompressible_tree(tmp_path / "tree"), tmp_path / "x.zip")
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])

    with pytest.raises(SourceError, match="not a readable zip archive"):
        open_source(str(archive))


@pytest.mark.parametrize("mode", ["w:gz", "w"])
def test_a_truncated_tar_yields_what_it_could_read_then_a_rejection(tmp_path, mode):
    archive = make_tar(incompressible_tree(tmp_path / "tree"), tmp_path / "x.tar", mode)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])

    source = open_source(str(archive))
    items = list(source)

    good = [item for item in items if item.document]
    assert 1 <= len(good) < 8
    assert items[-1].document is None and items[-1].entity_id_hint is None
    assert "truncated or corrupt" in items[-1].rejection.reason
    assert not source.complete


def test_unsafe_member_names_are_rejected(tmp_path):
    document = b'{"entity_id": "2024/00001"}'
    names = {
        "../evil.json": "contains '..'",
        "/abs.json": "is an absolute path",
        "red/../../evil.json": "contains '..'",
        "red\\2024-00002.json": "contains a backslash",
        "C:/red/2024-00003.json": "starts with a drive letter",
    }
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive:
        archive.writestr("red/2024-00001.json", document)
        for name in names:
            archive.writestr(zipfile.ZipInfo(name), document)
    with tarfile.open(tmp_path / "x.tar.gz", "w:gz") as archive:
        add_member(archive, "red/2024-00001.json", document)
        for name in names:
            add_member(archive, name, document)

    for path in (tmp_path / "x.zip", tmp_path / "x.tar.gz"):
        items = list(open_source(str(path)))
        rejected = {inner(item.origin): item.rejection.reason for item in items if item.rejection}
        assert rejected == {name: f"member name {reason}" for name, reason in names.items()}
        assert [item.document for item in items if item.document] == [{"entity_id": "2024/00001"}]
    assert not (tmp_path.parent / "evil.json").exists()


def test_links_and_devices_in_a_tar_are_rejected(tmp_path):
    secret = b'{"entity_id": "2024/00009", "name": "SECRET"}'
    with tarfile.open(tmp_path / "x.tgz", "w:gz") as archive:
        add_member(archive, "red/2024-00001.json", secret)
        add_member(archive, "red/2024-00002.json", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        add_member(
            archive, "red/2024-00003.json", type=tarfile.LNKTYPE, linkname="red/2024-00001.json"
        )
        add_member(archive, "red/2024-00004.json", type=tarfile.CHRTYPE, devmajor=1, devminor=3)
        add_member(
            archive,
            "red/2024-00001/images/1.jpg",
            type=tarfile.SYMTYPE,
            linkname="../../../../outside.jpg",
        )

    rows = summary(open_source(str(tmp_path / "x.tgz")))

    assert [(inner(row[0]), row[2], row[3], row[4]) for row in rows] == [
        ("red/2024-00001.json", "2024/00001", "2024/00009", None),
        ("red/2024-00001/images/1.jpg", "2024/00001", None, "symbolic link not followed"),
        ("red/2024-00002.json", "2024/00002", None, "symbolic link not followed"),
        ("red/2024-00003.json", "2024/00003", None, "hard link not followed"),
        ("red/2024-00004.json", "2024/00004", None, "not a regular file"),
    ]


def test_a_symbolic_link_in_a_zip_is_rejected(tmp_path):
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive:
        link = zipfile.ZipInfo("red/2024-00001.json")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")

    [item] = open_source(str(tmp_path / "x.zip"))

    assert item.rejection.reason == "symbolic link not followed"
    assert item.entity_id_hint == "2024/00001"


def test_duplicate_member_names_are_rejected(tmp_path):
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive:
        archive.writestr("red/2024-00001.json", b'{"entity_id": "2024/00001", "name": "A"}')
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("red/2024-00001.json", b'{"entity_id": "2024/00001", "name": "B"}')

    reasons = [item.rejection.reason for item in open_source(str(tmp_path / "x.zip"))]

    assert reasons == ["duplicate member name", "duplicate member name"]


def test_a_zip_bomb_member_is_rejected(tmp_path):
    zeros = b"\0" * (5 * 1024 * 1024)
    with zipfile.ZipFile(tmp_path / "x.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("red/2024-00001.json", zeros)
        archive.writestr("red/2024-00002.json", b'{"entity_id": "2024/00002"}')

    bomb, good = open_source(str(tmp_path / "x.zip"))

    assert "looks like a decompression bomb" in bomb.rejection.reason
    assert bomb.entity_id_hint == "2024/00001"
    assert good.document == {"entity_id": "2024/00002"}


def test_a_zip_member_lying_about_its_size_is_rejected(tmp_path):
    zeros = b"\0" * (3 * 1024 * 1024)
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("red/2024-00001.json", zeros)
    data = bytearray(path.read_bytes())
    # Declare 100 bytes, uncompressed, in both the local header and the central directory.
    struct.pack_into("<I", data, data.find(b"PK\x03\x04") + 22, 100)
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 100)
    path.write_bytes(bytes(data))

    [item] = open_source(str(path), fetch=FetchOptions(max_compression_ratio=10_000))

    assert item.document is None
    assert "cannot read member" in item.rejection.reason or "inflates" in item.rejection.reason


def test_a_tar_bomb_stops_the_archive_with_a_rejection(tmp_path):
    with tarfile.open(tmp_path / "x.tgz", "w:gz") as archive:
        add_member(archive, "red/2024-00001.json", b'{"entity_id": "2024/00001"}')
        add_member(archive, "red/2024-00002/images/1.jpg", b"\0" * (5 * 1024 * 1024))
        add_member(archive, "red/2024-00003.json", b'{"entity_id": "2024/00003"}')

    source = open_source(str(tmp_path / "x.tgz"))
    items = list(source)

    assert items[0].document == {"entity_id": "2024/00001"}
    assert "2024/00003" not in repr(items)  # nothing after the bomb was read
    assert "looks like a decompression bomb" in items[-1].rejection.reason
    assert not source.complete


def test_the_total_size_limit_stops_a_tar(tmp_path):
    rng = random.Random(3)
    with tarfile.open(tmp_path / "x.tgz", "w:gz") as archive:
        add_member(archive, "red/2024-00001.json", b'{"entity_id": "2024/00001"}')
        add_member(archive, "red/2024-00002/images/1.jpg", rng.randbytes(300_000))

    source = open_source(str(tmp_path / "x.tgz"), fetch=FetchOptions(max_total_bytes=100_000))
    items = list(source)

    assert "larger than the limit of 100000 bytes" in items[-1].rejection.reason
    assert not source.complete


def test_an_archive_with_too_many_members_is_refused(tmp_path):
    tree = sample_tree(tmp_path / "tree")
    options = FetchOptions(max_members=3)

    with pytest.raises(SourceError, match="more than 3 members"):
        open_source(str(make_zip(tree, tmp_path / "x.zip")), fetch=options)
    items = list(open_source(str(make_tar(tree, tmp_path / "x.tgz")), fetch=options))
    assert items[-1].rejection.reason == "more than 3 members; the rest was not read"


def test_zip_members_over_the_picture_limit_are_not_read(tmp_path):
    tree = tmp_path / "tree"
    write_notice(tree, "red", notice_document("red", 1), {"1": random.Random(1).randbytes(3000)})
    archive = make_zip(tree, tmp_path / "x.zip")

    [item] = open_source(str(archive), fetch=FetchOptions(max_picture_bytes=1000))

    with pytest.raises(OSError, match="larger than the limit of 1000 bytes"):
        item.pictures[0].read()


def test_a_damaged_zip_member_is_one_rejection(tmp_path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("red/2024-00001.json", b'{"entity_id": "2024/00001", "name": "X"}' * 20)
        archive.writestr("red/2024-00002.json", b'{"entity_id": "2024/00002"}')
    data = bytearray(path.read_bytes())
    start = data.find(b"PK\x03\x04") + 30 + len("red/2024-00001.json")
    data[start + 5 : start + 15] = b"\xff" * 10  # scramble the deflate stream
    path.write_bytes(bytes(data))

    damaged, good = open_source(str(path))

    assert "cannot read member" in damaged.rejection.reason  # a zlib or CRC error
    assert good.document == {"entity_id": "2024/00002"}


def test_a_tar_with_members_in_any_order_gives_the_same_items(tmp_path):
    tree = sample_tree(tmp_path / "tree")
    write_notice(tree, "red", notice_document("red", 11), {"3": b"three", "4": b"four"})
    expected = by_origin(summary(open_source(str(make_zip(tree, tmp_path / "x.zip")))))
    files = tree_files(tree)
    random.Random(5).shuffle(files)
    with tarfile.open(tmp_path / "x.tgz", "w:gz") as archive:
        for path in files:
            archive.add(path, path.relative_to(tree).as_posix())

    assert by_origin(summary(open_source(str(tmp_path / "x.tgz")))) == expected


def test_seekable_gzip_reads_any_range_of_a_multi_member_stream():
    rng = random.Random(9)
    parts = [rng.randbytes(300_000), b"\0" * 400_000, rng.randbytes(200_000)]
    compressed = b"".join(gzip.compress(part) for part in parts) + b"\0" * 512  # padding
    data = b"".join(parts)
    stream = SeekableGzip(io.BytesIO(compressed), spacing=64 * 1024, chunk=4096)

    assert stream.read() == data
    for _ in range(200):
        start = rng.randrange(len(data))
        length = rng.randrange(1, 50_000)
        stream.seek(start)
        assert stream.read(length) == data[start : start + length]
    assert stream.seek(len(data) + 10) == len(data)  # a seek past the end stops at the end
    assert stream.read(10) == b""


def test_seekable_gzip_reports_a_truncated_stream():
    compressed = gzip.compress(random.Random(2).randbytes(100_000))
    stream = SeekableGzip(io.BytesIO(compressed[:-5000]))

    with pytest.raises(EOFError):
        stream.read()
