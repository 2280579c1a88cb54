"""The open workspace as the UI sees it: loaded state + the file + change signals.

`apply(changes)` is the only way the state changes: it writes the rows in one transaction
(WorkspaceFile.apply validates them), and only when that succeeded updates the in-memory
accounts and emits signals carrying ids. Scenes and panels listen; they never write.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from accountmap.domain.models import COLLECTIONS, Account, AccountFields, Roadmap
from accountmap.domain.workspace import WorkspaceSettings
from accountmap.storage.workspace_file import (
    ACCOUNTS,
    SETTINGS,
    SETTINGS_KEY,
    Row,
    RowChange,
    WorkspaceFile,
)


def ui_language() -> str:
    """The language of the interface ("ru"/"en"): the one messages are shown in. (The
    workspace's own language, `document.language`, is the default for briefings.)"""
    translator = getattr(QCoreApplication.instance(), "_accountmap_translator", None)
    return getattr(translator, "lang", "en")


class WorkspaceDocument(QObject):
    accountsChanged = Signal()  # the list of accounts: added, removed, renamed, reordered
    accountChanged = Signal(str)  # an account's own fields (account_id)
    rowsChanged = Signal(str, str, list)  # account_id, table, ids upserted or deleted
    settingsChanged = Signal()
    errorOccurred = Signal(str)  # a message for the user (a write that failed)

    def __init__(self, file: WorkspaceFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self._settings = file.settings()
        self._summaries: dict[str, tuple[float, dict]] = {}
        for account_id, row in self._account_rows():
            self._summaries[account_id] = (row.position, row.data)
        self._accounts: dict[str, Account] = {}
        # positions[account_id][table][id] = position (the order rows are kept in)
        self._positions: dict[str, dict[str, dict[str, float]]] = {}
        from PySide6.QtGui import QUndoStack

        self.undo_stack = QUndoStack(self)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, read_only: bool = False,
             parent: QObject | None = None, language: str | None = None) -> "WorkspaceDocument":
        """`language`: what a new workspace is written in (its templates follow it)."""
        return cls(WorkspaceFile.open(path, create=create, read_only=read_only,
                                      language=language or "ru"), parent)

    def _account_rows(self) -> list[tuple[str, Row]]:
        rows = self.file._read("SELECT id, position, data FROM accounts ORDER BY position, id")
        import json

        return [(i, Row(p, json.loads(d))) for i, p, d in rows]

    def close(self) -> None:
        self.undo_stack.clear()
        self.file.close()

    # ------------------------------------------------------------------ reading
    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    @property
    def settings(self) -> WorkspaceSettings:
        return self._settings

    @property
    def language(self) -> str:
        return self._settings.language

    def account_ids(self) -> list[str]:
        return [i for i, _ in sorted(self._summaries.items(), key=lambda kv: (kv[1][0], kv[0]))]

    def account_name(self, account_id: str) -> str:
        return self._summaries[account_id][1].get("name", "")

    def account_position(self, account_id: str) -> float:
        return self._summaries[account_id][0]

    def has_account(self, account_id: str) -> bool:
        return account_id in self._summaries

    def account(self, account_id: str) -> Account:
        """The account with all its collections (loaded on first use, then kept)."""
        if account_id not in self._accounts:
            self._load(account_id)
        return self._accounts[account_id]

    def _load(self, account_id: str) -> None:
        positions: dict[str, dict[str, float]] = {}
        data = dict(self._summaries[account_id][1])
        data["id"] = account_id
        collections: dict[str, list] = {}
        for table in COLLECTIONS:
            rows = self.file.rows(table, account_id)
            positions[table] = {row_id: row.position for row_id, row in rows}
            collections[table] = [row.data for _, row in rows]
        data["roadmap"] = Roadmap.model_validate({
            "nodes": collections.pop("roadmap_nodes"),
            "edges": collections.pop("roadmap_edges"),
        })
        data.update(collections)
        self._accounts[account_id] = Account.model_validate(data)
        self._positions[account_id] = positions

    def position_of(self, account_id: str, table: str, row_id: str) -> float | None:
        self.account(account_id)
        return self._positions[account_id][table].get(row_id)

    def next_position(self, account_id: str | None, table: str) -> float:
        if table == ACCOUNTS:
            values = [p for p, _ in self._summaries.values()]
        else:
            self.account(account_id)
            values = list(self._positions[account_id][table].values())
        return float(int(max(values)) + 1) if values else 0.0

    def row(self, account_id: str | None, table: str, row_id: str) -> Row | None:
        """The row as stored now (from memory), for building before/after changes."""
        if table == ACCOUNTS:
            if row_id not in self._summaries:
                return None
            position, data = self._summaries[row_id]
            return Row(position, dict(data))
        if table == SETTINGS:
            return Row(0, self._settings.model_dump(mode="json"))
        account = self.account(account_id)
        item = _find(account, table, row_id)
        if item is None:
            return None
        return Row(self._positions[account_id][table][row_id], item.model_dump(mode="json"))

    # ------------------------------------------------------------------ writing
    def apply(self, changes: Sequence[RowChange]) -> None:
        """Write `changes` in one transaction, then update memory and emit signals.

        Raises WorkspaceError (and changes nothing) when the file refuses the write.
        """
        if not changes:
            return
        self.file.apply(changes)
        touched: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        accounts_list_changed = False
        fields_changed: list[str] = []
        settings_changed = False
        for change in changes:
            if change.table == ACCOUNTS:
                accounts_list_changed = True
                self._apply_account_row(change)
                if change.after is not None and change.before is not None:
                    fields_changed.append(change.id)
            elif change.table == SETTINGS:
                if change.after is not None:
                    self._settings = WorkspaceSettings.model_validate(change.after.data)
                settings_changed = True
            else:
                if change.account_id in self._accounts:
                    self._apply_collection_row(change)
                touched[change.account_id][change.table].append(change.id)
        if settings_changed:
            self.settingsChanged.emit()
        if accounts_list_changed:
            self.accountsChanged.emit()
        for account_id in dict.fromkeys(fields_changed):
            if account_id in self._summaries:
                self.accountChanged.emit(account_id)
        for account_id, tables in touched.items():
            for table, ids in tables.items():
                self.rowsChanged.emit(account_id, table, list(dict.fromkeys(ids)))

    def _apply_account_row(self, change: RowChange) -> None:
        if change.after is None:
            self._summaries.pop(change.id, None)
            self._accounts.pop(change.id, None)
            self._positions.pop(change.id, None)
            return
        data = AccountFields.model_validate(change.after.data).model_dump(mode="json")
        self._summaries[change.id] = (change.after.position, data)
        if change.id in self._accounts:
            account = self._accounts[change.id]
            for key, value in AccountFields.model_validate(data):
                setattr(account, key, value)
        elif change.before is None:
            # a new account: its collections arrive as rows of the same change
            self._accounts[change.id] = Account(id=change.id, **AccountFields.model_validate(data).__dict__)
            self._positions[change.id] = {table: {} for table in COLLECTIONS}

    def _apply_collection_row(self, change: RowChange) -> None:
        account = self._accounts[change.account_id]
        positions = self._positions[change.account_id][change.table]
        items = _items(account, change.table)
        index = next((i for i, it in enumerate(items) if it.id == change.id), None)
        if change.after is None:
            if index is not None:
                del items[index]
            positions.pop(change.id, None)
            return
        model = COLLECTIONS[change.table].model_validate({**change.after.data, "id": change.id})
        positions[change.id] = change.after.position
        if index is not None:
            if items[index].model_dump() == model.model_dump() and \
                    positions.get(change.id) == change.after.position:
                items[index] = model
                return
            del items[index]
        # keep the list in (position, id) order, as a fresh load gives it
        key = (change.after.position, change.id)
        insert_at = len(items)
        for i, it in enumerate(items):
            if (positions.get(it.id, 0.0), it.id) > key:
                insert_at = i
                break
        items.insert(insert_at, model)


def _items(account: Account, table: str) -> list:
    if table == "roadmap_nodes":
        return account.roadmap.nodes
    if table == "roadmap_edges":
        return account.roadmap.edges
    return getattr(account, table)


def _find(account: Account, table: str, row_id: str):
    return next((it for it in _items(account, table) if it.id == row_id), None)


SETTINGS_ROW = SETTINGS_KEY
