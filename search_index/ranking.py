"""Name search in two stages: candidates by name keys, then re-scoring (NameScorer) of them."""

from __future__ import annotations

from dataclasses import replace

from search_index import bitsets, names
from search_index.candidates import accumulate
from search_index.documents import SearchQuery
from search_index.names.bands import SCORE_FLOOR, SEX_CEILING, band_of
from search_index.names.sex import opposite_sex, sex_of_given_names
from search_index.searching import Searcher

FIRST_CANDIDATES = 50  # candidates to re-score; doubled while the tail still matches
MAX_CANDIDATES = 50_000
WIDEN_SCORE = 65  # the window widens only while its tail still holds "possible" matches
SCORE_ALL_BELOW = 250  # filters leave fewer notices than this: re-score all of them
MAX_NAME_CHARS = 300  # longer name input is cut: no real name is longer
CACHED_QUERIES = 32  # name results kept per snapshot, so paging and re-sorting are cheap
# Explained pages kept per snapshot: the same page asked again (another language, the API,
# a reload) skips re-aligning its names, a third of a name-search page's CPU when the name
# results above are already kept and their memo of pair scores is gone with the request.
CACHED_EXPLANATIONS = 64

Matches = list[tuple[int, int, int]]  # (row, name score, 1 if a primary name has that score)


def query_keys(query: SearchQuery) -> names.QueryKeys:
    """Name keys of the query's name box and/or separate forename and family fields."""
    return names.query_name_keys(
        query.text[:MAX_NAME_CHARS],
        query.forename[:MAX_NAME_CHARS],
        query.family_name[:MAX_NAME_CHARS],
    )


def _ranked_docs(searcher: Searcher, scores: dict[int, float], mask: int) -> list[int]:
    """Candidate docnums within the mask, best first (ties: lower docnum first)."""
    doc_rows = searcher.snapshot.doc_rows
    if mask != searcher.columns.everything:
        view = bitsets.to_bytes(mask, searcher.columns.size)
        allowed = []
        for docnum in scores:
            row = doc_rows[docnum]
            if row >= 0 and view[row >> 3] >> (row & 7) & 1:
                allowed.append(docnum)
    else:
        allowed = [docnum for docnum in scores if doc_rows[docnum] >= 0]
    # Two stable sorts with C keys rank as (weight descending, docnum ascending), faster
    # than one sort on a key tuple.
    allowed.sort()
    allowed.sort(key=scores.__getitem__, reverse=True)
    return allowed[:MAX_CANDIDATES]


def _rescore(scorer: names.NameScorer, rows_in_order: list[int], scores: dict) -> None:
    """Score candidate rows, widening the window while its last quarter still matches."""
    limit = FIRST_CANDIDATES
    done = 0
    while done < len(rows_in_order):
        window = range(done, min(limit, len(rows_in_order)))
        fresh = [position for position in window if rows_in_order[position] not in scores]
        found = scorer.score_rows([rows_in_order[position] for position in fresh])
        tail_matched = False
        for position, score in zip(fresh, found, strict=True):
            scores[rows_in_order[position]] = score
            if position >= limit * 3 // 4 and score >= WIDEN_SCORE:
                tail_matched = True
        done = limit
        if not tail_matched:
            break
        limit *= 2


def _compute(searcher: Searcher, keys: names.QueryKeys, mask: int) -> Matches:
    scorer = names.NameScorer(keys, searcher.columns.names, floor=SCORE_FLOOR)
    scores: dict[int, int] = {}
    if mask.bit_count() < SCORE_ALL_BELOW:
        # Selective filters: scoring every remaining notice is cheap and misses nothing.
        rows = bitsets.select(mask, searcher.columns.size, 0, SCORE_ALL_BELOW)
        scores.update(zip(rows, scorer.score_rows(rows), strict=True))
    else:
        reader = searcher.whoosh.reader()
        doc_rows = searcher.snapshot.doc_rows
        for with_ngrams in (False, True):
            weights = accumulate(searcher.snapshot, reader, keys, with_ngrams)
            ranked = [doc_rows[d] for d in _ranked_docs(searcher, weights, mask)]
            _rescore(scorer, ranked, scores)
            # The n-gram tier is slow on common n-grams: only when nothing matched well.
            if any(score >= WIDEN_SCORE for score in scores.values()):
                break
    secondary = scorer.secondary
    query_sex = sex_of_given_names(keys.parts)
    if query_sex:
        sexes = searcher.columns.rows.column("sex")
        for row, score in scores.items():
            if score > SEX_CEILING and opposite_sex(query_sex, sexes[row]):
                scores[row] = SEX_CEILING  # a woman's name never strongly matches a man
    return [
        (row, score, int(row not in secondary))
        for row, score in scores.items()
        if score >= SCORE_FLOOR
    ]


def explain_rows(
    searcher: Searcher, query: SearchQuery, rows: list[int], keys: names.QueryKeys | None = None
) -> list:
    """The full NameMatch (band, why, reasons) of a few rows, e.g. the page being shown; pass
    the `keys` that name_matches used and their memo of pair scores serves again."""
    keys = keys if keys is not None else query_keys(query)
    table = searcher.columns.names
    keys.pair_scores(table)  # match_name reads the memo that serves this table
    query_sex = sex_of_given_names(keys.parts)
    sexes = searcher.columns.rows.column("sex")
    found = []
    for row in rows:
        match = names.match_name(keys, table.held(row))
        if match.score > SEX_CEILING and opposite_sex(query_sex, sexes[row]):
            match = replace(
                match,
                score=SEX_CEILING,
                band=band_of(SEX_CEILING),
                why=match.why + ", given name of the other sex than recorded",
            )
        found.append(match)
    return found


def _names_of(keys: names.QueryKeys) -> tuple:
    """What of a query its name results and their explanations depend on (a key of both)."""
    return keys.parts, keys.forename_parts, keys.family_parts


def explained_rows(
    searcher: Searcher, query: SearchQuery, rows: list[int], keys: names.QueryKeys
) -> list:
    """explain_rows(), kept with the snapshot for the query's names and these rows: the result
    depends on nothing else, so a kept one is exactly what explaining again would give."""
    key = (*_names_of(keys), tuple(rows))
    return searcher.snapshot.kept(
        "explanations",
        key,
        lambda: explain_rows(searcher, query, rows, keys),
        limit=CACHED_EXPLANATIONS,
    )


def name_matches(
    searcher: Searcher, query: SearchQuery, mask: int, keys: names.QueryKeys | None = None
) -> Matches:
    """(row, score, primary) of every candidate within `mask` whose name score reaches
    SCORE_FLOOR; primary is 1 when a primary name of the row has that score. `keys`:
    query_keys(query), when the caller has them already."""
    keys = keys if keys is not None else query_keys(query)
    if not mask or not (keys.terms or keys.fuzzy):
        return []
    key = (*_names_of(keys), mask)
    return searcher.snapshot.kept(
        "name_results", key, lambda: _compute(searcher, keys, mask), limit=CACHED_QUERIES
    )
