"""Bad files and hostile conditions: one clear WorkspaceError each, nothing written.

Every refusal is a `WorkspaceError` with its catalogue key and a sentence in both
languages (never a raw sqlite3/OS exception), and leaves the folder exactly as it was:
same files, same bytes (no -wal, -shm or .lock sidecars appear).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from accountmap.domain.models import Account, Stakeholder
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.lock import lock_path
from accountmap.storage.workspace_file import Row, RowChange, WorkspaceFile

NOBODY = 65534


def folder_snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.iterdir())
    }


def refused(path: Path, key: str, **open_args) -> WorkspaceError:
    """Open `path`, expect WorkspaceError `key`, and check nothing was written."""
    folder = path.parent if path.parent.exists() else path
    before = folder_snapshot(folder)
    with pytest.raises(WorkspaceError) as info:
        WorkspaceFile.open(path, **open_args)
    error = info.value
    assert type(error) is WorkspaceError or error.key == "storage.locked"
    assert error.key == key, error.message("en")
    for lang in ("en", "ru"):
        text = error.message(lang)
        assert path.name in text and "Traceback" not in text and "{" not in text
    assert folder_snapshot(folder) == before
    return error


def assert_unchanged_but_for_wal_index(path: Path, before: dict[str, str]) -> None:
    """A read-only open: the file's bytes are the same, no lock sidecar appeared.

    Reading a WAL-mode file lets SQLite leave its (empty) -wal and -shm index files.
    """
    after = folder_snapshot(path.parent)
    assert after[path.name] == before[path.name]
    assert set(after) - set(before) <= {path.name + "-wal", path.name + "-shm"}
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A real workspace with one account of 200 people (about 450 KB), closed."""
    path = tmp_path / "real.accountmap"
    account = Account(id="acme", name="Акме", stakeholders=[
        Stakeholder(id=f"s{i}", full_name=f"Пётр {i}", notes="заметка " * 200)
        for i in range(200)])
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])
    return path


def one_change(row_id: str = "new", notes: str = "") -> list[RowChange]:
    return [RowChange("stakeholders", "acme", row_id, None,
                      Row(999, {"id": row_id, "notes": notes}))]


# ----------------------------------------------------------------- refused at open
def test_text_file_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "notes.accountmap"
    path.write_text("Встреча с ЛПР во вторник\n", encoding="utf-8")
    refused(path, "storage.not_sqlite")


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.accountmap"
    path.touch()
    refused(path, "storage.empty")
    refused(path, "storage.empty", create=True)  # create never overwrites a file


