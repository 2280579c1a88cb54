"""The search box above the account list: people and open questions of every account,
from the workspace file's full-text index. Choosing a hit opens its account and shows
the person on the map."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

DELAY_MS = 150  # search once typing pauses, not on every key


class WorkspaceSearch(QWidget):
    hitChosen = Signal(str, str)  # account id, person id ("" for none)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document = None  # WorkspaceDocument, set by the main window
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search people and questions…"))
        self.field.setToolTip(self.tr(
            "Find people (name, title, notes, interests) and open questions in every "
            "account of the workspace (Ctrl+Shift+F)"))
        self.field.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.hits.setAlternatingRowColors(True)  # one hit is two lines: keep them apart
        self.hits.setSpacing(1)
        self.hits.setMaximumHeight(260)  # the account list stays in sight below
        self.hits.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.hits)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self._choose_first)
        self.hits.itemActivated.connect(self._choose)
        self.hits.itemClicked.connect(self._choose)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.focus_field)

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def set_document(self, document) -> None:
        self.document = document
        self.field.clear()
        self.run()

    def run(self) -> None:
        """Search now for the text in the field; list the hits (hidden when empty)."""
        from accountmap.document.interface_language import ui_language
        from accountmap.storage.errors import WorkspaceError

        self._timer.stop()
        self.hits.clear()
        text = self.field.text().strip()
        if not text or self.document is None:
            self.hits.hide()
            return
        try:
            found = self.document.search(text)
        except WorkspaceError as exc:
            self.hits.addItem(exc.message(ui_language()))
            self.hits.show()
            return
        for hit in found:
            if hit.kind == "stakeholder":
                line = " — ".join(p for p in (hit.text or self.tr("(no name)"), hit.detail) if p)
            else:
                line = self.tr("Question: %1").replace("%1", hit.text[:200])
                if hit.detail:
                    line += " — " + hit.detail
            item = QListWidgetItem(f"{line}\n   {hit.account_name}")
            item.setToolTip(f"{hit.account_name}\n{hit.text[:500]}")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, (hit.account_id, hit.person_id or ""))
            self.hits.addItem(item)
        if not found:
            self.hits.addItem(self.tr("Nothing found"))
        self.hits.show()

    def _choose_first(self) -> None:
        self.run()
        if self.hits.count() and self.hits.item(0).data(QtCore.Qt.ItemDataRole.UserRole):
            self._choose(self.hits.item(0))

    def _choose(self, item: QListWidgetItem) -> None:
        target = item.data(QtCore.Qt.ItemDataRole.UserRole)
        if target:
            self.hitChosen.emit(*target)
