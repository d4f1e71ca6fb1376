"""Scores of many rows of a NameTable against one query: match_name's score, without the why.

The engine scores every candidate but explains only the page it shows, so this skips the
explanation. A one-part query (the commonest and, with thousands of similar names, the most
expensive kind) takes the closed form in one_part.py. Other queries run the full aligner
once per distinct name, but only on names where some part that is not a particle may have a
good partner: without one, score_pairs caps the score at PARTICLES_ONLY.
Scores at or above `floor` are exactly match_name(...).score (tests compare them on random
names); below it a score is only known to be below.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING

from .matching import GOOD_PAIR, PARTICLES_ONLY, choose_pairs, score_pairs
from .one_part import OnePartScoring
from .parts import PARTICLE
from .prefilter import GoodPairFilter, UnitBatch
from .similarity import MISMATCH, pair_score
from .table import N_KIND, NameTable
from .units import JOINED, U_FLAGS, U_KEY, U_MASK

if TYPE_CHECKING:  # imports for annotations only
    from search_index.names import QueryKeys

# An interned name of the name table: (unit ids, flags of each unit, mask of plain parts).
InternedName = tuple[Sequence[int], Sequence[int], int]

_UNIT_IDS = itemgetter(0)  # of an interned name
_BELOW_GOOD = (0, MISMATCH)  # a pair score known to be below GOOD_PAIR (see _pair)


class NameScorer(OnePartScoring):
    """Scores rows of one table against one query (QueryKeys); one instance per query."""

    def __init__(self, query: QueryKeys, table: NameTable, floor: int = 0) -> None:
        self.table = table
        # A one-part query without a good pair scores at most PARTICLES_ONLY: with a floor
        # above that, such names need no exact score, and units no full pair score.
        self._bounded = floor > PARTICLES_ONLY
        analysis = query.analysis
        self.empty = not analysis or not analysis[0]
        self.single = not self.empty and len(analysis[0]) == 1
        self.analysis = analysis
        self.cache = query.pair_scores(table)
        # Rows whose score comes from a name that is not primary only (ranked after equal
        # scores of primary names); filled for the rows scoring at or above the floor.
        self.secondary: set[int] = set()
        self._floor = floor
        self._memo: dict[int, int] = {}  # id of an interned name -> its score (general case)
        # Score of a name's shape (general case): names alike in every unit that can be a good
        # partner, and in the layout of the others, score alike (see _shape).
        self._shapes: dict[tuple, int] = {}
        # Unit id -> its part of a shape: the id when the unit has a good pair, else only its
        # layout (mask, flags) (general case).
        self._shape_parts: dict[int, int | tuple[int, int]] = {}
        self._entries: dict[int, list] = {}  # unit id -> its candidate pairs (general case)
        self._seen: set[int] = set()  # units already looked at (general case)
        self._good: set[int] = set()  # of those, the possible good partners (general case)
        self._good_for: dict[int, set[int]] = {}  # the same, by query unit index with a filter
        if not self.empty and not self.single:
            units, _, qflags, _ = analysis
            plain = sum(1 << i for i, flags in enumerate(qflags) if not flags & PARTICLE)
            # Units of particles only get filters of their own: their good partners never make
            # a row relevant, but filtering them spares scoring every unit of a row against
            # "al" (_has_good_pair).
            self._filters: list[tuple[int, GoodPairFilter]] = []
            self._particle_filters: list[tuple[int, GoodPairFilter]] = []
            for index, u in enumerate(units):
                chosen = self._filters if u[U_MASK] & plain else self._particle_filters
                chosen.append((index, GoodPairFilter(u)))
            self._particle_good: dict[int, set[int]] = {i: set() for i, _ in self._particle_filters}
        if self.single:
            self._init_one_part(analysis, table)

    def score(self, row: int) -> int:
        """match_name(query, table.held(row)).score if that reaches the floor, else less."""
        return self.score_rows([row])[0]

    def score_rows(self, rows: list[int]) -> list[int]:
        """score() of each row; a batch shares the pair scoring of its units."""
        if self.empty:
            return [0] * len(rows)
        if self.single:
            return self._score_one_part(rows)
        if not self._bounded:
            return [self._general(row) for row in rows]
        # A row none of whose names has a unit that may be a good partner scores at most
        # PARTICLES_ONLY (score_pairs), below the floor. Most candidates of a name with a
        # particle are such rows (thousands of AL-... names), so they are told apart in C.
        unrelated = self._good_units(rows).isdisjoint
        table_rows = self.table.rows
        return [
            0 if all(map(unrelated, map(_UNIT_IDS, table_rows[row]))) else self._bounded_row(row)
            for row in rows
        ]

    def _best(self, row: int, scores: list[int]) -> int:
        """The best of a row's name scores; notes the row when no primary name reaches it."""
        if not scores:
            return 0
        best = max(scores)
        if best >= self._floor and not any(
            score == best and name[N_KIND] == "primary"
            for score, name in zip(scores, self.table.rows[row], strict=True)
        ):
            self.secondary.add(row)
        return best

    def _general(self, row: int) -> int:
        return self._best(row, [self._general_score(name) for name in self.table.rows[row]])

    def _bounded_row(self, row: int) -> int:
        """_general(row) of a row with a unit that may be a good partner (see score_rows)."""
        good = self._good
        return self._best(
            row,
            [
                0 if good.isdisjoint(name[0]) else self._general_score(name)
                for name in self.table.rows[row]
            ],
        )

    def _general_score(self, name: InternedName) -> int:
        """The score of one name (general case), through the memo and the shapes seen."""
        found = self._memo.get(id(name))  # names are interned: equal names are one object
        if found is None:
            shape = self._shape(name)
            found = self._shapes.get(shape)
            if found is None:
                found, shared = self._general_name(name)
                if shared:
                    self._shapes[shape] = found
            self._memo[id(name)] = found
        return found

    def _shape(self, name: InternedName) -> tuple:
        """What a name's score can depend on when every chosen pair is good: the units that
        can be good partners, by position, and the layout (mask, flags) of all units.
        Thousands of AL-DABBAGH notices with other given names share one shape."""
        parts = self._shape_parts
        for uid in name[0]:
            if uid not in parts:
                unit = self.table.units[uid]
                parts[uid] = uid if self._has_good_pair(uid) else (unit[U_MASK], unit[U_FLAGS])
        return tuple(map(parts.__getitem__, name[0])), tuple(name[1])

    def _has_good_pair(self, uid: int) -> bool:
        """Whether some query unit pairs with the unit at GOOD_PAIR or above. Bounded, the
        prefilter has seen every unit scored: one it let through for no plain query unit can
        only pair well with a particle of the query, and only if that particle's own filter
        let it through, so only those pairs are scored (a common family name's candidates
        hold thousands of such units, and an "al" of the query meets all of them)."""
        if not self._bounded or uid in self._good:
            return any(-entry[0] >= GOOD_PAIR for entry in self._unit_entries(uid))
        unit = self.table.units[uid]
        return any(
            uid in good and self._pair(qi, uid, unit)[0] >= GOOD_PAIR
            for qi, good in self._particle_good.items()
        )

    def _general_name(self, name: InternedName) -> tuple[int, bool]:
        """best_name() of one name, with its candidate pairs listed from per-unit entries, and
        whether its shape's other names score the same: true unless a leftover (a pair below
        GOOD_PAIR, whose partner is one of the units the shape leaves out) was chosen."""
        uids, nflags = name[0], name[1]
        units = self.table.units
        candidates = []
        for ni, uid in enumerate(uids):
            found = self._unit_entries(uid)
            candidates += [(negative, size, qi, ni, reason) for negative, size, qi, reason in found]
        candidates.sort()
        query_units, weights, qflags, qroles = self.analysis
        name_units = tuple(units[uid] for uid in uids)
        pairs = choose_pairs(candidates, query_units, qflags, name_units, nflags)
        shared = all(pair[0] >= GOOD_PAIR for pair in pairs)
        return score_pairs(pairs, (weights, qflags, qroles), nflags), shared

    def _unit_entries(self, uid: int) -> list[tuple]:
        """_entries_of the unit, computed once per query."""
        found = self._entries.get(uid)
        if found is None:
            found = self._entries[uid] = self._entries_of(uid)
        return found

    def _entries_of(self, uid: int) -> list[tuple]:
        """The pairs of one name unit that matching._candidate_pairs lists, minus the unit's
        position: (-score, -size, query unit index, reason). Pairs below GOOD_PAIR that
        involve a particle are left out too: align() never uses them."""
        found = []
        unit = self.table.units[uid]
        spare_unit = not unit[U_FLAGS] & (JOINED | PARTICLE)  # may be a leftover's partner
        for qi, q in enumerate(self.analysis[0]):
            result = self._pair(qi, uid, unit)
            if result[0] >= GOOD_PAIR or (spare_unit and not q[U_FLAGS] & (JOINED | PARTICLE)):
                found.append((-result[0], -q[U_MASK].bit_count(), qi, result[1]))
        return found

    def _pair(self, qi: int, uid: int, unit: tuple) -> tuple[int, str]:
        """pair_score of query unit qi and the unit, through the query's cache of pair scores."""
        key = (qi, unit[U_KEY])
        result = self.cache.get(key)
        if result is None:
            q = self.analysis[0][qi]
            good = self._good_for.get(qi)
            if good is not None and uid not in good and (q[U_FLAGS] | unit[U_FLAGS]) & JOINED:
                # The prefilter found this pair below GOOD_PAIR, and a pair with a joined side
                # is only compared with GOOD_PAIR (in _entries_of and in matching's
                # _candidate_pairs, which reads the same cache): its full score is not needed.
                result = _BELOW_GOOD
            else:
                result = pair_score(q, unit)
            self.cache[key] = result
        return result

    def _good_units(self, rows: list[int]) -> set[int]:
        """Units of these rows that may be good partners of a query unit covering a part that
        is not a particle (general case, bounded)."""
        names = chain.from_iterable(map(self.table.rows.__getitem__, rows))
        fresh = set(chain.from_iterable(map(_UNIT_IDS, names)))
        fresh.difference_update(self._seen)
        self._seen.update(fresh)
        batch = UnitBatch(fresh, self.table.features())
        for index, query_filter in self._filters:
            good = query_filter.select_batch(batch)
            self._good.update(good)
            self._good_for.setdefault(index, set()).update(good)
        for index, query_filter in self._particle_filters:
            self._particle_good[index].update(query_filter.select_batch(batch))
        return self._good
