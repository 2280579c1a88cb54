"""One writer per workspace file: an exclusive lock on a `<file>.lock` sidecar.

The sidecar holds JSON `{pid, host, user, started}` telling who writes the file, and the
writer keeps an `fcntl.flock` on it for as long as the file is open. The operating system
drops a flock when its process dies, however it dies, so a crashed writer never locks a
file forever: the next writer finds the flock free, knows the sidecar is stale and takes
it over (`WorkspaceLock.took_over_from` tells whose it was). A second writer while the
first is alive gets `WorkspaceLocked`, which names the holder so the UI can offer to open
the file read-only instead.

The lock belongs to the real file, not to a name: the sidecar sits beside the path with
symlinks resolved, and the writer also holds a flock on the workspace file itself (its
inode), so a hard link or a symlink to an open workspace finds it locked. The flock on the
file is separate from SQLite's own (POSIX) locks on it and never conflicts with them.

Where flock is unavailable (Windows, some network file systems) the lock falls back to the
sidecar alone: a sidecar naming a live process on this host means locked; anything else is
stale.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from accountmap.domain import clock
from accountmap.storage.errors import WorkspaceError

try:  # pragma: no cover - always present on Linux and macOS
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_NO_FLOCK = {errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL, getattr(errno, "ENOTSUP", -1)}


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a workspace's write lock."""

    pid: int
    host: str
    user: str
    started: str

    @classmethod
    def current(cls) -> "LockHolder":
        try:
            user = getpass.getuser()
        except Exception:  # no login name (containers, services)
            user = str(os.getuid()) if hasattr(os, "getuid") else "?"
        return cls(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=user,
            started=clock.now_utc().isoformat(timespec="seconds"),
        )

    @classmethod
    def parse(cls, text: str) -> "LockHolder | None":
        try:
            data = json.loads(text)
            return cls(pid=int(data["pid"]), host=str(data["host"]),
                       user=str(data["user"]), started=str(data["started"]))
        except (ValueError, KeyError, TypeError):
            return None  # empty (being written) or not ours

    def is_alive_here(self) -> bool:
        """True if this holder is a running process on this host."""
        if self.host != socket.gethostname():
            return True  # cannot tell: assume the other machine is still writing
        if self.pid == os.getpid():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # exists, owned by someone else
        except OSError:
            return False
        return True