def test_truncated_workspace(workspace: Path) -> None:
    data = workspace.read_bytes()
    assert len(data) > 100_000
    workspace.write_bytes(data[: len(data) // 2])
    error = refused(workspace, "storage.truncated")
    assert "untouched" in error.message("en")
    assert f"{len(data) // 2} bytes of the" in error.message("en")
    assert f"{len(data) // 2} байт из" in error.message("ru")  # no English in Russian
    refused(workspace, "storage.truncated", read_only=True)


def test_header_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "cut.accountmap"
    path.write_bytes(b"SQLite format 3\x00" + bytes(20))
    error = refused(path, "storage.truncated")
    assert "header is cut short" in error.message("en")
    assert "заголовок обрезан" in error.message("ru")


def test_newer_version(workspace: Path) -> None:
    conn = sqlite3.connect(workspace)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    error = refused(workspace, "storage.newer")
    assert "99" in error.message("en") and "99" in error.message("ru")
    refused(workspace, "storage.newer", read_only=True)


def test_another_applications_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.commit()
    conn.close()
    refused(path, "storage.not_accountmap")


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "looks.accountmap"
    folder.mkdir()
    refused(folder, "storage.directory")
    refused(folder, "storage.directory", create=True)


def test_a_missing_path(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.accountmap", "storage.missing")
    refused(tmp_path / "nowhere.accountmap", "storage.missing", read_only=True)
    assert list(tmp_path.iterdir()) == []  # not even a lock sidecar


def test_missing_folder_cannot_be_created_in(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such.accountmap"
    with pytest.raises(WorkspaceError) as info:
        WorkspaceFile.open(path, create=True)
    assert info.value.key == "storage.cannot_create"
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------ read-only conditions
def test_opened_read_only_refuses_every_write(workspace: Path) -> None:
    before = folder_snapshot(workspace.parent)
    with WorkspaceFile.open(workspace, read_only=True) as wf:
        assert wf.read_only and wf.lock is None
        assert len(wf.load_account("acme").stakeholders) == 200
        writes: list[Callable[[], object]] = [
            lambda: wf.apply(one_change()),
            lambda: wf.add_accounts([Account(name="B")]),
            lambda: wf.replace_settings(wf.settings()),
        ]
        for write in writes:
            with pytest.raises(WorkspaceError) as info:
                write()
            assert info.value.key == "storage.read_only"
    assert_unchanged_but_for_wal_index(workspace, before)


def run_unprivileged(job: Callable[[], dict]) -> dict:
    """Run `job` as a process that file permissions apply to, and return its result.

    Tests run as root, and root ignores chmod; so as root, fork and drop to `nobody`
    (the interpreter and every module are already loaded) before running the job.
    """
    if os.geteuid() != 0:
        return job()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_end)
            try:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            except OSError as exc:
                result = {"skip": f"cannot drop root privileges: {exc}"}
            else:
                result = job()
        except BaseException as exc:  # report, never return into pytest
            result, code = {"crash": f"{type(exc).__name__}: {exc}"}, 1
        os.write(write_end, json.dumps(result).encode())
        os.close(write_end)
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    result = json.loads(data)
    assert "crash" not in result, result["crash"]
    if "skip" in result:
        pytest.skip(result["skip"])
    return result


def try_to_write(path: Path) -> dict:
    """As the unprivileged user: open for writing, read, try to write."""
    result: dict = {}
    try:
        with WorkspaceFile.open(path) as wf:
            result["read_only"] = wf.read_only
            result["people"] = len(wf.load_account("acme").stakeholders)
            try:
                wf.apply(one_change())
                result["write"] = "saved"
            except WorkspaceError as exc:
                result["write"] = exc.key
                result["message"] = exc.message("ru")
    except WorkspaceError as exc:
        result["open"] = exc.key
    try:
        WorkspaceFile.open(path.with_name("fresh.accountmap"), create=True).close()
        result["create"] = "created"
    except WorkspaceError as exc:
        result["create"] = exc.key
    return result


@pytest.fixture
def shared_folder(workspace: Path):
    """A folder an unprivileged process can reach (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="accountmap-perm-", dir="/tmp"))
    path = folder / workspace.name
    shutil.copy2(workspace, path)
    yield path
    os.chmod(folder, 0o700)
    shutil.rmtree(folder)


def test_read_only_file(shared_folder: Path) -> None:
    path = shared_folder
    os.chmod(path.parent, 0o777)
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    os.chmod(path, 0o444)
    before = folder_snapshot(path.parent)
    result = run_unprivileged(lambda: try_to_write(path))
    assert result["read_only"] is True and result["people"] == 200
    assert result["write"] == "storage.read_only"
    assert "только для чтения" in result["message"]
    (path.parent / "fresh.accountmap").unlink()  # the folder itself is writable
    assert_unchanged_but_for_wal_index(path, before)


def test_read_only_folder(shared_folder: Path) -> None:
    path = shared_folder
    os.chmod(path, 0o644)
    os.chmod(path.parent, 0o555)
    before = folder_snapshot(path.parent)
    result = run_unprivileged(lambda: try_to_write(path))
    assert result == {"read_only": True, "people": 200, "write": "storage.read_only",
                      "message": result["message"], "create": "storage.cannot_create"}
    assert folder_snapshot(path.parent) == before


# ---------------------------------------------------------------- failing writes
def test_disk_full_keeps_the_old_state(workspace: Path) -> None:
    with WorkspaceFile.open(workspace) as wf:
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        state = wf.load_document()
        db_bytes = hashlib.sha256(workspace.read_bytes()).hexdigest()
        pages = wf.conn.execute("PRAGMA page_count").fetchone()[0]
        wf.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
        big = [c for i in range(40) for c in one_change(f"big{i}", "я" * 50_000)]
        with pytest.raises(WorkspaceError) as info:
            wf.apply(big)
        assert info.value.key == "storage.disk_full"
        assert "Ничего не изменено" in info.value.message("ru")
        assert wf.load_document() == state
        assert hashlib.sha256(workspace.read_bytes()).hexdigest() == db_bytes
        # Space comes back: the same connection keeps working.
        wf.conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        wf.apply(one_change("after"))
    with WorkspaceFile.open(workspace, read_only=True) as wf:
        ids = [s.id for s in wf.load_account("acme").stakeholders]
    assert "after" in ids and not any(i.startswith("big") for i in ids)
    assert len(ids) == 201


def test_file_deleted_while_open(workspace: Path) -> None:
    with WorkspaceFile.open(workspace) as wf:
        workspace.unlink()
        for write in (lambda: wf.apply(one_change()),
                      lambda: wf.add_accounts([Account(name="B")])):
            with pytest.raises(WorkspaceError) as info:
                write()
            assert info.value.key == "storage.gone"
            assert workspace.name in info.value.message("ru")
    assert not workspace.exists()


def test_file_replaced_while_open(workspace: Path, tmp_path: Path) -> None:
    moved = tmp_path / "moved.accountmap"
    with WorkspaceFile.open(workspace) as wf:
        workspace.rename(moved)
        shutil.copy2(moved, workspace)  # another file now has the name
        before = hashlib.sha256(workspace.read_bytes()).hexdigest()
        with pytest.raises(WorkspaceError) as info:
            wf.apply(one_change())
        assert info.value.key == "storage.gone"
        assert hashlib.sha256(workspace.read_bytes()).hexdigest() == before


def test_invalid_row_is_refused_before_anything_is_written(workspace: Path) -> None:
    with WorkspaceFile.open(workspace) as wf:
        before = wf.load_document()
        bad = one_change("ok") + [RowChange("stakeholders", "acme", "bad", None,
                                            Row(1, {"id": "bad", "influence": "huge"}))]
        with pytest.raises(WorkspaceError) as info:
            wf.apply(bad)
        assert info.value.key == "storage.invalid_row"
        assert "influence" in info.value.message("en")
        assert wf.load_document() == before


def test_refused_open_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "x.accountmap"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(WorkspaceError):
        WorkspaceFile.open(path)
    assert not lock_path(path).exists()


def test_read_only_folder_with_unmerged_wal_is_refused_clearly(
        shared_folder: Path, workspace: Path) -> None:
    path = shared_folder
    with WorkspaceFile.open(workspace) as wf:  # leave committed pages in the -wal
        wf.conn.execute("PRAGMA wal_autocheckpoint = 0")
        wf.apply(one_change("pending"))
        shutil.copy2(workspace, path)
        shutil.copy2(workspace.with_name(workspace.name + "-wal"),
                     path.with_name(path.name + "-wal"))
    os.chmod(path.parent, 0o555)
    before = folder_snapshot(path.parent)

    def job() -> dict:
        try:
            WorkspaceFile.open(path, read_only=True)
        except WorkspaceError as exc:
            return {"key": exc.key, "ru": exc.message("ru")}
        return {"key": None}

    result = run_unprivileged(job)
    assert result["key"] == "storage.wal_read_only_folder"
    assert "-wal" in result["ru"]
    assert folder_snapshot(path.parent) == before


def test_create_after_a_crashed_create(tmp_path: Path) -> None:
    """A half-made `.creating` file left by a crash does not block creating again."""
    path = tmp_path / "new.accountmap"
    leftover = tmp_path / "new.accountmap.creating"
    conn = sqlite3.connect(leftover)
    conn.execute("CREATE TABLE settings(key TEXT PRIMARY KEY, data TEXT NOT NULL)")
    conn.commit()
    conn.close()
    with WorkspaceFile.open(path, create=True) as wf:
        assert wf.settings() is not None and wf.account_ids() == []
    assert not leftover.exists()
