"""What a load did: counts, rejections, the ids the index must follow, and the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

from notices.ingest.record import Rejection

EXIT_OK = 0
EXIT_FAILED = 1  # nothing was loaded: unreadable source, aborted, refused
EXIT_SOME_REJECTED = 3  # some records were rejected, the valid ones were kept
EXIT_INDEX_BEHIND = 4  # the load was saved, but the search index could not follow it

# LoadRun.status values; "running" until the load ends, "interrupted" when it never did.
STATUS_RUNNING = "running"
STATUS_SUCCEEDED = "succeeded"
STATUS_PARTLY_REJECTED = "partly rejected"  # the valid records were loaded
STATUS_FAILED = "failed"  # nothing was changed
STATUS_REFUSED = "refused"  # nothing was changed: the mass-withdrawal guard stopped it
STATUS_INTERRUPTED = "interrupted"  # the process ended before the load committed
# Loads whose changes were saved (e.g. which load's data the site now shows).
COMMITTED_STATUSES = (STATUS_SUCCEEDED, STATUS_PARTLY_REJECTED)


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
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old kind, new kind)
    rejections: list[Rejection] = field(default_factory=list)
    failure: str | None = None  # set when nothing was loaded
    index_failure: str | None = None  # set when the load committed but the index lags behind
    load_run_id: int | None = None
    demo: bool = False
    index_repair: object | None = None  # the drift an earlier load left, repaired first
    refused: bool = False  # a full load stopped by the mass-withdrawal guard

    @property
    def committed(self) -> bool:
        """True when the load wrote to the database."""
        return self.failure is None and not self.dry_run

    def changes(self) -> dict[str, list[str]]:
        """The entity ids this load added, changed and withdrew (what the journal records)."""
        return {"added": self.added, "changed": self.changed, "withdrawn": self.withdrawn}

    @property
    def valid_records(self) -> int:
        return len(self.added) + len(self.changed) + self.unchanged

    @property
    def rejected_records(self) -> int:
        """Distinct inputs rejected (a record with three bad fields counts once)."""
        return len({(r.source, r.entity_id) for r in self.rejections})

    def summary_line(self) -> str:
        """The one line cron jobs and people read; its format is part of the interface."""
        if self.refused:
            return (
                f"nothing was changed: would add {len(self.added)}, would change "
                f"{len(self.changed)}, unchanged {self.unchanged}, would withdraw "
                f"{len(self.withdrawn)}, rejected {self.rejected_records}"
            )
        if self.failure is not None:
            return (
                "nothing was changed: added 0, changed 0, unchanged 0, withdrawn 0, "
                f"rejected {self.rejected_records}"
            )
        return (
            f"added {len(self.added)}, changed {len(self.changed)}, unchanged {self.unchanged}, "
            f"withdrawn {len(self.withdrawn)}, rejected {self.rejected_records}"
        )

    def status(self) -> str:
        """What the load record says: succeeded, partly rejected, failed or refused."""
        if self.refused:
            return STATUS_REFUSED
        code = self.exit_code()
        if code == EXIT_FAILED:
            return STATUS_FAILED
        return STATUS_PARTLY_REJECTED if self.rejections else STATUS_SUCCEEDED

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
