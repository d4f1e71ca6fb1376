"""Whether a wrk run measured every gunicorn worker. A run that starts while one worker is still
busy can leave all its keep-alive connections on the other: it then measures half the server
(a cache-off `/healthz` slower than `/about`, one page at 0.12 of `/about` in one run and 0.32 in
the next)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

MIN_SHARE = 0.5  # the least busy worker did at least half the CPU work of the busiest
ATTEMPTS = 3


def worker_pids(server: subprocess.Popen) -> list[int]:
    """The gunicorn arbiter's worker processes."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(child) for child in children]


def _cpu_ticks(pid: int) -> int:
    """User plus system CPU time of a process, in clock ticks (fields 14 and 15 of its stat;
    the name in parentheses may hold spaces, so the fields are counted after it)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def cpu_share(server: subprocess.Popen, run: Callable[[], dict]) -> dict:
    """run()'s numbers with worker_cpu_share: the least busy worker's CPU time during the run
    as a share of the busiest one's (1.0: evenly spread)."""
    pids = worker_pids(server)
    before = [_cpu_ticks(pid) for pid in pids]
    numbers = run()
    used = [_cpu_ticks(pid) - start for pid, start in zip(pids, before, strict=True)]
    numbers["worker_cpu_share"] = round(min(used) / max(max(used), 1), 2) if used else None
    return numbers


def lopsided(numbers: dict) -> bool:
    """Whether a cpu_share() run left one worker with less than MIN_SHARE of the other's work."""
    share = numbers["worker_cpu_share"]
    return share is not None and share < MIN_SHARE


def spread_run(server: subprocess.Popen, run: Callable[[], dict]) -> dict:
    """cpu_share(run), run again (up to ATTEMPTS times) while lopsided; `attempts` says how
    many runs it took. For runs whose repetition measures the same thing (one URL, already
    cached or never cached)."""
    for attempt in range(1, ATTEMPTS + 1):
        numbers = cpu_share(server, run)
        numbers["attempts"] = attempt
        if not lopsided(numbers):
            break
    return numbers
