"""Name analysis for matching: index keys, query keys and re-scoring of candidate names.

CONTRACT between the name-analysis code (this package) and the search engine (the rest of
search_index). The implementation behind these names may change; these signatures may not
without updating both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .bands import band_of
from .explain import explain
from .keys import NAME_KINDS, document_keys, prepare
from .matching import best_name
from .query import analyse_query
from .scoring import NameScorer
from .similarity import REASON_CODES
from .table import NameTable
from .transliteration import name_as_written

# Whoosh field names (all ID-like keyword fields of plain terms, phrase=False) that hold the
# keys of `document_name_keys` and that `QueryKeys.terms` refers to.
NAME_KEY_FIELDS = (
    "n_token",  # case/diacritic-folded tokens, Latin transliteration of other scripts included
    "n_phonetic",  # phonetic keys of the folded Latin tokens
    "n_ngram",  # character n-grams of folded tokens (typos, transpositions)
    "n_skeleton",  # consonant skeletons (bridges Arabic-script and Latin spellings)
    "n_joined",  # joined forms of adjacent parts ("abubakr", "vandermeer")
    "n_variant",  # curated variant group ids ("muhammad" group for Mohammed/Mohamed/...)
)


@dataclass(frozen=True)
class PersonName:
    """One name of a notice: forename and family name, in any script. Aliases or entity names
    that come as one string put the whole string in `family` and leave `forename` None.
    `kind` is one of NAME_KINDS (unknown values count as "alias")."""

    forename: str | None = None
    family: str | None = None
    kind: str = "primary"


@dataclass(frozen=True)
class QueryKeys:
    """What the engine looks up for a name query, and what re-scoring compares against."""

    parts: tuple[str, ...]  # folded query parts (after transliteration), for display and scoring
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> terms, OR-ed
    boosts: dict[str, float] = field(default_factory=dict)  # field -> boost for candidate ranking
    fuzzy: tuple[str, ...] = ()  # folded tokens long enough to look up fuzzily in n_token
    forename_parts: tuple[str, ...] = ()  # parts the user said are forenames
    family_parts: tuple[str, ...] = ()  # parts the user said are family names
    # Added by the name analysis (opaque to the engine): pre-analysed query parts for
    # re-scoring, the parts as typed (for explanations), and a per-query memo of pair scores
    # (candidates share many name parts), which is why match_name is called with one QueryKeys.
    analysis: tuple = ()
    displays: tuple[str, ...] = ()
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def pair_scores(self, table: object) -> dict:
        """The memo of pair scores (`cache`), for units of `table`. A saved name table keys
        its units by numbers that mean something only within it, so a query that meets
        another table starts its memo again."""
        if self.cache.get(_TABLE) is not table:
            self.cache.clear()
            self.cache[_TABLE] = table
        return self.cache


_TABLE = ("table",)  # where the memo keeps the table it serves; pair keys are (int, key)


@dataclass(frozen=True)
class NameMatch:
    """Result of re-scoring one notice's names against a query."""

    score: int  # 0-100
    band: str  # "strong" | "possible" | "weak"
    why: str  # one line in English, e.g. "family name MULLER ~ MÜLLER (diacritics), forename exact"
    reasons: tuple[tuple[str, str, str], ...] = ()  # (reason code, query part, name part)
    matched_name: tuple[str, str] | None = None  # (name as written, one of NAME_KINDS)


def document_name_keys(names: Sequence[PersonName]) -> dict[str, list[str]]:
    """Index terms for every field of NAME_KEY_FIELDS, over all names of one notice."""
    return document_keys(names)


def query_name_keys(text: str = "", forename: str = "", family: str = "") -> QueryKeys:
    """Keys to look up for a query given as one box (`text`) and/or separate fields."""
    return QueryKeys(**analyse_query(text or "", forename or "", family or ""))


def prepare_names(names: Sequence[PersonName]) -> object:
    """Compact, picklable pre-analysed form of a notice's names, computed once at index time."""
    return prepare(names)


_NO_MATCH = NameMatch(score=0, band="weak", why="no name part matches", reasons=())


def match_name(query: QueryKeys, prepared: object) -> NameMatch:
    """Re-score one notice (its prepared names) against the query, with the explanation
    (~10-50 µs). To score many notices, NameScorer over a NameTable gives the same score."""
    if not query.analysis or not query.analysis[0] or not prepared:
        return _NO_MATCH
    score, pairs, name = best_name(query.analysis, prepared, query.cache)  # type: ignore
    why, reasons = explain(pairs, query.displays)
    return NameMatch(score=score, band=band_of(score), why=why, reasons=reasons, matched_name=name)


__all__ = [
    "NAME_KEY_FIELDS",
    "NAME_KINDS",
    "REASON_CODES",
    "NameMatch",
    "NameScorer",
    "NameTable",
    "PersonName",
    "QueryKeys",
    "document_name_keys",
    "match_name",
    "name_as_written",
    "prepare_names",
    "query_name_keys",
]
