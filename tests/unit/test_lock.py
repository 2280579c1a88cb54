"""One writer per workspace file: the write lock, across real processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from accountmap.storage.errors import WorkspaceError
from accountmap.storage.lock import (
    LockHolder,
    WorkspaceLock,
    WorkspaceLocked,
    lock_path,
    read_holder,
)
from accountmap.storage.workspace_file import Row, RowChange, WorkspaceFile

REPO = Path(__file__).resolve().parents[2]

# A second process that opens the workspace for writing, says so, and waits for a line.
HOLDER = textwrap.dedent("""
    import sys
    from accountmap.storage.workspace_file import WorkspaceFile
    wf = WorkspaceFile.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    wf.close()
    print("closed", flush=True)
""")


def start_holder(path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read()
    return proc


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "team.accountmap"
    WorkspaceFile.open(path, create=True).close()
    return path


def test_open_for_writing_holds_a_lock_naming_this_process(workspace: Path) -> None:
    with WorkspaceFile.open(workspace) as wf:
        assert wf.lock is not None and wf.lock.held
        holder = json.loads(lock_path(workspace).read_text())
        assert holder["pid"] == os.getpid()
        assert holder["host"] == socket.gethostname()
        assert set(holder) == {"pid", "host", "user", "started"}
    assert not lock_path(workspace).exists()  # released and tidied on close


def test_second_process_is_refused_and_told_who_holds_the_file(workspace: Path) -> None:
    proc = start_holder(workspace)
    try:
        with pytest.raises(WorkspaceLocked) as info:
            WorkspaceFile.open(workspace)
        error = info.value
        assert isinstance(error, WorkspaceError)
        assert error.key == "storage.locked"
        assert error.holder is not None
        assert error.holder.pid == proc.pid
        assert error.holder.host == socket.gethostname()
        assert error.holder.user == LockHolder.current().user
        assert str(proc.pid) in error.message("en")
        assert str(proc.pid) in error.message("ru")
        assert "только для чтения" in error.message("ru")
        assert WorkspaceLock.current_holder(workspace).pid == proc.pid

        # The UI's way out: open read-only while the other process writes.
        with WorkspaceFile.open(workspace, read_only=True) as reader:
            assert reader.read_only and reader.lock is None
            assert reader.account_ids() == []
            with pytest.raises(WorkspaceError) as write:
                reader.replace_settings(reader.settings())
            assert write.value.key == "storage.read_only"
    finally:
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "closed"
        proc.wait(timeout=30)
    assert WorkspaceLock.current_holder(workspace) is None
    with WorkspaceFile.open(workspace) as wf:  # free again once the holder closed
        assert wf.lock.held


def test_lock_left_by_a_killed_process_is_taken_over(workspace: Path) -> None:
    proc = start_holder(workspace)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    stale = read_holder(workspace)
    assert stale is not None and stale.pid == proc.pid  # the sidecar outlived it

    with WorkspaceFile.open(workspace) as wf:
        assert wf.lock.took_over_from == stale
        assert read_holder(workspace).pid == os.getpid()
        wf.replace_settings(wf.settings())  # and it writes


def test_same_process_opening_twice_for_writing_is_refused(workspace: Path) -> None:
    with WorkspaceFile.open(workspace):
        with pytest.raises(WorkspaceLocked) as info:
            WorkspaceFile.open(workspace)
        assert info.value.holder.pid == os.getpid()
    WorkspaceFile.open(workspace).close()


def test_lock_can_be_declined(workspace: Path) -> None:
    with WorkspaceFile.open(workspace, lock=False) as wf:
        assert wf.lock is None
        assert not lock_path(workspace).exists()


def test_failed_open_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "bad.accountmap"
    path.write_text("not a workspace")
    with pytest.raises(WorkspaceError) as info:
        WorkspaceFile.open(path)
    assert info.value.key == "storage.not_sqlite"
    assert not lock_path(path).exists()
    assert WorkspaceLock.current_holder(path) is None


def test_create_takes_the_lock_before_the_file_appears(tmp_path: Path) -> None:
    path = tmp_path / "new.accountmap"
    with WorkspaceLock(path):
        with pytest.raises(WorkspaceLocked):
            WorkspaceFile.open(path, create=True)
        assert not path.exists()
    with WorkspaceFile.open(path, create=True) as wf:
        assert wf.lock.held
        wf.apply([RowChange("accounts", None, "a1", None, Row(0, {"name": "Acme"}))])
    assert WorkspaceFile.open(path, read_only=True).account_ids() == ["a1"]


def test_released_sidecar_replaced_between_open_and_flock_is_retried(
        tmp_path: Path) -> None:
    """A lock whose sidecar vanished after we opened it must not count as held."""
    path = tmp_path / "race.accountmap"
    first = WorkspaceLock(path).acquire()
    stale_fd = os.open(lock_path(path), os.O_RDWR)
    first.release()  # unlinks the sidecar; stale_fd now points at a deleted inode
    second = WorkspaceLock(path).acquire()
    try:
        assert second._same_file(second._fd)
        assert not second._same_file(stale_fd)
        with pytest.raises(WorkspaceLocked):
            WorkspaceLock(path).acquire()
    finally:
        os.close(stale_fd)
        second.release()


def test_without_flock_a_live_holder_still_locks(tmp_path: Path, monkeypatch) -> None:
    """Fallback for file systems without flock: the sidecar's pid decides."""
    import errno

    import accountmap.storage.lock as lock_module

    def no_flock(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.fcntl, "flock", no_flock)
    path = tmp_path / "nfs.accountmap"
    first = WorkspaceLock(path).acquire()
    with pytest.raises(WorkspaceLocked):
        WorkspaceLock(path).acquire()
    first.release()
    # A sidecar naming a dead process is stale.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(path).write_text(json.dumps({
        "pid": dead.pid, "host": socket.gethostname(), "user": "x", "started": "then"}))
    taken = WorkspaceLock(path).acquire()
    assert taken.took_over_from.pid == dead.pid
    taken.release()


