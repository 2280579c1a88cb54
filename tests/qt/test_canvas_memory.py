"""Issue 15, memory: the canvases' scene index keeps a fixed depth (Qt's automatic one grew
with the items and filled its cells with long lines), and a canvas page paints for the
first time once fitted (not first at 100 %, caching the pixmaps of what it showed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGraphicsScene

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.common.scene import INDEX_DEPTH
from accountmap.canvas.roadmap.page import RoadmapPage
from tests.qt.demo_window import window  # noqa: F401 - a fixture

BSP = QGraphicsScene.ItemIndexMethod.BspTreeIndex
NO_INDEX = QGraphicsScene.ItemIndexMethod.NoIndex


def test_the_scene_index_keeps_its_depth_after_a_drag_switched_it_off(window):
    for index in (0, 1):
        window.tabs.setCurrentIndex(index)
        scene = window.tabs.currentWidget().scene
        assert scene.itemIndexMethod() == BSP and scene.bspTreeDepth() == INDEX_DEPTH
        scene.setItemIndexMethod(NO_INDEX)  # as a drag does
        scene.setItemIndexMethod(BSP)
        assert scene.bspTreeDepth() == INDEX_DEPTH
        items = scene.items()
        assert items and all(scene.items(item.sceneBoundingRect()) for item in items[:20])


class Paints(QObject):
    """The view's zoom at each paint of its viewport."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.zooms: list[float] = []
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.zooms.append(self.view.zoom)
        return False


def test_a_canvas_page_first_paints_fitted(window, qtbot):
    window.tabs.setCurrentIndex(1)  # the roadmap: built now, painted when shown
    page = window.tabs.currentWidget()
    assert isinstance(page, RoadmapPage)
    paints = Paints(page.view)
    assert not page.view.viewport().updatesEnabled()  # until fitted
    qtbot.waitUntil(lambda: bool(paints.zooms))
    fitted = page.view.zoom
    assert fitted != 1.0 and paints.zooms[0] == fitted
    assert page.view.viewport().updatesEnabled()
    window.tabs.setCurrentIndex(0)
    assert isinstance(window.tabs.currentWidget(), AccountMapPage)
    assert window.tabs.currentWidget().view.viewport().updatesEnabled()
