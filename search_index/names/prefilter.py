"""A cheap superset of the name units that can be good partners (pair score >= 60) of a query part.

A one-word query meets thousands of distinct name units among its candidates, of which a few
dozen are good partners; scoring each in full costs ~6 µs. pair_score reaches GOOD_PAIR_SCORE
only through a shared key (form, display, skeleton, sound, curated group, initial), an edit
similarity of the main forms (or of the skeletons, for Arabic-script names) or a prefix; this
module tests those with set operations and rapidfuzz batch calls, and lets everything else
through. It must stay in step with similarity.pair_score: test_names_scoring checks every pair
of the evaluation set and of a large random sample.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Sequence
from functools import cached_property
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import OSA, Prefix

from .keyindex import build_key_index, key_owners
from .parts import ABJAD_SCRIPT, INITIAL, SHORT
from .romanisation import MARKS
from .units import (
    U_COGNATES,
    U_DISPLAY,
    U_FLAGS,
    U_FORMS,
    U_GROUPS,
    U_PHON,
    U_SKEL,
    initials,
)

# Edit similarities a little below the lowest that give 59.5 points: 0.6975 for main forms
# (similarity.fuzzy_points) and 0.772 for skeletons, which count 0.8 times.
FUZZY_CUTOFF, ABJAD_CUTOFF = 0.69, 0.76
MIN_PREFIX = 4  # similarity.PREFIX needs both forms this long


def unit_keys(unit: tuple) -> frozenset[str]:
    """Keys whose equality with a query key may make a good pair (kind letter + value)."""
    keys = {"=" + unit[U_DISPLAY].casefold()}
    # A reading key meets the other mark's (romanisation.reading_match): both as "r" keys.
    keys.update("r" + form[1:] if form[0] in MARKS else "f" + form for form in unit[U_FORMS])
    keys.update("s" + key for key in unit[U_SKEL])
    keys.update("p" + key for key in unit[U_PHON])
    keys.update("g" + key for key in unit[U_GROUPS])
    keys.update("c" + key for key in unit[U_COGNATES])
    if unit[U_FLAGS] & INITIAL:
        keys.add("i" + unit[U_FORMS][0])  # the query may start with this initial
    letters = initials(unit)
    if letters:
        keys.add("j" + letters)  # "JC" of JEAN CLAUDE
    return frozenset(keys)


class UnitFeatures:
    """Per-unit data of a NameTable that the filter reads, built once per table; `key_index`:
    the table's saved keyindex array, built here when absent."""

    def __init__(self, units: list[tuple], key_index: array | None = None) -> None:
        self.size = len(units)
        self.key_index = key_index if key_index is not None else build_key_index(units, unit_keys)
        self.mains = [unit[U_FORMS][0] for unit in units]
        self.skeletons = [unit[U_SKEL][0] if unit[U_SKEL] else "" for unit in units]
        self.abjad = {uid for uid, unit in enumerate(units) if unit[U_FLAGS] & ABJAD_SCRIPT}


def _gather(values: Sequence[str], uids: list[int]) -> list[str]:
    """values[uid] of each uid, in order (itemgetter gathers in C, ~3x a comprehension)."""
    if len(uids) < 2:
        return [values[uid] for uid in uids]
    return list(itemgetter(*uids)(values))


class UnitBatch:
    """Units to filter, split by script once for all the query's filters: each filter
    compares Latin-script units by main form and Arabic-script ones by skeleton."""

    def __init__(self, uids: Collection[int], features: UnitFeatures) -> None:
        self.uids = uids if isinstance(uids, (set, frozenset)) else set(uids)
        self.features = features
        arabic = features.abjad.intersection(self.uids)
        self.arabic = list(arabic)
        self.latin = list(self.uids.difference(arabic))

    @cached_property
    def every(self) -> list[int]:
        return self.latin + self.arabic

    @cached_property
    def latin_mains(self) -> list[str]:
        return _gather(self.features.mains, self.latin)

    @cached_property
    def arabic_skeletons(self) -> list[str]:
        return _gather(self.features.skeletons, self.arabic)

    @cached_property
    def every_skeleton(self) -> list[str]:
        return _gather(self.features.skeletons, self.every)


def _similar(query: str, choices: list[str], uids: list[int], cutoff: float) -> list[int]:
    if not query or not uids:
        return []
    found = process.extract(
        query, choices, scorer=OSA.normalized_similarity, score_cutoff=cutoff, limit=None
    )
    return [uids[index] for _, _, index in found]


class GoodPairFilter:
    """For one query unit: which units of a batch may score >= GOOD_PAIR_SCORE with it."""

    def __init__(self, q: tuple) -> None:
        self.main = q[U_FORMS][0]
        self.skeleton = q[U_SKEL][0] if q[U_SKEL] else ""
        self.abjad = bool(q[U_FLAGS] & ABJAD_SCRIPT)
        self.initial = bool(q[U_FLAGS] & INITIAL)
        keys = set(unit_keys(q)) - {"i" + self.main}
        keys.add("i" + self.main[:1])  # a name's initial that starts the query
        if q[U_FLAGS] & SHORT and len(self.main) == 2:
            keys.add("j" + self.main)  # two given names' initials written together
        self.keys = frozenset(keys)
        self._owners: tuple[UnitFeatures, set[int]] | None = None

    def _key_owners(self, features: UnitFeatures) -> set[int]:
        """Units of the whole table sharing a key with the query unit, found once per table."""
        if self._owners is None or self._owners[0] is not features:
            self._owners = (features, key_owners(features.key_index, self.keys))
        return self._owners[1]

    def select(self, uids: Collection[int], features: UnitFeatures) -> set[int]:
        """The uids that may be good partners (all those that are, and some that are not)."""
        return self.select_batch(UnitBatch(uids, features))

    def select_batch(self, batch: UnitBatch) -> set[int]:
        """select() of a batch that other filters share."""
        found = self._key_owners(batch.features).intersection(batch.uids)
        if self.abjad:  # an Arabic-script query meets every unit by skeleton
            found.update(_similar(self.skeleton, batch.every_skeleton, batch.every, ABJAD_CUTOFF))
            return found
        arabic = batch.arabic
        found.update(_similar(self.skeleton, batch.arabic_skeletons, arabic, ABJAD_CUTOFF))
        latin, mains = batch.latin, batch.latin_mains
        found.update(_similar(self.main, mains, latin, FUZZY_CUTOFF))
        found.update(self._prefixed(mains, latin))
        return found

    def _prefixed(self, mains: list[str], uids: list[int]) -> list[int]:
        """Units one of whose main form starts with the other's (prefix or query initial)."""
        main = self.main
        if self.initial:
            return [uid for uid, other in zip(uids, mains, strict=True) if other.startswith(main)]
        if len(main) < MIN_PREFIX or not uids:
            return []
        found = process.extract(
            main, mains, scorer=Prefix.similarity, score_cutoff=MIN_PREFIX, limit=None
        )
        return [
            uids[index] for other, length, index in found if length == min(len(main), len(other))
        ]
