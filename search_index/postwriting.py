"""A Whoosh segment writer that writes its compact pool's postings a block at a time.

Whoosh's FieldWriter.add_postings takes one posting per call, looking up the document's field
length for each: at 100k notices that is 4.2 million calls, a third of a rebuild's commit. The
pool (postings.py) already holds each term's postings as sorted arrays, so each block of the
postings writer is filled from slices (a term of one block is written in one step,
single_blocks.py), and a field's lengths are read once. The files written
are byte for byte those of the posting-at-a-time path (tests/search_index/test_postings.py).
Documents come in as term batches (add_batch, term_batches.py): their terms counted per field
beside the writer instead of token by token through Whoosh's analysis, with the same postings
and lengths.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, BinaryIO

from whoosh.writing import SegmentWriter

from search_index.postings import CompactPostingPool
from search_index.single_blocks import SingleBlockTerms
from search_index.term_batches import TermBatch


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

    def add_batch(self, batch: TermBatch) -> None:
        """Append a term batch (term_batches.py): each document's field lengths and column
        values, then the batch's postings, merged a term at a time. The same files as
        add_document of each document's values."""
        self._check_state()
        if batch.first != self.docnum:
            raise ValueError(f"batch starts at document {batch.first}, not {self.docnum}")
        perdocwriter, schema = self.perdocwriter, self.schema
        for docnum, entries in enumerate(batch.fields, start=batch.first):
            perdocwriter.start_doc(docnum)
            for fieldname, length, has_column, column_value in entries:
                field = schema[fieldname]
                perdocwriter.add_field(fieldname, field, None, length)
                if has_column:
                    perdocwriter.add_column_value(fieldname, field.column_type, column_value)
            perdocwriter.finish_doc()
        for fieldname, postings in batch.postings.items():
            self.pool.merge_field(
                fieldname,
                postings.terms,
                postings.ends,
                postings.docnums,
                postings.weights,
                postings.values,
            )
        self._added = True
        self.docnum += len(batch.fields)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        fieldwriter = self.fieldwriter
        try:
            for fieldname, terms in self.pool.fields():
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                field_lengths = _field_lengths(lengths, fieldname, self.doc_count())
                single = SingleBlockTerms(fieldwriter)
                for text, docnums, weights, values in terms:
                    if single.fits(len(docnums)):
                        single.write(text, docnums, weights, values, field_lengths)
                        continue
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
