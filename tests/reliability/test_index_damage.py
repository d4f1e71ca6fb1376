"""A missing or damaged index: a clear error instead of a traceback, loads stay saved (and say
the index lags behind), and `notices index rebuild` repairs it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from notices import operations
from notices.indexing import IndexUnavailable
from notices.ingest.report import EXIT_INDEX_BEHIND
from search_index import IndexHome, SearchQuery, search
from tests.ingest.extracts import red_doc, write_tree
from tests.reliability.conftest import NOTICES
from tests.reliability.outcome import stored


def _garble_current(root: Path) -> None:
    (root / "CURRENT").write_bytes(b"gen-\x07 garbage/../\n")


def _current_not_utf8(root: Path) -> None:
    (root / "CURRENT").write_bytes(b"\x00\xffgen-\n")


def _delete(pattern: str):
    def damage(root: Path) -> None:
        for path in (root / "gen-1").glob(pattern):
            path.unlink()

    return damage


def _truncate_columns(root: Path) -> None:
    for path in (root / "gen-1").glob("columns-*.pickle"):
        path.write_bytes(path.read_bytes()[:100])


DAMAGES = {
    "current-pointer-garbled": _garble_current,
    "current-pointer-not-utf-8": _current_not_utf8,
    "generation-directory-deleted": lambda root: shutil.rmtree(root / "gen-1"),
    "segment-files-deleted": _delete("*.seg"),
    "table-of-contents-deleted": _delete("_MAIN_*.toc"),
    "column-file-truncated": _truncate_columns,
    "index-directory-missing": shutil.rmtree,
}


@pytest.fixture
def indexed(app, runner, tmp_path):
    """Five notices loaded and indexed; returns the index root."""
    tree = write_tree(tmp_path / "first", {"red": [red_doc(n) for n in range(1, 6)]})
    assert runner.invoke(["load", str(tree)]).exit_code == 0
    assert runner.invoke(["index", "rebuild"]).exit_code == 0
    return Path(app.config["INDEX_DIR"])


def _best_match(root: Path, name: str) -> str:
    page = search(IndexHome(root), SearchQuery(text=name))
    return page.hits[0].entity_id


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_index_is_reported_and_rebuilt(
    damage, app, runner, sessions, indexed, tmp_path, caplog
):
    DAMAGES[damage](indexed)

    with pytest.raises(IndexUnavailable, match="run `notices index rebuild` to repair it"):
        operations.check_index(app)
    with pytest.raises(IndexUnavailable, match="cannot be read"):
        operations.update_index(app)

    # A load still commits; it says the index could not follow (unless there is no index yet).
    later = write_tree(tmp_path / "later", {"red": [red_doc(6, name="LATECOMER")]})
    loaded = runner.invoke(["load", str(later)])
    assert "Traceback" not in loaded.output
    if damage == "index-directory-missing":
        assert loaded.exit_code == 0, loaded.output
    else:
        assert loaded.exit_code == EXIT_INDEX_BEHIND, loaded.output
        assert "the load was saved, but the search index" in caplog.text
    assert "added 1," in loaded.output
    assert stored(sessions).notices["2021/00006"].family_name == "LATECOMER"

    rebuilt = runner.invoke(["index", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "6 notices" in rebuilt.output
    checked = runner.invoke(["index", "check"])
    assert (checked.exit_code, checked.output.strip()) == (0, "index matches the database")
    assert _best_match(indexed, "LATECOMER") == "2021/00006"
    assert _best_match(indexed, "TESTOVA3") == "2021/00003"


@pytest.mark.parametrize("command", ["check", "update"])
def test_index_commands_on_a_damaged_index_print_a_clear_error(command, runner, indexed):
    _garble_current(indexed)
    result = runner.invoke(["index", command])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "run `notices index rebuild` to repair it" in result.output


@pytest.mark.slow
def test_a_real_load_tells_the_operator_the_index_lags_behind(indexed, cli_env, tmp_path):
    _garble_current(indexed)
    later = write_tree(tmp_path / "later", {"red": [red_doc(6)]})
    done = subprocess.run(
        [str(NOTICES), "load", str(later)], env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == EXIT_INDEX_BEHIND, done.stderr
    assert "Traceback" not in done.stderr
    assert "the load was saved, but the search index" in done.stderr
    assert "run `notices index rebuild` to repair it" in done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("added 1,")
