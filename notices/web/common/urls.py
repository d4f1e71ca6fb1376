"""URLs of notices, pictures and kinds, in one place so pages and APIs agree.

Pages and the native API name kinds as the domain does, one path segment each:
/notices/red/2024-12345, /notices/yellow/..., /notices/un-person/..., /notices/un-entity/...
The compatible API keeps the published paths: /notices/v1/red, /notices/v1/un/persons, ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
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
    return notice_link("pages.notice", notice)


def notice_link(endpoint: str, notice: Notice | ResultNotice, external: bool = False) -> str:
    """url_for(endpoint, **notice_path(notice), _external=external) for a notice's page or
    native document. A results page links twenty notices (an API page forty, absolute): the
    part before the kind is built through the URL map once per request, and each link appends
    what url_for would append."""

    def build() -> str:
        built = url_for(endpoint, kind=KINDS[0], entity="0", _external=external)
        return built[: -len(f"/{KINDS[0]}/0")]

    root = _url_part((endpoint, external), build)
    entity = quote(url_entity_id(notice.entity_id), safe=PATH_SAFE)
    return f"{root}/{notice.kind}/{entity}"


def picture_url(digest: str, external: bool = False) -> str:
    """The content-addressed URL of a stored picture or thumbnail."""

    # Pictures are the same in every language: one URL, without the language prefix.
    # A digest is hex, so the URL is the same text around it on every card (built once).
    def build() -> tuple[str, str]:
        sample = "0" * 64
        built = unprefixed(url_for("pictures.picture", digest=sample, _external=external))
        before, _sample, after = built.rpartition(sample)
        return before, after

    before, after = _url_part(("pictures.picture", external), build)
    return f"{before}{digest}{after}"


# The compatible API's resources about a notice: the path after /<kind path>/<entity>.
COMPAT_TAILS = {"detail": "", "images": "/images"}


def compat_url(endpoint: str, notice: Notice | ResultNotice, **values) -> str:
    """Absolute URL of one of the compatible API's resources about `notice`."""
    entity = url_entity_id(notice.entity_id)
    if endpoint in COMPAT_TAILS and not values:
        # A list page links each of its notices three times: the rule of the kind is built
        # through the URL map once per request, each link appends what url_for would append.
        root = _compat_root(notice.kind)
        return f"{root}/{quote(entity, safe=PATH_SAFE)}{COMPAT_TAILS[endpoint]}"
    return url_for(
        f"compat_api.{endpoint}", kind=notice.kind, entity=entity, _external=True, **values
    )


def _compat_root(kind: str) -> str:
    def build() -> str:
        return url_for("compat_api.detail", kind=kind, entity="0", _external=True)[: -len("/0")]

    return _url_part(("compat_api.detail", kind), build)


def _url_part(key: tuple, build: Callable[[], Any]) -> Any:
    """A part of URLs built through the URL map once per request (RequestState.url_parts)."""
    parts = request_state().url_parts
    found = parts.get(key)
    if found is None:
        found = parts[key] = build()
    return found
