"""What the search page offers when a search found (almost) nothing: other spellings, parts of
the name and the name without filters as links, or a way out of filters that leave nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from notices.web.common.query_args import SEARCH_PARAMS
from notices.web.common.templating import bdi
from notices.web.i18n import labels, ngettext
from notices.web.pages.search_view import url_with
from search_index import Alternatives, Suggestion

NAME_PARAMS = ("q", "forename", "name")
# Every parameter that narrows the notices searched (the kind tab included): the filters.
FILTER_PARAMS = tuple(sorted(SEARCH_PARAMS - {*NAME_PARAMS, "sort", "page", "per_page"}))


@dataclass
class Offer:
    """One suggested search: its link text (HTML, names isolated), URL and count text."""

    label: Markup
    url: str
    count: str = ""


@dataclass
class Offers:
    """Everything the page offers instead of results; empty lists when there is nothing."""

    spelling: list[Offer] = field(default_factory=list)
    partial: list[Offer] = field(default_factory=list)
    unfiltered: list[Offer] = field(default_factory=list)
    filters_empty: bool = False  # the filters alone leave no notice
    unfiltered_url: str = ""  # the same name without any filter


def offers(alternatives: Alternatives, args: MultiDict) -> Offers:
    """The page's offers for the alternatives a search came back with."""
    has_filters = any(args.get(key) for key in FILTER_PARAMS)
    found = Offers(
        filters_empty=alternatives.filters_empty and has_filters,
        unfiltered_url=url_with(args, drop=FILTER_PARAMS) if has_filters else "",
    )
    for suggestion in alternatives.suggestions:
        if suggestion.kind == "spelling":
            found.spelling.append(_spelling(suggestion, args))
        elif suggestion.kind == "partial":
            found.partial.append(_partial(suggestion, args))
        elif suggestion.kind == "unfiltered" and has_filters:
            found.unfiltered.append(_unfiltered(suggestion, found.unfiltered_url))
    return found


def _search_for(suggestion: Suggestion, args: MultiDict) -> str:
    """The same search with the suggested name in the name box."""
    return url_with(args, drop=NAME_PARAMS, q=suggestion.text)


def _count_text(count: int) -> str:
    return ngettext("%(count)s notice", "%(count)s notices", count, count=labels.number_text(count))


def _spelling(suggestion: Suggestion, args: MultiDict) -> Offer:
    return Offer(bdi(suggestion.text), _search_for(suggestion, args), _count_text(suggestion.count))


def _partial(suggestion: Suggestion, args: MultiDict) -> Offer:
    label = ngettext(
        "%(count)s notice matches %(name)s",
        "%(count)s notices match %(name)s",
        suggestion.count,
        count=labels.number_text(suggestion.count),
        name=bdi(suggestion.text),
    )
    return Offer(Markup(label), _search_for(suggestion, args))  # noqa: S704 - name escaped by bdi


def _unfiltered(suggestion: Suggestion, url: str) -> Offer:
    label = ngettext(
        "%(count)s notice matches %(name)s without the filters",
        "%(count)s notices match %(name)s without the filters",
        suggestion.count,
        count=labels.number_text(suggestion.count),
        name=bdi(suggestion.text),
    )
    return Offer(Markup(label), url)  # noqa: S704 - name escaped by bdi
