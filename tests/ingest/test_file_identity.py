"""An unchanged reload of a directory takes a document as known from its file's identity
(device, inode, size, modification and change times) without reading it, yet every change is
found: bytes rewritten under their old modification time, a picture added, pictures reordered,
a file changed just before the load, the same notice loaded from an archive in between, and a
file changed after the walk took it as known."""

from __future__ import annotations

import json
import os
import zipfile

import pytest

from notices.ingest.memo import MEMO_FILE, input_digest
from notices.ingest.sources import FetchOptions, directory, file_identity, open_source
from notices.models import Notice
from tests.ingest.extracts import jpeg_bytes, red_doc, write_tree

COUNT = 8


@pytest.fixture
def settled(monkeypatch, tmp_path) -> None:
    """Files count as settled at once: the test's files were all written just before."""
    if file_identity.local_device(str(tmp_path)) is None:
        pytest.skip("the test directory is not on a file system known to be local")
    monkeypatch.setattr(file_identity, "SETTLE_NS", 0)


@pytest.fixture
def documents_read(monkeypatch) -> list[str]:
    """Paths of the notice documents the loads read from disk."""
    seen: list[str] = []
    real = directory.DirectorySource._signed_read

    def counting(self, parts, limit):
        if parts[-1].endswith(".json") and parts[-1] != "images.json":
            seen.append("/".join(parts))
        return real(self, parts, limit)

    monkeypatch.setattr(directory.DirectorySource, "_signed_read", counting)
    return seen


def load(runner, tree) -> str:
    result = runner.invoke(["load", "--full", str(tree)])
    assert result.exit_code == 0, result.output
    return result.output


def red_tree(root, pictures=None):
    return write_tree(root, {"red": [red_doc(n) for n in range(1, COUNT + 1)]}, pictures)


def file_keys(tree) -> dict[str, str]:
    """The key of each notice's file, as a first load reads it."""
    return {item.entity_id_hint: item.file_key for item in open_source(str(tree))}


def family_name(sessions, entity_id: str) -> str:
    with sessions() as session:
        return session.query(Notice).filter_by(entity_id=entity_id).one().family_name


def test_an_unchanged_reload_reads_no_document(runner, tmp_path, settled, documents_read):
    tree = red_tree(tmp_path / "x", pictures={"2021/00003": [jpeg_bytes()]})
    load(runner, tree)
    assert len(documents_read) == COUNT
    output = load(runner, tree)
    assert len(documents_read) == COUNT  # not one more
    assert f"added 0, changed 0, unchanged {COUNT}, withdrawn 0" in output


def test_only_files_the_memo_has_a_key_for_are_looked_up(runner, tmp_path, settled, monkeypatch):
    """A first load (or a new notice) reads the file anyway: a stat of it first would be waste."""
    looked_up: list[str] = []
    real = directory.DirectorySource._signature

    def counting(self, parts, limit):
        looked_up.append("/".join(parts))
        return real(self, parts, limit)

    monkeypatch.setattr(directory.DirectorySource, "_signature", counting)
    tree = red_tree(tmp_path / "x")
    load(runner, tree)
    assert looked_up == []
    load(runner, tree)
    assert len(looked_up) == COUNT


def test_bytes_rewritten_under_their_old_times_are_seen(runner, sessions, tmp_path, settled):
    """A copy that keeps modification times (cp -p, rsync -t, tar) cannot keep the change time."""
    tree = red_tree(tmp_path / "x")
    load(runner, tree)
    path = tree / "red" / "2021-00004.json"
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"TESTOVA4", b"CHANGED4"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert after.st_ctime_ns != before.st_ctime_ns
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    output = load(runner, tree)
    assert f"added 0, changed 1, unchanged {COUNT - 1}" in output
    assert family_name(sessions, "2021/00004") == "CHANGED4"


def test_a_picture_added_beside_an_unchanged_document_is_stored(runner, tmp_path, settled):
    tree = red_tree(tmp_path / "x")
    load(runner, tree)
    assert not list((tmp_path / "media").rglob("*.jpg"))
    red_tree(tmp_path / "pictures", pictures={"2021/00005": [jpeg_bytes()]})
    (tree / "red" / "2021-00005").mkdir()
    os.rename(tmp_path / "pictures/red/2021-00005/images", tree / "red/2021-00005/images")
    output = load(runner, tree)
    assert f"added 0, changed 1, unchanged {COUNT - 1}" in output
    assert list((tmp_path / "media").rglob("*.jpg"))


