"""Writing an output file whole or not at all: a temporary file in the same folder,
flushed to disk, then renamed over the target. No Qt. The one place that does it: bytes
(`write_atomically`) and files another library builds, such as an SQLite copy
(`replacing`)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite may leave beside a file


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path (not yet existing) beside `path` to build the new file at. When
    the block ends without an error, the file is flushed to disk and renamed over `path`
    (a reader sees the old file or the new one, never a half); on an error it is removed,
    with any SQLite side files, and the error goes on."""
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        yield tmp
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
