"""The one API that menus, panels, canvases, tests and scripts call to change a workspace.

Each method builds the rows before/after from the document's current state, writes them
(one transaction), and pushes ONE undo command. A refused change raises WorkspaceError
and leaves the file, the memory and the undo stack as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication

from accountmap.document.commands import ChangeCommand
from accountmap.document.workspace_document import WorkspaceDocument, _items
from accountmap.domain.models import COLLECTIONS, Account, AccountFields, Entity, new_id
from accountmap.domain.workspace import WorkspaceSettings
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.limits import refuse_growth
from accountmap.storage.workspace_file import (
    ACCOUNTS,
    SETTINGS,
    SETTINGS_KEY,
    Row,
    RowChange,
    account_rows,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Editor", text)


def _refusal(exc: ValidationError) -> WorkspaceError:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first.get("loc", ()))
    return WorkspaceError("storage.invalid_row", detail=f"{loc}: {first.get('msg', '')}" if loc
                          else first.get("msg", ""))


class Editor:
    def __init__(self, document: WorkspaceDocument) -> None:
        self.document = document

    @property
    def undo_stack(self):
        return self.document.undo_stack

    # ------------------------------------------------------------------ core
    def commit(self, changes: Sequence[RowChange], text: str, merge_key: object = None) -> bool:
        """Write `changes` and push them as one undo step. False when there was nothing."""
        changes = [c for c in changes if c.before != c.after]
        if not changes:
            return False
        refuse_growth(changes, self._row_count, len(self.document.account_ids()))
        self.document.apply(changes)  # raises before anything is pushed
        self.undo_stack.push(ChangeCommand(self.document, changes, text, merge_key,
                                           applied=True))
        return True

    def _row_count(self, account_id: str | None, table: str) -> int:
        """Rows of `table` in the account now (0 for an account not in the file yet)."""
        if account_id is None or not self.document.has_account(account_id):
            return 0
        return len(_items(self.document.account(account_id), table))

    def updated_row(self, account_id: str | None, table: str, row_id: str,
                    fields: Mapping[str, object]) -> RowChange | None:
        """The change that sets `fields` on a row (validated), or None if nothing changes.
        For building one step out of edits of several rows: pass them to `commit`."""
        before = self.document.row(account_id, table, row_id)
        if before is None:
            raise WorkspaceError("storage.invalid_row", detail=f"{table} {row_id} does not exist")
        data = {**before.data, **fields}
        try:
            if table == ACCOUNTS:
                data = AccountFields.model_validate(data).model_dump(mode="json")
            elif table == SETTINGS:
                data = WorkspaceSettings.model_validate(data).model_dump(mode="json")
            else:
                data = COLLECTIONS[table].model_validate(data).model_dump(mode="json")
        except ValidationError as exc:
            raise _refusal(exc) from exc
        if data == before.data:
            return None
        return RowChange(table, account_id, row_id, before, Row(before.position, data))

    # ------------------------------------------------------------------ accounts
    def add_account(self, name: str, **fields) -> str:
        account_id = new_id()
        try:
            data = AccountFields(name=name, **fields).model_dump(mode="json")
        except ValidationError as exc:
            raise _refusal(exc) from exc
        position = self.document.next_position(None, ACCOUNTS)
        self.commit([RowChange(ACCOUNTS, None, account_id, None, Row(position, data))],
                    tr("Add account"))
        return account_id

    def update_account(self, account_id: str, text: str | None = None, **fields) -> None:
        change = self.updated_row(None, ACCOUNTS, account_id, fields)
        if change:
            self.commit([change], text or tr("Edit account"))

    def rename_account(self, account_id: str, name: str) -> None:
        self.update_account(account_id, tr("Rename account"), name=name)

    def add_whole_account(self, account: Account, text: str | None = None) -> str:
        """Add a complete account (import, duplicate, template): one undo step."""
        account_id = new_id()
        position = self.document.next_position(None, ACCOUNTS)
        self.commit(account_rows(account, account_id, position), text or tr("Add account"))
        return account_id

    def duplicate_account(self, account_id: str, name: str | None = None) -> str:
        source = self.document.account(account_id).model_copy(deep=True)
        source.name = name if name is not None else tr("%1 (copy)").replace("%1", source.name)
        return self.add_whole_account(source, tr("Duplicate account"))

    def delete_account(self, account_id: str) -> None:
        account = self.document.account(account_id)
        changes: list[RowChange] = []
        for table in COLLECTIONS:
            for item in _items(account, table):
                before = self.document.row(account_id, table, item.id)
                changes.append(RowChange(table, account_id, item.id, before, None))
        changes.append(RowChange(ACCOUNTS, None, account_id,
                                 self.document.row(None, ACCOUNTS, account_id), None))
        self.commit(changes, tr("Delete account"))

    def move_account(self, account_id: str, new_index: int) -> None:
        """Reorder the account list: one undo step."""
        ids = self.document.account_ids()
        ids.remove(account_id)
        ids.insert(max(0, min(new_index, len(ids))), account_id)
        changes = []
        for index, other in enumerate(ids):
            before = self.document.row(None, ACCOUNTS, other)
            if before.position != float(index):
                changes.append(RowChange(ACCOUNTS, None, other, before, Row(float(index), before.data)))
        self.commit(changes, tr("Reorder accounts"))

    # ------------------------------------------------------------------ settings
    def update_settings(self, text: str | None = None, **fields) -> None:
        change = self.updated_row(None, SETTINGS, SETTINGS_KEY, fields)
        if change:
            self.commit([change], text or tr("Change workspace settings"))

    # ------------------------------------------------------------------ entities
    def add(self, account_id: str, table: str, entity: Entity, text: str | None = None) -> str:
        return self.add_many(account_id, [(table, entity)], text)[0]

    def add_many(self, account_id: str, items: Iterable[tuple[str, Entity]],
                 text: str | None = None) -> list[str]:
        changes, ids = self.new_rows(account_id, items)
        self.commit(changes, text or tr("Add"))
        return ids

    def new_rows(self, account_id: str, items: Iterable[tuple[str, Entity]]
                 ) -> tuple[list[RowChange], list[str]]:
        """Insertions of new entities (validated; an id already taken gets a fresh one),
        appended after the rows already there. For one step of several kinds of edits:
        pass them to `commit` together with `updated_row` changes."""
        changes: list[RowChange] = []
        ids: list[str] = []
        next_positions: dict[str, float] = {}
        for table, entity in items:
            try:
                entity = COLLECTIONS[table].model_validate(entity.model_dump())
            except ValidationError as exc:
                raise _refusal(exc) from exc
            if self.document.row(account_id, table, entity.id) is not None or entity.id in ids:
                entity = entity.model_copy(update={"id": new_id()})
            position = next_positions.get(table, self.document.next_position(account_id, table))
            next_positions[table] = position + 1
            changes.append(RowChange(table, account_id, entity.id, None,
                                     Row(position, entity.model_dump(mode="json"))))
            ids.append(entity.id)
        return changes, ids

    def update(self, account_id: str, table: str, row_id: str, text: str | None = None,
               merge_key: object = None, **fields) -> bool:
        change = self.updated_row(account_id, table, row_id, fields)
        if change is None:
            return False
        return self.commit([change], text or tr("Edit"), merge_key)

    def update_many(self, account_id: str, updates: Iterable[tuple[str, str, Mapping]],
                    text: str, merge_key: object = None) -> bool:
        changes = []
        for table, row_id, fields in updates:
            change = self.updated_row(account_id, table, row_id, fields)
            if change is not None:
                changes.append(change)
        return self.commit(changes, text, merge_key)

    def move(self, account_id: str, positions: Mapping[tuple[str, str], tuple[float, float]],
             merge_key: object = None, text: str | None = None) -> bool:
        """Move entities: {(table, id): (x, y)}; one undo step (nudges may merge)."""
        return self.update_many(
            account_id,
            [(table, row_id, {"x": x, "y": y}) for (table, row_id), (x, y) in positions.items()],
            text or tr("Move"), merge_key,
        )

    def delete(self, account_id: str, targets: Mapping[str, Iterable[str]],
               text: str | None = None) -> bool:
        """Delete entities and what depends on them, as one undo step."""
        account = self.document.account(account_id)
        doomed: dict[str, set[str]] = {t: set(ids) for t, ids in targets.items()}
        people = doomed.get("stakeholders", set())
        centres = doomed.get("decision_centres", set())
        nodes = doomed.get("roadmap_nodes", set())
        if people:
            doomed.setdefault("relationships", set()).update(
                r.id for r in account.relationships if r.from_id in people or r.to_id in people)
            doomed.setdefault("open_questions", set()).update(
                q.id for q in account.open_questions if q.stakeholder_id in people)
            doomed.setdefault("journey_grids", set()).update(
                g.id for g in account.journey_grids if g.stakeholder_id in people)
        if nodes:
            doomed.setdefault("roadmap_edges", set()).update(
                e.id for e in account.roadmap.edges if e.from_id in nodes or e.to_id in nodes)
        edges = doomed.get("roadmap_edges", set())
        updates: list[tuple[str, str, dict]] = []
        for s in account.stakeholders:
            if s.id not in people and s.decision_centre_id in centres:
                updates.append(("stakeholders", s.id, {"decision_centre_id": None}))
        for n in account.roadmap.nodes:
            if n.id in nodes:
                continue
            fields: dict = {}
            if people & set(n.stakeholder_ids):
                fields["stakeholder_ids"] = [i for i in n.stakeholder_ids if i not in people]
            if n.chosen_edge_id in edges:
                fields["chosen_edge_id"] = None
            if fields:
                updates.append(("roadmap_nodes", n.id, fields))
        for m in account.meetings:
            if m.id in doomed.get("meetings", set()):
                continue
            fields = {}
            if people & set(m.attendee_ids):
                fields["attendee_ids"] = [i for i in m.attendee_ids if i not in people]
            if m.checkpoint_id in nodes:
                fields["checkpoint_id"] = None
            if fields:
                updates.append(("meetings", m.id, fields))
        for t in account.touchpoints:
            if t.id in doomed.get("touchpoints", set()):
                continue
            fields = {}
            if people & set(t.stakeholder_ids):
                fields["stakeholder_ids"] = [i for i in t.stakeholder_ids if i not in people]
            if t.checkpoint_id in nodes:
                fields["checkpoint_id"] = None
            if fields:
                updates.append(("touchpoints", t.id, fields))
        changes: list[RowChange] = []
        for table, row_id, fields in updates:
            change = self.updated_row(account_id, table, row_id, fields)
            if change is not None:
                changes.append(change)
        for table in COLLECTIONS:
            for row_id in sorted(doomed.get(table, ())):
                before = self.document.row(account_id, table, row_id)
                if before is not None:
                    changes.append(RowChange(table, account_id, row_id, before, None))
        return self.commit(changes, text or tr("Delete"))
