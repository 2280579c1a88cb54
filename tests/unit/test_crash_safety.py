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
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

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

    def __init__(self, path: Path, first: int) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
        self.proc = subprocess.Popen(
            [sys.executable, crash_worker.__file__, str(path), str(first)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        self.acks: list[int] = []
        self.first_ack = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
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


MIGRATOR = """
import sys, time
from accountmap.storage import migrations
from accountmap.storage.workspace_file import WorkspaceFile
real = migrations.MIGRATIONS[2]
def slow_migration(conn):  # a long migration: a kill lands inside its transaction
    print("migrating", flush=True)
    real(conn)
    time.sleep(1.0)
migrations.MIGRATIONS[2] = slow_migration
WorkspaceFile.open(sys.argv[1]).close()
print("migrated", flush=True)
"""


def test_killed_migration_leaves_the_old_or_the_new_version(tmp_path: Path) -> None:
    from tests.unit.test_migrations import make_old_file

    from accountmap.storage.migrations import SCHEMA_VERSION

    rng = random.Random(7)
    people = 5_000
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(  # keeps scripts/test-any-day's entry
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    outcomes = []
    for trial in range(6):
        path = make_old_file(tmp_path / f"old{trial}.accountmap", 1, people=people)
        child = subprocess.Popen([sys.executable, "-c", MIGRATOR, str(path)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if trial % 2 == 0:  # inside the migration's transaction
            assert child.stdout.readline().strip() == "migrating", child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.5))
        else:  # anywhere: start-up, backup, migration, commit, switch to WAL, close
            time.sleep(rng.uniform(0.0, 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            indexes = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                   " AND name LIKE 'idx_%'").fetchone()[0]
            count = conn.execute("SELECT count(*) FROM stakeholders").fetchone()[0]
        finally:
            conn.close()
        assert version in (1, SCHEMA_VERSION)
        assert (indexes > 0) == (version == SCHEMA_VERSION)  # never half-migrated
        assert count == people
        outcomes.append(version)
        with WorkspaceFile.open(path) as wf:  # and it opens (migrating if need be)
            assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert len(wf.rows("stakeholders", "acme")) == people
    assert 1 in outcomes  # some kills did land inside a migration
