"""Stored pictures by content hash; only while an active notice shows them (410 once withdrawn)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app

from notices.ingest.pictures import picture_path
from notices.web.data import picture_status

bp = Blueprint("pictures", __name__)

# Content-addressed: the bytes behind a URL never change, so caches need not revalidate. The
# lifetime is kept to an hour because a withdrawn notice's pictures must stop being served:
# shared caches may keep them at most that long.
PICTURE_CACHE = "public, max-age=3600, immutable"


def picture_response(digest: str, cache: str = PICTURE_CACHE) -> Response:
    """The JPEG with this hash, or 404/410 when no active notice shows it."""
    status = picture_status(digest)
    if status is None:
        abort(404)
    if status != "active":
        abort(410)
    try:
        data = picture_path(current_app.config["MEDIA_DIR"], digest).read_bytes()
    except (OSError, ValueError):
        current_app.logger.error("picture %s is in the database but not on disk", digest)
        abort(404)
    response = Response(data, mimetype="image/jpeg")
    response.set_etag(digest)
    response.headers["Cache-Control"] = cache
    return response


@bp.get("/pictures/<string(length=64):digest>.jpg")
def picture(digest: str):
    """A picture or thumbnail of an active notice."""
    if not all(c in "0123456789abcdef" for c in digest):
        abort(404)
    return picture_response(digest)
