"""Writes of a load waiting for their pictures: queued, resolved in batches, then written.

Pictures new to us are decoded in worker processes while the load reads on; a batch of writes
waits for its pictures only when it is written, a batch after it was queued, so decoding and
reading overlap."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from notices.ingest.picture_jobs import COLUMNS
from notices.ingest.picture_store import StorageError
from notices.ingest.pictures import PictureError
from notices.ingest.record import NoticeRecord, PictureSource, Rejection
from notices.ingest.report import LoadAborted
from notices.ingest.store import BatchWriter, PendingWrite


@dataclass
class PendingPicture:
    """One picture of a queued write: stored columns we already have, or the source picture
    and the future of its processing."""

    picture_id: str
    columns: dict | None = None
    source: PictureSource | None = None
    future: Future | None = None


@dataclass
class QueuedWrite:
    """A record to write once its pictures are done."""

    record: NoticeRecord
    content_hash: str
    existing_id: int | None  # None: insert
    pictures: list[PendingPicture] = field(default_factory=list)


class WriteQueue:
    """Collects queued writes and writes them in batches; returns the pictures it had to
    leave out as rejections."""

    def __init__(
        self,
        writer: BatchWriter,
        batch_size: int = 1000,
        before_wait: Callable[[], None] | None = None,
    ) -> None:
        self.writer = writer
        self.batch_size = batch_size
        self.queued: list[QueuedWrite] = []
        # Called before waiting for pictures: sends the pipeline's unsent batch to the workers.
        self.before_wait = before_wait

    def add(self, write: QueuedWrite) -> list[Rejection]:
        """Queue a write; once two batches wait, writes the older one (and returns its
        rejections). Its pictures went to the workers a batch ago and are done by now: writing
        the batch just queued made the load wait for the pictures it had only just sent."""
        self.queued.append(write)
        if len(self.queued) < 2 * self.batch_size:
            return []
        older, self.queued = self.queued[: self.batch_size], self.queued[self.batch_size :]
        return self._write(older)

    def flush(self) -> list[Rejection]:
        """Wait for every queued write's pictures and write them all."""
        writes, self.queued = self.queued, []
        return self._write(writes)

    def _write(self, writes: list[QueuedWrite]) -> list[Rejection]:
        rejections: list[Rejection] = []
        if self.before_wait is not None:
            self.before_wait()  # a picture of these writes may still wait in an unsent batch
        resolved = [self._resolved(write, rejections) for write in writes]
        self.writer.write(resolved)
        return rejections

    @staticmethod
    def _resolved(write: QueuedWrite, rejections: list[Rejection]) -> PendingWrite:
        pictures = []
        for picture in write.pictures:
            columns = picture.columns
            if picture.future is not None:
                try:
                    result = picture.future.result()
                except StorageError as error:  # the media directory, not the picture, failed
                    raise LoadAborted(f"{error}; nothing was changed") from None
                except (PictureError, OSError) as error:
                    rejections.append(picture_rejection(write.record.entity_id, picture, error))
                    continue
                columns = {column: result[column] for column in COLUMNS}
            pictures.append((picture.picture_id, columns))
        return PendingWrite(write.record, write.content_hash, pictures, write.existing_id)


def picture_rejection(entity_id: str, picture: PendingPicture, error: Exception) -> Rejection:
    """Why one picture of a notice was left out."""
    origin = picture.source.origin if picture.source is not None else entity_id
    return Rejection(origin, "$", f"picture {picture.picture_id}: {error}", entity_id)
