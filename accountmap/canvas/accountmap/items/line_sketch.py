"""Far out, the lines of the map drawn by one item.

Below SKETCH_ZOOM an EdgeItem draws only a thin plain stroke of its colour, but Qt still
calls a Python `paint` for each line: at 3,000 people the whole map fitted (~3,250 lines
in sight) took ~46 ms to repaint, ~30 ms with the lines drawn here. While every view is
that far out (`lines_seen`, scene_sight.py), the lines have no contents for Qt
(ItemHasNoContents: no paint call; hit-testing, selection and tooltips stay theirs) and
this item draws them all, in the scene's order (crossings look the same), the same far
pen, consecutive lines of one colour in one `drawLines`. It stacks where they do (z 0:
above the frames, below the cards) and no click, hover or tooltip finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from accountmap.canvas.accountmap.items.drawing import ANTIALIASING, BoundsInQt, lod
from accountmap.canvas.accountmap.items.edge import SKETCH_ZOOM

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
EMPTY = QPainterPath()
MANY_CHANGES = 8  # lines changed before a paint: from this many on, one repaint of all


class LineSketch(BoundsInQt):
    """`edges`: the scene's lines by id, in the order Qt stacks them (`scene.edges`)."""

    def __init__(self, edges: dict) -> None:
        super().__init__()
        self.edges = edges
        self.on = False
        self._runs: list | None = None  # what paint draws, made again after a change
        # the bounds: never less than the lines (grown as they change); `_loose`: perhaps
        # more (a line shrank or went), made exact by `tighten` where that matters
        self._box: tuple[float, float, float, float] | None = None
        self._loose = False
        self._changes = 0  # lines changed since the last paint (`redraw`)
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def shape(self) -> QPainterPath:
        return EMPTY  # a click, a hover or a tooltip goes to what is under it

    # ------------------------------------------------------------------ on and off
    def switch(self, on: bool) -> None:
        """On: the lines stop painting themselves, this draws them; off: the other way."""
        if on == self.on:
            return
        self.on = on
        for edge in self.edges.values():
            edge.sketch = self if on else None
            edge.setFlag(NO_CONTENTS, on or edge.drawn_by_picture)
        self._runs = None
        if on:
            self._loose = True
            self.tighten()
        else:
            self._box = None
            self.set_bounds(QRectF())  # counts for nothing in itemsBoundingRect
        self.setVisible(on)

    def adopt(self, edge) -> None:
        """A line that came while on: drawn here."""
        edge.sketch = self
        edge.setFlag(NO_CONTENTS, True)
        self.redraw(None, edge._bounds)

    def let_go(self, edge) -> None:
        """A line that went while on."""
        edge.sketch = None
        self.redraw(edge._bounds, None)

    def redraw(self, old: tuple | None, new: tuple | None) -> None:
        """A line changed (its bounds were `old`, are `new`; None: none): drawn again.
        The first few changes since a paint repaint only where they are (an edit); from
        `MANY_CHANGES` on (Arrange moves ~3,900 lines), all of it."""
        self._runs = None
        self._loose = True
        if new is not None:  # (`old` is inside: the bounds hold every line as it was)
            held = self._box
            if held is None:
                self._set_box(new)
            elif new[0] < held[0] or new[1] < held[1] or new[2] > held[2] or new[3] > held[3]:
                self._set_box((min(new[0], held[0]), min(new[1], held[1]),
                               max(new[2], held[2]), max(new[3], held[3])))
        self._changes += 1
        if self._changes < MANY_CHANGES:
            for box in (old, new):
                if box is not None:
                    self.update(QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1]))
        else:  # all of it (asked again at each change, nothing when still pending: the
            # count is reset by a paint, which need not come with the sketch out of sight)
            self.update()

    def tighten(self) -> None:
        """The bounds exactly those of the lines (the fit measures the map by every
        item's bounds: this one must not add to them)."""
        if not self.on or not self._loose:
            return
        self._loose = False
        boxes = [edge._bounds for edge in self.edges.values()]
        if None in boxes:  # (a line not placed yet)
            boxes = [box for box in boxes if box is not None]
        if not boxes:
            self._set_box(None)
            return
        lefts, tops, rights, bottoms = zip(*boxes)  # (min and max over tuples: ~4x faster)
        self._set_box((min(lefts), min(tops), max(rights), max(bottoms)))

    def _set_box(self, box: tuple | None) -> None:
        if box == self._box:
            return
        self._box = box
        if box is None:
            self.set_bounds(QRectF())
        else:
            self.set_bounds(QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1]))

    # ------------------------------------------------------------------ drawing
    def _made(self) -> list:
        """(pen, straight lines for one drawLines, or a bent line as a polygon), in the
        scene's order; a line drawn by a drag's picture or too short to see is left out,
        as EdgeItem.paint leaves it."""
        self._changes = 0
        runs: list = []
        pen = lines = None
        for edge in self.edges.values():
            if edge._short or edge.drawn_by_picture:
                continue
            far = edge._far_pen or edge.far_pen()
            if edge.points:
                runs.append((far, QPolygonF(edge.points)))
                pen = lines = None
                continue
            if far is not pen:
                pen, lines = far, []
                runs.append((far, lines))
            lines.append(edge._line)
        self._runs = runs
        return runs

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if lod(painter) >= SKETCH_ZOOM:  # a picture nearer than the views: as each line would
            for edge in self.edges.values():
                painter.save()
                edge.paint(painter, option, widget)
                painter.restore()
            return
        painter.setRenderHint(ANTIALIASING, False)
        for pen, drawn in self._runs if self._runs is not None else self._made():
            painter.setPen(pen)
            if isinstance(drawn, list):
                painter.drawLines(drawn)
            else:
                painter.drawPolyline(drawn)
