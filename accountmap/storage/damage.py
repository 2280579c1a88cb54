"""Values in the file that SQLite's constraints would have refused, written by another
tool with the constraints switched off: each is named by table, row id and column.

`find_damage` is what `accountmap check` prints; `damaged_account` is the error a reader
gets for an account that cannot be loaded (the app marks that account and opens the rest).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from accountmap.domain.models import COLLECTIONS
from accountmap.storage import rows as mapping
from accountmap.storage.errors import STORAGE_MESSAGES, WorkspaceError
from accountmap.storage.schema import LINKS, links_of


@dataclass(frozen=True)
class Damage:
    table: str
    account_id: str | None
    row_id: str
    column: str
    detail: str
    parent: str = ""  # for a reference that points nowhere: the table it should be in
    value: str = ""

    def describe(self, lang: str = "en") -> str:
        row = self.row_id if self.account_id is None else f"{self.account_id}/{self.row_id}"
        if self.parent:
            return STORAGE_MESSAGES.text("check.dangling", lang, table=self.table, row=row,
                                  column=self.column, value=self.value, parent=self.parent)
        if lang != "en" and self.value:  # the model's own words are English
            return STORAGE_MESSAGES.text("check.bad_value_short", lang, table=self.table, row=row,
                                  column=self.column, value=self.value)
        return STORAGE_MESSAGES.text("check.bad_value", lang, table=self.table, row=row,
                              column=self.column, detail=self.detail)


def _row_damage(table: str, account_id: str | None, row_id: str,
                exc: Exception) -> list[Damage]:
    if isinstance(exc, mapping.DamagedRow):
        return [Damage(table, account_id, row_id, exc.column, exc.detail)]
    errors = getattr(exc, "errors", None)
    if not callable(errors):
        return [Damage(table, account_id, row_id, "?", str(exc))]
    found = []
    link_tables = {link.field: link.table for link in links_of(table)}
    for error in errors():
        loc = error.get("loc", ())
        column = str(loc[0]) if loc else "?"
        column = link_tables.get(column, column)
        detail = error.get("msg", "")
        value = ""
        if "input" in error and loc:
            value = f"{error['input']!r:.80}"
            detail += f" (found {value})"
        found.append(Damage(table, account_id, row_id, column, detail, value=value))
    return found


def _scan_rows(conn: sqlite3.Connection, table: str, account_id: str | None) -> list[Damage]:
    found: list[Damage] = []
    if table == "accounts":
        records = conn.execute(mapping.select_sql("accounts") + " WHERE id = ?",
                               (account_id,)).fetchall()
        owner = None
    else:
        records = conn.execute(mapping.select_sql(table) + " WHERE account_id = ?",
                               (account_id,)).fetchall()
        owner = account_id
    links = {link.field: mapping.link_lists(conn, link, account_id)
             for link in links_of(table)}
    for record in records:
        row_id = record[0]
        try:
            _id, _position, data = mapping.to_data(table, record)
            if table == "accounts":
                del data["id"]
            for field, lists in links.items():
                data[field] = lists.get(row_id, [])
            mapping.validated(table, data)
        except ValueError as exc:
            found += _row_damage(table, owner, row_id, exc)
    return found


def account_damage(conn: sqlite3.Connection, account_id: str) -> list[Damage]:
    """Every value of one account that its model refuses."""
    found = _scan_rows(conn, "accounts", account_id)
    for table in COLLECTIONS:
        found += _scan_rows(conn, table, account_id)
    return found


def dangling(conn: sqlite3.Connection) -> list[Damage]:
    """References that point nowhere (`PRAGMA foreign_key_check`), by table/row/column."""
    found: list[Damage] = []
    keys: dict[str, dict[int, list[str]]] = {}
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check").fetchall():
        if table not in keys:
            keys[table] = {}
            for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
                keys[table].setdefault(fk[0], []).append(fk[3])
        columns = [c for c in keys[table].get(fkid, []) if c != "account_id"] or ["account_id"]
        if table == "accounts":
            continue
        link = LINKS.get(table)
        id_column = link.owner_column if link else "id"
        record = conn.execute(f"SELECT account_id, {id_column}, {columns[0]} FROM {table} "
                              f"WHERE rowid = ?", (rowid,)).fetchone()
        if record is None:
            continue
        found.append(Damage(table, record[0], str(record[1]), columns[0], "", parent,
                            str(record[2])))
    return found


def find_damage(conn: sqlite3.Connection) -> list[Damage]:
    """Every bad value and dangling reference in the file."""
    found: list[Damage] = []
    for (account_id,) in conn.execute("SELECT id FROM accounts ORDER BY position, id").fetchall():
        found += account_damage(conn, account_id)
    return found + dangling(conn)


def damaged_account(conn: sqlite3.Connection, path: Path, account_id: str, name: str,
                    exc: Exception) -> WorkspaceError:
    """The error for an account that cannot be loaded, naming its first bad value."""
    try:
        found = account_damage(conn, account_id)
    except (sqlite3.Error, ValueError):
        found = []
    return DamagedAccount(path, account_id, name or account_id,
                          found[0] if found else None, mapping.first_error(exc))


class DamagedAccount(WorkspaceError):
    """An account that cannot be loaded; its message names the first bad value in the
    reader's language."""

    def __init__(self, path: Path, account_id: str, name: str, damage: Damage | None,
                 detail: str) -> None:
        self.account_id = account_id
        self.damage = damage
        super().__init__("storage.damaged_account", path=path, name=name, detail=detail)

    def message(self, lang: str = "en") -> str:
        params = dict(self.params)
        if self.damage is not None:
            params["detail"] = self.damage.describe(lang)
        return STORAGE_MESSAGES.text(self.key, lang, **params)
