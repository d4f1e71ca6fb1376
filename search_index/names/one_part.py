"""The closed form of re-scoring for a one-part query, the commonest and most expensive kind.

Its single part takes the best pair of a name (align() + score_pairs() reduce to that), so a name
costs one look-up per unit, and only the units that prefilter.GoodPairFilter lets through as
possible good partners are scored in full. NameScorer (scoring.py) takes this path for
one-part queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .matching import (
    EXTRA_PART_COST,
    EXTRA_PART_MAX,
    FORENAME_ONLY,
    GOOD_PAIR,
    INITIALS_ONLY,
    PARTICLES_ONLY,
    ROLE_SWAP_COST,
    ROLE_SWAP_MAX,
    SHORT_ONLY,
    WORST_MARGIN,
)
from .parts import INITIAL, PARTICLE, ROLE_FORENAME, SHORT
from .prefilter import GoodPairFilter
from .similarity import pair_score
from .units import JOINED, U_FLAGS, U_MASK, U_ROLE

if TYPE_CHECKING:  # imports for annotations only
    from .table import NameTable

_NOT_GOOD = (-1, 0, 0, 0, 0)


class OnePartScoring:
    """NameScorer's methods for a one-part query (a mixin: the scorer holds the state)."""

    table: NameTable  # these two, and _best(), are NameScorer's
    _bounded: bool

    def _init_one_part(self, analysis: tuple, table: NameTable) -> None:
        units, _, qflags, qroles = analysis
        self._query_unit = units[0]
        self._role = qroles[0]
        flags = qflags[0]
        # score_pairs' _ceiling for one part that is evidence (pair >= GOOD_PAIR)
        self._ceiling = INITIALS_ONLY if flags & INITIAL else SHORT_ONLY if flags & SHORT else 100
        # unit id -> (score, joined, mask, role, partner is a lone particle)
        self._pairs: list = [None] * len(table.units)
        self._filter = GoodPairFilter(self._query_unit)

    def _score_one_part(self, rows: list[int]) -> list[int]:
        """NameScorer.score_rows for a one-part query."""
        table_rows = self.table.rows
        self._score_units(rows)
        if not self._bounded:
            single = self._single_name
            return [self._best(row, list(map(single, table_rows[row]))) for row in rows]
        # The hot loop of one-word queries, inlined: a name without a good pair scores 0.
        pairs, finish = self._pairs, self._finish
        found = []
        for row in rows:
            scores = []
            for name in table_rows[row]:
                chosen = _NOT_GOOD
                for uid in name[0]:
                    pair = pairs[uid]
                    if pair[0] > chosen[0]:
                        chosen = pair
                scores.append(finish(chosen, name[2]) if chosen[0] >= GOOD_PAIR else 0)
            found.append(self._best(row, scores))
        return found

    def _score_units(self, rows: list[int]) -> None:
        """Pair scores of the units of these rows not met before (bounded: of the possible
        good partners only; the others get -1, never chosen, as their names score 0)."""
        pairs, table_rows = self._pairs, self.table.rows
        new = set().union(*[name[0] for row in rows for name in table_rows[row]])
        fresh = [uid for uid in new if pairs[uid] is None]
        if self._bounded:
            scored = self._filter.select(fresh, self.table.features())
            for uid in fresh:
                if uid not in scored:
                    pairs[uid] = _NOT_GOOD
        else:
            scored = fresh
        units, query_unit = self.table.units, self._query_unit
        for uid in scored:
            unit = units[uid]
            flags = unit[U_FLAGS]
            pairs[uid] = (
                pair_score(query_unit, unit)[0],
                flags & JOINED,
                unit[U_MASK],
                unit[U_ROLE],
                flags & PARTICLE and not flags & JOINED,
            )

    def _single_name(self, name: tuple) -> int:
        """align() + score_pairs() for a one-part query: the part takes the best pair (lowest
        unit index on ties); if none is good, the best single unit of a non-particle part."""
        uids, nflags, plain = name[:3]
        pairs = self._pairs
        chosen = None
        for uid in uids:
            pair = pairs[uid]
            if chosen is None or pair[0] > chosen[0]:
                chosen = pair
        if chosen is None or chosen[0] < GOOD_PAIR:
            chosen = self._spare(uids, nflags)
            if chosen is None:
                return 0
        return self._finish(chosen, plain)

    def _finish(self, chosen: tuple, plain: int) -> int:
        """score_pairs() of the chosen pair: costs for extra name parts and a role swap."""
        score, _, mask, role, particle = chosen
        extra = (plain & ~mask).bit_count()
        result = score - min(extra * EXTRA_PART_COST, EXTRA_PART_MAX)
        if self._role and role and self._role != role:
            result -= min(ROLE_SWAP_COST, ROLE_SWAP_MAX)
        # as matching.score_pairs: a name's particle as the only partner is no evidence
        ceiling = self._ceiling if score >= GOOD_PAIR and not particle else PARTICLES_ONLY
        if score >= GOOD_PAIR and role == ROLE_FORENAME:
            ceiling = min(ceiling, FORENAME_ONLY)  # as matching._ceiling: a forename alone
        return max(0, min(100, result, score + WORST_MARGIN, ceiling))

    def _spare(self, uids: Sequence[int], nflags: Sequence[int]) -> tuple | None:
        """The least bad single unit of a part that is not a particle (align's leftover)."""
        spare = None
        for index, uid in enumerate(uids):
            pair = self._pairs[uid]
            if (
                not pair[1]
                and not nflags[index] & PARTICLE
                and (spare is None or pair[0] > spare[0])
            ):
                spare = pair
        return spare
