"""Notices and search results as the native API writes them: our field names, codes with labels."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from urllib.parse import urlencode

from flask import url_for
from werkzeug.datastructures import MultiDict

from notices.models import Notice
from notices.reads import ResultsPage
from notices.result_rows import ResultNotice
from notices.web.common.query_args import SEARCH_PARAMS
from notices.web.common.urls import compat_url, notice_path, picture_url
from notices.web.i18n import labels
from notices.web.i18n.why import why_text
from search_index import Alternatives, Hit


def timestamp(moment: datetime) -> str:
    """A stored (naive UTC) timestamp in RFC 3339: "2025-03-05T10:00:00Z"."""
    return moment.isoformat(timespec="seconds") + "Z"


def coded(code: str | None, label: str) -> dict | None:
    """A code with its readable label in the request's language."""
    return {"code": code, "label": label} if code else None


def countries(codes: Iterable[str] | None) -> list[dict]:
    """Country codes with their labels."""
    return [coded(code, labels.country_name(code)) for code in codes or ()]


def age(iso: str | None, today: date) -> dict | None:
    """Smallest and largest possible age today, from a possibly partial date of birth."""
    partial = labels.parse_partial(iso)
    if partial is None or partial.earliest() > today:
        return None
    low, high = partial.age_range(today)
    return {"min": max(0, low), "max": high}


def names(notice: Notice | ResultNotice) -> dict:
    """Every name of a notice as published."""
    return {
        "family_name": notice.family_name,
        "forename": notice.forename,
        "family_name_original": notice.family_name_original,
        "forename_original": notice.forename_original,
        "birth_name": notice.birth_name,
        "aliases": list(notice.aliases) + list(notice.also_known_as),
        "formerly_known_as": list(notice.formerly_known_as),
    }


def links(notice: Notice) -> dict:
    """Where to read more about a notice: this API, its page, the compatible API."""
    return {
        "self": url_for("native_api.notice", **notice_path(notice), _external=True),
        "page": url_for("pages.notice", **notice_path(notice), _external=True),
        "compatible": compat_url("detail", notice),
    }


def _pictures(notice: Notice) -> list[dict]:
    return [
        {
            "picture_id": p.picture_id,
            "url": picture_url(p.sha256, external=True),
            "thumbnail_url": picture_url(p.thumb_sha256, external=True),
            "width": p.width,
            "height": p.height,
        }
        for p in notice.pictures
    ]


def _codes(label_map: dict, codes: Iterable[str] | None) -> list[dict]:
    return [coded(code, labels.code_label(label_map, code)) for code in codes or ()]


def notice_document(notice: Notice, today: date | None = None) -> dict:
    """Every field of a notice; fields that do not apply to its kind are null or empty."""
    today = today or date.today()
    return {
        "entity_id": notice.entity_id,
        "kind": notice.kind,
        "names": names(notice),
        "sex": coded(notice.sex, labels.code_label(labels.SEX_LABELS, notice.sex)),
        "date_of_birth": notice.date_of_birth,
        "age": age(notice.date_of_birth, today),
        "place_of_birth": notice.place_of_birth,
        "country_of_birth": coded(
            notice.country_of_birth, labels.country_name(notice.country_of_birth)
        ),
        "nationalities": countries(notice.nationalities),
        "height": notice.height or None,
        "weight": notice.weight or None,
        "eye_colors": _codes(labels.EYE_LABELS, notice.eye_colors),
        "hair_colors": _codes(labels.HAIR_LABELS, notice.hair_colors),
        "languages": [coded(code, labels.language_label(code)) for code in notice.languages],
        "distinguishing_marks": notice.distinguishing_marks,
        "warrants": [
            {
                "issuing_country": coded(w.issuing_country, labels.country_name(w.issuing_country)),
                "charge": w.charge,
                "charge_translation": w.charge_translation,
            }
            for w in notice.warrants
        ],
        "disappearance": _disappearance(notice) if notice.kind == "yellow" else None,
        "un": _un(notice) if notice.kind.startswith("un-") else None,
        "pictures": _pictures(notice),
        "first_published": timestamp(notice.first_published),
        "last_changed": timestamp(notice.last_changed),
        "_links": links(notice),
    }


def _disappearance(notice: Notice) -> dict:
    return {
        "date": notice.event_date,
        "place": notice.event_place,
        "country": coded(notice.event_country, labels.country_name(notice.event_country)),
        "countries_likely_visited": countries(notice.countries_likely_visited),
        "father": {"family_name": notice.father_name, "forename": notice.father_forename},
        "mother": {"family_name": notice.mother_name, "forename": notice.mother_forename},
    }


def _un(notice: Notice) -> dict:
    return {
        "reference": notice.un_reference,
        "reference_date": notice.un_reference_date,
        "resolution": notice.un_resolution,
        "summary": notice.summary,
        "identity_documents": list(notice.identity_documents),
        "associates": list(notice.associates),
        "addresses": list(notice.addresses),
        "main_activity": notice.main_activity,
        "legal_form": notice.legal_form,
    }


def result_item(notice: ResultNotice, hit: Hit, today: date) -> dict:
    """One search result: who, how well the name matched and why, and where to read more."""
    return {
        "entity_id": notice.entity_id,
        "kind": notice.kind,
        "names": names(notice),
        "sex": notice.sex,
        "date_of_birth": notice.date_of_birth,
        "age": age(notice.date_of_birth, today),
        "nationalities": list(notice.nationalities),
        "wanted_by": [w.issuing_country for w in notice.warrants if w.issuing_country],
        "has_picture": bool(notice.pictures),
        "thumbnail_url": (
            picture_url(notice.pictures[0].thumb_sha256, external=True) if notice.pictures else None
        ),
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
        "url": url_for("pages.notice", **notice_path(notice), _external=True),
        "api_url": url_for("native_api.notice", **notice_path(notice), _external=True),
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

    links = {"self": href(page), "first": href(1), "last": href(max(pages, 1))}
    if page > 1:
        links["prev"] = href(min(page - 1, max(pages, 1)))
    if page < pages:
        links["next"] = href(page + 1)
    return links


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
    """One page of search results with the paging figures, facet counts and paging links,
    and suggestions when it found (almost) nothing."""
    args = args or MultiDict()
    return {
        "links": search_links(args, page.page, page.pages),
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "results": [result_item(notice, hit, page.today) for notice, hit in page.results],
        "facets": page.facets,
        "suggestions": suggestions(page.alternatives, args),
        "filters_match_nothing": page.alternatives.filters_empty,
    }
