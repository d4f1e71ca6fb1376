"""A Whoosh segment writer that writes its compact pool's postings a block at a time.

Whoosh's FieldWriter.add_postings takes one posting per call, looking up the document's field
length for each: at 100k notices that is 4.2 million calls, a third of a rebuild's commit. The
pool (postings.py) already holds each term's postings as sorted arrays, so each block of the
postings writer is filled from slices, and a field's lengths are read once. The files written
are byte for byte those of the posting-at-a-time path (tests/search_index/test_postings.py).
Documents come in as ready-made term lists (add_term_lists), counted per field instead of
going token by token through Whoosh's analysis, with the same postings and lengths.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import Any, BinaryIO

from whoosh.formats import Frequency
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from search_index.postings import CompactPostingPool


class CompactSegmentWriter(SegmentWriter):
    """A single-process SegmentWriter over a CompactPostingPool."""

    def __init__(self, ix) -> None:  # noqa: ANN001 - a Whoosh Index
        super().__init__(ix)
        self.pool = CompactPostingPool()
        # The postings and terms files are asked their position at every term, three times:
        # each ask was a seek system call (~5 s of a 100k rebuild). Counted instead.
        fieldwriter = self.fieldwriter
        for structfile in (fieldwriter._postfile, fieldwriter._tindex.dbfile):
            structfile.file = CountedFile(structfile.file)

    def add_term_lists(self, values: dict[str, object]) -> None:
        """add_document(**values) where each value is a list of ready-made terms (the id a
        string): the same postings, lengths and columns, without Whoosh's token-by-token
        path for lists (generators of Token objects, ~4 s of a 100k rebuild's writer)."""
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        add_post = self.pool.add
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in sorted(values):
                value = values[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                if not _plain(field):
                    raise ValueError(f"{fieldname}: not a plain indexed field")
                listed = isinstance(value, list) and type(field.format) is Frequency
                length = 0
                for tbytes, freq, weight, vbytes in (
                    _term_items(value, field.format.field_boost) if listed else field.index(value)
                ):
                    length += freq
                    add_post((fieldname, tbytes, docnum, weight, vbytes))
                perdocwriter.add_field(fieldname, field, None, length if field.scorable else 0)
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except ValueError:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        fieldwriter = self.fieldwriter
        try:
            for fieldname, terms in self.pool.fields():
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                field_lengths = _field_lengths(lengths, fieldname, self.doc_count())
                for text, docnums, weights, values in terms:
                    fieldwriter.start_term(text)
                    _add_term(fieldwriter._postwriter, docnums, weights, values, field_lengths)
                    fieldwriter.finish_term()
                fieldwriter.finish_field()
            fieldwriter.close()
        finally:
            if lengths:
                lengths.close()


class CountedFile:
    """A file being written whose position is counted as bytes are written, not asked of the
    operating system; everything else is the wrapped file's."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self._position = file.tell()

    def write(self, data: bytes) -> int:
        written = self._file.write(data)
        self._position += written
        return written

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        self._position = self._file.seek(offset, whence)
        return self._position

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def _plain(field) -> bool:  # noqa: ANN001 - a Whoosh FieldType
    """Indexed, not stored, without vectors or separate spelling words: what add_term_lists
    writes exactly as add_document does."""
    return field.indexed and not field.stored and not field.vector and not field.separate_spelling()


def _term_items(terms: list[str], boost: float) -> list[tuple[bytes, int, float, bytes]]:
    """Frequency.word_values + FieldType.index of a list of terms: each distinct term in the
    order of its first occurrence, with its count, its weight (1.0 per occurrence, times the
    field's boost) and its count packed."""
    return [
        (term.encode("utf-8"), count, float(count) * boost, pack_uint(count))
        for term, count in Counter(terms).items()
    ]


def _field_lengths(lengths, fieldname: str, count: int) -> list:  # noqa: ANN001 - PerDocReader
    """Each document's length in one field, as add_postings would look it up per posting."""
    if not lengths:
        return [0] * count
    length_of = lengths.doc_field_length_reader(fieldname)
    return [length_of(docnum) for docnum in range(count)]


def _add_term(
    postwriter,  # noqa: ANN001 - whoosh.codec.whoosh3.W3PostingsWriter
    docnums: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes | None],
    field_lengths: list,
) -> None:
    """What W3PostingsWriter.add_posting does for each posting, a block at a time: a full
    block is written when the next posting arrives, the last by finish_postings."""
    limit = postwriter._blocklimit
    for start in range(0, len(docnums), limit):
        if len(postwriter._ids) >= limit:
            postwriter._write_block()
        stop = start + limit
        ids = docnums[start:stop]
        chunk_weights = weights[start:stop]
        postwriter._ids.extend(ids)
        postwriter._weights.extend(chunk_weights)
        postwriter._maxweight = max(postwriter._maxweight, *chunk_weights)
        postwriter._values.extend(value for value in values[start:stop] if value)
        found = [length for length in map(field_lengths.__getitem__, ids) if length]
        if found:
            low = min(found)
            if postwriter._minlength is None or low < postwriter._minlength:
                postwriter._minlength = low
            postwriter._maxlength = max(postwriter._maxlength, *found)
