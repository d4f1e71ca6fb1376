"""Write what the service answers to a fixed set of URLs in all six languages, one file per
answer (status, headers but Date, body), so that two versions of the code can be compared
with `diff -r`: a change meant to be invisible must leave every file byte-identical.

Usage (the NOTICES_* environment names a loaded database and its index, as for `notices`):
    PYTHONPATH=. python scripts/page_snapshot.py OUT_DIR
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_http import workload_paths  # noqa: E402

from notices import create_app  # noqa: E402
from notices.web.i18n.locale import LOCALES  # noqa: E402


def sample_paths(db_path: Path) -> list[str]:
    """Pages of every kind of notice, searches with every filter, APIs, feeds, errors."""
    with sqlite3.connect(db_path) as connection:
        notices = connection.execute(
            "select kind, entity_id, family_name from notice where status = 'active' "
            "and id in (select min(id) from notice group by kind) order by kind"
        ).fetchall()
        withdrawn = connection.execute(
            "select kind, entity_id from notice where status != 'active' limit 1"
        ).fetchall()
    paths = [
        "/about",
        "/healthz",
        "/data",
        "/recent",
        "/recent?kind=red&page=2",
        "/search",
        "/search?kind=red&page=3",
        "/search?kind=yellow",
        "/search?kind=un",
        "/search?kind=un&sort=name",
        "/search?sex=F&age_min=20&age_max=40",
        "/search?nationality=FR&wanted_by=DE",
        "/search?has_picture=1&sort=newest",
        "/search?keywords=fraud",
        "/search?q=ZZZXQW",
        "/search?q=ZZZXQW&nationality=FR",
        "/search?forename=JOHN&name=SMITH",
        "/search?q=%20&nationality=&sort=relevance",  # redirected to its clean form
        "/notices/red/1900-00001",  # unknown: 404
        "/api/v1/search?nationality=FR&page=2",
        "/notices/v1/red?nationality=FR&page=2",
        "/notices/v1/yellow?page=3",
        "/feeds/search.atom?nationality=FR",
    ]
    for kind, entity_id, family in notices:
        url_id = entity_id.replace("/", "-")
        paths += [
            f"/notices/{kind}/{url_id}",
            f"/notices/{kind}/{url_id}?from={quote('q=' + quote(family or 'X'))}",
            f"/search?q={quote(family or 'X')}",
            f"/api/v1/search?q={quote(family or 'X')}",
            f"/api/v1/notices/{kind}/{url_id}",
        ]
    paths += [f"/notices/{kind}/{entity_id.replace('/', '-')}" for kind, entity_id in withdrawn]
    return paths + workload_paths(db_path, size=12)


def answer_text(client, path: str, lang: str) -> str:
    prefixed = path if path.startswith(("/api/", "/notices/v1/", "/healthz")) else f"/{lang}{path}"
    response = client.get(prefixed, headers={"Accept-Language": lang})
    headers = "".join(f"{k}: {v}\n" for k, v in sorted(response.headers) if k != "Date")
    return f"{prefixed}\n{response.status}\n{headers}\n{response.get_data(as_text=True)}"


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = create_app()
    client = app.test_client()
    paths = sample_paths(Path(app.config["DATABASE_URL"].removeprefix("sqlite:///")))
    for path in paths:
        name = hashlib.sha256(path.encode()).hexdigest()[:16]
        for lang in LOCALES:
            text = answer_text(client, path, lang)
            (out / f"{name}-{lang}.txt").write_text(text, encoding="utf-8")
    print(f"{len(paths)} paths x {len(LOCALES)} languages written to {out}")


if __name__ == "__main__":
    main()
