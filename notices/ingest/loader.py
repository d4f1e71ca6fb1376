"""Run one load: read a source, normalise, upsert in one transaction, withdraw, record it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from notices import journal
from notices.domain import KINDS
from notices.ingest import records, store, withdrawal
from notices.ingest.memo import IngestMemo
from notices.ingest.normalize import normalize_document
from notices.ingest.picture_jobs import PicturePipeline
from notices.ingest.record import NoticeRecord, Rejection
from notices.ingest.report import LoadAborted, LoadReport
from notices.ingest.sources import ReadError, Source, SourceError, SourceItem
from notices.ingest.write_queue import (
    PendingPicture,
    QueuedWrite,
    WriteQueue,
    picture_rejection,
)
from notices.media import file_name, stored_file_names


@dataclass
class LoadOptions:
    """How to load: mode, kinds, safety switches and picture limits."""

    media_dir: Path
    mode: str = "partial"  # full | partial
    kinds: tuple[str, ...] = ()  # empty: every kind the source has
    dry_run: bool = False
    allow_mass_withdrawal: bool = False
    mass_withdrawal_share: float = 0.2
    picture_limits: dict = field(default_factory=dict)  # keyword arguments of process_picture
    memo: IngestMemo | None = None  # the last loads' inputs: unchanged ones skip normalising


def run_load(
    sessions: sessionmaker[Session],
    source: Source,
    options: LoadOptions,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load `source`; on any failure the database keeps exactly the notices it had before."""
    report = LoadReport(
        source=source.description, mode=options.mode, dry_run=options.dry_run, demo=source.demo
    )
    try:
        if not options.dry_run:
            report.load_run_id = records.start_load_run(sessions, report)
        _run_in_transaction(sessions, source, options, report, progress)
    except LoadAborted as aborted:
        report.failure = str(aborted)
    except (OperationalError, OSError) as error:
        # The machine's fault (database gone or full, disk full): the transaction rolled back,
        # and an operator needs to hear that, not a traceback. Recording it may fail likewise.
        report.failure = environment_failure(error)
        with contextlib.suppress(OperationalError):
            records.record_failure(sessions, report)
        return report
    except Exception as error:  # noqa: BLE001 - any failure must be recorded, then re-raised
        report.failure = f"load failed: {error}"
        records.record_failure(sessions, report)
        raise
    if report.failure is not None:
        records.record_failure(sessions, report)
    return report


def _run_in_transaction(
    sessions: sessionmaker[Session],
    source: Source,
    options: LoadOptions,
    report: LoadReport,
    progress: Callable[[int], None] | None,
) -> None:
    """The load's one transaction; pictures it stored go again if it does not commit."""
    load = None
    try:
        with sessions() as session, session.begin() as tx:
            load = _Load(session, source, options, report, progress)
            load.run()
            if options.dry_run:
                tx.rollback()
            else:
                records.finish_load_run(session, report)
                journal.record(session, report.load_run_id, report.changes(), load.now)
    except BaseException:
        if load is not None:
            load.pictures.discard()
        raise


DATABASE_BUSY = (
    "the database stayed locked by another load (or a schema upgrade); nothing was "
    "loaded: run this load again when the other one has finished"
)


def environment_failure(error: Exception) -> str:
    """One line on a database or file system error; nothing was written."""
    if isinstance(error, OperationalError):
        if "database is locked" in str(error.orig):
            return DATABASE_BUSY  # SQLite: another writer held it past the busy timeout
        reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else ""
        return f"the database failed during the load ({reason}); nothing was changed"
    return f"load failed: {error}; nothing was changed"


