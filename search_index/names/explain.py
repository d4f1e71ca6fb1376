"""One-line English explanation and structured reasons of a name match."""

from __future__ import annotations

from .parts import ROLE_FAMILY, ROLE_FORENAME
from .similarity import EXACT, MISMATCH, MISSING
from .units import U_DISPLAY, U_MASK, U_ROLE

_REASON_TEXT = {
    "folded": "same after folding",
    "translit": "transliteration",
    "joined": "written together",
    "variant": "spelling variant",
    "cognate": "same name in another language",
    "gender": "other gender form",
    "phonetic": "sounds alike",
    "skeleton": "same consonants",
    "fuzzy": "similar spelling",
    "initial": "initial",
    "nickname": "nickname",
    "romanisation": "other romanisation",
}
_ROLE_LABEL = {ROLE_FAMILY: "family name ", ROLE_FORENAME: "forename "}


def _describe(reason: str, query: str, name: str, role: int) -> str:
    label = _ROLE_LABEL.get(role, "")
    if reason == EXACT:
        return f"{label}{name} exact"
    if reason == MISMATCH:
        return f"{query} does not match {label}{name}"
    return f"{label}{query} ~ {name} ({_REASON_TEXT.get(reason, reason)})"


def explain(pairs: list, query_displays: tuple[str, ...]) -> tuple[str, tuple]:
    """(why, reasons) for the chosen pairs, in query order, with missing query parts last."""
    ordered = sorted(pairs, key=lambda pair: pair[2][U_MASK] & -pair[2][U_MASK])
    phrases, reasons = [], []
    covered = 0
    for _, reason, q, n in ordered:
        covered |= q[U_MASK]
        query, name = q[U_DISPLAY].upper(), n[U_DISPLAY].upper()
        phrases.append(_describe(reason, query, name, n[U_ROLE]))
        reasons.append((reason, query, name))
    for i, display in enumerate(query_displays):
        if not covered >> i & 1:
            phrases.append(f"{display.upper()} not in the name")
            reasons.append((MISSING, display.upper(), ""))
    return ", ".join(phrases) or "no name part matches", tuple(reasons)
