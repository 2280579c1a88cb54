"""The canvas view shared by the account map and the roadmap: zoom, pan, grid, fit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsView

from accountmap.layout.sizes import GRID

BACKGROUND = QColor("#fbfbfd")
GRID_LINE = QColor("#e6e8ee")


def grid_tile(step: float) -> QPixmap:
    """A cell of the background grid, about `step` device pixels wide: paper with a
    hairline along its top and left edges (tiled, the lines fall every `step` pixels)."""
    size = max(2, round(step))
    tile = QPixmap(size, size)
    tile.fill(BACKGROUND)
    painter = QPainter(tile)
    painter.setPen(QPen(GRID_LINE, 0))
    painter.drawLine(0, 0, size - 1, 0)
    painter.drawLine(0, 0, 0, size - 1)
    painter.end()
    return tile

MIN_ZOOM = 0.1
MAX_ZOOM = 4.0


class CanvasView(QGraphicsView):
    """Wheel zooms around the cursor; middle button or Space+drag pans; rubber-band
    selection with the left button on empty canvas; pinch zooms on touchpads."""

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # files dropped on a canvas go on to the window (import), not into the scene
        self.setAcceptDrops(False)
        self.grid_visible = True
        self._grid_tile: tuple[float, QPixmap] | None = None
        self._panning: QPointF | None = None
        self._space = False
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)

    # ---------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / 1.25)

    def zoom_fit(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.5:
            self.set_zoom(1.5)

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # Shift+wheel scrolls
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom * (1.15 ** steps))
        event.accept()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.set_zoom(self.zoom * pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # ---------------------------------------------------------------- pan
    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._panning = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._panning is not None:
            self._panning = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ---------------------------------------------------------------- grid
    def set_grid_visible(self, visible: bool) -> None:
        """Show or hide the grid; moves snap to it only while it is shown."""
        self.grid_visible = visible
        scene = self.scene()
        if scene is not None and hasattr(scene, "snap_to_grid"):
            scene.snap_to_grid = visible
        self.viewport().update()

    def set_legend_visible(self, visible: bool) -> None:
        """Views with a legend override this."""

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if not self.grid_visible or self.zoom < 0.35:
            painter.fillRect(rect, BACKGROUND)
            return
        # One blit of a tile the size of a grid cell on screen (built once per zoom),
        # anchored at the scene's origin: far cheaper per frame than stroking lines.
        step = GRID * 4 * self.zoom
        if self._grid_tile is None or self._grid_tile[0] != step:
            self._grid_tile = (step, grid_tile(step))
        device = painter.transform()
        target = device.mapRect(rect).toAlignedRect()
        origin = device.map(QPointF(0, 0))
        tile = self._grid_tile[1]
        brush = QBrush(tile)
        stretch = step / tile.width()  # the tile is whole pixels; the grid may not be
        brush.setTransform(QTransform.fromScale(stretch, stretch)
                           * QTransform.fromTranslate(origin.x(), origin.y()))
        painter.save()
        painter.resetTransform()
        painter.fillRect(target, brush)
        painter.restore()