def test_files_changed_just_before_the_load_are_read_every_time(
    runner, tmp_path, monkeypatch, documents_read
):
    """A file changed in the same tick of the file system's clock as it is read could change
    again without its times moving: it gets no key, so the next load reads it again."""
    monkeypatch.setattr(file_identity, "SETTLE_NS", 3600 * 10**9)  # an hour: all of them
    tree = red_tree(tmp_path / "x")
    load(runner, tree)
    load(runner, tree)
    assert len(documents_read) == 2 * COUNT
    rows = (tmp_path / "data" / MEMO_FILE).read_text(encoding="ascii").splitlines()[1:]
    assert len(rows) == COUNT and all(row.endswith("\t") for row in rows)


def test_a_file_changed_after_the_walk_took_it_as_known_is_read_as_it_is_now(tmp_path, settled):
    """The loader asks for the document only when the memo and the database disagree; the
    bytes read then, not the ones the memo knew, give the item its digest."""
    tree = red_tree(tmp_path / "x")
    keys = file_keys(tree)
    fetch = FetchOptions(
        known_file=lambda entity_id: (keys[entity_id], "the digest of earlier bytes")
    )
    items = [item for item in open_source(str(tree), fetch=fetch) if item.entity_id_hint]
    assert len(items) == COUNT
    item = items[0]
    assert (item.input_digest, item.document) == ("the digest of earlier bytes", None)
    assert item.file_key is not None
    path = tree / "red" / "2021-00001.json"
    path.write_bytes(path.read_bytes().replace(b"TESTOVA1", b"CHANGED1"))
    document = item.parsed()
    assert document["name"] == "CHANGED1"
    assert item.input_digest == input_digest("red", path.read_bytes(), [])
    assert item.file_key is None


def test_pictures_reordered_by_their_images_list_are_seen(runner, tmp_path, settled):
    tree = red_tree(tmp_path / "x", pictures={"2021/00002": [jpeg_bytes(), jpeg_bytes((9, 9, 9))]})
    images_list = tree / "red" / "2021-00002" / "images.json"

    def list_pictures(*picture_ids):
        images = [{"picture_id": picture_id} for picture_id in picture_ids]
        images_list.write_text(json.dumps({"_embedded": {"images": images}}), encoding="utf-8")

    list_pictures("60001", "60002")
    load(runner, tree)
    assert f"unchanged {COUNT}," in load(runner, tree)
    list_pictures("60002", "60001")
    assert f"added 0, changed 1, unchanged {COUNT - 1}" in load(runner, tree)


def test_a_notice_loaded_from_an_archive_in_between_is_read_again(
    runner, sessions, tmp_path, settled
):
    """The directory's file is unchanged, but the archive gave the notice other bytes since: the
    file's old key must not stand for the archive's bytes."""
    tree = red_tree(tmp_path / "x")
    load(runner, tree)
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as members:
        for path in sorted((tree / "red").glob("*.json")):
            data = path.read_bytes().replace(b"TESTOVA4", b"ARCHIVE4")
            members.writestr(f"red/{path.name}", data)
    load(runner, archive)
    assert family_name(sessions, "2021/00004") == "ARCHIVE4"
    output = load(runner, tree)
    assert f"added 0, changed 1, unchanged {COUNT - 1}" in output
    assert family_name(sessions, "2021/00004") == "TESTOVA4"


def test_a_file_with_an_old_modification_time_but_a_new_change_time_has_no_identity(tmp_path):
    """What cp -p, rsync -t and tar leave: only the change time tells the file is new."""
    path = tmp_path / "2021-00001.json"
    path.write_text("{}", encoding="utf-8")
    an_hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(an_hour_ago, an_hour_ago))
    identities = file_identity.Identities(str(tmp_path))
    if identities.device is None:
        pytest.skip("the test directory is not on a file system known to be local")
    identities.start()
    assert identities.of(path.stat(), limit=1024) is None
    identities.settled_before = path.stat().st_ctime_ns + 1  # as if two seconds later
    assert identities.of(path.stat(), limit=1024) is not None
    assert identities.of(path.stat(), limit=1) is None  # too large: read, and refused


def test_a_known_file_over_the_size_limit_is_read_and_refused(tmp_path, settled):
    tree = red_tree(tmp_path / "x")
    keys = file_keys(tree)
    fetch = FetchOptions(max_json_bytes=64, known_file=lambda entity_id: (keys[entity_id], "known"))
    items = list(open_source(str(tree), fetch=fetch))
    assert len(items) == COUNT
    assert all(item.document is None and item.read_later is None for item in items)
    assert all("larger than the limit" in item.rejection.reason for item in items)


@pytest.mark.skipif(not os.path.exists("/proc/self/mountinfo"), reason="Linux's mount table")
def test_files_on_a_file_system_not_known_to_be_local_have_no_identity():
    """Network and FUSE mounts may answer a stat from a cache that lags the file: never trusted.
    /proc stands for them here (the test cannot mount a share)."""
    assert file_identity.local_device("/proc") is None
