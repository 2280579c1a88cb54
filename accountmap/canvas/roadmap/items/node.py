"""A roadmap node (start, checkpoint, crossroads, won, lost) and its connect handle."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsPathItem

from accountmap.canvas.common.scene import EntityItem
from accountmap.canvas.roadmap.items.drawing import (
    KIND_COLOURS,
    OVERDUE_COLOUR,
    PATH_COLOUR,
    SELECT_COLOUR,
    STATUS_COLOURS,
    fitted_title,
    font,
    kind_text,
    metrics,
    node_size,
    status_text,
    tr,
    wrap_text,
)
from accountmap.document.interface_language import ui_language
from accountmap.domain.dates import format_date, format_short_date
from accountmap.domain.models import RoadmapNode
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind


_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
FAR_ZOOM = 0.45  # below this zoom a node shows its title only, in large type
FAR_PIXELS = 23  # three lines fill the node's height; 9.5 px on screen at zoom 0.41
FAR_LINE = 24.0
UNREADABLE_PIXELS = 5.0  # a title smaller than this on screen is not drawn at all


# pens made once, not at every paint of every node (a pan repaints them all)
_GLOW_PEN = QPen(QColor(255, 190, 40, 150), 10)
_CURRENT_PEN = QPen(PATH_COLOUR, 1.6, Qt.PenStyle.DashLine)
_OVERDUE_PEN = QPen(OVERDUE_COLOUR, 2.2, Qt.PenStyle.DashLine)
_SELECT_PEN = QPen(SELECT_COLOUR, 2.0)
_TEXT_COLOUR = QColor("#1f2633")
_FOOTER_COLOUR = QColor("#4a5466")
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter


@lru_cache(maxsize=8)
def _bar(height: float) -> QPainterPath:
    """The coloured bar down a checkpoint's left edge."""
    bar = QPainterPath()
    bar.addRoundedRect(QRectF(0, 0, 6, height), 3, 3)
    return bar


@lru_cache(maxsize=64)
def _darker(rgba: int) -> QColor:
    return QColor.fromRgba(rgba).darker(130)


@lru_cache(maxsize=256)
def _border_pen(rgba: int, strong: bool, dashed: bool) -> QPen:
    pen = QPen(QColor.fromRgba(rgba), 2.4 if strong else 1.4)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@lru_cache(maxsize=4096)
def far_title(title: str, width: float) -> tuple[str, ...]:
    return tuple(wrap_text(title, metrics(FAR_PIXELS), [width] * 3)[0])


def _circle(radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), radius, radius)
    return path


def _plus() -> QPainterPath:
    path = QPainterPath()
    path.moveTo(-3, 0)
    path.lineTo(3, 0)
    path.moveTo(0, -3)
    path.lineTo(0, 3)
    return path


_HANDLE_RADIUS = 6.0
_CIRCLE, _PLUS = _circle(_HANDLE_RADIUS), _plus()  # made once for every handle
_HANDLE_PENS = {False: QPen(QColor("#6b7588"), 1.5), True: QPen(PATH_COLOUR, 1.5)}
_HANDLE_FILLS = {False: QColor("#ffffff"), True: QColor("#d8e6ff")}


