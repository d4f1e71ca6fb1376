"""HTTP load benchmark: gunicorn (2 workers) on loopback, a mixed query workload from wrk,
once idle and once while `notices index rebuild` and `notices load` run at the same time."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_workers import ATTEMPTS, cpu_share, lopsided, spread_run, worker_pids

BIN = Path(sys.executable).parent
PAUSE_SECONDS = 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def workload_paths(db_path: Path, seed: int = 7, size: int = 400) -> list[str]:
    """A fixed mix: exact and misspelt names, names with filters, browse pages with facets,
    deep pages, notice details and both APIs, drawn from the loaded notices."""
    rng = random.Random(seed)
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "select entity_id, kind, forename, family_name, nationalities from notice "
            "where status = 'active' and family_name is not null order by id"
        ).fetchall()
    sample = rng.sample(rows, min(size, len(rows)))
    paths = []
    for entity_id, kind, forename, family, nationalities in sample:
        name = f"{forename or ''} {family}".strip()
        nationality = (re.findall(r"[A-Z]{2}", nationalities or "") or ["FR"])[0]
        paths += [
            f"/search?q={_quote(name)}",
            f"/search?q={_quote(_misspell(family, rng))}",
            f"/search?q={_quote(family)}&nationality={nationality}&sex=M",
            f"/search?nationality={nationality}",
            f"/search?kind=red&page={rng.randint(1, 400)}",
            f"/notices/{kind}/{entity_id.replace('/', '-')}",
            f"/api/v1/search?q={_quote(name)}",
            f"/notices/v1/red?nationality={nationality}&page=2",
        ]
    rng.shuffle(paths)
    return paths


def _misspell(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


def write_wrk_script(paths: list[str], target: Path) -> Path:
    """A Lua script for wrk that walks the path list round-robin, one list per thread."""
    quoted = ",\n".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    target.write_text(
        f"local paths = {{\n{quoted}\n}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = (i % #paths) + 1\n"
        "  return wrk.format('GET', paths[i])\n"
        "end\n"
        "done = function(summary, latency, requests)\n"
        "  io.write(string.format('RESULT requests=%d errors_status=%d errors_connect=%d "
        "errors_timeout=%d errors_read=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f seconds=%.2f\\n',"
        " summary.requests, summary.errors.status, summary.errors.connect, "
        "summary.errors.timeout, summary.errors.read, latency:percentile(50)/1000, "
        "latency:percentile(99)/1000, latency.max/1000, summary.duration/1e6))\n"
        "end\n",
        encoding="utf-8",
    )
    return target


def write_single_script(target: Path) -> Path:
    """A Lua script for wrk that requests its command-line URL and reports like the mix."""
    mix = target.with_suffix(".mix.lua")
    write_wrk_script(["/"], mix)
    lines = mix.read_text(encoding="utf-8").splitlines()
    report = lines[lines.index(next(line for line in lines if line.startswith("done ="))) :]
    target.write_text("\n".join(report) + "\n", encoding="utf-8")
    mix.unlink()
    return target


def single_urls(paths: list[str]) -> dict[str, str]:
    """The issue's table: the floors, then one URL of each surface, taken from the mix."""

    def first(prefix: str, also: str = "") -> str:
        return next(p for p in paths if p.startswith(prefix) and also in p)

    return {
        "healthz": "/healthz",
        "about": "/about",
        "compat_list": first("/notices/v1/red?"),
        "detail": first("/notices/", "-"),
        "browse": "/search",
        "browse_nationality": "/search?nationality=DE",
        "name_search": next(p for p in paths if p.startswith("/search?q=") and "&" not in p),
        "api_search": first("/api/v1/search?q="),
    }


