"""What the open-data routes show: feed entries, export comments, the dataset page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlencode

from flask import current_app, request, url_for

from notices import dataset
from notices.result_rows import ResultNotice
from notices.web.common.query_args import EXPORT_LIMIT, FEED_ENTRIES, KIND_ALIASES, SEARCH_PARAMS
from notices.web.common.reading import recent_changes, run_search
from notices.web.common.urls import notice_url
from notices.web.i18n import _, labels, lazy_gettext
from notices.web.i18n.disclaimer import disclaimer_text
from notices.web.i18n.locale import html_lang, unprefixed
from notices.web.open_data import atom
from notices.web.open_data.exports import Export
from search_index import SearchQuery

TAB_TITLES = {
    "": lazy_gettext("All notices"),
    "red": lazy_gettext("Wanted"),
    "yellow": lazy_gettext("Missing"),
    "un": lazy_gettext("UN sanctions"),
}


def _search_items(drop: tuple[str, ...] = ("page", "per_page")) -> list[tuple[str, str]]:
    return [
        (key, value)
        for key, value in request.args.items(multi=True)
        if key in SEARCH_PARAMS and key not in drop and value.strip()
    ]


def query_string(drop: tuple[str, ...] = ("page", "per_page")) -> str:
    """This request's search parameters (known ones, non-empty, in order) as "?a=b", or ""."""
    items = _search_items(drop)
    return "?" + urlencode(items) if items else ""


def search_params() -> dict[str, list[str]]:
    """This request's search parameters, as an export records what it holds."""
    params: dict[str, list[str]] = {}
    for key, value in _search_items():
        params.setdefault(key, []).append(value)
    return params


def _summary(notice: ResultNotice, kind_label: str) -> str:
    parts = [kind_label]
    born = labels.partial_date_text(notice.date_of_birth)
    if born:
        parts.append(_("(born %(date)s)", date=born))
    parts += [labels.country_name(code) for code in notice.nationalities]
    wanted = labels.sorted_names(
        {labels.country_name(w.issuing_country) for w in notice.warrants if w.issuing_country}
    )
    if wanted:
        parts.append(_("Wanted by %(countries)s", countries=", ".join(wanted)))
    return " · ".join(parts)


def entry(notice: ResultNotice) -> atom.Entry:
    """A notice as a feed entry; its id is the same in every language and every feed."""
    link = notice_url(notice, _external=True)
    kind_label = labels.code_label(labels.KIND_LABELS, notice.kind)
    return atom.Entry(
        id=atom.urn(unprefixed(link)),
        title=labels.display_name(notice),
        link=link,
        updated=notice.last_changed,
        published=notice.first_published,
        summary=_summary(notice, kind_label),
        category=notice.kind,
        category_label=kind_label,
    )


def _feed(title: str, html_url: str) -> atom.Feed:
    self_url = request.url
    site = current_app.config["SITE_NAME"]
    return atom.Feed(
        id=atom.urn(unprefixed(self_url)),
        title=f"{site}: {title}",
        subtitle=disclaimer_text(),
        self_url=self_url,
        html_url=html_url,
        author=site,
        lang=html_lang(),
    )


def search_feed(query: SearchQuery) -> bytes:
    """The latest changed notices matching a search, last change first."""
    found = run_search(replace(query, sort="updated", page=1, per_page=FEED_ENTRIES))
    if query.has_name:
        name = query.text or f"{query.forename} {query.family_name}".strip()
        title = _("Results for %(name)s", name=name)
    else:
        title = _("Search notices")
    html_url = url_for("pages.search", _external=True) + query_string(("page", "per_page"))
    entries = [entry(notice) for notice, _hit in found.results]
    return atom.document(_feed(title, html_url), entries)


def recent_feed(tab: str) -> bytes:
    """The notices most recently added (still active) of one kind tab, newest first."""
    found = recent_changes(None, KIND_ALIASES.get(tab, ()), 1, FEED_ENTRIES, withdrawals=False)
    title = _("Recently added") + " · " + str(TAB_TITLES[tab])
    html_url = url_for("pages.recent", kind=tab or None, _external=True)
    entries = [entry(event.notice) for event in found.events if event.notice is not None]
    return atom.document(_feed(title, html_url), entries)


def export_comments(export: Export) -> list[str]:
    """The disclaimer, then (when cut) how much of the search the file holds."""
    comments = [disclaimer_text()]
    if export.truncated:
        comments.append(truncation_note(export))
    return comments


def truncation_note(export: Export) -> str:
    return _(
        "This file holds the first %(count)s of %(total)s matching notices. Narrow the search "
        "to export the others.",
        count=labels.number_text(len(export.rows)),
        total=labels.number_text(export.total),
    )


def export_file_name(extension: str) -> str:
    """notices-search-20250305.csv"""
    return f"notices-search-{datetime.now(UTC):%Y%m%d}.{extension}"


def dataset_info() -> dataset.DatasetInfo | None:
    """The bulk dataset's header and file facts, None before the first load."""
    return dataset.read_info(current_app.config["DATA_DIR"])


def data_page_context() -> dict:
    """Everything data.html shows."""
    info = dataset_info()
    size = None
    if info is not None:
        megabytes = info.size >= 1_000_000
        amount = round(info.size / (1e6 if megabytes else 1e3), 1) or 0.1
        size = labels.measure_text(amount, "digital-megabyte" if megabytes else "digital-kilobyte")
    return {
        "info": info,
        "size_text": size,
        "records_text": labels.number_text(info.records) if info else None,
        "generated": labels.day(info.modified) if info else None,
        "export_limit": labels.number_text(EXPORT_LIMIT),
        "feed_entries": FEED_ENTRIES,
    }
