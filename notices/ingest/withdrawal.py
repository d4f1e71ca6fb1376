"""Which notices a full load withdraws, and the mass-withdrawal guard applied per kind."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field


@dataclass
class WithdrawalPlan:
    """The active notices of the covered kinds that the source lacks, counted per kind."""

    absent: list[str] = field(default_factory=list)  # entity ids, sorted
    active_by_kind: dict[str, int] = field(default_factory=dict)
    absent_by_kind: dict[str, int] = field(default_factory=dict)

    def excessive(self, share: float) -> str | None:
        """Why this plan withdraws too much, or None. Each kind is judged on its own (a source
        missing nearly all of one small kind must not hide behind the other kinds), and the
        covered kinds together."""
        reasons = [
            f"{self.absent_by_kind[kind]} of {active} active {kind} notices"
            for kind, active in self.active_by_kind.items()
            if active and self.absent_by_kind.get(kind, 0) / active > share
        ]
        total = sum(self.active_by_kind.values())
        if total and len(self.absent) / total > share and not reasons:
            reasons.append(f"{len(self.absent)} of {total} active notices")
        return "; ".join(reasons) or None


def plan(state: Mapping, seen: Collection[str], covered: Collection[str]) -> WithdrawalPlan:
    """`state`: entity id -> StoredState before the load; `seen`: ids the source named."""
    result = WithdrawalPlan(active_by_kind={kind: 0 for kind in covered})
    for entity_id, stored in state.items():
        if not stored.active or stored.kind not in result.active_by_kind:
            continue
        result.active_by_kind[stored.kind] += 1
        if entity_id not in seen:
            result.absent.append(entity_id)
            result.absent_by_kind[stored.kind] = result.absent_by_kind.get(stored.kind, 0) + 1
    result.absent.sort()
    return result
