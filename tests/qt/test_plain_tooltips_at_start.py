"""Issue 15: at start-up the application-wide plain-tooltip filter waits for the first
input (app/plain_tooltips.py): it is there before any tooltip can show, whatever the user
does first, and tooltips then show user text as plain text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QToolTip

from accountmap.app import plain_tooltips
from accountmap.app.application import make_application
from tests.e2e.app_process import child_environment, one_account_workspace

RICH = "<b>Иван</b>\nвторая строка"


@pytest.fixture
def no_filter_yet(qtbot):
    """The application as start-up makes it: no plain-tooltip filter yet (put back after)."""
    app = make_application("en")
    filter_ = app._accountmap_plain_tooltips
    app.removeEventFilter(filter_)
    app._accountmap_plain_tooltips = None
    yield app
    if app._accountmap_plain_tooltips is None:
        app._accountmap_plain_tooltips = filter_
        app.installEventFilter(filter_)
    else:
        filter_.deleteLater()


def shown_field(qtbot):
    field = QLineEdit()
    field.setToolTip(RICH)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


def tooltip_of(widget) -> str:
    QToolTip.hideText()
    pos = widget.rect().center()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_the_first_mouse_move_installs_the_filter_before_a_widget_hears_it(qtbot, no_filter_yet):
    field = shown_field(qtbot)
    first = plain_tooltips.install_at_first_input(no_filter_yet, field)
    qtbot.wait(10)  # expose and activation events are no input
    assert no_filter_yet._accountmap_plain_tooltips is None
    heard = []
    field.setMouseTracking(True)
    original = field.mouseMoveEvent
    field.mouseMoveEvent = lambda event: (heard.append(
        no_filter_yet._accountmap_plain_tooltips is not None), original(event))
    QTest.mouseMove(field.windowHandle(), QPoint(5, 5))
    assert heard and all(heard)  # installed when the widget heard of the mouse
    assert tooltip_of(field) == plain_tooltips.as_plain(RICH)
    first.install()  # (start-up over: nothing more to do)


def test_a_key_installs_the_filter(qtbot, no_filter_yet):
    field = shown_field(qtbot)
    plain_tooltips.install_at_first_input(no_filter_yet, field)
    QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)
    assert no_filter_yet._accountmap_plain_tooltips is not None


def test_another_window_made_active_installs_the_filter(qtbot, no_filter_yet):
    field = shown_field(qtbot)
    plain_tooltips.install_at_first_input(no_filter_yet, field)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: no_filter_yet._accountmap_plain_tooltips is not None)


def test_start_up_over_installs_the_filter(qtbot, no_filter_yet):
    field = shown_field(qtbot)
    first = plain_tooltips.install_at_first_input(no_filter_yet, field)
    first.install()
    assert tooltip_of(field) == plain_tooltips.as_plain(RICH)
    first.install()  # once only
    QTest.mouseMove(field.windowHandle(), QPoint(5, 5))


# `accountmap open W --quit-after-show`, printing whether the filter is there at each mark
CHILD = """
import atexit, sys
from PySide6.QtWidgets import QApplication
from accountmap.app import application

def trace(event):
    there = getattr(QApplication.instance(), "_accountmap_plain_tooltips", None) is not None
    print(event, "|", there, flush=True)

application._trace = trace
atexit.register(lambda: trace("exit"))
sys.exit(application.run_application(application.Path(sys.argv[1]), quit_after_show=True))
"""


def test_start_up_installs_the_filter_once_the_first_account_painted(tmp_path):
    """Without input, the filter comes once the first account painted (the typing of
    every Qt object that receives an event then no longer delays the first paint)."""
    path = one_account_workspace(tmp_path / "w.accountmap")
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, env=child_environment(tmp_path / "home"), timeout=120)
    assert result.returncode == 0, result.stderr
    marks = [tuple(line.split(" | ")) for line in result.stdout.splitlines() if " | " in line]
    assert marks == [("window shown", "False"), ("workspace listed", "False"),
                     ("workspace shown", "False"), ("account painted", "False"),
                     ("exit", "True")]
