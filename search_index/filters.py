"""Structured filters as bitset arithmetic over the column snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import islice

from search_index import bitsets
from search_index.ages import AGE_BANDS, clamp_age, oldest_cutoff, youngest_cutoff
from search_index.candidates import posting_ids
from search_index.documents import SearchQuery
from search_index.fields import KEYWORDS
from search_index.searching import Searcher
from search_index.textfold import CJK, fold_code, query_terms

_PREFIX_MIN = 4  # keyword terms this long also match longer words ("launder" -> "laundering")
MAX_PREFIX_WORDS = 1000  # a prefix stands for at most this many indexed words


def _any_of(searcher: Searcher, facet: str, values: Iterable[str]) -> int:
    by_value = searcher.columns.facets.get(facet, {})
    mask = 0
    for value in values:
        mask |= by_value.get(value, 0)
    return mask


def age_mask(searcher: Searcher, age_min: int | None, age_max: int | None, today: date) -> int:
    """Rows for which some day of the possible birth days gives an age in [age_min, age_max]."""
    columns = searcher.columns
    mask = columns.dob_latest.blocks[0] if columns.dob_latest.blocks else 0
    if age_max is not None:
        mask &= columns.dob_latest.above(youngest_cutoff(age_max, today))
    if age_min is not None:
        mask &= columns.dob_earliest.at_most(oldest_cutoff(age_min, today))
    return mask


def keyword_mask(searcher: Searcher, text: str) -> int | None:
    """Rows whose keyword text holds every query word; None when the text has no words."""
    terms = query_terms(text)
    if not terms:
        return None
    reader = searcher.whoosh.reader()
    doc_rows = searcher.snapshot.doc_rows
    mask = searcher.columns.everything
    # Rarest word first: once the intersection is empty the other words are not read.
    for term in sorted(terms, key=lambda t: reader.doc_frequency(KEYWORDS, t)):
        if len(term) >= _PREFIX_MIN and not CJK.search(term):
            words = list(islice(reader.expand_prefix(KEYWORDS, term), MAX_PREFIX_WORDS))
        else:
            words = [term]
        docnums = [d for word in words for d in posting_ids(reader, KEYWORDS, _text(word))]
        rows = (doc_rows[docnum] for docnum in docnums)
        mask &= bitsets.from_rows((row for row in rows if row >= 0), searcher.columns.size)
        if not mask:
            break
    return mask


def _text(word: bytes | str) -> str:
    return word.decode("utf-8") if isinstance(word, bytes) else word


def _reference_mask(searcher: Searcher, column: str, value: str) -> int:
    rows = searcher.columns.references[column].get(fold_code(value), [])
    return bitsets.from_rows(rows, searcher.columns.size)


def filter_mask(searcher: Searcher, query: SearchQuery, today: date) -> int:
    """Rows passing every filter of the query (all rows when it has none)."""
    columns = searcher.columns
    mask = columns.everything
    if query.kinds:
        mask &= _any_of(searcher, "kind", query.kinds)
    if query.nationalities:
        mask &= _any_of(searcher, "nationality", query.nationalities)
    if query.wanted_by:
        mask &= _any_of(searcher, "wanted_by", query.wanted_by)
    if query.sex:
        mask &= _any_of(searcher, "sex", (query.sex,))
    if query.has_picture is not None:
        mask &= _any_of(searcher, "picture", ("yes" if query.has_picture else "no",))
    age_min, age_max = clamp_age(query.age_min), clamp_age(query.age_max)
    if age_min is not None or age_max is not None:
        mask &= age_mask(searcher, age_min, age_max, today)
    if query.un_reference.strip():
        mask &= _reference_mask(searcher, "un_reference", query.un_reference)
    if query.un_resolution.strip():
        mask &= _reference_mask(searcher, "un_resolution", query.un_resolution)
    if mask and query.keywords.strip():
        keywords = keyword_mask(searcher, query.keywords)
        if keywords is not None:
            mask &= keywords
    return mask


def band_masks(searcher: Searcher, today: date) -> list[tuple[str, int]]:
    """Rows of each age band on `today`, kept per snapshot and date."""

    def compute() -> list[tuple[str, int]]:
        return [(label, age_mask(searcher, low, high, today)) for label, low, high in AGE_BANDS]

    return searcher.snapshot.kept("age_bands", today, compute, limit=8)  # dates change daily
