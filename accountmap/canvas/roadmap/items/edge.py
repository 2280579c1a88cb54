"""A branch between two roadmap nodes, with its outcome label."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsPathItem

from accountmap.canvas.common.scene import EntityItem
from accountmap.canvas.roadmap.items.drawing import (
    EDGE_COLOUR,
    FADED_OPACITY,
    PATH_COLOUR,
    font,
    metrics,
    outcome_text,
    tr,
    wrap_text,
)
from accountmap.domain.models import RoadmapEdge
from accountmap.layout.sizes import NODE_WIDTH

@lru_cache(maxsize=16)
def _line_pen(on_path: bool, taken: bool, loop: bool) -> QPen:
    """The branch's line (made once per kind, not at every paint: a pan repaints them all)."""
    pen = QPen(PATH_COLOUR if on_path else EDGE_COLOUR, 3.2 if taken else 1.6)
    if loop:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@lru_cache(maxsize=4)
def _glow_pen(taken: bool) -> QPen:
    """The halo of a selected branch, under its line."""
    return QPen(QColor(29, 123, 240, 90), (3.2 if taken else 1.6) + 6)


LABEL_ZOOM = 0.45  # farther out, outcome labels (11 px) are not drawn (the tooltip has them)
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _ink(parent: QGraphicsItem) -> QGraphicsPathItem:
    """A part of a branch's look that Qt draws itself (no Python call per frame of a pan or
    zoom, bench --only road): stacked under the branch's label, never taking the mouse
    (the branch's own shape does)."""
    item = QGraphicsPathItem(parent)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item


if TYPE_CHECKING:
    from accountmap.canvas.roadmap.items.node import NodeItem


class _Label(QGraphicsItem):
    """A branch's outcome label, over its line: an item of its own so that on screen it
    keeps its look as a pixmap of its size (a pan frame blits it, bench --only road)."""

    def __init__(self, edge: "EdgeItem") -> None:
        super().__init__(edge)
        self.edge = edge
        self.bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the branch takes the mouse

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self.edge.paint_label(painter, option)


