"""Benchmark of search_index at scale: rebuild time, size, query latency, naive baseline.

Usage: PYTHONPATH=. python scripts/bench_search.py [COUNT] [--profile realistic|syllables|both]
(default 100000 and realistic; prints JSON). All names are fictitious. Profiles:
  realistic  names of the demo data's naming cultures (notices.demo: a heavy head of common
             names, transliteration variants, native scripts) plus a quarter of rare names
  syllables  every name made of 34 syllables: a dense name space where a misspelt short
             name has thousands of close neighbours (the hardest case for re-scoring)
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from itertools import accumulate

from bench_switch import reload_stalls

from search_index import IndexDocument, IndexHome, PersonName, SearchQuery, search

SYLLABLES = (
    "ka",
    "ri",
    "mo",
    "tan",
    "el",
    "va",
    "sun",
    "dor",
    "li",
    "mi",
    "na",
    "ro",
    "zu",
    "bek",
    "ov",
    "an",
    "sa",
    "lim",
    "ha",
    "mad",
    "ter",
    "gal",
    "pe",
    "ne",
    "dru",
    "fa",
    "lo",
    "wen",
    "is",
    "ba",
    "cor",
    "vi",
    "ul",
    "es",
)
_CYRILLIC = dict(zip("abdefghiklmnoprstuvwz", "абдефгхиклмнопрстуввз", strict=True))
_ARABIC = dict(zip("abdefghiklmnoprstuvwz", "ابديفغهيكلمنوبرستوفوز", strict=True))
NATIONS = [f"{a}{b}" for a in "ABCDEFGHIJ" for b in "KLMNOPQRST"]  # 100 fictitious codes
KINDS = ("red", "red", "red", "yellow", "yellow", "un-person", "un-entity")
CHARGES = (
    "fraud money laundering",
    "armed robbery",
    "trafficking in persons",
    "homicide",
    "escroquerie en bande organisée",
    "blanqueo de capitales",
    "мошенничество",
    "洗钱 诈骗",
)
QUERY_TYPES = (
    "exact",
    "surname_only",
    "misspelt",
    "other_script",
    "name_filters",
    "browse_facets",
    "deep_page",
    "keywords",
)
PROFILES = ("realistic", "syllables")
REALISTIC_SHARE = 0.75  # the rest of the realistic profile: rare names made of syllables


def _word(rnd: random.Random, low: int, high: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(low, high)))


def _script(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in word.lower())


def _syllable_names(rnd: random.Random, count: int):
    """names(rnd) -> [PersonName, ...]: Zipf-like spread over syllable names, some in scripts."""
    families = list(dict.fromkeys(_word(rnd, 2, 3) for _ in range(max(50, count // 5))))
    forenames = list(dict.fromkeys(_word(rnd, 2, 2) for _ in range(max(20, count // 50))))
    # Zipf-like with a flattened head: the commonest family name is ~1.3 % of notices.
    family_weights = list(accumulate(1 / (rank + 10) for rank in range(len(families))))
    forename_weights = list(accumulate(1 / (rank + 5) for rank in range(len(forenames))))

    def names(rnd: random.Random) -> list[PersonName]:
        family = rnd.choices(families, cum_weights=family_weights)[0]
        forename = rnd.choices(forenames, cum_weights=forename_weights)[0]
        people = [PersonName(forename.capitalize(), family.upper())]
        if rnd.random() < 0.2:
            table = _CYRILLIC if rnd.random() < 0.5 else _ARABIC
            people.append(PersonName(_script(forename, table), _script(family, table)))
        if rnd.random() < 0.1:
            people.append(PersonName(None, _word(rnd, 2, 3).upper()))
        return people

    return names


def _demo_names(rnd: random.Random, count: int):
    """Names of the demo data's cultures (imported here: notices is the application)."""
    from notices.demo.culture import make_name, spell
    from notices.demo.names import person_culture

    rare = _syllable_names(rnd, max(50, int(count * (1 - REALISTIC_SHARE))))

    def names(rnd: random.Random) -> list[PersonName]:
        if rnd.random() >= REALISTIC_SHARE:
            return rare(rnd)
        parts = make_name(person_culture(rnd), rnd.choice("MMMF"), rnd)
        first = spell(parts, rnd)
        people = [PersonName(first.forename, first.name)]
        if first.name_original:
            people.append(PersonName(first.forename_original, first.name_original))
        if rnd.random() < 0.1:  # an alias: the same name in another Latin spelling
            other = spell(parts, rnd)
            people.append(PersonName(other.forename, other.name))
        return people

    return names


