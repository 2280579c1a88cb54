"""The main window: accounts list operations, undo, autosave, and reopening."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from accountmap.app.application import make_application
from tests.qt.keys import type_text
from accountmap.app.main_window import MainWindow
from accountmap.domain.models import Account
from accountmap.storage.workspace_file import WorkspaceFile


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="АО «Уральский завод трубных систем»"), Account(name="Northwind")])
    return path


@pytest.fixture
def window(qtbot, workspace):
    make_application("en")
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_workspace(workspace)
    w.show()
    return w


def overview(w):
    from accountmap.panels.account_details import AccountDetailsPage

    return next(p for p in w.pages if isinstance(p, AccountDetailsPage))


def names(w):
    return [w.accounts.item(i).text() for i in range(w.accounts.count())]


def test_opens_with_accounts_listed_and_title_shows_file(window, workspace):
    assert names(window) == ["АО «Уральский завод трубных систем»", "Northwind"]
    assert workspace.name in window.windowTitle()
    assert window.tabs.count() >= 1


def test_add_rename_duplicate_delete_with_undo(window, workspace):
    with mock.patch.object(QInputDialog, "getText", return_value=("ООО «Ромашка»", True)):
        window.act_add_account.trigger()
    assert names(window)[-1] == "ООО «Ромашка»"
    with mock.patch.object(QInputDialog, "getText", return_value=("ООО «Василёк»", True)):
        window.act_rename_account.trigger()
    assert "ООО «Василёк»" in names(window)
    window.act_duplicate_account.trigger()
    assert len(names(window)) == 4
    with mock.patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        window.act_delete_account.trigger()
    assert len(names(window)) == 3
    window.act_undo.trigger()
    assert len(names(window)) == 4
    for _ in range(3):
        window.act_undo.trigger()
    assert names(window) == ["АО «Уральский завод трубных систем»", "Northwind"]
    window.act_redo.trigger()
    assert names(window)[-1] == "ООО «Ромашка»"


def test_delete_asks_and_no_keeps_the_account(window):
    with mock.patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.No):
        window.act_delete_account.trigger()
    assert len(names(window)) == 2


def test_an_edit_survives_closing_without_any_save(qtbot, window, workspace):
    page = overview(window)
    window.tabs.setCurrentWidget(page)
    page.industry.setFocus()
    type_text(page.industry, "Металлургия")
    window.close()  # no save action anywhere: closing commits the field being edited
    with WorkspaceFile.open(workspace, read_only=True) as wf:
        first = wf.account_ids()[0]
        assert wf.load_account(first).industry == "Металлургия"
    again = MainWindow()
    qtbot.addWidget(again)
    again.open_workspace(workspace)
    assert overview(again).industry.text() == "Металлургия"


def test_a_window_deleted_unclosed_after_an_edit_raises_nothing(tmp_path, workspace):
    """A script that never closes the window: the window's C++ object is deleted at exit
    with the workspace document and its undo stack inside it. The stack, emptied as it
    goes, used to call the window's action update on objects already deleted (a
    RuntimeError printed at every such exit); pytest-qt fails the test on such an error."""
    import shiboken6

    make_application("en")
    w = MainWindow()
    w.open_workspace(workspace)
    w.show()
    w.editor.update_account(w.account_id, "rename", name="Northwind Ltd")
    stack = w.document.undo_stack
    assert stack.count() == 1
    shiboken6.delete(w)  # what the interpreter's exit does to it
    assert not shiboken6.isValid(stack)


def test_recent_files_remembered(window, workspace):
    from accountmap.app.settings import recent_files

    assert recent_files()[0] == str(workspace.resolve())


def test_bad_file_leaves_current_workspace_open(window, tmp_path):
    from accountmap.storage.errors import WorkspaceError

    bad = tmp_path / "bad.accountmap"
    bad.write_text("not a workspace")
    with pytest.raises(WorkspaceError):
        window.open_workspace(bad)
    assert len(names(window)) == 2 and window.document is not None


def test_accounts_list_has_a_context_menu(window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    asked = []
    window.accounts._show_menu = asked.append  # where the menu would pop up
    QApplication.sendEvent(window.accounts.viewport(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5)))
    assert len(asked) == 1
    menu = window.accounts_menu()
    assert menu.actions() == window.account_actions() and len(menu.actions()) == 4


def test_tab_bar_never_moves_and_one_journey_strip_shows_on_every_page(window, qtbot):
    """Clicking through the tabs as a person would: the tab bar stays where it was (a click
    meant for the next tab must not land on a station of the strip)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from accountmap.panels.journey_strip import JourneyStrip

    window.resize(1280, 800)
    bar = window.tabs.tabBar()
    home = bar.mapTo(window, QPoint(0, 0))
    for index in list(range(window.tabs.count())) + [0]:
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         bar.tabRect(index).center())
        qtbot.waitUntil(lambda: window.tabs.currentIndex() == index)
        QTest.qWait(10)
        assert bar.mapTo(window, QPoint(0, 0)) == home
        shown = [s for s in window.findChildren(JourneyStrip) if s.isVisible()]
        assert shown == [window.journey_strip]


