"""Nothing lost: SIGKILL a writer at random moments; every acknowledged edit survives.

A child process applies the edit stream of `crash_worker` through `WorkspaceFile.apply`
and prints each edit's number after `apply` returned. After each kill the file must pass
`PRAGMA integrity_check`, open normally (taking over the dead writer's lock), and hold
exactly the replayed state after the acknowledged edits, or after one more (the child may
die between committing an edit and printing its number) - never anything in between, so
multi-row edits are all-or-nothing.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.unit import crash_worker
from tests.unit.crash_worker import edit, replay, setup_changes

from accountmap.domain.models import COLLECTIONS
from accountmap.storage.workspace_file import ACCOUNTS, WorkspaceFile

REPO = Path(__file__).resolve().parents[2]
TRIALS = 24


def file_state(wf: WorkspaceFile) -> dict:
    state = {}
    for row_id, row in wf.account_rows():
        state[(ACCOUNTS, None, row_id)] = row.data
        for table in COLLECTIONS:
            for entity_id, entity in wf.rows(table, row_id):
                state[(table, row_id, entity_id)] = entity.data
    return state


class Child:
    """The writer process; a thread collects the numbers it acknowledges."""

    def __init__(self, *args: object, script: str | Path = crash_worker.__file__) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
        self.proc = subprocess.Popen(
            [sys.executable, str(script), *map(str, args)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        self.acks: list[int] = []
        self.first_ack = threading.Event()
        self.writing: list[int] = []  # "writing K": the child is about to commit K
        self.first_write = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("writing "):
                self.writing.append(int(line.split()[1]))
                self.first_write.set()
                continue
            self.acks.append(int(line))
            self.first_ack.set()

    def kill(self) -> str:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        return self.proc.stderr.read()


def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    path = tmp_path / "crash.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.apply(setup_changes())
        base = file_state(wf)
    state = replay(base, setup_changes())
    assert state == base
    done = 0  # edits in the file
    killed_mid_stream = 0

    for trial in range(TRIALS):
        child = Child(path, done)
        if rng.random() < 0.25:
            # Anywhere: during start-up, opening, lock take-over, WAL recovery, writing.
            time.sleep(rng.uniform(0.0, 0.8))
        else:
            assert child.first_ack.wait(timeout=60), child.proc.stderr.read()
            time.sleep(rng.uniform(0.0, 0.1))
        stderr = child.kill()
        assert child.proc.returncode == -signal.SIGKILL, stderr
        acks = child.acks
        assert acks == list(range(done, done + len(acks))), "acks out of order"
        killed_mid_stream += bool(acks)

        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()

        for k in range(done, done + len(acks)):
            state = replay(state, edit(k))
        done += len(acks)
        one_more = replay(state, edit(done))

        with WorkspaceFile.open(path) as wf:  # takes over the dead child's lock
            found = file_state(wf)
            account = wf.load_account(crash_worker.ACCOUNT)
        if found == one_more:  # committed, killed before it could say so
            state, done = one_more, done + 1
        else:
            missing = {k for k in state if k not in found or found[k] != state[k]}
            extra = set(found) - set(state)
            assert found == state, (
                f"trial {trial}: after {done} acknowledged edits the file differs: "
                f"{len(missing)} rows missing or different, {len(extra)} unexpected "
                f"(e.g. {sorted(missing | extra)[:5]})")
        assert account.name == state[(ACCOUNTS, None, crash_worker.ACCOUNT)]["name"]

    assert killed_mid_stream >= TRIALS // 2
    assert done > TRIALS  # the stream really advanced


def imported_batches(path: Path) -> dict[int, int]:
    """{k: number of accounts of import k} in the workspace at `path`."""
    batches: dict[int, int] = {}
    with WorkspaceFile.open(path, read_only=True) as wf:  # the way a reading command opens
        for _account_id, name in wf.account_summaries():
            k = int(name[1:].split("-")[0])
            batches[k] = batches.get(k, 0) + 1
        for account_id in wf.account_ids():
            assert len(wf.rows("stakeholders", account_id)) == 40
    return batches


def check_integrity(path: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def kill_soon(child: Child, rng: random.Random) -> None:
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0.0, 0.8))  # anywhere, start-up included
    else:
        assert child.first_ack.wait(timeout=60), child.proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.15))
    stderr = child.kill()
    assert child.proc.returncode == -signal.SIGKILL, stderr


IMPORT_TRIALS = 20


@pytest.mark.slow
def test_a_killed_import_into_a_new_file_leaves_nothing_or_everything(tmp_path: Path) -> None:
    """Issue 13, class 3: `accountmap import` into a new file was two transactions."""
    rng = random.Random(1313)
    done = 0
    for trial in range(IMPORT_TRIALS):
        child = Child("import", "new", tmp_path, done)
        kill_soon(child, rng)
        assert child.acks == list(range(done, done + len(child.acks)))
        before, done = done, done + len(child.acks)
        for k in range(before, done):  # every acknowledged import is whole
            path = tmp_path / f"n{k}.accountmap"
            assert imported_batches(path) == {k: crash_worker.IMPORT_ACCOUNTS}, trial
        in_flight = tmp_path / f"n{done}.accountmap"
        if in_flight.exists():  # committed and renamed, killed before it could say so
            check_integrity(in_flight)
            assert imported_batches(in_flight) == {done: crash_worker.IMPORT_ACCOUNTS}
            with WorkspaceFile.open(in_flight, read_only=True) as wf:
                assert wf.settings().language == "en"  # settings and accounts together
            done += 1
    assert done >= IMPORT_TRIALS // 2  # the stream really advanced


@pytest.mark.slow
def test_a_killed_import_into_an_existing_file_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(1314)
    path = tmp_path / "w.accountmap"
    WorkspaceFile.open(path, create=True).close()
    done = 0
    for trial in range(IMPORT_TRIALS):
        child = Child("import", "existing", path, done)
        kill_soon(child, rng)
        done += len(child.acks)
        batches = imported_batches(path)  # recovers the WAL the way every command does
        check_integrity(path)
        if done in batches:  # committed, killed before it could say so
            done += 1
        assert batches == {k: crash_worker.IMPORT_ACCOUNTS for k in range(done)}, trial
    assert done >= IMPORT_TRIALS // 2


MIGRATOR = """
import sys, time
from accountmap.storage import migrations
from accountmap.storage.workspace_file import WorkspaceFile
real = migrations.MIGRATIONS[2]
def slow_migration(conn):  # a long migration: a kill lands inside its transaction
    print("migrating", flush=True)
    real(conn)
    conn.execute("UPDATE stakeholders SET data = json_set(data, '$.title', "
                 "hex(randomblob(100)))")  # many changed pages, some spilled to the file
    time.sleep(0.3)
