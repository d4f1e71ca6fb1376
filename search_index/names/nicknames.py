"""English hypocorisms (Ted = Theodore, Peggy = Margaret) from the `nicknames` package, plus a
few everyday short forms it lacks; a nickname and its full name share a "+" id."""

from __future__ import annotations

from functools import cache

from .variants import group_ids

NICKNAME_PREFIX = "+"
# Short forms common in notices' countries that the English data lacks (nickname full-name).
_EXTRA = """
bibi benjamin
"""


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """folded nickname or full name -> ids of the full names it stands for."""
    from nicknames import name_triplets  # reads its CSV once, on first use

    pairs = [tuple(line.split()) for line in _EXTRA.strip().splitlines()]
    pairs += [(t.name2, t.name1) for t in name_triplets() if t.relationship == "has_nickname"]
    found: dict[str, set[str]] = {}
    for nickname, full in pairs:
        # Names of the curated groups (Ali, Omar ...) are names in their own right, not
        # English short forms (Ali is not Alison); very short forms say too little.
        if len(nickname) < 3 or len(full) < 3 or group_ids(nickname) or not nickname.isalpha():
            continue
        found.setdefault(nickname, set()).add(NICKNAME_PREFIX + full)
        found.setdefault(full, set()).add(NICKNAME_PREFIX + full)
    return {form: tuple(sorted(ids)) for form, ids in found.items()}


def nickname_ids(form: str) -> tuple[str, ...]:
    """Ids of the full names a folded form is, or is a nickname of (usually none)."""
    return _table().get(form, ())
