"""Read-only is visible (a banner, edit tools disabled, no message box per try); hints go to
the status bar instead of message boxes; undo texts read naturally in Russian."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtWidgets import QMessageBox

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.roadmap.page import RoadmapPage
from tests.qt.test_map_canvas import make_workspace


def page_of(window, cls):
    for index, page in enumerate(window.pages):
        if isinstance(page, cls):
            window.tabs.setCurrentIndex(index)
            return page
    raise AssertionError(cls)


@pytest.fixture
def read_only_window(tmp_path, qtbot, monkeypatch):
    make_application("en")
    path = tmp_path / "w.accountmap"
    make_workspace(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path, read_only=True)
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr("accountmap.app.main_window._interactive", lambda: True)
    return window


def test_read_only_shows_a_banner_and_disables_the_edit_tools(read_only_window):
    window = read_only_window
    assert window.read_only_banner.isVisible()
    assert "Read-only" in window.read_only_banner.text()
    page = page_of(window, AccountMapPage)
    for action in (page.act_add_person, page.act_add_centre, page.act_connect, page.act_arrange):
        assert not action.isEnabled()
    assert not page.panel.person_form.isEnabled()
    road = page_of(window, RoadmapPage)
    assert not any(a.isEnabled() for a in road.palette_actions.values())


def test_read_only_tries_do_not_pop_up_a_message_box_each_time(read_only_window, qtbot):
    from tests.qt.test_map_canvas import card_centre, drag

    window = read_only_window
    page = page_of(window, AccountMapPage)
    page.view.set_zoom(1.0)
    card = next(iter(page.scene.cards.values()))
    start = card.pos()
    with mock.patch.object(QMessageBox, "warning") as box:
        drag(page, card_centre(card), card_centre(card) + type(start)(300, 200))
        page.add_person()  # a scripted try as well
    box.assert_not_called()
    assert card.pos() == start  # back where the file has it
    assert window.statusBar().currentMessage()


def test_connect_with_nothing_selected_hints_in_the_status_bar(tmp_path, qtbot, monkeypatch):
    make_application("en")
    path = tmp_path / "w.accountmap"
    make_workspace(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr("accountmap.app.main_window._interactive", lambda: True)
    page = page_of(window, AccountMapPage)
    page.scene.clearSelection()
    with mock.patch.object(QMessageBox, "warning") as box:
        page.act_connect.trigger()
    box.assert_not_called()
    assert "Select two cards" in window.statusBar().currentMessage()
    assert not window.read_only_banner.isVisible()


def test_undo_texts_read_naturally_in_russian(tmp_path, qtbot):
    make_application("ru")
    path = tmp_path / "w.accountmap"
    make_workspace(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    assert window.act_undo.text() == "&Отменить"
    page = page_of(window, AccountMapPage)
    page.add_centre()
    text = window.act_undo.text()
    assert text.startswith("&Отменить «") and text.endswith("»") and "«»" not in text
    window.act_undo.trigger()
    assert window.act_redo.text().startswith("&Повторить «")
