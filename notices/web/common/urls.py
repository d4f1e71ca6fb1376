"""URLs of notices, pictures and kinds, in one place so pages and APIs agree.

Pages and the native API name kinds as the domain does, one path segment each:
/notices/red/2024-12345, /notices/yellow/..., /notices/un-person/..., /notices/un-entity/...
The compatible API keeps the published paths: /notices/v1/red, /notices/v1/un/persons, ...
"""

from __future__ import annotations

from urllib.parse import quote

from flask import url_for
from flask_babel import lazy_gettext

from notices.domain import KINDS, url_entity_id
from notices.models import Notice
from notices.result_rows import ResultNotice
from notices.web.i18n.locale import unprefixed
from notices.web.state import request_state

KIND_CONVERTER = "any(" + ", ".join(f'"{kind}"' for kind in KINDS) + ")"

KIND_HEADINGS = {
    "red": lazy_gettext("Red notice: wanted person"),
    "yellow": lazy_gettext("Yellow notice: missing person"),
    "un-person": lazy_gettext("UN Security Council special notice: person"),
    "un-entity": lazy_gettext("UN Security Council special notice: entity"),
}


def kind_heading(kind: str) -> str:
    """The heading a notice of this kind carries on its page."""
    return str(KIND_HEADINGS.get(kind, kind))


def notice_path(notice: Notice | ResultNotice) -> dict:
    """URL parameters of a notice's page and native API document."""
    return {"kind": notice.kind, "entity": url_entity_id(notice.entity_id)}


# What werkzeug's default converter leaves unquoted in a path segment (BaseConverter.to_url).
PATH_SAFE = "!$&'()*+,/:;=@"


def notice_url(notice: Notice | ResultNotice, **kwargs) -> str:
    """The public page of a notice."""
    if kwargs:
        return url_for("pages.notice", **notice_path(notice), **kwargs)
    # A results page links twenty notices: the part before the kind is built through the
    # URL map once per request, and each link appends what url_for would append.
    state = request_state()
    if state.notices_root is None:
        built = url_for("pages.notice", kind=KINDS[0], entity="0")
        state.notices_root = built[: -len(f"/{KINDS[0]}/0")]
    entity = quote(url_entity_id(notice.entity_id), safe=PATH_SAFE)
    return f"{state.notices_root}/{notice.kind}/{entity}"


def picture_url(digest: str, external: bool = False) -> str:
    """The content-addressed URL of a stored picture or thumbnail."""
    if external:
        return unprefixed(url_for("pictures.picture", digest=digest, _external=True))
    # Pictures are the same in every language: one URL, without the language prefix.
    # A digest is hex, so the URL is the same text around it on every card (built once).
    state = request_state()
    if state.picture_parts is None:
        sample = "0" * 64
        before, _sample, after = unprefixed(url_for("pictures.picture", digest=sample)).rpartition(
            sample
        )
        state.picture_parts = (before, after)
    before, after = state.picture_parts
    return f"{before}{digest}{after}"


def compat_url(endpoint: str, notice: Notice | ResultNotice, **values) -> str:
    """Absolute URL of one of the compatible API's resources about `notice`."""
    return url_for(
        f"compat_api.{endpoint}",
        kind=notice.kind,
        entity=url_entity_id(notice.entity_id),
        _external=True,
        **values,
    )
