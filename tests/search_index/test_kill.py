"""A rebuild killed with SIGKILL midway leaves the old index serving; the next one succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search_index import IndexHome, SearchQuery, search

REPO = Path(__file__).resolve().parents[2]

SLOW_REBUILD = """
import sys, time
from datetime import datetime
from pathlib import Path
from search_index import IndexDocument, IndexHome, PersonName

root, marker = sys.argv[1], Path(sys.argv[2])

def documents():
    for number in range(100000):
        if number == 300:
            marker.write_text("halfway")
            time.sleep(120)  # the parent kills us here
        yield IndexDocument(
            entity_id=f"2021/{number:05d}", kind="red",
            names=[PersonName("Quill", f"SLOWNAME{number}")], sort_name="x",
            published=datetime(2021, 1, 1),
        )

IndexHome(root).rebuild(documents())
"""

# Killed after Whoosh's commit, before the column file is written (writing.write_generation
# commits first, to free the postings before the columns are built).
REBUILD_STOPPING_BEFORE_COLUMNS = """
import sys, time
from datetime import datetime
from pathlib import Path
from search_index import IndexDocument, IndexHome, PersonName
from search_index.columns import Columns

root, marker = sys.argv[1], Path(sys.argv[2])
build = Columns.build

def stopping_build(rows, previous=None):
    marker.write_text("whoosh committed")
    time.sleep(120)  # the parent kills us here
    return build(rows, previous)

Columns.build = stopping_build
IndexHome(root).rebuild(
    IndexDocument(
        entity_id=f"2021/{number:05d}", kind="red",
        names=[PersonName("Quill", f"SLOWNAME{number}")], sort_name="x",
        published=datetime(2021, 1, 1),
    )
    for number in range(50)
)
"""


def _wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the child never got halfway"
        time.sleep(0.05)


@pytest.mark.parametrize(
    "script", [SLOW_REBUILD, REBUILD_STOPPING_BEFORE_COLUMNS], ids=["midway", "before_columns"]
)
def test_sigkill_midway_keeps_the_old_generation(home, make_doc, tmp_path, script):
    home.rebuild([make_doc(n) for n in range(1, 4)])
    marker = tmp_path / "halfway"
    child = subprocess.Popen(
        [sys.executable, "-c", script, home.root, str(marker)],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(marker, child)
        assert sorted(n for n in os.listdir(home.root) if n.startswith("gen-")) == [
            "gen-1",
            "gen-2",
        ]
        if script is REBUILD_STOPPING_BEFORE_COLUMNS:  # Whoosh's commit is there, no columns
            written = os.listdir(os.path.join(home.root, "gen-2"))
            assert any(n.endswith(".toc") for n in written), written
            assert not any(n.startswith("columns-") for n in written), written
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    fresh = IndexHome(home.root)  # as a process started after the crash would see it
    for view in (home, fresh):
        assert view.status().name == "gen-1"
        assert search(view, SearchQuery()).total == 3
    assert home.check({"2020/00001", "2020/00002", "2020/00003"}).ok

    # The lock died with the child; the next rebuild cleans up gen-2 and succeeds.
    info = home.rebuild([make_doc(7)], expected_ids=1)
    assert info.name == "gen-3"
    assert sorted(n for n in os.listdir(home.root) if n.startswith("gen-")) == ["gen-1", "gen-3"]
    assert [hit.entity_id for hit in search(fresh, SearchQuery()).hits] == ["2020/00007"]
