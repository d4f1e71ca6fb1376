"""Why a name matched, in the reader's language, from the engine's structured reasons."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext
from markupsafe import Markup, escape

from notices.web.i18n import _, pgettext
from notices.web.i18n.cache import translated

# Reason codes of search_index (names/similarity.py REASON_CODES).
REASON_LABELS = {
    "folded": lazy_gettext("same letters without accents"),
    "translit": lazy_gettext("same name in another script"),
    "joined": lazy_gettext("written together"),
    "variant": lazy_gettext("spelling variant"),
    "cognate": lazy_gettext("same name in another language"),
    "gender": lazy_gettext("other gender form"),
    "phonetic": lazy_gettext("sounds alike"),
    "skeleton": lazy_gettext("same consonants"),
    "fuzzy": lazy_gettext("similar spelling"),
    "initial": lazy_gettext("initial"),
    "nickname": lazy_gettext("short form of the name"),
}

# The kinds of name a hit can match (search_index.names.NAME_KINDS), as the result card says it.
NAME_KIND_LABELS = {
    "alias": lazy_gettext("alias"),
    "birth_name": lazy_gettext("birth name"),
    "former_name": lazy_gettext("former name"),
    "original_script": lazy_gettext("name in the original script"),
}


def _template(code: str) -> str:
    # Translated patterns, filled by the caller: as plain text (API) or as HTML with the
    # names isolated in <bdi> so that Latin names keep their order inside Arabic sentences.
    if code == "exact":
        return _("%(name)s matches exactly")
    if code == "missing":
        return _("%(query)s is not in the name")
    if code == "mismatch":
        return _("%(query)s does not match %(name)s")
    if code == "reference":
        return _("%(query)s is this notice's number or UN reference")
    return _("%(query)s ≈ %(name)s (%(reason)s)")


def _reason_label(code: str) -> str:
    return translated(REASON_LABELS).get(code, code)


def reason_text(code: str, query: str, name: str) -> str:
    """One part of the explanation, e.g. "MOHAMED ≈ MUHAMMAD (spelling variant)"."""
    return _template(code) % {"query": query, "name": name, "reason": _reason_label(code)}


def _isolated(text: str) -> Markup:
    # What Markup("<bdi>{}</bdi>").format(text) gives, without string.Formatter's cost.
    return Markup(f"<bdi>{escape(text)}</bdi>")


def reason_html(code: str, query: str, name: str) -> Markup:
    """The same as HTML: names (user input among them) escaped and wrapped in <bdi>."""
    # What Markup(template) % {...} gives, without markupsafe's per-value helper objects.
    return Markup(
        _template(code)
        % {
            "query": _isolated(query),
            "name": _isolated(name),
            "reason": escape(_reason_label(code)),
        }
    )


def _separator() -> str:
    # TRANSLATORS: separates the parts of a "why it matched" line; use your script's semicolon.
    return pgettext("list of match reasons", "; ")


def why_text(reasons: Iterable[tuple[str, str, str]]) -> str:
    """The whole explanation as one line of plain text (the native API's `why`)."""
    return _separator().join(reason_text(*reason) for reason in reasons)


def why_html(reasons: Iterable[tuple[str, str, str]]) -> Markup:
    """The whole explanation as one line of HTML (the search page)."""
    return Markup(_separator()).join(reason_html(*reason) for reason in reasons)


def matched_name_text(matched: tuple[str, str] | None) -> str:
    """ "Matched alias DAWID MAZURIK" when a hit matched a name other than the primary one."""
    if not matched or matched[1] not in NAME_KIND_LABELS:
        return ""
    name, kind = matched
    return _("Matched %(kind)s %(name)s", kind=translated(NAME_KIND_LABELS)[kind], name=name)
