"""Public pages: search, notice detail, about (routes only; view models do the work)."""

from __future__ import annotations

from flask import Blueprint, Response, make_response, redirect, render_template, request

from notices.web.common.query_args import MAX_PAGE, RESULTS_PER_PAGE, int_arg, search_query
from notices.web.common.reading import notice_with_contacts, recent_changes, run_search
from notices.web.common.response_cache import cached, cached_notice
from notices.web.common.urls import KIND_CONVERTER, notice_url
from notices.web.pages import recent_view, search_view
from notices.web.pages.detail_view import notice_view
from notices.web.pages.fragments import card_html, facet_list
from notices.web.pages.result_nav import result_nav
from notices.web.pages.search_context import page_context

bp = Blueprint("pages", __name__)
bp.add_app_template_filter(card_html, "card_html")  # search.html and recent.html
bp.add_app_template_filter(facet_list, "facet_list")  # search.html


@bp.get(f"/notices/<{KIND_CONVERTER}:kind>/<entity>")
@cached_notice
def notice(kind: str, entity: str) -> Response:
    """A notice with every published field, its pictures and the disclaimer."""
    found, contacts = notice_with_contacts(entity, page=True)
    if found.kind != kind:
        return redirect(notice_url(found), 308)
    nav = result_nav(found.entity_id, request.args.get("from", ""))
    view = notice_view(found, contacts=contacts.contacts)
    response = make_response(render_template("notice.html", notice=view, nav=nav))
    response.last_modified = contacts.last_modified(found)
    return response


@bp.get("/about")
def about() -> str:
    """What the service is, what it is not, and whom to contact."""
    return render_template("about.html")


@bp.get("/")
@bp.get("/search")
@cached
def search() -> Response | str:
    """The search form, filters with counts, and one page of results."""
    clean = search_view.clean_url(request.args)
    if clean is not None:
        return redirect(clean, 302)
    query = search_query(request.args, per_page=RESULTS_PER_PAGE)
    page = run_search(query, alternatives=True, page=True)
    return render_template("search.html", **page_context(query, page, request.args))


@bp.get("/recent")
def recent() -> str:
    """Notices added and withdrawn in the last 30 days, newest first, by kind."""
    kind = request.args.get("kind", "").strip().lower()
    kind = kind if kind in ("red", "yellow", "un") else ""
    page = int_arg(request.args, "page", 1, MAX_PAGE, default=1)
    found = recent_changes(recent_view.since(), recent_view.tab_kinds(kind), page, RESULTS_PER_PAGE)
    return render_template("recent.html", **recent_view.page_context(kind, found))


@bp.get("/favicon.ico")
def favicon() -> Response:
    """There is no icon: say so without an error, and let browsers remember it for a day."""
    response = make_response("", 204)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