RACER = textwrap.dedent("""
    import sys, time
    from accountmap.storage.lock import WorkspaceLocked
    from accountmap.storage.workspace_file import WorkspaceFile
    start = float(sys.argv[2])
    time.sleep(max(0.0, start - time.time()))
    try:
        wf = WorkspaceFile.open(sys.argv[1])
    except WorkspaceLocked as exc:
        print("locked", exc.holder.pid if exc.holder else "unknown", flush=True)
        sys.exit(0)
    print("won", flush=True)
    sys.stdin.readline()
    wf.close()
""")


@pytest.mark.parametrize("stale", [False, True], ids=["free", "stale-lock"])
def test_racing_writers_exactly_one_wins(workspace: Path, stale: bool) -> None:
    import time

    if stale:
        dead = start_holder(workspace)
        dead.send_signal(signal.SIGKILL)
        dead.wait(timeout=30)
        assert read_holder(workspace).pid == dead.pid
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    start = time.time() + 2.0  # after every racer has imported everything
    racers = [subprocess.Popen(
        [sys.executable, "-c", RACER, str(workspace), str(start)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(5)]
    try:
        said = {proc.pid: proc.stdout.readline().split() for proc in racers}
        winners = [pid for pid, words in said.items() if words == ["won"]]
        assert len(winners) == 1, (said, [p.stderr.read() for p in racers if p.poll() is not None])
        losers = [words for pid, words in said.items() if pid not in winners]
        assert losers == [["locked", str(winners[0])]] * 4, said
    finally:
        for proc in racers:
            if proc.poll() is None:
                proc.stdin.write("\n")
                proc.stdin.flush()
            proc.wait(timeout=30)
    assert WorkspaceLock.current_holder(workspace) is None


def test_locked_error_survives_pickling(workspace: Path) -> None:
    import pickle

    with WorkspaceFile.open(workspace):
        with pytest.raises(WorkspaceLocked) as info:
            WorkspaceFile.open(workspace)
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.holder == info.value.holder and copy.key == "storage.locked"
    assert copy.message("ru") == info.value.message("ru")
