"""Two `notices load` processes at once on one database: the second waits for the first (it starts
while the first is stalled inside its transaction), both succeed, nothing is duplicated."""

from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import create_engine, func, select

from notices.db import make_session_factory
from notices.ingest.loader import DATABASE_BUSY, LoadOptions, run_load
from notices.ingest.sources import open_source
from notices.models import Notice, Warrant
from tests.conftest import TEST_DATABASE_URL
from tests.fakeservice import write_notice
from tests.ingest.extracts import red_doc, write_tree
from tests.reliability import processes
from tests.reliability.outcome import load_runs
from tests.reliability.test_kill_load import StallingService, _document


def _write(root, numbers, name):
    for number in numbers:
        write_notice(root, "red", _document(number, f"{name}{number}"))
    return root


@pytest.mark.slow
def test_two_loads_at_once(sessions, cli_env, tmp_path):
    first_tree = _write(tmp_path / "first", range(1, 301), "FIRSTLOAD")
    second_tree = _write(tmp_path / "second", range(201, 501), "SECONDLOAD")
    with StallingService(first_tree, stall_at=250) as service:
        first = processes.start(["load", service.base_url, "--kind", "red"], cli_env)
        second = None
        try:
            processes.wait_until(service.stalled.is_set, first, "the first load stalled")
            second = processes.start(["load", str(second_tree)], cli_env)
            time.sleep(0.5)  # let the second reach the lock (the result must not depend on it)
            service.release.set()
            first_code, first_out, first_err = processes.finish(first)
            second_code, second_out, second_err = processes.finish(second)
        finally:
            service.release.set()
            for process in (first, second):
                if process is not None:
                    processes.kill(process)  # only if a failure left it running

    assert (first_code, second_code) == (0, 0), first_err + second_err
    assert "Traceback" not in first_err + second_err
    # The second load saw the first one's notices: the 100 they share were changed, not added.
    assert first_out.strip().splitlines()[-1] == (
        "added 300, changed 0, unchanged 0, withdrawn 0, rejected 0"
    )
    assert second_out.strip().splitlines()[-1] == (
        "added 200, changed 100, unchanged 0, withdrawn 0, rejected 0"
    )
    runs = load_runs(sessions)
    assert [(run.status, run.added, run.changed) for run in runs] == [
        ("succeeded", 300, 0),
        ("succeeded", 200, 100),
    ]
    assert runs[0].finished_at <= runs[1].finished_at
    with sessions() as session:
        rows = session.execute(select(Notice.entity_id, Notice.family_name, Notice.last_load_id))
        notices = {entity_id: (name, load) for entity_id, name, load in rows}
        warrants = session.scalar(select(func.count(Warrant.id)))
    assert len(notices) == 500 and warrants == 500  # one warrant each, no duplicates
    for number in range(1, 501):
        name, load = notices[f"2024/{number:05d}"]
        expected = ("FIRSTLOAD", runs[0].id) if number <= 200 else ("SECONDLOAD", runs[1].id)
        assert (name, load) == (f"{expected[0]}{number}", expected[1])


@pytest.mark.skipif(TEST_DATABASE_URL is not None, reason="SQLite's busy timeout")
def test_a_load_kept_out_of_a_locked_database_says_so(app, sessions, tmp_path):
    """SQLite waits 30 s for the write lock, then gives up: a clear failure, nothing written."""
    url = app.config["DATABASE_URL"]
    impatient = create_engine(url, connect_args={"timeout": 0.1})  # 30 s in production
    tree = write_tree(tmp_path / "extract", {"red": [red_doc(1)]})
    holder = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
        report = run_load(
            make_session_factory(impatient),
            open_source(str(tree)),
            LoadOptions(media_dir=tmp_path / "media"),
        )
    finally:
        holder.close()
        impatient.dispose()
    assert report.failure == DATABASE_BUSY
    assert report.exit_code() == 1
    assert load_runs(sessions) == []
    with sessions() as session:
        assert session.scalar(select(func.count(Notice.id))) == 0
