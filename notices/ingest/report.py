"""What a load did: counts, rejections, the ids the index must follow, and the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

from notices.ingest.record import Rejection

EXIT_OK = 0
EXIT_FAILED = 1  # nothing was loaded: unreadable source, aborted, refused
EXIT_SOME_REJECTED = 3  # some records were rejected, the valid ones were kept
EXIT_INDEX_BEHIND = 4  # the load was saved, but the search index could not follow it


@dataclass
class LoadReport:
    """The outcome of one load, whether it committed or not."""

    source: str
    mode: str
    dry_run: bool = False
    kinds: tuple[str, ...] = ()
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    withdrawn: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    failure: str | None = None  # set when nothing was loaded
    index_failure: str | None = None  # set when the load committed but the index lags behind
    load_run_id: int | None = None
    demo: bool = False

    @property
    def committed(self) -> bool:
        """True when the load wrote to the database."""
        return self.failure is None and not self.dry_run

    @property
    def valid_records(self) -> int:
        return len(self.added) + len(self.changed) + self.unchanged

    @property
    def rejected_records(self) -> int:
        """Distinct inputs rejected (a record with three bad fields counts once)."""
        return len({(r.source, r.entity_id) for r in self.rejections})

    def summary_line(self) -> str:
        """The one line cron jobs and people read; its format is part of the interface."""
        return (
            f"added {len(self.added)}, changed {len(self.changed)}, unchanged {self.unchanged}, "
            f"withdrawn {len(self.withdrawn)}, rejected {self.rejected_records}"
        )

    def exit_code(self) -> int:
        if self.failure is not None:
            return EXIT_FAILED
        if self.rejections and self.valid_records == 0 and not self.withdrawn:
            return EXIT_FAILED
        if self.index_failure is not None:
            return EXIT_INDEX_BEHIND
        if self.rejections:
            return EXIT_SOME_REJECTED
        return EXIT_OK


class LoadAborted(RuntimeError):
    """The load was stopped before commit; nothing it read was written."""
