"""A batch of documents turned into what the segment writer appends, computed beside the writer.

A rebuild's one writer process was its bottleneck: for every posting (4.2 million at 100k
notices) it counted terms, encoded them and added them to its pool, while the helper processes
that convert documents waited half of the time. A helper now also does that part for its batch:
it counts each document's terms per field exactly as Whoosh's Frequency format and add_document
do, collects the batch's postings by field under their final doc numbers (flat, as
FieldPostings), and notes each document's field lengths and column values. The writer appends
the per-document lengths and merges each field's postings into its pool: one step per distinct
term of the batch instead of one per posting (postwriting.py's add_batch).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain
from typing import Any, NamedTuple

from whoosh.fields import FieldType
from whoosh.formats import Frequency
from whoosh.system import pack_uint

from search_index.columns import Row
from search_index.convert import convert
from search_index.documents import IndexDocument
from search_index.fields import build_schema
from search_index.postings import FieldPostings, one_or_all

# One field of one document, as the per-document writer takes it: the field's name, its
# length (0 for a field that is not scored), and whether a column value follows, and which.
FieldEntry = tuple[str, int, bool, Any]


@dataclass
class TermBatch:
    """Consecutive documents from doc number `first` on, ready to be appended."""

    first: int
    rows: list[Row]
    fields: list[list[FieldEntry]]  # per document, in sorted field name order
    postings: dict[str, FieldPostings]  # the batch's, under their final doc numbers


class _Field(NamedTuple):
    """What counting a field's terms needs of its schema entry, read once per process."""

    field: FieldType
    counted: bool  # a list of terms counts as Frequency.word_values does
    boost: float
    scorable: bool
    column: object  # the field's column type, or None


# A term's postings while a batch is collected: its doc numbers, and (weight, value) by
# position for the postings that differ from the field's usual (a term once in its document).
Collected = list  # [list[int], dict[int, tuple[float, bytes]] | None]


@cache
def _fields() -> dict[str, _Field]:
    fields = {}
    for name, field in build_schema().items():
        if plain(field):
            counted = type(field.format) is Frequency
            boost = field.format.field_boost
            fields[name] = _Field(field, counted, boost, field.scorable, field.column_type)
    return fields


def term_batch(documents: list[IndexDocument], first: int) -> TermBatch:
    """convert() each document and count its terms; `first` is the first one's doc number."""
    collected: dict[str, dict[bytes, Collected]] = {}
    rows: list[Row] = []
    fields: list[list[FieldEntry]] = []
    for docnum, document in enumerate(documents, start=first):
        values, row = convert(document)
        rows.append(row)
        fields.append(_document_fields(collected, docnum, values))
    specs = _fields()
    postings = {
        name: flat_postings(terms, _usual(specs[name])) for name, terms in collected.items()
    }
    return TermBatch(first, rows, fields, postings)


def _usual(spec: _Field) -> tuple[float, bytes] | None:
    """The weight and value of a term counted once in its document (None: not counted)."""
    return (1.0 * spec.boost, pack_uint(1)) if spec.counted else None


def _document_fields(
    collected: dict[str, dict[bytes, Collected]], docnum: int, values: dict[str, object]
) -> list[FieldEntry]:
    """Collect one document's postings by field and term; its fields as the per-document
    writer takes them (what SegmentWriter.add_document does, for our plain indexed fields)."""
    specs = _fields()
    entries: list[FieldEntry] = []
    for fieldname in sorted(values):
        value = values[fieldname]
        if value is None:
            continue
        spec = specs.get(fieldname)
        if spec is None:
            raise ValueError(f"{fieldname}: not a plain indexed field")
        terms = collected.setdefault(fieldname, {})
        if spec.counted and isinstance(value, list):
            length = _collect_counted(terms, docnum, value, spec.boost)
        else:
            length = _collect_analysed(terms, docnum, spec.field.index(value))
        column = spec.column
        entries.append(
            (
                fieldname,
                length if spec.scorable else 0,
                bool(column),
                spec.field.to_column_value(value) if column else None,
            )
        )
    return entries


def _collect_counted(
    terms: dict[bytes, Collected], docnum: int, value: list[str], boost: float
) -> int:
    """Frequency.word_values of a list of terms, collected; returns the field's length. A
    term listed once has the usual weight and value, so only repeated ones are noted."""
    if len(set(value)) == len(value):  # nearly always: no term twice (no Counter to build)
        for term in value:
            tbytes = term.encode("utf-8")
            posting = terms.get(tbytes)
            if posting is None:
                terms[tbytes] = [[docnum], None]
            else:
                posting[0].append(docnum)
        return len(value)
    for term, count in Counter(value).items():
        tbytes = term.encode("utf-8")
        posting = terms.get(tbytes)
        if posting is None:
            terms[tbytes] = posting = [[], None]
        if count != 1:
            if posting[1] is None:
                posting[1] = {}
            posting[1][len(posting[0])] = (float(count) * boost, pack_uint(count))
        posting[0].append(docnum)
    return len(value)


def _collect_analysed(terms: dict[bytes, Collected], docnum: int, items: Iterable) -> int:
    """FieldType.index's (term, frequency, weight, value) items, collected; returns the
    field's length."""
    length = 0
    for tbytes, freq, weight, vbytes in items:
        length += freq
        posting = terms.get(tbytes)
        if posting is None:
            terms[tbytes] = posting = [[], {}]
        if posting[1] is None:
            posting[1] = {}
        posting[1][len(posting[0])] = (weight, vbytes)
        posting[0].append(docnum)
    return length


def flat_postings(
    terms: dict[bytes, Collected], usual: tuple[float, bytes] | None
) -> FieldPostings:
    """A field's collected postings as one FieldPostings; `usual` is the weight and value of
    postings noted without them."""
    collected = terms.values()
    weights: list = []
    values: list = []
    for docnums, noted in collected:
        if noted is None:
            weights.append(usual[0])
            values.append(usual[1])
        else:
            pairs = [noted.get(i, usual) for i in range(len(docnums))]
            weights.append(one_or_all([weight for weight, _ in pairs], array("d")))
            values.append(one_or_all([value for _, value in pairs], []))
    return FieldPostings(
        terms=list(terms),
        ends=array("i", accumulate(len(docnums) for docnums, _ in collected)),
        docnums=array("i", chain.from_iterable(docnums for docnums, _ in collected)),
        weights=weights,
        values=values,
    )


def plain(field: FieldType) -> bool:
    """Indexed, not stored, without vectors or separate spelling words: what a term batch
    writes exactly as add_document does."""
    return field.indexed and not field.stored and not field.vector and not field.separate_spelling()
