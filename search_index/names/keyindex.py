"""Which name units hold a key: one sorted array of (stable key hash, unit id) for a whole table.

GoodPairFilter asks, for a query unit, which units of a batch share one of its few keys. Testing
each unit's own key set cost ~0.4 µs a unit in Python, and a common family name's candidates
hold ~18,000 distinct units per query; the sets themselves held ~90 MB per worker at 100k
notices and took ~2 s to build in every worker for every commit. The array answers with a
binary search per query key, takes ~8 bytes per (unit, key), and is built once by the writer
and saved with the table (the hash is crc32, the same in every process).

A hash collision makes a unit look as if it held the key: the filter lets through a superset
anyway, and the full pair score decides.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable

UNIT_BITS = 31  # the low bits of an entry hold the unit id, the high bits the key's hash
_UNIT_MASK = (1 << UNIT_BITS) - 1
_BUCKET_BITS = 8


def key_hash(key: str) -> int:
    """A 32-bit hash of a key, stable across processes and Python versions."""
    return zlib.crc32(key.encode("utf-8"))


def build_key_index(units: list[tuple], keys_of: Callable[[tuple], Iterable[str]]) -> array:
    """The sorted entries hash << UNIT_BITS | unit id of every key of every unit.

    The writer builds it while the whole index is in memory: entries go into compact arrays,
    one per top byte of their hash, and only one such bucket at a time is sorted as a list
    (a list of every entry held ~30 MB of int objects at 100k notices)."""
    if len(units) > _UNIT_MASK:
        raise ValueError(f"too many name units for a key index: {len(units)}")
    buckets = [array("q") for _ in range(1 << _BUCKET_BITS)]
    shift = 32 + UNIT_BITS - _BUCKET_BITS  # the hash has 32 bits
    for uid, unit in enumerate(units):
        for key in keys_of(unit):
            entry = key_hash(key) << UNIT_BITS | uid
            buckets[entry >> shift].append(entry)
    index = array("q")
    for bucket in buckets:
        index.extend(sorted(bucket))
    return index


def key_owners(index: array, keys: Iterable[str]) -> set[int]:
    """Ids of the units holding one of `keys` (and of the rare unit whose key shares a hash)."""
    found: set[int] = set()
    for key in keys:
        low = key_hash(key) << UNIT_BITS
        start = bisect_left(index, low)
        stop = bisect_left(index, low + (1 << UNIT_BITS), start)
        found.update(entry & _UNIT_MASK for entry in index[start:stop])
    return found
