"""How long a public request waits when the index is damaged or missing (goal: a 503 within
50 ms, never holding a worker): real app, real index files, milliseconds per request."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from search_index import IndexDocument, IndexHome, PersonName

REQUESTS = 20


def _build(index_dir: Path, count: int = 2000) -> None:
    IndexHome(index_dir).rebuild(
        IndexDocument(
            entity_id=f"2020/{n}",
            kind="red",
            names=[PersonName("ALEX", f"NAME{n}")],
            published=datetime(2020, 1, 1),
        )
        for n in range(1, count + 1)
    )


def _damage(index_dir: Path, how: str) -> None:
    generation = index_dir / (index_dir / "CURRENT").read_text().strip()
    if how == "segments deleted":
        for path in generation.glob("*.seg"):
            path.unlink()
    elif how == "generation deleted":
        shutil.rmtree(generation)


def _timings(index_dir: Path, db_url: str) -> list[float]:
    from notices import create_app
    from notices.db import upgrade
    from notices.web.warmup import warm_worker

    upgrade(db_url)  # an empty but valid database: only the index is broken
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "DATABASE_URL": db_url,
            "INDEX_DIR": str(index_dir),
            "RATE_LIMITS_ENABLED": False,
        }
    )
    app.logger.disabled = True  # each 503 logs the repair advice; not what is measured
    warm_worker(app)  # as a gunicorn worker does before it takes connections
    client = app.test_client()
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        status = client.get("/search?q=name12").status_code
        timings.append((time.perf_counter() - started) * 1000)
        assert status == 503, status
    app.extensions["notices"].engine.dispose()
    return timings


def bench_failfast() -> dict:
    """ms per /search request (first, median, max) for each kind of damage."""
    results = {}
    for how in ("segments deleted", "generation deleted"):
        with tempfile.TemporaryDirectory() as work:
            index_dir = Path(work) / "index"
            _build(index_dir)
            _damage(index_dir, how)
            timings = _timings(index_dir, f"sqlite:///{work}/empty.db")
        results[how] = {
            "first_ms": round(timings[0], 1),
            "median_ms": round(statistics.median(timings), 1),
            "max_ms": round(max(timings), 1),
        }
        print(
            f"  {how:20} first {results[how]['first_ms']} ms, median "
            f"{results[how]['median_ms']} ms, max {results[how]['max_ms']} ms (goal <= 50)"
        )
    return results
