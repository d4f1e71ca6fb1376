"""One field's postings -> each term's bytes in the postings file and its term info, computed
apart from the segment's files, so that a large rebuild's commit encodes fields in helper
processes while the writer only writes bytes and positions.

Nothing Whoosh 3 writes for a term depends on where it lands in the postings file except the
term info's last twelve bytes (the term's offset and length): the blocks hold counts, doc
number gaps, weights and values only. So each term is encoded into bytes of its own, and the
writer appends them, adding the offset. A term whose postings fit in one block (at 100k
notices ~280,000 of 300,000 terms) is encoded in one step with Whoosh's own struct packing,
pickling and compression; a longer one by Whoosh's postings writer, a block at a time. The
files are byte for byte what start_term, add_posting and finish_term write
(tests/search_index/test_postings.py compares whole segments).
"""

from __future__ import annotations

import io
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pickle import dumps

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3PostingsWriter,
    W3TermInfo,
)
from whoosh.filedb.structfile import StructFile
from whoosh.formats import Format
from whoosh.system import _INT_SIZE, _LONG_SIZE, pack_int
from whoosh.util.numeric import length_to_byte

from search_index.converting import spawned_pool
from search_index.postings import FieldPostings

# A term's text, its bytes in the postings file (None when its postings are inlined in its
# term info), and its term info: without the offset and length when it has postings bytes.
EncodedTerm = tuple[bytes, bytes | None, bytes]
_EXTENT = _LONG_SIZE + _INT_SIZE


@dataclass
class FieldJob:
    """Everything encoding one field needs: its postings, each document's length in the
    field, its format and the codec's block settings."""

    postings: FieldPostings
    lengths: list[int]
    format: Format
    blocklimit: int
    compression: int
    inlinelimit: int


def encoded_fields(jobs: list[FieldJob], processes: int = 0) -> Iterator[list[EncodedTerm]]:
    """encode_field of each job, in order; in `processes` helper processes when given."""
    if processes < 1:
        yield from map(encode_field, jobs)
        return
    with spawned_pool(processes) as pool:
        yield from pool.map(encode_field, jobs)


def encode_field(job: FieldJob) -> list[EncodedTerm]:
    """Each term of one field, encoded, in the field's term order."""
    postings = job.postings
    fixedsize = job.format.fixed_value_size()
    encoded: list[EncodedTerm] = []
    start = 0
    for text, end, weights, values in zip(
        postings.terms, postings.ends, postings.weights, postings.values, strict=True
    ):
        count = end - start
        docnums = postings.docnums[start:end].tolist()
        weights = weights.tolist() if isinstance(weights, array) else [weights] * count
        values = values if isinstance(values, list) else [values] * count
        if job.inlinelimit <= count <= job.blocklimit:
            block, info = _one_block(docnums, weights, values, job.lengths, fixedsize, job)
        else:
            block, info = _by_whoosh(docnums, weights, values, job)
        encoded.append((text, block, info))
        start = end
    return encoded


def _one_block(
    docnums: list[int],
    weights: list[float],
    values: list,
    field_lengths: list[int],
    fixedsize: int | None,
    job: FieldJob,
) -> tuple[bytes, bytes]:
    """A one-block term as W3PostingsWriter._write_block(last=True) writes it, and its term
    info as W3TermInfo.to_bytes packs it, without the extent."""
    found = [length for length in map(field_lengths.__getitem__, docnums) if length]
    minlength = min(found) if found else None
    maxlength = max(found) if found else 0
    maxweight = max(0, *weights)
    stored = array("f", weights)  # the block buffer holds weights as 32-bit floats
    data = dumps((_deltas(docnums), _mini_weights(stored), _mini_values(values, fixedsize)), 2)
    compression = job.compression if len(data) >= COMPRESSION_MIN_SIZE else 0
    if compression:
        data = zlib.compress(data, compression)
    info = dumps(
        (
            len(docnums),
            docnums[-1],
            maxweight,
            compression,
            length_to_byte(minlength),
            length_to_byte(maxlength),
        ),
        2,
    )
    # Negative length: the term's last block.
    block = b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-(len(info) + len(data))), info, data))
    term_info = W3TermInfo._struct.pack(
        False,
        0 + sum(stored),
        len(docnums),
        0 if minlength is None else length_to_byte(minlength),
        length_to_byte(maxlength),
        maxweight,
        docnums[0],
        docnums[-1],
    )
    return block, term_info


def _by_whoosh(
    docnums: list[int], weights: list[float], values: list, job: FieldJob
) -> tuple[bytes | None, bytes]:
    """A term of several blocks (or an inlined one), by Whoosh's own postings writer into a
    file of its own."""
    buffer = io.BytesIO()
    postwriter = W3PostingsWriter(
        StructFile(buffer),
        blocklimit=job.blocklimit,
        compression=job.compression,
        inlinelimit=job.inlinelimit,
    )
    postwriter.start_postings(job.format, W3TermInfo())
    add_postings(postwriter, docnums, weights, values, job.lengths)
    term_info = postwriter.finish_postings()
    if term_info.is_inlined():
        return None, term_info.to_bytes()
    return buffer.getvalue(), term_info.to_bytes()[:-_EXTENT]


def add_postings(
    postwriter: W3PostingsWriter,
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


def _deltas(docnums: Sequence[int]) -> tuple[int, ...]:
    """W3PostingsWriter._mini_ids: each doc number minus the one before (the first as is)."""
    return (docnums[0], *map(int.__sub__, docnums[1:], docnums[:-1]))


def _mini_weights(weights: array) -> object:
    """W3PostingsWriter._mini_weights: None when all are 1.0, one value when all are equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _mini_values(values: Sequence[bytes | None], fixedsize: int | None) -> object:
    """W3PostingsWriter._mini_values of the values a block buffer keeps (the non-empty)."""
    kept = [value for value in values if value]
    if fixedsize is None or fixedsize < 0:
        return tuple(kept)
    if fixedsize == 0:
        return None
    return b"".join(kept)
