"""Writing a term whose postings fit in one block, in one step, with Whoosh 3's exact bytes.

Most terms of our index have few postings (at 100k notices ~280,000 of 300,000 terms have at
most a block's 128), and for each Whoosh makes a term info object, a block buffer, and some
twenty method calls between the field writer, the postings writer, the term info and the
terms table: about two thirds of a rebuild's commit. A one-block term's bytes follow directly
from its postings, so this writes them with the same struct packing, pickling and compression,
byte for byte what start_term, add_posting and finish_term write
(tests/search_index/test_postings.py compares whole segments).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence
from pickle import dumps

from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

_NO_ID = 0xFFFFFFFF


class SingleBlockTerms:
    """Writes one field's one-block terms; `fits(count)` says which terms those are."""

    def __init__(self, fieldwriter) -> None:  # noqa: ANN001 - whoosh.codec.whoosh3.W3FieldWriter
        postwriter = fieldwriter._postwriter
        self._postfile = fieldwriter._postfile
        self._tindex = fieldwriter._tindex
        self._prefix = pack_ushort(fieldwriter._fieldid)
        self._compression = postwriter._compression
        self._limit = postwriter._blocklimit
        # A term with fewer postings than the inline limit is stored inside its term info, a
        # case this path does not write (our codec's limit, 1, never inlines).
        self._inlined_below = postwriter._inlinelimit
        self._fixedsize = fieldwriter._format.fixed_value_size()
        self._usable = not postwriter._byteids

    def fits(self, count: int) -> bool:
        """Whether a term of `count` postings is written here."""
        return self._usable and self._inlined_below <= count <= self._limit

    def write(
        self,
        text: bytes,
        docnums: Sequence[int],
        weights: Sequence[float],
        values: Sequence[bytes | None],
        field_lengths: list,
    ) -> None:
        """The term's one block (as W3PostingsWriter._write_block(last=True)), then its term
        info (W3TermInfo.to_bytes) in the terms table."""
        postfile = self._postfile
        start = postfile.tell()
        found = [length for length in map(field_lengths.__getitem__, docnums) if length]
        minlength = min(found) if found else None
        maxlength = max(found) if found else 0
        maxweight = max(0, *weights)
        stored = array("f", weights)  # the block buffer holds weights as 32-bit floats
        data = dumps((_deltas(docnums), _mini_weights(stored), self._mini_values(values)), 2)
        compression = self._compression if len(data) >= COMPRESSION_MIN_SIZE else 0
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
        postfile.write(WHOOSH3_HEADER_MAGIC)
        postfile.write_int(-(len(info) + len(data)))  # negative: the term's last block
        postfile.write(info)
        postfile.write(data)
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
        extent = pack_long(start) + pack_int(postfile.tell() - start)
        self._tindex.add(self._prefix + text, term_info + extent)

    def _mini_values(self, values: Sequence[bytes | None]) -> object:
        """W3PostingsWriter._mini_values of the values a block buffer keeps (the non-empty)."""
        kept = [value for value in values if value]
        fixedsize = self._fixedsize
        if fixedsize is None or fixedsize < 0:
            return tuple(kept)
        if fixedsize == 0:
            return None
        return b"".join(kept)


def _deltas(docnums: Sequence[int]) -> tuple[int, ...]:
    """W3PostingsWriter._mini_ids: each doc number minus the one before (the first as is)."""
    return (docnums[0], *map(int.__sub__, docnums[1:], docnums[:-1]))


def _mini_weights(weights: array) -> object:
    """W3PostingsWriter._mini_weights: None when all are 1.0, one value when all are equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)
