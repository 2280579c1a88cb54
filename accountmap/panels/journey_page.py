"""The customer-journey page of an account: the strip (where the client is, how warm),
and in sub-tabs the buying group on the stations, the journey grids, the touchpoints and
the dated history of moves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.panels.journey_common import FollowsAccount, date_text, report, vocab
from accountmap.panels.journey_grid import JourneyGridPanel
from accountmap.panels.journey_strip import JourneyStrip
from accountmap.panels.station_lineup import StationLineup
from accountmap.panels.touchpoints import TouchpointsPanel
from accountmap.storage.errors import WorkspaceError


class JourneyHistory(FollowsAccount, QTableWidget):
    FOLLOWED_TABLES = ("journey_history",)
    """The account's moves along the journey, newest first."""

    COLUMNS = ("Date", "Station", "Temperature", "Why", "Evidence")

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.context = context
        self.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((90, 220, 110, 300)):
            self.setColumnWidth(col, width)
        self.follow_account(context)
        self.refresh()

    def refresh(self) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.context.account
        lang = self.context.lang
        framework = self.context.document.settings.journey_framework
        events = sorted(account.journey_history,
                        key=lambda e: (e.date is not None, e.date), reverse=True)
        self.setRowCount(len(events))
        for r, e in enumerate(events):
            station = framework.station(e.journey_stage)
            values = (date_text(e.date), station.name(lang) if station else (e.journey_stage or "—"),
                      vocab("temperature", e.temperature, lang), e.reason, e.evidence)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.setItem(r, c, item)
        self.resizeRowsToContents()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectedIndexes()})
        return [self.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows if self.item(r, 0)]

    def delete_selection(self) -> None:
        """Delete the selected history entries (the account's station stays as it is)."""
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.context.editor.delete(self.context.account_id, {"journey_history": ids},
                                       self.tr("Delete history entries"))
        except WorkspaceError as exc:
            report(self.context, exc)


class JourneyPage(QWidget):
    shows = ("touchpoint", "journey_grid")

    @classmethod
    def title(cls) -> str:
        return cls.tr("Client journey")

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.framework_dialog = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.strip = JourneyStrip(context)
        top.addWidget(self.strip, 1)
        self.framework_button = QPushButton(self.tr("Stations…"))
        self.framework_button.setToolTip(self.tr("Edit the stations of the client journey "
                                                 "(names, signs, order) or switch framework"))
        self.framework_button.clicked.connect(self.edit_framework)
        top.addWidget(self.framework_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.lineup = StationLineup(context)
        self.grids = JourneyGridPanel(context)
        self.touchpoints = TouchpointsPanel(context)
        self.history = JourneyHistory(context)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_bar = QHBoxLayout()
        hint = QLabel(self.tr("Each click on the strip above adds a dated entry here."))
        hint.setStyleSheet("color: #555;")
        history_bar.addWidget(hint, 1)
        self.delete_history_button = QPushButton(self.tr("Delete entry"))
        self.delete_history_button.clicked.connect(self.history.delete_selection)
        history_bar.addWidget(self.delete_history_button)
        history_layout.addLayout(history_bar)
        history_layout.addWidget(self.history, 1)
        self.tabs.addTab(self.lineup, self.tr("Buying group on the stations"))
        self.tabs.addTab(self.grids, self.tr("Journey grids"))
        self.tabs.addTab(self.touchpoints, self.tr("Touchpoints"))
        self.tabs.addTab(history_box, self.tr("History of moves"))
        self.history_box = history_box
        layout.addWidget(self.tabs, 1)

    def edit_framework(self):
        from accountmap.panels.framework_dialog import FrameworkDialog

        self.framework_dialog = FrameworkDialog(self.context, self)
        self.framework_dialog.open()
        return self.framework_dialog

    def focus_entity(self, kind: str, entity_id: str) -> None:
        if kind == "touchpoint":
            self.tabs.setCurrentWidget(self.touchpoints)
            self.touchpoints.focus_touchpoint(entity_id)
        elif kind == "journey_grid":
            self.tabs.setCurrentWidget(self.grids)
            self.grids.chooser.setCurrentIndex(max(0, self.grids.chooser.findData(entity_id)))

    def delete_selection(self) -> None:
        if self.tabs.currentWidget() is self.touchpoints:
            self.touchpoints.delete_selection()
        elif self.tabs.currentWidget() is self.history_box:
            self.history.delete_selection()
