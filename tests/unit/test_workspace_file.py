"""The workspace file: created whole, one transaction per change, bad files refused."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from accountmap.domain.models import Account, Stakeholder
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.migrations import SCHEMA_VERSION
from accountmap.storage.workspace_file import Row, RowChange, WorkspaceFile


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_has_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        assert wf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert wf.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert wf.account_ids() == []
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_change_of_several_rows_is_all_or_nothing(tmp_path):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        (aid,) = wf.add_accounts([Account(name="A", stakeholders=[Stakeholder(id="p", full_name="P")])])
        good = RowChange("stakeholders", aid, "q", None, Row(1, Stakeholder(id="q").model_dump(mode="json")))
        bad = RowChange("stakeholders", aid, "r", None, Row(2, {"id": "r", "influence": "huge"}))
        with pytest.raises(WorkspaceError):
            wf.apply([good, bad])
        assert [s.id for s in wf.load_account(aid).stakeholders] == ["p"]
        # a row of an account that does not exist violates the foreign key: nothing written
        orphan = RowChange("stakeholders", "no-such-account", "z", None, Row(0, Stakeholder(id="z").model_dump(mode="json")))
        with pytest.raises(WorkspaceError):
            wf.apply([good, orphan])
        assert [s.id for s in wf.load_account(aid).stakeholders] == ["p"]


@pytest.mark.parametrize("make, key", [
    (lambda p: None, "storage.missing"),
    (lambda p: p.mkdir(), "storage.directory"),
    (lambda p: p.write_bytes(b""), "storage.empty"),
    (lambda p: p.write_text("name,title\nИванов,CEO\n"), "storage.not_sqlite"),
])
def test_bad_paths_are_refused(tmp_path, make, key):
    path = tmp_path / "bad.accountmap"
    make(path)
    with pytest.raises(WorkspaceError) as caught:
        WorkspaceFile.open(path)
    assert caught.value.key == key


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(WorkspaceError) as caught:
        WorkspaceFile.open(path)
    assert caught.value.key == "storage.not_accountmap"
    assert digest(path) == before


def test_newer_and_truncated_files_are_refused_untouched(tmp_path):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="A" * 400, notes="x" * 50_000) for _ in range(20)])
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    newer = tmp_path / "newer.accountmap"
    newer.write_bytes(path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(newer)
    with pytest.raises(WorkspaceError) as caught:
        WorkspaceFile.open(newer)
    assert caught.value.key == "storage.newer" and "99" in caught.value.message("ru")
    assert digest(newer) == before
    cut = tmp_path / "cut.accountmap"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = digest(cut)
    with pytest.raises(WorkspaceError) as caught:
        WorkspaceFile.open(cut)
    assert caught.value.key == "storage.truncated"
    assert digest(cut) == before


def test_read_only_open_refuses_writes(tmp_path):
    path = tmp_path / "w.accountmap"
    WorkspaceFile.open(path, create=True).close()
    with WorkspaceFile.open(path, read_only=True) as wf:
        with pytest.raises(WorkspaceError) as caught:
            wf.add_accounts([Account(name="A")])
        assert caught.value.key == "storage.read_only"
