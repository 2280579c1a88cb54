"""A stakeholder's card and the handle on its edge that starts a connection."""

from __future__ import annotations


from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
)

from accountmap.canvas.accountmap import style
from accountmap.canvas.accountmap.items.drawing import (
    ANTIALIASING, HIGHLIGHT, SELECTED, BoundsInQt, lod, tr, wrap_lines,
)
from accountmap.canvas.common.scene import EntityItem
from accountmap.domain.models import Stakeholder
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH


# ====================================================================== card


class CardItem(BoundsInQt, EntityItem):
    """One stakeholder: name, title, role badges, influence bar, attitude colour + symbol,
    open questions, a warning when the last contact is stale."""

    RICH_TOOLTIP = True  # `tooltip_text` is rich text, the user's words escaped in it

    Type = QGraphicsItem.UserType + 101
    NAME_FONT = style.font(9.5, bold=True)
    NAME_FONT_2 = style.font(8.5, bold=True)
    NAME_FONT_3 = style.font(7.5, bold=True)
    TITLE_FONT = style.font(8)
    SMALL_FONT = style.font(7.5)
    SMALL_BOLD = style.font(7.5, bold=True)
    BADGE_FONT = style.font(8.5, bold=True)
    FAR_FONT = style.font(19, bold=True)

    def __init__(self, person: Stakeholder) -> None:
        super().__init__()
        self.key = ("stakeholders", person.id)
        self.person = person
        self.fill = QColor("#c3c7cf")
        self.symbol = "0"
        self.questions = 0
        self.stale = False
        self.stale_text = ""
        self.highlighted = False
        self.drop_target = False
        self._layout: dict | None = None
        self.edges: list = []  # the EdgeItems that end here (edge.py knows this item, not the reverse)
        self.quiet = False  # dragged: the scene updates its lines once per step (setPos)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setZValue(self.Z)
        self.set_bounds(self.BOUNDS)  # held by Qt: asked hundreds of times per frame
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.handle = ConnectHandle(self)

    def type(self) -> int:  # noqa: A003 - Qt's name
        return self.Type

    @property
    def entity_id(self) -> str:
        return self.person.id

    def set_person(self, person: Stakeholder) -> None:
        self.person = person
        self._layout = None
        self.update()

    def set_look(self, fill: QColor, symbol: str, questions: int, stale: bool, stale_text: str) -> None:
        if (fill, symbol, questions, stale, stale_text) != (
                self.fill, self.symbol, self.questions, self.stale, self.stale_text):
            self.fill, self.symbol, self.questions = fill, symbol, questions
            self.stale, self.stale_text = stale, stale_text
            self._layout = None
            self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    BOUNDS = QRectF(-3, -3, CARD_WIDTH + 6, CARD_HEIGHT + 6)
    Z = 10  # above frames and lines; edge labels stack just above

    @classmethod
    def box_at(cls, pos: QPointF) -> tuple[float, float, float, float]:
        """The card's bounds at `pos` as plain floats (left, top, right, bottom)."""
        b = cls.BOUNDS
        return (pos.x() + b.left(), pos.y() + b.top(), pos.x() + b.right(), pos.y() + b.bottom())

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT))
        return path

    def centre_point(self) -> QPointF:
        return self.pos() + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)

    def rect_in_scene(self) -> QRectF:
        return QRectF(self.pos(), QSizeF(CARD_WIDTH, CARD_HEIGHT))

    def tooltip_text(self) -> str:
        from html import escape

        p = self.person
        lines = [f"<b>{escape(p.full_name) or escape(tr('(no name)'))}</b>"]
        if p.title:
            lines.append(escape(p.title))
        if p.roles:
            lines.append(escape(tr("Roles: %1").replace("%1", ", ".join(style.role_name(r) for r in p.roles))))
        lines.append(escape(tr("Attitude: %1").replace("%1", style.attitude_name(p.attitude))))
        lines.append(escape(tr("Influence: %1").replace("%1", style.influence_name(p.influence))))
        if self.questions:
            lines.append(escape(tr("Open questions: %1").replace("%1", str(self.questions))))
        if self.stale_text:
            lines.append(escape(self.stale_text))
        return "<br>".join(lines)

    # No Python `itemChange`: Qt would call it for every change of every card, ~9 times
    # for a card made (flags, z, child, scene, position: ~90 ms of opening 3,000 people)
    # and twice for every move. Our code moves a card with `setPos` (below: its lines
    # follow); a drag moves the dragged cards in Qt, and the scene updates their lines
    # once per step (AccountMapScene.mouseMoveEvent, `quiet`).
    def setPos(self, *args) -> None:  # noqa: N802 - Qt's name
        """Moves the card (as Qt's) and its lines with it: at once, or once per batch
        when the scene gathers them (`edge_batch`: a change of many rows, Arrange)."""
        if self.quiet or not self.edges:
            super().setPos(*args)
            return
        before = self.pos()
        super().setPos(*args)
        if self.pos() == before:
            return
        batch = getattr(self.scene(), "edge_batch", None)
        if batch is not None:
            batch.update(self.edges)
        else:
            for edge in self.edges:
                edge.update_geometry()

    def set_pos_in_batch(self, at: QPointF, batch: set) -> None:
        """`setPos` while the scene gathers the lines to update (`edge_batch`, given):
        the lines join it without asking where the card was (Arrange: 3,000 cards)."""
        super().setPos(at)
        if self.edges:
            batch.update(self.edges)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.setToolTip(self.tooltip_text())
        super().hoverEnterEvent(event)

    # ----------------------------------------------------------- painting
    def _compute_layout(self) -> dict:
        w = CARD_WIDTH
        title_metrics = QFontMetricsF(self.TITLE_FONT)
        small = QFontMetricsF(self.SMALL_BOLD)
        name = self.person.full_name or tr("(no name)")
        right_reserved = 36 + (22 if self.stale else 0)
        width = w - 16 - right_reserved
        # a long surname gets a smaller font rather than being cut in the middle
        longest = max(name.split(), key=len, default="")
        name_font = self.NAME_FONT
        for f in (self.NAME_FONT, self.NAME_FONT_2, self.NAME_FONT_3):
            name_font = f
            if QFontMetricsF(f).horizontalAdvance(longest) <= width:
                break
        name_metrics = QFontMetricsF(name_font)
        name_lines = wrap_lines(name, name_metrics, width, 2)
        title_lines = wrap_lines(self.person.title, title_metrics, w - 20, 2)
        badges: list[tuple[str, float]] = []
        x = 12.0
        roles = list(self.person.roles)
        limit = w - 10
        for i, role in enumerate(roles):
            label = style.role_short(role)
            bw = small.horizontalAdvance(label) + 8
            more = len(roles) - i - 1
            reserve = (small.horizontalAdvance(f"+{more}") + 6) if more else 0
            if x + bw + reserve > limit:
                badges.append((f"+{len(roles) - i}", -1))
                break
            badges.append((label, bw))
            x += bw + 4
        return {"name": name_lines, "title": title_lines, "badges": badges, "name_font": name_font,
                "name_h": name_metrics.height(), "title_h": title_metrics.height()}

    SHAPE_ONLY_ZOOM = 0.12  # further out a name would be a few pixels: a plain shape
    _FAR_BORDER = QPen(QColor("#7c8290"), 0)  # cosmetic: one pixel at any zoom

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = CARD_WIDTH, CARD_HEIGHT
        selected = self.isSelected()  # (option.state would make PySide type QStyle: ~9 ms)
        rect = QRectF(0, 0, w, h)
        if lod(painter) < self.SHAPE_ONLY_ZOOM:  # the whole of a big map: a coloured block
            painter.setRenderHint(ANTIALIASING, False)
            painter.setPen(QPen(HIGHLIGHT if self.highlighted else SELECTED, 0) if
                           (selected or self.highlighted) else self._FAR_BORDER)
            painter.setBrush(self.fill)
            painter.drawRect(rect)
            return
        tint = QColor(self.fill)
        tint.setAlpha(60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setBrush(tint)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setBrush(self.fill)
        painter.drawRoundedRect(QRectF(0, 0, 8, h), 3, 3)
        if self.highlighted:
            border = QPen(HIGHLIGHT, 4)
        elif selected:
            border = QPen(SELECTED, 2.5)
        elif self.drop_target:
            border = QPen(SELECTED, 1.5, Qt.PenStyle.DashLine)
        else:
            border = QPen(QColor("#7c8290"), 1)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 6, 6)
        if lod(painter) < 0.42:  # far away: only the name, big
            if self._layout is None:
                self._layout = {}
            lay = self._layout
            very_far = lod(painter) < 0.3
            if ("far", very_far) not in lay:
                name = self.person.full_name or tr("(no name)")
                if very_far and self.person.full_name.strip():  # only the surname, big
                    word = name.split()[0]
                    sizes, lines = (30, 26, 22), 1  # large; a long one is elided, not shrunk
                    name = word
                else:
                    sizes, lines = (19, 16, 13), (3 if not very_far else 2)
                longest = max(name.split(), key=len, default="")
                chosen = self.FAR_FONT
                for size in sizes:
                    chosen = style.font(size, bold=True)
                    if QFontMetricsF(chosen).horizontalAdvance(longest) <= w - 20:
                        break
                lay[("far", very_far)] = (chosen, wrap_lines(name, QFontMetricsF(chosen), w - 20, lines))
            far_font, far = lay[("far", very_far)]
            painter.setFont(far_font)
            painter.setPen(QColor("#111111"))
            painter.drawText(QRectF(12, 4, w - 16, h - 8),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             "\n".join(far))
            return
        if self._layout is None or "name" not in self._layout:
            self._layout = self._compute_layout()
        lay = self._layout
        # attitude badge (colour + symbol: readable in greyscale)
        badge = QRectF(w - 32, 6, 26, 22)
        painter.setPen(QPen(QColor("#333333"), 1))
        painter.setBrush(self.fill)
        painter.drawEllipse(badge)
        painter.setFont(self.BADGE_FONT)
        painter.setPen(style.readable_text_colour(self.fill))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.symbol)
        if self.stale:
            tri = QPolygonF([QPointF(w - 48, 8), QPointF(w - 38, 26), QPointF(w - 58, 26)])
            painter.setPen(QPen(QColor("#7a4b00"), 1))
            painter.setBrush(QColor("#ffcc33"))
            painter.drawPolygon(tri)
            painter.setFont(self.SMALL_BOLD)
            painter.setPen(QColor("#222222"))
            painter.drawText(QRectF(w - 58, 11, 20, 15), Qt.AlignmentFlag.AlignCenter, "!")
        # name and title
        y = 6.0
        painter.setFont(lay["name_font"])
        painter.setPen(QColor("#111111") if self.person.full_name else QColor("#8a8f99"))
        for line in lay["name"]:
            painter.drawText(QRectF(14, y, w - 20, lay["name_h"]),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += lay["name_h"]
        y = max(y, 30.0) + 1
        painter.setFont(self.TITLE_FONT)
        painter.setPen(QColor("#3d4250"))
        for line in lay["title"]:
            painter.drawText(QRectF(14, y, w - 20, lay["title_h"]),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += lay["title_h"]
        # role badges
        by = h - 44
        x = 12.0
        painter.setFont(self.SMALL_BOLD)
        for label, bw in lay["badges"]:
            if bw < 0:
                painter.setPen(QColor("#3d4250"))
                painter.drawText(QRectF(x, by, 40, 16), Qt.AlignmentFlag.AlignVCenter, label)
                break
            r = QRectF(x, by, bw, 16)
            painter.setPen(QPen(QColor("#4b5263"), 0.8))
            painter.setBrush(QColor("#eef0f5"))
            painter.drawRoundedRect(r, 3, 3)
            painter.setPen(QColor("#1d2230"))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
            x += bw + 4
        # influence bar
        iy = h - 20
        painter.setFont(self.SMALL_FONT)
        painter.setPen(QColor("#3d4250"))
        painter.drawText(QRectF(12, iy - 2, 70, 16), Qt.AlignmentFlag.AlignVCenter,
                         tr("Influence"))
        metrics = QFontMetricsF(self.SMALL_FONT)
        bx = 12 + metrics.horizontalAdvance(tr("Influence")) + 6
        level = style.INFLUENCE_LEVEL.get(self.person.influence, 2)
        for i in range(3):
            seg = QRectF(bx + i * 13, iy + 1 + (2 - i) * 3, 10, 12 - (2 - i) * 3)
            painter.setPen(QPen(QColor("#333a48"), 0.8))
            painter.setBrush(QColor("#333a48") if i < level else QColor("#ffffff"))
            painter.drawRect(seg)
        # open questions
        if self.questions:
            text = f"? {self.questions}"
            qw = QFontMetricsF(self.SMALL_BOLD).horizontalAdvance(text) + 10
            qr = QRectF(w - qw - 8, iy - 1, qw, 16)
            painter.setPen(QPen(QColor("#6a3fa0"), 1))
            painter.setBrush(QColor("#efe6fb"))
            painter.drawRoundedRect(qr, 7, 7)
            painter.setFont(self.SMALL_BOLD)
            painter.setPen(QColor("#3b1f63"))
            painter.drawText(qr, Qt.AlignmentFlag.AlignCenter, text)


_HANDLE_LOOKS: tuple = ()


def _handle_looks() -> tuple:
    """The handles' pen, brush, mark path, mark pen and mark brush, made once: Qt shares
    them among the items (a path, pen and brush of its own per handle was ~0.9 KB a card,
    issue 15, memory)."""
    global _HANDLE_LOOKS
    if not _HANDLE_LOOKS:
        radius = ConnectHandle.RADIUS - 1
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), radius, radius)
        path.moveTo(-3, 0)
        path.lineTo(3, 0)
        path.moveTo(0, -3)
        path.lineTo(0, 3)
        _HANDLE_LOOKS = (QPen(Qt.PenStyle.NoPen), QBrush(Qt.BrushStyle.NoBrush), path,
                         QPen(QColor("#1f6fd1"), 1.2), QBrush(QColor("#ffffff")))
    return _HANDLE_LOOKS


