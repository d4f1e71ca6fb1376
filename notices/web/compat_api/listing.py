"""List documents of the compatible API: published parameters in, HAL page out, no result cap."""

from __future__ import annotations

from flask import request, url_for
from werkzeug.datastructures import MultiDict

from notices.domain import SEXES
from notices.web.common.query_args import (
    COMPAT_MAX_PER_PAGE,
    MAX_PAGE,
    NATIONALITY_EXTRA,
    RESULTS_PER_PAGE,
    WANTED_BY_EXTRA,
    age_range,
    choice_arg,
    country_codes,
    int_arg,
    text_arg,
)
from notices.web.common.reading import run_search
from notices.web.compat_api.documents import list_item
from search_index import SearchQuery

TEXT_PARAMS = ("forename", "name", "freeText")


def compat_query(kind: str, args: MultiDict[str, str]) -> tuple[SearchQuery, dict]:
    """The SearchQuery of a list request, and the `query` object echoed in the answer."""
    age_min, age_max = age_range(args, "ageMin", "ageMax")
    nationalities = country_codes(args, "nationality", NATIONALITY_EXTRA)
    wanted_by = country_codes(args, "arrestWarrantCountryId", WANTED_BY_EXTRA)
    sex = choice_arg(args, "sexId", SEXES)
    page = int_arg(args, "page", 1, MAX_PAGE, default=1)
    per_page = int_arg(args, "resultPerPage", 1, COMPAT_MAX_PER_PAGE, default=RESULTS_PER_PAGE)
    texts = {name: text_arg(args, name) for name in TEXT_PARAMS}
    query = SearchQuery(
        forename=texts["forename"],
        family_name=texts["name"],
        keywords=texts["freeText"],
        kinds=(kind,),
        nationalities=nationalities,
        wanted_by=wanted_by,
        sex=sex,
        age_min=age_min,
        age_max=age_max,
        page=page,
        per_page=per_page,
    )
    echo = {"page": page, "resultPerPage": per_page}
    echo.update({name: value for name, value in texts.items() if value})
    optional = {
        "nationality": ",".join(nationalities),
        "sexId": sex,
        "ageMin": age_min,
        "ageMax": age_max,
        "arrestWarrantCountryId": ",".join(wanted_by),
    }
    echo.update({name: value for name, value in optional.items() if value not in (None, "")})
    return query, echo


def _page_href(kind: str, echo: dict, page: int) -> dict:
    params = dict(echo, page=page)
    return {"href": url_for("compat_api.notices", kind=kind, _external=True, **params)}


def page_links(kind: str, echo: dict, page: int, pages: int) -> dict:
    """self, first, previous?, next?, last: like the publisher's, but every page exists."""
    links = {"self": _page_href(kind, echo, page), "first": _page_href(kind, echo, 1)}
    if page > 1:
        links["previous"] = _page_href(kind, echo, min(page - 1, pages))
    if page < pages:
        links["next"] = _page_href(kind, echo, page + 1)
    links["last"] = _page_href(kind, echo, pages)
    return links


def list_response(kind: str) -> dict:
    """The list document for the current request."""
    query, echo = compat_query(kind, request.args)
    found = run_search(query)
    items = [list_item(notice) for notice, _hit in found.results]
    return {
        "total": found.total,
        "query": echo,
        "_embedded": {"notices": items},
        "_links": page_links(kind, echo, found.page, found.pages),
    }
