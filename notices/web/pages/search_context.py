"""Everything the search page shows for one page of results, assembled for the template."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from notices.reads import ResultsPage
from notices.web.common.query_args import EXPORT_LIMIT
from notices.web.i18n import labels
from notices.web.i18n.choices import country_options
from notices.web.pages.alternatives_view import offers
from notices.web.pages.paging import page_numbers, shown_filters
from notices.web.pages.result_nav import from_value
from notices.web.pages.search_view import (
    Link,
    card,
    count_text,
    facets,
    open_data_urls,
    tabs,
    url_with,
)
from search_index import SearchQuery


def pagination(args: MultiDict, page: int, pages: int) -> list[Link]:
    """Links to the first, last and nearby pages; a link with an empty URL marks a gap."""
    links = []
    for number in page_numbers(page, pages):
        if number is None:
            links.append(Link("…", ""))
            continue
        url = url_with(args, page=number) if number > 1 else url_with(args)
        links.append(Link(labels.number_text(number), url, current=number == page))
    return links


def page_context(query: SearchQuery, page: ResultsPage, args: MultiDict) -> dict:
    """Everything search.html shows for one page of results."""
    facets_of = facets(page.facets, args)
    found_by = from_value(args)
    return {
        **open_data_urls(args),
        "export_limit": labels.number_text(EXPORT_LIMIT),
        "query": query,
        "args": args,
        "total": page.total,
        "page": page.page,
        "pages": page.pages,
        "cards": [card(notice, hit, page.today, found_by) for notice, hit in page.results],
        "tabs": tabs(args),
        "facets": facets_of,
        "pagination": pagination(args, page.page, page.pages),
        "count_text": count_text(page.total, page.page, page.pages),
        "previous_url": url_with(args, page=page.page - 1) if page.page > 1 else None,
        "next_url": url_with(args, page=page.page + 1) if page.page < page.pages else None,
        "nationality_options": country_options(query.nationalities),
        "wanted_by_options": country_options(query.wanted_by, authorities=True),
        "sexes": labels.SEX_LABELS,
        "kind_value": ",".join(args.getlist("kind")),
        "shown": shown_filters(query.kinds, {key for key in args if args.get(key)}),
        "active_filters": [link for facet in facets_of for link in facet.selected],
        "offers": offers(page.alternatives, args),
    }
