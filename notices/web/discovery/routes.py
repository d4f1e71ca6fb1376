"""robots.txt, /sitemap.xml (an index) and /sitemaps/notices-<n>.xml (active notices)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, url_for

from notices.web.common.reading import read_session
from notices.web.discovery.sitemap import chunk_count, notice_chunk

bp = Blueprint("discovery", __name__)

XML = "application/xml"


@bp.get("/robots.txt")
def robots() -> Response:
    """Pages and notices may be crawled; the APIs and pictures are for programs, not indexes."""
    sitemap = url_for("discovery.sitemap_index", _external=True)
    text = render_template("robots.txt", sitemap=sitemap)
    return Response(text, mimetype="text/plain")


@bp.get("/sitemap.xml")
def sitemap_index() -> Response:
    """Index of the notice sitemaps (a sitemap file holds at most 50,000 URLs)."""
    with read_session() as session:
        chunks = chunk_count(session)
    xml = render_template("sitemap_index.xml", chunks=range(1, chunks + 1))
    return Response(xml, mimetype=XML)


@bp.get("/sitemaps/notices-<int:number>.xml")
def notices_sitemap(number: int) -> Response:
    """The active notices of one chunk, with the day each last changed."""
    with read_session() as session:
        entries = notice_chunk(session, number)
    if number < 1 or (number > 1 and not entries):
        abort(404)
    return Response(render_template("sitemap.xml", entries=entries), mimetype=XML)
