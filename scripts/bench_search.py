"""Benchmark of search_index at scale: rebuild time, size, query latency, naive baseline.

Usage: PYTHONPATH=. python scripts/bench_search.py [COUNT]   (default 100000; prints JSON)
All names are generated from syllables: fictitious, in Latin, Cyrillic and Arabic script.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import accumulate

from search_index import IndexDocument, IndexHome, PersonName, SearchQuery, search

SYLLABLES = (
    "ka", "ri", "mo", "tan", "el", "va", "sun", "dor", "li", "mi", "na", "ro", "zu", "bek", "ov",
    "an", "sa", "lim", "ha", "mad", "ter", "gal", "pe", "ne", "dru", "fa", "lo", "wen", "is",
    "ba", "cor", "vi", "ul", "es",
)
_CYRILLIC = dict(zip("abdefghiklmnoprstuvwz", "абдефгхиклмнопрстуввз", strict=True))
_ARABIC = dict(zip("abdefghiklmnoprstuvwz", "ابديفغهيكلمنوبرستوفوز", strict=True))
NATIONS = [f"{a}{b}" for a in "ABCDEFGHIJ" for b in "KLMNOPQRST"]  # 100 fictitious codes
KINDS = ("red", "red", "red", "yellow", "yellow", "un-person", "un-entity")
CHARGES = (
    "fraud money laundering", "armed robbery", "trafficking in persons", "homicide",
    "escroquerie en bande organisée", "blanqueo de capitales", "мошенничество", "洗钱 诈骗",
)
QUERY_TYPES = ("exact", "misspelt", "other_script", "name_filters", "browse_facets", "deep_page",
               "keywords")


def _word(rnd: random.Random, low: int, high: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(low, high)))


def _script(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in word.lower())


def synthetic_documents(count: int, seed: int = 7):
    """`count` fictitious IndexDocuments with a Zipf-like spread of family names."""
    rnd = random.Random(seed)
    families = list(dict.fromkeys(_word(rnd, 2, 3) for _ in range(max(50, count // 5))))
    forenames = list(dict.fromkeys(_word(rnd, 2, 2) for _ in range(max(20, count // 50))))
    # Zipf-like with a flattened head: the commonest family name is ~1.3 % of notices.
    family_weights = list(accumulate(1 / (rank + 10) for rank in range(len(families))))
    forename_weights = list(accumulate(1 / (rank + 5) for rank in range(len(forenames))))
    start = datetime(2005, 1, 1)
    for number in range(count):
        family = rnd.choices(families, cum_weights=family_weights)[0]
        forename = rnd.choices(forenames, cum_weights=forename_weights)[0]
        people = [PersonName(forename.capitalize(), family.upper())]
        if rnd.random() < 0.2:
            table = _CYRILLIC if rnd.random() < 0.5 else _ARABIC
            people.append(PersonName(_script(forename, table), _script(family, table)))
        if rnd.random() < 0.1:
            people.append(PersonName(None, _word(rnd, 2, 3).upper()))
        year = rnd.randint(1940, 2010)
        precision = rnd.random()
        if precision < 0.7:
            born = date(year, rnd.randint(1, 12), rnd.randint(1, 28))
            earliest, latest = born, born
        elif precision < 0.9:
            earliest, latest = date(year, 1, 1), date(year, 12, 31)
        else:
            earliest = latest = None
        yield IndexDocument(
            entity_id=f"{2000 + number % 25}/{number:06d}",
            kind=rnd.choice(KINDS),
            names=people,
            sort_name=f"{family} {forename}",
            sex=rnd.choice("MMMFU"),
            nationalities=rnd.sample(NATIONS, rnd.choice((1, 1, 1, 2))),
            wanted_by=[rnd.choice(NATIONS)],
            dob_earliest=earliest,
            dob_latest=latest,
            published=start + timedelta(minutes=rnd.randrange(10_000_000)),
            has_picture=rnd.random() < 0.7,
            keywords=rnd.choice(CHARGES),
            token=str(number),
        )


def _misspell(rnd: random.Random, word: str) -> str:
    i = rnd.randrange(len(word) - 1)
    if rnd.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # transposition
    return word[:i] + rnd.choice("aeiou") + word[i + 1 :]


def query_mix(documents: list[IndexDocument], per_type: int, seed: int = 11):
    """A fixed list of (type, SearchQuery) drawn from the indexed documents."""
    rnd = random.Random(seed)
    today = date(2025, 6, 1)
    other = [d for d in documents if len(d.names) > 1 and d.names[1].forename]
    mix = []
    for _ in range(per_type):
        doc = rnd.choice(documents)
        first = doc.names[0]
        mix.append(("exact", SearchQuery(text=f"{first.forename} {first.family}", today=today)))
        mix.append(("misspelt", SearchQuery(text=_misspell(rnd, first.family), today=today)))
        alt = rnd.choice(other).names[1]
        mix.append(("other_script", SearchQuery(text=f"{alt.family} {alt.forename}", today=today)))
        mix.append(("name_filters", SearchQuery(
            family_name=first.family, nationalities=(doc.nationalities[0],), sex=doc.sex,
            age_min=20, age_max=60, today=today)))
        mix.append(("browse_facets", SearchQuery(
            kinds=("red",), nationalities=(rnd.choice(NATIONS),), age_min=25, age_max=45,
            today=today)))
        mix.append(("deep_page", SearchQuery(page=rnd.randint(2000, 4000), sex="M", today=today)))
        mix.append(("keywords", SearchQuery(keywords=rnd.choice(CHARGES).split()[0],
                                            kinds=("red",), today=today)))
    return mix


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(pick(0.5) * 1000, 2), "p95_ms": round(pick(0.95) * 1000, 2),
            "p99_ms": round(pick(0.99) * 1000, 2)}


def _naive(documents, kind: str, query: SearchQuery, choices):
    """The same question answered by brute force: rapidfuzz over every name, filters in Python."""
    from rapidfuzz import fuzz, process

    keep = [
        d for d in documents
        if (not query.kinds or d.kind in query.kinds)
        and (not query.nationalities or set(query.nationalities) & set(d.nationalities))
        and (not query.sex or d.sex == query.sex)
    ]
    name = f"{query.text} {query.forename} {query.family_name}".strip()
    if name:
        pool = choices if len(keep) == len(documents) else [
            " ".join(f"{p.forename or ''} {p.family or ''}" for p in d.names) for d in keep]
        return process.extract(name, pool, scorer=fuzz.token_set_ratio, limit=20)
    keep.sort(key=lambda d: d.published, reverse=True)
    Counter(code for d in keep for code in d.nationalities)
    return keep[(query.page - 1) * 20 : query.page * 20]


def run_search_bench(count: int, out: dict, per_type: int = 60) -> dict:
    """Build an index of `count` synthetic notices and time the query mix; results into `out`."""
    documents = list(synthetic_documents(count))
    with tempfile.TemporaryDirectory(prefix="bench-search-") as root:
        home = IndexHome(root)
        started = time.perf_counter()
        info = home.rebuild(iter(documents), expected_ids=count)
        out["count"] = count
        out["rebuild_s"] = round(time.perf_counter() - started, 1)
        out["index_mb"] = round(info.size_bytes / 2**20, 1)
        columns = [f for f in os.scandir(info.path) if f.name.startswith("columns-")]
        out["columns_file_mb"] = round(sum(f.stat().st_size for f in columns) / 2**20, 1)
        started = time.perf_counter()
        search(home, SearchQuery(text="warm up"))
        out["first_search_s"] = round(time.perf_counter() - started, 2)
        mix = query_mix(documents, per_type)
        timings: dict[str, list[float]] = {kind: [] for kind in QUERY_TYPES}
        cpu: dict[str, list[float]] = {kind: [] for kind in QUERY_TYPES}
        totals: dict[str, list[int]] = {kind: [] for kind in QUERY_TYPES}
        for kind, query in mix:
            started, started_cpu = time.perf_counter(), time.thread_time()
            page = search(home, query)
            timings[kind].append(time.perf_counter() - started)
            cpu[kind].append(time.thread_time() - started_cpu)
            totals[kind].append(page.total)
        out["latency"] = {kind: _percentiles(values) for kind, values in timings.items()}
        # CPU time of the searching thread: less disturbed by other load on a shared machine.
        out["cpu"] = {kind: _percentiles(values) for kind, values in cpu.items()}
        out["median_total"] = {kind: statistics.median(v) for kind, v in totals.items()}
        choices = [" ".join(f"{p.forename or ''} {p.family or ''}" for p in d.names)
                   for d in documents]
        naive: dict[str, list[float]] = {kind: [] for kind in QUERY_TYPES}
        for kind, query in mix[: len(QUERY_TYPES) * 5]:
            started = time.perf_counter()
            _naive(documents, kind, query, choices)
            naive[kind].append(time.perf_counter() - started)
        out["naive_p50_ms"] = {k: round(statistics.median(v) * 1000, 1) for k, v in naive.items()}
        out["speedup_p50"] = {
            k: round(out["naive_p50_ms"][k] / max(out["latency"][k]["p50_ms"], 0.001), 1)
            for k in QUERY_TYPES
        }
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


if __name__ == "__main__":
    results: dict = {}
    run_search_bench(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, results)
    print(json.dumps(results, indent=2, ensure_ascii=False))
