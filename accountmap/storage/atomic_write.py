"""Writing an output file whole or not at all: a temporary file in the same folder,
flushed to disk, then renamed over the target. No Qt. The one place that does it: bytes
(`write_atomically`) and files another library builds, such as an SQLite copy or a
drawing Qt writes (`replacing`).

The target keeps what made it the user's file: a symlink stays a link (its target is
replaced), and an existing file keeps its permission bits (a new one gets the usual
0666 less the umask, not mkstemp's 0600). A device, FIFO or socket is never replaced:
`os.replace` would swap the special file for a regular one (as root, `/dev/full`).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite may leave beside a file


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def resolved_target(path: str | os.PathLike) -> Path:
    """Where the bytes go: a symlink's final target (the link itself is kept)."""
    return Path(os.path.realpath(path))


def _mode_for(path: str | os.PathLike, target: Path) -> int:
    """The permission bits the new file gets; refuses a folder or a special file."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return stat.S_IMODE(st.st_mode)


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path (not yet existing) beside `path` to build the new file at. When
    the block ends without an error, the file is given the target's permissions, flushed
    to disk and renamed over `path` (over a symlink's target; a reader sees the old file
    or the new one, never a half); on an error it is removed, with any SQLite side files,
    and the error goes on. A folder or special file as target raises OSError first."""
    target = resolved_target(path)
    mode = _mode_for(path, target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        yield tmp
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, *(Path(f"{tmp}{side}") for side in SIDE_FILES)):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        raise


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never a
    half; raises OSError (and leaves no temporary file behind) when it cannot."""
    with replacing(path) as tmp:
        with open(tmp, "xb") as handle:
            handle.write(data)
