"""IndexDocument -> Whoosh fields and column Row: the one place that knows both sides."""

from __future__ import annotations

import pickle

from search_index import names
from search_index.columns import Row, row_from_document
from search_index.documents import IndexDocument
from search_index.fields import ID, KEYWORDS
from search_index.textfold import text_terms


class InvalidDocument(ValueError):
    """Raised for a document the index cannot hold (no id, unknown kind, duplicate id)."""


def whoosh_fields(doc: IndexDocument) -> dict[str, object]:
    """The values given to the Whoosh writer: the id, name keys and keyword terms only."""
    values: dict[str, object] = {ID: doc.entity_id}
    for field_name, keys in names.document_name_keys(doc.names).items():
        if field_name in names.NAME_KEY_FIELDS and keys:
            values[field_name] = list(keys)
    terms = text_terms(doc.keywords or "")
    if terms:
        values[KEYWORDS] = terms
    return values


def convert(doc: IndexDocument) -> tuple[dict[str, object], Row]:
    """Whoosh fields and column row of one document."""
    if not isinstance(doc.entity_id, str) or not doc.entity_id.strip():
        raise InvalidDocument(f"document without entity_id: {doc!r:.80}")
    if not doc.kind:
        raise InvalidDocument(f"{doc.entity_id}: document without kind")
    prepared = pickle.dumps(names.prepare_names(doc.names), protocol=pickle.HIGHEST_PROTOCOL)
    return whoosh_fields(doc), row_from_document(doc, prepared)
