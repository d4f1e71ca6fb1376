"""A saved name table keys its units by numbers; scores, names and updates are as before."""

import pickle
import random

from search_index.names import NameScorer, NameTable, match_name, prepare_names, query_name_keys
from search_index.names.units import U_KEY
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
