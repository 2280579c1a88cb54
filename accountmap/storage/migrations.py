"""The schema of the workspace file and its ordered migrations.

`PRAGMA user_version` holds the schema version; `MIGRATIONS[n]` takes a file from
version n-1 to n. A migration runs in one transaction with the version bump, so a failed
one leaves the file as it was (and `WorkspaceFile.open` made a backup copy first).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x41634D70  # "AcMp": marks an AccountMap workspace
SCHEMA_VERSION = 4

# The collections of versions 1 and 2 (one JSON row each), frozen: a collection added
# later gets its own migration step, so older steps never see it.
COLLECTIONS = ("decision_centres", "stakeholders", "relationships", "open_questions",
               "roadmap_nodes", "roadmap_edges", "meetings", "touchpoints", "journey_grids",
               "journey_history")


def _v1_tables(conn: sqlite3.Connection) -> None:
    """Version 1: accounts, settings and one table per collection of an account."""
    import sqlite_utils  # only needed to create or migrate a file, not to open one

    db = sqlite_utils.Database(conn)
    db["settings"].create({"key": str, "data": str}, pk="key", not_null={"data"})
    db["accounts"].create({"id": str, "position": float, "data": str}, pk="id",
                          not_null={"position", "data"})
    for table in COLLECTIONS:
        db[table].create(
            {"account_id": str, "id": str, "position": float, "data": str},
            pk=("account_id", "id"),
            not_null={"position", "data"},
            foreign_keys=[("account_id", "accounts", "id")],
        )
    # sqlite-utils' foreign keys have no ON DELETE; deleting an account deletes its rows
    # explicitly (see document.changes), which keeps undo simple and explicit.


def _v2_order_indexes(conn: sqlite3.Connection) -> None:
    """Version 2: an index per collection for loading an account in its order."""
    for table in COLLECTIONS:
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS idx_{table}_order ON {table}(account_id, position)"
        )
    conn.execute("CREATE INDEX IF NOT EXISTS idx_accounts_order ON accounts(position)")


def _v3_relational(conn: sqlite3.Connection) -> None:
    """Version 3: one table per entity, a column per field, keys and foreign keys
    (storage/schema.py). Every v2 row is validated by its model on the way: a row that is
    not valid refuses the whole migration (the file is left as it was). References that
    point nowhere are copied as they are (foreign keys are not enforced while migrating)
    and `accountmap check` names them; a person listed twice in one list is kept once."""
    import json

    from accountmap.storage.rows import first_error, upsert, validated
    from accountmap.storage.schema import create_v3, links_of

    settings = conn.execute("SELECT key, data FROM settings ORDER BY key").fetchall()
    accounts = conn.execute("SELECT id, position, data FROM accounts").fetchall()
    collections = {
        table: conn.execute(f"SELECT account_id, id, position, data FROM {table}").fetchall()
        for table in COLLECTIONS
    }
    for table in (*COLLECTIONS, "accounts", "settings"):
        conn.execute(f"DROP TABLE {table}")
    create_v3(conn)
    for key, data in settings:
        conn.execute("INSERT INTO settings(key, data) VALUES (?, ?)", (key, data))
    rows = [("accounts", None, i, p, d) for i, p, d in accounts]
    rows += [(table, a, i, p, d) for table in COLLECTIONS for a, i, p, d in collections[table]]
    for table, account_id, row_id, position, text in rows:
        try:
            data = json.loads(text)
            if table != "accounts":
                data["id"] = row_id
            data = validated(table, data)
            for link in links_of(table):  # a person listed twice (old imports took it)
                data[link.field] = list(dict.fromkeys(data[link.field]))
        except ValueError as exc:
            raise ValueError(f"{table} {row_id!r}: {first_error(exc)}") from exc
        for sql, params in upsert(table, account_id, row_id, position, data):
            conn.execute(sql, params)


def _v4_review_comments(conn: sqlite3.Connection) -> None:
    """Version 4: review comments on accounts, people and checkpoints (issue 16): the
    `review_comments` table; nothing else changes."""
    from accountmap.storage.schema import create_added

    create_added(conn, 4)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_tables,
    2: _v2_order_indexes,
    3: _v3_relational,
    4: _v4_review_comments,
}


def migrate(conn: sqlite3.Connection, from_version: int,
            to_version: int = SCHEMA_VERSION) -> None:
    """Bring the file from `from_version` to `to_version`, all in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if from_version == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for version in range(from_version + 1, to_version + 1):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {to_version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # an error may have rolled it back already
            conn.execute("ROLLBACK")
        raise
