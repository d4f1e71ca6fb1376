"""Web service loads are bounded: a deadline per request however slowly the server drips, and
a request and time budget per load that stops a crawl which never converges."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from notices.ingest.sources import FetchOptions
from notices.ingest.sources.budget import BudgetExceeded, FetchBudget
from notices.ingest.sources.fetch import FetchError, HttpClient
from tests.fakeservice import FakeNoticeService, notice_document, write_notice
from tests.reliability.outcome import dump, load_runs


class DrippingServer:
    """Answers every connection one byte at a time, `interval` seconds apart, for a long time:
    in the headers, or (after complete headers) in the body."""

    def __init__(self, where: str, interval: float = 0.2):
        self.where, self.interval = where, interval
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/notices/v1/red"

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed
                return
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        if self.where == "body":
            connection.sendall(head + b"Content-Length: 1000\r\n\r\n")
            head = b"{" + b" " * 999
        with connection:
            for byte in head:
                if self.stopped.wait(self.interval):
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_dripping_server_cannot_keep_a_request_alive(where):
    server = DrippingServer(where)
    options = FetchOptions(rate_per_second=None, retries=1, backoff_base=0.01, timeout=1.0)
    client = HttpClient(server.url.rsplit("/notices", 1)[0], options)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="no complete answer within 1 s"):
            client.get_bytes(server.url, 10_000)
    finally:
        server.close()
    assert time.monotonic() - started < 3.5  # two attempts of one second, and a backoff


def test_the_request_budget_stops_a_client():
    client = HttpClient(
        "http://127.0.0.1:9",
        FetchOptions(max_requests=2, retries=5, backoff_base=0.001, timeout=0.5),
    )
    with pytest.raises(BudgetExceeded, match="FETCH_MAX_REQUESTS"):
        client.get_bytes("http://127.0.0.1:9/notices/v1/red", 100)  # refused: retried
    assert client.budget.requests == 2


def test_the_time_budget_counts_wall_clock():
    now = [0.0]
    budget = FetchBudget(None, 60, clock=lambda: now[0])
    budget.spend()
    now[0] = 60.0
    with pytest.raises(BudgetExceeded, match="FETCH_MAX_SECONDS"):
        budget.spend()


class NeverConverging(FakeNoticeService):
    """Claims a total that shrinks by one with each filter, so every split looks worthwhile."""

    def _list(self, kind, query):
        document = super()._list(kind, {})
        filters = [key for key in query if key not in ("page", "resultPerPage")]
        document["total"] = 100_000 - len(filters)
        return document


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_MAX_REQUESTS": 150, "FETCH_RETRIES": 0}


def test_a_crawl_that_never_converges_stops_within_the_budget(runner, sessions, tmp_path):
    root = tmp_path / "service"
    for number in range(1, 4):
        write_notice(root, "red", notice_document("red", number))
    before = dump(sessions)
    with NeverConverging(root) as service:
        result = runner.invoke(["load", service.base_url, "--kind", "red", "--full"])
        requests = len(service.requests)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "FETCH_MAX_REQUESTS (150 requests)" in errors[0], result.output
    assert "nothing was changed" in errors[0]
    assert requests <= 150
    assert dump(sessions) == before
    assert load_runs(sessions)[-1].status == "failed"