class EdgeItem(QGraphicsObject, EntityItem):
    """A branch from one node to another, with its outcome label at the middle."""

    movable_to_model = False
    LABEL_MAX = 150.0

    def __init__(self, edge: RoadmapEdge, source: NodeItem | None, target: NodeItem | None) -> None:
        super().__init__()
        self.key = ("roadmap_edges", edge.id)
        self.edge = edge
        self.source = source
        self.target = target
        self.faded = False
        self.taken = False  # on the path taken
        self.chosen = False  # the outcome chosen at a decision
        self.path = QPainterPath()
        self.wrap_y: float | None = None  # folded road: run back along this line to the next band
        self.label_rect = QRectF()
        self.label_text = ""
        self.label_lines: list[str] = []
        self.arrow = QPolygonF()
        self._shape = QPainterPath()
        self._bounds = QRectF()
        # the glow of a selected branch, its line and its arrow, drawn by Qt in this order
        # under the outcome label (the one part painted in Python, when there is one); the
        # glow and the label are made when first needed (a big road opens faster)
        self._line, self._arrow = _ink(self), _ink(self)
        self._arrow.setPen(Qt.PenStyle.NoPen)
        self._glow: QGraphicsPathItem | None = None
        self._label: _Label | None = None
        self._cache_allowed = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | _NO_CONTENTS)
        self.setZValue(0)
        self.set_edge(edge, source, target)

    @property
    def edge_id(self) -> str:
        return self.edge.id

    def set_edge(self, edge: RoadmapEdge, source: NodeItem | None, target: NodeItem | None) -> None:
        for old in (self.source, self.target):
            if old is not None and self in old.edges:
                old.edges.remove(self)
        self.edge = edge
        self.source, self.target = source, target
        for new in (source, target):
            if new is not None and self not in new.edges:
                new.edges.append(self)
        self.setToolTip(outcome_text(edge.outcome) + (" ↺" if edge.loop else "") if edge.outcome
                        else tr("Branch (double-click to label it)"))
        self.update_path()

    def update_path(self) -> None:
        self.prepareGeometryChange()
        path = QPainterPath()
        if self.source is None or self.target is None:
            self.path = path
            self._shape = path
            self._bounds = QRectF()
            self.arrow = QPolygonF()
            self._place_label()
            self._dress()
            return
        if self.wrap_y is not None and self.source is not self.target:
            self._wrap_path(path)
        elif self.source is self.target:
            start = self.source.top_port() + QPointF(20, 0)
            end = self.source.top_port() - QPointF(20, 0)
            path.moveTo(start)
            path.cubicTo(start + QPointF(40, -70), end + QPointF(-40, -70), end)
        else:
            start = self.source.out_port()
            end = self.target.in_port()
            long_span = end.x() - start.x() > 1.6 * (NODE_WIDTH + 90)
            if long_span and not self.edge.loop:  # would cross the nodes between: run below
                start = self.source.bottom_port()
                end = self.target.bottom_port() - QPointF(self.target.size()[0] / 4, 0)
                low = max(start.y(), end.y()) + 45
                path.moveTo(start)
                path.cubicTo(QPointF(start.x(), low), QPointF(start.x() + 60, low), QPointF(start.x() + 120, low))
                path.lineTo(QPointF(end.x() - 120, low))
                path.cubicTo(QPointF(end.x() - 60, low), QPointF(end.x(), low), end)
            elif end.x() >= start.x() + 20 and not self.edge.loop:
                dx = max(40.0, (end.x() - start.x()) / 2)
                path.moveTo(start)
                path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end)
            else:  # back edge (a loop): run below both nodes
                start = self.source.bottom_port()
                end = self.target.bottom_port()
                low = max(start.y(), end.y()) + 70
                path.moveTo(start)
                path.cubicTo(QPointF(start.x(), low), QPointF(end.x(), low), end)
        self.path = path
        tip = path.pointAtPercent(1.0)
        back = path.pointAtPercent(0.96)
        line = QLineF(tip, back)
        if line.length() > 0.01:
            line.setLength(11)
            normal = line.normalVector()
            normal.setLength(5)
            base = line.p2()
            offset = normal.p2() - normal.p1()
            self.arrow = QPolygonF([tip, base + offset, base - offset])
        else:
            self.arrow = QPolygonF()
        self._layout_label()
        self._place_label()
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        shape = stroker.createStroke(path)
        if self.label_text:
            shape.addRect(self.label_rect)
        self._shape = shape
        self._bounds = shape.boundingRect().united(self.arrow.boundingRect()).adjusted(-4, -4, 4, 4)
        self._dress()
        self.update()

    def _place_label(self) -> None:
        """The label item's bounds: the label's box (with its border), none without one
        (a hidden item still counts in the scene's bounding rect)."""
        shown = bool(self.label_text) and not self.path.isEmpty()
        if self._label is None:
            if not shown:
                return
            self._label = _Label(self)
        self._label.prepareGeometryChange()
        self._label.bounds = self.label_rect.adjusted(-2, -2, 2, 2) if shown else QRectF()
        self._label.update()

    def _dress(self) -> None:
        """Give the line, its arrow and the selection's glow to the items that draw them."""
        on_path = self.taken or self.chosen
        if self._glow is not None:
            self.show_glow(self.isSelected())
        self._line.setPen(_line_pen(on_path, self.taken, self.edge.loop))
        self._line.setPath(self.path)
        # a dashed loop costs ten times a plain line to draw (each dash antialiased): on
        # screen it is kept as a pixmap between zooms (bench --only road)
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache
                if self._cache_allowed and self.edge.loop else QGraphicsItem.CacheMode.NoCache)
        if self._line.cacheMode() != mode:
            self._line.setCacheMode(mode)
        arrow = QPainterPath()
        if not self.arrow.isEmpty():
            arrow.addPolygon(self.arrow)
            arrow.closeSubpath()
        self._arrow.setBrush(PATH_COLOUR if on_path else EDGE_COLOUR)
        self._arrow.setPath(arrow)
        if self._label is None:
            return
        # the outcome label, painted in Python, kept as a pixmap on screen (not while faded:
        # a pixmap takes the opacity as a whole, the painting stroke by stroke)
        self._label.setVisible(bool(self.label_text) and not self.path.isEmpty())
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache
                if self._cache_allowed and not self.faded else QGraphicsItem.CacheMode.NoCache)
        if self._label.cacheMode() != mode:
            self._label.setCacheMode(mode)

    def use_cache(self, allowed: bool) -> None:
        """Whether the label and a dashed loop may be kept as pixmaps (on screen, not for
        a file)."""
        self._cache_allowed = allowed
        self._dress()

    def show_glow(self, selected: bool) -> None:
        """Show the glow of a selected branch (the scene calls this when the selection
        changes: an itemChange in Python on every branch slowed building a big road)."""
        if self._glow is None:
            if not selected:
                return
            self._glow = _ink(self)
            self._glow.setZValue(-1)  # under the line and the arrow, made before it
        self._glow.setPen(_glow_pen(self.taken))
        self._glow.setPath(self.path)
        self._glow.setVisible(selected and not self.path.isEmpty())

    def _wrap_path(self, path: QPainterPath) -> None:
        """From the end of one band of a folded road to the next band: out to the right,
        down into the gap between the bands, back left, down and in (like a line of text)."""
        start, end = self.source.out_port(), self.target.in_port()
        y, r = self.wrap_y, 12.0
        right, left = start.x() + 24, end.x() - 24
        path.moveTo(start)
        path.lineTo(right - r, start.y())
        path.quadTo(right, start.y(), right, start.y() + r)
        path.lineTo(right, y - r)
        path.quadTo(right, y, right - r, y)
        path.lineTo(left + r, y)
        path.quadTo(left, y, left, y + r)
        path.lineTo(left, end.y() - r)
        path.quadTo(left, end.y(), left + r, end.y())
        path.lineTo(end)

    def _layout_label(self) -> None:
        text = outcome_text(self.edge.outcome).strip()
        if self.chosen:
            text = ("✓ " + text).strip()
        if self.edge.loop:
            text = ("↺ " + text).strip()
        if not text:
            self.label_text = ""
            self.label_lines = []
            self.label_rect = QRectF()
            return
        fm = metrics(11, self.chosen)
        start, end = self.path.pointAtPercent(0.0), self.path.pointAtPercent(1.0)
        gap = end.x() - start.x()
        max_width = self.LABEL_MAX
        if gap > 0 and not self.edge.loop and self.source is not self.target:
            max_width = max(84.0, min(self.LABEL_MAX, gap - 6))
        lines, _complete = wrap_text(text, fm, [max_width - 10] * 3)
        self.label_text = text
        self.label_lines = lines
        width = max(fm.horizontalAdvance(line) for line in lines) + 10
        height = 15.0 * len(lines) + 4
        mid = self.path.pointAtPercent(0.5)
        self.label_rect = QRectF(mid.x() - width / 2, mid.y() - height / 2, width, height)

    def set_flags(self, *, faded: bool, taken: bool, chosen: bool) -> None:
        if (faded, taken, chosen) == (self.faded, self.taken, self.chosen):
            return
        chosen_changed = chosen != self.chosen
        self.faded, self.taken, self.chosen = faded, taken, chosen
        self.setOpacity(FADED_OPACITY if faded else 1.0)
        self.setZValue(0.5 if taken else 0)
        if chosen_changed:  # the label shows ✓
            self.update_path()
        else:
            self._dress()
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Nothing of its own (ItemHasNoContents): the line, arrow, glow and label are its
        children."""

    def paint_label(self, painter: QPainter, option) -> None:
        """The outcome label, near enough to be read (its item, _Label, calls this)."""
        if self.path.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = PATH_COLOUR if self.taken or self.chosen else EDGE_COLOUR
        if self.label_text and option.levelOfDetailFromTransform(
                painter.worldTransform()) >= LABEL_ZOOM:
            painter.setPen(QPen(colour, 1.4 if self.chosen else 1.0))
            painter.setBrush(QColor("#e3edff") if self.chosen else QColor("#ffffff"))
            painter.drawRoundedRect(self.label_rect, 7, 7)
            painter.setPen(QColor("#1c3f86") if self.chosen else QColor("#2b3240"))
            painter.setFont(font(11, self.chosen))
            r = self.label_rect
            for i, line in enumerate(self.label_lines):
                painter.drawText(QRectF(r.left(), r.top() + 2 + 15 * i, r.width(), 15),
                                 Qt.AlignmentFlag.AlignCenter, line)
