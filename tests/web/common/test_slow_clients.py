"""Slow clients cannot stop the production server: gunicorn started the README's way, with
the repository's gunicorn.conf.py, keeps answering while connections dribble their headers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).parent / "gunicorn"
SLOW_CLIENTS = 8


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def _dribble(port: int, stop: threading.Event) -> None:
    """Send a request's header lines one at a time, slowly, and never finish it."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        number = 0
        while not stop.wait(3.0):
            number += 1
            try:
                sock.sendall(f"X-Slow-{number}: {'a' * 10}\r\n".encode())
            except OSError:
                return  # the server gave up on us: that is fine too


def _timed_get(url: str) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        response.read()
    return time.monotonic() - started


@pytest.mark.slow
def test_eight_slow_connections_do_not_stop_health_checks_or_searches(data_app):
    port = _free_port()
    config = data_app.config
    env = {key: value for key, value in os.environ.items() if not key.startswith("NOTICES_")}
    env.update(
        NOTICES_DATABASE_URL=config["DATABASE_URL"],
        NOTICES_INDEX_DIR=config["INDEX_DIR"],
        NOTICES_MEDIA_DIR=config["MEDIA_DIR"],
        NOTICES_DATA_DIR=config["DATA_DIR"],
        NOTICES_SECRET_KEY="s" * 40,
        NOTICES_INSTANCE_PATH=os.environ["NOTICES_INSTANCE_PATH"],
        NOTICES_BIND=f"127.0.0.1:{port}",
        NOTICES_ACCESS_LOG="/dev/null",
        NOTICES_RATE_LIMITS_ENABLED="false",
    )
    # The README's way: `gunicorn` in the checkout, which reads gunicorn.conf.py.
    server = subprocess.Popen(
        [str(GUNICORN)], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    stop = threading.Event()
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server)
        attackers = [
            threading.Thread(target=_dribble, args=(port, stop), daemon=True)
            for _ in range(SLOW_CLIENTS)
        ]
        for attacker in attackers:
            attacker.start()
        time.sleep(1.0)  # every slow connection is open and has sent something
        timings = []
        for _ in range(5):
            timings.append(_timed_get(f"{base}/healthz"))
            timings.append(_timed_get(f"{base}/search?q=exampleman"))
            time.sleep(0.5)
        assert max(timings) < 2.0, timings
    finally:
        stop.set()
        server.terminate()
        server.communicate(timeout=30)
