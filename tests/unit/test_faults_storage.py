"""Attacks on the workspace file (issue 13): crash leftovers, refused files, links, disk
full, backups, import transactions. Each names the class of the issue it covers."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from accountmap.cli import main
from accountmap.domain.models import Account, Stakeholder
from accountmap.storage import migrations
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.lock import WorkspaceLocked, lock_path
from accountmap.storage.workspace_file import WorkspaceFile
from tests.unit.test_migrations import make_old_file

REPO = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def logical(path: Path) -> list:
    """Everything the file holds, read without recovering anything."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = []
        for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            rows.append((table, conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()))
        return rows + [conn.execute("PRAGMA user_version").fetchone()]
    finally:
        conn.close()


def run_child(code: str, *args: object) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                          env=env, capture_output=True, text=True, timeout=120)


# A migration killed in the middle of its transaction, after SQLite already wrote changed
# pages into the file (a tiny cache makes it spill): a hot -journal is left beside it.
KILLED_MID_TRANSACTION = """
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 2")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE INDEX idx_x ON stakeholders(account_id, position)")
    conn.execute("UPDATE stakeholders SET data = json_set(data, '$.title', hex(randomblob(200)))")
    conn.execute("PRAGMA user_version = 2")
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def crashed_v1(tmp_path: Path) -> tuple[Path, list]:
    path = make_old_file(tmp_path / "old.accountmap", 1, people=3000)
    before = logical(path)
    result = run_child(KILLED_MID_TRANSACTION, path)
    assert result.returncode == -signal.SIGKILL, result.stderr
    journal = Path(f"{path}-journal")
    assert journal.exists() and journal.stat().st_size > 0  # hot
    return path, before


def test_a_killed_migration_in_journal_mode_opens_with_its_last_committed_state(crashed_v1):
    """Class 2: every command said "damaged or truncated" although all data was intact."""
    path, before = crashed_v1
    with WorkspaceFile.open(path, read_only=True) as wf:  # a reading command
        assert len(wf.load_account("acme").stakeholders) == 3000
        assert all(s.title == "" for s in wf.load_account("acme").stakeholders)
    assert logical(path) == before  # rolled back to the committed v1 state
    assert integrity(path) == [("ok",)]


def test_a_killed_migration_recovers_through_the_cli(crashed_v1, tmp_path, capsys):
    path, _before = crashed_v1
    assert main(["export", str(path), "-o", str(tmp_path / "out.json")]) == 0
    people = json.loads((tmp_path / "out.json").read_text())["accounts"][0]["stakeholders"]
    assert len(people) == 3000
    assert main(["check", str(path)]) in (0, 1)  # 1: rule warnings of the sample data
    out = capsys.readouterr()
    assert "integrity" not in out.out and not out.err


def test_a_garbage_journal_does_not_make_a_good_file_unopenable(tmp_path):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    before = logical(path)
    Path(f"{path}-journal").write_bytes(os.urandom(4096))
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert wf.account_summaries()[0][1] == "Акме"
    assert logical(path) == before


def test_a_file_with_a_missing_table_is_refused_and_never_written(tmp_path):
    """Class 6: it was switched to WAL (and optimized) while the message said untouched."""
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("DROP TABLE touchpoints")
    conn.close()
    before = sha(path)
    for read_only in (False, True):
        with pytest.raises(WorkspaceError) as info:
            WorkspaceFile.open(path, read_only=read_only)
        assert "touchpoints" in info.value.message("en")
        assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.accountmap"]


def test_reading_a_workspace_never_writes_it(tmp_path, capsys):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме", stakeholders=[Stakeholder(full_name="Иван")])])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = sha(path)
    assert main(["check", str(path)]) == 0
    assert main(["export", str(path), "-o", str(tmp_path / "x.json")]) == 0
    capsys.readouterr()
    assert sha(path) == before
    # Opened for writing, nothing written: no optimize. (Schema v3's first session leaves
    # a sqlite_stat1 behind, so its absence no longer tells; watch the statements instead.)
    wf = WorkspaceFile.open(path)
    statements: list[str] = []
    wf.conn.set_trace_callback(statements.append)
    wf.close()
    assert not [s for s in statements if "optimize" in s.lower() or "analyze" in s.lower()]
    assert integrity(path) == [("ok",)]


def make_stale_wal(tmp_path: Path) -> Path:
    """A workspace deleted while open: its -wal and -shm stay at the path."""
    path = tmp_path / "w.accountmap"
    code = """
        import os, signal, sys
        from accountmap.domain.models import Account, Stakeholder
        from accountmap.storage.workspace_file import WorkspaceFile
        wf = WorkspaceFile.open(sys.argv[1], create=True)
        wf.add_accounts([Account(name=f"Old {i}", stakeholders=[
            Stakeholder(full_name="x" * 500) for _ in range(30)]) for i in range(20)])
        os.unlink(sys.argv[1])
        os.kill(os.getpid(), signal.SIGKILL)
    """
    result = run_child(code, path)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert not path.exists() and Path(f"{path}-wal").stat().st_size > 0
    return path


def test_stale_wal_never_joins_a_new_workspace(tmp_path, capsys):
    """Class 4: a new import at the path exited 0 and `check` reported a damaged page."""
    path = make_stale_wal(tmp_path)
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "accountmap", "version": 1, "accounts": [{"name": "Новый"}]}), encoding="utf-8")
    assert main(["import", str(path), str(source)]) == 0
    assert integrity(path) == [("ok",)]
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert [name for _i, name in wf.account_summaries()] == ["Новый"]


def test_stale_wal_never_joins_a_workspace_created_empty(tmp_path):
    path = make_stale_wal(tmp_path)
    with WorkspaceFile.open(path, create=True) as wf:
        assert wf.account_ids() == []
    assert integrity(path) == [("ok",)]


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_link_shares_the_lock_of_its_file(tmp_path, link):
    """Class 5: the lock followed the name; two editors, one lost update."""
    path = tmp_path / "w.accountmap"
    WorkspaceFile.open(path, create=True).close()
    other = tmp_path / "other-name.accountmap"
    other.symlink_to(path) if link == "symlink" else os.link(path, other)
    with WorkspaceFile.open(path):
        with pytest.raises(WorkspaceLocked) as info:
            WorkspaceFile.open(other)
        assert "already open for editing" in info.value.message("en")
    with WorkspaceFile.open(other):  # and the other way round
        with pytest.raises(WorkspaceLocked):
            WorkspaceFile.open(path)
    assert not lock_path(path).exists() and not lock_path(other).exists()


def test_a_hard_link_is_locked_across_processes(tmp_path):
    path = tmp_path / "w.accountmap"
    WorkspaceFile.open(path, create=True).close()
    os.link(path, tmp_path / "alias.accountmap")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom accountmap.storage.workspace_file import "
         "WorkspaceFile\nwf = WorkspaceFile.open(sys.argv[1])\nprint('ready', flush=True)\n"
         "sys.stdin.readline()", str(tmp_path / "alias.accountmap")],
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))), stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WorkspaceLocked):
            WorkspaceFile.open(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    WorkspaceFile.open(path).close()  # free again once the holder is gone


def test_a_read_only_open_leaves_no_sidecars_but_never_takes_a_writers(tmp_path):
    """A reading command left empty -wal/-shm beside a WAL-mode file it only read; it
    removes what it created, but not while another process has the file open."""
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Acme")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.accountmap"]
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert Path(f"{path}-shm").exists()  # SQLite's, while open
        assert wf.account_summaries()[0][1] == "Acme"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.accountmap"]
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom accountmap.storage.workspace_file import "
         "WorkspaceFile\nwf = WorkspaceFile.open(sys.argv[1], read_only=True)\n"
         "wf.account_ids()\nprint('ready', flush=True)\nsys.stdin.readline()\n"
         "print(len(wf.account_ids()), flush=True)", str(path)],
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))), stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with WorkspaceFile.open(path, read_only=True) as wf:
            wf.account_ids()
        assert Path(f"{path}-shm").exists()  # the other reader still uses it
        with WorkspaceFile.open(path) as wf:  # a writer meanwhile
            wf.add_accounts([Account(name="Beta")])
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "2"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0


def test_an_older_file_is_read_without_an_upgrade_and_upgraded_when_written(tmp_path, capsys):
    """Class 8: a v1 file was "read-only" for every reading command."""
    path = make_old_file(tmp_path / "old.accountmap", 1)
    before = sha(path)
    assert main(["export", str(path), "-o", str(tmp_path / "x.json")]) == 0
    assert main(["portfolio", str(path)]) == 0
    assert main(["check", str(path)]) in (0, 1)  # 1: rule warnings of the sample data
    assert not capsys.readouterr().err
    assert sha(path) == before
    assert not list(tmp_path.glob("old.backup-*"))
    with WorkspaceFile.open(path) as wf:  # a writer upgrades
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert len(list(tmp_path.glob("old.backup-*"))) == 1


def test_one_backup_per_failed_migration_of_the_same_file(tmp_path, monkeypatch):
    """Class 9: each failed migration left one more full backup."""
    path = make_old_file(tmp_path / "old.accountmap", 1)

    def broken(conn):
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    for _ in range(3):
        with pytest.raises(WorkspaceError):
            WorkspaceFile.open(path)
    assert len(list(tmp_path.glob("old.backup-*"))) == 1
    monkeypatch.undo()
    with WorkspaceFile.open(path) as wf:
        assert len(wf.load_account("acme").stakeholders) == 5
    assert len(list(tmp_path.glob("old.backup-*"))) == 1


def test_an_import_into_a_new_file_is_one_transaction(tmp_path, monkeypatch):
    """Class 3: settings were committed before the accounts; a kill left settings only."""
    from accountmap.storage import workspace_file

    transactions = []  # statements written in each transaction begun
    real = workspace_file.WorkspaceFile._execute

    def counting(self, statements):
        if statements and not self._in_transaction:  # this call begins a transaction
            transactions.append(0)
        if statements:
            transactions[-1] += len(statements)
        return real(self, statements)

    monkeypatch.setattr(workspace_file.WorkspaceFile, "_execute", counting)
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "accountmap", "version": 1, "language": "en", "accounts": [
        {"name": f"A{i}"} for i in range(40)]}), encoding="utf-8")
    assert main(["import", str(tmp_path / "new.accountmap"), str(source)]) == 0
    assert len(transactions) == 1 and transactions[0] > 40
    assert main(["import", str(tmp_path / "new.accountmap"), str(source)]) == 0
    assert len(transactions) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "new.accountmap"]
    with WorkspaceFile.open(tmp_path / "new.accountmap", read_only=True) as wf:
        assert len(wf.account_ids()) == 80 and wf.settings().language == "en"


# ------------------------------------------------------------------ a full disk
@pytest.fixture
def full_disk(tmp_path: Path):
    """A tiny tmpfs (needs root; skipped otherwise)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def test_creating_on_a_full_disk_says_so_and_leaves_no_lock_file(full_disk, capsys):
    """Class 8: it said "cannot be locked" and left 0-byte lock files."""
    fill(full_disk)
    with pytest.raises(WorkspaceError) as info:
        WorkspaceFile.open(full_disk / "new.accountmap", create=True)
    assert "disk is full" in info.value.message("en")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]


