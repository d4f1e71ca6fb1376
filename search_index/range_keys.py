"""Integer keys of the rows (birth dates) sorted, with suffix bitsets for range filters."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from search_index import bitsets

_BLOCK = 1024  # rows per precomputed suffix bitset of a range key


@dataclass
class RangeKey:
    """Rows sorted by one integer key, with suffix bitsets every _BLOCK positions."""

    values: array
    rows: array
    blocks: list[int]
    nbits: int

    @classmethod
    def build(cls, keyed: list[tuple[int, int]], nbits: int) -> RangeKey:
        keyed.sort()
        values = array("q", (value for value, _ in keyed))
        rows = array("l", (row for _, row in keyed))
        # Suffix bitsets built from the end: each block adds its rows to the next one's set.
        blocks: list[int] = []
        suffix = 0
        for start in reversed(range(0, len(rows), _BLOCK)):
            suffix |= bitsets.from_rows(rows[start : start + _BLOCK], nbits)
            blocks.append(suffix)
        blocks.reverse()
        return cls(values, rows, blocks, nbits)

    def _from_position(self, position: int) -> int:
        block = -(-position // _BLOCK)
        base = self.blocks[block] if block < len(self.blocks) else 0
        edge = self.rows[position : block * _BLOCK]
        return base | bitsets.from_rows(edge, self.nbits) if edge else base

    def above(self, value: int) -> int:
        """Rows whose key is > value."""
        return self._from_position(bisect_right(self.values, value))

    def at_least(self, value: int) -> int:
        """Rows whose key is >= value."""
        return self._from_position(bisect_left(self.values, value))

    def at_most(self, value: int) -> int:
        """Rows whose key is <= value."""
        everything = self.blocks[0] if self.blocks else 0
        return everything ^ self.above(value)
