"""gunicorn.conf.py caps glibc's malloc heaps, so request threads share two heaps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[3] / "gunicorn.conf.py"
# Eight threads each allocate while all are alive; malloc_info() then lists one <heap> per
# arena. Blocks of 100 kB go to malloc (not Python's own small-object allocator).
HEAPS_SEEN_BY_EIGHT_THREADS = """
import ctypes, ctypes.util, runpy, sys, tempfile, threading
if sys.argv[1] == "conf":
    runpy.run_path(sys.argv[2])
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.fopen.restype = ctypes.c_void_p
ready, done = threading.Barrier(9), threading.Event()
def work():
    held = [bytearray(100_000) for _ in range(5)]
    ready.wait()
    done.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
ready.wait()
with tempfile.NamedTemporaryFile("r") as out:
    stream = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(stream))
    libc.fclose(ctypes.c_void_p(stream))
    print(out.read().count("<heap nr="))
done.set()
"""


def _heaps(*args: str) -> int:
    env = {key: value for key, value in os.environ.items() if key != "MALLOC_ARENA_MAX"}
    done = subprocess.run(
        [sys.executable, "-c", HEAPS_SEEN_BY_EIGHT_THREADS, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_info")
def test_worker_threads_share_two_malloc_heaps():
    assert _heaps("plain") > 2  # glibc's default: a heap per thread, up to eight per core
    assert _heaps("conf", str(CONF)) <= 2