def test_a_healthy_workspace_on_a_full_disk_is_not_called_damaged(full_disk, tmp_path):
    path = full_disk / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    fill(full_disk)
    try:
        wf = WorkspaceFile.open(path)
    except WorkspaceError as exc:
        assert "damaged" not in exc.message("en") and "disk is full" in exc.message("en")
    else:  # it opened: then an edit must say the disk is full, and change nothing
        with wf:
            with pytest.raises(WorkspaceError) as info:
                wf.add_accounts([Account(name="Б" * 100_000)])
            assert "disk is full" in info.value.message("en")
    (full_disk / "filler").unlink()
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert [n for _i, n in wf.account_summaries()] == ["Акме"]
    assert integrity(path) == [("ok",)]


def test_a_workspace_as_left_by_the_app_is_read_on_a_full_disk(full_disk, tmp_path, capsys):
    """Class 8, the usual case: a workspace closed by the app is in WAL mode, and reading
    it needs a -shm index that a full disk has no room for; it was "damaged or truncated
    (disk I/O error)" for every reading command. Now it is read, and left as it was."""
    path = full_disk / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    fill(full_disk)
    before = sha(path)
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert [n for _i, n in wf.account_summaries()] == ["Акме"]
    assert main(["export", str(path), "-o", str(tmp_path / "x.json")]) == 0
    assert main(["portfolio", str(path)]) == 0
    assert "damaged" not in capsys.readouterr().err
    assert sha(path) == before
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "w.accountmap"]
    # writing (the account again, as a copy: the same id is refused before any write)
    assert main(["import", str(path), str(tmp_path / "x.json"), "--on-conflict", "copy"]) == 2
    assert "disk is full" in capsys.readouterr().err
    assert sha(path) == before


def test_a_new_workspace_on_a_full_disk_is_named_as_typed(full_disk, tmp_path, capsys):
    """The message named the hidden file it is built in (.new.accountmap.building)."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "accountmap", "version": 1, "language": "en",
                                  "accounts": [{"name": "A"}]}), encoding="utf-8")
    fill(full_disk)
    filler = full_disk / "filler"
    os.truncate(filler, filler.stat().st_size - 8192)  # room for the lock, not the file
    target = full_disk / "new.accountmap"
    assert main(["import", str(target), str(source)]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and f"{target} " in err and ".building" not in err
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
