"""The main window open on a fresh copy of the demo workspace, and a helper that shows
one of its pages (for tests that drive whole gestures)."""

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
