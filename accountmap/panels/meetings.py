"""The account's meetings: date, time, place, goal, attendees (from the people), the
checkpoint it serves (from the roadmap), notes. Add, edit, delete: each one undo step.
`print_briefing(meeting_id)` hands a meeting to the briefing (a memo for the meeting)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain import clock
from accountmap.domain.models import Meeting
from accountmap.panels.journey_common import (
    FollowsAccount,
    date_text,
    from_qdate,
    node_title,
    person_name,
    report,
    to_qdate,
)
from accountmap.panels.pickers import checked_ids, checkpoint_combo, ok_cancel, people_checklist
from accountmap.storage.errors import WorkspaceError


class MeetingDialog(QDialog):
    def __init__(self, context: AccountContext, meeting: Meeting | None, parent=None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.setWindowTitle(self.tr("Meeting") if meeting else self.tr("New meeting"))
        self.setMinimumWidth(740)
        m = meeting or Meeting(date=clock.today())
        account = context.account
        form = QFormLayout(self)
        self.date = QDateEdit(to_qdate(m.date or clock.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.time = QLineEdit(m.time)
        self.time.setPlaceholderText(self.tr("e.g. 10:30"))
        self.place = QLineEdit(m.place)
        self.place.setPlaceholderText(self.tr("Office, city, video call…"))
        self.place.setCursorPosition(0)
        self.place.setToolTip(m.place)
        self.goal = QPlainTextEdit(m.goal)
        self.goal.setPlaceholderText(self.tr("What must be true after the meeting"))
        self.goal.setMaximumHeight(80)
        self.attendees = people_checklist(account, m.attendee_ids)
        self.attendees.setMinimumHeight(140)
        self.checkpoint = checkpoint_combo(account, m.checkpoint_id, self.tr("(none)"))
        self.notes = QPlainTextEdit(m.notes)
        self.notes.setMaximumHeight(100)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Time"), self.time)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Goal"), self.goal)
        form.addRow(self.tr("Attendees"), self.attendees)
        form.addRow(self.tr("Checkpoint it serves"), self.checkpoint)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)

    def values(self) -> dict:
        return {
            "date": from_qdate(self.date.date()),
            "time": self.time.text().strip(),
            "place": self.place.text().strip(),
            "goal": self.goal.toPlainText().strip(),
            "attendee_ids": checked_ids(self.attendees),
            "checkpoint_id": self.checkpoint.currentData(),
            "notes": self.notes.toPlainText().strip(),
        }


class MeetingsPage(FollowsAccount, QWidget):
    FOLLOWED_TABLES = ("meetings", "stakeholders", "roadmap_nodes")
    shows = ("meeting",)
    COLUMNS = ("Date", "Time", "Place", "Goal", "Attendees", "Checkpoint", "Notes")

    @classmethod
    def title(cls) -> str:
        return cls.tr("Meetings")

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: MeetingDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New meeting…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.brief_button = QPushButton(self.tr("Briefing for the meeting…"))
        self.brief_button.setToolTip(self.tr("Print a memo: who will be in the room, what each "
                                             "cares about, what we must learn"))
        self.add_button.clicked.connect(lambda: self.ask_meeting(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self.delete_selection)
        self.brief_button.clicked.connect(self._brief_selected)
        for b in (self.add_button, self.edit_button, self.delete_button, self.brief_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((90, 70, 170, 260, 230, 170)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self._edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No meetings yet: “New meeting…” plans one."))
        self.empty.setStyleSheet("color: #555;")
        layout.addWidget(self.empty)
        self.follow_account(context)
        self.refresh()

    def refresh(self) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.context.account
        selected = self.selected_ids()
        meetings = sorted(account.meetings, key=lambda m: (m.date is None, m.date or dt.date.min, m.time))
        self.table.setRowCount(len(meetings))
        for r, m in enumerate(meetings):
            values = (date_text(m.date), m.time, m.place, m.goal,
                      ", ".join(person_name(account, p) for p in m.attendee_ids),
                      node_title(account, m.checkpoint_id), m.notes)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                item.setToolTip(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(r, c, item)
            if m.id in selected:
                self.table.selectRow(r)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not meetings)
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows
                if self.table.item(r, 0) is not None]

    def _update_buttons(self) -> None:
        has = bool(self.selected_ids())
        for b in (self.edit_button, self.delete_button, self.brief_button):
            b.setEnabled(has)

    # ------------------------------------------------------------------ editing
    def _edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ask_meeting(ids[0])

    def ask_meeting(self, meeting_id: str | None) -> MeetingDialog:
        existing = next((m for m in self.context.account.meetings if m.id == meeting_id), None)
        self.dialog = MeetingDialog(self.context, existing, self)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _dialog_accepted(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        values = dialog.values()
        try:
            if dialog.meeting is None:
                meeting_id = self.context.editor.add(self.context.account_id, "meetings",
                                                     Meeting(**values), self.tr("Add a meeting"))
                self.focus_entity("meeting", meeting_id)
            else:
                self.context.editor.update(self.context.account_id, "meetings", dialog.meeting.id,
                                           self.tr("Edit a meeting"), **values)
        except WorkspaceError as exc:
            report(self.context, exc)
        dialog.deleteLater()

    def delete_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.context.editor.delete(self.context.account_id, {"meetings": ids},
                                       self.tr("Delete meetings"))
        except WorkspaceError as exc:
            report(self.context, exc)

    def select_all(self) -> None:
        self.table.selectAll()

    def focus_entity(self, kind: str, entity_id: str) -> None:
        if kind != "meeting":
            return
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == entity_id:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))
                return

    # ------------------------------------------------------------------ briefing
    def _brief_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.print_briefing(ids[0])

    def print_briefing(self, meeting_id: str):
        """The meeting briefing (памятка к встрече) in the print preview: built off the UI
        thread, in the workspace's language; returns the dialog (None if not shown)."""
        from accountmap.panels.print_preview import print_meeting_brief

        return print_meeting_brief(self, self.context, meeting_id)
