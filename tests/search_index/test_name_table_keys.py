"""A saved name table keys its units by numbers; scores, names and updates are as before."""

import gc
import pickle
import random
import tracemalloc

from search_index.names import NameScorer, NameTable, match_name, prepare_names, query_name_keys
from search_index.names.units import U_FLAGS, U_KEY, U_WEIGHT
from tests.search_index.test_names_scoring import _random_names, _random_query


def _table(seed: int, size: int = 300) -> tuple[NameTable, list]:
    rnd = random.Random(seed)
    table, prepared = NameTable(), []
    for _ in range(size):
        names = prepare_names(_random_names(rnd))
        table.add(names)
        prepared.append(names)
    return table, prepared


def _queries(seed: int, count: int = 60) -> list[dict]:
    rnd = random.Random(seed)
    return [_random_query(rnd) for _ in range(count)]


def test_a_saved_table_numbers_its_unit_keys_one_number_per_distinct_key():
    table, _ = _table(1)
    restored = pickle.loads(pickle.dumps(table))
    numbers = [unit[U_KEY] for unit in restored.units]
    strings = [unit[U_KEY] for unit in table.units]
    assert all(type(number) is int for number in numbers)
    assert len(set(numbers)) == len(set(strings)) < len(strings)  # some keys repeat
    assert len(set(zip(numbers, strings, strict=True))) == len(set(strings))


def test_a_saved_table_scores_every_row_as_the_table_it_was_saved_from():
    table, prepared = _table(2)
    restored = pickle.loads(pickle.dumps(table))
    rows = list(range(len(prepared)))
    for query in _queries(3):
        expected = NameScorer(query_name_keys(**query), table).score_rows(rows)
        assert NameScorer(query_name_keys(**query), restored).score_rows(rows) == expected
        keys = query_name_keys(**query)
        held = [match_name(keys, restored.held(row)) for row in rows[:40]]
        assert held == [match_name(query_name_keys(**query), prepared[row]) for row in rows[:40]]


def test_one_query_scores_two_saved_tables_each_as_a_fresh_query_would():
    # The same small numbers stand for different units in each table: a memo of pair scores
    # carried from one table to the other would score the second with the first's pairs.
    first = pickle.loads(pickle.dumps(_table(4)[0]))
    second = pickle.loads(pickle.dumps(_table(5)[0]))
    rows = list(range(len(second)))
    for query in _queries(6, 40):
        shared = query_name_keys(**query)
        NameScorer(shared, first).score_rows(list(range(len(first))))
        scores = NameScorer(shared, second).score_rows(rows)
        assert scores == NameScorer(query_name_keys(**query), second).score_rows(rows), query


def test_an_update_carries_saved_units_over_and_meets_new_equal_units_once():
    table, prepared = _table(7)
    restored = pickle.loads(pickle.dumps(table))
    updated, mapping = NameTable(), {}
    for row in range(len(prepared)):
        updated.add_from(restored, row, mapping)
    updated.add(prepared[0])  # a new notice with names the carried-over rows already have
    assert len(updated.units) == len(table.units)
    assert [unit[U_KEY] for unit in updated.units] == [unit[U_KEY] for unit in table.units]
    assert updated.prepared(len(prepared)) == prepared[0]


def test_a_saved_table_reads_each_number_back_as_one_object_per_value():
    table, _ = _table(8, size=600)
    restored = pickle.loads(pickle.dumps(table))
    assert restored.rows == table.rows and len(restored.units) > 300
    assert [unit[:U_KEY] for unit in restored.units] == [unit[:U_KEY] for unit in table.units]
    unit_ids = [uid for row in restored.rows for name in row for uid in name[0]]
    for field in (U_FLAGS, U_WEIGHT, U_KEY):
        _assert_one_object_per_value([unit[field] for unit in restored.units])
    _assert_one_object_per_value(unit_ids + [unit[U_KEY] for unit in restored.units])


def _assert_one_object_per_value(values: list) -> None:
    seen: dict = {}
    assert all(seen.setdefault(value, value) is value for value in values)


def test_a_saved_table_takes_less_memory_than_lists_of_tuples_did():
    table, _ = _table(9, size=5_000)
    key_index = table.features().key_index
    payloads = (
        pickle.dumps({"units": table.units, "rows": table.rows, "key_index": key_index}),
        pickle.dumps(table),
    )
    del table  # measured alone, as a searching process loads it
    held = []
    for payload in payloads:
        gc.collect()
        tracemalloc.start()
        loaded = pickle.loads(payload)
        if isinstance(loaded, dict):  # how tables were saved before: lists of tuples
            state, loaded = loaded, NameTable.__new__(NameTable)
            loaded.__setstate__(state)
            del state
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
        del loaded
    # This corpus repeats a few dozen names; at 100k notices the saving is ~13 MiB of ~90.
    assert held[1] < 0.9 * held[0], held


def test_a_dropped_table_leaves_the_lists_someone_else_holds_as_they_were():
    # A dropped table frees its rows and units a piece at a time (other threads run between
    # pieces), but only lists that no one else holds.
    table, _ = _table(9, 50)
    rows, expected = table.rows, list(table.rows)
    restored = pickle.loads(pickle.dumps(table))
    units, expected_units = restored.units, list(restored.units)
    del table, restored
    gc.collect()
    assert rows == expected
    assert units == expected_units
