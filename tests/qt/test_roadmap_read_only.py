"""Read-only is visible on the roadmap too: its edit tools are disabled, and every gesture a
KAM might still try (drag a step, double-click the empty canvas, Delete, drag from a step's
handle, Insert) changes nothing, leaves the file as it was and pops up no message box."""

from __future__ import annotations

import hashlib
from unittest import mock

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from accountmap.app.application import make_application
from accountmap.canvas.roadmap.page import RoadmapPage
from accountmap.storage.workspace_file import WorkspaceFile
from tests.qt.demo_window import open_on_page
from tests.samples.roadmap import sample_account


@pytest.fixture
def road(tmp_path, qtbot, monkeypatch):
    make_application("ru")
    path = tmp_path / "road.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([sample_account()])
    monkeypatch.setattr("accountmap.app.main_window._interactive", lambda: True)
    window, page = open_on_page(qtbot, path, RoadmapPage, read_only=True)
    page.view.set_zoom(1.0)
    return window, page, path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_roadmap_tools_are_disabled_and_the_banner_is_russian(road):
    window, page, _path = road
    assert window.read_only_banner.isVisible()
    assert "только для чтения" in window.read_only_banner.text().lower()
    for action in (*page.palette_actions.values(), page.act_layout, page.act_from_template,
                   page.act_insert):
        assert not action.isEnabled(), action.text()
    # views stay: fit, whole road, lanes, export of the picture
    for action in (page.act_fit, page.act_whole_road, page.act_lanes):
        assert action.isEnabled()
    item = page.scene.node_items()[5]
    page.scene.select_keys([item.key])
    assert not page.act_insert.isEnabled()  # selecting a step does not enable it
    form = page.panel.stack.currentWidget()
    assert not form.widget().isEnabled()  # shown, not editable


def test_read_only_roadmap_gestures_change_nothing_and_ask_nothing(road, qtbot):
    window, page, path = road
    before = digest(path)
    view, viewport = page.view, page.view.viewport()
    item = page.scene.node_items()[3]
    page.focus_key(item.key)
    QTest.qWait(10)
    home = item.pos()
    undo_count = page.context.document.undo_stack.count()
    nodes = len(page.scene.roadmap.nodes)
    with mock.patch.object(QMessageBox, "warning") as warning, \
            mock.patch.object(QMessageBox, "critical") as critical, \
            mock.patch.object(QMessageBox, "information") as information:
        # drag the step away
        start = view.mapFromScene(item.sceneBoundingRect().center())
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        for i in range(1, 6):
            QTest.mouseMove(viewport, start + QPoint(30 * i, 20 * i))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(150, 100))
        # double-click the empty canvas (adds a checkpoint when writable)
        empty = view.mapFromScene(item.sceneBoundingRect().center()) + QPoint(0, 220)
        assert page.scene.item_at(view.mapToScene(empty)) is None
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=empty)
        # select the step and press Delete, then Insert
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=view.mapFromScene(item.sceneBoundingRect().center()))
        QTest.keyClick(viewport, Qt.Key.Key_Delete)
        QTest.keyClick(viewport, Qt.Key.Key_Insert)
        # drag from the step's handle to another step
        other = page.scene.node_items()[8]
        handle = view.mapFromScene(item.handle.sceneBoundingRect().center())
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=handle)
        QTest.mouseMove(viewport, view.mapFromScene(other.sceneBoundingRect().center()))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                           pos=view.mapFromScene(other.sceneBoundingRect().center()))
        QTest.qWait(20)
    for box in (warning, critical, information):
        box.assert_not_called()
    assert item.pos() == home  # back where the file has it
    assert len(page.scene.roadmap.nodes) == nodes
    assert page.context.document.undo_stack.count() == undo_count
    assert digest(path) == before
    message = window.statusBar().currentMessage()
    assert "только для чтения" in message  # said once in the status bar, in Russian
