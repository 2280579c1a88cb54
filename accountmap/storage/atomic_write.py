"""Writing an output file whole or not at all: a temporary file in the same folder,
flushed to disk, then renamed over the target. No Qt.

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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def resolved_target(path: str | os.PathLike) -> Path:
    """Where the bytes go: a symlink's final target (the link itself is kept)."""
    return Path(os.path.realpath(path))


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends without an error, the
    temporary file is flushed and renamed over `path`. Raises OSError (and leaves no
    temporary file behind) when it cannot; a special file as target is refused."""
    target = resolved_target(path)
    mode = 0o666 & ~_umask()
    try:
        st = os.stat(target)
    except FileNotFoundError:
        pass
    else:
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        mode = stat.S_IMODE(st.st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never a
    half; raises OSError (and leaves no temporary file behind) when it cannot."""
    with atomic_output(path) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
