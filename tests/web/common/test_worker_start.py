"""gunicorn.conf.py opens the search index in each worker before it takes connections."""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from types import SimpleNamespace

from babel import localedata

from search_index import searching

CONF = Path(__file__).resolve().parents[3] / "gunicorn.conf.py"


class Log:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def info(self, message: str, *args: object) -> None:
        self.infos.append(message % args)

    def warning(self, message: str, *args: object) -> None:
        self.warnings.append(message % args)


def start_worker(app, monkeypatch) -> Log:
    # Reading the file sets NOTICES_WORKER_PROCESSES: undone after the test.
    monkeypatch.setenv("NOTICES_WORKER_PROCESSES", "1")
    hooks = runpy.run_path(str(CONF))
    log = Log()
    hooks["post_worker_init"](SimpleNamespace(wsgi=app, log=log, pid=os.getpid()))
    return log


def test_a_worker_opens_the_index_before_its_first_request(data_app, monkeypatch):
    home = data_app.extensions["notices"].index
    live = home.path(home.current_name())
    searching._snapshots.clear()
    log = start_worker(data_app, monkeypatch)
    assert log.warnings == []
    # The line operators (and scripts/bench) wait for before sending traffic.
    assert len(log.infos) == 1 and log.infos[0].startswith(f"worker {os.getpid()} ready in ")
    # The process holds the live commit's snapshot; the starting thread keeps no searcher.
    assert [key for key in searching._snapshots if key[0] == live]
    assert getattr(home._local, "searcher", None) is None


def test_a_worker_without_an_index_starts_and_says_why(bare_app, monkeypatch):
    warnings = start_worker(bare_app, monkeypatch).warnings
    assert len(warnings) == 1 and "search index not opened at start" in warnings[0]
    assert "rebuild" in warnings[0]
    assert bare_app.test_client().get("/healthz").status_code == 200


def test_a_worker_compiles_its_pages_before_its_first_request(bare_app, monkeypatch):
    start_worker(bare_app, monkeypatch)
    compiled: list[str] = []
    compile_template = bare_app.jinja_env.compile

    def counting_compile(source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(source, name, *args, **kwargs)

    monkeypatch.setattr(bare_app.jinja_env, "compile", counting_compile)
    client = bare_app.test_client()
    assert client.get("/search?q=ALEX").status_code == 503  # no index: the error page
    assert client.get("/fr/about").status_code == 200
    assert compiled == []
    # Every page names the six languages in its switcher: their CLDR data is read already.
    assert {"en", "fr", "es", "ar", "ru", "zh"} <= set(localedata._cache)
