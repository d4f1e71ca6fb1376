"""An unchanged reload of a directory takes a document as known from its file's identity
(device, inode, size, modification and change times) without reading it, yet every change is
found: bytes rewritten under their old modification time, a picture added, a file changed just
before the load, and a file changed after the walk took it as known."""

from __future__ import annotations

import os

import pytest

from notices.ingest.memo import MEMO_FILE, input_digest
from notices.ingest.sources import FetchOptions, directory, open_source
from notices.models import Notice
from tests.ingest.extracts import jpeg_bytes, red_doc, write_tree

COUNT = 8


@pytest.fixture
def settled(monkeypatch) -> None:
    """Files count as settled at once: the test's files were all written just before."""
    monkeypatch.setattr(directory, "SETTLE_NS", 0)


@pytest.fixture
def documents_read(monkeypatch) -> list[str]:
    """Paths of the notice documents the loads read from disk."""
    seen: list[str] = []
    real = directory.DirectorySource._signed_read

    def counting(self, parts, limit):
        if parts[-1].endswith(".json"):
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


def test_bytes_rewritten_under_their_old_times_are_seen(runner, sessions, tmp_path, settled):
    """A copy that keeps modification times (cp -p, rsync -t, tar) cannot keep the change time."""
    tree = red_tree(tmp_path / "x")
    load(runner, tree)
    path = tree / "red" / "2021-00004.json"
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"TESTOVA4", b"CHANGED4"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
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
    monkeypatch.setattr(directory, "SETTLE_NS", 3600 * 10**9)  # an hour: all of them
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
    fetch = FetchOptions(known_file=lambda entity_id, key: "the digest of earlier bytes")
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
