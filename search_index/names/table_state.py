"""How a NameTable is saved: its numbers as indexes into one shared object per distinct value.

Pickle writes a number by value, so every unit's weight, flags and key number, and every unit
id of every name, came back from a column file as an object of its own: ~600,000 objects at
100k notices, where the table holds ~116,000 distinct unit ids and a few dozen distinct
weights and flags. Saved as arrays of indexes, each is read back as the one shared object of
its value (~11 MB less in every searching process at 100k notices). Strings and tuples are
pickled as they are: pickle keeps the objects the writer shared shared.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate, islice

from .units import U_FLAGS, U_KEY, U_MASK, U_ROLE, U_WEIGHT

FORMAT = 2  # absent from tables saved as lists of tuples
# Unit fields saved as indexes into their distinct values; the others are pickled as they are.
_NUMBERS = (U_MASK, U_ROLE, U_FLAGS, U_WEIGHT)
_OBJECTS = tuple(field for field in range(U_KEY) if field not in _NUMBERS)


def _indexed(values: Iterable) -> tuple[list, array]:
    """The distinct values (by type and value: 1 and 1.0 stay apart) and each one's index."""
    distinct: dict[tuple[type, object], int] = {}
    indexes = array("I", (distinct.setdefault((type(v), v), len(distinct)) for v in values))
    return [value for _, value in distinct], indexes


def _runs(sequences: list) -> tuple[array, array]:
    """All items of the sequences in one array, and where each sequence ends."""
    flat = array("I", (item for sequence in sequences for item in sequence))
    return flat, array("I", accumulate(map(len, sequences)))


def _split(items: Iterator, ends: array) -> Iterator[tuple]:
    start = 0
    for end in ends:
        yield tuple(islice(items, end - start))
        start = end


def _pieces(items: Iterator, size: int = 4096) -> Iterator[list]:
    """The items, a list of `size` at a time. Building 116,000 units in one list() call held
    the interpreter for ~60 ms, and with it every other thread of a worker reading a new
    snapshot; between pieces they may run."""
    while piece := list(islice(items, size)):
        yield piece


def packed(units: list[tuple], rows: list[tuple]) -> dict:
    """The state of a table. Each distinct unit key is saved as a number: the key only tells
    the query's memo of pair scores which units score alike, and within one table a number
    does that as well as the string (~9 MB less at 100k notices). The numbers mean nothing
    outside their table: QueryKeys.pair_scores starts a new memo for each table."""
    state: dict = {"format": FORMAT, "unit_count": len(units)}
    for field in _NUMBERS:
        state[f"unit_{field}"] = _indexed(unit[field] for unit in units)
    for field in _OBJECTS:
        state[f"unit_{field}"] = [unit[field] for unit in units]
    keys: dict = {}
    state["unit_keys"] = array("I", (keys.setdefault(u[U_KEY], len(keys)) for u in units))
    names: dict[int, int] = {}  # id of a shared name -> its index among the distinct names
    distinct = []
    for name in (name for row in rows for name in row):
        if id(name) not in names:
            names[id(name)] = len(distinct)
            distinct.append(name)
    state["name_units"] = _runs([name[0] for name in distinct])
    state["name_flags"] = [name[1] for name in distinct]  # tuples shared by the writer
    state["name_plain"] = _indexed(name[2] for name in distinct)
    state["name_kinds"] = [name[3] for name in distinct]
    state["name_texts"] = [name[4] for name in distinct]
    state["rows"] = _runs([[names[id(name)] for name in row] for row in rows])
    return state


def unpacked(state: dict) -> tuple[list[tuple], list[tuple]]:
    """Units and rows of a state written by packed(), numbers shared."""
    count = state["unit_count"]
    numbers = list(range(count))  # shared int objects: unit ids, and key numbers (fewer)
    fields: list[Iterable] = [()] * (U_KEY + 1)
    for field in _NUMBERS:
        values, indexes = state[f"unit_{field}"]
        fields[field] = map(values.__getitem__, indexes)
    for field in _OBJECTS:
        fields[field] = state[f"unit_{field}"]
    fields[U_KEY] = map(numbers.__getitem__, state["unit_keys"])
    units = [unit for piece in _pieces(zip(*fields, strict=True)) for unit in piece]
    flat, ends = state["name_units"]
    plain, indexes = state["name_plain"]
    names = list(
        zip(
            _split(map(numbers.__getitem__, flat), ends),
            state["name_flags"],
            map(plain.__getitem__, indexes),
            state["name_kinds"],
            state["name_texts"],
            strict=True,
        )
    )
    flat, ends = state["rows"]
    rows = list(_split(map(names.__getitem__, flat), ends))
    return units, rows