def test_switching_accounts_shows_one_journey_strip(window):
    """Before the event loop deletes the old account's strip, only the new one shows."""
    from accountmap.panels.journey_strip import JourneyStrip

    def shown_strips():
        return [s for s in window.findChildren(JourneyStrip)
                if s.isVisible() and s is not getattr(window.tabs.currentWidget(), "strip", None)]

    for row in (0, 1, 0, 1):
        window.accounts.setCurrentRow(row)  # no event loop in between
        assert shown_strips() == [window.journey_strip]
        assert window.account_layout.indexOf(window.journey_strip) == 0
        assert sum(isinstance(window.account_layout.itemAt(i).widget(), JourneyStrip)
                   for i in range(window.account_layout.count())) == 1


def test_view_menu_grid_and_legend_reach_both_canvases(window, qtbot):
    from accountmap.canvas.accountmap.page import AccountMapPage
    from accountmap.canvas.roadmap.page import RoadmapPage

    window.accounts.setCurrentRow(0)
    map_page = next(p for p in window.pages if isinstance(p, AccountMapPage))
    road_page = next(p for p in window.pages if isinstance(p, RoadmapPage))
    for page in (map_page, road_page):
        assert page.view.grid_visible and page.scene.snap_to_grid
    assert map_page.view.legend.isVisible() and road_page.view.legend_visible

    window.act_grid.trigger()  # Ctrl+G: grid off, and with it snapping
    window.act_legend.trigger()
    for page in (map_page, road_page):
        assert not page.view.grid_visible and not page.scene.snap_to_grid
    assert not map_page.view.legend.isVisible() and not road_page.view.legend_visible

    window.act_grid.trigger()
    window.act_legend.trigger()
    for page in (map_page, road_page):
        assert page.view.grid_visible and page.scene.snap_to_grid
    assert map_page.view.legend.isVisible() and road_page.view.legend_visible


def test_menu_shortcuts_are_set(window):
    from PySide6.QtGui import QKeySequence

    def keys(action):
        return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()]

    assert "Ctrl+G" in keys(window.act_grid) and "Ctrl+L" in keys(window.act_legend)
    assert "Ctrl+Z" in keys(window.act_undo) and "Ctrl+N" in keys(window.act_new)
    assert "Ctrl+O" in keys(window.act_open)


def test_while_a_workspace_opens_the_window_says_which(qtbot, workspace):
    make_application("ru")  # (tests/conftest.py switches back to English afterwards)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show_opening(workspace)
    w.show()
    assert w.stack.currentWidget() is w.placeholder
    assert w.placeholder.text() == f"Открывается {workspace.name}…"
    w.open_workspace(workspace)
    assert w.stack.currentWidget() is w.account_area
    w.show_opening(None)
    assert w.placeholder.text() == "Открывается рабочее пространство…"


def test_the_map_first_shows_whole_in_the_size_the_window_ends_up(qtbot, tmp_path):
    """The first fit waits for the layout: a window resized as it shows (restored
    geometry, a window manager) still shows the whole map."""
    from PySide6.QtTest import QTest

    from accountmap.canvas.accountmap.page import AccountMapPage
    from accountmap.domain.models import DecisionCentre, Stakeholder

    path = tmp_path / "wide.accountmap"
    people = [Stakeholder(full_name=f"Сотрудник {i}", x=300.0 * i, y=200.0 * (i % 3))
              for i in range(12)]
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Широкая карта", stakeholders=people,
                                 decision_centres=[DecisionCentre(name="ИТ", x=-50, y=-60)])])
    make_application("en")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(700, 500)
    w.open_workspace(path)
    w.show()
    w.resize(1500, 950)  # as a restored geometry or a window manager would
    assert QTest.qWaitForWindowExposed(w)
    page = next(p for p in w.pages if isinstance(p, AccountMapPage))
    qtbot.wait(50)
    view = page.view
    shown = view.mapFromScene(page.scene.itemsBoundingRect()).boundingRect()
    assert view.viewport().rect().contains(shown)
    assert shown.width() > view.viewport().width() * 0.8  # fitted to the final size, not the first


@pytest.mark.parametrize("enabled", [True, False])
def test_an_account_is_built_without_garbage_collections(window, enabled):
    """The account's objects live while it is shown (frozen once built): the collector
    passing over them while they are made cost ~100 ms of opening 3,000 people. It is as
    it was afterwards (a PDF build or start-up may have paused it)."""
    import gc

    from accountmap.domain.models import Stakeholder

    account_id = window.document.account_ids()[1]
    with window.editor.step("people"):
        for i in range(60):
            window.editor.add(account_id, "stakeholders",
                              Stakeholder(id=f"s{i}", full_name=f"Person {i}"))
    collections = []

    def heard(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    gc.callbacks.append(heard)
    try:
        window.select_account(account_id)
        assert gc.isenabled() is enabled
    finally:
        gc.callbacks.remove(heard)
        (gc.enable if was_enabled else gc.disable)()
    assert window.account_id == account_id and window.tabs.count() >= 1
    assert collections == []
