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


def test_the_index_that_comes_back_after_a_drag_knows_the_map_s_area(window):
    """Qt tells a scene's index its rect only when that rect changes: the BSP index made
    when a drag, Arrange or a drop put it back spanned no area, so every later paint and
    query looked at every item (each step of the next drag took 2-4 x the first's, in
    `scripts/bench`). The scene tells the new index the rect it has."""
    for index in (0, 1):
        window.tabs.setCurrentIndex(index)
        scene = window.tabs.currentWidget().scene
        told = []
        scene.sceneRectChanged.connect(told.append)
        scene.setItemIndexMethod(NO_INDEX)  # as a drag does
        assert told == []
        scene.setItemIndexMethod(BSP)
        assert told == [scene.sceneRect()] and not scene.sceneRect().isEmpty()
        scene.setItemIndexMethod(BSP)  # already so: nothing made again
        assert len(told) == 1 and scene.bspTreeDepth() == INDEX_DEPTH
        scene.sceneRectChanged.disconnect(told.append)


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


class WindowPaints(QObject):
    """How many times the window had painted when a page's canvas first painted."""

    def __init__(self, window, page) -> None:
        super().__init__()
        self.window, self.viewport = window, page.view.viewport()
        self.window_paints = 0
        self.at_first_canvas_paint: int | None = None
        window.installEventFilter(self)
        self.viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            self.window_paints += 1
        elif watched is self.viewport and event.type() == QEvent.Type.Paint \
                and self.at_first_canvas_paint is None:
            self.at_first_canvas_paint = self.window_paints
        return False


def test_a_canvas_page_first_paints_with_its_window_not_a_paint_later(window, qtbot):
    """Issue 15: the first view (the fit) is made just before the window paints the new
    page, so the page and its canvas paint together: made on the next turn of the event
    loop, the window painted the page without its canvas, then all of it again."""
    window.tabs.setCurrentIndex(1)  # the roadmap: built now, painted when shown
    page = window.tabs.currentWidget()
    assert isinstance(page, RoadmapPage)
    paints = WindowPaints(window, page)
    qtbot.waitUntil(lambda: paints.at_first_canvas_paint is not None)
    assert paints.at_first_canvas_paint == 1  # the window's first paint since
    assert page.view.zoom != 1.0  # fitted


def test_every_card_handle_looks_as_it_did_with_its_own_path_pen_and_brush(qtbot):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPainterPath

    from accountmap.canvas.accountmap.items import CardItem
    from accountmap.domain.models import Stakeholder

    scene = QGraphicsScene()
    cards = [CardItem(Stakeholder(id=f"s{i}", full_name=f"Человек {i}")) for i in range(3)]
    for card in cards:
        scene.addItem(card)
    own = QPainterPath()  # what each handle made for itself before
    own.addEllipse(QPointF(0, 0), 6, 6)
    own.moveTo(-3, 0)
    own.lineTo(3, 0)
    own.moveTo(0, -3)
    own.lineTo(0, 3)
    for card in cards:
        handle = card.handle
        assert handle.rect() == QRectF(-8, -8, 16, 16)  # the grab area
        assert handle.pen().style() == Qt.PenStyle.NoPen
        assert handle.brush().style() == Qt.BrushStyle.NoBrush
        assert handle.cursor().shape() == Qt.CursorShape.CrossCursor and handle.toolTip()
        mark = handle.mark
        assert mark.path() == own
        assert mark.pen().color() == QColor("#1f6fd1") and mark.pen().widthF() == 1.2
        assert mark.brush().color() == QColor("#ffffff")
        assert mark.brush().style() == Qt.BrushStyle.SolidPattern
        assert mark.cacheMode() == mark.CacheMode.DeviceCoordinateCache
    cards[0].handle.mark.setVisible(False)  # set_drawn of one card leaves the others alone
    assert cards[1].handle.mark.isVisible()
