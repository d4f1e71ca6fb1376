"""Consonant skeleton of a folded token: bridges vowel-less Arabic-script transliterations and
the many Latin spellings of the same name (Mohammed, Muhammad, محمد -> "mhmd")."""

from __future__ import annotations

import re
from functools import lru_cache

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"kh", "h"),  # خ is written kh, h or k: Khalid, Halid
        (r"gh", "g"),
        (r"sh|ch|sch", "s"),  # Maghreb spellings write ش as ch: Chérif, Hicham
        (r"th", "t"),
        (r"dh", "d"),
        (r"dj", "j"),
        (r"ck|q|c", "k"),
        (r"x", "ks"),
        (r"[aeiouyw]+", ""),  # vowels, and the Arabic long-vowel letters و and ي
        (r"h$", ""),  # final ة/ه: Usamah = Usama = أسامة
        (r"(.)\1+", r"\1"),
    )
)
MIN_SKELETON = 3  # shorter Latin skeletons ("l" for Ali) say nothing


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of a folded token (callers decide what is too short to count)."""
    key = token
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key
