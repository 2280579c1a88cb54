"""The open workspace as the UI sees it: loaded state + the file + change signals.

`apply(changes)` is the only way the state changes: it validates each row once (the
domain models), writes the rows in one transaction, and only when that succeeded updates
the in-memory accounts and announces what changed (`changed` carries a DocumentChange:
added / changed / removed ids per table). `batch()` gathers several applies into one
transaction and one announcement (the editor's `step()`). Scenes and panels listen;
they never write.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from accountmap.document import collector
from accountmap.document.changes import DocumentChange
from accountmap.domain.models import (
    COLLECTIONS,
    Account,
    AccountFields,
    collection_items,
)
from accountmap.domain.workspace import WorkspaceSettings
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.rows import build_account
from accountmap.storage.workspace_file import (
    ACCOUNTS,
    SETTINGS,
    SETTINGS_KEY,
    TABLES,
    Row,
    RowChange,
    WorkspaceFile,
    row_model,
)


class WorkspaceDocument(QObject):
    changed = Signal(object)  # a DocumentChange: what one edit (or undo/redo) changed
    accountsChanged = Signal()  # the list of accounts: added, removed, renamed, reordered
    accountChanged = Signal(str)  # an account's own fields (account_id)
    rowsChanged = Signal(str, str, list)  # account_id, table, ids upserted or deleted
    settingsChanged = Signal()
    errorOccurred = Signal(str)  # a message for the user (a write that failed)
    # The clock's day turned while the workspace is open (the app's midnight timer emits it):
    # whatever depends on today (overdue marks, days in a checkpoint, stale contacts) redraws.
    dayChanged = Signal()

    def __init__(self, file: WorkspaceFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self._settings = file.settings()
        self._summaries: dict[str, tuple[float, dict]] = {}
        for account_id, row in self.file.account_rows():
            self._summaries[account_id] = (row.position, row.data)
        self._accounts: dict[str, Account] = {}
        # positions[account_id][table][id] = position (the order rows are kept in)
        self._positions: dict[str, dict[str, dict[str, float]]] = {}
        self._batch_applied: list[RowChange] = []
        self._batch_change: DocumentChange | None = None
        from PySide6.QtGui import QUndoStack

        self.undo_stack = QUndoStack(self)
        # Deleted with its parent (a window), the stack empties itself and says so to
        # listeners that may be gone already: it is silenced first (a QObject's `destroyed`
        # comes before its children are deleted).
        stack = self.undo_stack
        self.destroyed.connect(lambda: stack.blockSignals(True))

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, read_only: bool = False,
             parent: QObject | None = None, language: str | None = None) -> "WorkspaceDocument":
        """`language`: what a new workspace is written in (its templates follow it)."""
        return cls(WorkspaceFile.open(path, create=create, read_only=read_only,
                                      language=language or "ru"), parent)

    def save_copy(self, target: str | Path) -> None:
        """Write a consistent copy of the workspace to `target` (WorkspaceError if not)."""
        from accountmap.storage.file_copy import save_copy

        save_copy(self.file, target)

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
        """Raises WorkspaceError "storage.damaged_account" (naming the bad value) when the
        file holds a value the model cannot take; other accounts stay readable."""
        positions: dict[str, dict[str, float]] = {}
        fields = self._summaries[account_id][1]
        collections: dict[str, list] = {}
        try:
            for table in COLLECTIONS:
                rows = self.file.rows(table, account_id)
                positions[table] = {row_id: row.position for row_id, row in rows}
                collections[table] = [row.data for _, row in rows]
            account = build_account(account_id, fields, collections)
        except ValueError as exc:
            raise self.file.damaged_account(account_id, str(fields.get("name", "")),
                                            exc) from exc
        self._accounts[account_id] = account
        self._positions[account_id] = positions

    def search(self, text: str) -> list:
        """People and open questions of every account matching `text` (full-text)."""
        return self.file.search(text)

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

    def rows(self, account_id: str, table: str, row_ids) -> dict[str, Row]:
        """The stored rows of many ids of one collection, found in one pass (`row` of each
        would scan the collection once per id)."""
        wanted = set(row_ids)
        positions = self._positions[account_id][table] if self.account(account_id) else {}
        return {item.id: Row(positions[item.id], item.model_dump(mode="json"))
                for item in collection_items(self.account(account_id), table)
                if item.id in wanted}

    # ------------------------------------------------------------------ writing
    def apply(self, changes: Sequence[RowChange]) -> list[RowChange]:
        """Validate each row once, write them all in one transaction, then update memory
        and say what changed (`changed`, then the per-table signals).

        Returns the changes as applied: data as the domain models dump it, changes that
        change nothing left out. Raises WorkspaceError (and changes nothing) when a row is
        refused or the file refuses the write. Inside `batch()` the write joins the
        batch's transaction and the signals wait for its end.
        """
        if len(changes) < MANY_CHANGES:
            return self._apply(changes)
        # many rows at once (Arrange's undo and redo: 3,000 rows, their models and what the
        # listeners make): no collection meanwhile (~45 among the young objects, ~20 ms)
        with collector.paused():
            return self._apply(changes)

    def _apply(self, changes: Sequence[RowChange]) -> list[RowChange]:
        prepared = [p for p in self._prepared_all(changes) if p[0].before != p[0].after]
        if not prepared:
            return []
        with self.batch():
            self.file.apply([change for change, _ in prepared], validated=True)
            large = _large_batches(prepared, self._accounts)
            for (account_id, table), rows in large.items():
                self._apply_collection_batch(account_id, table, rows)
            for change, model in prepared:
                if (change.account_id, change.table) not in large:
                    self._apply_in_memory(change, model)
                self._batch_applied.append(change)
                self._batch_change.record(change)
        return [change for change, _ in prepared]

    def _prepared_all(self, changes: Sequence[RowChange]) -> list[tuple[RowChange, object]]:
        """Each change prepared (`_prepared`); a change that only moves or resizes a row
        of a loaded account (Arrange, its undo, a drop: thousands of rows) skips pydantic:
        its model is the one in memory with the new floats (`_moved`)."""
        models: dict[tuple[str, str], dict] = {}  # (account, table) -> id -> model now
        prepared = []
        for change in changes:
            fast = None
            if (change.before is not None and change.after is not None
                    and change.account_id in self._accounts
                    and geometry_only(change.table, change.before.data, change.after.data)):
                key = (change.account_id, change.table)
                if key not in models:
                    models[key] = {it.id: it for it in collection_items(
                        self._accounts[change.account_id], change.table)}
                fast = _moved(change, models[key].get(change.id))
                if fast is not None:
                    models[key][change.id] = fast[1]  # a later change of the row sees it
            prepared.append(fast or _prepared(change))
        return prepared

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Everything applied inside is written in ONE SQLite transaction and announced
        once, at the end. If the block raises, the file and memory are as before and
        nothing is announced. Nested batches join the outer one."""
        if self._batch_change is not None:
            yield
            return
        self._batch_applied: list[RowChange] = []
        self._batch_change = DocumentChange()
        try:
            with self.file.transaction():
                yield
        except BaseException:
            for change in reversed(self._batch_applied):
                undo = change.inverted()
                self._apply_in_memory(undo, _prepared(undo)[1])
            raise
        else:
            change = self._batch_change
        finally:
            self._batch_applied, self._batch_change = [], None
        if change:
            self._announce(change)

    def _announce(self, change: DocumentChange) -> None:
        self.changed.emit(change)
        if change.settings:
            self.settingsChanged.emit()
        if change.accounts:
            self.accountsChanged.emit()
        for account_id in change.accounts.changed:
            if account_id in self._summaries:
                self.accountChanged.emit(account_id)
        for (account_id, table), rows in change.tables.items():
            self.rowsChanged.emit(account_id, table, rows.ids())

    def _apply_in_memory(self, change: RowChange, model) -> None:
        if change.table == ACCOUNTS:
            self._apply_account_row(change, model)
        elif change.table == SETTINGS:
            if model is not None:
                self._settings = model
        elif change.account_id in self._accounts:
            self._apply_collection_row(change, model)

    def _apply_account_row(self, change: RowChange, fields: AccountFields | None) -> None:
        if fields is None:
            self._summaries.pop(change.id, None)
            self._accounts.pop(change.id, None)
            self._positions.pop(change.id, None)
            return
        self._summaries[change.id] = (change.after.position, change.after.data)
        if change.id in self._accounts:
            account = self._accounts[change.id]
            for key, value in fields:
                setattr(account, key, value)
        elif change.before is None:
            # a new account: its collections arrive as rows of the same change
            self._accounts[change.id] = Account(id=change.id, **fields.__dict__)
            self._positions[change.id] = {table: {} for table in COLLECTIONS}

    def _apply_collection_batch(self, account_id: str, table: str,
                                rows: list[tuple[RowChange, object]]) -> None:
        """Many rows of one table at once (an import): one pass and one sort instead of a
        search per row (10,000 rows: ~0.05 s instead of ~10 s)."""
        account = self._accounts[account_id]
        positions = self._positions[account_id][table]
        items = collection_items(account, table)
        by_id = {it.id: it for it in items}
        for change, model in rows:
            if model is None:
                by_id.pop(change.id, None)
                positions.pop(change.id, None)
            else:
                by_id[change.id] = model
                positions[change.id] = change.after.position
        items[:] = sorted(by_id.values(), key=lambda it: (positions.get(it.id, 0.0), it.id))

    def _apply_collection_row(self, change: RowChange, model) -> None:
        account = self._accounts[change.account_id]
        positions = self._positions[change.account_id][change.table]
        items = collection_items(account, change.table)
        index = next((i for i, it in enumerate(items) if it.id == change.id), None)
        if model is None:
            if index is not None:
                del items[index]
            positions.pop(change.id, None)
            return
        old_position = positions.get(change.id)
        positions[change.id] = change.after.position
        if index is not None:
            if old_position == change.after.position:
                items[index] = model  # same place in the order
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


