"""A page of search results as the native API writes it: results, labelled facets, paging."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from flask import url_for
from werkzeug.datastructures import MultiDict

from notices.reads import ResultsPage
from notices.result_rows import ResultNotice
from notices.web.common.query_args import SEARCH_PARAMS
from notices.web.i18n import labels
from notices.web.i18n.catalog import request_locale
from notices.web.i18n.why import why_text
from notices.web.native_api.documents import (
    age,
    countries,
    ids,
    links,
    names,
    sex,
    timestamp,
)
from search_index import Alternatives, Hit

# Every facet the API answers, always present (an empty list when nothing matched).
FACETS = ("kind", "nationality", "wanted_by", "sex", "age_band")


def result_item(notice: ResultNotice, hit: Hit, today: date) -> dict:
    """One search result: who, how well the name matched and why, and where to read more."""
    return {
        **ids(notice),
        "kind": notice.kind,
        "names": names(notice),
        "sex": sex(notice.sex),
        "date_of_birth": notice.date_of_birth,
        "age": age(notice.date_of_birth, today),
        "nationalities": countries(notice.nationalities),
        "wanted_by": countries(w.issuing_country for w in notice.warrants),
        "has_picture": bool(notice.pictures),
        "score": hit.score,
        "band": hit.band,
        "why": why_text(hit.reasons) if hit.reasons else hit.why,
        "matched_name": (
            {"name": hit.matched_name[0], "type": hit.matched_name[1]} if hit.matched_name else None
        ),
        "reasons": [
            {"code": code, "query": query, "name": name} for code, query, name in hit.reasons
        ],
        "first_published": timestamp(notice.first_published),
        "last_changed": timestamp(notice.last_changed),
        "links": links(notice),
    }


def facets_document(counts: dict[str, dict[str, int]]) -> dict[str, list[dict]]:
    """Each facet as a list of {value, label, count}, in the order the search page's filters
    show them (most frequent first; age bands youngest first), labelled as they are there."""
    locale = request_locale()
    return {
        key: [
            {"value": value, "label": labels.facet_label(key, value, locale), "count": count}
            for value, count in counts.get(key, {}).items()
        ]
        for key in FACETS
    }


NAME_PARAMS = frozenset({"q", "forename", "name"})
# What a suggestion leaves out: the name (spelling, partial), or the filters (unfiltered).
NOT_KEPT = {
    "spelling": NAME_PARAMS,
    "partial": NAME_PARAMS,
    "unfiltered": SEARCH_PARAMS - NAME_PARAMS - {"sort", "per_page"},
}


def _kept(args: MultiDict, leave_out: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Known parameters of the search, each once, without the page and `leave_out`."""
    return [
        (key, value)
        for key, value in dict.fromkeys(args.items(multi=True))
        if key in SEARCH_PARAMS and key != "page" and key not in leave_out and value.strip()
    ]


def _search_url(params: list[tuple[str, str]]) -> str:
    query = urlencode(params)
    return url_for("native_api.search", _external=True) + (f"?{query}" if query else "")


def search_links(args: MultiDict, page: int, pages: int) -> dict[str, str]:
    """self, first, last, and prev/next where they exist: the same search (known parameters
    only, each once) on another page, as absolute URLs."""
    kept = _kept(args)

    def href(number: int) -> str:
        return _search_url(kept + ([("page", str(number))] if number > 1 else []))

    found = {"self": href(page), "first": href(1), "last": href(max(pages, 1))}
    if page > 1:
        found["prev"] = href(min(page - 1, max(pages, 1)))
    if page < pages:
        found["next"] = href(page + 1)
    return found


def suggestions(alternatives: Alternatives, args: MultiDict) -> list[dict]:
    """Other searches that find notices, when this one found (almost) nothing: another
    spelling or a part of the name with the same filters, or the name without filters."""
    found = []
    for suggestion in alternatives.suggestions:
        params = _kept(args, NOT_KEPT[suggestion.kind])
        if suggestion.kind != "unfiltered":
            params.insert(0, ("q", suggestion.text))
        found.append(
            {
                "q": suggestion.text,
                "count": suggestion.count,
                "kind": suggestion.kind,
                "links": {"self": _search_url(params)},
            }
        )
    return found


def search_document(page: ResultsPage, args: MultiDict | None = None) -> dict:
    """One page of search results with the paging figures, labelled facets and paging links,
    and suggestions when it found (almost) nothing."""
    args = args or MultiDict()
    return {
        "links": search_links(args, page.page, page.pages),
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "results": [result_item(notice, hit, page.today) for notice, hit in page.results],
        "facets": facets_document(page.facets),
        "suggestions": suggestions(page.alternatives, args),
        "filters_match_nothing": page.alternatives.filters_empty,
    }
