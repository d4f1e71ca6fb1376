"""Row bitsets and range keys against brute force, across chunk and block boundaries."""

from __future__ import annotations

import pickle
import random

import pytest

from search_index import bitsets
from search_index.range_keys import RangeKey


@pytest.mark.parametrize("density", [0.0, 0.001, 0.3, 1.0])
def test_select_matches_sorted_rows(density):
    rnd = random.Random(3)
    nbits = 50_000  # several popcount chunks
    rows = sorted(row for row in range(nbits) if rnd.random() < density)
    mask = bitsets.from_rows(rows, nbits)
    assert mask.bit_count() == len(rows)
    for start in (0, 1, 7, 16_383, 16_384, 20_000, len(rows) - 3, len(rows), len(rows) + 5):
        if start >= 0:
            assert bitsets.select(mask, nbits, start, 9) == rows[start : start + 9]


def test_membership_view():
    mask = bitsets.from_rows([0, 9, 17], 20)
    view = bitsets.to_bytes(mask, 20)
    assert [row for row in range(20) if bitsets.member(view, row)] == [0, 9, 17]
    assert list(bitsets.iter_rows(view)) == [0, 9, 17]
    assert bitsets.full(5) == 0b11111
    assert bitsets.select(0, 0, 0, 10) == []


def test_range_key_against_brute_force():
    rnd = random.Random(8)
    nbits = 3500  # more than three blocks
    keyed = {row: rnd.randrange(19000101, 20241231) for row in range(nbits) if row % 7}
    key = RangeKey.build(list((value, row) for row, value in keyed.items()), nbits)

    def rows_of(mask):
        view = bin(mask)[2:][::-1]  # independent of the code under test
        return {row for row, bit in enumerate(view) if bit == "1"}

    probes = [rnd.choice(list(keyed.values())) for _ in range(25)] + [0, 19000101, 99999999]
    for value in probes:
        assert rows_of(key.above(value)) == {r for r, v in keyed.items() if v > value}
        assert rows_of(key.at_least(value)) == {r for r, v in keyed.items() if v >= value}
        assert rows_of(key.at_most(value)) == {r for r, v in keyed.items() if v <= value}


def test_empty_range_key():
    key = RangeKey.build([], 10)
    assert key.above(0) == key.at_most(99999999) == 0


def test_column_files_written_before_range_keys_moved_still_load(monkeypatch):
    # Column files pickle RangeKey by name: older ones name search_index.columns.RangeKey.
    key = RangeKey.build([(19800101, 0), (19900101, 1)], 2)
    monkeypatch.setattr(RangeKey, "__module__", "search_index.columns")
    old = pickle.dumps(key)
    monkeypatch.undo()
    assert b"search_index.columns" in old
    assert pickle.loads(old) == key
