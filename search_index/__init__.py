"""Leaf search library over Whoosh: index generations, name keys, filters, facets, ranking."""

from search_index.ages import AGE_BANDS
from search_index.documents import (
    Drift,
    GenerationInfo,
    Hit,
    IndexDocument,
    SearchPage,
    SearchQuery,
)
from search_index.engine import search
from search_index.home import IndexHome, IndexNotFound, VerificationError
from search_index.names import PersonName
from search_index.searching import Searcher
from search_index.suggestions import Alternatives, Suggestion, suggest

__all__ = [
    "AGE_BANDS",
    "Alternatives",
    "Drift",
    "GenerationInfo",
    "Hit",
    "IndexDocument",
    "IndexHome",
    "IndexNotFound",
    "PersonName",
    "SearchPage",
    "SearchQuery",
    "Searcher",
    "Suggestion",
    "VerificationError",
    "search",
    "suggest",
]
