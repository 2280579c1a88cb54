"""Old workspace files: backed up, migrated through every version, data kept; a failed
migration leaves the original byte-identical."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from accountmap.storage import migrations
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.lock import lock_path
from accountmap.storage.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from accountmap.storage.workspace_file import WorkspaceFile


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_old_file(path: Path, version: int, people: int = 5) -> Path:
    """A genuine file of schema `version`: only MIGRATIONS[1..version] ever ran on it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    for v in range(1, min(version, 2) + 1):  # the rows as versions 1 and 2 held them
        MIGRATIONS[v](conn)
    conn.execute("INSERT INTO settings(key, data) VALUES ('workspace', ?)",
                 (json.dumps({"language": "ru"}),))
    conn.execute("INSERT INTO accounts(id, position, data) VALUES ('acme', 0, ?)",
                 (json.dumps({"name": "Акме", "industry": "Металлургия"},
                             ensure_ascii=False),))
    conn.executemany(
        "INSERT INTO stakeholders(account_id, id, position, data) VALUES (?, ?, ?, ?)",
        [("acme", f"s{i}", i, json.dumps({"id": f"s{i}", "full_name": f"Иван {i}",
                                          "roles": ["decision_maker"]}, ensure_ascii=False))
         for i in range(people)])
    conn.execute(
        "INSERT INTO roadmap_nodes(account_id, id, position, data) VALUES (?, ?, ?, ?)",
        ("acme", "n1", 0, json.dumps({"id": "n1", "kind": "start", "title": "Старт"},
                                     ensure_ascii=False)))
    for v in range(3, version + 1):  # later versions convert those rows
        MIGRATIONS[v](conn)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()
    return path


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    return make_old_file(tmp_path / "old.accountmap", 1)


