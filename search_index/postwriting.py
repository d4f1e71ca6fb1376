"""A Whoosh segment writer over a compact pool, taking term batches and encoding fields apart.

Whoosh's FieldWriter.add_postings takes one posting per call, looking up the document's field
length for each: at 100k notices that is 4.2 million calls, a third of a rebuild's commit. The
pool (postings.py) already holds each term's postings as sorted arrays, so at commit each
field's terms are encoded from them (field_encoding.py; in helper processes at a large
rebuild), and this writer appends the bytes with their offsets; a field's lengths are read
once. The files written are byte for byte those of the posting-at-a-time path
(tests/search_index/test_postings.py). Documents come in as term batches (add_batch,
term_batches.py): their terms counted per field beside the writer instead of token by token
through Whoosh's analysis, with the same postings and lengths.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, BinaryIO

from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.writing import SegmentWriter

from search_index.field_encoding import EncodedTerm, FieldJob, encoded_fields
from search_index.postings import CompactPostingPool
from search_index.term_batches import TermBatch


class CompactSegmentWriter(SegmentWriter):
    """A single-process SegmentWriter over a CompactPostingPool."""

    def __init__(self, ix) -> None:  # noqa: ANN001 - a Whoosh Index
        super().__init__(ix)
        self.pool = CompactPostingPool()
        self.helpers = 0  # processes that encode fields at commit (field_encoding.py)
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
            self.pool.merge_field(fieldname, postings)
        self._added = True
        self.docnum += len(batch.fields)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        codec = self.codec
        try:
            fieldnames, jobs = [], []
            for fieldname, postings in self.pool.flat_fields():
                fieldnames.append(fieldname)
                field_lengths = _field_lengths(lengths, fieldname, self.doc_count())
                jobs.append(
                    FieldJob(
                        postings,
                        field_lengths,
                        self.schema[fieldname].format,
                        codec._blocklimit,
                        codec._compression,
                        codec._inlinelimit,
                    )
                )
        finally:
            if lengths:
                lengths.close()
        self._write_fields(fieldnames, encoded_fields(jobs, self.helpers))

    def _write_fields(self, fieldnames: list[str], encoded: Iterator[list[EncodedTerm]]) -> None:
        """Append each field's encoded terms to the postings file and the terms table, each
        term info with its term's offset and length."""
        fieldwriter = self.fieldwriter
        postfile, tindex = fieldwriter._postfile, fieldwriter._tindex
        for fieldname, terms in zip(fieldnames, encoded, strict=True):
            fieldwriter.start_field(fieldname, self.schema[fieldname])
            prefix = pack_ushort(fieldwriter._fieldid)
            for text, block, info in terms:
                if block is not None:
                    start = postfile.tell()
                    postfile.write(block)
                    info += pack_long(start) + pack_int(len(block))
                tindex.add(prefix + text, info)
            fieldwriter.finish_field()
        fieldwriter.close()


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
