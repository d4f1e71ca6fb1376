"""When a file of a directory may be taken as unchanged from its identity, without reading it
(the ingest memo keeps the identities): the identity, and the guards that withhold it."""

from __future__ import annotations

import os
import stat
import time

# A file changed this shortly before a load began could change again in the same tick of the
# file system's clock without its times moving (git's "racily clean" files): it has no identity.
# Two seconds cover the coarsest timestamps of the file systems below.
SETTLE_NS = 2_000_000_000

# File systems whose stat answers from the file itself. On network and FUSE mounts (NFS, CIFS,
# sshfs) a stat may answer from a client cache that lags the server by up to a minute, and some
# report no real change time: their files are always read.
LOCAL_FILE_SYSTEMS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "zfs", "f2fs", "jfs", "bcachefs"}
)
_MOUNTS = "/proc/self/mountinfo"


class Identities:
    """Identities of the files of one tree: device, inode, size, modification and change times
    (what git keeps in its index). The change time moves on every write and a program cannot set
    it, so equal identities mean equal bytes, outside the guards."""

    def __init__(self, root: str) -> None:
        self.device = local_device(root)  # None: no file of this tree has an identity
        self.settled_before = 0

    def start(self) -> None:
        """Begin a pass over the tree: files changed from now on (or just before) have none."""
        self.settled_before = time.time_ns() - SETTLE_NS

    def of(self, info: os.stat_result, limit: int) -> str | None:
        """The identity of a file from its stat, or None when it cannot be trusted."""
        if info.st_dev != self.device or not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None  # another mount below the root, not a file, or to be refused when read
        if max(info.st_mtime_ns, info.st_ctime_ns) >= self.settled_before:
            return None
        return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def local_device(path: str) -> int | None:
    """The device number of `path` when the kernel names its file system as a local one (Linux's
    mount table); None otherwise, or when it cannot tell."""
    device = os.stat(path).st_dev
    wanted = f"{os.major(device)}:{os.minor(device)}"
    try:
        with open(_MOUNTS, encoding="utf-8", errors="replace") as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) > 2 and fields[2] == wanted and "-" in fields:
                    file_system = fields[fields.index("-") + 1]
                    return device if file_system in LOCAL_FILE_SYSTEMS else None
    except (OSError, IndexError):
        return None
    return None
