"""Candidate generation for name queries: weighted term-at-a-time counting over Whoosh postings.

Whoosh's own scored OR over dozens of common n-gram terms costs ~100 ms at 20k documents;
reading the same postings and adding idf weights in a dict costs a few ms. So Whoosh serves
as the inverted index and fuzzy-term expander, and ranking of candidates happens here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from itertools import accumulate as running_sums
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.matching import Matcher
from whoosh.reading import IndexReader

from search_index import names

if TYPE_CHECKING:  # imports for annotations only (some would be circular)
    from search_index.searching import Snapshot


NGRAM_FIELD = "n_ngram"
FUZZY_FIELD = "n_token"
MAX_TERMS_PER_FIELD = 64
MAX_NGRAMS = 8  # the rarest n-grams carry the information; common ones only cost time
COMMON_NGRAM_SHARE = 0.08  # n-grams in more than this share of documents are skipped...
MIN_NGRAMS = 3  # ...unless fewer than this many rarer ones remain
MAX_FUZZY = 6
FUZZY_WEIGHT = 0.8  # a fuzzy expansion counts a little less than the exact token


# What _leaf_ids reads of a whoosh3 leaf matcher; without them it reads id by id.
_BLOCK_READING = ("_read_ids", "_next_block", "_read_data", "_data", "_byteids")


def _leaf_ids(matcher: Matcher, offset: int) -> list[int]:
    # whoosh3 3.54 leaf matchers decode whole blocks; reading them block by block instead of
    # id by id (all_ids) is ~5x faster. Deleted documents may be included: their rows are -1.
    leaf = matcher if hasattr(matcher, "_read_ids") else getattr(matcher, "child", None)
    if leaf is None or not all(hasattr(leaf, name) for name in _BLOCK_READING):
        return [offset + docnum for docnum in matcher.all_ids()]
    found: list[int] = []
    while leaf.is_active():
        block = _block_ids(leaf)
        found.extend([offset + docnum for docnum in block] if offset else block)
        leaf._next_block()
    return found


def _block_ids(leaf: Matcher) -> Iterable[int]:
    """The doc numbers of the leaf's current block, as its _read_ids() decodes them, but with
    the running sum in C: Whoosh adds up the stored gaps in a Python generator, one step per
    posting (~1.2 million steps for 400 name queries at 100k notices)."""
    if leaf._data is None:
        leaf._read_data()
    ids = leaf._data[0]
    return ids if leaf._byteids else running_sums(ids)


def posting_ids(reader: IndexReader, field_name: str, term: str) -> list[int]:
    """Doc numbers holding the term (across segments)."""
    found: list[int] = []
    for leaf, offset in reader.leaf_readers():
        if leaf.doc_frequency(field_name, term):
            found.extend(_leaf_ids(leaf.postings(field_name, term), offset))
    return found


def fuzzy_distance(token: str) -> int:
    """Edits allowed for a fuzzy token: one for ordinary names, two for long ones."""
    return 1 if len(token) < 8 else 2


def vocabulary(snapshot: Snapshot, reader: IndexReader) -> dict[int, list[str]]:
    """The n_token terms of the snapshot grouped by length, loaded once per commit."""

    def load() -> dict[int, list[str]]:
        found = defaultdict(list)
        for term in reader.lexicon(FUZZY_FIELD):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            found[len(text)].append(text)
        return dict(found)

    return snapshot.kept("vocabulary", None, load, limit=1)


def fuzzy_terms(snapshot: Snapshot, reader: IndexReader, token: str) -> list[str]:
    """Indexed tokens within fuzzy_distance(token) edits of token, at any position.

    Edits are insertions, deletions, substitutions and swaps of adjacent letters (optimal
    string alignment), so "Kestrle" is one edit from "Kestrel" as it is for re-scoring.

    Whoosh's FuzzyTerm (plain Levenshtein) without a prefix walks the on-disk term table in
    Python (~8 ms per token at 20k notices); rapidfuzz over the in-memory vocabulary of
    plausible lengths is a C loop.
    """
    distance = fuzzy_distance(token)
    by_length = vocabulary(snapshot, reader)
    found: list[str] = []
    for length in range(len(token) - distance, len(token) + distance + 1):
        bucket = by_length.get(length)
        if bucket:
            matches = process.extract(
                token, bucket, scorer=OSA.distance, score_cutoff=distance, limit=None
            )
            found.extend(match[0] for match in matches)
    return found


def _rare_ngrams(reader: IndexReader, grams: list[str]) -> list[str]:
    frequency = {gram: reader.doc_frequency(NGRAM_FIELD, gram) for gram in grams}
    present = sorted((gram for gram in grams if frequency[gram]), key=frequency.__getitem__)
    common = COMMON_NGRAM_SHARE * reader.doc_count_all()
    rare = [gram for gram in present if frequency[gram] <= common]
    return (rare if len(rare) >= MIN_NGRAMS else present[:MIN_NGRAMS])[:MAX_NGRAMS]


def _weighted_terms(
    snapshot: Snapshot, reader: IndexReader, keys: names.QueryKeys, with_ngrams: bool
):
    """(field, term, boost) to look up; n-grams only in the second tier, rarest first."""
    found: dict[tuple[str, str], float] = {}
    for field_name, terms in keys.terms.items():
        if field_name not in names.NAME_KEY_FIELDS:
            continue
        if field_name == NGRAM_FIELD and not with_ngrams:
            continue
        boost = float(keys.boosts.get(field_name, 1.0))
        unique = list(dict.fromkeys(term for term in terms if term))[:MAX_TERMS_PER_FIELD]
        if field_name == NGRAM_FIELD:
            unique = _rare_ngrams(reader, unique)
        for term in unique:
            found[(field_name, term)] = max(found.get((field_name, term), 0.0), boost)
    fuzzy_boost = float(keys.boosts.get(FUZZY_FIELD, 1.0)) * FUZZY_WEIGHT
    for token in list(dict.fromkeys(keys.fuzzy))[:MAX_FUZZY]:
        # No first-letter gate: "Kassim" still finds "Qassim"-like spellings.
        for term in fuzzy_terms(snapshot, reader, token):
            key = (FUZZY_FIELD, term)
            found[key] = max(found.get(key, 0.0), fuzzy_boost)
    return found


def accumulate(
    snapshot: Snapshot, reader: IndexReader, keys: names.QueryKeys, with_ngrams: bool
) -> dict[int, float]:
    """docnum -> sum over matched key terms of boost * idf."""
    total = max(1, reader.doc_count_all())
    scores: dict[int, float] = {}
    for (field_name, term), boost in _weighted_terms(snapshot, reader, keys, with_ngrams).items():
        frequency = reader.doc_frequency(field_name, term)
        if not frequency:
            continue
        weight = boost * math.log(1.0 + total / frequency)
        get = scores.get
        for docnum in posting_ids(reader, field_name, term):
            scores[docnum] = get(docnum, 0.0) + weight
    return scores
