"""Analysis of a name query: the lookup terms for the engine and the parts for re-scoring."""

from __future__ import annotations

from .keys import unit_keys
from .parts import ABJAD_SCRIPT, PARTICLE, ROLE_ANY, ROLE_FAMILY, ROLE_FORENAME, text_parts
from .units import JOINED, U_FLAGS, U_FORMS, build_units, part_weight

# Candidate ranking: exact tokens and curated variants first, fuzzier keys as support.
BOOSTS = {
    "n_token": 4.0,
    "n_joined": 3.0,
    "n_variant": 3.0,
    "n_phonetic": 2.0,
    "n_skeleton": 1.5,
    "n_ngram": 0.4,
}
MIN_FUZZY = 4  # shorter tokens are not looked up fuzzily (too many neighbours)


def analyse_query(text: str = "", forename: str = "", family: str = "") -> dict:
    """Everything QueryKeys needs, as keyword arguments."""
    parts = (
        text_parts(text, ROLE_ANY, whole_name=True)
        + text_parts(forename, ROLE_FORENAME)
        + text_parts(family, ROLE_FAMILY, whole_name=not (text or forename))
    )
    units = build_units(parts)
    keys = unit_keys(units)
    # A query written together may be indexed apart and the other way round (Abubakr).
    lookup = keys["n_token"] | keys["n_joined"]
    keys["n_token"] = keys["n_joined"] = lookup
    terms = {name: tuple(sorted(found)) for name, found in keys.items() if found}
    fuzzy = tuple(
        dict.fromkeys(
            u[U_FORMS][0]
            for u in units
            if not u[U_FLAGS] & (JOINED | PARTICLE | ABJAD_SCRIPT)
            and len(u[U_FORMS][0]) >= MIN_FUZZY
        )
    )
    analysis = (
        units,
        tuple(part_weight(p) for p in parts),
        tuple(p[3] for p in parts),
        tuple(p[2] for p in parts),
    )
    return {
        "parts": tuple(p[1][0] for p in parts),
        "terms": terms,
        "boosts": {name: BOOSTS[name] for name in terms},
        "fuzzy": fuzzy,
        "forename_parts": tuple(p[1][0] for p in parts if p[2] == ROLE_FORENAME),
        "family_parts": tuple(p[1][0] for p in parts if p[2] == ROLE_FAMILY),
        "analysis": analysis,
        "displays": tuple(p[0] for p in parts),
    }
