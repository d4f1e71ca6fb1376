"""Where stored pictures live: content-addressed files under the media directory."""

from __future__ import annotations

import os
import re
from pathlib import Path

_SHA256 = re.compile(r"[0-9a-f]{64}")  # used with fullmatch: "$" would let a newline through


def is_digest(value: object) -> bool:
    """True for a content hash as pictures are named by: 64 lower-case hex characters."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def picture_path(media_dir: str | Path, sha256: str) -> Path:
    """Where the file with this content hash lives: media_dir/ab/<sha256>.jpg."""
    if not is_digest(sha256):
        raise ValueError("picture hash must be 64 lower-case hex characters")
    # One level of 256 folders: two levels meant a new folder for almost every picture, and
    # mkdir was the slowest step of loading 100k notices.
    return Path(media_dir) / sha256[:2] / file_name(sha256)


def file_name(sha256: str) -> str:
    """The name of the file with this content hash (inside its folder)."""
    return f"{sha256}.jpg"


def stored_file_names(media_dir: str | Path) -> set[str]:
    """Names of every picture file under the media directory, read folder by folder: one
    listing per folder instead of one stat per picture (131k stats at 100k notices)."""
    names: set[str] = set()
    try:
        folders = [entry.path for entry in os.scandir(media_dir) if entry.is_dir()]
    except FileNotFoundError:
        return names
    for folder in folders:
        with os.scandir(folder) as entries:
            names.update(entry.name for entry in entries if entry.is_file())
    return names
