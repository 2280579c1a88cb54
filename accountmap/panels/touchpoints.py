"""Touchpoints: the dated moments the client meets us (before, during, after the deal).

A table to add, edit and delete them; a per-person timeline; the gaps the rules find
(high-influence people with no contact in N days, stations ahead with no touchpoint
planned). Adding (or editing) a touchpoint moves the last contact of its people forward
in the same undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain import clock
from accountmap.domain.journey_rules import (
    person_timeline,
    stale_contacts,
    stations_without_touchpoints,
    touchpoint_station,
)
from accountmap.domain.models import Touchpoint
from accountmap.domain.vocabulary import Channel, TouchpointPhase
from accountmap.panels.fields import date_display_format
from accountmap.panels.journey_common import (
    FollowsAccount,
    date_text,
    from_qdate,
    node_title,
    person_name,
    report,
    to_qdate,
    vocab,
)
from accountmap.panels.pickers import checked_ids, checkpoint_combo, ok_cancel, people_checklist
from accountmap.storage.errors import WorkspaceError

TOUCHPOINT_CHANNELS = [c for c in Channel if c != Channel.DOCUMENT] + [Channel.DOCUMENT]


class TouchpointDialog(QDialog):
    def __init__(self, context: AccountContext, touchpoint: Touchpoint | None, parent=None) -> None:
        super().__init__(parent)
        self.touchpoint = touchpoint
        self.setWindowTitle(self.tr("Touchpoint") if touchpoint else self.tr("New touchpoint"))
        self.setMinimumWidth(740)
        t = touchpoint or Touchpoint(date=clock.today())
        lang = context.lang
        account = context.account
        form = QFormLayout(self)
        self.date = QDateEdit(to_qdate(t.date or clock.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_display_format())
        self.phase = QComboBox()
        for phase in TouchpointPhase:
            self.phase.addItem(vocab("phase", phase, lang), phase.value)
        self.phase.setCurrentIndex(max(0, self.phase.findData(t.phase.value)))
        self.channel = QComboBox()
        for channel in TOUCHPOINT_CHANNELS:
            self.channel.addItem(vocab("channel", channel, lang), channel.value)
        self.channel.setCurrentIndex(max(0, self.channel.findData(t.channel.value)))
        self.people = people_checklist(account, t.stakeholder_ids)
        self.people.setMinimumHeight(120)
        self.checkpoint = checkpoint_combo(account, t.checkpoint_id, self.tr("(none)"))
        self.summary = QPlainTextEdit(t.summary)
        self.summary.setPlaceholderText(self.tr("What happened"))
        self.summary.setMaximumHeight(80)
        self.emotion = QLineEdit(t.emotion)
        self.emotion.setPlaceholderText(self.tr("e.g. interested, cautious, irritated"))
        self.result = QPlainTextEdit(t.result)
        self.result.setPlaceholderText(self.tr("What it decided or produced"))
        self.result.setMaximumHeight(80)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Phase"), self.phase)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("People"), self.people)
        form.addRow(self.tr("Checkpoint"), self.checkpoint)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Emotion"), self.emotion)
        form.addRow(self.tr("Result"), self.result)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)

    def values(self) -> dict:
        return {
            "date": from_qdate(self.date.date()),
            "phase": self.phase.currentData(),
            "channel": self.channel.currentData(),
            "stakeholder_ids": checked_ids(self.people),
            "checkpoint_id": self.checkpoint.currentData(),
            "summary": self.summary.toPlainText().strip(),
            "emotion": self.emotion.text().strip(),
            "result": self.result.toPlainText().strip(),
        }


class TouchpointsModel(QAbstractTableModel):
    """The touchpoints' rows as texts (one table of strings: a QTableWidgetItem per cell
    held ~9 copies of its data, 1.6 MiB for 200 touchpoints)."""

    ALIGN = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, tuple[str, ...]]] = []  # (touchpoint id, cell texts)

    def set_rows(self, rows: list[tuple[str, tuple[str, ...]]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        touchpoint_id, texts = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return touchpoint_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.ALIGN
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return super().headerData(section, orientation, role)

    def row_of(self, touchpoint_id: str) -> int:
        return next((r for r, (i, _) in enumerate(self.rows) if i == touchpoint_id), -1)


class TouchpointsPanel(FollowsAccount, QWidget):
    FOLLOWED_TABLES = ("touchpoints", "stakeholders", "roadmap_nodes", "meetings")
    COLUMNS = ("Date", "Phase", "Channel", "People", "Checkpoint", "Station", "Summary",
               "Emotion", "Result")

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: TouchpointDialog | None = None
        self.today = clock.today  # asked at each use: the day may turn while the app runs
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add touchpoint…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(lambda: self.ask_touchpoint(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self.delete_selection)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        bar.addStretch(1)
        left_layout.addLayout(bar)
        self.model = TouchpointsModel([self.tr(c) for c in self.COLUMNS], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((84, 112, 95, 165, 140, 95, 200, 100)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self._edit_selected())
        left_layout.addWidget(self.table, 1)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setTextFormat(Qt.TextFormat.RichText)
        gaps_box = QGroupBox(self.tr("Gaps"))
        gaps_layout = QVBoxLayout(gaps_box)
        gaps_layout.addWidget(self.gaps)
        left_layout.addWidget(gaps_box)
        splitter.addWidget(left)
        right = QGroupBox(self.tr("Timeline of a person"))
        right_layout = QVBoxLayout(right)
        self.person = QComboBox()
        self.person.currentIndexChanged.connect(lambda _i: self._fill_timeline())
        right_layout.addWidget(self.person)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setSpacing(2)
        right_layout.addWidget(self.timeline, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 320])
        self.follow_account(context)
        context.document.accountChanged.connect(self._on_account)
        self.refresh()

    def _on_account(self, account_id: str) -> None:
        if account_id == self.context.account_id:
            self._fill_gaps()

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.context.account
        lang = self.context.lang
        selected = self.selected_ids()
        framework = self.context.document.settings.journey_framework

        def station_name(t: Touchpoint) -> str:
            station = framework.station(touchpoint_station(account, t))
            return station.name(lang) if station else ""

        self.model.set_rows([(t.id, (
            date_text(t.date), vocab("phase", t.phase, lang), vocab("channel", t.channel, lang),
            ", ".join(person_name(account, p) for p in t.stakeholder_ids),
            node_title(account, t.checkpoint_id), station_name(t), t.summary, t.emotion,
            t.result,
        )) for t in account.touchpoints])
        for r, t in enumerate(account.touchpoints):
            if t.id in selected:
                self.table.selectRow(r)
        self.table.resizeRowsToContents()
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        for person in account.stakeholders:
            self.person.addItem(person.full_name or "—", person.id)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.person.setToolTip(self.person.currentText())
        self.person.blockSignals(False)
        self._fill_timeline()
        self._fill_gaps()

    def _fill_timeline(self) -> None:
        self.timeline.clear()
        person_id = self.person.currentData()
        if not person_id:
            return
        account = self.context.account
        lang = self.context.lang
        from accountmap.domain.contact_history import MEETING, RECORDED, contacts_with

        contacts = contacts_with(account, person_id, self.today())  # one history, newest first
        if contacts:
            self.timeline.addItem(self.tr("Last contact: %1").replace("%1", date_text(contacts[0].date)))
        for contact in contacts:
            if contact.kind == MEETING:
                self.timeline.addItem(self.tr("%1 · meeting held: %2").replace(
                    "%1", date_text(contact.date)).replace("%2", contact.text or "—"))
        if [c for c in contacts if c.kind == RECORDED] and len(contacts) == 1:
            self.timeline.addItem(self.tr("(entered on the card; no touchpoint or meeting recorded)"))
        items = person_timeline(account, person_id)
        for t in items:
            head = " · ".join(x for x in (date_text(t.date) or self.tr("no date"),
                                          vocab("channel", t.channel, lang),
                                          node_title(account, t.checkpoint_id)) if x)
            body = [t.summary] if t.summary else []
            if t.emotion:
                body.append(self.tr("Emotion: %1").replace("%1", t.emotion))
            if t.result:
                body.append(self.tr("Result: %1").replace("%1", t.result))
            item = QListWidgetItem("\n".join([head] + body))
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if t.date and t.date > self.today():
                item.setForeground(Qt.GlobalColor.darkGray)
            self.timeline.addItem(item)
        if not items and not contacts:
            self.timeline.addItem(self.tr("No touchpoints with this person yet."))

    def gap_texts(self) -> list[str]:
        account = self.context.account
        settings = self.context.document.settings
        lang = self.context.lang
        texts = []
        stale = stale_contacts(account, self.today(), settings.stale_contact_days)
        if stale:
            texts.append(self.tr("High influence, no contact in %1 days: %2")
                         .replace("%1", str(settings.stale_contact_days))
                         .replace("%2", ", ".join(person_name(account, p) for p in stale)))
        framework = settings.journey_framework
        empty = stations_without_touchpoints(account, framework, today=self.today())
        if empty:
            texts.append(self.tr("Stations ahead with no touchpoint planned: %1")
                         .replace("%1", ", ".join(framework.station(s).name(lang) for s in empty)))
        return texts

    def _fill_gaps(self) -> None:
        from html import escape

        texts = self.gap_texts()
        self.gaps.setText("<br>".join("⚠ " + escape(t) for t in texts)
                          or escape(self.tr("No gaps found.")))

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        return [self.model.rows[r][0] for r in rows if r < len(self.model.rows)]

    # ------------------------------------------------------------------ editing
    def _edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ask_touchpoint(ids[0])

    def ask_touchpoint(self, touchpoint_id: str | None) -> TouchpointDialog:
        account = self.context.account
        existing = next((t for t in account.touchpoints if t.id == touchpoint_id), None)
        self.dialog = TouchpointDialog(self.context, existing, self)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _dialog_accepted(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        values = dialog.values()
        if dialog.touchpoint is None:
            self.add_touchpoint(Touchpoint(**values))
        else:
            self.update_touchpoint(dialog.touchpoint.id, values)
        dialog.deleteLater()

    def add_touchpoint(self, touchpoint: Touchpoint) -> str | None:
        try:
            return self.context.editor.add_touchpoint(
                self.context.account_id, touchpoint, self.today(), self.tr("Add a touchpoint"))
        except WorkspaceError as exc:
            report(self.context, exc)
            return None

    def update_touchpoint(self, touchpoint_id: str, values: dict) -> None:
        try:
            self.context.editor.update_touchpoint(self.context.account_id, touchpoint_id, values,
                                                  self.today(), self.tr("Edit a touchpoint"))
        except WorkspaceError as exc:
            report(self.context, exc)

    def delete_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.context.editor.delete(self.context.account_id, {"touchpoints": ids},
                                       self.tr("Delete touchpoints"))
        except WorkspaceError as exc:
            report(self.context, exc)

    def focus_touchpoint(self, touchpoint_id: str) -> None:
        r = self.model.row_of(touchpoint_id)
        if r >= 0:
            self.table.selectRow(r)
            self.table.scrollTo(self.model.index(r, 0))