class WorkspaceLocked(WorkspaceError):
    """Another live process writes this workspace; `holder` says who and where."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.holder = holder
        unknown = "?"
        if holder is None:  # held through another name of the same file
            WorkspaceError.__init__(self, "storage.locked_elsewhere", path=path)
            return
        super().__init__(
            "storage.locked", path=path,
            pid=holder.pid if holder else unknown,
            host=holder.host if holder else unknown,
            user=holder.user if holder else unknown,
            started=holder.started if holder else unknown,
        )


    def __reduce__(self):  # keep the holder when sent between processes
        return (WorkspaceLocked, (Path(self.params["path"]), self.holder))


def lock_path(path: str | os.PathLike) -> Path:
    """The sidecar of the real file behind `path` (symlinks resolved)."""
    path = Path(os.path.realpath(path))
    return path.with_name(path.name + ".lock")


def read_holder(path: str | os.PathLike) -> LockHolder | None:
    """Who the sidecar of `path` names (alive or not), or None."""
    try:
        return LockHolder.parse(lock_path(path).read_text(encoding="utf-8"))
    except OSError:
        return None


class WorkspaceLock:
    """The exclusive write lock on one workspace file. `acquire()` or use `with`."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.lock_file = lock_path(self.path)  # beside the real file
        self.holder: LockHolder | None = None
        self.took_over_from: LockHolder | None = None
        self._fd: int | None = None
        self._file_fd: int | None = None  # flock on the workspace file itself

    @property
    def held(self) -> bool:
        return self._fd is not None

    @staticmethod
    def current_holder(path: str | os.PathLike) -> LockHolder | None:
        """Who holds the lock on `path` right now, or None if nobody does."""
        probe = WorkspaceLock(path)
        try:
            probe.acquire()
        except WorkspaceLocked as exc:
            return exc.holder
        except WorkspaceError:
            return None
        probe.release()
        return None

    def acquire(self) -> "WorkspaceLock":
        if self._fd is not None:
            return self
        for _attempt in range(20):
            fd = self._open_sidecar()
            mine = False  # whether the sidecar is ours to remove on failure
            try:
                if not self._flock(fd):
                    raise WorkspaceLocked(self.path, self._read_holder_soon(fd))
                if not self._same_file(fd):
                    # The sidecar was removed or replaced between our open and our flock
                    # (its holder was releasing it): lock the file that is there now.
                    os.close(fd)
                    continue
                previous = self._read(fd)
                if fcntl is None or self._flock_unsupported:
                    if previous is not None and previous.is_alive_here():
                        raise WorkspaceLocked(self.path, previous)
                self.took_over_from = previous
                self.holder = LockHolder.current()
                mine = True
                self._write(fd, self.holder)
                self._fd = fd
                self.lock_file_itself()
            except BaseException:
                self._fd = None
                if mine:
                    self._drop_sidecar(fd)  # never leave a lock file behind
                else:
                    os.close(fd)
                raise
            return self
        raise WorkspaceError("storage.lock_failed", path=self.path,  # pragma: no cover
                             detail_key="storage.detail.lock_changing")

    def lock_file_itself(self) -> None:
        """Take the flock on the workspace file (once it exists): links share it."""
        if self._file_fd is not None or fcntl is None or self._flock_unsupported:
            return
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return  # not created yet (WorkspaceFile calls again once it is)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise WorkspaceLocked(self.path, None) from None
        except OSError:
            os.close(fd)  # no flock here: the sidecar alone guards the file
            return
        self._file_fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        file_fd, self._file_fd = self._file_fd, None
        if file_fd is not None:
            # Called after the SQLite connection closed; closing this descriptor would
            # drop that connection's POSIX locks if it were still open.
            os.close(file_fd)
        if fd is None:
            return
        self._drop_sidecar(fd)

    def _drop_sidecar(self, fd: int) -> None:
        try:
            # Remove the sidecar while still holding the flock; a process that opened
            # it meanwhile notices (inode check) and retries on a fresh one.
            if self._same_file(fd):
                self.lock_file.unlink()
        except OSError:
            pass
        finally:
            os.close(fd)  # drops the flock

    def __enter__(self) -> "WorkspaceLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:
        try:
            self.release()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass

    # ------------------------------------------------------------------ helpers
    _flock_unsupported = False

    def _open_sidecar(self) -> int:
        try:
            return os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise self._error(exc) from exc

    def _error(self, exc: OSError) -> WorkspaceError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return WorkspaceError("storage.no_space", path=self.path)
        return WorkspaceError("storage.lock_failed", path=self.path,
                              detail=exc.strerror or exc)

    def _flock(self, fd: int) -> bool:
        """Try to take the flock; False if another process holds it."""
        if fcntl is None:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in _NO_FLOCK:
                self._flock_unsupported = True
                return True
            raise WorkspaceError("storage.lock_failed", path=self.path,
                                 detail=exc.strerror or exc) from exc
        return True

    def _same_file(self, fd: int) -> bool:
        try:
            on_disk = os.stat(self.lock_file)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)

    @classmethod
    def _read_holder_soon(cls, fd: int) -> LockHolder | None:
        """The holder named in the sidecar.

        A new holder writes its name just after taking the flock: until then the sidecar
        is empty or still names the dead process it took over from. Wait for it briefly.
        """
        holder = None
        for _ in range(50):
            holder = cls._read(fd)
            if holder is not None and holder.is_alive_here():
                return holder
            time.sleep(0.01)
        return holder

    @staticmethod
    def _read(fd: int) -> LockHolder | None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            data = os.read(fd, 64 * 1024)
        except OSError:
            return None
        return LockHolder.parse(data.decode("utf-8", "replace"))

    def _write(self, fd: int, holder: LockHolder) -> None:
        data = json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8")
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            if os.write(fd, data) != len(data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError as exc:
            raise self._error(exc) from exc
