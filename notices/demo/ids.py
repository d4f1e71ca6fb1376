"""Unique identifiers of the demo data: notice entity ids, UN references, picture ids."""

from __future__ import annotations

import random
from collections import Counter

from notices.demo.codes import FIRST_NOTICE_YEAR, REFERENCE_DATE


class Ids:
    """Hands out identifiers that are unique within one generated extract."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._entity_ids: set[str] = set()
        self._un_numbers: Counter[str] = Counter()
        self._picture = 60_000_000

    def entity_id(self, earliest_year: int = FIRST_NOTICE_YEAR) -> str:
        """A new "YYYY/NNNNN" id of a year from earliest_year on; recent years are likelier."""
        low = min(max(earliest_year, FIRST_NOTICE_YEAR), REFERENCE_DATE.year)
        while True:
            # The later of two draws: notices of recent years outnumber old ones, as in reality.
            year = max(self._rng.randint(low, REFERENCE_DATE.year) for _ in range(2))
            entity_id = f"{year}/{self._rng.randint(1, 99_999):05d}"
            if entity_id not in self._entity_ids:
                self._entity_ids.add(entity_id)
                return entity_id

    def un_reference(self, prefix: str, entity: bool) -> str:
        """A UN sanctions list reference such as "QDi.123" (persons) or "QDe.045" (entities)."""
        key = prefix + ("e" if entity else "i")
        self._un_numbers[key] += 1
        return f"{key}.{self._un_numbers[key]:03d}"

    def picture_id(self) -> str:
        """A new picture id, a digit string as published."""
        self._picture += self._rng.randint(1, 40)
        return str(self._picture)
