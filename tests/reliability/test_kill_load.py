"""SIGKILL in the middle of a load (after it has written a first batch inside its transaction):
the notice, warrant and picture tables are exactly as before, the index still matches them, the
killed load is listed as interrupted (not running) at once, and the next load succeeds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.fakeservice import FakeNoticeService, notice_document, write_notice
from tests.ingest.extracts import jpeg_bytes
from tests.reliability import processes
from tests.reliability.outcome import dump, load_runs

NOTICES_IN_SERVICE = 1100
STALL_AT = 1050  # past the loader's first batch of 1000 writes: rows exist, uncommitted
NATIONALITIES = ["FR", "DE", "IT", "ES", "PL", "NL", "BE", "PT", "SE", "AT", "CZ", "GR"]


class StallingService(FakeNoticeService):
    """The fake web service, except that one detail request hangs until released."""

    def __init__(self, root: Path, stall_at: int):
        super().__init__(root)
        self.stall_at = stall_at
        self.details = 0
        self.stalled = threading.Event()
        self.release = threading.Event()

    def answer(self, path: str, query: dict[str, str]):
        route = self._route(path)
        if route and route[1] and not route[2]:  # a detail document
            with self._lock:
                self.details += 1
                number = self.details
            if number == self.stall_at:
                self.stalled.set()
                self.release.wait(60)
        return super().answer(path, query)


def _document(number: int, name: str) -> dict:
    return notice_document(
        "red", number, name=name, nationalities=[NATIONALITIES[number % len(NATIONALITIES)]]
    )


def _tree(root: Path, count: int, name: str) -> Path:
    for number in range(1, count + 1):
        pictures = {"1": jpeg_bytes((number, 60, 90))} if number <= 3 else None
        write_notice(root, "red", _document(number, f"{name}{number}"), pictures)
    return root


@pytest.mark.slow
def test_sigkill_midway_through_a_load_changes_nothing(app, runner, sessions, cli_env, tmp_path):
    first = runner.invoke(["load", str(_tree(tmp_path / "first", 40, "FIRSTNAME"))])
    assert first.exit_code == 0, first.output
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    before = dump(sessions)
    assert len(before["notice"]) == 40 and len(before["picture"]) == 3

    service = StallingService(
        _tree(tmp_path / "service", NOTICES_IN_SERVICE, "SECONDNAME"), STALL_AT
    )
    with service:
        child = processes.start(["load", service.base_url, "--kind", "red"], cli_env)
        try:
            processes.wait_until(service.stalled.is_set, child, "the load stalled")
            running = load_runs(sessions)[-1]
            assert running.status == "running"
            # It holds the load lock: `loads list` must not call a live load interrupted.
            listing = runner.invoke(["loads", "list"])
            assert f"#{running.id} running" in listing.output, listing.output
        finally:
            processes.kill(child)
            service.release.set()
        assert processes.killed(child)

        assert dump(sessions) == before
        killed = load_runs(sessions)[-1]
        assert killed.status == "running"  # nobody has looked yet
        # Nobody holds the load lock any more: `loads list` tells the truth at once.
        listing = runner.invoke(["loads", "list"])
        assert f"#{killed.id} interrupted" in listing.output, listing.output
        checked = runner.invoke(["index", "check"])
        assert (checked.exit_code, checked.output.strip()) == (0, "index matches the database")

    # The next load (here from the same notices as files: quicker than over HTTP) succeeds.
    again = runner.invoke(["load", str(service.root), "--kind", "red"])
    assert again.exit_code == 0, again.output
    assert again.output.strip().splitlines()[-1] == (
        f"added {NOTICES_IN_SERVICE - 40}, changed 40, unchanged 0, withdrawn 0, rejected 0"
    )
    runs = {run.id: run for run in load_runs(sessions)}
    assert runs[killed.id].status == "interrupted"
    assert runs[killed.id].message == "the process ended before the load committed"
    listing = runner.invoke(["loads", "list"])
    assert f"#{killed.id} interrupted" in listing.output
    after = dump(sessions)
    assert len(after["notice"]) == NOTICES_IN_SERVICE and len(after["picture"]) == 3
    assert runner.invoke(["index", "check"]).exit_code == 0
