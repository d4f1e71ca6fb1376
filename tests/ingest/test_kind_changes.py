"""A notice that comes back under another kind moves there: the publisher's source decides."""

from __future__ import annotations

from sqlalchemy import select

from notices.models import Notice
from tests.ingest.extracts import red_doc, write_tree, yellow_doc


def _active_by_kind(sessions) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    with sessions() as session:
        for notice in session.scalars(select(Notice).where(Notice.status == "active")):
            found.setdefault(notice.kind, set()).add(notice.entity_id)
    return found


def test_a_full_load_moves_a_notice_to_its_new_kind(runner, sessions, tmp_path):
    yellows = [yellow_doc(n) for n in range(1, 11)]
    reds = [red_doc(n) for n in range(1, 11)]
    first = write_tree(tmp_path / "a", {"red": reds, "yellow": yellows})
    assert runner.invoke(["load", str(first)]).exit_code == 0
    assert runner.invoke(["index", "rebuild"]).exit_code == 0

    # 2022/00001 is now published as a red notice.
    moved = red_doc(1, entity_id="2022/00001", name="TESTSON1")
    second = write_tree(tmp_path / "b", {"red": [*reds, moved], "yellow": yellows[1:]})
    result = runner.invoke(["load", str(second), "--full"])
    assert result.exit_code == 0, result.output
    assert "moved 2022/00001 from yellow to red" in result.output
    assert result.output.strip().splitlines()[-1] == (
        "added 0, changed 1, unchanged 19, withdrawn 0, rejected 0"
    )
    assert _active_by_kind(sessions) == {
        "red": {doc["entity_id"] for doc in [*reds, moved]},
        "yellow": {doc["entity_id"] for doc in yellows[1:]},
    }
    with sessions() as session:
        notice = session.scalars(select(Notice).where(Notice.entity_id == "2022/00001")).one()
        assert (notice.kind, notice.father_name, len(notice.warrants)) == ("red", None, 1)
    checked = runner.invoke(["index", "check"])
    assert checked.exit_code == 0, checked.output


def test_a_dry_run_says_which_notices_would_move(runner, tmp_path):
    first = write_tree(tmp_path / "a", {"yellow": [yellow_doc(1)]})
    runner.invoke(["load", str(first)])
    second = write_tree(tmp_path / "b", {"red": [red_doc(1, entity_id="2022/00001")]})
    result = runner.invoke(["load", str(second), "--dry-run"])
    assert "would move 2022/00001 from yellow to red" in result.output
