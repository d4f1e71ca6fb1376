"""Public pages: search, notice detail, about."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, make_response, redirect, render_template, request

from notices.domain import InvalidEntityId, parse_entity_id
from notices.web import labels, search_view
from notices.web.choices import country_options
from notices.web.data import active_notices_by_id, get_notice
from notices.web.detail_view import notice_view
from notices.web.query_args import search_query
from notices.web.search_service import run_search
from notices.web.urls import KIND_CONVERTER, notice_url, picture_url

RESULTS_PER_PAGE = 20

bp = Blueprint("pages", __name__)


def find_notice(kind: str, entity: str):
    """The active notice of this kind and id; 404 if unknown, 410 if withdrawn."""
    try:
        entity_id = parse_entity_id(entity)
    except InvalidEntityId:
        abort(404)
    notice = get_notice(entity_id)
    if notice is None:
        abort(404)
    if not notice.active:
        abort(410)
    return notice


@bp.get(f"/notices/<{KIND_CONVERTER}:kind>/<entity>")
def notice(kind: str, entity: str):
    """A notice with every published field, its pictures and the disclaimer."""
    found = find_notice(kind, entity)
    if found.kind != kind:
        return redirect(notice_url(found), 308)
    view = notice_view(found, date.today())
    response = make_response(render_template("notice.html", notice=view))
    response.last_modified = found.last_changed
    return response


@bp.get("/about")
def about():
    """What the service is, what it is not, and whom to contact."""
    return render_template("about.html")


@bp.get("/")
@bp.get("/search")
def search():
    """The search form, filters with counts, and one page of results."""
    clean = search_view.clean_url(request.args)
    if clean is not None:
        return redirect(clean, 302)
    query = search_query(request.args, per_page=RESULTS_PER_PAGE)
    found = run_search(query)
    rows = active_notices_by_id(hit.entity_id for hit in found.hits)
    today = date.today()
    cards = [_card(rows[hit.entity_id], hit, today) for hit in found.hits
             if hit.entity_id in rows]
    args = request.args
    return render_template(
        "search.html",
        query=query,
        args=args,
        total=found.total,
        page=found.page,
        pages=found.pages,
        cards=cards,
        tabs=search_view.tabs(args),
        facets=search_view.facets(found.facets, args),
        pagination=search_view.pagination(args, found.page, found.pages),
        count_text=search_view.count_text(found.total, found.page, found.pages),
        previous_url=search_view.url_with(args, page=found.page - 1) if found.page > 1 else None,
        next_url=(search_view.url_with(args, page=found.page + 1)
                  if found.page < found.pages else None),
        nationality_options=country_options(query.nationalities),
        wanted_by_options=country_options(query.wanted_by, authorities=True),
        sexes=labels.SEX_LABELS,
        kind_value=",".join(args.getlist("kind")),
    )


def _card(notice, hit, today):
    thumb = picture_url(notice.pictures[0].thumb_sha256) if notice.pictures else None
    return search_view.card(notice, hit, today, notice_url(notice), thumb)


@bp.get("/favicon.ico")
def favicon():
    """There is no icon: say so without an error, and let browsers remember it for a day."""
    response = make_response("", 204)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
