"""The column values of every row of a snapshot, kept as columns rather than one tuple a row.

A NamedTuple a row held its fields through a 15-slot tuple plus an int or float object for
each number: ~47 MB per searching process at 100k notices. Here numbers live in typed arrays
and repeated values (kind, sex, codes) are one shared object each, referred to from a list;
`table[n]` still gives row n as a Row, built when asked, and hot paths read one column.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import NamedTuple

from search_index.interning import Interner


class Row(NamedTuple):
    """The column values of one notice (and its prepared names for re-scoring)."""

    entity_id: str
    kind: str
    sex: str
    nationalities: tuple[str, ...]
    wanted_by: tuple[str, ...]
    dob_lo: int  # YYYYMMDD of the earliest possible birth day, 0 if unknown
    dob_hi: int  # YYYYMMDD of the latest possible birth day, 0 if unknown
    published: float  # POSIX timestamp
    has_picture: bool
    sort_name: str
    un_reference: str  # folded
    un_resolution: str  # folded
    token: str | None
    prepared: bytes  # pickled names.prepare_names(); empty once moved to the .names file
    # Last; defaulted so that column files written before it existed still load.
    updated: float = 0.0  # POSIX timestamp of the last change, 0 if unknown


# How each field is kept: numbers in typed arrays (typecode), has_picture as bytes of 0/1, the
# others in lists (a shared value is one object); prepared is not kept (always b"" here).
_NUMBERS = {"dob_lo": "l", "dob_hi": "l", "published": "d", "updated": "d"}
_KEPT = tuple(name for name in Row._fields if name != "prepared")
_LISTS = tuple(name for name in _KEPT if name not in _NUMBERS and name != "has_picture")
_PICTURE = _KEPT.index("has_picture")
_PREPARED = Row._fields.index("prepared")
# Text fields (nearly) unique to their row, kept as one string of UTF-8 bytes.
_PACKED = ("entity_id", "sort_name", "un_reference")


class RowTable(Sequence):
    """Rows 0..n-1 of a snapshot, read-only once built; table[n] is row n as a Row."""

    def __init__(self, columns: dict) -> None:
        self.columns = columns  # field name -> list, array or bytes: one value a row
        self._kept = tuple(columns[name] for name in _KEPT)

    @classmethod
    def from_rows(
        cls, rows: Iterable[Row], intern: Interner | None = None, own: frozenset[str] = frozenset()
    ) -> RowTable:
        """The table of `rows`, in row order (their prepared names are not kept); with
        `intern`, the values of fields not in `own` equal to an earlier one are shared."""
        columns: dict = {name: [] for name in _LISTS}
        columns.update({name: array(code) for name, code in _NUMBERS.items()})
        pictures = bytearray()
        lists = [(columns[name], name, intern is not None and name not in own) for name in _LISTS]
        for row in rows:
            for column, name, shared in lists:
                value = getattr(row, name)
                column.append(intern(value) if shared else value)
            for name in _NUMBERS:
                columns[name].append(getattr(row, name))
            pictures.append(bool(row.has_picture))
        columns["has_picture"] = bytes(pictures)
        columns["token"] = HexTokens.packed(columns["token"])
        for name in _PACKED:
            columns[name] = PackedStrings.packed(columns[name])
        return cls(columns)

    def __getstate__(self) -> dict:
        return self.columns

    def __setstate__(self, columns: dict) -> None:
        self.__init__(columns)

    def __len__(self) -> int:
        return len(self.columns["entity_id"])

    def __getitem__(self, number):  # noqa: ANN001 - an int or a slice, as for a list
        if isinstance(number, slice):
            return [self[n] for n in range(*number.indices(len(self)))]
        values = [column[number] for column in self._kept]
        values[_PICTURE] = bool(values[_PICTURE])
        values.insert(_PREPARED, b"")
        return Row._make(values)

    def __iter__(self) -> Iterator[Row]:
        return map(self.__getitem__, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowTable | list):
            return len(self) == len(other) and all(map(Row.__eq__, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment] - equal by value, and not immutable to Python

    def column(self, name: str) -> Sequence:
        """One field of every row, by row number: faster than a Row a row."""
        return self.columns[name]


_HEX = frozenset("0123456789abcdef")


def _row_number(number: int, size: int) -> int:
    """`number` as a list reads it (negative counts from the end); IndexError when out of range."""
    if number < 0:
        number += size
    if not 0 <= number < size:
        raise IndexError(number)
    return number


class HexTokens(Sequence):
    """Tokens that are all SHA-256 hex digests (what the service gives), 32 bytes each in one
    bytes object instead of a 113-byte string each (~8 MB less at 100k notices)."""

    _SIZE = 32

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def packed(cls, tokens: list) -> Sequence:
        """The tokens packed, or the list itself when one of them is not such a digest."""
        if not all(type(t) is str and len(t) == 64 and _HEX.issuperset(t) for t in tokens):
            return tokens
        return cls(b"".join(bytes.fromhex(token) for token in tokens))

    def __len__(self) -> int:
        return len(self.data) // self._SIZE

    def __getitem__(self, number: int) -> str:  # RowTable asks for one row at a time
        number = _row_number(number, len(self))
        return self.data[number * self._SIZE : (number + 1) * self._SIZE].hex()


class PackedStrings(Sequence):
    """Strings kept as one bytes object of their UTF-8 and where each ends: ~60 bytes less a
    row than a str object each (entity ids, sort names, UN references: ~9 MB at 100k
    notices). Reading one decodes it; the hot paths read a page of them at a time."""

    def __init__(self, data: bytes, ends: array) -> None:
        self.data, self.ends = data, ends

    @classmethod
    def packed(cls, values: list) -> Sequence:
        """The values packed, or the list itself when one of them is not a string."""
        if not all(type(value) is str for value in values):
            return values
        sizes = (len(value) if value.isascii() else len(value.encode()) for value in values)
        return cls("".join(values).encode(), array("q", accumulate(sizes)))

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, number: int) -> str:  # RowTable asks for one row at a time
        ends = self.ends
        number = _row_number(number, len(ends))
        return self.data[ends[number - 1] if number else 0 : ends[number]].decode()

    def __iter__(self) -> Iterator[str]:
        data, start = self.data, 0
        for end in self.ends:
            yield data[start:end].decode()
            start = end