def schema(path: Path) -> set[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return set(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_v1_fixture_is_a_genuine_v1_file(v1_file: Path) -> None:
    assert pragma(v1_file, "user_version") == 1
    assert pragma(v1_file, "application_id") == APPLICATION_ID
    assert not any(name.startswith("idx_") for _t, name, _tb, _s in schema(v1_file))


def test_opening_a_v1_file_backs_it_up_and_migrates_every_version(
        v1_file: Path, monkeypatch) -> None:
    ran: list[int] = []
    for version in range(2, SCHEMA_VERSION + 1):
        def spy(conn, _real=MIGRATIONS[version], _v=version):
            ran.append(_v)
            _real(conn)
        monkeypatch.setitem(MIGRATIONS, version, spy)

    with WorkspaceFile.open(v1_file) as wf:
        assert ran == list(range(2, SCHEMA_VERSION + 1))
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert wf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        account = wf.load_account("acme")
        assert wf.settings().language == "ru"
    assert account.name == "Акме" and account.industry == "Металлургия"
    assert [s.full_name for s in account.stakeholders] == [f"Иван {i}" for i in range(5)]
    assert account.stakeholders[0].roles[0].value == "decision_maker"
    assert [n.title for n in account.roadmap.nodes] == ["Старт"]

    backups = sorted(v1_file.parent.glob("old.backup-*.accountmap"))
    assert len(backups) == 1
    assert backups[0].name.startswith("old.backup-v1-")  # the version it was migrated from
    assert pragma(backups[0], "user_version") == 1
    assert schema(backups[0]) == schema(make_old_file(v1_file.parent / "ref.db", 1))
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT count(*) FROM stakeholders").fetchone()[0] == 5

    # Reopening does not migrate (or back up) again.
    WorkspaceFile.open(v1_file).close()
    assert len(list(v1_file.parent.glob("old.backup-*.accountmap"))) == 1


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_migrated_file_has_the_schema_of_a_new_one(tmp_path: Path, version: int) -> None:
    old = make_old_file(tmp_path / f"v{version}.accountmap", version)
    WorkspaceFile.open(old).close()
    new = tmp_path / "new.accountmap"
    WorkspaceFile.open(new, create=True).close()
    assert schema(old) == schema(new)
    assert pragma(old, "user_version") == pragma(new, "user_version") == SCHEMA_VERSION


def _fails_with_python_error(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX idx_half_done ON stakeholders(position)")
    conn.execute("UPDATE stakeholders SET data = '{}'")
    raise RuntimeError("boom in migration")


def _fails_with_sql_error(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX idx_half_done ON stakeholders(position)")
    conn.execute("ALTER TABLE no_such_table ADD COLUMN x")


@pytest.mark.parametrize("failing", [_fails_with_python_error, _fails_with_sql_error])
def test_failed_migration_leaves_the_original_byte_identical(
        v1_file: Path, monkeypatch, failing) -> None:
    before = sha(v1_file)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, failing)
    with pytest.raises(WorkspaceError) as info:
        WorkspaceFile.open(v1_file)
    assert info.value.key == "storage.migration_failed"
    assert "untouched" in info.value.message("en")
    assert "не изменён" in info.value.message("ru")
    assert sha(v1_file) == before
    for suffix in ("-wal", "-journal", ".lock"):
        assert not Path(str(v1_file) + suffix).exists()
    assert pragma(v1_file, "user_version") == 1

    monkeypatch.undo()  # with the real migration, the same file opens fine
    with WorkspaceFile.open(v1_file) as wf:
        assert len(wf.load_account("acme").stakeholders) == 5


def test_old_file_opened_read_only_is_read_untouched_without_an_upgrade(v1_file: Path) -> None:
    before = sha(v1_file)
    with WorkspaceFile.open(v1_file, read_only=True) as wf:  # reading commands
        assert wf.read_only
        assert len(wf.load_account("acme").stakeholders) == 5
        assert wf.settings().language == "ru"
    assert sha(v1_file) == before
    assert pragma(v1_file, "user_version") == 1
    assert not lock_path(v1_file).exists()
    assert list(v1_file.parent.iterdir()) == [v1_file]  # no backup, no sidecar


def test_no_migration_without_a_backup(v1_file: Path, monkeypatch) -> None:
    import errno

    from accountmap.storage import workspace_file

    def disk_full(path, version=0):
        raise OSError(errno.ENOSPC, "No space left on device")

    before = sha(v1_file)
    monkeypatch.setattr(workspace_file, "backup_before_migration", disk_full)
    with pytest.raises(WorkspaceError) as info:
        WorkspaceFile.open(v1_file)
    assert info.value.key == "storage.migration_failed"
    assert "backup" in info.value.message("en")
    assert sha(v1_file) == before
    assert pragma(v1_file, "user_version") == 1


def test_a_v3_file_gets_the_comments_table_and_a_review_reads_it_untouched(tmp_path: Path
                                                                          ) -> None:
    """Version 4 adds review_comments: a v3 file opened to write is upgraded (its rows
    kept, comments can be added); a v3 file in a portfolio review is read as it is."""
    import datetime as dt

    from accountmap.domain.models import ReviewComment
    from accountmap.storage.portfolio_files import load_portfolio
    from accountmap.storage.rows import Row, RowChange

    old = make_old_file(tmp_path / "kam.accountmap", 3)
    before = sha(old)
    (deal,) = load_portfolio([old], dt.date(2026, 11, 23)).deals
    assert deal.review.summary.people == 5 and deal.review.open_comments == ()
    assert sha(old) == before and pragma(old, "user_version") == 3
    with WorkspaceFile.open(old) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == 4
        comment = ReviewComment(text="Где ЛПР?", stakeholder_id="s1")
        wf.apply([RowChange("review_comments", "acme", comment.id, None,
                            Row(0, comment.model_dump(mode="json")))])
        assert len(wf.load_account("acme").stakeholders) == 5
        assert wf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert len(list(tmp_path.glob("kam.backup-*.accountmap"))) == 1
