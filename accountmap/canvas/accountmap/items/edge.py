"""A relationship's line and its label."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem

from accountmap.canvas.accountmap import style
from accountmap.canvas.accountmap.items.card import CardItem
from accountmap.canvas.accountmap.items.drawing import ANTIALIASING, NO_PEN, SELECTED_HALO, BoundsInQt, lod, tr
from accountmap.canvas.common.scene import EntityItem
from accountmap.domain.models import Relationship
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH


CARD_BOX = (CardItem.BOUNDS.left(), CardItem.BOUNDS.top(), CardItem.BOUNDS.right(),
            CardItem.BOUNDS.bottom())  # a card's bounds as plain floats
LABEL_MIN_ZOOM = 0.55  # below it the 8-pt labels are not drawn (the tooltip has them)
SKETCH_ZOOM = 0.12  # below it lines are drawn thin and plain (cards are plain shapes)
FAR_PENS: dict[int, QPen] = {}  # the far pen of each colour (EdgeItem.far_pen)
# The far pen's width in the scene, as a line's own pen (1.8-2.4): far out it is less than
# a pixel, which Qt draws as a one-pixel stroke that much transparent. So the lines fade as
# the map is seen from further, as they do just above SKETCH_ZOOM (antialiased), instead
# of turning dark and crisp below it; and they draw faster than pixel-wide cosmetic
# strokes (the whole fitted map of 3,000 people repainted: ~50-58 ms with those, ~31-37 so).
FAR_WIDTH = 2.0
FOLLOWS_CARDS = object()  # EdgeItem.line: straight between its cards, wherever they are now


# ====================================================================== edge
class EdgeItem(BoundsInQt, EntityItem):
    """A relationship: reports-to (solid), influences (arrow, width = strength), ally
    (green), conflict (red dashed); an optional label at the middle."""

    Type = QGraphicsItem.UserType + 103
    movable_to_model = False
    LABEL_FONT = style.font(8)
    LABEL_FRAME = QPen(QColor("#9aa1b0"), 0.8)
    LABEL_FILL = QBrush(QColor(255, 255, 255, 235))
    LABEL_INK = QColor("#222222")

    def __init__(self, relationship: Relationship, source: CardItem, target: CardItem) -> None:
        super().__init__()
        self.key = ("relationships", relationship.id)
        self.relationship = relationship
        self.source = source
        self.target = target
        self.line = QLineF()
        self._bounds: tuple[float, float, float, float] | None = None  # as handed to Qt
        self._shape = QPainterPath()
        self._pen: QPen | None = None
        self._pen_colour = QColor()
        self._short = True
        self._label = ""
        self._label_size = QSizeF()
        self._label_t = 0.5  # where along the line the label sits (label_placement.py)
        self._label_free = True  # False: squeezed between its cards, not shown
        self.label_item: EdgeLabel | None = None
        self._set_label()
        self._arrow: QPolygonF | None = None
        self.offset = 0.0  # sideways shift when several lines join the same two people
        # bends around the cards in the way (edge_routing.py); valid while both ends stay
        # where they were when it was routed, and for that version of the map
        self.bends: list[QPointF] = []
        self.routed_for: tuple = ()  # (version, source pos, target pos) of the route
        self.points: list[QPointF] = []  # the drawn polyline, card border to card border
        # during a drag on a big map the dragged cards' lines are drawn with the drag's
        # picture (drag_freeze.py), not by their items; `followed`: the line moved since
        # Qt last heard of it (update_geometry puts that right)
        self.drawn_by_picture = False
        self.followed = False
        # `update_geometry(finish=False)`: the line is computed, its label and the bounds
        # Qt holds wait for `finish` (or `move_label`) -- AccountMapScene.moving_many
        self.unfinished = False
        self._far_pen: QPen | None = None  # the thin plain pen of far out (SKETCH_ZOOM)
        # far out, the sketch that draws this line instead of it (line_sketch.py)
        self.sketch = None
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        self.update_geometry()

    def type(self) -> int:  # noqa: A003
        return self.Type

    @property
    def entity_id(self) -> str:
        return self.relationship.id

    def set_relationship(self, relationship: Relationship) -> None:
        self.relationship = relationship
        self._pen = self._far_pen = None
        self._set_label()
        self.update_geometry()

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        """Made when asked (the application's tooltip filter asks, app/plain_tooltips.py):
        always current, and nothing to make for 4,000 lines when a map opens (~50 ms at
        3,000 people). Qt's own copy stays empty."""
        return self.tooltip_text()

    def tooltip_text(self) -> str:
        r = self.relationship
        text = f"{self.source.person.full_name} → {self.target.person.full_name}: " \
               f"{style.relationship_name(r.kind)}"
        if r.kind == RelationshipKind.INFLUENCES:
            text += " " + tr("(strength %1)").replace("%1", str(r.strength))
        if r.label:
            text += f"\n{r.label}"
        return text

    def pen(self) -> QPen:
        kind = self.relationship.kind
        colour = style.EDGE_COLOURS[kind]
        if kind == RelationshipKind.INFLUENCES:
            return QPen(colour, 0.8 + 0.9 * self.relationship.strength)
        if kind == RelationshipKind.CONFLICT:
            pen = QPen(colour, 2.2, Qt.PenStyle.DashLine)
            return pen
        if kind == RelationshipKind.ALLY:
            return QPen(colour, 2.4)
        return QPen(colour, 1.8)

    @property
    def line(self) -> QLineF:
        """The line drawn (card border to card border; bent: its longest segment). While a
        drag's picture draws it (dragged_lines.py: `FOLLOWS_CARDS`) it is straight between
        its cards where they are now, made when asked (a drag step makes none of ~130)."""
        line = self._line
        if line is FOLLOWS_CARDS:
            sp, tp = self.source.pos(), self.target.pos()
            return QLineF(*self._straight(sp.x(), sp.y(), tp.x(), tp.y()))
        return line

    @line.setter
    def line(self, value: QLineF) -> None:
        self._line = value

    def has_arrow(self) -> bool:
        return self.relationship.kind in (RelationshipKind.INFLUENCES, RelationshipKind.REPORTS_TO)

    def set_bends(self, bends: list[tuple[float, float]], version: int) -> bool:
        """The route around the cards in the way ([]: straight); True when it changed."""
        new = [QPointF(x, y) for x, y in bends]
        self.routed_for = (version, self.source.pos(), self.target.pos())
        if new == self.bends:
            return False
        self.bends = new
        self.update_geometry()
        return True

    def route_is_current(self, version: int) -> bool:
        return self.routed_for == (version, self.source.pos(), self.target.pos())

    def _straight(self, sx: float, sy: float, tx: float, ty: float) -> tuple[float, float, float, float]:
        """The straight line between cards at (sx, sy) and (tx, ty), border to border."""
        ax, ay = sx + CARD_WIDTH / 2, sy + CARD_HEIGHT / 2
        bx, by = tx + CARD_WIDTH / 2, ty + CARD_HEIGHT / 2
        if self.offset:
            length = math.hypot(bx - ax, by - ay) or 1.0
            ox, oy = -(by - ay) / length * self.offset, (bx - ax) / length * self.offset
            if self.source.entity_id > self.target.entity_id:
                ox, oy = -ox, -oy  # the same side whichever way the line points
            ax, ay, bx, by = ax + ox, ay + oy, bx + ox, by + oy
        # where the segment leaves each card (both cards have the same size: same t)
        dx, dy = bx - ax, by - ay
        if dx == 0 and dy == 0:
            return ax, ay, bx, by
        fx = (CARD_WIDTH / 2) / abs(dx) if dx else math.inf
        fy = (CARD_HEIGHT / 2) / abs(dy) if dy else math.inf
        t = min(fx, fy, 1.0)
        return ax + dx * t, ay + dy * t, bx - dx * t, by - dy * t

    def update_geometry(self, finish: bool = True, at: dict | None = None) -> None:
        """The line between its cards where they are now; `finish` False: only the line
        (`line`, `points`), the label and the bounds Qt holds wait for `finish()` -- after
        many cards moved, the labels are placed first and each line is finished once.
        `at`: where every card is, card -> (x, y), read once for all the lines (Arrange:
        ~3,900 lines of 3,000 cards; asking each line's two cards cost ~6 ms more)."""
        # plain floats: this runs for every edge of every dragged card at every mouse step
        self.followed = False
        ends = None if at is None else (at.get(self.source), at.get(self.target))
        if ends is None or None in ends:
            sp, tp = self.source.pos(), self.target.pos()
            (sx, sy), (tx, ty) = (sp.x(), sp.y()), (tp.x(), tp.y())
        else:
            (sx, sy), (tx, ty) = ends
        if self.bends and self.routed_for[1:] != (QPointF(sx, sy), QPointF(tx, ty)):
            self.bends = []  # an end moved: straight until routed again
        if self.bends:
            self._bent_geometry(sx + CARD_WIDTH / 2, sy + CARD_HEIGHT / 2,
                                tx + CARD_WIDTH / 2, ty + CARD_HEIGHT / 2, finish)
            return
        x1, y1, x2, y2 = self._straight(sx, sy, tx, ty)
        self._line = QLineF(x1, y1, x2, y2)  # (`line`'s setter, inline)
        self.points = []
        self._short = math.hypot(x2 - x1, y2 - y1) < 1
        self._shape = None  # the hit-test outline is built when Qt asks for it
        self._arrow = None
        box = (min(x1, x2) - 14, min(y1, y2) - 14, max(x1, x2) + 14, max(y1, y2) + 14, sx, sy, tx, ty)
        if finish:
            self._finish_geometry(*box)
        else:
            self._line_box, self.unfinished = box, True

    def finish(self) -> None:
        """What `update_geometry(finish=False)` left: the label rides along, Qt hears of
        the bounds (nothing when `move_label` did it since)."""
        if self.unfinished:
            self._finish_geometry(*self._line_box)

    def follow(self) -> None:
        """A drag step while the line is drawn with the drag's picture (drawn_by_picture):
        only the line, straight; Qt is told nothing (bounds, label) until `update_geometry`."""
        sp, tp = self.source.pos(), self.target.pos()
        if self.bends and self.routed_for[1:] != (sp, tp):
            self.bends = []  # as update_geometry: an end moved, straight until routed again
        self.line = QLineF(*self._straight(sp.x(), sp.y(), tp.x(), tp.y()))
        self.followed = True

    @staticmethod
    def _leave(cx: float, cy: float, tx: float, ty: float) -> QPointF:
        """Where the segment from a card's centre (cx, cy) towards (tx, ty) leaves it."""
        dx, dy = tx - cx, ty - cy
        if dx == 0 and dy == 0:
            return QPointF(cx, cy)
        fx = (CARD_WIDTH / 2) / abs(dx) if dx else math.inf
        fy = (CARD_HEIGHT / 2) / abs(dy) if dy else math.inf
        f = min(fx, fy, 1.0)
        return QPointF(cx + dx * f, cy + dy * f)

    def _bent_geometry(self, ax: float, ay: float, bx: float, by: float, finish: bool = True) -> None:
        first, last = self.bends[0], self.bends[-1]
        points = [self._leave(ax, ay, first.x(), first.y()), *self.bends,
                  self._leave(bx, by, last.x(), last.y())]
        self.points = points
        # the label rides on the longest segment
        longest = max(zip(points, points[1:]), key=lambda ab: QLineF(*ab).length())
        self.line = QLineF(*longest)
        self._short = False
        self._shape = None
        self._arrow = None
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        sp, tp = self.source.pos(), self.target.pos()
        box = (min(xs) - 14, min(ys) - 14, max(xs) + 14, max(ys) + 14, sp.x(), sp.y(), tp.x(), tp.y())
        if finish:
            self._finish_geometry(*box)
        else:
            self._line_box, self.unfinished = box, True

    def _finish_geometry(self, left: float, top: float, right: float, bottom: float,
                         sx: float, sy: float, tx: float, ty: float) -> None:
        """The label rides along; the bounds (a box, with the label when it shows) are
        handed to Qt. (sx, sy), (tx, ty): where the two cards are."""
        self._line_box = (left, top, right, bottom, sx, sy, tx, ty)  # for move_label
        self.unfinished = False
        if self._label:
            line, t = self.line, self._label_t
            w, h = self._label_size.width(), self._label_size.height()
            lx = line.x1() + (line.x2() - line.x1()) * t - w / 2  # the label's top left
            ly = line.y1() + (line.y2() - line.y1()) * t - h / 2
            self.label_item.setPos(lx, ly)
            bl, bt, br, bb = CARD_BOX
            rx, ry = lx + w, ly + h
            # not over either card (inline: this runs for every labelled line moved)
            shown = self._label_free and not (
                (lx < sx + br and sx + bl < rx and ly < sy + bb and sy + bt < ry)
                or (lx < tx + br and tx + bl < rx and ly < ty + bb and ty + bt < ry))
            if shown:
                left, top = min(left, lx), min(top, ly)
                right, bottom = max(right, lx + w), max(bottom, ly + h)
            if shown != self.label_item.isVisible():
                self.label_item.setVisible(shown)
        bounds, old = (left, top, right, bottom), self._bounds
        if bounds != old:  # Qt repaints the old and the new area
            self._bounds = bounds
            self.set_bounds(QRectF(left, top, right - left, bottom - top))
        else:
            self.update()
        if self.sketch is not None:  # far out it draws this line (Qt repaints nothing here)
            self.sketch.redraw(old, bounds)

    def move_label(self, t: float, free: bool) -> None:
        """The label goes to `t` along the line (`free`: shown); what `update_geometry`
        would do then, without computing the line again when its cards are where they
        were (label_placement.py moves ~1,300 labels after Arrange at 3,000 people)."""
        self._label_t, self._label_free = t, free
        left, top, right, bottom, sx, sy, tx, ty = self._line_box
        sp, tp = self.source.pos(), self.target.pos()
        if self.followed or (sx, sy, tx, ty) != (sp.x(), sp.y(), tp.x(), tp.y()):
            self.update_geometry()
        else:
            self._finish_geometry(left, top, right, bottom, sx, sy, tx, ty)

    def _label_rect(self, t: float = 0.5) -> QRectF:
        w, h = self._label_size.width(), self._label_size.height()
        at = self.line.pointAt(t)
        return QRectF(at.x() - w / 2, at.y() - h / 2, w, h)

    def _set_label(self) -> None:
        metrics = QFontMetricsF(self.LABEL_FONT)
        self._label = self._label_text(metrics)
        self._label_size = QSizeF(metrics.horizontalAdvance(self._label) + 8, metrics.height() + 2)
        if self._label:
            if self.label_item is None:
                self.label_item = EdgeLabel(self)
                if self.scene() is not None:
                    self.scene().addItem(self.label_item)
            self.label_item.set_text(self._label, self._label_size)
        elif self.label_item is not None:
            if self.label_item.scene() is not None:
                self.label_item.scene().removeItem(self.label_item)
            self.label_item = None

    # No Python `itemChange`: every change Qt tells an item (a flag, the opacity, the
    # bounds) would call into Python, twice (~4,000 calls when a drop at 3,000 people
    # shows ~1,700 lines again). The label joins and leaves the scene with its line where
    # the scene adds and removes lines (`AccountMapScene._add_edge` / `_remove`).

    def _label_text(self, metrics: QFontMetricsF) -> str:
        return metrics.elidedText(" ".join(self.relationship.label.split()),
                                  Qt.TextElideMode.ElideRight, 180)

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self.line.p1())
            if self.points:
                path = QPainterPath(self.points[0])
                for point in self.points[1:]:
                    path.lineTo(point)
            else:
                path.lineTo(self.line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            self._shape = stroker.createStroke(path)
        return self._shape

    def _arrow_geometry(self, width: float) -> tuple[QLineF, QPolygonF | None]:
        """The line to stroke and the arrow head (None: no head), cached until it moves."""
        if self._arrow is None:
            line = QLineF(self.points[-2], self.points[-1]) if self.points else QLineF(self.line)
            head = None
            if self.has_arrow():
                size = 8 + width * 1.5
                if line.length() > size:
                    unit = line.unitVector()
                    direction = QPointF(unit.dx(), unit.dy())
                    tip = line.p2()
                    base = tip - direction * size
                    normal = QPointF(-direction.y(), direction.x()) * (size * 0.45)
                    line.setP2(base + direction * 1.0)
                    head = QPolygonF([tip, base + normal, base - normal])
            self._arrow = (line, head)
        return self._arrow

    def far_pen(self) -> QPen:
        """The thin plain pen of far out, one per colour (shared: the sketch draws the
        lines of one pen in one call)."""
        if self._pen is None:  # built once per relationship (reset when it changes)
            self._pen = self.pen()
            self._pen_colour = self._pen.color()
        if self._far_pen is None:  # kept: a new pen per line per frame cost ~1 µs each
            rgba = self._pen_colour.rgba()
            pen = FAR_PENS.get(rgba)
            if pen is None:
                pen = FAR_PENS[rgba] = QPen(self._pen_colour, FAR_WIDTH)
            self._far_pen = pen
        return self._far_pen

    def draw_with_picture(self, drawn: bool) -> None:
        """A drag's picture draws this line from now on (`drawn`), or no longer: Qt has
        nothing to paint for it meanwhile (no Python paint call per line a frame), nor
        far out where the sketch draws it."""
        self.drawn_by_picture = drawn
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, drawn or self.sketch is not None)
        if self.sketch is not None:
            self.sketch.redraw(self._bounds, None)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # kept lean: it runs for every visible edge at every frame of a drag
        if self._short or self.drawn_by_picture:
            return
        if self._pen is None:  # built once per relationship (reset when it changes)
            self._pen = self.pen()
            self._pen_colour = self._pen.color()
        pen = self._pen
        if lod(painter) < SKETCH_ZOOM:  # the whole of a big map: thin plain lines, no heads
            painter.setRenderHint(ANTIALIASING, False)
            painter.setPen(self._far_pen or self.far_pen())
            if self.points:
                painter.drawPolyline(self.points)
            else:
                painter.drawLine(self.line)
            return
        if getattr(self.scene(), "dragging", False):
            # while cards are dragged: plain lines are several times cheaper to draw
            painter.setRenderHint(ANTIALIASING, False)
        if self.isSelected():  # the same as State_Selected in option.state, cheaper to ask
            painter.setPen(QPen(SELECTED_HALO, pen.widthF() + 6))
            if self.points:
                painter.drawPolyline(self.points)
            else:
                painter.drawLine(self.line)
        painter.setPen(pen)
        line, head = self._arrow or self._arrow_geometry(pen.widthF())
        if self.points:  # routed around cards: the bends, then the last segment
            painter.drawPolyline(self.points[:-1])
        painter.drawLine(line)
        if head is not None:
            painter.setPen(NO_PEN)
            painter.setBrush(self._pen_colour)
            painter.drawPolygon(head)


