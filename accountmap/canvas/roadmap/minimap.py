"""The overview of a long road: a schematic of every node (coloured by status) in the top-right
corner of the view, the visible part framed; a click or a drag there brings that part of the
road into view.

The road of a real deal is 30-50 checkpoints long and one row high, so the overview stretches
it to its own width and height independently (a true-to-scale thumbnail would be a line of
dots): x and y are mapped separately, and back the same way on a click.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from accountmap.canvas.roadmap.items import KIND_COLOURS, STATUS_COLOURS, tr
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind

MARGIN = 6.0


class RoadOverview(QWidget):
    """Child of a roadmap view, kept in its top-right corner."""

    WIDTH = 280
    HEIGHT = 64

    def __init__(self, view) -> None:
        # a child of the viewport, painted with it: as a sibling over it, each frame of the
        # viewport also repainted what lies under a translucent overlay (bench --only road)
        super().__init__(view.viewport())
        self.view = view
        self.setFixedSize(QSize(self.WIDTH, self.HEIGHT))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("The whole road: click or drag to go there"))
        self.bounds = QRectF()
        self._boxes: list[tuple[QRectF, QColor, QColor, bool]] = []  # scene rect, fill, border, active
        self._pending = False
        self._picture: QPixmap | None = None  # the boxes, drawn once per change of the road
        scene = view.scene()
        scene.roadmapChanged.connect(self.schedule)
        scene.positionChanged.connect(self.schedule)
        scene.arrangement.changed.connect(self.schedule)
        # no repaint of its own when the view scrolls: the view repaints its whole viewport
        # (FullViewportUpdate) and this child with it; an update() of a translucent child
        # on top made each pan frame paint the viewport twice (bench --only road)
        self.rebuild()

    # ---------------------------------------------------------------- model
    def schedule(self) -> None:
        """Rebuild once after a burst of changes (one undo step may touch many nodes)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.rebuild)

    def rebuild(self) -> None:
        self._pending = False
        scene = self.view.scene()
        boxes = []
        bounds = QRectF()
        for item in scene.node_items():
            rect = item.sceneBoundingRect()
            bounds = bounds.united(rect)
            kind = NodeKind(item.node.kind)
            if kind == NodeKind.CHECKPOINT:
                fill, border = STATUS_COLOURS[CheckpointStatus(item.node.status)]
            else:
                fill, border = KIND_COLOURS.get(kind, ("#ffffff", "#8a94a6"))
            boxes.append((rect, QColor(fill), QColor(border), bool(getattr(item, "active", False))))
        self._boxes = boxes
        self._picture = None
        self.bounds = bounds.adjusted(-20, -20, 20, 20) if boxes else QRectF()
        # the folded whole road is all in view already
        self.setVisible(len(boxes) > 1 and scene.arrangement.fold_width is None)
        self.place()
        self.update()

    def place(self) -> None:
        vp = self.view.viewport()
        self.move(vp.width() - self.width() - 10, 10)

    # ---------------------------------------------------------------- mapping
    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def to_overview(self, p: QPointF) -> QPointF:
        area, b = self._area(), self.bounds
        return QPointF(area.left() + (p.x() - b.left()) / b.width() * area.width(),
                       area.top() + (p.y() - b.top()) / b.height() * area.height())

    def to_scene(self, p: QPointF) -> QPointF:
        area, b = self._area(), self.bounds
        return QPointF(b.left() + (p.x() - area.left()) / area.width() * b.width(),
                       b.top() + (p.y() - area.top()) / area.height() * b.height())

    def visible_scene_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    # ---------------------------------------------------------------- drawing
    def _draw_road(self) -> QPixmap:
        """The panel and its boxes: redrawn only when the road changes, not at every scroll."""
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#c9ced8"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        for rect, fill, border, active in self._boxes:
            box = QRectF(self.to_overview(rect.topLeft()), self.to_overview(rect.bottomRight()))
            if box.width() < 3:
                box.adjust(-(3 - box.width()) / 2, 0, (3 - box.width()) / 2, 0)
            if box.height() < 3:
                box.adjust(0, -(3 - box.height()) / 2, 0, (3 - box.height()) / 2)
            painter.setPen(QPen(QColor("#e69b00") if active else border, 2 if active else 0.8))
            painter.setBrush(fill)
            painter.drawRect(box)
        painter.end()
        return picture

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.bounds.isEmpty():
            return
        if self._picture is None:
            self._picture = self._draw_road()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        seen = self.visible_scene_rect().intersected(self.bounds)
        if not seen.isEmpty():  # whole pixels, no antialiasing: this is drawn every frame
            frame = QRectF(self.to_overview(seen.topLeft()), self.to_overview(seen.bottomRight()))
            if frame.width() < 4:
                frame.adjust(-2, 0, 2, 0)
            box = frame.toAlignedRect()
            painter.fillRect(box, QColor(29, 123, 240, 40))
            painter.setPen(QPen(QColor("#1d7bf0"), 2))
            painter.drawRect(box.adjusted(1, 1, -1, -1))
        painter.end()

    # ---------------------------------------------------------------- going there
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self.bounds.isEmpty():
            self.view.centerOn(self.to_scene(event.position()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and not self.bounds.isEmpty():
            self.view.centerOn(self.to_scene(event.position()))
            event.accept()
            return
        super().mouseMoveEvent(event)
