"""Environment failures of staff commands: one `error:` line, the documented exit code, "nothing
was changed" when true, no traceback, no leftovers; and every load attempt has a true record."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from notices import create_app
from notices.cli import main
from notices.ingest import store
from tests.ingest.extracts import red_doc, write_tree
from tests.reliability.outcome import dump, load_runs


def _one_error(result, *fragments: str) -> str:
    assert "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]


def _leftover_temporaries(index_dir: str) -> list[str]:
    return [str(path) for path in Path(index_dir).rglob("*") if ".tmp" in path.name]


@pytest.fixture
def full_disk(monkeypatch):
    """Every fsync from Python finds the disk full (the index writes column files with it)."""

    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return lambda: monkeypatch.setattr(os, "fsync", fsync)


def test_a_full_disk_during_a_rebuild_changes_nothing(app, runner, tmp_path, full_disk):
    runner.invoke(["load", str(write_tree(tmp_path / "a", {"red": [red_doc(1)]}))])
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    generations = sorted(os.listdir(app.config["INDEX_DIR"]))
    full_disk()
    result = runner.invoke(["index", "rebuild"])
    assert result.exit_code == 1
    _one_error(result, "No space left on device", "nothing was changed")
    assert sorted(os.listdir(app.config["INDEX_DIR"])) == generations
    assert _leftover_temporaries(app.config["INDEX_DIR"]) == []


def test_a_full_disk_during_the_index_update_of_a_load(
    app, runner, sessions, tmp_path, full_disk, monkeypatch
):
    runner.invoke(["load", str(write_tree(tmp_path / "a", {"red": [red_doc(1)]}))])
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    full_disk()
    result = runner.invoke(["load", str(write_tree(tmp_path / "b", {"red": [red_doc(2)]}))])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert "warning: the load was saved" in result.output
    assert _leftover_temporaries(app.config["INDEX_DIR"]) == []
    assert load_runs(sessions)[-1].index_pending
    monkeypatch.undo()  # space again: the next load repairs the index first
    again = runner.invoke(["load", str(write_tree(tmp_path / "c", {"red": [red_doc(3)]}))])
    assert again.exit_code == 0, again.output
    assert runner.invoke(["index", "check"]).exit_code == 0


def test_a_database_error_during_a_load_is_one_line(runner, sessions, tmp_path, monkeypatch):
    runner.invoke(["load", str(write_tree(tmp_path / "a", {"red": [red_doc(1)]}))])
    before = dump(sessions)

    def disk_full(self, writes):
        raise OperationalError("INSERT ...", {}, Exception("database or disk is full"))

    monkeypatch.setattr(store.BatchWriter, "write", disk_full)
    result = runner.invoke(["load", str(write_tree(tmp_path / "b", {"red": [red_doc(2)]}))])
    assert result.exit_code == 1
    _one_error(result, "database or disk is full", "nothing was changed")
    assert dump(sessions) == before
    assert load_runs(sessions)[-1].status == "failed"


@pytest.mark.parametrize(
    "command",
    [["load", "."], ["loads", "list"], ["index", "rebuild"], ["index", "check"], ["db", "upgrade"]],
)
def test_an_unreachable_database_is_one_line(command, app_config):
    app = create_app(
        {**app_config, "DATABASE_URL": "postgresql+psycopg://staff:secret@127.0.0.1:1/notices"}
    )
    result = app.test_cli_runner().invoke(main, command)
    assert result.exit_code == 1, result.output
    line = _one_error(result, "cannot use the database", "127.0.0.1:1")
    assert "secret" not in line
    if command[0] == "load":
        assert "nothing was changed" in line
    app.extensions["notices"].engine.dispose()


def test_an_unreadable_source_is_recorded(runner, sessions, tmp_path):
    result = runner.invoke(["load", str(tmp_path / "missing")])
    assert result.exit_code == 1
    run = load_runs(sessions)[-1]
    assert (run.status, run.added) == ("failed", 0)
    assert "no such file or directory" in run.message
    assert "#1 failed" in runner.invoke(["loads", "list"]).output


def test_an_all_rejected_json_lines_load_is_recorded_as_failed(runner, sessions, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(red_doc(n, sex_id="X")) for n in (1, 2)) + "\n")
    result = runner.invoke(["load", str(path)])
    assert result.exit_code == 1, result.output
    run = load_runs(sessions)[-1]
    assert (run.status, run.added, run.rejected) == ("failed", 0, 2)


def test_a_partly_rejected_load_says_so(runner, sessions, tmp_path):
    tree = write_tree(tmp_path / "a", {"red": [red_doc(1), red_doc(2, sex_id="X")]})
    assert runner.invoke(["load", str(tree)]).exit_code == 3
    assert load_runs(sessions)[-1].status == "partly rejected"
    assert "partly rejected" in runner.invoke(["loads", "list"]).output
