"""In-process cost of the web pages: ms per request through app.test_client(), and its ratio
to /about (the cheapest full-layout page, the floor of every page).

Usage (the NOTICES_* environment names a loaded database and its index, as for `notices`):
    PYTHONPATH=. python scripts/bench_pages.py [--rounds 7] [--repeat 40] [--json OUT]
    PYTHONPATH=. python scripts/bench_pages.py --profile detail [--top 30]

Each round requests every URL `repeat` times (after a warm-up) and keeps the median; the
report gives the median over rounds. "mix" is the HTTP benchmark's workload
(scripts/bench_http.py workload_paths), walked once per round: its mean ms per request.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_http import workload_paths  # noqa: E402

from notices import create_app  # noqa: E402


def sample_urls(db_path: Path) -> dict[str, str]:
    """The measured URLs, drawn from the loaded notices (the same ones on every run): the
    name search is a family name that fills a page."""
    with sqlite3.connect(db_path) as connection:
        entity_id, kind, forename, family, nationalities = connection.execute(
            "select entity_id, kind, forename, family_name, nationalities from notice "
            "where status = 'active' and kind = 'red' and forename is not null "
            "and family_name is not null and nationalities like '%\"__\"%' order by id limit 1 "
            "offset 500"
        ).fetchone()
        # A family name that fills a page of results, like most names people type.
        (common,) = connection.execute(
            "select family_name from notice where status = 'active' and kind = 'red' "
            "and family_name is not null group by family_name having count(*) >= 25 "
            "order by family_name limit 1"
        ).fetchone()
    nationality = re.findall(r"[A-Z]{2}", nationalities)[0]
    name = quote(common)
    return {
        "about": "/about",
        "healthz": "/healthz",
        "detail": f"/notices/{kind}/{entity_id.replace('/', '-')}",
        "browse": "/search",
        "nationality": f"/search?nationality={nationality}",
        "name": f"/search?q={name}",
        "api_name": f"/api/v1/search?q={name}",
        "compat": f"/notices/v1/red?nationality={nationality}&page=2",
    }


def timed(client, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        sys.exit(f"{path}: HTTP {response.status_code}")
    return seconds * 1000


def measure(client, urls: dict[str, str], mix: list[str], rounds: int, repeat: int) -> dict:
    """{name: median over rounds of the round's median ms} (mix: mean over the list)."""
    per_round: dict[str, list[float]] = {name: [] for name in [*urls, "mix"]}
    for path in [*urls.values(), *mix]:  # warm every cache and compiled template
        timed(client, path)
    for _ in range(rounds):
        for name, path in urls.items():
            per_round[name].append(statistics.median(timed(client, path) for _ in range(repeat)))
        per_round["mix"].append(statistics.fmean(timed(client, path) for path in mix))
    return {name: statistics.median(values) for name, values in per_round.items()}


def profile(client, path: str, repeat: int, top: int) -> None:
    for _ in range(5):
        timed(client, path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"# {path}: {repeat} requests")
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--mix-size", type=int, default=50, help="notices drawn for the mix")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--profile", help="profile one URL (a name of the report) instead")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    app = create_app()
    db_path = Path(app.config["DATABASE_URL"].removeprefix("sqlite:///"))
    urls = sample_urls(db_path)
    client = app.test_client()
    if args.profile:
        profile(client, urls[args.profile], args.repeat * 5, args.top)
        return
    mix = workload_paths(db_path, size=args.mix_size)
    ms = measure(client, urls, mix, args.rounds, args.repeat)
    floor = ms["about"]
    print(f"{'page':<12} {'ms/request':>10} {'x /about':>9}  url")
    for name, value in ms.items():
        print(f"{name:<12} {value:>10.3f} {floor / value:>9.2f}  {urls.get(name, 'workload')}")
    if args.json:
        args.json.write_text(json.dumps({"ms": ms, "urls": urls}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
