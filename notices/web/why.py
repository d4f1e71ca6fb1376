"""Why a name matched, in the reader's language, from the engine's structured reasons."""

from __future__ import annotations

from notices.i18n import gettext as _
from notices.i18n import lazy_gettext

# Reason codes of search_index (names/similarity.py REASON_CODES).
REASON_LABELS = {
    "folded": lazy_gettext("same letters without accents"),
    "translit": lazy_gettext("same name in another script"),
    "joined": lazy_gettext("written together"),
    "variant": lazy_gettext("spelling variant"),
    "gender": lazy_gettext("other gender form"),
    "phonetic": lazy_gettext("sounds alike"),
    "skeleton": lazy_gettext("same consonants"),
    "fuzzy": lazy_gettext("similar spelling"),
    "initial": lazy_gettext("initial"),
}


def reason_text(code: str, query: str, name: str) -> str:
    """One part of the explanation, e.g. "MOHAMED ≈ MUHAMMAD (spelling variant)"."""
    if code == "exact":
        return _("%(name)s matches exactly", name=name)
    if code == "missing":
        return _("%(query)s is not in the name", query=query)
    if code == "mismatch":
        return _("%(query)s does not match %(name)s", query=query, name=name)
    label = REASON_LABELS.get(code)
    reason = str(label) if label is not None else code
    return _("%(query)s ≈ %(name)s (%(reason)s)", query=query, name=name, reason=reason)


def why_text(reasons) -> str:
    """The whole explanation as one line."""
    return "; ".join(reason_text(*reason) for reason in reasons)