def url_rates(
    server: subprocess.Popen, port: int, paths: list[str], workdir: Path, seconds: int
) -> dict:
    """Requests per second of each single URL, and each as a ratio of the /about rate; a run
    that measured one worker only is run again (bench_workers.spread_run)."""
    script = write_single_script(workdir / "single.lua")
    rates = {}
    for label, path in single_urls(paths).items():
        run_wrk(port, script, 2, path=path)  # warm-up, not counted
        numbers = spread_run(server, lambda p=path: run_wrk(port, script, seconds, path=p))
        rates[label] = {
            "path": path,
            "requests_per_s": numbers["requests_per_s"],
            "p99_ms": numbers["p99_ms"],
            "errors": numbers["errors"],
            "worker_cpu_share": numbers["worker_cpu_share"],
            "attempts": numbers["attempts"],
        }
    about = rates["about"]["requests_per_s"] or 1
    for numbers in rates.values():
        numbers["ratio_to_about"] = round(numbers["requests_per_s"] / about, 2)
    return rates


def worker_memory_mb(server: subprocess.Popen) -> list[dict]:
    """Each worker's RSS, PSS (shared pages divided among their users), private anonymous
    memory and file-backed pages, in MiB. Every thread's Whoosh reader maps the segment file
    again, and RSS counts each mapping's pages once per mapping although they are one copy in
    the page cache: PSS counts them once, divided among the workers."""
    found = []
    for child in worker_pids(server):
        rollup = Path(f"/proc/{child}/smaps_rollup").read_text()

        def field(name: str, text: str = rollup) -> int:
            return int(re.search(rf"^{name}:\s+(\d+)", text, re.M).group(1)) // 1024

        rss, anonymous = field("Rss"), field("Anonymous")
        found.append({"rss": rss, "pss": field("Pss"), "anon": anonymous, "file": rss - anonymous})
    return found


def start_gunicorn(env: dict, port: int, workers: int = 2) -> subprocess.Popen:
    """gunicorn on `port`, returned once every worker has loaded the index and takes
    connections. A worker still loading would take none of wrk's keep-alive connections: all
    16 stayed with the first worker ready, and the run measured one worker of two."""
    descriptor, log = tempfile.mkstemp(prefix="bench-gunicorn-", suffix=".log")
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--config",
            str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"),
            "-w",
            str(workers),
            "-k",
            "gthread",
            "--threads",
            "4",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "info",
            "notices:create_app()",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=descriptor,
    )
    os.close(descriptor)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        ready = Path(log).read_text(errors="replace").count(" ready in ")
        if ready >= workers:
            return process
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not start: see {log}")


def run_wrk(port: int, script: Path, seconds: int, connections: int = 16, path: str = "") -> dict:
    """wrk with the script's path list, or (with `path`) the script's reporting on one URL.

    Waits a moment first: a worker still answering the previous run's last requests would take
    none of the new run's keep-alive connections, and the whole run would measure one worker."""
    time.sleep(PAUSE_SECONDS)
    done = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"RESULT (.*)", done.stdout)
    numbers = {k: float(v) for k, v in (pair.split("=") for pair in match.group(1).split())}
    numbers["requests_per_s"] = round(numbers["requests"] / numbers["seconds"], 1)
    numbers["errors"] = int(sum(v for k, v in numbers.items() if k.startswith("errors_")))
    return numbers