migrations.MIGRATIONS[2] = slow_migration
WorkspaceFile.open(sys.argv[1]).close()
print("migrated", flush=True)
"""
MIGRATION_TRIALS = 20


@pytest.mark.slow
@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_killed_migration_leaves_the_old_or_the_new_version(tmp_path: Path,
                                                            journal_mode: str) -> None:
    """A killed migration, in rollback-journal mode (a hot -journal is left) or in WAL:
    the next command opens the file, read-only first, with its last committed state."""
    from tests.unit.test_migrations import make_old_file

    from accountmap.storage.migrations import SCHEMA_VERSION

    rng = random.Random(7 if journal_mode == "delete" else 8)
    people = 1_000
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    template = make_old_file(tmp_path / "template.accountmap", 1, people=people)
    with WorkspaceFile.open(template, read_only=True) as wf:
        expected = [s.model_dump() for s in wf.load_account("acme").stakeholders]
    outcomes = []
    hot_journals = 0
    for trial in range(MIGRATION_TRIALS):
        path = tmp_path / f"old{trial}.accountmap"
        shutil.copyfile(template, path)
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.close()
        child = subprocess.Popen([sys.executable, "-c", MIGRATOR, str(path)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if trial % 4 != 3:  # inside the migration's transaction
            assert child.stdout.readline().strip() == "migrating", child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.3))
        else:  # anywhere: start-up, backup, migration, commit, switch to WAL, close
            time.sleep(rng.uniform(0.0, 2.0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        journal = Path(f"{path}-journal")
        hot_journals += journal.exists() and journal.stat().st_size > 0
        # First a reading command, the way the CLI opens: no raw connection beforehand.
        with WorkspaceFile.open(path, read_only=True) as wf:
            stakeholders = [s.model_dump() for s in wf.load_account("acme").stakeholders]
        version = _pragma(path, "user_version")
        assert version in (1, SCHEMA_VERSION)
        if version == 1:
            assert stakeholders == expected  # untouched by the migration that died
        else:
            assert len(stakeholders) == people
        check_integrity(path)
        outcomes.append(version)
        with WorkspaceFile.open(path) as wf:  # and it opens for writing, migrating
            assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert len(wf.rows("stakeholders", "acme")) == people
        check_integrity(path)
        # one backup for the killed attempt and the one that finished (issue 13, class 9),
        # whole: the file as it was before any migration
        backups = list(tmp_path.glob(f"old{trial}.backup-*"))
        assert len(backups) == 1, [b.name for b in backups]
        assert _pragma(backups[0], "user_version") == 1
        check_integrity(backups[0])
    assert outcomes.count(1) >= MIGRATION_TRIALS // 2  # kills did land inside migrations
    if journal_mode == "delete":
        assert hot_journals >= MIGRATION_TRIALS // 4  # the case that said "damaged"


def _pragma(path: Path, name: str):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()
