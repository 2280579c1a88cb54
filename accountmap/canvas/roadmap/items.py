"""The graphics items of the roadmap: nodes (start, checkpoint, crossroads diamond, won,
lost), branch edges with their outcome labels, and the handle that starts a connection.

Items only draw what the scene tells them (a RoadmapNode / RoadmapEdge and a few state
flags computed from `position_on_road`); they never write the model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from accountmap.canvas.common.scene import EntityItem
from accountmap.domain.models import RoadmapEdge, RoadmapNode
from accountmap.domain.vocabulary import BranchOutcome, CheckpointStatus, NodeKind
from accountmap.layout.sizes import DECISION_HEIGHT, DECISION_WIDTH, NODE_HEIGHT, NODE_WIDTH

CONTEXT = "RoadmapCanvas"
FONT_FAMILY = "DejaVu Sans"
_fonts_loaded = False


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ensure_fonts() -> None:
    """Register the bundled DejaVu fonts once (Cyrillic everywhere, same metrics)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    folder = Path(__file__).resolve().parents[3] / "resources" / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = folder / name
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))


_STATUS_SOURCES = {
    CheckpointStatus.PLANNED: "Planned",
    CheckpointStatus.ACTIVE: "Active",
    CheckpointStatus.DONE: "Done",
    CheckpointStatus.SKIPPED: "Skipped",
    CheckpointStatus.FAILED: "Failed",
}
_KIND_SOURCES = {
    NodeKind.START: "Start",
    NodeKind.CHECKPOINT: "Checkpoint",
    NodeKind.DECISION: "Crossroads",
    NodeKind.WON: "Won",
    NodeKind.LOST: "Lost",
}
if False:  # the sources above, for translators: tr() marks them
    tr("Planned"), tr("Active"), tr("Done"), tr("Skipped"), tr("Failed")
    tr("Start"), tr("Checkpoint"), tr("Crossroads"), tr("Won"), tr("Lost")


def status_text(status: CheckpointStatus) -> str:  # not cached: the language may change
    return tr(_STATUS_SOURCES[CheckpointStatus(status)])


def _outcome_sources() -> dict[str, str]:
    return {BranchOutcome.YES: tr("Yes"), BranchOutcome.NO: tr("No")}


def outcome_text(outcome: str) -> str:
    """A branch's outcome as shown: the default ids (yes / no) in the interface's
    language, the user's own words as written."""
    return _outcome_sources().get(outcome, outcome)


def outcome_typed(text: str) -> str:
    """What to store for an outcome typed (or left as shown): the id of a default
    outcome when the text is its translation, else the text."""
    folded = text.strip().casefold()
    return next((value for value, shown in _outcome_sources().items()
                 if shown.casefold() == folded), text)


def kind_text(kind: NodeKind) -> str:
    return tr(_KIND_SOURCES[NodeKind(kind)])


