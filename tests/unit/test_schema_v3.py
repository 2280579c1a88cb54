"""Schema v3: SQLite itself guards the data, the file reads as tables of people, and the
v2 file written by the previous release migrates with everything intact."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_TODAY

from accountmap.domain.models import COLLECTIONS
from accountmap.storage.migrations import COLLECTIONS as V2_COLLECTIONS
from accountmap.storage.demo import write_demo
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.exchange import document_to_json, export_document
from accountmap.storage.migrations import SCHEMA_VERSION, migrate
from accountmap.storage.schema import LINKS, TABLES
from accountmap.storage.workspace_file import WorkspaceFile
from tests.samples.v2_export import expected_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V2_FILE = FIXTURES / "v2_workspace.accountmap"
REPO = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.accountmap"
    write_demo(path)
    return path


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


# ------------------------------------------------------------------- a real database
def test_plain_sqlite3_prints_people(demo: Path) -> None:
    if shutil.which("sqlite3") is None:
        pytest.skip("no sqlite3 command line tool")
    out = subprocess.run(["sqlite3", str(demo), "select full_name, title from stakeholders"],
                         capture_output=True, text=True, check=True).stdout
    assert "Горбунов Виктор Павлович|Генеральный директор" in out
    assert len(out.splitlines()) >= 20


def test_every_reference_is_a_foreign_key(demo: Path) -> None:
    conn = connect(demo)
    for table in TABLES.values():
        listed = {(row[2], row[3], row[6]) for row in
                  conn.execute(f"PRAGMA foreign_key_list({table.name})")}
        assert ("accounts", "account_id", "CASCADE") in listed
        for fk in table.foreign_keys:
            action = "CASCADE" if fk.on_delete == "CASCADE" else "NO ACTION"
            assert (fk.parent, fk.column, action) in listed, (table.name, fk)
    for link in LINKS.values():
        parents = {row[2] for row in conn.execute(f"PRAGMA foreign_key_list({link.table})")}
        assert parents == {link.owner, link.target}
    # every field of every model is a column or a link table: nothing is left in a blob
    for name, model in COLLECTIONS.items():
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
        held = columns | {link.field for link in LINKS.values() if link.owner == name}
        assert set(model.model_fields) <= held, name
        assert "data" not in columns


def test_a_relationship_to_a_missing_person_fails_in_sqlite(demo: Path, tmp_path) -> None:
    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = connect(path)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO relationships(account_id, id, position, from_id, to_id, kind, "
                 "strength, label) VALUES ('acc-uzts', 'r-x', 99, 'sh-ivanov', 'nobody', "
                 "'ally', 3, '')")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("COMMIT")
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM relationships WHERE id = 'r-x'").fetchone() == (0,)


@pytest.mark.parametrize("sql", [
    "UPDATE stakeholders SET influence = 'huge'",
    "UPDATE stakeholders SET relationship_strength = 9",
    "UPDATE stakeholders SET last_contact = '2026-02-30'",
    "UPDATE stakeholders SET last_contact = '30.01.2026'",
    "UPDATE stakeholders SET roles = '[broken'",
    "UPDATE stakeholders SET full_name = NULL",
    "UPDATE stakeholders SET x = 'far'",
    "UPDATE relationships SET to_id = from_id",
    "UPDATE roadmap_edges SET loop = 2",
    "UPDATE journey_grids SET cells = '[]'",
    "UPDATE accounts SET deal_value = -1",
    "UPDATE accounts SET temperature = 'boiling'",
])
def test_sqlite_refuses_bad_values(demo: Path, tmp_path, sql: str) -> None:
    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(sql)


def test_deleting_in_sqlite_does_what_the_editor_does(demo: Path, tmp_path) -> None:
    path = tmp_path / "d.accountmap"
    shutil.copy(demo, path)
    conn = connect(path)
    one = "account_id = 'acc-uzts'"
    attended = conn.execute(f"SELECT count(*) FROM meeting_attendees WHERE {one} AND "
                            "stakeholder_id = 'sh-petrov'").fetchone()[0]
    assert attended > 0
    conn.execute(f"DELETE FROM stakeholders WHERE {one} AND id = 'sh-petrov'")
    for table, column in (("relationships", "from_id"), ("relationships", "to_id"),
                          ("open_questions", "stakeholder_id"),
                          ("meeting_attendees", "stakeholder_id"),
                          ("roadmap_node_people", "stakeholder_id")):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE {one} AND {column} = "
                            "'sh-petrov'").fetchone() == (0,), table
    centre = conn.execute(f"SELECT decision_centre_id FROM stakeholders WHERE {one} AND "
                          "decision_centre_id IS NOT NULL").fetchone()[0]
    conn.execute(f"DELETE FROM decision_centres WHERE {one} AND id = ?", (centre,))
    assert conn.execute(f"SELECT count(*) FROM stakeholders WHERE {one} AND "
                        "decision_centre_id = ?", (centre,)).fetchone() == (0,)
    assert conn.execute(f"SELECT count(*) FROM stakeholders WHERE {one}").fetchone()[0] > 5
    conn.execute("DELETE FROM accounts WHERE id = 'acc-uzts'")
    for table in (*COLLECTIONS, *LINKS):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE {one}").fetchone() == (0,)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_full_text_search_finds_people_and_questions(demo: Path) -> None:
    conn = connect(demo)
    people = conn.execute("SELECT s.full_name FROM stakeholders_fts f JOIN stakeholders s "
                          "ON s.rowid = f.rowid WHERE stakeholders_fts MATCH 'горбунов'"
                          ).fetchall()
    assert people == [("Горбунов Виктор Павлович",)]
    assert conn.execute("SELECT count(*) FROM open_questions_fts WHERE open_questions_fts "
                        "MATCH 'фстэк'").fetchone()[0] >= 1


def test_search_index_follows_edits_but_not_moves(tmp_path) -> None:
    from accountmap.domain.models import Account, Stakeholder
    from accountmap.storage.workspace_file import Row, RowChange

    with WorkspaceFile.open(tmp_path / "w.accountmap", create=True) as wf:
        (aid,) = wf.add_accounts([Account(stakeholders=[Stakeholder(id="p", full_name="Ёжиков")])])
        before = wf.read_row("stakeholders", aid, "p")
        renamed = Row(before.position, {**before.data, "full_name": "Сидоров"})
        wf.apply([RowChange("stakeholders", aid, "p", before, renamed)])
        hits = wf.conn.execute("SELECT rowid FROM stakeholders_fts WHERE stakeholders_fts "
                               "MATCH 'сидоров'").fetchall()
        assert len(hits) == 1
        assert wf.conn.execute("SELECT count(*) FROM stakeholders_fts WHERE stakeholders_fts "
                               "MATCH 'ёжиков'").fetchone() == (0,)
        moved = Row(before.position, {**renamed.data, "x": 500.0})
        wf.apply([RowChange("stakeholders", aid, "p", renamed, moved)])
        assert wf.read_row("stakeholders", aid, "p").data["x"] == 500.0
        assert wf.conn.execute("INSERT INTO stakeholders_fts(stakeholders_fts) "
                               "VALUES ('integrity-check')").fetchall() == []


# ------------------------------------------------------------------- migration v2 -> v3
@pytest.fixture
def v2_copy(tmp_path: Path) -> Path:
    path = tmp_path / "old.accountmap"
    shutil.copy(V2_FILE, path)
    return path


def v2_rows(path: Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = {("accounts", None, i): p for i, p in conn.execute("SELECT id, position FROM accounts")}
        for table in V2_COLLECTIONS:
            rows.update({(table, a, i): p for a, i, p in conn.execute(
                f"SELECT account_id, id, position FROM {table}")})
        return rows
    finally:
        conn.close()


def test_the_v2_fixture_is_a_v2_file() -> None:
    conn = sqlite3.connect(f"file:{V2_FILE}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone() == (2,)
    assert "data" in {r[1] for r in conn.execute("PRAGMA table_info(stakeholders)")}
    conn.close()


def test_v2_file_migrates_with_every_entity_position_and_history(v2_copy: Path) -> None:
    positions = v2_rows(v2_copy)
    with WorkspaceFile.open(v2_copy) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        exported = document_to_json(export_document(wf))
        now = {("accounts", None, i): row.position for i, row in wf.account_rows()}
        for account_id in wf.account_ids():
            for table in COLLECTIONS:
                now.update({(table, account_id, i): row.position
                            for i, row in wf.rows(table, account_id)})
        assert wf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # the export of the previous release, byte for byte (its format version is the same),
    # plus the review thresholds every export now carries (the defaults)
    assert exported == expected_export()
    assert now == positions
    backups = list(v2_copy.parent.glob("old.backup-*.accountmap"))
    assert len(backups) == 1  # the v2 file as it was (SQLite's online backup of it)
    assert v2_rows(backups[0]) == positions
    conn = sqlite3.connect(f"file:{backups[0]}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone() == (2,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_migration_is_idempotent(v2_copy: Path) -> None:
    WorkspaceFile.open(v2_copy).close()
    first = document_to_json(export_document(WorkspaceFile.open(v2_copy, read_only=True)))
    WorkspaceFile.open(v2_copy).close()
    conn = sqlite3.connect(v2_copy, isolation_level=None)
    migrate(conn, SCHEMA_VERSION)  # nothing left to do: a no-op
    conn.close()
    with WorkspaceFile.open(v2_copy, read_only=True) as wf:
        assert document_to_json(export_document(wf)) == first
    assert len(list(v2_copy.parent.glob("old.backup-*"))) == 1


@pytest.mark.parametrize("damage", [
    "UPDATE stakeholders SET data = json_set(data, '$.influence', 'huge') WHERE id = 'sh-petrov'",
    "UPDATE roadmap_nodes SET data = '{broken' WHERE id = 'n-poc'",
    "UPDATE accounts SET data = json_set(data, '$.target_close', '2026-02-30') WHERE id = 'acc-edge'",
])
def test_a_migration_that_cannot_complete_leaves_the_file_untouched(v2_copy: Path, damage) -> None:
    conn = sqlite3.connect(v2_copy)
    conn.execute(damage)
    conn.commit()
    conn.close()
    before = sha(v2_copy)
    with pytest.raises(WorkspaceError) as caught:
        WorkspaceFile.open(v2_copy)
    assert caught.value.key == "storage.migration_failed"
    assert "Traceback" not in caught.value.message("ru")
    assert sha(v2_copy) == before
    assert not Path(f"{v2_copy}-wal").exists() or Path(f"{v2_copy}-wal").stat().st_size == 0


def test_dangling_references_and_repeated_people_of_a_v2_file(v2_copy: Path, tmp_path) -> None:
    """Old releases accepted both: the migration keeps the dangling reference (check names
    it) and lists a repeated person once."""
    conn = sqlite3.connect(v2_copy)
    conn.execute("UPDATE roadmap_edges SET data = json_set(data, '$.to_id', 'n-gone') "
                 "WHERE account_id = 'acc-edge' AND id = 'e-lost'")
    conn.execute("UPDATE meetings SET data = json_set(data, '$.attendee_ids', "
                 "json('[\"p-full\", \"p-empty\", \"p-full\"]')) "
                 "WHERE account_id = 'acc-edge' AND id = 'm1'")
    conn.commit()
    conn.close()
    WorkspaceFile.open(v2_copy).close()
    with WorkspaceFile.open(v2_copy, read_only=True) as wf:
        assert wf.read_row("meetings", "acc-edge", "m1").data["attendee_ids"] == [
            "p-full", "p-empty"]
    result = subprocess.run([sys.executable, "-m", "accountmap", "check", str(v2_copy),
                             "--lang", "en"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1
    assert ("table roadmap_edges, row acc-edge/e-lost, column to_id: refers to n-gone"
            in result.stdout)


def test_the_cli_exports_a_migrated_v2_file(v2_copy: Path, tmp_path) -> None:
    WorkspaceFile.open(v2_copy).close()
    out = tmp_path / "out.json"
    subprocess.run([sys.executable, "-m", "accountmap", "export", str(v2_copy), "-o", str(out)],
                   check=True, cwd=REPO, capture_output=True)
    assert out.read_text(encoding="utf-8") == expected_export()


# ------------------------------------------------------------------- docs/SCHEMA.md
SCHEMA_DOC = REPO / "docs" / "SCHEMA.md"


def test_the_documented_queries_run_and_find_rows(demo: Path) -> None:
    import re

    queries = re.findall(r"```sql\n(.*?)```", SCHEMA_DOC.read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 6
    conn = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    for query in queries:
        # The demo's story is written as of the pinned day; SQLite's 'now' is the machine's
        # clock, so the queries are asked as of that same pinned day.
        query = query.replace("date('now'", f"date('{TEST_TODAY.isoformat()}'")
        assert conn.execute(query).fetchall(), query


def test_every_table_and_column_is_documented(demo: Path) -> None:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    conn = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' "
        "AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        line = next((l for l in text.splitlines() if l.startswith(f"| `{table}` |")), None)
        assert line is not None or f"`{table}`" in text, table
        for (column,) in conn.execute(f"SELECT name FROM pragma_table_info('{table}')"):
            if column in ("account_id", "id", "position") or line is None:
                continue
            assert f"`{column}`" in line, (table, column)
