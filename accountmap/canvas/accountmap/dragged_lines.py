"""The lines of the cards a drag moves on a big map, kept and drawn by the drag's picture.

At each mouse step every such line is put where its cards are now (`follow`: what
`EdgeItem.follow` does, in one loop over plain floats instead of a method call per line),
and the picture draws them all at once (`draw`): one `drawLines` per pen, the arrow heads
per colour; no call from Qt into Python per line. Their items hear nothing until the drop
(`drag_freeze.StaticPicture.thaw` brings each one up to date with `update_geometry`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from accountmap.canvas.accountmap.items.drawing import ANTIALIASING, NO_PEN, SELECTED_HALO, lod
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
        self._moving = [card for card in {e for edge in self.edges for e in (edge.source, edge.target)}
                        if card in set(moving)]
        self._rows: list[list] = []
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
            # [edge, source, target, signed offset, pen key, arrow, pen width,
            #  where the source is, where the target is (None: it moves), x1, y1, x2, y2]
            self._rows.append([edge, edge.source, edge.target, edge.offset * sign, key,
                               edge.has_arrow(), pen.widthF(), None, None,
                               line.x1(), line.y1(), line.x2(), line.y2()])

    def follow(self, scene) -> None:
        """Each line where its two cards are now, straight, as `EdgeItem.follow` puts it."""
        hypot, inf = math.hypot, math.inf
        now = {}
        for card in self._moving:
            p = card.pos()
            now[card] = (p.x(), p.y())
        for row in self._rows:
            edge = row[0]
            if edge.scene() is not scene:  # removed while dragged: no longer drawn
                row[9] = None
                continue
            if not edge.followed or edge.bends:  # its first step, or Qt moved it since
                sp, tp = row[1].pos(), row[2].pos()
                if edge.bends and edge.routed_for[1:] != (sp, tp):
                    edge.bends = []  # as update_geometry: an end moved, straight until routed
                row[7] = None if row[1] in now else (sp.x(), sp.y())
                row[8] = None if row[2] in now else (tp.x(), tp.y())
            sx, sy = row[7] or now[row[1]]
            tx, ty = row[8] or now[row[2]]
            ax, ay = sx + HALF_W, sy + HALF_H
            bx, by = tx + HALF_W, ty + HALF_H
            offset = row[3]
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
                t = min(fx, fy, 1.0)
                x1, y1, x2, y2 = ax + dx * t, ay + dy * t, bx - dx * t, by - dy * t
            row[9], row[10], row[11], row[12] = x1, y1, x2, y2
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
        heads: dict[tuple, list[QPolygonF]] = {}
        dashes: list[tuple[tuple, float, QLineF]] = []  # pen, dash offset, the part drawn
        for edge, _s, _t, _o, pen_key, arrow, width, _sp, _tp, x1, y1, x2, y2 in self._rows:
            if x1 is None or not edge.drawn_by_picture:
                continue
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
                heads.setdefault(pen_key, []).append(
                    QPolygonF([QPointF(x2, y2), QPointF(bx + nx, by + ny), QPointF(bx - nx, by - ny)]))
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
        painter.setPen(NO_PEN)
        for pen_key, polygons in heads.items():
            painter.setBrush(self._pens[pen_key].color())
            for polygon in polygons:
                painter.drawPolygon(polygon)
        painter.restore()
