"""Reading a workspace file's contents: settings, accounts, rows, whole accounts.

`WorkspaceFile` (storage/workspace_file.py) is a `WorkspaceReader`; the columns are mapped
to the domain's model dumps by storage/rows.py.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from accountmap.domain.models import COLLECTIONS, Account
from accountmap.domain.workspace import WorkspaceExport, WorkspaceSettings
from accountmap.storage import rows as mapping
from accountmap.storage.damage import damaged_account
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.rows import Row

ACCOUNTS = "accounts"
SETTINGS = "settings"
SETTINGS_KEY = "workspace"


class WorkspaceReader:
    """The reading half of an open workspace file (`self.conn`, `self.path`)."""

    conn: sqlite3.Connection
    path: object

    def _read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError("storage.truncated", path=self.path, detail=exc) from exc

    def settings(self) -> WorkspaceSettings:
        rows = self._read("SELECT data FROM settings WHERE key = ?", (SETTINGS_KEY,))
        if not rows:
            return WorkspaceSettings()
        try:
            return WorkspaceSettings.model_validate_json(rows[0][0])
        except ValueError as exc:
            raise WorkspaceError("storage.damaged_settings", path=self.path,
                                 detail=mapping.first_error(exc)) from exc

    def _mapped(self, read, *args):
        try:
            return read(self.conn, *args)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError("storage.truncated", path=self.path, detail=exc) from exc

    def account_rows(self) -> list[tuple[str, Row]]:
        """(id, Row) of every account (its own fields), in the order the user keeps them."""
        try:
            return [(i, Row(p, d)) for i, p, d in self._mapped(mapping.read_accounts)]
        except mapping.DamagedRow as exc:  # the account list itself: nothing can be shown
            raise damaged_account(self.conn, self.path, exc.row_id, exc.row_id, exc) from exc

    def account_summaries(self) -> list[tuple[str, str]]:
        """(id, name) of every account, in the order the user keeps them."""
        return [(i, str(n)) for i, n in self._read(
            "SELECT id, name FROM accounts ORDER BY position, id")]

    def account_ids(self) -> list[str]:
        return [r[0] for r in self._read("SELECT id FROM accounts ORDER BY position, id")]

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity check finds wrong with the file (empty when sound)."""
        found = [row[0] for row in self._read("PRAGMA integrity_check")]
        return [] if found == ["ok"] else found

    def find_account(self, name_or_id: str) -> str | None:
        summaries = self.account_summaries()
        for account_id, name in summaries:
            if account_id == name_or_id:
                return account_id
        for account_id, name in summaries:
            if name == name_or_id:
                return account_id
        folded = name_or_id.casefold()
        for account_id, name in summaries:
            if name.casefold() == folded:
                return account_id
        return None

    def read_row(self, table: str, account_id: str | None, row_id: str) -> Row | None:
        if table == ACCOUNTS:
            found = self._mapped(mapping.read_accounts, row_id)
        elif table == SETTINGS:
            found = [(row_id, 0, json.loads(d)) for (d,) in self._read(
                "SELECT data FROM settings WHERE key = ?", (row_id,))]
        else:
            found = self._mapped(mapping.read_rows, table, account_id, row_id)
        if not found:
            return None
        return Row(found[0][1], found[0][2])

    def rows(self, table: str, account_id: str) -> list[tuple[str, Row]]:
        return [(i, Row(p, d)) for i, p, d in self._mapped(mapping.read_rows, table, account_id)]

    def next_position(self, table: str, account_id: str | None) -> float:
        if table == ACCOUNTS:
            rows = self._read("SELECT max(position) FROM accounts")
        else:
            rows = self._read(f"SELECT max(position) FROM {table} WHERE account_id = ?",
                              (account_id,))
        top = rows[0][0]
        return 0.0 if top is None else float(int(top) + 1)

    def load_account(self, account_id: str) -> Account:
        """The whole account; a value the model cannot take (written by another tool)
        raises WorkspaceError "storage.damaged_account" naming the table, row and column."""
        try:
            found = self._mapped(mapping.read_accounts, account_id)
        except mapping.DamagedRow as exc:
            raise damaged_account(self.conn, self.path, account_id, account_id, exc) from exc
        if not found:
            raise KeyError(account_id)
        _id, _position, data = found[0]
        try:
            return mapping.build_account(
                account_id, data,
                {table: [row for _i, _p, row in self._mapped(mapping.read_rows, table, account_id)]
                 for table in COLLECTIONS})
        except ValueError as exc:
            raise damaged_account(self.conn, self.path, account_id, str(data.get("name", "")),
                                  exc) from exc

    def load_accounts(self, ids: Sequence[str], tables: Sequence[str] = tuple(COLLECTIONS),
                      skip: dict[str, frozenset[str]] | None = None):
        """(id, the Account or the WorkspaceError saying why it cannot be loaded) of each
        account of `ids` in turn, read with one query a table for all of them (a review of
        many accounts; `load_account` reads one). Only `tables` are read (the others are
        left empty: a portfolio review needs neither relationships nor journey grids), and
        of each table not the columns `skip[table]` names (they get their defaults)."""
        try:
            fields = {i: (p, d) for i, p, d in self._mapped(mapping.read_accounts)}
        except mapping.DamagedRow:
            fields = None
        skip = skip or {}
        read = {table: self._mapped(mapping.read_all_rows, table,
                                    skip.get(table, frozenset())) if table in tables else {}
                for table in COLLECTIONS}
        for account_id in ids:
            found = None if fields is None else fields.get(account_id)
            if found is None:
                try:
                    yield account_id, self.load_account(account_id)
                except WorkspaceError as exc:
                    yield account_id, exc
                continue
            data = found[1]
            try:
                collections = {}
                for table in COLLECTIONS:
                    rows = read[table].get(account_id, [])
                    bad = next((r for r in rows if isinstance(r, mapping.DamagedRow)), None)
                    if bad is not None:
                        raise bad
                    collections[table] = [row for _i, _p, row in rows]
                yield account_id, mapping.build_account(account_id, data, collections)
            except ValueError as exc:
                yield account_id, damaged_account(self.conn, self.path, account_id,
                                                  str(data.get("name", "")), exc)

    def damaged_account(self, account_id: str, name: str, exc: Exception) -> WorkspaceError:
        """The error for an account whose rows the models refuse (`exc`), naming its first
        bad value by table, row and column."""
        return damaged_account(self.conn, self.path, account_id, name or account_id, exc)

    def damage(self) -> list:
        """Every bad value and dangling reference in the file (storage/damage.py)."""
        from accountmap.storage.damage import find_damage

        try:
            return find_damage(self.conn)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError("storage.truncated", path=self.path, detail=exc) from exc

    def load_document(self) -> WorkspaceExport:
        settings = self.settings()
        return WorkspaceExport(
            language=settings.language,
            journey_framework=settings.journey_framework,
            stale_contact_days=settings.stale_contact_days,
            review=settings.review,
            accounts=[self.load_account(i) for i in self.account_ids()],
        )

    def search(self, text: str, limit: int = 50) -> list:
        """People and open questions of every account matching `text` (storage/search.py)."""
        from accountmap.storage.search import search

        try:
            return search(self.conn, text, limit)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError("storage.truncated", path=self.path, detail=exc) from exc
