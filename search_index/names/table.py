"""Prepared names of a whole index, interned: each distinct unit and name is kept once.

Re-scoring thousands of candidates used to unpickle each candidate's prepared names (~3 µs a
row, more than scoring a one-word query). A table of distinct units (a few tens of thousands at
100k notices: names repeat) lets rows refer to units by number, so a query scores every
distinct unit once and a row costs a few list look-ups.
"""

from __future__ import annotations

import sys

from ..interning import Interner
from . import table_state
from .parts import PARTICLE
from .prefilter import UnitFeatures
from .units import U_DISPLAY, U_FLAGS, U_KEY, U_MASK, U_ROLE, U_WEIGHT, content_key

# A name of a row: (unit ids, flags of each part, bit mask of the parts that are not particles,
# kind of name (keys.NAME_KINDS), the name as written).
Name = tuple[tuple[int, ...], tuple[int, ...], int, str, str]
N_KIND = 3
# Unit fields not worth sharing: nearly unique to their unit, or numbers, which pickle does
# not keep shared.
_OWN_FIELDS = frozenset((U_MASK, U_DISPLAY, U_ROLE, U_FLAGS, U_WEIGHT, U_KEY))
_FREED_AT_ONCE = 4096  # units or rows freed between two chances for other threads to run


def _plain_mask(nflags: tuple[int, ...]) -> int:
    return sum(1 << i for i, flags in enumerate(nflags) if not flags & PARTICLE)


def _with_key(unit: tuple) -> tuple:
    return unit if isinstance(unit[U_KEY], str) else (*unit[:U_KEY], content_key(unit))


def _upgraded(rows: list) -> list:
    """Rows of a table saved before names had a kind: every name reads as primary, interned
    as before (scoring memoises by the name object)."""
    mapping: dict[int, Name] = {}
    for name in (name for row in rows for name in row):
        if id(name) not in mapping:
            mapping[id(name)] = (*name[:3], "primary", "") if len(name) < 5 else name
    return [tuple(mapping[id(name)] for name in row) for row in rows]


class NameTable:
    """Distinct units, and every row's names as unit ids. Rows are added in row order."""

    def __init__(self) -> None:
        self.units: list[tuple] = []
        self.rows: list[tuple[Name, ...]] = []
        self._unit_ids: dict[tuple, int] = {}
        self._names: dict[tuple, Name] = {}
        self._features: UnitFeatures | None = None
        self._intern = Interner()

    def __getstate__(self) -> dict:
        # The look-up dicts only serve add(); a loaded table is read-only. The key index is
        # saved so that no searching process builds it (~2 s at 100k notices).
        state = table_state.packed(self.units, self.rows)
        state["key_index"] = self.features().key_index
        return state

    def __setstate__(self, state: dict) -> None:
        if state.get("format") == table_state.FORMAT:
            self.units, self.rows = table_state.unpacked(state)
        else:  # saved as lists of tuples
            self.units, self.rows = state["units"], state["rows"]
        key_index = state.get("key_index")  # absent in tables saved before it
        first = next((row for row in self.rows if row), ())  # one table, one shape of names
        if first and len(first[0]) < 5:
            self.rows = _upgraded(self.rows)
        self._unit_ids, self._names, self._intern = {}, {}, Interner()
        self._features = None if key_index is None else UnitFeatures(self.units, key_index)

    def __del__(self) -> None:
        """Free the units and rows a piece at a time. A snapshot's table is ~600,000 objects
        at 100k notices: freed in one go, they held every thread of the worker for ~40 ms,
        in the request whose reopening let go of the last searcher of the old snapshot."""
        for name in ("rows", "units"):
            items = self.__dict__.pop(name, None)
            # Only a list no one else holds (here: this variable and getrefcount's argument).
            if type(items) is list and sys.getrefcount(items) == 2:
                while items:
                    del items[-_FREED_AT_ONCE:]

    def features(self) -> UnitFeatures:
        """Per-unit data for GoodPairFilter, built on first use (~2 s at 100k notices without
        a saved key index, ~0.1 s with one)."""
        if self._features is None or self._features.size != len(self.units):
            self._features = UnitFeatures(self.units)
        return self._features

    def _unit_id(self, unit: tuple) -> int:
        # Everything else in a unit is derived from these (see units.make_unit); hashing the
        # whole nested tuple would cost several times more.
        key = (content_key(unit), unit[U_MASK], unit[U_ROLE], unit[U_WEIGHT])
        found = self._unit_ids.get(key)
        if found is None:
            found = self._unit_ids[key] = len(self.units)
            self.units.append(self._shared_unit(unit))
        return found

    def _shared_unit(self, unit: tuple) -> tuple:
        """The unit with its values equal to other units' shared (forms, phonetic keys, ...),
        and its key as a string: a loaded table's key numbers would not match this table's."""
        return tuple(self._intern.fields(_with_key(unit), _OWN_FIELDS))

    def forget_shared(self) -> None:
        """Drop the look-up of values seen so far (~50 MB at 100k notices while the writer
        holds the table); rows added later share values among themselves only."""
        self._intern = Interner()

    def _name(
        self, uids: tuple[int, ...], nflags: tuple[int, ...], kind: str = "primary", text: str = ""
    ) -> Name:
        key = (uids, nflags, kind, text)
        name = self._names.get(key)
        if name is None:
            intern = self._intern
            name = self._names[key] = (
                uids,
                intern(nflags),
                _plain_mask(nflags),
                intern(kind),
                text,
            )
        return name

    def add(self, prepared: tuple) -> None:
        """Append the next row, given its prepare_names() value."""
        # Names prepared before kinds existed are (units, flags): read as primary, no text.
        self.rows.append(
            tuple(
                self._name(
                    tuple(self._unit_id(unit) for unit in entry[0]), tuple(entry[1]), *entry[2:4]
                )
                for entry in prepared or ()
            )
        )

    def add_from(self, other: NameTable, row: int, mapping: dict[int, Name]) -> None:
        """Append a row of another table (an update carries most rows over): several times
        faster than add(). `mapping` (id of other's name -> this table's) is shared by such
        calls; other's names are interned, so each is translated once."""
        names = []
        for name in other.rows[row]:
            found = mapping.get(id(name))
            if found is None:
                uids = tuple(self._unit_id(other.units[uid]) for uid in name[0])
                found = mapping[id(name)] = self._name(uids, *name[1:2], *name[3:5])
            names.append(found)
        self.rows.append(tuple(names))

    def prepared(self, row: int) -> tuple:
        """The prepare_names() value of a row, rebuilt from the shared units."""
        return tuple(
            (tuple(_with_key(unit) for unit in units), *rest) for units, *rest in self.held(row)
        )

    def held(self, row: int) -> tuple:
        """prepared(row) with the units as this table holds them: what match_name scores
        through the memo that NameScorer fills (a loaded table's unit keys are numbers)."""
        units = self.units
        return tuple(
            (tuple(units[uid] for uid in name[0]), name[1], *name[3:5]) for name in self.rows[row]
        )

    def texts(self, row: int) -> tuple[str, ...]:
        """The row's names as written (empty strings for tables saved before names had text)."""
        return tuple(name[4] for name in self.rows[row])

    def __len__(self) -> int:
        return len(self.rows)
