"""The lines of the cards a drag moves on a big map, kept and drawn by the drag's picture.

At each mouse step every such line near the view is put where its cards are now
(`follow`: what `EdgeItem.follow` does, in one loop over plain floats instead of a method
call per line), gathering on the way what the picture then draws all at once (`draw`):
one `drawLines` per pen, the arrow heads per colour; no call from Qt into Python per line.
Their items hear nothing until the drop (their `line` is `FOLLOWS_CARDS`: made from the
cards when asked; `drag_freeze.StaticPicture.thaw` brings each one up to date with
`update_geometry`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from accountmap.canvas.accountmap.items.drawing import ANTIALIASING, SELECTED_HALO, lod
from accountmap.canvas.accountmap.items.edge import FAR_WIDTH, FOLLOWS_CARDS, SKETCH_ZOOM
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH

HALF_W, HALF_H = CARD_WIDTH / 2, CARD_HEIGHT / 2
SOLID = Qt.PenStyle.SolidLine.value
INF = math.inf
hypot = math.hypot
OFF = ()  # DraggedLines._coords: a line not placed at the last step (far from what is drawn)
MARGIN = 20  # around the view's part of the scene (and 3 pixels): lines gathered for a paint
# within it (draw's own margin for pens and arrow heads is 20)


def _clip(x1: float, y1: float, x2: float, y2: float,
          left: float, top: float, right: float, bottom: float) -> tuple[float, float] | None:
    """The part (t0, t1) of the segment inside the box (Liang–Barsky); None: none."""
    t0, t1 = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            if t > t0:
                t0 = t
        else:
            if t < t0:
                return None
            if t < t1:
                t1 = t
    return t0, t1


class _Shapes:
    """What `DraggedLines.draw` paints, grouped: lines per pen, halos, arrow heads per
    colour (one path each), dashed lines cut to `box` (left, top, right, bottom: the part
    of the scene repainted, with a margin for pens and heads; a line off it is left out)."""

    __slots__ = ("box", "far", "lines", "halos", "heads", "dashes")

    def __init__(self, box: tuple, far: bool) -> None:
        self.box, self.far = box, far
        self.lines: dict[tuple, list[QLineF]] = {}
        self.halos: list[tuple[float, QLineF]] = []
        self.heads: dict[tuple, QPainterPath] = {}
        self.dashes: list[tuple[tuple, float, QLineF]] = []  # pen, dash offset, the part drawn

    def add(self, lines) -> None:
        """What EdgeItem.paint draws of each straight line (no antialiasing) of `lines`
        ((edge, look: DraggedLines._looks', x1, y1, x2, y2), each reaching into the box:
        `off` tells those that do not)."""
        far, groups, halos, heads, dashes = self.far, self.lines, self.halos, self.heads, self.dashes
        left, top, right, bottom = self.box
        for edge, look, x1, y1, x2, y2 in lines:
            if not edge.drawn_by_picture or edge.scene() is None:  # (removed while dragged)
                continue
            length = hypot(x2 - x1, y2 - y1)
            if length < 1:
                continue
            pen_key, arrow, width, size, dashed = look
            if not far:
                if edge.isSelected():
                    halos.append((width, QLineF(x1, y1, x2, y2)))
                if arrow and length > size:  # the stroke ends at the arrow head's base
                    ux, uy = (x2 - x1) / length, (y2 - y1) / length
                    bx, by = x2 - ux * size, y2 - uy * size
                    # a head is smaller than the box's margin: off it, it is out of sight
                    if left <= x2 <= right and top <= y2 <= bottom:
                        nx, ny = -uy * size * 0.45, ux * size * 0.45
                        head = heads.get(pen_key)
                        if head is None:
                            head = heads[pen_key] = QPainterPath()
                        head.moveTo(x2, y2)
                        head.lineTo(bx + nx, by + ny)
                        head.lineTo(bx - nx, by - ny)
                        head.closeSubpath()
                    x2, y2 = bx + ux, by + uy
                if dashed:
                    # a dashed line is cut to what is repainted (Qt dashes all of a long
                    # line, ~35 µs each at 1,000 people); the offset keeps its dashes in place
                    cut = _clip(x1, y1, x2, y2, left, top, right, bottom)
                    if cut is not None:
                        t0, t1 = cut
                        dx, dy = x2 - x1, y2 - y1
                        dashes.append((pen_key, t0 * hypot(dx, dy) / width,
                                       QLineF(x1 + dx * t0, y1 + dy * t0, x1 + dx * t1, y1 + dy * t1)))
                    continue
            group = groups.get(pen_key)
            if group is None:
                group = groups[pen_key] = []
            group.append(QLineF(x1, y1, x2, y2))

    def off(self, x1: float, y1: float, x2: float, y2: float) -> bool:
        """The line's box is outside the box (inline in `DraggedLines._gather`)."""
        left, top, right, bottom = self.box
        return (x1 if x1 > x2 else x2) < left or (x1 if x1 < x2 else x2) > right \
            or (y1 if y1 > y2 else y2) < top or (y1 if y1 < y2 else y2) > bottom

    def covers(self, box: tuple) -> bool:
        left, top, right, bottom = self.box
        return left <= box[0] and top <= box[1] and box[2] <= right and box[3] <= bottom


class DraggedLines:
    """`edges`: the lines of the dragged cards (each once); `moving`: the cards the drag
    moves (the other end of a line stays where it is: read once, and again if Qt moved it).
    `sight`: the part of the scene the view shows (the picture's), `detail`: the view's
    level of detail; with them each step also gathers what `draw` paints of the lines in
    sight (one loop over the lines, not two), used when a paint is within that part."""

    def __init__(self, edges, moving=(), sight: QRectF | None = None, detail: float = 1.0) -> None:
        self.edges = list(edges)
        moving = set(moving)
        self._moving = [card for card in {e for edge in self.edges for e in (edge.source, edge.target)}
                        if card in moving]
        at = {card: i for i, card in enumerate(self._moving)}
        # (edge, source's index among the moving cards or -1, the same of the target,
        # signed offset, [the centres of the ends that stay, once read])
        self._ends: list[tuple] = []
        self._looks: list[tuple] = []  # (pen key, arrow, pen width, arrow head size, dashed)
        # (x1, y1, x2, y2) as drawn; None: not drawn; OFF: not placed (far from the box)
        self._coords: list[tuple | None] = []
        self._pens: dict[tuple, QPen] = {}
        # (Qt's exposed rect of a whole repaint is the sight and a pixel or two more)
        margin = MARGIN + 3 / max(detail, 0.01)
        self._box = None if sight is None else (sight.left() - margin, sight.top() - margin,
                                                sight.right() + margin, sight.bottom() + margin)
        self._far = detail < SKETCH_ZOOM
        self._shapes: _Shapes | None = None  # the lines in sight, gathered by `follow`
        self._now: tuple | None = None  # the moving cards' centres at the last step (xs, ys)
        self._scene = None
        for edge in self.edges:
            if edge._pen is None:  # built once per relationship (as EdgeItem.paint does)
                edge._pen = edge.pen()
                edge._pen_colour = edge._pen.color()
            pen = edge._pen
            key = (pen.color().rgba(), pen.widthF(), pen.style().value)
            self._pens.setdefault(key, pen)  # lines of the same look: one drawLines
            sign = -1.0 if edge.source.entity_id > edge.target.entity_id else 1.0
            line = edge.line
            self._ends.append((edge, at.get(edge.source, -1), at.get(edge.target, -1),
                               edge.offset * sign, [0.0, 0.0, 0.0, 0.0]))
            self._looks.append((key, edge.has_arrow(), pen.widthF(), 8 + pen.widthF() * 1.5,
                                key[2] != SOLID))
            self._coords.append((line.x1(), line.y1(), line.x2(), line.y2()))

    def follow(self, scene) -> None:
        """A step: the lines go where their two cards are now, straight, as EdgeItem puts
        them (`FOLLOWS_CARDS`: each `line` is made when asked); what `draw` paints of those
        in sight is gathered now (the others are not computed)."""
        xs, ys = [], []
        for card in self._moving:
            xs.append(card.x() + HALF_W)
            ys.append(card.y() + HALF_H)
        self._now, self._scene = (xs, ys), scene
        self._shapes = None if self._box is None else self._gather(self._box, self._far)

    def _gather(self, box: tuple | None, far: bool) -> _Shapes | None:
        """The lines where their cards are now (the same arithmetic as EdgeItem._straight,
        on plain floats), and what `draw` paints of those that reach into `box`; None: all
        of them placed (`_coords`), nothing gathered."""
        xs, ys = self._now
        scene = self._scene
        coords = self._coords
        shapes = None if box is None else _Shapes(box, far)
        left, top, right, bottom = box or (-INF, -INF, INF, INF)
        looks, placed = self._looks, []
        for i, (edge, si, ti, offset, fixed) in enumerate(self._ends):
            if not edge.followed or edge.bends:  # its first step, or Qt moved it since
                if edge.scene() is not scene:  # removed while dragged: no longer drawn
                    coords[i] = None
                    continue
                sp, tp = edge.source.pos(), edge.target.pos()
                if edge.bends and edge.routed_for[1:] != (sp, tp):
                    edge.bends = []  # as update_geometry: an end moved, straight until routed
                fixed[:] = sp.x() + HALF_W, sp.y() + HALF_H, tp.x() + HALF_W, tp.y() + HALF_H
                edge.followed = True
                edge.line = FOLLOWS_CARDS
            if si < 0:
                ax, ay = fixed[0], fixed[1]
            else:
                ax, ay = xs[si], ys[si]
            if ti < 0:
                bx, by = fixed[2], fixed[3]
            else:
                bx, by = xs[ti], ys[ti]
            # the line lies between its cards' centres (shifted by at most its offset):
            # nowhere near the box, it is not placed (as drawn: off the box)
            reach = offset if offset > 0 else -offset
            if (ax if ax > bx else bx) + reach < left or (ax if ax < bx else bx) - reach > right \
                    or (ay if ay > by else by) + reach < top or (ay if ay < by else by) - reach > bottom:
                coords[i] = OFF
                continue
            if offset:
                length = hypot(bx - ax, by - ay) or 1.0
                ox, oy = -(by - ay) / length * offset, (bx - ax) / length * offset
                ax, ay, bx, by = ax + ox, ay + oy, bx + ox, by + oy
            dx, dy = bx - ax, by - ay
            if dx == 0 and dy == 0:
                x1, y1, x2, y2 = ax, ay, bx, by
            else:
                fx = HALF_W / abs(dx) if dx else INF
                fy = HALF_H / abs(dy) if dy else INF
                t = fx if fx < fy else fy
                if t > 1.0:
                    t = 1.0
                x1, y1, x2, y2 = ax + dx * t, ay + dy * t, bx - dx * t, by - dy * t
            coords[i] = (x1, y1, x2, y2)
            if shapes is None or (x1 if x1 > x2 else x2) < left or (x1 if x1 < x2 else x2) > right \
                    or (y1 if y1 > y2 else y2) < top or (y1 if y1 < y2 else y2) > bottom:
                continue  # (the same test as _Shapes.off)
            placed.append((edge, looks[i], x1, y1, x2, y2))
        if shapes is not None:
            shapes.add(placed)
        return shapes

    def let_go(self) -> None:
        """The drag is over: a line Qt was not told of again (removed while dragged) keeps
        where it was last drawn."""
        for edge, coords in zip(self.edges, self._coords):
            if edge._line is FOLLOWS_CARDS:
                edge.line = QLineF(*coords) if coords else QLineF()

    def draw(self, painter: QPainter, exposed: QRectF) -> None:
        """What each EdgeItem.paint draws for a straight line while cards are dragged (no
        antialiasing), grouped by pen. `exposed`: the part of the scene repainted (a line
        off it is not drawn)."""
        # margin: pen and arrow head
        box = (exposed.left() - 20, exposed.top() - 20, exposed.right() + 20, exposed.bottom() + 20)
        far = lod(painter) < SKETCH_ZOOM  # the whole of a big map: thin plain lines, no heads
        shapes = self._shapes
        if shapes is None or shapes.far != far or not shapes.covers(box):
            if self._now is not None:  # where the last step left the cards
                shapes = self._gather(box, far)
            else:  # before the first step: where Qt knows the lines
                shapes = _Shapes(box, far)
                shapes.add((edge, look, *coords)
                           for edge, look, coords in zip(self.edges, self._looks, self._coords)
                           if coords is not None and not shapes.off(*coords))
        painter.save()
        painter.setRenderHint(ANTIALIASING, False)
        for width, halo in shapes.halos:  # under every line
            painter.setPen(QPen(SELECTED_HALO, width + 6))
            painter.drawLine(halo)
        for pen_key, group in shapes.lines.items():
            pen = self._pens[pen_key]
            painter.setPen(QPen(pen.color(), FAR_WIDTH) if far else pen)  # as EdgeItem.far_pen
            painter.drawLines(group)
        for pen_key, offset, line in shapes.dashes:
            pen = QPen(self._pens[pen_key])
            pen.setDashOffset(offset)
            painter.setPen(pen)
            painter.drawLine(line)
        for pen_key, head in shapes.heads.items():
            painter.fillPath(head, self._pens[pen_key].color())
        painter.restore()