BATCH = 64  # rows of one table in one change above which they are applied together


def _large_batches(prepared: Sequence[tuple[RowChange, object]],
                   loaded: dict) -> dict[tuple[str, str], list[tuple[RowChange, object]]]:
    """The rows of each loaded (account, table) that has more than BATCH of them."""
    groups: dict[tuple[str, str], list[tuple[RowChange, object]]] = {}
    for change, model in prepared:
        if change.table not in (ACCOUNTS, SETTINGS) and change.account_id in loaded:
            groups.setdefault((change.account_id, change.table), []).append((change, model))
    return {key: rows for key, rows in groups.items() if len(rows) > BATCH}


def _prepared(change: RowChange) -> tuple[RowChange, object]:
    """The change with its row validated (once) and dumped as the model dumps it, and the
    model (None for a deletion)."""
    if change.after is None:
        return change, None
    if change.table not in TABLES:
        raise WorkspaceError("storage.invalid_row", detail=f"unknown table {change.table!r}")
    data = change.after.data
    if change.table not in (ACCOUNTS, SETTINGS):
        data = {**data, "id": change.id}
    model = row_model(change.table, data)
    after = Row(change.after.position, model.model_dump(mode="json"))
    return RowChange(change.table, change.account_id, change.id, change.before, after), model