class EdgeLabel(BoundsInQt):
    """The label of an edge: its own item, drawn once into a pixmap and copied at each
    frame (edges are repainted at every step of a drag), and stacked above the cards so
    that where cards cross its line it stays readable (label_placement.best_spot keeps it
    off them where it can)."""

    def __init__(self, edge: EdgeItem) -> None:
        super().__init__()
        self.edge = edge
        self.setZValue(CardItem.Z + 1)
        self.text = ""
        self.size = QSizeF()
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)  # a click selects the edge
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        return self.edge.toolTip()  # hovering the label says what hovering its line says

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The label stands for its relationship: a click selects the edge (Ctrl adds it).
        Far out, where it is not drawn, the click goes to what is drawn under it."""
        scene = self.scene()
        view = event.widget().parent() if event.widget() is not None else None
        if getattr(view, "zoom", LABEL_MIN_ZOOM) < LABEL_MIN_ZOOM:
            event.ignore()
            return
        if scene is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            scene.clearSelection()
        self.edge.setSelected(True)
        event.accept()

    def set_text(self, text: str, size: QSizeF) -> None:
        if (text, size) != (self.text, self.size):
            self.text, self.size = text, QSizeF(size)
            self.set_bounds(QRectF(QPointF(0, 0), self.size).adjusted(-1, -1, 1, 1))
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if lod(painter) < LABEL_MIN_ZOOM:  # far out a label is a speck: left to the tooltip
            return
        rect = QRectF(QPointF(0, 0), self.size)
        painter.setPen(EdgeItem.LABEL_FRAME)
        painter.setBrush(EdgeItem.LABEL_FILL)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(EdgeItem.LABEL_FONT)
        painter.setPen(EdgeItem.LABEL_INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
