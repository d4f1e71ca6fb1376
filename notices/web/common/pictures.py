"""Stored picture files as responses, only while an active notice shows them."""

from __future__ import annotations

from flask import Response, abort, current_app

from notices.media import picture_path
from notices.web.common.reading import picture_status, services

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
        data = picture_path(services().media_dir, digest).read_bytes()
    except (OSError, ValueError):
        current_app.logger.error("picture %s is in the database but not on disk", digest)
        abort(404)
    response = Response(data, mimetype="image/jpeg")
    response.set_etag(digest)
    response.headers["Cache-Control"] = cache
    return response
