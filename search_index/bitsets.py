"""Sets of row numbers as Python ints (bit r set = row r in the set): fast AND, OR and counts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

_CHUNK = 2048  # bytes per popcount step when skipping to a deep page
_BYTE_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


def from_rows(rows: Iterable[int], nbits: int) -> int:
    """The bitset holding `rows` (each in 0..nbits-1)."""
    buffer = bytearray((nbits + 7) // 8)
    for row in rows:
        buffer[row >> 3] |= 1 << (row & 7)
    return int.from_bytes(buffer, "little")


def full(nbits: int) -> int:
    """The bitset of all rows 0..nbits-1."""
    return (1 << nbits) - 1


def to_bytes(mask: int, nbits: int) -> bytes:
    """Little-endian bytes of the bitset, for cheap per-row membership tests."""
    return mask.to_bytes((nbits + 7) // 8 or 1, "little")


def member(view: bytes, row: int) -> bool:
    """True when `row` is in the bitset whose bytes are `view` (see to_bytes)."""
    return bool(view[row >> 3] >> (row & 7) & 1)


def iter_rows(view: bytes, first_byte: int = 0) -> Iterator[int]:
    """Rows of the bitset in ascending order, starting at byte `first_byte`."""
    table = _BYTE_BITS
    for index in range(first_byte, len(view)):
        value = view[index]
        if value:
            base = index << 3
            for bit in table[value]:
                yield base + bit


def select(mask: int, nbits: int, start: int, count: int) -> list[int]:
    """Rows number start..start+count-1 (by rank, ascending) of the bitset."""
    view = to_bytes(mask, nbits)
    skipped = 0
    offset = 0
    # Skip whole chunks by popcount so a deep page costs little more than the first one.
    while offset < len(view):
        in_chunk = int.from_bytes(view[offset : offset + _CHUNK], "little").bit_count()
        if skipped + in_chunk > start:
            break
        skipped += in_chunk
        offset += _CHUNK
    found: list[int] = []
    for row in iter_rows(view, offset):
        if skipped >= start:
            found.append(row)
            if len(found) == count:
                break
        skipped += 1
    return found
