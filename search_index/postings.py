"""A posting pool for the Whoosh writer that keeps postings in compact per-term arrays.

Whoosh's PostingPool holds each posting as a 5-tuple (~170 bytes) and, past `limitmb`, pickles
sorted runs to disk and merges them back at commit: at 100k notices that is 4.2 million pickle
dumps and loads, a third of a rebuild's time, and most of its peak memory. Our postings are
arrive in document order, and nearly all postings of a term share one weight and one value
string, so an array of doc numbers per term (4 bytes a posting) holds them in memory, and the
commit only sorts the terms.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter


@dataclass
class FieldPostings:
    """One field's postings (of a term batch, or of a whole pool at commit), flat, so that
    they pickle as a few large objects: term i's doc numbers are docnums[ends[i - 1]:ends[i]];
    its weights and values are each one shared value or a sequence (as the pool holds them)."""

    terms: list[bytes]
    ends: array
    docnums: array
    weights: list[float | array]
    values: list[bytes | None | list[bytes | None]]


Posting = tuple[str, bytes, int, float, bytes | None]
Term = tuple[bytes, list[int], list[float], list[bytes | None]]


class CompactPostingPool:
    """Drop-in for whoosh.writing.PostingPool (add, iter_postings, cleanup, fieldnames)."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        # (field, term) -> [doc numbers, weights, value strings]. Most terms of a field carry
        # one weight and one value string: those stay single until a posting differs.
        self._terms: dict[tuple[str, bytes], list] = {}

    def add(self, item: Posting) -> None:
        """Add one posting (field name, term bytes, doc number, weight, value bytes)."""
        fieldname, text, docnum, weight, value = item
        entry = self._terms.get((fieldname, text))
        if entry is None:
            self.fieldnames.add(fieldname)
            self._terms[(fieldname, text)] = [array("i", (docnum,)), weight, value]
            return
        docnums = entry[0]
        docnums.append(docnum)
        if isinstance(entry[1], array):
            entry[1].append(weight)
        elif weight != entry[1]:
            entry[1] = _joined(entry[1], weight, len(docnums) - 1, 1, array)
        if isinstance(entry[2], list):
            entry[2].append(value)
        elif value != entry[2]:
            entry[2] = _joined(entry[2], value, len(docnums) - 1, 1, list)

    def merge_field(self, fieldname: str, postings: FieldPostings) -> None:
        """Take over one field's postings of later documents (a term batch, numbered after all
        of this pool's). One step per term, not per posting."""
        held, docnums = self._terms, postings.docnums
        if postings.terms:
            self.fieldnames.add(fieldname)
        start = 0
        for text, end, weight, value in zip(
            postings.terms, postings.ends, postings.weights, postings.values, strict=True
        ):
            key = (fieldname, text)
            entry = held.get(key)
            ids = docnums[start:end]
            if entry is None:
                held[key] = [ids, weight, value]
            else:
                count = len(entry[0])
                entry[0].extend(ids)
                # Shared weights and values stay shared while they agree, as in add().
                if isinstance(weight, array) or isinstance(entry[1], array) or weight != entry[1]:
                    entry[1] = _joined(entry[1], weight, count, end - start, array)
                if isinstance(value, list) or isinstance(entry[2], list) or value != entry[2]:
                    entry[2] = _joined(entry[2], value, count, end - start, list)
            start = end

    def fields(self) -> Iterator[tuple[str, Iterator[Term]]]:
        """Each field in order, with its terms in order, each as (term bytes, doc numbers,
        weights, values) in doc number order: what a segment's field writer takes. Each
        term's arrays are released once handed out. Postings with doc number -1 (Whoosh's
        spelling words, which add_postings skips) are left out."""
        keys = sorted(self._terms)
        start = 0
        while start < len(keys):
            fieldname = keys[start][0]
            stop = start
            while stop < len(keys) and keys[stop][0] == fieldname:
                stop += 1
            yield fieldname, self._field_terms(keys[start:stop])
            start = stop

    def flat_fields(self) -> Iterator[tuple[str, FieldPostings]]:
        """fields(), each field's terms as one FieldPostings (what a helper process encodes).
        A term whose postings are in doc order, as a rebuild adds them, is handed over as the
        pool holds it; only others (after merged segments) are sorted first."""
        keys = sorted(self._terms)
        for fieldname, group in groupby(keys, key=itemgetter(0)):
            flat = FieldPostings([], array("i"), array("i"), [], [])
            for key in group:
                docnums, weights, values = self._terms[key]
                if -1 in docnums or (len(docnums) > 1 and docnums.tolist() != sorted(docnums)):
                    terms = list(self._field_terms([key]))
                    if not terms:
                        continue
                    _, docnums, weights, values = terms[0]
                    weights = one_or_all(weights, array("d"))
                    values = one_or_all(values, [])
                else:
                    del self._terms[key]
                flat.terms.append(key[1])
                flat.docnums.extend(docnums)
                flat.ends.append(len(flat.docnums))
                flat.weights.append(weights)
                flat.values.append(values)
            yield fieldname, flat

    def _field_terms(self, keys: list[tuple[str, bytes]]) -> Iterator[Term]:
        for key in keys:
            docnums, weights, values = self._terms.pop(key)
            count = len(docnums)
            weights = weights.tolist() if isinstance(weights, array) else [weights] * count
            values = values if isinstance(values, list) else [values] * count
            order = list(range(count))
            if docnums.tolist() != sorted(docnums):
                # A merge of segments may add a term's postings out of doc order.
                order.sort(key=docnums.__getitem__)
            kept = [i for i in order if docnums[i] != -1]
            if kept:
                yield (
                    key[1],
                    [docnums[i] for i in kept],
                    [weights[i] for i in kept],
                    [values[i] for i in kept],
                )

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting sorted by (field, term, doc number), one at a time (Whoosh's
        SegmentWriter takes them so; CompactSegmentWriter takes fields() instead)."""
        for fieldname, terms in self.fields():
            for text, docnums, weights, values in terms:
                for posting in zip(docnums, weights, values, strict=True):
                    yield (fieldname, text, *posting)

    def cleanup(self) -> None:
        """Forget everything (nothing is on disk)."""
        self._terms.clear()


def _joined(held, added, held_count: int, added_count: int, sequence: type):  # noqa: ANN001, ANN202
    """Two runs of a term's weights (array) or values (list), each either one shared value or
    a sequence, joined as one sequence."""
    added_shared = not isinstance(added, sequence)
    if not isinstance(held, sequence):
        held = array("d", [held] * held_count) if sequence is array else [held] * held_count
    held.extend([added] * added_count if added_shared else added)
    return held


def one_or_all(run: list, sequence: array | list) -> object:
    """A term's weights or values: their one value when all are equal, else all of them."""
    if run.count(run[0]) == len(run):
        return run[0]
    sequence.extend(run)
    return sequence
