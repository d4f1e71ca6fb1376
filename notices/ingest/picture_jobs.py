"""Picture processing for a load: inline for a few, in worker processes for many."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path

from notices.ingest.picture_store import remove_files, store_picture
from notices.ingest.pictures import process_picture

# Below this many pictures a load does them inline: starting workers would cost more.
INLINE_PICTURES = 64
COLUMNS = ("sha256", "thumb_sha256", "width", "height")  # what a Picture row stores
BATCH_PICTURES = 16  # pictures per task of a worker


def process_and_store(raw: bytes, media_dir: str, limits: dict, store: bool) -> dict:
    """Decode, re-encode and (unless a dry run) store one picture: its Picture columns, and
    under "created" the files it wrote. Raises PictureError, or StorageError."""
    picture = process_picture(raw, **limits)
    created = store_picture(media_dir, picture) if store else []
    return {
        "sha256": picture.sha256,
        "thumb_sha256": picture.thumb_sha256,
        "width": picture.width,
        "height": picture.height,
        "created": created,
    }


def process_batch(raws: list[bytes], media_dir: str, limits: dict, store: bool) -> list:
    """process_and_store of each picture in a worker: its result, or the exception it raised
    (one bad picture is that picture's rejection, not its batch's)."""
    found: list = []
    for raw in raws:
        try:
            found.append(process_and_store(raw, media_dir, limits, store))
        except Exception as error:  # noqa: BLE001 - handed to that picture's future
            found.append(error)
    return found


class PicturePipeline:
    """Runs process_and_store, spreading the work over worker processes once a load has many
    pictures (decoding and re-encoding them was half the time of a 100k-notice load). Pictures
    go to the workers BATCH_PICTURES at a time: one task per picture woke the pool's own
    thread in this process for every result, and each wake-up took the interpreter lock from
    the load's thread, which reads files between its system calls (see flush())."""

    def __init__(self, media_dir: Path, limits: dict, store: bool, workers: int = 2):
        self.args = (str(media_dir), dict(limits), store)
        self.workers = workers
        self.submitted = 0
        self.pool: ProcessPoolExecutor | None = None
        self.created: list[str] = []  # files this load wrote, removed again if it fails
        self._batch: list[tuple[bytes, Future]] = []  # waiting to go to a worker

    def submit(self, raw: bytes) -> Future:
        """The future of one picture's processing. Past INLINE_PICTURES it waits in a batch:
        call flush() before waiting for it."""
        self.submitted += 1
        future: Future = Future()
        future.add_done_callback(self._collect)
        if self.submitted > INLINE_PICTURES and self.workers > 1:
            self._batch.append((raw, future))
            if len(self._batch) >= BATCH_PICTURES:
                self.flush()
            return future
        try:
            future.set_result(process_and_store(raw, *self.args))
        except Exception as error:  # noqa: BLE001 - the caller reports it per picture
            future.set_exception(error)
        return future

    def flush(self) -> None:
        """Send the pictures still waiting in a batch to the workers."""
        if not self._batch:
            return
        raws, futures = zip(*self._batch, strict=True)
        self._batch = []
        task = self._pool().submit(process_batch, list(raws), *self.args)
        task.add_done_callback(partial(_settle, futures))

    def _collect(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self.created.extend(future.result()["created"])

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            # forkserver: never fork a process that may hold threads or open database handles.
            context = multiprocessing.get_context("forkserver")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        for _, future in self._batch:  # never sent: the load stopped before needing them
            future.cancel()
        self._batch = []

    def discard(self) -> None:
        """After a failed load: remove the files it wrote (no committed row refers to them;
        loads are serialised, so no other load can have come to need them meanwhile)."""
        self.close()
        remove_files(self.created)
        self.created = []


def _settle(futures: Sequence[Future], task: Future) -> None:
    """Hand a batch task's outcome to its pictures' futures."""
    if task.cancelled():
        for future in futures:
            future.cancel()
        return
    error = task.exception()
    results = [error] * len(futures) if error is not None else task.result()
    for future, result in zip(futures, results, strict=True):
        if isinstance(result, BaseException):
            future.set_exception(result)
        else:
            future.set_result(result)