class _Load:
    """The body of one load, inside the load's transaction."""

    def __init__(
        self,
        session: Session,
        source: Source,
        options: LoadOptions,
        report: LoadReport,
        progress: Callable[[int], None] | None,
    ):
        self.session = session
        self.source = source
        self.options = options
        self.report = report
        self.progress = progress or (lambda n: None)
        self.now = records.utcnow()
        store.lock_for_load(session, report.load_run_id)
        self.state = store.snapshot(session)
        self.stored_pictures = store.picture_hashes(session)
        self.media_files: set[str] | None = None
        self.seen: dict[str, tuple[str, str]] = {}  # entity id -> (content hash, origin)
        self.kinds_seen: set[str] = set()
        self.pictures = PicturePipeline(
            options.media_dir, options.picture_limits, store=not options.dry_run
        )
        self.writes = WriteQueue(
            store.BatchWriter(session, report.load_run_id, self.now),
            before_wait=self.pictures.flush,
        )

    def run(self) -> None:
        try:
            self._read_all()
        except SourceError as error:  # the source as a whole failed midway (budget used up)
            raise LoadAborted(f"{error}; nothing was changed") from None
        finally:
            self.pictures.close()
        self.report.kinds = self._covered_kinds()
        if self.options.mode == "full":
            if self.source.complete:
                self._withdraw_absent()
            else:
                self.report.rejections.append(
                    Rejection(
                        self.source.description,
                        "$",
                        "part of the source could not be read, so this full load withdrew nothing",
                    )
                )

    def _read_all(self) -> None:
        for item in self.source:
            self.progress(1)
            if item.rejection is not None:
                self._reject([item.rejection], item.entity_id_hint)
                continue
            if self._same_input(item):
                continue
            try:
                document = item.parsed()
            except ReadError as error:  # deferred, and the parse limits changed since
                hint = item.entity_id_hint
                self._reject([Rejection(item.origin, "$", str(error), hint)], hint)
                continue
            record, rejections = normalize_document(
                document, origin=item.origin, kind=item.kind, pictures=item.pictures
            )
            if record is not None and item.entity_id_hint not in (None, record.entity_id):
                # A file named for one notice holding another could replace that one.
                record, rejections = (
                    None,
                    [
                        Rejection(
                            item.origin,
                            "$.entity_id",
                            f"the document is notice {record.entity_id}, but its file name or link "
                            f"names {item.entity_id_hint}",
                            item.entity_id_hint,
                        )
                    ],
                )
            if record is None:
                self._reject(rejections, item.entity_id_hint)
            elif not self.options.kinds or record.kind in self.options.kinds:
                self._accept(record, item, None if rejections else item.input_digest)
        self.report.rejections.extend(self.writes.flush())

    def _reject(self, rejections: list[Rejection], hint: str | None) -> None:
        for rejection in rejections:
            entity_id = rejection.entity_id or hint
            if entity_id and entity_id not in self.seen:
                self.seen[entity_id] = ("", rejection.source)  # keep: never withdraw it
            self.report.rejections.append(rejection)

    def _same_input(self, item: SourceItem) -> bool:
        """An active notice whose source bytes are those that made its stored content (the
        memo says so) is unchanged, without normalising them again."""
        memo, entity_id, digest = self.options.memo, item.entity_id_hint, item.input_digest
        if memo is None or digest is None or entity_id is None or entity_id in self.seen:
            return False
        stored = self.state.get(entity_id)
        if stored is None or not stored.active or stored.kind != item.kind:
            return False
        if self.options.kinds and stored.kind not in self.options.kinds:
            return False
        if not memo.knows(entity_id, digest, stored.content_hash):
            return False
        if not self._media_intact(stored.id):
            return False
        self.seen[entity_id] = (stored.content_hash, item.origin)
        self.kinds_seen.add(stored.kind)
        self.report.unchanged += 1
        # A file read this time (changed just before the last load, say) gets its key now.
        memo.learn(entity_id, digest, stored.content_hash, item.file_key)
        return True

    def _accept(self, record: NoticeRecord, item: SourceItem, digest: str | None) -> None:
        content_hash, origin = record.content_hash(), item.origin
        self.kinds_seen.add(record.kind)
        if record.entity_id in self.seen:
            self._duplicate(record, content_hash, origin)
            return
        self.seen[record.entity_id] = (content_hash, origin)
        if digest is not None and self.options.memo is not None:
            self.options.memo.learn(record.entity_id, digest, content_hash, item.file_key)
        stored = self.state.get(record.entity_id)
        if (
            stored
            and stored.active
            and stored.content_hash == content_hash
            and self._media_intact(stored.id)
        ):
            self.report.unchanged += 1
            return
        if stored and stored.kind != record.kind:
            # The publisher's source is authoritative, and an entity id names one notice of
            # any kind (it is unique across kinds): the stored one moves to the new kind.
            self.report.moved.append((record.entity_id, stored.kind, record.kind))
        write = QueuedWrite(record, content_hash, stored.id if stored else None)
        write.pictures = self._pictures(record, stored)
        self.report.rejections.extend(self.writes.add(write))
        target = self.report.changed if stored and stored.active else self.report.added
        target.append(record.entity_id)

    def _duplicate(self, record: NoticeRecord, content_hash: str, origin: str) -> None:
        first_hash, first_origin = self.seen[record.entity_id]
        if first_hash != content_hash:
            self.report.rejections.append(
                Rejection(
                    origin,
                    "$.entity_id",
                    f"duplicate of {record.entity_id} from {first_origin} with different content; "
                    "the first one was kept",
                    record.entity_id,
                )
            )

    def _pictures(
        self, record: NoticeRecord, stored: store.StoredState | None
    ) -> list[PendingPicture]:
        """The record's pictures: stored columns we have (files intact), else processing."""
        known = store.existing_pictures(self.session, stored.id) if stored else {}
        known = {
            pid: columns
            for pid, columns in known.items()
            if self._files_exist((columns["sha256"], columns["thumb_sha256"]))
        }
        pictures = []
        for picture in record.pictures:
            if picture.picture_id in known:
                pictures.append(PendingPicture(picture.picture_id, known[picture.picture_id]))
                continue
            pending = PendingPicture(picture.picture_id, source=picture)
            try:
                raw = picture.read()
            except OSError as error:
                self.report.rejections.append(picture_rejection(record.entity_id, pending, error))
                continue
            pending.future = self.pictures.submit(raw)
            pictures.append(pending)
        return pictures

    def _media_intact(self, notice_id: int) -> bool:
        """A picture the media directory lost (a full disk, a restore) must be stored again,
        so its notice is never "unchanged" while the file is missing."""
        return all(self._files_exist(pair) for pair in self.stored_pictures.get(notice_id, ()))

    def _files_exist(self, hashes: Iterable[str]) -> bool:
        """Whether stored pictures' files are there (listed once, when first asked)."""
        if self.media_files is None:
            self.media_files = stored_file_names(self.options.media_dir)
        return all(file_name(h) in self.media_files for h in hashes)

    def _covered_kinds(self) -> tuple[str, ...]:
        if self.options.kinds:
            return tuple(self.options.kinds)
        present = set(self.source.kinds_present()) | self.kinds_seen
        return tuple(kind for kind in KINDS if kind in present)

    def _withdraw_absent(self) -> None:
        planned = withdrawal.plan(self.state, self.seen, self.report.kinds)
        too_many = planned.excessive(self.options.mass_withdrawal_share)
        self.report.withdrawn = planned.absent
        if too_many and not self.options.allow_mass_withdrawal:
            self.report.refused = True
            raise LoadAborted(
                f"refused: this full load would withdraw {too_many} (more than "
                f"{self.options.mass_withdrawal_share:.0%}); nothing was changed. Check the "
                "source, or confirm with --allow-mass-withdrawal"
            )
        ids = [self.state[entity_id].id for entity_id in planned.absent]
        store.withdraw(self.session, ids, self.now, self.report.load_run_id)