@lru_cache(maxsize=64)
def font(pixels: int, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setPixelSize(pixels)
    f.setBold(bold)
    return f


@lru_cache(maxsize=64)
def metrics(pixels: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(pixels, bold))


def node_size(kind: NodeKind) -> tuple[float, float]:
    if kind == NodeKind.DECISION:
        return DECISION_WIDTH, DECISION_HEIGHT
    return NODE_WIDTH, NODE_HEIGHT


# ---------------------------------------------------------------------- text fitting
def _split_long_word(word: str, fm: QFontMetricsF, width: float) -> list[str]:
    parts, current = [], ""
    for ch in word:
        if current and fm.horizontalAdvance(current + ch) > width:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return parts


def wrap_text(text: str, fm: QFontMetricsF, widths: list[float]) -> tuple[list[str], bool]:
    """Wrap `text` into at most len(widths) lines, line i no wider than widths[i].

    Returns (lines, complete): the last line is elided when the text does not fit.
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words):
        width = widths[min(len(lines), len(widths) - 1)]
        word = words[i]
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= width:
            current = candidate
            i += 1
            continue
        if current:
            lines.append(current)
            current = ""
        else:  # one word wider than the line: break it
            pieces = _split_long_word(word, fm, width)
            lines.append(pieces[0])
            rest = word[len(pieces[0]):]
            if rest:
                words[i] = rest
            else:
                i += 1
        if len(lines) >= len(widths):
            break
    if current and len(lines) < len(widths):
        lines.append(current)
        current = ""
    consumed_all = i >= len(words) and not current
    if not consumed_all and lines:
        rest = " ".join([lines[-1]] + ([current] if current else []) + words[i:])
        lines[-1] = fm.elidedText(rest + " …", Qt.TextElideMode.ElideRight, widths[len(lines) - 1])
        if not lines[-1].endswith("…"):
            lines[-1] = fm.elidedText(lines[-1] + "……", Qt.TextElideMode.ElideRight,
                                      widths[len(lines) - 1])
    return lines, consumed_all


# ---------------------------------------------------------------------- colours
STATUS_COLOURS = {  # fill, border
    CheckpointStatus.PLANNED: ("#ffffff", "#8a94a6"),
    CheckpointStatus.ACTIVE: ("#fff3d1", "#d89500"),
    CheckpointStatus.DONE: ("#e2f3e6", "#3c9a55"),
    CheckpointStatus.SKIPPED: ("#eef0f3", "#98a1ae"),
    CheckpointStatus.FAILED: ("#fbe3e3", "#c94040"),
}
KIND_COLOURS = {
    NodeKind.START: ("#dce9ff", "#3a6fd0"),
    NodeKind.WON: ("#d2f1da", "#2e8a4a"),
    NodeKind.LOST: ("#f6d9d9", "#b83a3a"),
    NodeKind.DECISION: ("#fff6dc", "#b98500"),
}
PATH_COLOUR = QColor("#2a64c8")
EDGE_COLOUR = QColor("#7a8599")
SELECT_COLOUR = QColor("#1d7bf0")
OVERDUE_COLOUR = QColor("#d23c3c")
FADED_OPACITY = 0.28


_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged


@lru_cache(maxsize=4096)
def fitted_title(title: str, kind: NodeKind) -> tuple[str, ...]:
    """The lines of a node's title inside its shape (cached: titles repeat across builds)."""
    if kind == NodeKind.DECISION:
        fm = metrics(12)
        lines: list[str] = []
        for widths in ([112.0], [96.0, 96.0], [70.0, 112.0, 70.0]):
            lines, complete = wrap_text(title, fm, widths)
            if complete:
                break
        return tuple(lines)
    if kind == NodeKind.CHECKPOINT:
        return tuple(wrap_text(title, metrics(13), [NODE_WIDTH - 22] * 3)[0])
    return tuple(wrap_text(title, metrics(13), [NODE_WIDTH - 44] * 2)[0])


class ConnectHandle(QGraphicsItem):
    """The small circle on a node's right side: drag from it to another node to connect."""

    RADIUS = 6.0

    def __init__(self, node_item: "NodeItem") -> None:
        super().__init__(node_item)
        self.node_item = node_item
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("Drag to another node to connect"))
        self._hover = False
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.RADIUS + 3, self.RADIUS + 3)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(PATH_COLOUR if self._hover else QColor("#6b7588"), 1.5))
        painter.setBrush(QColor("#ffffff") if not self._hover else QColor("#d8e6ff"))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        painter.drawLine(QLineF(-3, 0, 3, 0))
        painter.drawLine(QLineF(0, -3, 0, 3))

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

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

    def __init__(self, node: RoadmapNode) -> None:
        super().__init__()
        self.key = ("roadmap_nodes", node.id)
        self.node = node
        self.edges: list[EdgeItem] = []
        self.faded = False
        self.active = False
        self.current = False
        self.overdue = False
        self.passed = False
        self.lines: list[str] = []
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
        return NodeKind(self.node.kind)

    def size(self) -> tuple[float, float]:
        return node_size(self.kind)

    def set_node(self, node: RoadmapNode) -> None:
        self.prepareGeometryChange()
        self.node = node
        w, h = self.size()
        self.handle.setVisible(self.kind not in (NodeKind.WON, NodeKind.LOST))
        self.handle.setPos(w, h / 2)
        self._layout_text()
        self.setToolTip(self._tooltip())
        pos = QPointF(node.x, node.y)
        if pos != self.model_pos() or pos != self.pos():
            self.set_model_pos(pos)
        self.update()

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
                parts.append(escape(tr("Due: %1").replace("%1", self.node.due.strftime("%d.%m.%Y"))))
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

    # ------------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:  # noqa: N802
        w, h = self.size()
        return QRectF(-6, -6, w + 12, h + 12)

    def outline(self) -> QPainterPath:
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
        if self.kind == NodeKind.CHECKPOINT:
            fill, border = STATUS_COLOURS[CheckpointStatus(self.node.status)]
        else:
            fill, border = KIND_COLOURS[self.kind]
        return QColor(fill), QColor(border)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.size()
        fill, border = self.colours()
        outline = self.outline()
        if self.active:  # a warm glow around the active checkpoint
            painter.setPen(QPen(QColor(255, 190, 40, 150), 10))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline)
        pen = QPen(border, 2.4 if (self.active or self.passed) else 1.4)
        if self.kind == NodeKind.CHECKPOINT and self.node.status == CheckpointStatus.SKIPPED:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(outline)
        if self.current and not self.active:  # the next step on the road
            painter.setPen(QPen(PATH_COLOUR, 1.6, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = QPainterPath(outline)
            painter.drawPath(inner.translated(0, 0))
        if self.overdue:
            painter.setPen(QPen(OVERDUE_COLOUR, 2.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-4, -4, w + 8, h + 8), 10, 10)
        if self.isSelected():
            painter.setPen(QPen(SELECT_COLOUR, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.kind == NodeKind.DECISION:
                painter.drawPath(outline)
            painter.drawRect(QRectF(-3, -3, w + 6, h + 6))
        if self.kind == NodeKind.CHECKPOINT:
            self._paint_checkpoint(painter, w, h, border)
        elif self.kind == NodeKind.DECISION:
            self._paint_centered(painter, w, h, 12, 14.0)
        else:
            self._paint_centered(painter, w, h, 13, 16.0, bold=True)

    def _paint_centered(self, painter: QPainter, w: float, h: float, px: int, line_h: float,
                        bold: bool = False) -> None:
        painter.setPen(QColor("#1f2633"))
        painter.setFont(font(px, bold))
        top = (h - line_h * len(self.lines)) / 2
        for i, line in enumerate(self.lines):
            painter.drawText(QRectF(0, top + i * line_h, w, line_h),
                             Qt.AlignmentFlag.AlignCenter, line)

    def _paint_checkpoint(self, painter: QPainter, w: float, h: float, border: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(border)
        bar = QPainterPath()
        bar.addRoundedRect(QRectF(0, 0, 6, h), 3, 3)
        painter.drawPath(bar)
        painter.setPen(QColor("#1f2633"))
        painter.setFont(font(13))
        line_h = 15.5
        for i, line in enumerate(self.lines):
            painter.drawText(QRectF(12, 5 + i * line_h, w - 20, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.setFont(font(11))
        footer = QRectF(12, h - 18, w - 20, 14)
        painter.setPen(border.darker(130))
        status = status_text(self.node.status)
        painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, status)
        right = []
        if self.node.exit_criteria:
            done = sum(1 for c in self.node.exit_criteria if c.done)
            right.append(f"✓{done}/{len(self.node.exit_criteria)}")
        if self.node.due:
            right.append(self.node.due.strftime("%d.%m"))
        if right:
            painter.setPen(OVERDUE_COLOUR if self.overdue else QColor("#4a5466"))
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             "  ".join(right))


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
        self.label_rect = QRectF()
        self.label_text = ""
        self.label_lines: list[str] = []
        self.arrow = QPolygonF()
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
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
            return
        if self.source is self.target:
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
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        shape = stroker.createStroke(path)
        if self.label_text:
            shape.addRect(self.label_rect)
        self._shape = shape
        self._bounds = shape.boundingRect().united(self.arrow.boundingRect()).adjusted(-4, -4, 4, 4)
        self.update()

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
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.path.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = PATH_COLOUR if self.taken or self.chosen else EDGE_COLOUR
        width = 3.2 if self.taken else 1.6
        if self.isSelected():
            painter.setPen(QPen(QColor(29, 123, 240, 90), width + 6))
            painter.drawPath(self.path)
        pen = QPen(colour, width)
        if self.edge.loop:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(self.arrow)
        if self.label_text:
            painter.setPen(QPen(colour, 1.4 if self.chosen else 1.0))
            painter.setBrush(QColor("#e3edff") if self.chosen else QColor("#ffffff"))
            painter.drawRoundedRect(self.label_rect, 7, 7)
            painter.setPen(QColor("#1c3f86") if self.chosen else QColor("#2b3240"))
            painter.setFont(font(11, self.chosen))
            r = self.label_rect
            for i, line in enumerate(self.label_lines):
                painter.drawText(QRectF(r.left(), r.top() + 2 + 15 * i, r.width(), 15),
                                 Qt.AlignmentFlag.AlignCenter, line)
