"""The compatible API under /notices/v1/: the published paths, parameters and HAL shapes."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, make_response

from notices.domain import KIND_PATHS
from notices.models import Notice
from notices.web.common.pictures import picture_response
from notices.web.common.reading import notice_or_abort
from notices.web.common.response_cache import cached, cached_notice
from notices.web.compat_api.documents import detail_document, images_document
from notices.web.compat_api.listing import list_response
from notices.web.i18n.disclaimer import disclaimer_text

# Picture ids may be reused for new bytes, so these URLs are revalidated (cheaply, by ETag).
COMPAT_IMAGE_CACHE = "public, max-age=3600"

bp = Blueprint("compat_api", __name__, url_prefix="/notices/v1")


def _json(document: dict, notice: Notice | None = None) -> Response:
    document["disclaimer"] = disclaimer_text()
    response = make_response(jsonify(document))
    if notice is not None:
        response.last_modified = notice.last_changed
    return response


@cached
def notices(kind: str) -> Response:
    """Search or browse one kind; every result is reachable by paging."""
    return _json(list_response(kind))


@cached_notice
def detail(kind: str, entity: str) -> Response:
    """One notice's detail document."""
    notice = notice_or_abort(entity, kind)
    return _json(detail_document(notice), notice)


def images(kind: str, entity: str) -> Response:
    """The list of one notice's pictures."""
    notice = notice_or_abort(entity, kind)
    return _json(images_document(notice), notice)


def image(kind: str, entity: str, picture_id: str) -> Response:
    """One picture of a notice, as JPEG."""
    notice = notice_or_abort(entity, kind)
    for picture in notice.pictures:
        if picture.picture_id == picture_id:
            return picture_response(picture.sha256, cache=COMPAT_IMAGE_CACHE)
    abort(404)


def _register() -> None:
    # One rule per kind and resource; the `kind` default lets url_for pick the right path.
    for kind, path in KIND_PATHS.items():
        defaults = {"kind": kind}
        bp.add_url_rule(f"/{path}", "notices", notices, defaults=defaults)
        bp.add_url_rule(f"/{path}/<entity>", "detail", detail, defaults=defaults)
        bp.add_url_rule(f"/{path}/<entity>/images", "images", images, defaults=defaults)
        bp.add_url_rule(f"/{path}/<entity>/images/<picture_id>", "image", image, defaults=defaults)


_register()
