"""Outputs never destroy inputs.

Every command that writes a file (export, plan, brief, render, portfolio --csv, the
window's Save as PDF and Export JSON) goes through `guard_output` first, then writes with
`storage.atomic_write`. Refused, with one sentence and without touching the target:
- an AccountMap workspace, recognised by its content (the SQLite header and our
  `application_id`), whatever its name: `export w.accountmap -o w.accountmap` used to turn
  the workspace into JSON;
- the command's own input, under any name (symlink, hard link);
- a file whose write lock a live process holds (a window has it open);
- a device, FIFO or socket, and a folder.
Inputs are checked too: a special file is refused before it is opened (a FIFO would hang,
`/dev/zero` never ends), and `read_limited` counts the bytes actually read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from accountmap.storage.atomic_write import replacing, resolved_target, write_atomically
from accountmap.storage.errors import WorkspaceError

SQLITE_MAGIC = b"SQLite format 3\x00"



def is_workspace_file(path: str | os.PathLike) -> bool:
    """True if `path` is an AccountMap workspace by content (whatever its name)."""
    from accountmap.storage.migrations import APPLICATION_ID

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return (len(header) >= 72 and header.startswith(SQLITE_MAGIC)
            and int.from_bytes(header[68:72], "big") == APPLICATION_ID)


def _same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def guard_output(path: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Refuse (WorkspaceError) an output path that would destroy something; see above."""
    path = Path(path)
    target = resolved_target(path)
    if not target.parent.is_dir():
        raise WorkspaceError("output.no_folder", path=path, folder=path.parent)
    try:
        st = os.stat(target)
    except OSError:
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise WorkspaceError("output.directory", path=path)
        if not stat.S_ISREG(st.st_mode):
            raise WorkspaceError("output.special", path=path)
        if any(_same_file(target, source) for source in inputs):
            raise WorkspaceError("output.is_input", path=path)
        if is_workspace_file(target):
            raise WorkspaceError("output.is_workspace", path=path)
    _refuse_held(path, target)


def guard_copy(path: str | os.PathLike, source: str | os.PathLike) -> None:
    """Refuse a copy of the workspace `source` onto itself or onto a workspace open
    elsewhere (replacing an old copy that nobody has open is what the person asked)."""
    path = Path(path)
    target = resolved_target(path)
    if _same_file(target, source):
        raise WorkspaceError("output.is_input", path=path)
    _refuse_held(path, target)


def _refuse_held(path: Path, target: Path) -> None:
    from accountmap.storage.lock import WorkspaceLock, lock_path

    for candidate in {path, target}:
        if lock_path(candidate).exists():
            holder = WorkspaceLock.current_holder(candidate)
            if holder is not None:
                raise WorkspaceError("output.held", path=path, pid=holder.pid)


def output_error(path: str | os.PathLike, exc: OSError) -> WorkspaceError:
    """The one sentence for an output that could not be written."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return WorkspaceError("output.disk_full", path=path)
    if exc.errno == errno.EISDIR:
        return WorkspaceError("output.directory", path=path)
    if exc.errno == errno.ENOENT and not Path(path).parent.is_dir():
        return WorkspaceError("output.no_folder", path=path, folder=Path(path).parent)
    return WorkspaceError("output.cannot_write", path=path, detail=exc.strerror or exc)


def write_output(path: str | os.PathLike, data: bytes,
                 inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Guard, then write `data` whole or not at all; WorkspaceError when it cannot."""
    guard_output(path, inputs)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise output_error(path, exc) from exc


@contextmanager
def output_file(path: str | os.PathLike,
                inputs: Iterable[str | os.PathLike] = ()) -> Iterator[Path]:
    """Guard, then yield a temporary path to write (e.g. by Qt) that replaces `path`
    when the block ends without an error."""
    guard_output(path, inputs)
    try:
        with replacing(path) as tmp:
            yield tmp
    except OSError as exc:
        raise output_error(path, exc) from exc


def guard_input(path: str | os.PathLike) -> os.stat_result:
    """Refuse a missing path, a folder or a special file as input; return its stat."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise WorkspaceError("storage.missing", path=path) from None
    except OSError as exc:
        raise WorkspaceError("storage.unreadable", path=path,
                             detail=exc.strerror or exc) from exc
    if stat.S_ISDIR(st.st_mode):
        raise WorkspaceError("storage.directory", path=path)
    if not stat.S_ISREG(st.st_mode):
        raise WorkspaceError("input.special", path=path)
    return st


def read_limited(path: str | os.PathLike, limit: int) -> bytes:
    """The file's bytes, at most `limit`+1 of them (the caller refuses more than `limit`):
    the size a file reports is not trusted (a device says 0)."""
    guard_input(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise WorkspaceError("storage.unreadable", path=path,
                             detail=exc.strerror or exc) from exc
