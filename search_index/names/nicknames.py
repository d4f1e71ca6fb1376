"""Hypocorisms (Ted = Theodore, Sasha = Aleksandr): a nickname and its full name share a "+" id."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.resources import files

from .variants import group_ids

NICKNAME_PREFIX = "+"
# Spellings that only differ by romanisation meet under one key (Dmitriy, Dmitry, Dmitrii;
# Yelena, Elena; Aleksey, Alexei), so the table need not list every passport spelling.
_LOOSE = str.maketrans({"x": "ks", "w": "v", "j": "i", "y": "i"})
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)  # every form of every name unit is looked up once per unit
def _loose(form: str) -> str:
    form = _DOUBLE.sub(r"\1", form.translate(_LOOSE))
    return form[1:] if form.startswith("ie") else form


def _international() -> list[tuple[str, list[str], list[str]]]:
    """(id, full-name spellings, short forms) of each line of hypocorisms.tsv."""
    text = files(__package__).joinpath("hypocorisms.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            spellings, short = line.split("\t")
            rows.append((spellings.split()[0], spellings.split(), short.split()))
    return rows


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """loose nickname or full name -> ids of the full names it stands for."""
    from nicknames import name_triplets  # reads its CSV once, on first use

    found: dict[str, set[str]] = {}

    def add(form: str, gid: str) -> None:
        found.setdefault(_loose(form), set()).add(NICKNAME_PREFIX + gid)

    canonical: dict[str, str] = {}  # loose spelling -> id of its line (Alexander -> aleksandr)
    for gid, spellings, short_forms in _international():
        for form in spellings + short_forms:  # curated by hand: kept even when short (Zé)
            add(form, gid)
        for form in spellings:
            canonical.setdefault(_loose(form), gid)
    for t in name_triplets():
        nickname, full = t.name2, t.name1
        # Names of the curated groups (Ali, Omar ...) are names in their own right, not
        # English short forms (Ali is not Alison); very short forms say too little.
        if len(nickname) < 3 or len(full) < 3 or group_ids(nickname) or not nickname.isalpha():
            continue
        gid = canonical.get(_loose(full), full)
        add(nickname, gid)
        add(full, gid)
    return {form: tuple(sorted(ids)) for form, ids in found.items()}


def nickname_ids(form: str) -> tuple[str, ...]:
    """Ids of the full names a folded form is, or is a nickname of (usually none)."""
    return _table().get(_loose(form), ())
