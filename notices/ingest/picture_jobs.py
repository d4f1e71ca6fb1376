"""Picture processing for a load: inline for a few, in worker processes for many."""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from notices.ingest.picture_store import remove_files, store_picture
from notices.ingest.pictures import process_picture

# Below this many pictures a load does them inline: starting workers would cost more.
INLINE_PICTURES = 64
COLUMNS = ("sha256", "thumb_sha256", "width", "height")  # what a Picture row stores
# The interpreter's thread switch interval while the workers run (Python's default is 5 ms).
SWITCH_SECONDS = 0.0005


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


class PicturePipeline:
    """Runs process_and_store, spreading the work over worker processes once a load has many
    pictures (decoding and re-encoding them was half the time of a 100k-notice load)."""

    def __init__(self, media_dir: Path, limits: dict, store: bool, workers: int = 2):
        self.args = (str(media_dir), dict(limits), store)
        self.workers = workers
        self.submitted = 0
        self.pool: ProcessPoolExecutor | None = None
        self.created: list[str] = []  # files this load wrote, removed again if it fails
        self._switch_interval: float | None = None  # the interpreter's, while the pool runs

    def submit(self, raw: bytes) -> Future:
        self.submitted += 1
        if self.submitted > INLINE_PICTURES and self.workers > 1:
            future = self._pool().submit(process_and_store, raw, *self.args)
        else:
            future = Future()
            try:
                future.set_result(process_and_store(raw, *self.args))
            except Exception as error:  # noqa: BLE001 - the caller reports it per picture
                future.set_exception(error)
        future.add_done_callback(self._collect)
        return future

    def _collect(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self.created.extend(future.result()["created"])

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            # forkserver: never fork a process that may hold threads or open database handles.
            context = multiprocessing.get_context("forkserver")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context)
            # The pool's own thread hands pictures to the workers and takes their results; it
            # waited up to a whole switch interval for the lock whenever the load's thread held
            # it, and the workers starved (full load of 100k notices: 76-81 s, 65-76 s with this).
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, SWITCH_SECONDS))
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def discard(self) -> None:
        """After a failed load: remove the files it wrote (no committed row refers to them;
        loads are serialised, so no other load can have come to need them meanwhile)."""
        self.close()
        remove_files(self.created)
        self.created = []
