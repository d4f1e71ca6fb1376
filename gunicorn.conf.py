"""Production gunicorn settings (gunicorn reads this file from the working directory).

Threaded workers: a worker thread waits for a slow client's bytes while the others answer, and
keep-alive connections wait in the worker's poller instead of holding a thread. Every value
can be changed with an environment variable (NOTICES_WORKERS, ...) or on the command line.
"""

import ctypes
import ctypes.util
import os
import time

MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)


def cap_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Let glibc's malloc keep at most `arenas` heaps per process; True if it took the setting.

    By default each request thread gets a heap of its own (up to eight per core), and memory
    freed in one heap is not reused by the others: after the benchmark's mix a worker held
    30-45 MB more than with two heaps, for no measurable difference in speed (the interpreter
    lock already serialises most allocations). Called in the master, so every worker inherits
    it; an operator's MALLOC_ARENA_MAX, which glibc has read at start, is left alone.
    """
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    name = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(name), "mallopt", None) if name else None
    if mallopt is None:  # not glibc (musl, macOS): nothing to set
        return False
    return bool(mallopt(_M_ARENA_MAX, arenas))


bind = os.environ.get("NOTICES_BIND", f"127.0.0.1:{os.environ.get('PORT', '5000')}")
# Two cores here: two processes (search is CPU work, one per core), each with threads for
# requests that wait on the database, the disk or a slow client.
workers = int(os.environ.get("NOTICES_WORKERS", "2"))
# Rate limits kept in process memory are split among the workers (see
# notices/web/common/ratelimit.py); the workers inherit this from the master.
os.environ["NOTICES_WORKER_PROCESSES"] = str(workers)
worker_class = "gthread"
threads = int(os.environ.get("NOTICES_THREADS", "16"))
# A request that takes longer than this is stuck: the worker is restarted.
timeout = 30
graceful_timeout = 20
keepalive = 5  # seconds an idle keep-alive connection is kept
# Bound what a client can make the server hold: request line and header sizes.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
wsgi_app = "notices:create_app()"
accesslog = os.environ.get("NOTICES_ACCESS_LOG", "-")
cap_malloc_arenas()


def post_worker_init(worker) -> None:  # noqa: ANN001 - gunicorn's Worker
    """Load the search index, compile the templates and read the languages' data before this
    worker accepts its first connection. Loading the index takes a second or more at 100k
    notices; done by the first request instead, it held that request and every one queued
    behind it in the worker, and a freshly started node missed its first seconds of traffic."""
    from notices.web.warmup import warm_worker  # the app is loaded by now, in this worker

    started = time.monotonic()
    problem = warm_worker(worker.wsgi)
    if problem is not None:
        worker.log.warning("search index not opened at start: %s", problem)
    # The line tells operators (and scripts/bench) when this worker takes connections.
    worker.log.info("worker %s ready in %.1f s", worker.pid, time.monotonic() - started)
