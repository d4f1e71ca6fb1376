"""The compatible API under /notices/v1/: the published paths, parameters and HAL shapes."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, make_response

from notices.domain import KIND_PATHS, InvalidEntityId, parse_entity_id
from notices.web.compat_documents import detail_document, images_document
from notices.web.compat_list import list_response
from notices.web.data import get_notice
from notices.web.disclaimer import disclaimer_text
from notices.web.pictures import picture_response

# Picture ids may be reused for new bytes, so these URLs are revalidated (cheaply, by ETag).
COMPAT_IMAGE_CACHE = "public, max-age=3600"

bp = Blueprint("compat_api", __name__, url_prefix="/notices/v1")


def _active_notice(kind: str, entity: str):
    """The active notice of this kind; 404 for unknown (or other kind), 410 for withdrawn."""
    try:
        entity_id = parse_entity_id(entity)
    except InvalidEntityId:
        abort(404)
    notice = get_notice(entity_id)
    if notice is None or notice.kind != kind:
        abort(404)
    if not notice.active:
        abort(410)
    return notice


def _json(document: dict, notice=None):
    document["disclaimer"] = disclaimer_text()
    response = make_response(jsonify(document))
    if notice is not None:
        response.last_modified = notice.last_changed
    return response


def notices(kind: str):
    """Search or browse one kind; every result is reachable by paging."""
    return _json(list_response(kind))


def detail(kind: str, entity: str):
    """One notice's detail document."""
    notice = _active_notice(kind, entity)
    return _json(detail_document(notice), notice)


def images(kind: str, entity: str):
    """The list of one notice's pictures."""
    notice = _active_notice(kind, entity)
    return _json(images_document(notice), notice)


def image(kind: str, entity: str, picture_id: str):
    """One picture of a notice, as JPEG."""
    notice = _active_notice(kind, entity)
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
        bp.add_url_rule(f"/{path}/<entity>/images/<picture_id>", "image", image,
                        defaults=defaults)


_register()
