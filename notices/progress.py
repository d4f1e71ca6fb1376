"""Progress reporting for long staff commands: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


@contextmanager
def progress(
    description: str,
    total: int | None = None,
    stream: TextIO | None = None,
    every_seconds: float = 5.0,
) -> Iterator[Callable[[int], None]]:
    """Yield a callable taking a count of newly done items; closes the bar or prints a last line."""
    stream = stream or sys.stderr
    if stream.isatty():
        from tqdm import tqdm

        with tqdm(total=total, desc=description, unit=" notices", file=stream) as bar:
            yield bar.update
        return
    done = 0
    last = start = time.monotonic()

    def advance(count: int = 1) -> None:
        nonlocal done, last
        done += count
        now = time.monotonic()
        if now - last >= every_seconds:
            last = now
            print(f"{description}: {_count(done, total)}", file=stream, flush=True)

    yield advance
    rate = done / max(time.monotonic() - start, 1e-9)
    print(f"{description}: {_count(done, total)} done ({rate:.0f}/s)", file=stream, flush=True)


def _count(done: int, total: int | None) -> str:
    return f"{done}/{total}" if total else str(done)
