"""What each notice's source bytes normalised to in the last committed load (`IngestMemo`), so
that an unchanged reload need not normalise them again.

Normalising and hashing a document costs more than reading it. A reload of an unchanged extract
normalised 100k documents only to find each one's content hash equal to the stored one. The memo
remembers, per notice, a digest of the exact input (kind, document bytes, picture ids) and the
content hash it produced. A notice is taken as unchanged without normalising only when the memo
says these very bytes gave the content hash the database holds now (so a stale or foreign memo
can only cost time, never a change), its record had nothing rejected (its warnings are reported
again on every load), and the ingest code is the code that wrote the memo (a fingerprint of its
source files): a new normaliser sees every document again.

Reading 100k small files is itself most of an unchanged reload, so the memo also keeps, per
notice, a key of its document file's identity (device, inode, size, modification and change
times: what git keeps in its index) with its picture ids. A file whose key is unchanged is taken
to hold the bytes of that digest without being read. The change time cannot be set by a program
and moves on every write, so only a write in the same clock tick as the reading could go unseen:
a source does not offer a key for a file changed just before the load began, nor for one on a
network or FUSE mount (see notices.ingest.sources.file_identity).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

MEMO_FILE = "ingest-memo.tsv"
_HEADER = "# notices ingest memo 2 "
_HASH_CHARS = 16  # of the content hash: what is compared with the database's


@cache
def code_fingerprint() -> str:
    """Digest of the code that turns source bytes into a record: notices/ingest/*.py (sources,
    normaliser, record) and notices/domain.py (code lists)."""
    package = Path(__file__).resolve().parent
    files = sorted([*package.glob("*.py"), *package.glob("sources/*.py")])
    files.append(package.parent / "domain.py")
    digest = hashlib.blake2b(digest_size=16)
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_digest(kind: str | None, data: bytes, picture_ids: Iterable[str]) -> str:
    """Digest of everything a notice's record is made from, as the source delivered it."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{kind}\0".encode())
    digest.update(data)
    digest.update(("\0" + "\x1f".join(picture_ids)).encode())
    return digest.hexdigest()


def file_key(kind: str | None, signature: str, picture_ids: Iterable[str]) -> str:
    """Key of a notice's input as file identity (`signature`, from the source) and picture ids."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{kind}\0{signature}\0".encode())
    digest.update("\x1f".join(picture_ids).encode())
    return digest.hexdigest()


class IngestMemo:
    """Entity id -> (input digest, content hash prefix, file key or ""): read before a load,
    extended by it, and written after it committed."""

    def __init__(self, entries: dict[str, tuple[str, str, str]] | None = None) -> None:
        self.entries = entries or {}
        self.learned: dict[str, tuple[str, str, str]] = {}

    def knows(self, entity_id: str, digest: str, stored_hash: str | None) -> bool:
        """True when these input bytes made the content hash the database holds."""
        entry = self.entries.get(entity_id)
        return (
            entry is not None
            and stored_hash is not None
            and entry[:2] == (digest, stored_hash[:_HASH_CHARS])
        )

    def file_entry(self, entity_id: str) -> tuple[str, str] | None:
        """(file key, input digest) of the notice's file when a committed load read it and
        could key it; None otherwise, and a first load then stats nothing."""
        entry = self.entries.get(entity_id)
        return (entry[2], entry[0]) if entry is not None and entry[2] else None

    def holds(self, entity_id: str, digest: str) -> bool:
        """True when these input bytes made a record of this notice in a committed load."""
        entry = self.entries.get(entity_id)
        return entry is not None and entry[0] == digest

    def learn(self, entity_id: str, digest: str, content_hash: str, key: str | None) -> None:
        """Note what these input bytes made; `key` None: the file's identity is not known now
        (a key noted before for these same bytes still holds)."""
        old = self.entries.get(entity_id)
        if key is None:
            key = old[2] if old is not None and old[0] == digest else ""
        entry = (digest, content_hash[:_HASH_CHARS], key)
        if old != entry:
            self.learned[entity_id] = entry

    @classmethod
    def read(cls, directory: str | Path) -> IngestMemo:
        """The memo in `directory`; empty when missing, unreadable or written by other code."""
        try:
            with open(Path(directory) / MEMO_FILE, encoding="ascii") as memo:
                if memo.readline().rstrip("\n") != _HEADER + code_fingerprint():
                    return cls()
                rows = (line.rstrip("\n").split("\t") for line in memo)
                return cls({row[0]: (row[1], row[2], row[3]) for row in rows if len(row) == 4})
        except (OSError, UnicodeDecodeError):
            return cls()

    def write(self, directory: str | Path) -> None:
        """Replace the memo by the old entries updated with what this load learned (one rename:
        a reader sees the old file or the new one); nothing to do when it learned nothing."""
        if not self.learned:
            return
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        entries = {**self.entries, **self.learned}
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".memo-")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as memo:
                memo.write(_HEADER + code_fingerprint() + "\n")
                memo.writelines(f"{e}\t{d}\t{h}\t{k}\n" for e, (d, h, k) in entries.items())
            os.replace(temporary, directory / MEMO_FILE)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
