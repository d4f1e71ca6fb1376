"""A posting pool for the Whoosh writer that keeps postings in compact per-term arrays.

Whoosh's PostingPool holds each posting as a 5-tuple (~170 bytes) and, past `limitmb`, pickles
sorted runs to disk and merges them back at commit: at 100k notices that is 4.2 million pickle
dumps and loads, a third of a rebuild's time, and most of its peak memory. Our postings are
few per term and arrive in document order, so an array of doc numbers and one of weights per
term (16 bytes a posting) hold them all in memory, and the commit only sorts the terms.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

Posting = tuple[str, bytes, int, float, bytes | None]


class CompactPostingPool:
    """Drop-in for whoosh.writing.PostingPool (add, iter_postings, cleanup, fieldnames)."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        # (field, term) -> (doc numbers, weights, value strings); value strings are interned
        # (a keyword field has a handful of distinct ones) so a posting costs one reference.
        self._terms: dict[tuple[str, bytes], tuple[array, array, list]] = {}
        self._values: dict[bytes | None, bytes | None] = {None: None}

    def add(self, item: Posting) -> None:
        """Add one posting (field name, term bytes, doc number, weight, value bytes)."""
        fieldname, text, docnum, weight, value = item
        entry = self._terms.get((fieldname, text))
        if entry is None:
            self.fieldnames.add(fieldname)
            entry = self._terms[(fieldname, text)] = (array("q"), array("d"), [])
        entry[0].append(docnum)
        entry[1].append(weight)
        values = self._values
        entry[2].append(values.setdefault(value, value))

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting sorted by (field, term, doc number), as the field writer needs them.
        Each term's arrays are released once written."""
        terms = self._terms
        for key in sorted(terms):
            fieldname, text = key
            docnums, weights, values = terms.pop(key)
            order = range(len(docnums))
            if docnums.tolist() != sorted(docnums):
                # A merge of segments may add a term's postings out of doc order.
                order = sorted(order, key=docnums.__getitem__)
            for i in order:
                yield fieldname, text, docnums[i], weights[i], values[i]

    def cleanup(self) -> None:
        """Forget everything (nothing is on disk)."""
        self._terms.clear()

    def __len__(self) -> int:
        return sum(len(entry[0]) for entry in self._terms.values())
