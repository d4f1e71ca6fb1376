"""Re-scoring: align the query's parts to a name's parts and turn the pairs into 0-100."""

from __future__ import annotations

from .bands import (
    ACCEPTED_SPELLING,
    FORENAME_ONLY,
    INITIALS_ONLY,
    PARTICLES_ONLY,
    PATRONYMIC_REVERSED,
    SHORT_ONLY,
    UNPROVEN_PART_CEILING,
)
from .parts import INITIAL, PARTICLE, PATRONYMIC, ROLE_ANY, ROLE_FAMILY, ROLE_FORENAME, SHORT
from .similarity import GENDER, GOOD_PAIR_SCORE, MISMATCH, pair_score
from .units import FAMILY_FACTOR, JOINED, U_FLAGS, U_KEY, U_MASK, U_ROLE

GOOD_PAIR = GOOD_PAIR_SCORE  # below: not a match, only the least bad partner of a part
WORST_MARGIN = 10  # the score stays within this of the weakest matched part (Ali vs Alina)
EXTRA_PART_COST, EXTRA_PART_MAX = 2, 6  # name parts the query did not mention
ROLE_SWAP_COST, ROLE_SWAP_MAX = 2, 4  # forename given as family name or the other way round
MISSING_FACTOR = 1.2  # a query part with no partner at all, role unknown

# A pair chosen by the aligner: (score, reason, query unit, name unit).
Pair = tuple[int, str, tuple, tuple]


def _candidate_pairs(query_units: tuple, name_units: tuple, cache: dict) -> list:
    """(-score, -size, query unit index, name unit index, reason), best first; pairs that can
    neither match nor stand as a mismatch of two single parts are left out. (NameScorer lists
    the same pairs its own way, and relies on this reading a pair with a joined side only to
    compare it with GOOD_PAIR.)"""
    pairs = []
    for qi, q in enumerate(query_units):
        single = not q[U_FLAGS] & JOINED
        size = -q[U_MASK].bit_count()  # on equal scores, prefer covering more query parts
        for ni, n in enumerate(name_units):
            key = (qi, n[U_KEY])
            result = cache.get(key)
            if result is None:
                result = cache[key] = pair_score(q, n)
            if result[0] >= GOOD_PAIR or (single and not n[U_FLAGS] & JOINED):
                pairs.append((-result[0], size, qi, ni, result[1]))
    pairs.sort()
    return pairs


def align(
    query_units: tuple, qflags: tuple, name_units: tuple, nflags: tuple, cache: dict
) -> list[Pair]:
    """Best pairs, each part used once: good pairs greedily by score, then every leftover
    query part with the least bad leftover name part (a mismatch, unless it is a particle)."""
    return choose_pairs(
        _candidate_pairs(query_units, name_units, cache), query_units, qflags, name_units, nflags
    )


def choose_pairs(
    candidates: list, query_units: tuple, qflags: tuple, name_units: tuple, nflags: tuple
) -> list[Pair]:
    """align() on candidate pairs already listed and sorted as _candidate_pairs does."""
    chosen: list[Pair] = []
    used_q = used_n = 0
    leftovers = []
    for negative, _, qi, ni, reason in candidates:
        q, n = query_units[qi], name_units[ni]
        if q[U_MASK] & used_q or n[U_MASK] & used_n:
            continue
        if -negative >= GOOD_PAIR:
            chosen.append((-negative, reason, q, n))
            used_q |= q[U_MASK]
            used_n |= n[U_MASK]
        elif not qflags[qi] & PARTICLE and not nflags[ni] & PARTICLE:
            leftovers.append((-negative, reason, q, n))  # singles: unit index = part index
    for score, reason, q, n in leftovers:  # already sorted best first
        if not (q[U_MASK] & used_q or n[U_MASK] & used_n):
            # particles are never required: a missing one is no contradiction
            chosen.append((score, reason if reason == GENDER else MISMATCH, q, n))
            used_q |= q[U_MASK]
            used_n |= n[U_MASK]
    return chosen


def _ceiling(evidence_flags: list[int], evidence_roles: list[int] = ()) -> int:
    """Short tokens alone, or forenames alone, never make a strong match."""
    if not evidence_flags:
        return PARTICLES_ONLY
    if all(role == ROLE_FORENAME for role in evidence_roles) and evidence_roles:
        return min(FORENAME_ONLY, _ceiling(evidence_flags))
    if all(f & INITIAL for f in evidence_flags):
        return INITIALS_ONLY
    if all(f & SHORT for f in evidence_flags):
        return SHORT_ONLY
    return 100


