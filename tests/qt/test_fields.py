"""The shared form fields: an optional date and a multi-line field that commits on focus-out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from accountmap.domain import clock
from accountmap.panels.fields import CommitOnFocusOut, OptionalDateEdit


def test_optional_date_round_trip_and_not_set(qtbot):
    edit = OptionalDateEdit("not set")
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.text() == "not set"
    edit.set_value(dt.date(2026, 12, 24))
    assert edit.value() == dt.date(2026, 12, 24) and edit.text() == "24 Dec 2026"
    edit.set_value(None)
    assert edit.value() is None and edit.text() == "not set"


def test_dates_read_as_the_interface_language_writes_them_like_the_print(qtbot):
    from accountmap.app.application import make_application
    from accountmap.briefing.styles import fmt_date
    from accountmap.panels.journey_common import date_text

    day = dt.date(2026, 11, 18)
    for lang, shown in (("en", "18 Nov 2026"), ("ru", "18.11.2026")):
        make_application(lang)  # (tests/conftest.py switches back to English afterwards)
        edit = OptionalDateEdit()
        qtbot.addWidget(edit)
        edit.set_value(day)
        assert edit.text() == shown == date_text(day)
        assert fmt_date(day, lang).replace("\u00a0", " ") == shown  # the briefings


def test_calendar_of_an_unset_date_opens_on_today(qtbot):
    clock.pin(dt.date(2031, 7, 14))  # a month far from the real one: the calendar follows the clock
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.resize(200, 30)
    edit.show()
    assert QTest.qWaitForWindowExposed(edit)
    calendar = edit.calendarWidget()
    assert not calendar.isVisible()
    # a click on the drop-down arrow at the right end opens the calendar popup
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 8, edit.height() // 2))
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2031, 7)
    assert edit.value() is None  # looking at the calendar does not set a date


def test_calendar_is_made_when_first_wanted_and_still_opens_on_today(qtbot):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCalendarWidget

    clock.pin(dt.date(2031, 7, 14))
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.resize(200, 30)
    edit.show()
    assert QTest.qWaitForWindowExposed(edit)
    assert edit.findChild(QCalendarWidget) is None  # none made up front
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 8, edit.height() // 2))
    calendar = edit.findChild(QCalendarWidget)
    assert calendar is not None and calendar is edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2031, 7)
    clicked = []
    edit.calendarClicked.connect(clicked.append)
    calendar.clicked.emit(QDate(2031, 7, 20))  # a day clicked in the calendar
    assert clicked == [QDate(2031, 7, 20)]
    calendar.window().hide()


def test_multiline_field_commits_when_focus_leaves_and_keeps_cursor_on_same_text(qtbot):
    commits = []
    host = QWidget()
    layout = QVBoxLayout(host)
    field = CommitOnFocusOut(lambda: commits.append(field.toPlainText()))
    other = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(host)
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setPlainText("Закупки & R&D <b>")
    other.setFocus()
    qtbot.waitUntil(lambda: commits == ["Закупки & R&D <b>"])

    cursor = field.textCursor()
    cursor.setPosition(3)
    field.setTextCursor(cursor)
    field.show_text("Закупки & R&D <b>")  # the model echoes the same text back
    assert field.textCursor().position() == 3
    field.show_text("другое")
    assert field.toPlainText() == "другое"