def run_while(port: int, script: Path, staff: list, chunk_seconds: int, min_seconds: int) -> dict:
    """Keep the load on in chunks until the staff commands have finished (so the index switch
    and every worker's reopen fall inside the measurement), plus one chunk after."""
    chunks = []
    started = time.monotonic()
    while any(p.poll() is None for p in staff) or time.monotonic() - started < min_seconds:
        chunks.append(run_wrk(port, script, chunk_seconds))
    chunks.append(run_wrk(port, script, chunk_seconds))
    total = {
        key: sum(c[key] for c in chunks)
        for key in (
            "requests",
            "seconds",
            "errors",
            "errors_status",
            "errors_connect",
            "errors_timeout",
            "errors_read",
        )
    }
    total["requests_per_s"] = round(total["requests"] / total["seconds"], 1)
    total["p50_ms"] = sorted(c["p50_ms"] for c in chunks)[len(chunks) // 2]  # median of chunks
    total["p99_ms"] = max(c["p99_ms"] for c in chunks)  # worst chunk: conservative
    total["max_ms"] = max(c["max_ms"] for c in chunks)
    total["chunks"] = len(chunks)
    return total


def run_http_bench(env: dict, db_path: Path, tree: Path, workdir: Path, seconds: int = 60) -> dict:
    """The mix idle and each single URL, then the mix while a rebuild and a load run; then the
    same idle runs again with the response cache off (what a request costs when rendered)."""
    paths = workload_paths(db_path)
    script = write_wrk_script(paths, workdir / "workload.lua")
    result = _measure(env, paths, script, workdir, seconds, tree)
    uncached = _measure({**env, "NOTICES_RESPONSE_CACHE_MB": "0"}, paths, script, workdir, seconds)
    result["response_cache_off"] = uncached
    result.update(workers=2, connections=16, seconds=seconds)
    return result


def _measure(
    env: dict, paths: list[str], script: Path, workdir: Path, seconds: int, tree: Path | None = None
) -> dict:
    server, port, idle = _idle_mix(env, script, seconds)
    try:
        memory = worker_memory_mb(server)
        result = {
            "idle": idle,
            "worker_rss_mb_after_mix": [entry["rss"] for entry in memory],
            "worker_memory_mb_after_mix": memory,
        }
        result["response_cache_one_worker"] = _readiness(port).get("response_cache")
        result["single_urls"] = url_rates(server, port, paths, workdir, max(5, seconds // 3))
        about = result["single_urls"]["about"]["requests_per_s"] or 1
        idle["ratio_to_about"] = round(idle["requests_per_s"] / about, 2)
        if tree is not None:
            result.update(_while_staff_work(env, port, script, seconds, tree))
    finally:
        _stop(server)
    return result


def _idle_mix(env: dict, script: Path, seconds: int) -> tuple[subprocess.Popen, int, dict]:
    """gunicorn started and warmed, and the mix run on it idle. While the run measured one
    worker only (bench_workers), gunicorn is started afresh and the mix run again: a second
    run on the same workers would meet a warmer response cache."""
    attempt = 0
    while True:
        attempt += 1
        port = free_port()
        server = start_gunicorn(env, port)
        run_wrk(port, script, 5)  # warm every worker's searcher and caches
        idle = cpu_share(server, lambda port=port: run_wrk(port, script, seconds))
        idle["attempts"] = attempt
        if not lopsided(idle) or attempt == ATTEMPTS:
            return server, port, idle
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def _readiness(port: int) -> dict:
    from urllib.request import urlopen

    with urlopen(f"http://127.0.0.1:{port}/readyz", timeout=10) as answer:  # noqa: S310
        return json.loads(answer.read())


def _while_staff_work(env: dict, port: int, script: Path, seconds: int, tree: Path) -> dict:
    commands = {"rebuild": ["index", "rebuild"], "load": ["load", str(tree)]}
    started = time.perf_counter()
    staff = [
        subprocess.Popen(
            [str(BIN / "notices"), *command],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for command in commands.values()
    ]
    ended: dict[str, float] = {}
    waiters = [
        threading.Thread(target=_note_exit, args=(process, name, ended), daemon=True)
        for name, process in zip(commands, staff, strict=True)
    ]
    for waiter in waiters:
        waiter.start()
    busy = run_while(port, script, staff, chunk_seconds=15, min_seconds=seconds)
    for waiter in waiters:
        waiter.join()
    busy["staff_seconds"] = {name: round(ended[name] - started, 1) for name in commands}
    return {"during_rebuild_and_load": busy, "staff_exit_codes": [p.wait() for p in staff]}


def _note_exit(process: subprocess.Popen, name: str, ended: dict[str, float]) -> None:
    """Wait for a staff command (in a thread) and note when it ended: how long staff work
    takes while the public keeps the web workers busy."""
    process.wait()
    ended[name] = time.perf_counter()


if __name__ == "__main__":
    print("use scripts/bench http", file=sys.stderr)
    sys.exit(os.EX_USAGE)
