"""Form fields the property panels share: a date that may be "not set", and a
multi-line text that commits (one undo step) when it loses focus."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit

from accountmap.domain import clock
from accountmap.domain.dates import QT_DATE_FORMAT

NO_DATE = QDate(2000, 1, 1)  # the minimum of an optional date edit: shown as "not set"


def date_display_format() -> str:
    """A date edit's format in the interface's language, the convention the briefings
    print (domain/dates.py): 18.11.2026 in Russian, 18 Nov 2026 in English."""
    from accountmap.document.interface_language import ui_language

    return QT_DATE_FORMAT.get(ui_language(), QT_DATE_FORMAT["ru"])


class OptionalDateEdit(QDateEdit):
    """A date that may be not set (shown as `none_text`); its calendar then opens on
    today rather than on the year 2000.

    The calendar is made when first wanted (a press or a key on the field, or
    `calendarWidget()`): one costs ~0.13 MiB, and a window has several of these fields.
    A click on a day of it is `calendarClicked`."""

    calendarClicked = Signal(QDate)

    def __init__(self, none_text: str = "—", tip: str = "", parent=None) -> None:
        super().__init__(parent)
        self._watched = False  # the calendar made and watched
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(none_text)
        self.setDisplayFormat(date_display_format())
        if tip:
            self.setToolTip(tip)

    def calendarWidget(self):  # noqa: N802 - Qt's name
        calendar = super().calendarWidget()  # made by Qt now if not yet
        if not self._watched:
            self._watched = True
            calendar.installEventFilter(self)
            calendar.clicked.connect(self.calendarClicked)
        return calendar

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.calendarWidget()  # before Qt pops it up
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.calendarWidget()  # F4, Alt+Down: before Qt pops it up
        super().keyPressEvent(event)

    def value(self) -> dt.date | None:
        qd = self.date()
        if not qd.isValid() or qd == NO_DATE:
            return None
        return dt.date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value) if value else NO_DATE)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if self._watched and event.type() == QEvent.Type.Show \
                and watched is self.calendarWidget() \
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
