"""`notices load` end to end on real extract trees and a real SQLite file."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from notices.models import LoadRun, Notice, Picture
from tests.ingest.extracts import (
    jpeg_bytes,
    red_doc,
    un_entity_doc,
    un_person_doc,
    write_tree,
    yellow_doc,
)


def all_kinds_tree(root, reds=5):
    docs = {
        "red": [red_doc(n) for n in range(1, reds + 1)],
        "yellow": [yellow_doc(1)],
        "un-person": [un_person_doc(1)],
        "un-entity": [un_entity_doc(1)],
    }
    return write_tree(root, docs, pictures={"2021/00001": [jpeg_bytes(), jpeg_bytes((9, 9, 9))]})


def notices_by_id(sessions) -> dict[str, Notice]:
    with sessions() as session:
        return {n.entity_id: n for n in session.scalars(select(Notice))}


def test_load_of_a_tree_stores_every_kind_with_pictures(runner, sessions, tmp_path):
    tree = all_kinds_tree(tmp_path / "extract")
    result = runner.invoke(["load", str(tree)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        "added 8, changed 0, unchanged 0, withdrawn 0, rejected 0"
    )
    stored = notices_by_id(sessions)
    assert {n.kind for n in stored.values()} == {"red", "yellow", "un-person", "un-entity"}
    first = stored["2021/00001"]
    assert first.family_name == "TESTOVA1" and first.forename == "MARTA ELENA"
    assert first.date_of_birth == "1984-03-07" and first.weight is None
    assert stored["2022/00001"].forename is None  # the "-" placeholder
    assert stored["2019/00001"].date_of_birth == "1975"  # zero parts: year only
    with sessions() as session:
        assert session.scalar(select(func.count(Picture.id))) == 2
        run = session.scalars(select(LoadRun)).one()
        assert (run.status, run.added, run.rejected) == ("succeeded", 8, 0)


def test_reload_is_unchanged_then_sees_a_change(runner, sessions, tmp_path):
    tree = all_kinds_tree(tmp_path / "extract")
    runner.invoke(["load", str(tree)])
    before = notices_by_id(sessions)["2021/00002"].last_changed
    result = runner.invoke(["load", str(tree)])
    assert "added 0, changed 0, unchanged 8, withdrawn 0, rejected 0" in result.output
    assert notices_by_id(sessions)["2021/00002"].last_changed == before

    write_tree(tree, {"red": [red_doc(2, place_of_birth="GDANSK")]})
    result = runner.invoke(["load", str(tree)])
    assert "added 0, changed 1, unchanged 7" in result.output
    assert notices_by_id(sessions)["2021/00002"].place_of_birth == "GDANSK"


def test_full_load_withdraws_absent_notices_of_covered_kinds_only(runner, sessions, tmp_path):
    runner.invoke(["load", str(all_kinds_tree(tmp_path / "first", reds=10))])
    smaller = write_tree(tmp_path / "second", {"red": [red_doc(n) for n in range(1, 10)]})
    result = runner.invoke(["load", str(smaller), "--full"])
    assert result.exit_code == 0, result.output
    assert "withdrawn 1" in result.output
    stored = notices_by_id(sessions)
    assert stored["2021/00010"].status == "withdrawn"
    assert stored["2021/00010"].withdrawn_at is not None
    assert stored["2022/00001"].status == "active"  # yellow was not covered by this load


def test_mass_withdrawal_is_refused_unless_confirmed(runner, sessions, tmp_path):
    runner.invoke(["load", str(all_kinds_tree(tmp_path / "first", reds=10))])
    tiny = write_tree(tmp_path / "tiny", {"red": [red_doc(1)]})
    refused = runner.invoke(["load", str(tiny), "--full"])
    assert refused.exit_code == 1
    assert "--allow-mass-withdrawal" in refused.output
    assert all(n.status == "active" for n in notices_by_id(sessions).values())

    confirmed = runner.invoke(["load", str(tiny), "--full", "--allow-mass-withdrawal"])
    assert confirmed.exit_code == 0, confirmed.output
    assert "withdrawn 9" in confirmed.output


def test_bad_records_are_reported_and_valid_ones_kept(runner, sessions, tmp_path):
    tree = write_tree(
        tmp_path / "extract",
        {"red": [red_doc(1), red_doc(2, date_of_birth="2023/13/45"), red_doc(3)]},
        raw={
            "red/2021-00004.json": b'{"entity_id": "2021/00004", "name": ',
            "red/2021-00005.json": '{"name": "caf\xe9"}'.encode("latin-1"),
        },
    )
    result = runner.invoke(["load", str(tree)])
    assert result.exit_code == 3, result.output
    assert "added 2, changed 0, unchanged 0, withdrawn 0, rejected 3" in result.output
    assert "2021-00002.json $.date_of_birth" in result.output
    assert set(notices_by_id(sessions)) == {"2021/00001", "2021/00003"}
    with sessions() as session:
        run = session.scalars(select(LoadRun)).one()
        assert run.rejected == 3
        assert {r.entity_id for r in run.rejections} >= {"2021/00002", "2021/00004"}


def test_a_full_load_keeps_notices_whose_new_record_was_rejected(runner, sessions, tmp_path):
    runner.invoke(["load", str(all_kinds_tree(tmp_path / "first"))])
    docs = [red_doc(n) for n in range(1, 6)]
    docs[2]["height"] = "tall"
    result = runner.invoke(["load", str(write_tree(tmp_path / "second", {"red": docs})), "--full"])
    assert result.exit_code == 3
    assert "withdrawn 0" in result.output
    assert notices_by_id(sessions)["2021/00003"].status == "active"


def test_dry_run_reports_and_writes_nothing(runner, sessions, tmp_path):
    tree = all_kinds_tree(tmp_path / "extract")
    result = runner.invoke(["load", str(tree), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would add 2021/00001" in result.output
    assert "dry run: added 8" in result.output
    assert notices_by_id(sessions) == {}
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.jpg"))


def test_unreadable_source_exits_1_with_a_clear_error(runner, tmp_path):
    result = runner.invoke(["load", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "error:" in result.output
    assert "Traceback" not in result.output


def test_jsonl_source_and_duplicate_ids(runner, sessions, tmp_path):
    lines = [red_doc(1), red_doc(2), red_doc(1, name="SOMEONEELSE")]
    path = tmp_path / "notices.jsonl"
    path.write_text("\n".join(json.dumps(doc) for doc in lines) + "\n", encoding="utf-8")
    result = runner.invoke(["load", str(path)])
    assert result.exit_code == 3, result.output
    assert "duplicate" in result.output
    assert notices_by_id(sessions)["2021/00001"].family_name == "TESTOVA1"


def test_loads_list_and_show_tell_what_each_load_did(runner, tmp_path):
    tree = write_tree(tmp_path / "extract", {"red": [red_doc(1), red_doc(2, sex_id="X")]})
    runner.invoke(["load", str(tree)])
    listing = runner.invoke(["loads", "list"])
    assert "added 1" in listing.output and "rejected 1" in listing.output
    shown = runner.invoke(["loads", "show", "1"])
    assert "$.sex_id" in shown.output


def test_many_pictures_go_through_worker_processes(runner, sessions, app, tmp_path):
    """Past the inline threshold pictures are processed by workers; results are the same."""
    from notices.ingest.picture_jobs import INLINE_PICTURES
    from notices.media import picture_path

    count = INLINE_PICTURES + 16
    docs = [red_doc(n) for n in range(1, count + 1)]
    pictures = {doc["entity_id"]: [jpeg_bytes((n % 250, 40, 90))] for n, doc in enumerate(docs)}
    pictures[docs[-1]["entity_id"]] = [b"<html>not a picture</html>"]
    result = runner.invoke(["load", str(write_tree(tmp_path / "x", {"red": docs}, pictures))])
    assert result.exit_code == 3, result.output
    assert "not a picture" in result.output
    with sessions() as session:
        stored = list(session.scalars(select(Picture)))
    assert len(stored) == count - 1
    for picture in stored:
        assert picture_path(app.config["MEDIA_DIR"], picture.sha256).is_file()
        assert picture_path(app.config["MEDIA_DIR"], picture.thumb_sha256).is_file()


def test_full_load_of_a_broken_archive_withdraws_nothing(runner, sessions, tmp_path):
    import tarfile

    runner.invoke(["load", str(all_kinds_tree(tmp_path / "first", reds=10))])
    tree = write_tree(
        tmp_path / "second",
        {"red": [red_doc(n) for n in range(1, 11)]},
        pictures={"2021/00009": [jpeg_bytes()] * 3},
    )
    archive = tmp_path / "extract.tar"
    with tarfile.open(archive, "w") as tar:
        tar.add(tree / "red", arcname="red")
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])  # cut off mid-way
    result = runner.invoke(["load", str(archive), "--full"])
    assert result.exit_code == 3, result.output
    assert "withdrew nothing" in result.output
    assert "withdrawn 0" in result.output
    assert all(n.status == "active" for n in notices_by_id(sessions).values())
