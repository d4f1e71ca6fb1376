"""Write one list of tree entries as a directory, a .zip, a .tar.gz or a JSON Lines file.

Entries are (path, content) pairs, in order, duplicates allowed (archives can hold them). Content
is bytes or one of the special entries below, which each container expresses its own way.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import tarfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

CONTAINERS = ("dir", "zip", "tar.gz")


@dataclass(frozen=True)
class Link:
    """A symbolic (or, in tar, hard) link to `target`."""

    target: str
    hard: bool = False


@dataclass(frozen=True)
class Fifo:
    """A named pipe: reading it would block forever."""


@dataclass(frozen=True)
class Device:
    """A character device (archives only)."""


@dataclass(frozen=True)
class Dir:
    """A directory (named like a file, in the interesting cases)."""


@dataclass(frozen=True)
class ZipTweak:
    """A zip member whose headers lie: encrypted flag, declared size, or damaged data."""

    data: bytes
    encrypted: bool = False
    declared_size: int | None = None
    corrupt: bool = False


Entry = tuple[str, object]


def write(container: str, entries: list[Entry], where: Path) -> Path:
    """Write `entries` as `container` under the directory `where`; the path to load."""
    where.mkdir(parents=True, exist_ok=True)
    if container == "dir":
        return write_dir(where / "extract", entries)
    if container == "zip":
        return write_zip(where / "extract.zip", entries)
    return write_tar(where / "extract.tar.gz", entries)


def write_dir(root: Path, entries: list[Entry]) -> Path:
    for name, content in entries:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            os.symlink(content.target, path)
        elif isinstance(content, Fifo):
            os.mkfifo(path)
        elif isinstance(content, Dir):
            path.mkdir(exist_ok=True)
        else:
            path.write_bytes(content)
    return root


def write_zip(dest: Path, entries: list[Entry]) -> Path:
    patches = []
    with warnings.catch_warnings(), zipfile.ZipFile(dest, "w") as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": we mean it
        for name, content in entries:
            info = zipfile.ZipInfo(name + ("/" if isinstance(content, Dir) else ""))
            info.create_system = 3  # Unix: external_attr carries the file type
            info.compress_type = zipfile.ZIP_DEFLATED
            data = content
            if isinstance(content, ZipTweak):
                data = content.data
                info.compress_type = zipfile.ZIP_STORED if content.corrupt else zipfile.ZIP_DEFLATED
                patches.append((name, content))
            info.external_attr = _zip_mode(content) << 16
            archive.writestr(info, _zip_bytes(data))
    for name, tweak in patches:
        _patch_zip(dest, name, tweak)
    return dest


def _zip_mode(content) -> int:
    if isinstance(content, Link):
        return stat.S_IFLNK | 0o777
    if isinstance(content, Fifo):
        return stat.S_IFIFO | 0o644
    if isinstance(content, Device):
        return stat.S_IFCHR | 0o644
    if isinstance(content, Dir):
        return stat.S_IFDIR | 0o755 | 0x10  # 0x10: MS-DOS directory bit
    return stat.S_IFREG | 0o644


def _zip_bytes(content) -> bytes:
    if isinstance(content, Link):
        return content.target.encode()
    if isinstance(content, bytes):
        return content
    return b""


def _patch_zip(dest: Path, name: str, tweak: ZipTweak) -> None:
    """Rewrite header fields of one member in place (both local and central headers)."""
    data = bytearray(dest.read_bytes())
    encoded = name.encode()
    for signature, flags_at, size_at, name_at in (
        (b"PK\x03\x04", 6, 22, 30),
        (b"PK\x01\x02", 8, 24, 46),
    ):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + name_at : start + name_at + len(encoded)] == encoded:
                if tweak.encrypted:
                    data[start + flags_at] |= 0x1
                if tweak.declared_size is not None:
                    data[start + size_at : start + size_at + 4] = struct.pack(
                        "<I", tweak.declared_size
                    )
                if tweak.corrupt and signature == b"PK\x03\x04":
                    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
                    body = start + 30 + name_len + extra_len
                    data[body] ^= 0xFF  # stored, so the CRC check catches it
            start += 4
    dest.write_bytes(bytes(data))


def write_tar(dest: Path, entries: list[Entry]) -> Path:
    with tarfile.open(dest, "w:gz") as archive:
        for name, content in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 1_700_000_000
            data = None
            if isinstance(content, Link):
                info.type = tarfile.LNKTYPE if content.hard else tarfile.SYMTYPE
                info.linkname = content.target
            elif isinstance(content, Fifo):
                info.type = tarfile.FIFOTYPE
            elif isinstance(content, Device):
                info.type = tarfile.CHRTYPE
            elif isinstance(content, Dir):
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            else:
                info.size = len(content)
                data = io.BytesIO(content)
            archive.addfile(info, data)
    return dest


def write_jsonl(dest: Path, lines: list[bytes]) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(b"".join(line + b"\n" for line in lines))
    return dest


def origin(container: str, path: str) -> str:
    """How a load report names the entry `path` of a container written by `write`."""
    return {"dir": path, "zip": f"extract.zip:{path}", "tar.gz": f"extract.tar.gz:{path}"}[
        container
    ]
