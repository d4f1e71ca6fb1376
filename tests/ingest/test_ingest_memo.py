"""An unchanged reload neither parses nor normalises documents again, yet every change is still
found: a changed file, a file moved to another kind, a lost picture, a memo left behind by a
load whose memo could not be written, and a memo written by other code."""

from __future__ import annotations

import pytest

from notices.ingest import loader
from notices.ingest.loader import LoadOptions, run_load
from notices.ingest.memo import MEMO_FILE, IngestMemo
from notices.ingest.sources import FetchOptions, open_source
from notices.ingest.sources import tree as tree_source
from notices.models import Notice
from tests.ingest.extracts import jpeg_bytes, red_doc, write_tree, yellow_doc

COUNT = 12


@pytest.fixture
def normalised(monkeypatch) -> list[str]:
    """Origins of the documents the loads normalise."""
    seen: list[str] = []
    real = loader.normalize_document

    def counting(doc, *, origin, **kwargs):
        seen.append(origin)
        return real(doc, origin=origin, **kwargs)

    monkeypatch.setattr(loader, "normalize_document", counting)
    return seen


@pytest.fixture
def parsed(monkeypatch) -> list[bytes]:
    """The JSON documents the loads parse."""
    seen: list[bytes] = []
    real = tree_source.parse_json

    def counting(data, options):
        seen.append(data)
        return real(data, options)

    monkeypatch.setattr(tree_source, "parse_json", counting)
    return seen


def docs(**overrides) -> dict:
    return {"red": [red_doc(n, **overrides.get(str(n), {})) for n in range(1, COUNT + 1)]}


def family_name(sessions, entity_id: str) -> str:
    with sessions() as session:
        return session.query(Notice).filter_by(entity_id=entity_id).one().family_name


def load(runner, tree, *options) -> str:
    result = runner.invoke(["load", "--full", *options, str(tree)])
    assert result.exit_code == 0, result.output
    return result.output


def test_an_unchanged_reload_normalises_nothing_and_reports_every_notice(
    runner, tmp_path, normalised
):
    tree = write_tree(tmp_path / "x", docs(), pictures={"2021/00003": [jpeg_bytes()]})
    load(runner, tree)
    assert len(normalised) == COUNT
    output = load(runner, tree)
    assert len(normalised) == COUNT  # not one more
    assert f"added 0, changed 0, unchanged {COUNT}, withdrawn 0" in output


def test_a_changed_file_is_normalised_and_applied(runner, sessions, tmp_path, normalised):
    load(runner, write_tree(tmp_path / "a", docs()))
    output = load(runner, write_tree(tmp_path / "b", docs(**{"4": {"name": "CHANGEDOVA"}})))
    assert normalised[COUNT:] == ["red/2021-00004.json"]
    assert f"added 0, changed 1, unchanged {COUNT - 1}" in output
    assert family_name(sessions, "2021/00004") == "CHANGEDOVA"


def test_the_same_bytes_under_another_kind_move_the_notice(runner, sessions, tmp_path):
    load(runner, write_tree(tmp_path / "a", docs()))
    moved = yellow_doc(1)
    moved["entity_id"] = "2021/00005"
    tree = write_tree(tmp_path / "b", {"red": docs()["red"][:4] + docs()["red"][5:]})
    write_tree(tree, {"yellow": [moved]})
    load(runner, tree, "--allow-mass-withdrawal")
    with sessions() as session:
        assert session.query(Notice).filter_by(entity_id="2021/00005").one().kind == "yellow"


def test_a_lost_picture_is_stored_again(runner, app, tmp_path, normalised):
    tree = write_tree(tmp_path / "x", docs(), pictures={"2021/00003": [jpeg_bytes()]})
    load(runner, tree)
    for picture in (tmp_path / "media").rglob("*.jpg"):
        picture.unlink()
    assert not list((tmp_path / "media").rglob("*.jpg"))
    output = load(runner, tree)
    assert "changed 1" in output
    assert list((tmp_path / "media").rglob("*.jpg"))


def test_a_memo_the_database_disagrees_with_costs_time_not_changes(
    runner, sessions, tmp_path, monkeypatch
):
    """The memo of the first load survives a second load that could not write its own: the
    third load brings back the first file, which the memo knows but the database no longer
    holds."""
    first = write_tree(tmp_path / "a", docs())
    load(runner, first)

    def cannot_write(self, directory):
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(IngestMemo, "write", cannot_write)
        load(runner, write_tree(tmp_path / "b", docs(**{"4": {"name": "CHANGEDOVA"}})))
    output = load(runner, first)
    assert f"added 0, changed 1, unchanged {COUNT - 1}" in output
    assert family_name(sessions, "2021/00004") != "CHANGEDOVA"


def test_a_memo_of_other_code_is_ignored(runner, tmp_path, normalised):
    tree = write_tree(tmp_path / "x", docs())
    load(runner, tree)
    memo = tmp_path / "data" / MEMO_FILE
    lines = memo.read_text(encoding="ascii").splitlines()
    assert len(lines) == COUNT + 1
    memo.write_text("# notices ingest memo 1 other-code\n" + "\n".join(lines[1:]) + "\n")
    load(runner, tree)
    assert len(normalised) == 2 * COUNT


def test_an_unchanged_reload_parses_only_what_changed(runner, tmp_path, parsed):
    load(runner, write_tree(tmp_path / "a", docs()))
    assert len(parsed) == COUNT
    load(runner, write_tree(tmp_path / "b", docs(**{"7": {"name": "CHANGEDOVA"}})))
    assert len(parsed) == COUNT + 1
    assert b"CHANGEDOVA" in parsed[-1]


def test_a_deferred_document_that_no_longer_parses_is_rejected_like_any_other(sessions, tmp_path):
    """Bytes the memo knows are parsed only when the load needs them; should they fail the
    parse limits then, the load reports them exactly as it reports any unparsable file."""
    tree = write_tree(tmp_path / "x", docs())

    def rejections(known_input) -> list:
        fetch = FetchOptions(max_json_depth=1, known_input=known_input)
        options = LoadOptions(media_dir=tmp_path / "media", dry_run=True)
        report = run_load(sessions, open_source(str(tree), fetch=fetch), options)
        return report.rejections

    eager = rejections(None)
    assert len(eager) == COUNT and "nested deeper" in eager[0].reason
    assert rejections(lambda entity_id, digest: True) == eager
