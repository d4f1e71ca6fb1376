"""The Whoosh schema: field names of the index live here and nowhere else."""

from __future__ import annotations

from whoosh import fields
from whoosh.index import Index
from whoosh.reading import IndexReader

from search_index.names import NAME_KEY_FIELDS

ID = "id"  # the notice's entity_id, the only thing Whoosh returns (as a column, not stored)
KEYWORDS = "kw"  # folded terms of charges, marks, places, summary


def _term_list_field() -> fields.KEYWORD:
    # Values are given as lists of ready-made terms (no analysis at index or query time);
    # phrase=False and no stored value keep the index small and the build fast.
    return fields.KEYWORD(lowercase=False, commas=False, scorable=True)


def build_schema() -> fields.Schema:
    """The schema of one generation: id, the name key fields and the keyword text."""
    spec: dict[str, fields.FieldType] = {
        ID: fields.ID(stored=False, unique=True, sortable=True),
        KEYWORDS: fields.KEYWORD(lowercase=False, commas=False, scorable=False),
    }
    for name in NAME_KEY_FIELDS:
        spec[name] = _term_list_field()
    return fields.Schema(**spec)


def indexed_ids(reader: IndexReader) -> list[str]:
    """Entity ids by Whoosh doc number (deleted documents included), [] for an empty index."""
    if reader.doc_count_all() == 0:
        return []
    return list(reader.column_reader(ID))


def commit_of(reader: IndexReader, ix: Index) -> int:
    """The commit (TOC generation) a reader shows; an empty index's reader does not know it."""
    generation = reader.generation()
    return ix.latest_generation() if generation is None else generation
