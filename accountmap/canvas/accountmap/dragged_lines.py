"""The lines of the cards a drag moves on a big map, kept and drawn by the drag's picture.

At each mouse step every such line is put where its cards are now (`follow`: what
`EdgeItem.follow` does, in one loop over plain floats instead of a method call per line),
and the picture draws them all at once (`draw`): one `drawLines` per pen, the arrow heads
per colour; no call from Qt into Python per line. Their items hear nothing until the drop
(`drag_freeze.StaticPicture.thaw` brings each one up to date with `update_geometry`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from accountmap.canvas.accountmap.items.drawing import ANTIALIASING, SELECTED_HALO, lod
from accountmap.canvas.accountmap.items.edge import SKETCH_ZOOM
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH

HALF_W, HALF_H = CARD_WIDTH / 2, CARD_HEIGHT / 2
SOLID = Qt.PenStyle.SolidLine.value


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


class DraggedLines:
    """`edges`: the lines of the dragged cards (each once); `moving`: the cards the drag
    moves (the other end of a line stays where it is: read once, and again if Qt moved it)."""

    def __init__(self, edges, moving=()) -> None:
        self.edges = list(edges)
        moving = set(moving)
        self._moving = [card for card in {e for edge in self.edges for e in (edge.source, edge.target)}
                        if card in moving]
        self._ends: list[tuple] = []  # (edge, source, target, signed offset)
        self._looks: list[tuple] = []  # (pen key, arrow, pen width)
        self._fixed: list[tuple] = []  # the centres of ends that stay (None: it moves)
        self._coords: list[tuple | None] = []  # (x1, y1, x2, y2) as drawn; None: not drawn
        self._pens: dict[tuple, QPen] = {}
        for edge in self.edges:
            if edge._pen is None:  # built once per relationship (as EdgeItem.paint does)
                edge._pen = edge.pen()
                edge._pen_colour = edge._pen.color()
            pen = edge._pen
            key = (pen.color().rgba(), pen.widthF(), pen.style().value)
            self._pens.setdefault(key, pen)  # lines of the same look: one drawLines
            sign = -1.0 if edge.source.entity_id > edge.target.entity_id else 1.0
            line = edge.line
            self._ends.append((edge, edge.source, edge.target, edge.offset * sign))
            self._looks.append((key, edge.has_arrow(), pen.widthF()))
            self._fixed.append((None, None))
            self._coords.append((line.x1(), line.y1(), line.x2(), line.y2()))

    def follow(self, scene) -> None:
        """Each line where its two cards are now, straight, as `EdgeItem.follow` puts it
        (the same arithmetic as EdgeItem._straight, on plain floats)."""
        hypot, inf = math.hypot, math.inf
        now = {}
        for card in self._moving:
            p = card.pos()
            now[card] = (p.x() + HALF_W, p.y() + HALF_H)
        fixed, coords = self._fixed, self._coords
        for i, (edge, source, target, offset) in enumerate(self._ends):
            if edge.scene() is not scene:  # removed while dragged: no longer drawn
                coords[i] = None
                continue
            if not edge.followed or edge.bends:  # its first step, or Qt moved it since
                sp, tp = source.pos(), target.pos()
                if edge.bends and edge.routed_for[1:] != (sp, tp):
                    edge.bends = []  # as update_geometry: an end moved, straight until routed
                fixed[i] = (None if source in now else (sp.x() + HALF_W, sp.y() + HALF_H),
                            None if target in now else (tp.x() + HALF_W, tp.y() + HALF_H))
            at_source, at_target = fixed[i]
            ax, ay = at_source or now[source]
            bx, by = at_target or now[target]
            if offset:
                length = hypot(bx - ax, by - ay) or 1.0
                ox, oy = -(by - ay) / length * offset, (bx - ax) / length * offset
                ax, ay, bx, by = ax + ox, ay + oy, bx + ox, by + oy
            dx, dy = bx - ax, by - ay
            if dx == 0 and dy == 0:
                x1, y1, x2, y2 = ax, ay, bx, by
            else:
                fx = HALF_W / abs(dx) if dx else inf
                fy = HALF_H / abs(dy) if dy else inf
                t = fx if fx < fy else fy
                if t > 1.0:
                    t = 1.0
                x1, y1, x2, y2 = ax + dx * t, ay + dy * t, bx - dx * t, by - dy * t
            coords[i] = (x1, y1, x2, y2)
            edge.line = QLineF(x1, y1, x2, y2)
            edge.followed = True

    def draw(self, painter: QPainter, exposed: QRectF) -> None:
        """What each EdgeItem.paint draws for a straight line while cards are dragged (no
        antialiasing), grouped by pen. `exposed`: the part of the scene repainted (a line
        off it is not drawn)."""
        left, top = exposed.left() - 20, exposed.top() - 20  # margin: pen and arrow head
        right, bottom = exposed.right() + 20, exposed.bottom() + 20
        far = lod(painter) < SKETCH_ZOOM  # the whole of a big map: thin plain lines, no heads
        lines: dict[tuple, list[QLineF]] = {}
        halos: list[tuple[float, QLineF]] = []
        heads: dict[tuple, QPainterPath] = {}  # the arrow heads of one colour: one fill
        dashes: list[tuple[tuple, float, QLineF]] = []  # pen, dash offset, the part drawn
        for (edge, _s, _t, _o), (pen_key, arrow, width), coords in zip(self._ends, self._looks, self._coords):
            if coords is None or not edge.drawn_by_picture:
                continue
            x1, y1, x2, y2 = coords
            if (x1 if x1 > x2 else x2) < left or (x1 if x1 < x2 else x2) > right \
                    or (y1 if y1 > y2 else y2) < top or (y1 if y1 < y2 else y2) > bottom:
                continue
            length = math.hypot(x2 - x1, y2 - y1)
            if length < 1:
                continue
            if far:
                lines.setdefault(pen_key, []).append(QLineF(x1, y1, x2, y2))
                continue
            if edge.isSelected():
                halos.append((width, QLineF(x1, y1, x2, y2)))
            size = 8 + width * 1.5
            ex, ey = x2, y2  # where the stroke ends: at the arrow head's base, if any
            if arrow and length > size:
                ux, uy = (x2 - x1) / length, (y2 - y1) / length
                bx, by = x2 - ux * size, y2 - uy * size
                nx, ny = -uy * size * 0.45, ux * size * 0.45
                ex, ey = bx + ux, by + uy
                head = heads.get(pen_key)
                if head is None:
                    head = heads[pen_key] = QPainterPath()
                head.moveTo(x2, y2)
                head.lineTo(bx + nx, by + ny)
                head.lineTo(bx - nx, by - ny)
                head.closeSubpath()
            if pen_key[2] != SOLID:
                # a dashed line is cut to what is repainted (Qt dashes all of a long line,
                # ~35 µs each at 1,000 people); the offset keeps its dashes where they were
                cut = _clip(x1, y1, ex, ey, left, top, right, bottom)
                if cut is not None:
                    t0, t1 = cut
                    dx, dy = ex - x1, ey - y1
                    dashes.append((pen_key, t0 * math.hypot(dx, dy) / width,
                                   QLineF(x1 + dx * t0, y1 + dy * t0, x1 + dx * t1, y1 + dy * t1)))
            else:
                lines.setdefault(pen_key, []).append(QLineF(x1, y1, ex, ey))
        painter.save()
        painter.setRenderHint(ANTIALIASING, False)
        for width, halo in halos:  # under every line
            painter.setPen(QPen(SELECTED_HALO, width + 6))
            painter.drawLine(halo)
        for pen_key, group in lines.items():
            pen = self._pens[pen_key]
            painter.setPen(QPen(pen.color(), 0) if far else pen)
            painter.drawLines(group)
        for pen_key, offset, line in dashes:
            pen = QPen(self._pens[pen_key])
            pen.setDashOffset(offset)
            painter.setPen(pen)
            painter.drawLine(line)
        for pen_key, head in heads.items():
            painter.fillPath(head, self._pens[pen_key].color())
        painter.restore()
