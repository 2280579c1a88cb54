"""Help: a getting-started page in the UI's language (on the first start, then from Help)
and the keyboard shortcuts read from the window's actions."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow


def window_in(lang, qtbot):
    make_application(lang)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def help_menu(w):
    return next(a.menu() for a in w.menuBar().actions() if a.menu() is w.help_menu)


def test_getting_started_in_russian_from_the_help_menu(qtbot):
    w = window_in("ru", qtbot)
    assert help_menu(w).title() == "&Справка"
    w.help_actions["getting_started"].trigger()
    dialog = next(d for d in w.findChildren(QDialog) if d.isVisible())
    text = dialog.browser.toPlainText()
    assert "Начало работы" in text and "Ctrl+Z" in text
    assert "Getting started" not in text
    dialog.close()


def test_shortcuts_list_names_the_window_actions(qtbot):
    w = window_in("en", qtbot)
    w.help_actions["shortcuts"].trigger()
    dialog = next(d for d in w.findChildren(QDialog) if d.isVisible())
    text = dialog.browser.toPlainText()
    for name in ("Undo", "New workspace", "Fit to window", "Getting started"):
        assert name in text
    assert "Ctrl+Z" in text and "Ctrl+0" in text


def test_getting_started_shows_on_the_first_start_only(qtbot):
    from accountmap.app.help_menu import show_on_first_start

    w = window_in("en", qtbot)
    first = show_on_first_start(w)
    assert first is not None and first.isVisible()
    assert "Getting started" in first.browser.toPlainText()
    first.close()
    assert show_on_first_start(w) is None
