"""Undo commands. A command stores rows before and after, nothing else: redo writes the
afters, undo writes the befores (in reverse order), both through the document."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from accountmap.document.interface_language import ui_language
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.workspace_file import RowChange

MOVE_COMMAND_ID = 0x4D4F  # keyboard nudges of the same selection merge into one step


class ChangeCommand(QUndoCommand):
    def __init__(self, document, changes: Sequence[RowChange], text: str,
                 merge_key: object = None, *, applied: bool = False) -> None:
        super().__init__(text)
        self.document = document
        self.changes = list(changes)
        self.merge_key = merge_key
        self._applied = applied  # the editor applied it already: the first redo is a no-op

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self.changes)

    def undo(self) -> None:
        self._run([c.inverted() for c in reversed(self.changes)])

    def _run(self, changes: list[RowChange]) -> None:
        try:
            self.document.apply(changes)
        except WorkspaceError as exc:
            self.document.errorOccurred.emit(exc.message(ui_language()))

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MOVE_COMMAND_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        mine = {(c.table, c.account_id, c.id): c for c in self.changes}
        theirs = {(c.table, c.account_id, c.id): c for c in other.changes}
        if mine.keys() != theirs.keys():
            return False
        self.changes = [
            RowChange(c.table, c.account_id, c.id, c.before, theirs[k].after)
            for k, c in mine.items()
        ]
        return True
