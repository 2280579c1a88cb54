"""The B2B journey grid for one decision maker (or one role): stations as columns, the
six rows of the template as rows, each cell multi-line. Each cell edit is one undo step
(an update of the grid's `cells`)."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain.models import JourneyGrid
from accountmap.domain.vocabulary import BuyingRole, GridRow
from accountmap.panels.journey_common import FollowsAccount, MultiLineDelegate, report, vocab
from accountmap.storage.errors import WorkspaceError
from accountmap.panels.pickers import interactive, ok_cancel, person_label

ROWS = list(GridRow)
CELL_WIDTH = 190


def grid_title(account, grid: JourneyGrid, lang: str, none_text: str) -> str:
    if grid.stakeholder_id:
        person = account.stakeholder(grid.stakeholder_id)
        if person is not None:
            return person_label(person)
    if grid.role:
        return vocab("role", grid.role, lang)
    return none_text


class NewGridDialog(QDialog):
    """Whom the new grid is for: a person of the buying group or a role."""

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New journey grid"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.target = QComboBox()
        lang = context.lang
        for person in context.account.stakeholders:
            self.target.addItem(person_label(person), f"person:{person.id}")
        for role in BuyingRole:
            self.target.addItem(self.tr("Role: %1").replace("%1", vocab("role", role, lang)),
                                f"role:{role.value}")
        form.addRow(self.tr("For"), self.target)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)

    def grid(self) -> JourneyGrid:
        kind, _, value = (self.target.currentData() or "").partition(":")
        return JourneyGrid(stakeholder_id=value) if kind == "person" else JourneyGrid(role=value)


class JourneyGridPanel(FollowsAccount, QWidget):
    FOLLOWED_TABLES = ("journey_grids", "stakeholders")

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: NewGridDialog | None = None
        self._filling = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Journey grid for:")))
        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(320)
        self.chooser.currentIndexChanged.connect(lambda _i: self._fill_table())
        bar.addWidget(self.chooser, 1)
        self.add_button = QPushButton(self.tr("New grid…"))
        self.add_button.setToolTip(self.tr("One grid per decision maker (or per role)"))
        self.add_button.clicked.connect(self.ask_new_grid)
        self.delete_button = QPushButton(self.tr("Delete grid"))
        self.delete_button.clicked.connect(self.delete_grid)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        self.hint = QLabel(self.tr("Double-click a cell to edit it; Enter starts a new line, "
                                   "Tab or a click elsewhere saves."))
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)
        self.table = QTableWidget()
        self.table.setItemDelegate(MultiLineDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setDefaultSectionSize(CELL_WIDTH)
        self.table.itemChanged.connect(self._cell_changed)
        layout.addWidget(self.table, 1)
        self.follow_account(context)
        self.refresh()

    # ------------------------------------------------------------------ reading
    def current_grid_id(self) -> str | None:
        return self.chooser.currentData()

    def _grid(self) -> JourneyGrid | None:
        gid = self.current_grid_id()
        return next((g for g in self.context.account.journey_grids if g.id == gid), None)

    def account_changed(self, change) -> None:
        grids_changed = change.settings or change.touches(self.context.account_id,
                                                          ("journey_grids",))
        self.refresh(keep_table=not grids_changed)  # people only: the titles

    def refresh(self, keep_table: bool = False) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.context.account
        current = self.current_grid_id()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for grid in account.journey_grids:
            self.chooser.addItem(grid_title(account, grid, self.context.lang, self.tr("(nobody)")),
                                 grid.id)
        index = self.chooser.findData(current)
        self.chooser.setCurrentIndex(index if index >= 0 else (0 if account.journey_grids else -1))
        self.chooser.blockSignals(False)
        self.delete_button.setEnabled(bool(account.journey_grids))
        self._fill_table()

    def _fill_table(self) -> None:
        grid = self._grid()
        framework = self.context.document.settings.journey_framework
        lang = self.context.lang
        shown = (grid.id if grid else None, tuple(s.id for s in framework.stations),
                 tuple(s.name(lang) for s in framework.stations))
        if shown == getattr(self, "_shown", None) and grid is not None:
            self._update_texts(grid, framework)  # a cell edit: no rebuild under the editor
            return
        self._shown = shown
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(len(framework.stations))
        self.table.setRowCount(len(ROWS))
        self.table.setHorizontalHeaderLabels(
            ["\n".join(textwrap.wrap(f"{i}. {s.name(lang)}", 24)) for i, s in
             enumerate(framework.stations, 1)])
        self.table.setVerticalHeaderLabels(
            ["\n".join(textwrap.wrap(vocab("grid", row, lang), 22)) for row in ROWS])
        for c, station in enumerate(framework.stations):
            header = self.table.horizontalHeaderItem(c)
            header.setToolTip("\n".join([station.description(lang)]
                                        + [f"• {s}" for s in station.signs(lang)]))
            for r, row in enumerate(ROWS):
                text = grid.cells.get(station.id, {}).get(row, "") if grid else ""
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (station.id, row.value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if grid is None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.setEnabled(grid is not None)
        self.table.resizeRowsToContents()
        for r in range(len(ROWS)):
            self.table.setRowHeight(r, max(84, min(self.table.rowHeight(r), 240)))
        self._filling = False

    def _update_texts(self, grid: JourneyGrid, framework) -> None:
        self._filling = True
        for c, station in enumerate(framework.stations):
            for r, row in enumerate(ROWS):
                item = self.table.item(r, c)
                text = grid.cells.get(station.id, {}).get(row, "")
                if item is not None and item.text() != text:
                    item.setText(text)
        self.table.resizeRowsToContents()
        for r in range(len(ROWS)):
            self.table.setRowHeight(r, max(84, min(self.table.rowHeight(r), 240)))
        self._filling = False

    # ------------------------------------------------------------------ editing
    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        grid = self._grid()
        if grid is None:
            return
        station_id, row = item.data(Qt.ItemDataRole.UserRole)
        self.set_cell(grid.id, station_id, row, item.text())

    def set_cell(self, grid_id: str, station_id: str, row: str, text: str) -> None:
        grid = next(g for g in self.context.account.journey_grids if g.id == grid_id)
        cells = {sid: {str(k): v for k, v in rows.items()} for sid, rows in grid.cells.items()}
        column = cells.setdefault(station_id, {})
        if text.strip():
            column[row] = text
        else:
            column.pop(row, None)
        if not column:
            cells.pop(station_id)
        try:
            self.context.editor.update(self.context.account_id, "journey_grids", grid_id,
                                       self.tr("Edit the journey grid"), cells=cells)
        except WorkspaceError as exc:
            report(self.context, exc)
            self._fill_table()

    def ask_new_grid(self) -> NewGridDialog:
        self.dialog = NewGridDialog(self.context, self)
        self.dialog.accepted.connect(self._new_grid_accepted)
        self.dialog.open()
        return self.dialog

    def _new_grid_accepted(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        self.add_grid(dialog.grid())
        dialog.deleteLater()

    def add_grid(self, grid: JourneyGrid) -> str | None:
        try:
            gid = self.context.editor.add(self.context.account_id, "journey_grids", grid,
                                          self.tr("Add a journey grid"))
        except WorkspaceError as exc:
            report(self.context, exc)
            return None
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(gid)))
        return gid

    def delete_grid(self) -> None:
        grid = self._grid()
        if grid is None:
            return
        if interactive():
            answer = QMessageBox.question(self, self.tr("Delete grid"),
                                          self.tr("Delete this journey grid? You can undo this."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.context.editor.delete(self.context.account_id, {"journey_grids": [grid.id]},
                                       self.tr("Delete a journey grid"))
        except WorkspaceError as exc:
            report(self.context, exc)