class ConnectHandle(QGraphicsRectItem):
    """The small circle on a card's right edge: drag from it to another card to connect.

    The handle itself is an invisible square (the grab area); the circle with its plus is
    a child path item. Both are drawn by Qt itself: no Python call per frame for the 300
    handles of a big map (only the mouse gestures below are Python)."""

    RADIUS = 7.0

    def __init__(self, card: CardItem) -> None:
        r = self.RADIUS + 1
        super().__init__(QRectF(-r, -r, 2 * r, 2 * r), card)
        self.card = card
        looks = _handle_looks()  # one path, pen and brush shared by every handle
        self.setPen(looks[0])
        self.setBrush(looks[1])
        self.setPos(CARD_WIDTH, CARD_HEIGHT / 2)
        self.setZValue(1)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.mark = QGraphicsPathItem(looks[2], self)
        self.mark.setPen(looks[3])
        self.mark.setBrush(looks[4])
        self.mark.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the handle takes them
        self.mark.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # a copied pixmap
        self._line: QGraphicsLineItem | None = None
        self._target: CardItem | None = None

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        """Made when asked, as a line's (edge.py): 3,000 handles need none when a map opens."""
        return tr("Drag to another card to connect")

    def set_drawn(self, drawn: bool) -> None:
        """Offscreen renders show no handles (the grab area stays, it draws nothing)."""
        self.mark.setVisible(drawn)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        start = self.scenePos()
        self._line = QGraphicsLineItem(QLineF(start, start))
        self._line.setPen(QPen(QColor("#1f6fd1"), 2, Qt.PenStyle.DashLine))
        self._line.setZValue(100)
        self.scene().addItem(self._line)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._line is None:
            return
        self._line.setLine(QLineF(self.scenePos(), event.scenePos()))
        target = self.scene().card_at(event.scenePos(), exclude=None)
        if target is not self._target:
            if self._target is not None:
                self._target.set_drop_target(False)
            self._target = target if target is not self.card else None
            if self._target is not None:
                self._target.set_drop_target(True)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._line is None:
            return
        self.scene().removeItem(self._line)
        self._line = None
        if self._target is not None:
            self._target.set_drop_target(False)
            self._target = None
        target = self.scene().card_at(event.scenePos(), exclude=None)
        if target is not None:
            self.scene().connect_people(self.card.entity_id, target.entity_id)