class ConnectHandle(QGraphicsPathItem):
    """The small circle on a node's right side: drag from it to another node to connect.

    Drawn by Qt (path items: no Python call per frame of a pan or zoom, bench --only road):
    the circle, then the plus as a child (one path for both antialiases a little otherwise);
    a hover changes their pen and the fill."""

    RADIUS = _HANDLE_RADIUS
    BOUNDS = QRectF(-RADIUS - 2, -RADIUS - 2, 2 * RADIUS + 4, 2 * RADIUS + 4)

    def __init__(self, node_item: "NodeItem") -> None:
        super().__init__(node_item)
        self.node_item = node_item
        self.setPath(_CIRCLE)
        self._plus = QGraphicsPathItem(_PLUS, self)
        self._plus.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("Drag to another node to connect"))
        self._show_hover(False)
        self.setZValue(2)

    def _show_hover(self, hover: bool) -> None:
        self._hover = hover
        self.setPen(_HANDLE_PENS[hover])
        self._plus.setPen(_HANDLE_PENS[hover])
        self.setBrush(_HANDLE_FILLS[hover])

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.RADIUS + 3, self.RADIUS + 3)
        return path

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._show_hover(True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._show_hover(False)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.scene().start_connection(self.node_item, event.scenePos())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self.scene().update_connection(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self.scene().finish_connection(event.scenePos())


class NodeItem(QGraphicsObject, EntityItem):
    """One roadmap node. x, y of the model are the top-left corner of its box."""

    RICH_TOOLTIP = True  # `_tooltip` is rich text, the user's words escaped in it

    def __init__(self, node: RoadmapNode) -> None:
        super().__init__()
        self.key = ("roadmap_nodes", node.id)
        self.node = node
        self.edges: list = []  # the EdgeItems that end here (edge.py knows this item, not the reverse)
        self.faded = False
        self.active = False
        self.current = False
        self.overdue = False
        self.passed = False
        self.lines: list[str] = []
        self.arranged: QPointF | None = None  # shown here instead of the model's x, y
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(1)
        self.handle = ConnectHandle(self)
        self.set_node(node)

    @property
    def node_id(self) -> str:
        return self.node.id

    @property
    def kind(self) -> NodeKind:
        return self._kind

    def size(self) -> tuple[float, float]:
        return self._size

    def set_node(self, node: RoadmapNode) -> None:
        self.prepareGeometryChange()
        self.node = node
        # what paint() needs, worked out once per change, not at every frame of a pan
        self._kind = NodeKind(node.kind)
        self._size = node_size(self._kind)
        self._bounds = QRectF(-6, -6, self._size[0] + 12, self._size[1] + 12)
        self._outline = self._make_outline()
        self._colours = self._make_colours()
        self._skipped = (self._kind == NodeKind.CHECKPOINT
                         and node.status == CheckpointStatus.SKIPPED)
        w, h = self.size()
        self.handle.setVisible(self.kind not in (NodeKind.WON, NodeKind.LOST))
        self.handle.setPos(w, h / 2)
        self._layout_text()
        self.setToolTip(self._tooltip())
        pos = QPointF(node.x, node.y)
        if pos != self.model_pos() or pos != self.pos():
            self.set_model_pos(pos)
        self.update()

    def use_cache(self, allowed: bool) -> None:
        """Keep the node's look as a pixmap of the screen between changes (`allowed`: on
        screen, not for a file). Not while faded: a cached pixmap takes the opacity as a
        whole, the painting does it stroke by stroke (the fill shows through the border)."""
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if allowed and not self.faded
                else QGraphicsItem.CacheMode.NoCache)
        if self.cacheMode() != mode:  # setting it again would throw the pixmap away
            self.setCacheMode(mode)

    def set_model_pos(self, pos: QPointF) -> None:
        self._model_pos = QPointF(pos)
        self.setPos(self.arranged if self.arranged is not None else pos)

    def set_arranged(self, pos: QPointF | None) -> None:
        """Show the node at `pos` (lanes, the folded whole road), not dragged; None: back to
        the model's x, y."""
        self.arranged = pos
        self.movable_to_model = pos is None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, pos is None)
        self.setPos(pos if pos is not None else self.model_pos())

    def display_title(self) -> str:
        return self.node.title.strip() or kind_text(self.kind)

    def _tooltip(self) -> str:
        from html import escape

        parts = [f"<b>{escape(self.display_title())}</b>", escape(kind_text(self.kind))]
        if self.kind == NodeKind.CHECKPOINT:
            parts[-1] += " · " + escape(status_text(self.node.status))
            if self.node.owner:
                parts.append(escape(tr("Owner: %1").replace("%1", self.node.owner)))
            if self.node.due:
                parts.append(escape(tr("Due: %1").replace(
                    "%1", format_date(self.node.due, ui_language()))))
            if self.node.exit_criteria:
                done = sum(1 for c in self.node.exit_criteria if c.done)
                parts.append(escape(tr("Exit criteria: %1 of %2 met")
                                    .replace("%1", str(done))
                                    .replace("%2", str(len(self.node.exit_criteria)))))
        if self.node.description:
            desc = self.node.description
            parts.append(escape(desc[:400] + ("…" if len(desc) > 400 else "")))
        return "<br>".join(parts)

    def _layout_text(self) -> None:
        self.lines = list(fitted_title(self.display_title(), self.kind))
        # where paint() puts them: worked out here, not at every frame of a pan or zoom
        w, h = self.size()
        if self.kind == NodeKind.CHECKPOINT:
            self._text_font, line_h = font(13), 15.5
            self._text_rects = [(QRectF(12, 5 + i * line_h, w - 20, line_h), _LEFT, line)
                                for i, line in enumerate(self.lines)]
        else:
            decision = self.kind == NodeKind.DECISION
            px, line_h, bold = (12, 14.0, False) if decision else (13, 16.0, True)
            self._text_font = font(px, bold)
            top = (h - line_h * len(self.lines)) / 2
            self._text_rects = [(QRectF(0, top + i * line_h, w, line_h), _CENTRE, line)
                                for i, line in enumerate(self.lines)]
        self._far_rects: list | None = None  # made when first seen from far away
        self._footer: tuple[str, str, str] | None = None  # language, status, due and criteria

    # ------------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def outline(self) -> QPainterPath:
        return self._outline

    def _make_outline(self) -> QPainterPath:
        w, h = self.size()
        path = QPainterPath()
        if self.kind == NodeKind.DECISION:
            path.addPolygon(QPolygonF([QPointF(w / 2, 0), QPointF(w, h / 2),
                                       QPointF(w / 2, h), QPointF(0, h / 2)]))
            path.closeSubpath()
        elif self.kind == NodeKind.CHECKPOINT:
            path.addRoundedRect(QRectF(0, 0, w, h), 8, 8)
        else:
            path.addRoundedRect(QRectF(0, 0, w, h), h / 2, h / 2)
        return path

    def shape(self) -> QPainterPath:
        return self.outline()

    def in_port(self) -> QPointF:
        w, h = self.size()
        return self.pos() + QPointF(0, h / 2)

    def out_port(self) -> QPointF:
        w, h = self.size()
        return self.pos() + QPointF(w, h / 2)

    def bottom_port(self) -> QPointF:
        w, h = self.size()
        return self.pos() + QPointF(w / 2, h)

    def top_port(self) -> QPointF:
        w, _h = self.size()
        return self.pos() + QPointF(w / 2, 0)

    def itemChange(self, change, value):  # noqa: N802
        if change == _POSITION_CHANGED and self.edges:
            for edge in self.edges:
                edge.update_path()
        return super().itemChange(change, value)

    # ------------------------------------------------------------------ painting
    def colours(self) -> tuple[QColor, QColor]:
        return self._colours

    def _make_colours(self) -> tuple[QColor, QColor]:
        if self.kind == NodeKind.CHECKPOINT:
            fill, border = STATUS_COLOURS[CheckpointStatus(self.node.status)]
        else:
            fill, border = KIND_COLOURS[self.kind]
        return QColor(fill), QColor(border)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self._size
        fill, border = self._colours
        outline = self._outline
        if self.active:  # a warm glow around the active checkpoint
            painter.setPen(_GLOW_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline)
        painter.setPen(_border_pen(border.rgba(), self.active or self.passed, self._skipped))
        painter.setBrush(fill)
        painter.drawPath(outline)
        if self.current and not self.active:  # the next step on the road
            painter.setPen(_CURRENT_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline)
        if self.overdue:
            painter.setPen(_OVERDUE_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-4, -4, w + 8, h + 8), 10, 10)
        if self.isSelected():
            painter.setPen(_SELECT_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self._kind == NodeKind.DECISION:
                painter.drawPath(outline)
            painter.drawRect(QRectF(-3, -3, w + 6, h + 6))
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < FAR_ZOOM:  # far out: the title only, large (a shape when even that is a blur)
            if lod * FAR_PIXELS >= UNREADABLE_PIXELS:
                self._paint_far(painter)
            return
        if self._kind == NodeKind.CHECKPOINT:
            self._paint_checkpoint(painter, border)
        painter.setPen(_TEXT_COLOUR)
        painter.setFont(self._text_font)
        for rect, flags, line in self._text_rects:
            painter.drawText(rect, flags, line)
        if self._kind == NodeKind.CHECKPOINT:
            self._paint_footer(painter, border)

    def _paint_far(self, painter: QPainter) -> None:
        """Seen from far away: the title in up to three lines of large type, nothing else."""
        if self._far_rects is None:
            w, h = self._size
            inset = 0.16 * w if self._kind == NodeKind.DECISION else 8.0
            lines = far_title(self.display_title(), w - 2 * inset)
            top = (h - FAR_LINE * len(lines)) / 2
            self._far_rects = [(QRectF(inset, top + i * FAR_LINE, w - 2 * inset, FAR_LINE), line)
                               for i, line in enumerate(lines)]
        painter.setPen(_TEXT_COLOUR)
        painter.setFont(font(FAR_PIXELS))
        for rect, line in self._far_rects:
            painter.drawText(rect, _CENTRE, line)

    def _paint_checkpoint(self, painter: QPainter, border: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(border)
        painter.drawPath(_bar(self._size[1]))

    def _footer_texts(self) -> tuple[str, str, str]:
        """The status (left) and the criteria met and the due date (right), in the language
        of the interface (worked out again when it changes)."""
        lang = ui_language()
        if self._footer is None or self._footer[0] != lang:
            right = []
            if self.node.exit_criteria:
                done = sum(1 for c in self.node.exit_criteria if c.done)
                right.append(f"✓{done}/{len(self.node.exit_criteria)}")
            if self.node.due:
                right.append(format_short_date(self.node.due, lang))
            self._footer = (lang, status_text(self.node.status), "  ".join(right))
        return self._footer

    def _paint_footer(self, painter: QPainter, border: QColor) -> None:
        _lang, status, right = self._footer_texts()
        w, h = self._size
        footer = QRectF(12, h - 18, w - 20, 14)
        painter.setFont(font(11))
        painter.setPen(_darker(border.rgba()))
        painter.drawText(footer, _LEFT, status)
        if right:
            painter.setPen(OVERDUE_COLOUR if self.overdue else _FOOTER_COLOUR)
            painter.drawText(footer, _RIGHT, right)

