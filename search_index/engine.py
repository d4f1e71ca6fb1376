"""search(): one query in, one page of hits with exact total and facet counts out."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from search_index import bitsets
from search_index.documents import SORTS, Hit, SearchPage, SearchQuery
from search_index.facets import facet_counts
from search_index.filters import filter_mask
from search_index.ranking import explained_rows, name_matches, query_keys
from search_index.references import WHY, reference_rows
from search_index.searching import Searcher

if TYPE_CHECKING:  # imports for annotations only (some would be circular)
    from search_index.home import IndexHome


MAX_PER_PAGE = 500
MAX_PAGE = 10_000_000


def _paging(query: SearchQuery) -> tuple[int, int]:
    per_page = max(1, min(MAX_PER_PAGE, int(query.per_page or 1)))
    page = max(1, min(MAX_PAGE, int(query.page or 1)))
    return page, per_page


def _browse_rows(searcher: Searcher, mask: int, sort: str, start: int, count: int) -> list[int]:
    columns = searcher.columns
    if sort not in ("name", "updated"):
        # Rows are numbered newest first: the page is the start-th.. set bits of the mask.
        return bitsets.select(mask, columns.size, start, count)
    order = columns.name_order if sort == "name" else columns.updated_order
    view = bitsets.to_bytes(mask, columns.size)
    found: list[int] = []
    seen = 0
    for row in order:
        if view[row >> 3] >> (row & 7) & 1:
            if seen >= start:
                found.append(row)
                if len(found) == count:
                    break
            seen += 1
    return found


def _name_order(searcher: Searcher, matched: list[tuple[int, ...]], sort: str) -> list:
    rank = searcher.columns.name_rank()  # position in (sort name, entity id) order
    if sort == "name":
        return sorted(matched, key=lambda item: rank[item[0]])
    if sort == "newest":
        return sorted(matched)  # rows are numbered newest first
    if sort == "updated":
        updated = searcher.columns.rows.column("updated")
        return sorted(matched, key=lambda item: (-updated[item[0]], item[0]))
    # Score first, then a primary-name match before an alias or birth-name match of equal score
    # (the reader looks for the name a notice is published under), then the name order.
    size = searcher.columns.size
    return sorted(matched, key=lambda item: rank[item[0]] - (item[1] * 2 + item[2]) * size)


def search(source: IndexHome | Searcher, query: SearchQuery) -> SearchPage:
    """Answer one query from an IndexHome (this thread's searcher) or a Searcher."""
    searcher: Searcher = source if isinstance(source, Searcher) else source.searcher()
    today = query.today or date.today()
    sort = query.sort if query.sort in SORTS else "relevance"
    page, per_page = _paging(query)
    start = (page - 1) * per_page
    mask = filter_mask(searcher, query, today)
    entity_ids = searcher.columns.rows.column("entity_id")
    found = reference_rows(searcher.columns, query.text) if query.text else None
    if found is not None:
        # A notice number or UN reference names one notice: that notice is the only hit.
        matched = [row for row in found if mask >> row & 1]
        total = len(matched)
        result_rows = matched
        result_mask = bitsets.from_rows(matched, searcher.columns.size)
        reason = ("reference", query.text.strip(), "")
        hits = [
            Hit(entity_ids[row], 100, "strong", WHY.format(text=query.text.strip()), (reason,))
            for row in matched[start : start + per_page]
        ]
    elif query.has_name:
        keys = query_keys(query)  # analysed once for both stages, which share its memo
        matched = _name_order(searcher, name_matches(searcher, query, mask, keys), sort)
        total = len(matched)
        result_rows = [row for row, *_ in matched]
        result_mask = bitsets.from_rows(result_rows, searcher.columns.size)
        shown = matched[start : start + per_page]
        # Only the rows shown are explained: scoring the candidates needed no "why".
        explained = explained_rows(searcher, query, [row for row, *_ in shown], keys)
        hits = [
            Hit(
                entity_ids[row],
                score,
                match.band,
                match.why,
                tuple(match.reasons),
                match.matched_name,
            )
            for (row, score, _), match in zip(shown, explained, strict=True)
        ]
    else:
        total = mask.bit_count()
        result_rows = None  # as many as the filters let through: counted from the bitsets
        result_mask = mask
        hits = [Hit(entity_ids[row]) for row in _browse_rows(searcher, mask, sort, start, per_page)]
    return SearchPage(
        total=total,
        page=page,
        per_page=per_page,
        hits=hits,
        facets=facet_counts(searcher, result_mask, today, result_rows),
    )
