"""A page of search results as the search page shows it: cards, facet links, tabs, pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from urllib.parse import quote, urlencode

from flask import url_for
from flask_babel import lazy_gettext
from werkzeug.datastructures import MultiDict

from notices.result_rows import ResultNotice
from notices.web.common.query_args import SEARCH_PARAMS
from notices.web.common.urls import notice_url, picture_url
from notices.web.i18n import _, labels, ngettext
from notices.web.i18n.cache import translated
from notices.web.i18n.why import matched_name_text, why_html
from notices.web.state import request_state
from search_index import Hit

BAND_LABELS = {
    "strong": lazy_gettext("Strong match"),
    "possible": lazy_gettext("Possible match"),
    "weak": lazy_gettext("Weak match"),
}
TABS = (
    ("", lazy_gettext("All notices")),
    ("red", lazy_gettext("Wanted")),
    ("yellow", lazy_gettext("Missing")),
    ("un", lazy_gettext("UN sanctions")),
)
FACET_TITLES = {
    "nationality": lazy_gettext("Nationality"),
    "wanted_by": lazy_gettext("Wanted by"),
    "sex": lazy_gettext("Sex"),
    "age_band": lazy_gettext("Age"),
}
# Which request arguments a facet sets.
FACET_PARAMS = {
    "nationality": ("nationality",),
    "wanted_by": ("wanted_by",),
    "sex": ("sex",),
    "age_band": ("age_min", "age_max"),
}
FACETS_SHOWN = 8  # values shown before "more"


@dataclass
class Card:
    """One result."""

    url: str
    name: str
    kind: str
    kind_label: str
    age: str
    born: str
    nationalities: list[str]
    wanted_by: list[str]
    thumb_url: str | None
    band: str | None
    band_label: str
    score: int | None
    why: str
    published: labels.Day | None = None
    changed: labels.Day | None = None  # only when another day than `published`
    matched: str = ""  # "Matched alias ...", when not the primary name


@dataclass
class Link:
    """A link with a label, and a count or selection state."""

    label: str
    url: str
    count: int | None = None
    current: bool = False


@dataclass
class Facet:
    """One group of refine links; `selected` holds remove links when the filter is set."""

    key: str
    title: str
    links: list[Link] = field(default_factory=list)
    more: list[Link] = field(default_factory=list)
    selected: list[Link] = field(default_factory=list)


# Characters werkzeug's URL builder leaves unquoted in query strings (werkzeug.urls._urlencode).
QUERY_SAFE = "!$'()*,/:;?@"


def search_url(params: dict[str, list[str]]) -> str:
    """What url_for("pages.search", **params) builds, without its per-call routing work.

    A results page has a hundred or more refine and page links; building each through the
    URL map cost more than the search itself."""
    state = request_state()
    if state.search_path is None:
        state.search_path = url_for("pages.search")
    items = [(key, value) for key, values in params.items() for value in values]
    if not items:
        return state.search_path
    return f"{state.search_path}?{urlencode(items, safe=QUERY_SAFE)}"


def url_with(args: MultiDict, drop: tuple[str, ...] = (), **changes) -> str:
    """The search URL of `args` without `drop`, with `changes`, back on page 1."""
    params: dict[str, list[str]] = {}
    for key in args:
        if key in drop or key in changes or key == "page" or key not in SEARCH_PARAMS:
            continue
        values = [value for value in args.getlist(key) if value]
        if values:
            params[key] = values
    for key, value in changes.items():
        if value not in (None, ""):
            params[key] = value if isinstance(value, list) else [str(value)]
    return search_url(params)


def _is_default(key: str, value: str) -> bool:
    return not value.strip() or (key, value) in (("sort", "relevance"), ("page", "1"))


def clean_url(args: MultiDict) -> str | None:
    """The same search without empty fields, unknown parameters and repeated values, or None
    if the URL is clean already.

    Forms send every field, filled or not; redirecting to the short form keeps URLs that
    people bookmark and share readable. Unknown and repeated parameters are dropped so that
    no request can make every link of the page long (a 4 kB query must not give a 1 MB page)."""
    items = list(args.items(multi=True))
    kept = list(
        dict.fromkeys(
            (key, value)
            for key, value in items
            if key in SEARCH_PARAMS and not _is_default(key, value)
        )
    )
    if len(kept) == len(items):
        return None
    params: dict[str, list[str]] = {}
    for key, value in kept:
        params.setdefault(key, []).append(value.strip())
    return search_url(params)


def card(notice: ResultNotice, hit: Hit, today: date, found_by: str = "") -> Card:
    """The card of one result; its link remembers the search `found_by` (see result_nav)."""
    thumb_url = picture_url(notice.pictures[0].thumb_sha256) if notice.pictures else None
    published, changed = labels.day(notice.first_published), labels.day(notice.last_changed)
    return Card(
        url=f"{notice_url(notice)}?from={quote(found_by, safe='')}"
        if found_by
        else notice_url(notice),
        name=labels.display_name(notice),
        kind=notice.kind,
        kind_label=labels.code_label(labels.KIND_LABELS, notice.kind),
        age=labels.age_text(notice.date_of_birth, today),
        born=labels.partial_date_text(notice.date_of_birth),
        nationalities=[labels.country_name(code) for code in notice.nationalities],
        wanted_by=labels.sorted_names(
            {labels.country_name(w.issuing_country) for w in notice.warrants if w.issuing_country}
        ),
        thumb_url=thumb_url,
        band=hit.band,
        band_label=translated(BAND_LABELS).get(hit.band, "") if hit.band else "",
        score=hit.score,
        why=why_html(hit.reasons) if hit.reasons else "",
        matched=matched_name_text(hit.matched_name),
        published=published,
        changed=changed if changed != published else None,
    )


def tabs(args: MultiDict) -> list[Link]:
    """Kind tabs; the current one is marked."""
    current = ",".join(args.getlist("kind"))
    return [
        Link(str(label), url_with(args, drop=("kind",), kind=value), current=value == current)
        for value, label in TABS
    ]


def _band_bounds(band: str) -> dict:
    low, _sep, high = band.replace("+", "-").partition("-")
    return {"age_min": low, "age_max": high}


def _selected_links(key: str, args: MultiDict) -> list[Link]:
    params = FACET_PARAMS[key]
    if key == "age_band":
        low, high = args.get("age_min"), args.get("age_max")
        if not (low or high):
            return []
        label = _("Age %(low)s to %(high)s", low=low or "0", high=high or "…")
        return [Link(label, url_with(args, drop=params), current=True)]
    values = [v for value in args.getlist(params[0]) for v in value.split(",") if v]
    return [
        Link(
            labels.facet_label(key, value.upper()),
            url_with(args, drop=params, **{params[0]: [v for v in values if v != value]}),
            current=True,
        )
        for value in values
    ]


def _refine_links(key: str, values: dict[str, int], args: MultiDict) -> list[Link]:
    """Links that add one value of a facet: the URLs url_with(args, key=value) builds.

    A browse page has a hundred and more of them. They share the search without this facet,
    so that part is built once and each link only appends its own parameter."""
    kept = url_with(args, drop=FACET_PARAMS[key])
    joiner = "&" if "?" in kept else "?"
    links = []
    for value, count in values.items():
        extra = _facet_param(key, value)
        url = f"{kept}{joiner}{extra}" if extra else kept
        links.append(Link(labels.facet_label(key, value), url, count))
    return links


# The same few hundred facet values come back on every page: each is encoded once.
@lru_cache(maxsize=4096)
def _facet_param(key: str, value: str) -> str:
    changes = _band_bounds(value) if key == "age_band" else {key: value}
    return urlencode([(name, bound) for name, bound in changes.items() if bound], safe=QUERY_SAFE)


def facets(counts: dict[str, dict[str, int]], args: MultiDict) -> list[Facet]:
    """Refine links with counts; a facet with a selection shows only its remove links."""
    out = []
    for key, title in FACET_TITLES.items():
        facet = Facet(key, str(title), selected=_selected_links(key, args))
        if not facet.selected:
            links = _refine_links(key, counts.get(key, {}), args)
            facet.links, facet.more = links[:FACETS_SHOWN], links[FACETS_SHOWN:]
        if facet.links or facet.selected:
            out.append(facet)
    return out


def count_text(total: int, page: int, pages: int) -> str:
    """ "1,234 notices found · page 2 of 62" for the status region."""
    text = ngettext(
        "%(count)s notice found", "%(count)s notices found", total, count=labels.number_text(total)
    )
    if pages > 1:
        text += " · " + _(
            "page %(page)s of %(pages)s",
            page=labels.number_text(page),
            pages=labels.number_text(pages),
        )
    return text


def open_data_urls(args: MultiDict) -> dict[str, str]:
    """The feed and exports of this search: the same parameters, without the page."""
    search = url_with(args)
    query = search[search.index("?") :] if "?" in search else ""
    return {
        "feed_url": url_for("open_data.search_feed") + query,
        "csv_url": url_for("open_data.search_csv") + query,
        "json_url": url_for("open_data.search_json") + query,
    }
