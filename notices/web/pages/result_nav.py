"""From a notice back to the results it was opened from, and to the previous and next result.

Result cards link to `/notices/<kind>/<id>?from=<the search's parameters>`; the notice page
runs that search again (only known parameters; anything invalid is ignored) to find the
notice's neighbours. The canonical URL of a notice never carries `from`."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from notices.reads import ResultsPage
from notices.result_rows import ResultNotice
from notices.web.common.query_args import RESULTS_PER_PAGE, SEARCH_PARAMS, search_query
from notices.web.common.reading import run_search
from notices.web.common.urls import notice_url
from notices.web.pages.search_view import QUERY_SAFE, search_url

MAX_FROM = 1000  # characters of `from` worth reading: a search is never longer


@dataclass(frozen=True)
class ResultNav:
    """Links of a notice opened from a search: back to the results, previous and next."""

    back_url: str
    previous_url: str | None = None
    next_url: str | None = None


def from_value(args: MultiDict) -> str:
    """The `from` a result card carries: the search's own parameters, page included."""
    kept = dict.fromkeys(
        (key, value)
        for key, value in args.items(multi=True)
        if key in SEARCH_PARAMS and value.strip()
    )
    return urlencode(list(kept), safe=QUERY_SAFE)


def with_from(url: str, value: str) -> str:
    """A notice URL that remembers the search it was found by."""
    return f"{url}?{urlencode({'from': value}, safe=QUERY_SAFE)}" if value else url


def _search_args(value: str) -> MultiDict | None:
    if not value or len(value) > MAX_FROM:
        return None
    args = MultiDict((key, item) for key, item in parse_qsl(value) if key in SEARCH_PARAMS)
    return args or None


def result_nav(entity_id: str, value: str) -> ResultNav | None:
    """Back, previous and next links for a notice opened from the search `value`, or None."""
    args = _search_args(value)
    if args is None:
        return None
    try:
        query = search_query(args, per_page=RESULTS_PER_PAGE)
    except BadRequest:
        return None
    found = run_search(query)
    ids = [notice.entity_id for notice, _ in found.results]
    back = search_url({key: args.getlist(key) for key in args})
    if entity_id not in ids:
        return ResultNav(back)
    at = ids.index(entity_id)
    previous = _neighbour(args, found, at - 1)
    following = _neighbour(args, found, at + 1)
    return ResultNav(back, previous, following)


def _neighbour(args: MultiDict, found: ResultsPage, index: int) -> str | None:
    """The result at `index` of this page, or the last/first of the page before/after."""
    page = found.page
    if 0 <= index < len(found.results):
        return _link(found.results[index][0], args, page)
    target = page - 1 if index < 0 else page + 1
    if not 1 <= target <= found.pages:
        return None
    paged = args.copy()
    paged.setlist("page", [str(target)])
    other = run_search(search_query(paged, per_page=RESULTS_PER_PAGE))
    if not other.results:
        return None
    notice = other.results[-1 if index < 0 else 0][0]
    return _link(notice, paged, target)


def _link(notice: ResultNotice, args: MultiDict, page: int) -> str:
    paged = args.copy()
    if page > 1:
        paged.setlist("page", [str(page)])
    else:
        paged.poplist("page")
    return with_from(notice_url(notice), from_value(paged))
