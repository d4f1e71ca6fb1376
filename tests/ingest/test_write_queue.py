"""The load's write queue: a batch is written a batch after it was queued, all at the end."""

from __future__ import annotations

from concurrent.futures import Future

from notices.ingest.record import NoticeRecord, PictureSource
from notices.ingest.write_queue import PendingPicture, QueuedWrite, WriteQueue


class RecordingWriter:
    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def write(self, writes) -> None:
        self.batches.append([(w.record.entity_id, w.pictures) for w in writes])


def queued(number: int, future: Future | None = None) -> QueuedWrite:
    record = NoticeRecord(entity_id=f"2024/{number:05d}", kind="red")
    write = QueuedWrite(record, f"hash-{number}", None)
    if future is not None:
        source = PictureSource("1", f"red/2024-{number:05d}/images/1.jpg", lambda: b"")
        write.pictures = [PendingPicture("1", source=source, future=future)]
    return write


class NotToBeAwaited(Future):
    """A picture still being processed: waiting for it now would hold the whole load."""

    def result(self, timeout=None):
        assert self.done(), "the load waited for a picture it had only just submitted"
        return super().result(timeout)


def done(columns: dict) -> Future:
    future: Future = Future()
    future.set_result({**columns, "created": []})
    return future


COLUMNS = {"sha256": "a" * 64, "thumb_sha256": "b" * 64, "width": 240, "height": 300}


def test_a_full_batch_waits_until_the_next_one_is_queued_and_the_rest_until_flush():
    writer, flushed = RecordingWriter(), []
    queue = WriteQueue(writer, batch_size=2, before_wait=lambda: flushed.append(True))
    # The newest notice's picture is still being processed: writing must not wait for it.
    pending = NotToBeAwaited()
    writes = [queued(1, done(COLUMNS)), queued(2), queued(3), queued(4, pending)]

    for write in writes:
        assert queue.add(write) == []

    assert writer.batches == [[("2024/00001", [("1", COLUMNS)]), ("2024/00002", [])]]
    pending.set_result({**COLUMNS, "width": 120, "created": []})
    assert queue.flush() == []
    assert writer.batches[1] == [
        ("2024/00003", []),
        ("2024/00004", [("1", {**COLUMNS, "width": 120})]),
    ]
    assert flushed == [True, True]  # unsent pictures go to the workers before each wait
