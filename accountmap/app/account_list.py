"""The workspace's accounts on the left of the main window: the list (right-click shows
the account actions) and the Account menu's gestures on it — new, rename, duplicate,
delete — each one editor call, so one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
)


class AccountList(QListWidget):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent)
        self.main_window = window
        self._show_menu = lambda pos: window.accounts_menu().exec(pos)  # tests catch it here
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.currentItemChanged.connect(self._on_selected)
        self.setToolTip(self.tr("The accounts (clients-as-projects) of this workspace"))
        self.setMinimumWidth(200)
        self.setWordWrap(True)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._show_menu(event.globalPos())

    # ------------------------------------------------------------------ the list
    def fill(self, select: bool = True) -> None:
        """The document's accounts; the one shown stays selected (else the first is shown,
        unless `select` is False: the caller shows one later)."""
        from PySide6.QtCore import Qt

        window = self.main_window
        document, current = window.document, window.account_id
        self.blockSignals(True)
        self.clear()
        for account_id in document.account_ids():
            name = document.account_name(account_id) or self.tr("(untitled)")
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, account_id)
            item.setToolTip(name)
            self.addItem(item)
        self.mark_damaged(getattr(window, "damaged", {}))
        self.blockSignals(False)
        if current and document.has_account(current):
            self.select_id(current)
        elif select:
            ids = document.account_ids()
            window.select_account(ids[0] if ids else None)

    def select_id(self, account_id: str) -> None:
        """Select the row of `account_id` without announcing it."""
        from PySide6.QtCore import Qt

        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == account_id:
                self.blockSignals(True)
                self.setCurrentItem(item)
                self.blockSignals(False)
                return

    def _on_selected(self, item, _previous=None) -> None:
        from PySide6.QtCore import Qt

        self.main_window.select_account(item.data(Qt.ItemDataRole.UserRole) if item else None)

    # ------------------------------------------------------------------ gestures
    def add_account(self) -> None:
        window = self.main_window
        if not window.editor:
            return
        name, ok = QInputDialog.getText(window, self.tr("New account"), self.tr("Client name:"))
        if ok:
            self._edit(lambda: window.select_account(window.editor.add_account(name.strip())))

    def rename_account(self) -> None:
        window = self.main_window
        if not (window.editor and window.account_id):
            return
        name, ok = QInputDialog.getText(window, self.tr("Rename account"), self.tr("Client name:"),
                                        text=window.document.account_name(window.account_id))
        if ok:
            self._edit(lambda: window.editor.rename_account(window.account_id, name.strip()))

    def duplicate_account(self) -> None:
        window = self.main_window
        if window.editor and window.account_id:
            self._edit(lambda: window.select_account(window.editor.duplicate_account(window.account_id)))

    def delete_account(self) -> None:
        window = self.main_window
        if not (window.editor and window.account_id):
            return
        name = window.document.account_name(window.account_id)
        answer = QMessageBox.question(
            window, self.tr("Delete account"),
            self.tr("Delete the account “%1” with its map and roadmap? You can undo this.").replace("%1", name))
        if answer == QMessageBox.StandardButton.Yes:
            self._edit(lambda: window.editor.delete_account(window.account_id))

    def _edit(self, change) -> None:
        from accountmap.storage.errors import WorkspaceError

        try:
            change()
        except WorkspaceError as exc:
            self.main_window.show_error(exc.message(self.main_window.language()))

    def mark_damaged(self, damaged: dict[str, str]) -> None:
        """Mark each account id in `damaged` with its message."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QBrush, QColor

        for row in range(self.count()):
            item = self.item(row)
            message = damaged.get(item.data(Qt.ItemDataRole.UserRole))
            if message:
                from PySide6.QtWidgets import QStyle

                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setForeground(QBrush(QColor("#a61b1b")))
                item.setToolTip(message)
