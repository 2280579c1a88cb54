"""The main window open on a fresh copy of the demo workspace, and helpers that open a
workspace in the window and show one of its pages (for tests that drive whole gestures)."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from accountmap.app.main_window import MainWindow
from accountmap.storage.demo import write_demo


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.resize(1400, 900)
    window.show()
    assert QTest.qWaitForWindowExposed(window)
    yield window
    window.close()


def show_page(window, kind):
    """Make the page of class `kind` the current tab and return it."""
    for index, page in enumerate(window.pages):
        if isinstance(page, kind):
            window.tabs.setCurrentIndex(index)
            return page
    raise AssertionError(f"no {kind.__name__}")


def open_on_page(qtbot, path, kind, *, size=(1400, 900), read_only: bool = False):
    """The main window open on the workspace at `path`, shown at `size`, its page of class
    `kind` current and exposed: (window, page)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.open_workspace(path, read_only=read_only)
    window.show()
    page = show_page(window, kind)
    qtbot.waitExposed(page.view)
    QTest.qWait(20)
    return window, page
