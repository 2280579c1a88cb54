"""Form fields the property panels share: a date that may be "not set", and a
multi-line text that commits (one undo step) when it loses focus."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit

from accountmap.domain import clock

NO_DATE = QDate(2000, 1, 1)  # the minimum of an optional date edit: shown as "not set"


class OptionalDateEdit(QDateEdit):
    """A date that may be not set (shown as `none_text`); its calendar then opens on
    today rather than on the year 2000."""

    def __init__(self, none_text: str = "—", tip: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(none_text)
        self.setDisplayFormat("dd.MM.yyyy")
        if tip:
            self.setToolTip(tip)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> dt.date | None:
        qd = self.date()
        if not qd.isValid() or qd == NO_DATE:
            return None
        return dt.date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value) if value else NO_DATE)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show \
                and self.date() == NO_DATE:
            today = clock.today()
            watched.setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)


class CommitOnFocusOut(QPlainTextEdit):
    """A multi-line field that commits when it loses focus (like editingFinished); Tab
    moves on to the next field."""

    def __init__(self, commit, parent=None) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setTabChangesFocus(True)

    def show_text(self, text: str) -> None:
        """Show the model's text without disturbing the cursor when it is unchanged."""
        if self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._commit()
        super().focusOutEvent(event)