def synthetic_documents(count: int, seed: int = 7, profile: str = "syllables"):
    """`count` fictitious IndexDocuments whose names follow `profile` (see PROFILES)."""
    rnd = random.Random(seed)
    names = (_demo_names if profile == "realistic" else _syllable_names)(rnd, count)
    start = datetime(2005, 1, 1)
    for number in range(count):
        people = names(rnd)
        year = rnd.randint(1940, 2010)
        precision = rnd.random()
        if precision < 0.7:
            earliest = latest = date(year, rnd.randint(1, 12), rnd.randint(1, 28))
        elif precision < 0.9:
            earliest, latest = date(year, 1, 1), date(year, 12, 31)
        else:
            earliest = latest = None
        yield IndexDocument(
            entity_id=f"{2000 + number % 25}/{number:06d}",
            kind=rnd.choice(KINDS),
            names=people,
            sort_name=f"{people[0].family} {people[0].forename or ''}".strip(),
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


def _family_word(rnd: random.Random, doc: IndexDocument) -> str:
    words = [w for w in (doc.names[0].family or "").split() if len(w) >= 3]
    return rnd.choice(words) if words else (doc.names[0].family or "x")


def query_mix(documents: list[IndexDocument], per_type: int, seed: int = 11):
    """A fixed list of (type, SearchQuery) drawn from the indexed documents; common names are
    drawn as often as they occur, and misspelt ones are one word with one edit."""
    rnd = random.Random(seed)
    today = date(2025, 6, 1)
    other = [d for d in documents if len(d.names) > 1 and d.names[1].forename]
    mix = []
    for _ in range(per_type):
        doc = rnd.choice(documents)
        first = doc.names[0]
        mix.append(("exact", SearchQuery(text=f"{first.forename} {first.family}", today=today)))
        mix.append(("surname_only", SearchQuery(text=_family_word(rnd, doc), today=today)))
        mix.append(
            ("misspelt", SearchQuery(text=_misspell(rnd, _family_word(rnd, doc)), today=today))
        )
        alt = rnd.choice(other).names[1]
        mix.append(("other_script", SearchQuery(text=f"{alt.family} {alt.forename}", today=today)))
        mix.append(
            (
                "name_filters",
                SearchQuery(
                    family_name=first.family,
                    nationalities=(doc.nationalities[0],),
                    sex=doc.sex,
                    age_min=20,
                    age_max=60,
                    today=today,
                ),
            )
        )
        mix.append(
            (
                "browse_facets",
                SearchQuery(
                    kinds=("red",),
                    nationalities=(rnd.choice(NATIONS),),
                    age_min=25,
                    age_max=45,
                    today=today,
                ),
            )
        )
        mix.append(("deep_page", SearchQuery(page=rnd.randint(2000, 4000), sex="M", today=today)))
        mix.append(
            (
                "keywords",
                SearchQuery(keywords=rnd.choice(CHARGES).split()[0], kinds=("red",), today=today),
            )
        )
    return mix


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {
        "p50_ms": round(pick(0.5) * 1000, 2),
        "p95_ms": round(pick(0.95) * 1000, 2),
        "p99_ms": round(pick(0.99) * 1000, 2),
    }


def _naive_rows(documents: list[IndexDocument]) -> list[tuple]:
    """What a brute-force scan reads: (kind, nationalities, sex, published, all names)."""
    return [
        (
            d.kind,
            frozenset(d.nationalities),
            d.sex,
            d.published,
            " ".join(f"{p.forename or ''} {p.family or ''}" for p in d.names),
        )
        for d in documents
    ]


def _naive(rows: list[tuple], query: SearchQuery) -> list:
    """The same question answered by brute force: rapidfuzz over every name, filters in Python."""
    from rapidfuzz import fuzz, process

    keep = [
        r
        for r in rows
        if (not query.kinds or r[0] in query.kinds)
        and (not query.nationalities or r[1].intersection(query.nationalities))
        and (not query.sex or r[2] == query.sex)
    ]
    name = f"{query.text} {query.forename} {query.family_name}".strip()
    if name:
        return process.extract(name, [r[4] for r in keep], scorer=fuzz.token_set_ratio, limit=20)
    keep.sort(key=lambda r: r[3], reverse=True)
    return keep[(query.page - 1) * 20 : query.page * 20]


def _time_mix(home: IndexHome, mix: list) -> tuple[dict, dict, dict]:
    timings = {kind: [] for kind in QUERY_TYPES}
    cpu = {kind: [] for kind in QUERY_TYPES}
    totals = {kind: [] for kind in QUERY_TYPES}
    for kind, query in mix:
        started, started_cpu = time.perf_counter(), time.thread_time()
        page = search(home, query)
        timings[kind].append(time.perf_counter() - started)
        cpu[kind].append(time.thread_time() - started_cpu)
        totals[kind].append(page.total)
    return timings, cpu, totals


def _slowest(mix: list, timings: dict) -> dict[str, dict]:
    """The slowest query of each type ({ms, query}): timings hold each type's in mix order."""
    queries = {kind: [] for kind in QUERY_TYPES}
    for kind, query in mix:
        queries[kind].append(query)
    found = {}
    for kind, values in timings.items():
        at = max(range(len(values)), key=values.__getitem__)
        found[kind] = {"ms": round(values[at] * 1000, 2), "query": _described(queries[kind][at])}
    return found


def _described(query: SearchQuery) -> str:
    """The query's name text or family name field, else its keywords, else its page."""
    if query.text:
        return query.text
    if query.family_name:
        return f"family_name={query.family_name}"
    return f"keywords={query.keywords}" if query.keywords else f"page={query.page}"


def _baseline(rows: list[tuple], mix: list, latency: dict, per_type: int = 5) -> dict:
    samples = {kind: [] for kind in QUERY_TYPES}
    for kind, query in mix[: len(QUERY_TYPES) * per_type]:
        started = time.perf_counter()
        _naive(rows, query)
        samples[kind].append(time.perf_counter() - started)
    found = {}
    for kind, values in samples.items():
        naive = _percentiles(values)
        ours = latency[kind]
        found[kind] = {
            "p50_ms": naive["p50_ms"],
            "p95_ms": naive["p95_ms"],
            "speedup_p50": round(naive["p50_ms"] / max(ours["p50_ms"], 0.01), 1),
            "speedup_p95": round(naive["p95_ms"] / max(ours["p95_ms"], 0.01), 1),
        }
    return found


def run_search_bench(count: int, out: dict, per_type: int = 60, profile: str = "realistic") -> dict:
    """Build an index of `count` synthetic notices and time the query mix; results into `out`:
    count, profile, rebuild_s, index_mb, columns_file_mb, first_search_s, latency and cpu
    ({type: {p50_ms, p95_ms, p99_ms}}, wall and thread CPU time), median_total, slowest
    ({type: {ms, query}}: the slowest query of each type), baseline
    ({type: {p50_ms, p95_ms, speedup_p50, speedup_p95}} of a brute-force scan), peak_rss_mb."""
    documents = list(synthetic_documents(count, profile=profile))
    mix = query_mix(documents, per_type)
    naive_rows = _naive_rows(documents)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as root:
        home = IndexHome(root)
        started = time.perf_counter()
        info = home.rebuild(iter(documents), expected_ids=count)
        out.update(
            count=count,
            profile=profile,
            rebuild_s=round(time.perf_counter() - started, 1),
            index_mb=round(info.size_bytes / 2**20, 1),
        )
        columns = [f for f in os.scandir(info.path) if f.name.startswith("columns-")]
        out["columns_file_mb"] = round(sum(f.stat().st_size for f in columns) / 2**20, 1)
        # A search process holds no documents: drop them so that they do not slow down its
        # garbage collections either.
        sample = documents[0]
        del documents
        gc.collect()
        started = time.perf_counter()
        search(home, SearchQuery(text="warm up"))
        out["first_search_s"] = round(time.perf_counter() - started, 2)
        timings, cpu, totals = _time_mix(home, mix)
        out["latency"] = {kind: _percentiles(values) for kind, values in timings.items()}
        # CPU time of the searching thread: less disturbed by other load on a shared machine.
        out["cpu"] = {kind: _percentiles(values) for kind, values in cpu.items()}
        out["median_total"] = {kind: statistics.median(v) for kind, v in totals.items()}
        # With 60 queries a type, p99 is about the slowest one: name it (first runs only;
        # a repeated query is answered from the snapshot's cache of name results).
        out["slowest"] = _slowest(mix, timings)
        out["max_total"] = {kind: max(v) for kind, v in totals.items()}
        out["snapshot_reload"] = reload_stalls(home, sample)
    out["baseline"] = _baseline(naive_rows, mix, out["latency"])
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = "realistic"
    if "--profile" in sys.argv:
        chosen = sys.argv[sys.argv.index("--profile") + 1]
        arguments.remove(chosen)
    size = int(arguments[0]) if arguments else 100_000
    report = {}
    for name in PROFILES if chosen == "both" else (chosen,):
        report[name] = run_search_bench(size, {}, profile=name)
    print(json.dumps(report if len(report) > 1 else report[chosen], indent=2, ensure_ascii=False))
