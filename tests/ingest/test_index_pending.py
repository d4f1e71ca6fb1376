"""A load whose index update never finished stays "index pending" until the next load (or
`notices index update`, or a rebuild) repairs the index."""

from __future__ import annotations

import pytest

from notices import operations
from tests.ingest.extracts import red_doc, write_tree
from tests.reliability.outcome import load_runs


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no exception handler sees it."""


@pytest.fixture
def killed_after_commit(runner, tmp_path, monkeypatch):
    """A load that committed, then died before its index update."""
    assert (
        runner.invoke(["load", str(write_tree(tmp_path / "a", {"red": [red_doc(1)]}))]).exit_code
        == 0
    )
    assert runner.invoke(["index", "rebuild"]).exit_code == 0

    def die(*args, **kwargs):
        raise Killed

    with monkeypatch.context() as patched:
        patched.setattr(operations.indexing, "catch_up", die)
        with pytest.raises(Killed):
            runner.invoke(["load", str(write_tree(tmp_path / "b", {"red": [red_doc(2)]}))])


def _pending(app) -> bool:
    with operations.sessions_for(app)() as session:
        return operations.index_pending(session)


def test_the_next_load_repairs_the_index_first(
    app, runner, sessions, tmp_path, killed_after_commit
):
    assert _pending(app)
    assert load_runs(sessions)[-1].index_pending
    assert "[index pending" in runner.invoke(["loads", "list", "--limit", "1"]).output
    assert runner.invoke(["index", "check"]).exit_code == 1

    result = runner.invoke(["load", str(write_tree(tmp_path / "c", {"red": [red_doc(3)]}))])
    assert result.exit_code == 0, result.output
    assert "drift left by an earlier load repaired: 1 missing, 0 extra, 0 stale" in result.output
    checked = runner.invoke(["index", "check"])
    assert checked.exit_code == 0, checked.output
    assert not _pending(app)
    assert "index pending" not in runner.invoke(["loads", "list"]).output


@pytest.mark.parametrize("command", [["index", "update"], ["index", "rebuild"]])
def test_index_commands_clear_the_pending_state(command, app, runner, killed_after_commit):
    assert _pending(app)
    assert runner.invoke(command).exit_code == 0
    assert not _pending(app)
    assert runner.invoke(["index", "check"]).exit_code == 0


def test_a_load_that_changes_nothing_leaves_nothing_pending(app, runner, tmp_path):
    tree = write_tree(tmp_path / "a", {"red": [red_doc(1)]})
    runner.invoke(["load", str(tree)])
    assert runner.invoke(["load", str(tree)]).exit_code == 0
    assert not _pending(app)
