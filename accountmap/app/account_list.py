"""The list of the workspace's accounts on the left of the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget


class AccountList(QListWidget):
    """The accounts; right-click shows the account actions. An account the file holds
    damaged values for is marked (warning icon, red, the reason as its tooltip)."""

    def __init__(self, show_menu, parent=None) -> None:
        super().__init__(parent)
        self._show_menu = show_menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._show_menu(event.globalPos())

    def mark_damaged(self, damaged: dict[str, str]) -> None:
        """Mark each account id in `damaged` with its message."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QBrush, QColor
        from PySide6.QtWidgets import QStyle

        for row in range(self.count()):
            item = self.item(row)
            message = damaged.get(item.data(Qt.ItemDataRole.UserRole))
            if message:
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setForeground(QBrush(QColor("#a61b1b")))
                item.setToolTip(message)
