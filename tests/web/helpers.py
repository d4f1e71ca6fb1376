"""Helpers of the web tests: run `notices` commands, withdraw notices through a real load."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from werkzeug.serving import make_server

from notices.cli import main
from notices.domain import KINDS
from notices.models import Notice
from tests.web.dataset import DOCUMENTS, write_extract


def invoke(app, args: list[str]):
    """Run a `notices` command against `app` and insist that it succeeds."""
    result = app.test_cli_runner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result


def reload_without(app, workdir: Path, *entity_ids: str) -> None:
    """Run a real full load of the dataset without some notices, which withdraws them."""
    kept = {
        kind: [doc for doc in docs if doc["entity_id"] not in entity_ids]
        for kind, docs in DOCUMENTS.items()
    }
    extract = write_extract(workdir / "reload", kept)
    kinds = [arg for kind in KINDS for arg in ("--kind", kind)]
    invoke(app, ["load", str(extract), "--full", "--allow-mass-withdrawal", *kinds])


def add_notices(app, count: int, **fields) -> list[str]:
    """Insert `count` fictitious red notices straight into the database, then rebuild the
    index with the real command; returns their entity ids."""
    now = datetime(2026, 1, 1)
    ids = [f"2025/{90000 + number}" for number in range(count)]
    with app.extensions["notices"].sessions() as session, session.begin():
        for number, entity_id in enumerate(ids):
            values = {
                "kind": "red",
                "status": "active",
                "family_name": f"BULKNAME{number:04d}",
                "forename": "TEST",
                "sex": "M",
                "date_of_birth": "1970",
                "nationalities": ["NL"],
                "content_hash": f"bulk{number}",
                "first_published": now,
                "last_changed": now,
            }
            values.update(fields)
            session.add(Notice(entity_id=entity_id, **values))
    invoke(app, ["index", "rebuild"])
    return ids


@contextmanager
def serving(app):
    """Serve `app` over real HTTP on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
