"""Reading a portfolio review's files in other processes while this one reads them too.

The caller reads the files from the first on, as it does alone; each reader reads its
share from the last one back: they meet in the middle, whatever each one's speed. A reader
is this process forked (the command line's review), or, for a process with Qt (and its
threads) in it, which must not fork, `python -m accountmap.storage.review_readers` started
afresh: it takes the day and its share (index, path) pickled on its standard input. Either
says on its pipe, pickled, which file it begins and then that file's reading; a thread of
the caller's per reader collects them. The future of a file gives its reading when a
reader has it or is reading it (waiting for it then, and asking the caller's progress
meanwhile, which may stop it), and None when no reader has begun it: the caller reads it
itself. A reader that fails or ends early gives None for the files it did not send (the
caller reads them, and reports why one cannot be read, as it does without readers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


ASK_SECONDS = 0.1
# Readers at most, whatever the cores: one started afresh holds ~40 MiB of its own (its
# Python, the models, a file's accounts), and four processes read twenty files in ~1 s.
MOST_READERS = 3
STOPPED = object()  # a future's result once `ask()` said to stop waiting


class Readings:
    """The readings of the files given to `start`, as the readers send them."""

    def __init__(self) -> None:
        self._results: dict[int, object] = {}
        self._begun: set[int] = set()  # by a reader, its reading not yet here
        self._changed = threading.Condition()
        self._processes: list[subprocess.Popen] = []
        self._threads: list[threading.Thread] = []

    def result(self, index: int, ask: Callable[[], bool] | None = None):
        """The reading of file `index` (a FileReading) once a reader has it, if one has
        it or is reading it; else None: the caller reads it. While it waits, `ask()` is
        asked every ASK_SECONDS (a progress dialog stays live): False stops the waiting,
        and STOPPED is returned."""
        while True:
            with self._changed:
                if self._changed.wait_for(lambda: index not in self._begun,
                                          None if ask is None else ASK_SECONDS):
                    return self._results.pop(index, None)
            if ask() is False:  # (asked with the lock free: the readers' threads go on)
                return STOPPED

    def shutdown(self) -> None:
        """Stop the readers still reading (the review is done, or cancelled)."""
        for process in self._processes:
            if process.poll() is None:
                process.kill()
        for thread in self._threads:
            thread.join()
        for process in self._processes:
            process.wait()

    def _collect(self, process: subprocess.Popen) -> None:
        begun = None
        try:
            while True:
                index, reading = pickle.load(process.stdout)
                with self._changed:
                    if isinstance(reading, str):  # _BEGINS
                        begun = index
                        self._begun.add(index)
                    else:
                        self._results[index] = reading
                        self._begun.discard(index)
                        begun = None
                        self._changed.notify_all()
        except Exception:  # noqa: BLE001 - EOF, a reader killed or failed: the caller reads
            pass
        finally:
            process.stdout.close()
            with self._changed:
                self._begun.discard(begun)
                self._changed.notify_all()


@dataclass(frozen=True)
class Future:
    """A file's reading to come (`Readings.result`)."""

    readings: Readings
    index: int

    def result(self, ask: Callable[[], bool] | None = None):
        return self.readings.result(self.index, ask)


_BEGINS = "begins"  # what a reader sends before a file's reading


def start(paths: list[Path], today: dt.date, readers: int,
          forked: bool) -> tuple[Readings, list[Future]]:
    """`readers` processes (MOST_READERS at most) reading `paths` from the last one back
    (reader r the files r, r + readers, ... from the end), already started, and the
    future of each file."""
    readings = Readings()
    last = len(paths) - 1
    readers = min(readers, MOST_READERS, len(paths))
    for reader in range(readers):
        share = [(index, str(Path(paths[index]).absolute()))
                 for index in range(last - reader, -1, -readers)]
        process = _Fork(today, share) if forked else _Fresh(today, share)
        readings._processes.append(process)
    for process in readings._processes:  # (threads once every fork is made)
        thread = threading.Thread(target=readings._collect, args=(process,), daemon=True)
        readings._threads.append(thread)
        thread.start()
    return readings, [Future(readings, index) for index in range(len(paths))]


class _Fresh(subprocess.Popen):
    """A reader started afresh."""

    def __init__(self, today: dt.date, share: list[tuple[int, str]]) -> None:
        # -P: the package as this process has it, never a folder of that name where the
        # user started the app
        super().__init__([sys.executable, "-P", "-m", "accountmap.storage.review_readers"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL,
                         creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # (Windows)
        # (a reader that ended already, BrokenPipeError, leaves its files to the caller)
        with contextlib.suppress(OSError):
            self.stdin.write(pickle.dumps((today, share)))
        with contextlib.suppress(OSError):
            self.stdin.close()


class _Fork:
    """A reader forked from this process (POSIX)."""

    def __init__(self, today: dt.date, share: list[tuple[int, str]]) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the reader: its share, then gone (no exit handlers, no buffers)
            code = 1
            try:
                os.close(read_end)
                with open(write_end, "wb") as out:
                    _read(today, share, out)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.stdout = open(read_end, "rb")
        self.returncode = None

    def poll(self):
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)

    def wait(self):
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode


def _read(today: dt.date, share: list[tuple[int, str]], out) -> None:
    """A reader's files read in turn, each one said as it begins and as it is done."""
    from accountmap.storage.file_review import read_in_worker

    for index, path in share:
        pickle.dump((index, _BEGINS), out)
        out.flush()
        pickle.dump((index, read_in_worker(Path(path), today)), out)
        out.flush()


def _read_share() -> None:
    """A reader started afresh: its day and share from standard input."""
    today, share = pickle.load(sys.stdin.buffer)
    _read(today, share, sys.stdout.buffer)


if __name__ == "__main__":
    _read_share()
