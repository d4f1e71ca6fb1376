"""The key index finds every unit holding a key, is saved with the name table, and a searching
process that opens an index never builds it again."""

import pickle
import random

import pytest

from search_index import IndexHome, SearchQuery, search, searching
from search_index.names import NameScorer, NameTable, prefilter, prepare_names, query_name_keys
from search_index.names.keyindex import key_owners
from search_index.names.prefilter import unit_keys
from tests.search_index.test_names_scoring import _notices, _random_names, _random_query


@pytest.fixture(scope="module")
def table():
    rnd = random.Random(11)
    built = NameTable()
    for _ in range(300):
        built.add(prepare_names(_random_names(rnd)))
    return built


def _holders(table: NameTable) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for uid, unit in enumerate(table.units):
        for key in unit_keys(unit):
            found.setdefault(key, set()).add(uid)
    return found


def test_key_owners_are_the_units_holding_each_key(table):
    index = table.features().key_index
    holders = _holders(table)
    assert len(holders) > 500
    for key, uids in holders.items():
        assert key_owners(index, [key]) == uids, key
    first, second = list(holders)[:2]
    assert key_owners(index, [first, second]) == holders[first] | holders[second]
    assert key_owners(index, ["fno such key in the table"]) == set()


def _scores(table: NameTable, rnd: random.Random) -> list[list[int]]:
    rows = list(range(len(table)))
    return [
        NameScorer(query_name_keys(**_random_query(rnd)), table, floor=50).score_rows(rows)
        for _ in range(40)
    ]


def test_a_loaded_table_scores_with_its_saved_key_index_without_building_one(table, monkeypatch):
    expected = _scores(table, random.Random(2))
    saved = pickle.dumps(table)

    def build_forbidden(*args: object) -> None:
        raise AssertionError("a loaded table built its key index again")

    monkeypatch.setattr(prefilter, "build_key_index", build_forbidden)
    restored = pickle.loads(saved)
    assert _scores(restored, random.Random(2)) == expected


def test_a_table_saved_before_the_key_index_existed_builds_it_on_load(table):
    state = table.__getstate__()
    del state["key_index"]
    older = NameTable.__new__(NameTable)
    older.__setstate__(state)
    assert _scores(older, random.Random(4)) == _scores(table, random.Random(4))


def test_opening_a_rebuilt_index_does_not_build_the_key_index(tmp_path, monkeypatch):
    home = IndexHome(tmp_path / "index")
    home.rebuild(_notices(300))

    def build_forbidden(*args: object) -> None:
        raise AssertionError("the searching side built the key index")

    monkeypatch.setattr(prefilter, "build_key_index", build_forbidden)
    searching._snapshots.clear()  # read the column file from disk, as a new process does
    page = search(IndexHome(tmp_path / "index"), SearchQuery(text="Vawon"))
    assert page.total > 0
