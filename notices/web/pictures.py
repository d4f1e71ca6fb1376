"""Stored pictures by content hash; only while an active notice shows them (410 once withdrawn)."""

from __future__ import annotations

from flask import Blueprint, Response, abort

from notices.media import is_digest
from notices.web.common.pictures import picture_response

bp = Blueprint("pictures", __name__)


@bp.get("/pictures/<string(length=64):digest>.jpg")
def picture(digest: str) -> Response:
    """A picture or thumbnail of an active notice."""
    if not is_digest(digest):
        abort(404)
    return picture_response(digest)
