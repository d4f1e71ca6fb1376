"""SIGKILL while a load updates the index after its commit: the load stays saved, the index keeps
serving its last good state, `index check` reports the drift and `index update` repairs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from search_index import IndexHome, SearchQuery, search
from tests.ingest.extracts import red_doc, write_tree
from tests.reliability import processes
from tests.reliability.outcome import load_runs, stored


def _first_tree(root: Path) -> Path:
    return write_tree(root, {"red": [red_doc(n) for n in range(1, 31)]})


def _second_tree(root: Path) -> Path:
    """1-5 changed, 6-30 unchanged, 31-35 new."""
    docs = [red_doc(n, name=f"CHANGEDNAME{n}") for n in range(1, 6)]
    docs += [red_doc(n) for n in range(6, 31)]
    docs += [red_doc(n, name=f"NEWCOMER{n}") for n in range(31, 36)]
    return write_tree(root, {"red": docs})


def _hits(index_dir: Path, text: str = "") -> list[str]:
    page = search(IndexHome(index_dir), SearchQuery(text=text, per_page=100))
    return [hit.entity_id for hit in page.hits]


@pytest.mark.slow
@pytest.mark.parametrize("point", ["adding documents", "before the commit"])
def test_kill_during_the_index_update_of_a_load(point, app, runner, sessions, cli_env, tmp_path):
    assert runner.invoke(["load", str(_first_tree(tmp_path / "first"))]).exit_code == 0
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    index_dir = Path(app.config["INDEX_DIR"])
    marker = tmp_path / "stopped"

    child = processes.start(
        [str(marker), point, "load", str(_second_tree(tmp_path / "second"))],
        cli_env,
        driver=processes.STOPPING_DRIVER,
    )
    try:
        processes.wait_until(marker.exists, child, f"the index update reached {point!r}")
    finally:
        processes.kill(child)
    assert processes.killed(child)

    # The load itself committed before the index update began.
    run = load_runs(sessions)[-1]
    assert (run.status, run.added, run.changed) == ("succeeded", 5, 5)
    notices = stored(sessions).notices
    assert notices["2021/00031"].status == "active"
    assert notices["2021/00003"].family_name == "CHANGEDNAME3"

    # The index still serves its last good state, to this process and to a new one.
    everything = _hits(index_dir)
    assert sorted(everything) == [f"2021/{n:05d}" for n in range(1, 31)]
    assert "2021/00031" not in _hits(index_dir, "NEWCOMER31")
    assert _hits(index_dir, "TESTOVA3")[0] == "2021/00003"  # its old name, still indexed

    assert run.index_pending
    assert "[index pending" in runner.invoke(["loads", "list"]).output
    checked = runner.invoke(["index", "check"])
    assert checked.exit_code == 1
    assert "drift found: 5 missing, 0 extra, 5 stale" in checked.output
    assert "  missing 2021/00031" in checked.output and "  stale 2021/00003" in checked.output

    updated = runner.invoke(["index", "update"])
    assert updated.exit_code == 0, updated.output
    assert "drift repaired: 5 missing, 0 extra, 5 stale" in updated.output
    assert not load_runs(sessions)[-1].index_pending
    rechecked = runner.invoke(["index", "check"])
    assert rechecked.exit_code == 0, rechecked.output
    assert sorted(_hits(index_dir)) == [f"2021/{n:05d}" for n in range(1, 36)]
    assert _hits(index_dir, "NEWCOMER31")[0] == "2021/00031"
    assert _hits(index_dir, "CHANGEDNAME3")[0] == "2021/00003"


def test_a_load_that_withdraws_leaves_no_drift(runner, tmp_path):
    assert runner.invoke(["load", str(_first_tree(tmp_path / "first"))]).exit_code == 0
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    smaller = write_tree(tmp_path / "smaller", {"red": [red_doc(n) for n in range(1, 28)]})
    assert "withdrawn 3" in runner.invoke(["load", str(smaller), "--full"]).output
    checked = runner.invoke(["index", "check"])
    assert (checked.exit_code, checked.output.strip()) == (0, "index matches the database")
