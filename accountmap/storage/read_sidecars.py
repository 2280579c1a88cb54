"""A file only read is left as found: how to open it read-only (`read_only_uri`), and
the `-wal`/`-shm` files SQLite creates beside a WAL-mode workspace when a read-only
connection opens it are removed again at close.

A read-only connection cannot checkpoint, so SQLite leaves the two (empty) files behind
when the last reader goes. They are removed only when this open created them, the
`-wal` holds nothing, no other connection of this process has the file open, and no
other process holds SQLite's "dead man switch" lock on the `-shm` (byte 128: every
connection using the file holds it while open). `F_GETLK` asks without taking a lock,
so no lock of this process is disturbed.
"""

from __future__ import annotations

import os
import struct
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from accountmap.storage.errors import WorkspaceError

try:  # pragma: no cover - always present on Linux and macOS
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SIDECARS = ("-wal", "-shm")
SHM_DMS_BYTE = 128
_open_here: Counter[str] = Counter()  # real paths of workspace files open in this process


def missing(path: Path) -> list[Path]:
    """The sidecars of `path` that do not exist (asked just before a read-only open)."""
    return [side for side in (Path(f"{path}{s}") for s in SIDECARS) if not side.exists()]


def opened(path: Path) -> None:
    """Note that a connection to `path` is open in this process (any mode)."""
    _open_here[os.path.realpath(path)] += 1


def closed(path: Path, created: list[Path]) -> None:
    """Note that `path` was closed; remove the `created` sidecars if nobody uses them."""
    real = os.path.realpath(path)
    _open_here[real] -= 1
    if _open_here[real] <= 0:
        del _open_here[real]
    if not created or real in _open_here or fcntl is None or sys.platform != "linux":
        return  # (struct flock below is Linux's layout)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return  # changes someone else is writing
        if shm.exists() and _in_use(shm):
            return
        for side in created:
            side.unlink(missing_ok=True)
    except OSError:
        pass  # left as SQLite left them: harmless


def _in_use(shm: Path) -> bool:
    """True if another process holds a lock on the -shm's dead man switch byte."""
    fmt = "hhqqixxxx"  # struct flock on Linux: type, whence, start, len, pid
    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return True
    try:
        query = struct.pack(fmt, fcntl.F_WRLCK, os.SEEK_SET, SHM_DMS_BYTE, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return struct.unpack(fmt, answer)[0] != fcntl.F_UNLCK
    except OSError:
        return True
    finally:
        os.close(fd)


def read_only_uri(path: Path, header: bytes | None = None) -> str:
    """The URI to read `path` without writing it, also from a read-only folder.

    Reading a WAL-mode file needs its `-shm` index, which SQLite cannot create in a
    read-only folder, nor on a full disk (it said "disk I/O error", and the workspace was
    called damaged). With no `-shm` no writer has the file open, and with no `-wal`
    content the main file holds everything, so it is read as immutable; with some, the
    changes in it cannot be read there at all.
    """
    uri = f"file:{quote(str(path))}?mode=ro"
    if header is None:
        try:
            with path.open("rb") as handle:
                header = handle.read(100)
        except OSError:
            return uri
    is_wal_mode = len(header) > 19 and header[18] == 2
    shm = Path(str(path) + "-shm")
    if not is_wal_mode or shm.exists():
        return uri
    full = _no_room_for_index(path.parent)
    if os.access(path.parent, os.W_OK) and not full:
        return uri
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise WorkspaceError("storage.no_space" if full else "storage.wal_read_only_folder",
                             path=path)
    return uri + "&immutable=1"


SHM_BYTES = 32768  # the first block of a -shm index


def _no_room_for_index(folder: Path) -> bool:
    """True when the file system of `folder` has no room left for a -shm index."""
    try:
        fs = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return fs.f_bavail * fs.f_frsize < 2 * SHM_BYTES
