"""Source positions: the caller's place in its change feed, recorded with each index commit.

A follower (say, of a database's change journal) must know exactly which changes an index
already holds. The position is written beside the commit it describes, before that commit, so
a reader that sees commit N finds position-N; a writer killed before its commit leaves a file
that the next commit of the same number overwrites. The library gives the number no meaning.
"""

from __future__ import annotations

import contextlib
import os
import re

from whoosh import index as whoosh_index

from search_index import storage

_POSITION = re.compile(r"^position-([0-9]+)$")


def position_path(target: str, commit: int) -> str:
    """Where the position of commit `commit` of generation directory `target` is kept."""
    return os.path.join(target, f"position-{commit}")


def write(target: str, commit: int, position: int | None) -> None:
    """Record `position` for `commit` (None records nothing: the position is unknown)."""
    if position is not None:
        storage.write_atomic(position_path(target, commit), f"{position}\n")


def read(target: str, commit: int) -> int | None:
    """The position recorded for `commit`, or None when none was."""
    text = storage.read_text(position_path(target, commit))
    return int(text) if text else None


def latest(target: str) -> tuple[int, int | None]:
    """The latest Whoosh commit of `target` and the position recorded with it."""
    commit = whoosh_index.open_dir(target, readonly=True).latest_generation()
    return commit, read(target, commit)


def later(recorded: int | None, position: int | None) -> int | None:
    """A position never goes back: the later of the two known ones."""
    known = [value for value in (recorded, position) if value is not None]
    return max(known) if known else None


def discard(target: str, commit: int) -> None:
    """Forget the position written for a commit that did not happen."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(position_path(target, commit))


def drop_older(target: str, keep_from: int) -> None:
    """Delete positions of commits older than `keep_from`, as their column files go."""
    for entry in os.listdir(target):
        match = _POSITION.match(entry)
        if match and int(match.group(1)) < keep_from:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(target, entry))
