"""Running and killing real `notices` processes in tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from tests.reliability.conftest import NOTICES, REPO

PYTHON = sys.executable


def start(args: list[str], env: dict, *, driver: str | None = None) -> subprocess.Popen:
    """`notices ARGS`, or `python -c DRIVER ARGS` (a driver that ends by running the CLI)."""
    command = [str(PYTHON), "-c", driver, *args] if driver else [str(NOTICES), *args]
    return subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_until(condition: Callable[[], bool], process: subprocess.Popen, what: str) -> None:
    """Poll `condition` while `process` runs (a test about a kill must not race it)."""
    deadline = time.monotonic() + 60
    while not condition():
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the process ended before {what}:\n{out}\n{err}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL (no cleanup, no atexit, no rollback by the process itself), if still running."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def killed(process: subprocess.Popen) -> bool:
    return process.returncode == -signal.SIGKILL


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


# Run the CLI with one seam made to stop at a known point: it writes `marker` there and sleeps
# until the test kills it. argv: marker, stop point, then the `notices` arguments.
STOPPING_DRIVER = """
import sys, time
from pathlib import Path

marker, point, args = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]


def stop_here():
    marker.write_text(point)
    time.sleep(300)


if point == "adding documents":
    import search_index.writing as writing

    convert, seen = writing.convert, []

    def slow_convert(document):
        seen.append(document)
        if len(seen) == 3:  # the Whoosh writer is open and holds two documents
            stop_here()
        return convert(document)

    writing.convert = slow_convert
elif point == "before the commit":
    from search_index.columns import Columns

    save = Columns.save

    def save_then_stop(self, path):  # the column file of the new commit exists, Whoosh's not
        save(self, path)
        stop_here()

    Columns.save = save_then_stop

from notices.cli import main

main(args, prog_name="notices")
"""
