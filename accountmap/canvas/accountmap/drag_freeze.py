"""While cards are dragged, what does not move is one picture.

At the first step of a drag the scene is rendered once, as the view shows it, without the
moving cards, their lines and labels; every item in sight that does not move is then made transparent (Qt skips it:
no Python paint, no bounds asked) and the picture stands in as the background, so each mouse
step paints only what moves. On the drop (or if the view scrolls, zooms or resizes, which
would make the picture wrong) everything shows again. Transparency, not hiding: a hidden
item would lose its selection.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from accountmap.canvas.accountmap.dragged_lines import DraggedLines
from accountmap.canvas.accountmap.items import CardItem, CentreItem
from accountmap.canvas.accountmap.items.drawing import SELECTED
from accountmap.canvas.common.view import CanvasView

OPAQUE = Qt.WidgetAttribute.WA_OpaquePaintEvent
FREEZE_FROM = 150  # items on the map: fewer than that repaint fast enough as they are


class StaticPicture:
    def __init__(self, view) -> None:
        self.view = view
        self.pixmap: QPixmap | None = None
        self._faded: list = []
        self._lines = DraggedLines(())  # the dragged cards' lines: drawn with the picture
        self._outlined: tuple | None = None  # (frame, its rect, the picture with its outline)
        self._filled = (True, False)  # the viewport's own fill, restored by thaw

    @property
    def active(self) -> bool:
        return self.pixmap is not None

    def freeze(self, moving) -> None:
        """`moving`: the items the drag moves (cards, frames)."""
        scene = self.view.scene()
        if self.active or len(scene.items_by_key) < FREEZE_FROM:
            return
        live: set = set()
        for item in moving:
            live.add(item)
            if isinstance(item, CentreItem):
                live.update(scene.cards_in_centre(item.entity_id))
        lines: dict = {}  # (ordered, no repeats: a line between two dragged cards)
        labels = []
        for card in [i for i in live if isinstance(i, CardItem)]:
            for edge in card.edges:
                lines[edge] = None
                if edge.label_item is not None and edge.label_item.opacity() > 0:
                    labels.append(edge.label_item)
        live.update(lines)
        live.update(labels)
        for item in live:
            item.setOpacity(0.0)
        for edge in lines:  # nothing for Qt to paint: no Python paint call per line a frame
            edge.draw_with_picture(True)  # (before the picture: far out the sketch leaves it out)
        picture = self._picture()
        # the lines stay where Qt knows them, drawn by draw_background where their cards
        # are now; their labels wait for the drop (placed again then)
        for item in live.difference(labels):
            item.setOpacity(1.0)
        # Only what is in sight: an item out of it is not painted anyway, and the picture
        # ends when the view scrolls (at 3,000 people a drop spent ~30 ms making all
        # 14,000 items opaque again, one Python itemChange each).
        sight = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        self._lines = DraggedLines(lines, live, sight,
                                   QStyleOptionGraphicsItem.levelOfDetailFromTransform(
                                       self.view.viewportTransform()))
        faded = [item for item in scene.items(sight, Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                                              Qt.SortOrder.AscendingOrder)
                 if item.parentItem() is None and item not in live and item.opacity() > 0]
        for item in faded:
            item.setOpacity(0.0)
        self._faded = faded + labels
        self.pixmap = picture
        # the picture covers the viewport: Qt need not fill it first (~0.05 ms a step)
        viewport = self.view.viewport()
        self._filled = viewport.autoFillBackground(), viewport.testAttribute(OPAQUE)
        viewport.setAutoFillBackground(False)
        viewport.setAttribute(OPAQUE, True)

    def _picture(self) -> QPixmap:
        """The grid and the items in sight, as the view shows them (opaque: each step
        copies it). scene.render, not QWidget.grab: the first grab in a process costs
        ~0.5 s."""
        viewport = self.view.viewport()
        ratio = viewport.devicePixelRatioF()
        picture = QPixmap(viewport.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        painter = QPainter(picture)
        painter.setRenderHints(self.view.renderHints())
        source = self.view.mapToScene(viewport.rect()).boundingRect()
        painter.setTransform(self.view.viewportTransform())
        CanvasView.drawBackground(self.view, painter, source)  # the grid, in the picture
        painter.resetTransform()
        self.view.scene().render(painter, QRectF(0, 0, viewport.width(), viewport.height()), source,
                                 Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.end()
        return picture

    def thaw(self) -> None:
        if not self.active:
            return
        self.pixmap = None
        self._outlined = None
        viewport = self.view.viewport()
        viewport.setAutoFillBackground(self._filled[0])
        viewport.setAttribute(OPAQUE, self._filled[1])
        scene = self.view.scene()
        if getattr(scene, "dragging", False):  # the drag goes on without the picture: its
            # lines move in Qt again, which is cheaper without the BSP index (as a small map)
            scene.setItemIndexMethod(scene.ItemIndexMethod.NoIndex)
        for edge in self._lines.edges:  # Qt hears where each line went (unless the drop told it)
            edge.draw_with_picture(False)
            if edge.followed and edge.scene() is scene:
                edge.update_geometry()
        self._lines.let_go()
        self._lines = DraggedLines(())
        for item in self._faded:
            if item.scene() is scene:
                item.setOpacity(1.0)
        self._faded = []
        self.view.viewport().update()

    def draw_background(self, painter: QPainter, exposed: QRectF) -> None:
        painter.save()
        painter.resetTransform()  # the picture is of the viewport, pixel for pixel
        painter.drawPixmap(QPointF(0, 0), self._with_outline())
        painter.restore()
        self._lines.draw(painter, exposed)  # above the picture, below the dragged cards

    def follow(self) -> bool:
        """A drag step: the lines drawn with the picture go where their cards are now
        (False: it draws none)."""
        if not self.active or not self._lines.edges:
            return False
        self._lines.follow(self.view.scene())
        return True

    def _with_outline(self) -> QPixmap:
        """The picture, with the dashed outline of the frame a dragged card would drop into
        (drawn once when the frame changes, not at every step: ~0.1 ms a step at 1,000
        people; the frames are in the picture)."""
        scene = self.view.scene()
        target = getattr(scene, "_drop_centre", None)
        if target is None or target.scene() is not scene:
            return self.pixmap
        rect = target.rect_in_scene()
        if self._outlined is None or self._outlined[0] is not target or self._outlined[1] != rect:
            outlined = QPixmap(self.pixmap)
            painter = QPainter(outlined)
            painter.setRenderHints(self.view.renderHints())
            painter.setTransform(self.view.viewportTransform())
            painter.setPen(QPen(SELECTED, 2.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 10, 10)
            painter.end()
            self._outlined = (target, rect, outlined)
        return self._outlined[2]