def score_pairs(pairs: list[Pair], qinfo: tuple, nflags: tuple) -> int:
    """0-100 from the chosen pairs: weighted mean over the query parts, minus small costs for
    extra name parts and swapped roles, capped by the weakest matched part."""
    qweights, qflags, qroles = qinfo
    part_score: dict[int, tuple[int, int]] = {}  # query part -> (score, name role)
    used_n = role_swaps = 0
    particle: dict[int, int] = {}  # query part -> 1 when its partner is a name's particle
    for score, _, q, n in pairs:
        used_n |= n[U_MASK]
        if n[U_FLAGS] & PARTICLE and not n[U_FLAGS] & JOINED:
            particle.update((i, 1) for i in range(q[U_MASK].bit_length()) if q[U_MASK] >> i & 1)
        mask, i, role = q[U_MASK], 0, n[U_ROLE]
        while mask:
            if mask & 1:
                part_score[i] = (score, role)
                role_swaps += bool(qroles[i] and role and qroles[i] != role)
            mask >>= 1
            i += 1
    total = weighted = 0.0
    worst, evidence, roles = 100, [], []
    for i, weight in enumerate(qweights):
        if i not in part_score and qflags[i] & PARTICLE:
            continue  # particles are never required
        score, role = part_score.get(i, (0, ROLE_ANY))
        if qroles[i] == ROLE_ANY:
            weight *= (
                FAMILY_FACTOR if role == ROLE_FAMILY else 1.0 if i in part_score else MISSING_FACTOR
            )
        total += weight
        weighted += weight * score
        if i in part_score and not qflags[i] & PARTICLE:
            worst = min(worst, score)
            if score >= GOOD_PAIR and not particle.get(i):
                evidence.append(qflags[i])
                roles.append(role)
    extra = sum(1 for i, f in enumerate(nflags) if not used_n >> i & 1 and not f & PARTICLE)
    result = weighted / total if total else 0.0
    result -= min(extra * EXTRA_PART_COST, EXTRA_PART_MAX)
    result -= min(role_swaps * ROLE_SWAP_COST, ROLE_SWAP_MAX)
    result = min(result, worst + WORST_MARGIN, _ceiling(evidence, roles))
    if worst < ACCEPTED_SPELLING:
        result = min(result, UNPROVEN_PART_CEILING)
    if _patronymic_reversed(pairs, qflags, nflags):
        result = min(result, PATRONYMIC_REVERSED)
    return max(0, min(100, int(round(result))))


def _patronymic_reversed(pairs: list[Pair], qflags: tuple, nflags: tuple) -> bool:
    """True when the names on both sides of a "bin"/"ibn"/"ould" (in the query or in the
    name) matched parts that stand the other way round on the other side."""
    if not any(f & PATRONYMIC for f in qflags) and not any(f & PATRONYMIC for f in nflags):
        return False
    partner: dict[int, int] = {}  # query part -> name part, of pairs that match
    for score, _, q, n in pairs:
        # A unit joined with its particle ("bin rashid") stands for its one other part.
        q_part, n_part = _lone_part(q[U_MASK], qflags), _lone_part(n[U_MASK], nflags)
        if score >= GOOD_PAIR and q_part is not None and n_part is not None:
            partner[q_part] = n_part
    back = {name: query for query, name in partner.items()}
    for flags, mapping in ((qflags, partner), (nflags, back)):
        for i, f in enumerate(flags):
            if f & PATRONYMIC:
                child, parent = mapping.get(i - 1), mapping.get(i + 1)
                if child is not None and parent is not None and child > parent:
                    return True
    return False


def best_name(
    query_analysis: tuple, prepared: tuple, cache: dict
) -> tuple[int, list[Pair], tuple[str, str] | None]:
    """Score, pairs and (text, kind) of the best-matching name of a notice (aliases, original
    script); the first of equal scores wins (prepared names come primary first)."""
    units, weights, qflags, qroles = query_analysis
    best: tuple[int, list[Pair], tuple[str, str] | None] = (0, [], None)
    found = False
    for name_units, nflags, *about in prepared:
        pairs = align(units, qflags, name_units, nflags, cache)
        score = score_pairs(pairs, (weights, qflags, qroles), nflags)
        if not found or score > best[0]:
            # Prepared names of indexes built before kinds existed have no (kind, text).
            named = (about[1], about[0]) if about else None
            best, found = (score, pairs, named), True
    return best


def _lone_part(mask: int, flags: tuple) -> int | None:
    """The one part of a unit that is not a particle, or None when it has several."""
    parts = [i for i in range(mask.bit_length()) if mask >> i & 1 and not flags[i] & PARTICLE]
    return parts[0] if len(parts) == 1 else None