GEOMETRY = ("x", "y", "width", "height")  # plain bounded floats: a move, a resize


@functools.lru_cache(maxsize=None)
def _geometry_bounds(table: str) -> dict[str, tuple[float, float]]:
    """{field: (lowest, highest)} of the geometry fields of `table`'s model: floats with
    bounds and no other constraint (read from the model, so they cannot drift apart)."""
    bounds = {}
    model_class = COLLECTIONS.get(table)
    for name in GEOMETRY:
        info = model_class.model_fields.get(name) if model_class is not None else None
        if info is None or info.annotation is not float:
            continue
        low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
        high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
        others = [m for m in info.metadata if not (hasattr(m, "ge") or hasattr(m, "le")
                                                   or hasattr(m, "allow_inf_nan"))]
        if low is not None and high is not None and not others:
            bounds[name] = (float(low), float(high))
    return bounds


def geometry_only(table: str, before: dict, after: dict) -> bool:
    """Whether `after` differs from `before` only in geometry fields of `table`, each a
    finite number within the model's bounds (what validation would accept unchanged)."""
    bounds = _geometry_bounds(table)
    if not bounds or after.keys() != before.keys():
        return False
    # every other field as it was: one comparison of whole dicts (in C; Arrange and its
    # undo look at 3,000 rows of ~25 fields)
    if after != {**before, **{name: after[name] for name in bounds if name in after}}:
        return False
    moved = False
    for name, (low, high) in bounds.items():
        if name not in after:
            continue
        value = after[name]
        if type(value) not in (float, int) or not math.isfinite(value):
            return False
        if not low <= value <= high:
            return False
        moved = moved or value != before[name]
    return moved


def _moved(change: RowChange, model) -> tuple[RowChange, object] | None:
    """A geometry-only change prepared without pydantic: the model held now (it is what
    `change.before` was dumped from) copied with the new floats, the data as the model
    dumps it. None when the row is not in memory (then it is validated as usual)."""
    if model is None:
        return None
    bounds = _geometry_bounds(change.table)
    data = change.after.data
    update = {name: data[name] for name in bounds if name in data}
    if all(type(value) is float for value in update.values()):
        # (geometry_only: the same keys, the other fields as before) the row as given is
        # the row as the model dumps it: no second copy of it (Arrange: 3,000 rows)
        return change, model.model_copy(update=update)
    update = {name: float(value) for name, value in update.items()}
    after = Row(change.after.position, {**change.before.data, **update})
    return (RowChange(change.table, change.account_id, change.id, change.before, after),
            model.model_copy(update=update))


MANY_CHANGES = 128  # from this many rows applied at once the garbage collector waits


def _find(account: Account, table: str, row_id: str):
    return next((it for it in collection_items(account, table) if it.id == row_id), None)


SETTINGS_ROW = SETTINGS_KEY
