"""What one edit changed, as the document announces it (`WorkspaceDocument.changed`).

One `DocumentChange` per edit, undo or redo (a whole `editor.step()` is one edit): per
table, the ids of the rows added, changed and removed, so a listener updates only those
items instead of re-reading whole tables:

    def _on_changed(self, change: DocumentChange) -> None:
        rows = change.rows(self.account_id, "stakeholders")
        for person_id in rows.removed: ...drop its item...
        for person_id in rows.added + rows.changed: ...create or update its item...

A row added and then removed within one step is in no list; removed and added again
is "changed".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accountmap.storage.workspace_file import ACCOUNTS, SETTINGS, RowChange


@dataclass
class TableChange:
    """The ids of one table's rows that an edit added, changed and removed (in the order
    the edit touched them)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def ids(self) -> list[str]:
        return [*self.added, *self.changed, *self.removed]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


EMPTY = TableChange()


class DocumentChange:
    """Everything one edit changed: the account list (`accounts`, ids of account rows),
    the workspace settings (`settings`), and the rows of each account's tables
    (`tables[(account_id, table)]`)."""

    def __init__(self) -> None:
        # (account_id, table, id) -> [existed before the edit, exists after it]
        self._rows: dict[tuple[str | None, str, str], list[bool]] = {}
        self._summary: tuple[TableChange, bool, dict] | None = None

    def record(self, change: RowChange) -> None:
        key = (change.account_id, change.table, change.id)
        if key in self._rows:
            self._rows[key][1] = change.after is not None
        else:
            self._rows[key] = [change.before is not None, change.after is not None]
        self._summary = None

    def _summarise(self) -> tuple[TableChange, bool, dict]:
        if self._summary is None:
            accounts = TableChange()
            settings = False
            tables: dict[tuple[str, str], TableChange] = {}
            for (account_id, table, row_id), (before, after) in self._rows.items():
                if table == SETTINGS:
                    settings = True
                    continue
                rows = accounts if table == ACCOUNTS else tables.setdefault(
                    (account_id, table), TableChange())
                if before and after:
                    rows.changed.append(row_id)
                elif after:
                    rows.added.append(row_id)
                elif before:
                    rows.removed.append(row_id)
            self._summary = (accounts, settings,
                             {key: rows for key, rows in tables.items() if rows})
        return self._summary

    @property
    def accounts(self) -> TableChange:
        """Account rows: added, changed (their own fields or position), removed."""
        return self._summarise()[0]

    @property
    def settings(self) -> bool:
        """Whether the workspace settings (language, journey framework...) changed."""
        return self._summarise()[1]

    @property
    def tables(self) -> dict[tuple[str, str], TableChange]:
        """{(account_id, table): TableChange} for every table with changed rows."""
        return self._summarise()[2]

    def rows(self, account_id: str | None, table: str) -> TableChange:
        """The rows of `table` in account `account_id` that changed (empty if none)."""
        return self.tables.get((account_id, table), EMPTY)

    def touches(self, account_id: str | None, tables: tuple[str, ...] | set[str]) -> bool:
        """Whether rows of any of `tables` in that account changed."""
        return any(self.rows(account_id, table) for table in tables)

    def __bool__(self) -> bool:
        accounts, settings, tables = self._summarise()
        return bool(accounts or settings or tables)

    def __repr__(self) -> str:
        accounts, settings, tables = self._summarise()
        return f"DocumentChange(accounts={accounts}, settings={settings}, tables={tables})"
