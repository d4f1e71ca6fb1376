"""Two web nodes on one database, each with its own index: a load on node A reaches node B's
index through its follower (`notices index follow`), adds, changes and withdrawals alike, within
seconds; a follower killed with SIGKILL resumes where its index stands and applies nothing twice.
On PostgreSQL (the suite's second run) the follower wakes on NOTIFY and outlives its database
connections being cut, as in a database restart; on SQLite it polls."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.request import urlopen

import pytest
from sqlalchemy import create_engine, text

from notices import create_app
from notices.models import JournalEntry
from tests.ingest.extracts import red_doc, write_tree
from tests.reliability import processes
from tests.web.helpers import serving

WITHIN_SECONDS = 5.0  # the promise: a withdrawal leaves every node's results this fast


def _tree(root: Path, numbers: range, renamed: dict[int, str] | None = None) -> Path:
    renamed = renamed or {}
    docs = [red_doc(n, name=renamed.get(n, f"TESTOVA{n}")) for n in numbers]
    return write_tree(root, {"red": docs})


def _get(base: str, path: str) -> dict:
    try:
        with urlopen(base + path, timeout=10) as response:  # noqa: S310 - loopback test server
            return json.load(response)
    except OSError as error:  # a 503 while the node has no index yet
        body = getattr(error, "read", lambda: b"{}")()
        return json.loads(body or b"{}")


def _ids(base: str, q: str = "") -> set[str]:
    found = _get(base, f"/api/v1/search?per_page=100&q={q}")
    return {item["entity_id"] for item in found.get("results", [])}


def _wait_for(condition, what: str, seconds: float, follower=None) -> float:
    """Seconds until `condition()` held; fails after `seconds`."""
    started = time.monotonic()
    while not condition():
        if follower is not None and follower.poll() is not None:
            out, err = follower.communicate()
            raise AssertionError(f"the follower ended before {what}:\n{out}\n{err}")
        assert time.monotonic() - started < seconds, f"{what} took longer than {seconds} s"
        time.sleep(0.05)
    return time.monotonic() - started


def _journal_end(sessions) -> int:
    with sessions() as session:
        return session.query(JournalEntry).order_by(JournalEntry.seq.desc()).first().seq


def _follow(env: dict) -> subprocess.Popen:
    return processes.start(["index", "follow", "--interval", "1"], env)


def _stop(follower: subprocess.Popen) -> str:
    if follower.poll() is None:
        follower.send_signal(signal.SIGTERM)
    out, err = follower.communicate(timeout=30)
    return out + err


@pytest.fixture
def nodes(app, app_config, cli_env, tmp_path):
    """Node A (the test app, where staff load) and node B (same database, its own index
    directory), each served over HTTP; and the environment of B's follower."""
    node_b = create_app({**app_config, "INDEX_DIR": str(tmp_path / "node-b-index")})
    with ExitStack() as stack:
        a = stack.enter_context(serving(app))
        b = stack.enter_context(serving(node_b))
        env_b = {**cli_env, "NOTICES_INDEX_DIR": node_b.config["INDEX_DIR"]}
        yield a, b, env_b, node_b
    node_b.extensions["notices"].engine.dispose()


@pytest.mark.slow
def test_a_second_node_follows_loads_and_a_killed_follower_loses_nothing(
    nodes, runner, sessions, tmp_path
):
    a, b, env_b, node_b = nodes
    assert runner.invoke(["load", str(_tree(tmp_path / "one", range(1, 31)))]).exit_code == 0
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    assert len(_ids(a)) == 30
    assert _get(b, "/readyz").get("status") == "not ready"  # B has no index yet

    follower = _follow(env_b)
    try:
        # An empty node is bootstrapped by a full build from the database.
        _wait_for(lambda: len(_ids(b)) == 30, "node B's first build", 60, follower)
        assert _get(b, "/readyz")["index_position"] == _journal_end(sessions)

        # One load on A: 1-3 withdrawn, 4 renamed, 31-32 added.
        second = _tree(tmp_path / "two", range(4, 33), renamed={4: "RENAMEDOVA"})
        loaded = runner.invoke(["load", "--full", str(second)])
        assert loaded.exit_code == 0, loaded.output
        committed = time.monotonic()  # the load committed before its command returned
        withdrawn = {"2021/00001", "2021/00002", "2021/00003"}

        def b_follows() -> bool:
            found = _ids(b)
            return (
                not found & withdrawn
                and {"2021/00031", "2021/00032"} <= found
                and _ids(b, "RENAMEDOVA") == {"2021/00004"}
            )

        _wait_for(b_follows, "node B following the load", WITHIN_SECONDS, follower)
        lag = time.monotonic() - committed
        assert lag <= WITHIN_SECONDS
        assert _ids(b) == _ids(a)
        ready = _get(b, "/readyz")
        assert ready["status"] == "ready" and ready["index_lag_seconds"] == 0.0
        assert ready["index_position"] == _journal_end(sessions)
    finally:
        processes.kill(follower)  # SIGKILL: no cleanup of any kind
    assert processes.killed(follower)

    # While B's follower is down, A loads again: B lags, and says so.
    third = _tree(tmp_path / "three", range(4, 34), renamed={5: "LATECOMEROVA"})
    assert runner.invoke(["load", str(third)]).exit_code == 0
    position = _get(b, "/readyz")["index_position"]
    assert position < _journal_end(sessions)
    assert "2021/00033" not in _ids(b)
    entries_after = _journal_end(sessions) - position

    restarted = _follow(env_b)
    try:
        _wait_for(lambda: "2021/00033" in _ids(b), "the restarted follower", 30, restarted)
        assert _ids(b, "LATECOMEROVA") == {"2021/00005"}
        time.sleep(1.5)  # another look at the journal: nothing new must be applied
    finally:
        said = _stop(restarted)
    assert restarted.returncode == 0, said
    # Resumed from B's own position: exactly the missed entries, once, and no rebuild.
    applied = [line for line in said.splitlines() if " applied " in line]
    assert len(applied) == 1 and f"applied {entries_after} change(s)" in applied[0], said
    assert "building it" not in said
    checked = processes.start(["index", "check"], env_b)
    assert processes.finish(checked)[0] == 0


@pytest.mark.slow
def test_the_follower_outlives_its_database_connections_being_cut(
    nodes, app, runner, app_config, tmp_path
):
    """What a PostgreSQL restart does to a client: every connection dropped at once."""
    if not app_config["DATABASE_URL"].startswith("postgresql"):
        pytest.skip("cutting server-side connections needs PostgreSQL")
    a, b, env_b, node_b = nodes
    assert runner.invoke(["load", str(_tree(tmp_path / "one", range(1, 11)))]).exit_code == 0
    follower = _follow(env_b)
    try:
        _wait_for(lambda: len(_ids(b)) == 10, "node B's first build", 60, follower)
        engine = create_engine(os.environ["NOTICES_TEST_DATABASE_URL"])
        with engine.begin() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND application_name NOT LIKE 'pg_%'"
                )
            )
        engine.dispose()
        for node in (app, node_b):
            node.extensions["notices"].engine.dispose()  # the test's own pools were cut too
        second = _tree(tmp_path / "two", range(2, 12))
        assert runner.invoke(["load", "--full", str(second)]).exit_code == 0
        _wait_for(
            lambda: "2021/00011" in _ids(b) and "2021/00001" not in _ids(b),
            "the follower after the cut",
            30,
            follower,
        )
    finally:
        said = _stop(follower)
    assert "database unreachable" in said and "applied" in said, said
