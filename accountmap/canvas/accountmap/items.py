"""The items of the account map: stakeholder cards, decision-centre frames, relationship
edges. Items only draw what the scene tells them and report gestures to the scene; they
never write the model (see ARCHITECTURE.md, "One direction for data")."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSizeF, Qt
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
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QStyle,
    QStyleOptionGraphicsItem,
)

from accountmap.canvas.accountmap import style
from accountmap.canvas.common.scene import EntityItem
from accountmap.domain.models import DecisionCentre, Relationship, Stakeholder
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH, CENTRE_HEADER

SELECTED = QColor("#1f6fd1")
SELECTED_HALO = QColor(31, 111, 209, 90)
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
HIGHLIGHT = QColor("#ff9800")


def tr(text: str) -> str:
    return QCoreApplication.translate("AccountMapItems", text)


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Word-wrap `text` into at most `max_lines` lines of `width`; the last one elided."""
    text = " ".join(text.split())
    if not text:
        return []
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines - 1:
        if metrics.horizontalAdvance(rest) <= width:
            lines.append(rest)
            return lines
        words = rest.split(" ")
        line = ""
        used = 0
        for word in words:
            candidate = f"{line} {word}" if line else word
            if metrics.horizontalAdvance(candidate) <= width:
                line = candidate
                used += 1
            else:
                break
        if not line:  # one word longer than the line: break it by characters
            cut = max(1, len(metrics.elidedText(words[0], Qt.TextElideMode.ElideNone, width)))
            while cut > 1 and metrics.horizontalAdvance(words[0][:cut]) > width:
                cut -= 1
            lines.append(words[0][:cut])
            rest = " ".join([words[0][cut:]] + words[1:])
        else:
            lines.append(line)
            rest = " ".join(words[used:])
    if rest:
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


# ====================================================================== card
class CardItem(QGraphicsItem, EntityItem):
    """One stakeholder: name, title, role badges, influence bar, attitude colour + symbol,
    open questions, a warning when the last contact is stale."""

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
        self.edges: list[EdgeItem] = []
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(self.Z)
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

    def boundingRect(self) -> QRectF:  # noqa: N802 - asked hundreds of times per frame
        return self.BOUNDS

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

    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.edges:
            scene = self.scene()
            batch = getattr(scene, "edge_batch", None)
            if batch is not None:  # a drag step: the scene updates each edge once, after
                batch.update(self.edges)
            else:
                for edge in self.edges:
                    edge.update_geometry()
        return super().itemChange(change, value)

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

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = CARD_WIDTH, CARD_HEIGHT
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = QRectF(0, 0, w, h)
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
        if _lod(painter) < 0.42:  # far away: only the name, big
            if self._layout is None:
                self._layout = {}
            lay = self._layout
            very_far = _lod(painter) < 0.3
            if ("far", very_far) not in lay:
                name = self.person.full_name or tr("(no name)")
                if very_far and self.person.full_name.strip():  # only the surname, big
                    word = name.split()[0]
                    sizes, lines = (30, 26, 22, 18, 15, 13), 1
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
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.setPos(CARD_WIDTH, CARD_HEIGHT / 2)
        self.setZValue(1)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("Drag to another card to connect"))
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.RADIUS - 1, self.RADIUS - 1)
        path.moveTo(-3, 0)
        path.lineTo(3, 0)
        path.moveTo(0, -3)
        path.lineTo(0, 3)
        self.mark = QGraphicsPathItem(path, self)
        self.mark.setPen(QPen(QColor("#1f6fd1"), 1.2))
        self.mark.setBrush(QColor("#ffffff"))
        self.mark.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the handle takes them
        self.mark.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # a copied pixmap
        self._line: QGraphicsLineItem | None = None
        self._target: CardItem | None = None

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


# ====================================================================== centre
class CentreItem(QGraphicsItem, EntityItem):
    """A decision centre (ЦФР): a labelled frame containing cards; resizable by its
    bottom-right handle; moving it moves its cards."""

    Type = QGraphicsItem.UserType + 102
    HANDLE = 16.0
    MIN_W = 160.0
    MIN_H = 90.0
    NAME_FONT = style.font(11, bold=True)
    SMALL_FONT = style.font(8)
    FAR_FONT = style.font(26, bold=True)

    def __init__(self, centre: DecisionCentre) -> None:
        super().__init__()
        self.key = ("decision_centres", centre.id)
        self.centre = centre
        self.size = QSizeF(centre.width, centre.height)
        self.uncovered = False  # coverage overlay: no supporter or champion inside
        self.show_coverage = False
        self.drop_target = False
        self.highlighted = False
        self.member_count = 0
        self._resizing: QPointF | None = None
        self._header_path: tuple[float, QPainterPath] | None = None  # (width, path)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(-10)
        self.setAcceptHoverEvents(True)

    def type(self) -> int:  # noqa: A003
        return self.Type

    @property
    def entity_id(self) -> str:
        return self.centre.id

    def set_centre(self, centre: DecisionCentre) -> None:
        self.centre = centre
        size = QSizeF(centre.width, centre.height)
        if size != self.size:
            self.prepareGeometryChange()
            self.size = size
        self.setToolTip(self.tooltip_text())
        self.update()

    def tooltip_text(self) -> str:
        from html import escape

        parts = [f"<b>{escape(self.centre.name or tr('(unnamed decision centre)'))}</b>"]
        if self.centre.interest:
            parts.append(escape(tr("Collective interest: %1").replace("%1", self.centre.interest)))
        parts.append(escape(tr("People: %1").replace("%1", str(self.member_count))))
        if self.show_coverage and self.uncovered:
            parts.append(escape(tr("No supporter or champion here")))
        return "<br>".join(parts)

    def set_flags(self, *, uncovered: bool, show_coverage: bool, members: int) -> None:
        if (uncovered, show_coverage, members) != (self.uncovered, self.show_coverage, self.member_count):
            self.uncovered, self.show_coverage, self.member_count = uncovered, show_coverage, members
            self.setToolTip(self.tooltip_text())
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def rect(self) -> QRectF:
        return QRectF(QPointF(0, 0), self.size)

    def rect_in_scene(self) -> QRectF:
        return QRectF(self.pos(), self.size)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect().adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        return path

    def handle_rect(self) -> QRectF:
        return QRectF(self.size.width() - self.HANDLE, self.size.height() - self.HANDLE,
                      self.HANDLE, self.HANDLE)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = self.rect()
        warn = self.show_coverage and self.uncovered
        painter.setBrush(QColor("#f3f5fa") if not warn else QColor("#fdf0ef"))
        if self.highlighted:
            pen = QPen(HIGHLIGHT, 4)
        elif selected:
            pen = QPen(SELECTED, 2.5)
        elif self.drop_target:
            pen = QPen(SELECTED, 2.5, Qt.PenStyle.DashLine)
        elif warn:
            pen = QPen(QColor("#c62828"), 2.5, Qt.PenStyle.DashDotLine)
        else:
            pen = QPen(QColor("#9aa1b0"), 1.2)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 10, 10)
        header = QRectF(0, 0, rect.width(), CENTRE_HEADER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dde3ee") if not warn else QColor("#f6d5d2"))
        if self._header_path is None or self._header_path[0] != rect.width():
            path = QPainterPath()
            path.addRoundedRect(header, 10, 10)
            clip = QPainterPath()
            clip.addRect(QRectF(0, 0, rect.width(), CENTRE_HEADER))
            self._header_path = (rect.width(), path.intersected(clip))
        painter.drawPath(self._header_path[1])
        far = _lod(painter) < 0.42
        name = self.centre.name or tr("(unnamed decision centre)")
        painter.setPen(QColor("#1c2333"))
        if far:  # big, over the header and the padding above the first row of cards
            chosen = self.FAR_FONT
            for size in (28, 24, 20, 16):
                chosen = style.font(size, bold=True)
                if QFontMetricsF(chosen).horizontalAdvance(name) <= rect.width() - 20:
                    break
            painter.setFont(chosen)
            metrics = QFontMetricsF(chosen)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width() - 20)
            painter.drawText(QRectF(10, 0, rect.width() - 20, CENTRE_HEADER + 18),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        else:
            painter.setFont(self.NAME_FONT)
            metrics = QFontMetricsF(self.NAME_FONT)
            marker = "⚠ " if warn else ""
            count = f"  ({self.member_count})"
            width = rect.width() - 24 - metrics.horizontalAdvance(count + marker)
            text = marker + metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(20.0, width)) + count
            painter.drawText(QRectF(12, 0, rect.width() - 20, CENTRE_HEADER * (0.62 if warn else 1)),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            if warn:
                painter.setFont(self.SMALL_FONT)
                painter.setPen(QColor("#a11a1a"))
                painter.drawText(QRectF(12, CENTRE_HEADER * 0.55, rect.width() - 20, CENTRE_HEADER * 0.45),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 QFontMetricsF(self.SMALL_FONT).elidedText(
                                     tr("No supporter or champion here"),
                                     Qt.TextElideMode.ElideRight, rect.width() - 24))
        scene = self.scene()
        if not (scene is not None and getattr(scene, "render_mode", False)):
            hr = self.handle_rect()
            painter.setPen(QPen(QColor("#7c8290"), 1.2))
            for i in (4, 8, 12):
                painter.drawLine(QPointF(hr.right() - i, hr.bottom() - 2),
                                 QPointF(hr.right() - 2, hr.bottom() - i))

    # ------------------------------------------------------------ moving with cards
    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.scene():
            delta = self.pos() - self.model_pos()
            for card in self.scene().cards_in_centre(self.entity_id):
                if not card.isSelected():
                    card.setPos(card.model_pos() + delta)
        return super().itemChange(change, value)

    # ------------------------------------------------------------ resizing
    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        if self.handle_rect().adjusted(-2, -2, 2, 2).contains(event.pos()):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        else:
            self.unsetCursor()
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and \
                self.handle_rect().adjusted(-2, -2, 2, 2).contains(event.pos()):
            self._resizing = QPointF(self.size.width(), self.size.height()) - event.pos()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._resizing is not None:
            corner = event.pos() + self._resizing
            self.prepareGeometryChange()
            self.size = QSizeF(max(self.MIN_W, corner.x()), max(self.MIN_H, corner.y()))
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._resizing is not None:
            self._resizing = None
            self.scene().commit_resize(self)
            return
        super().mouseReleaseEvent(event)


# ====================================================================== edge
class EdgeItem(QGraphicsItem, EntityItem):
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
        self._bounds = QRectF()
        self._shape = QPainterPath()
        self._pen: QPen | None = None
        self._pen_colour = QColor()
        self._short = True
        self._label = ""
        self._label_size = QSizeF()
        self._label_box = QRectF()
        self._label_t = 0.5  # where along the line the label sits (see place_label)
        self._label_free = True  # False: squeezed between its cards, not shown
        self.label_item: EdgeLabel | None = None
        self._set_label()
        self._arrow: QPolygonF | None = None
        self.offset = 0.0  # sideways shift when several lines join the same two people
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
        self._pen = None
        self._set_label()
        self.setToolTip(self.tooltip_text())
        self.update_geometry()

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

    def has_arrow(self) -> bool:
        return self.relationship.kind in (RelationshipKind.INFLUENCES, RelationshipKind.REPORTS_TO)

    def update_geometry(self) -> None:
        # plain floats: this runs for every edge of every dragged card at every mouse step
        sp, tp = self.source.pos(), self.target.pos()
        ax, ay = sp.x() + CARD_WIDTH / 2, sp.y() + CARD_HEIGHT / 2
        bx, by = tp.x() + CARD_WIDTH / 2, tp.y() + CARD_HEIGHT / 2
        if self.offset:
            length = math.hypot(bx - ax, by - ay) or 1.0
            sx, sy = -(by - ay) / length * self.offset, (bx - ax) / length * self.offset
            if self.source.entity_id > self.target.entity_id:
                sx, sy = -sx, -sy  # the same side whichever way the line points
            ax, ay, bx, by = ax + sx, ay + sy, bx + sx, by + sy
        # where the segment leaves each card (both cards have the same size: same t)
        dx, dy = bx - ax, by - ay
        if dx == 0 and dy == 0:
            p1, p2 = QPointF(ax, ay), QPointF(bx, by)
        else:
            tx = (CARD_WIDTH / 2) / abs(dx) if dx else math.inf
            ty = (CARD_HEIGHT / 2) / abs(dy) if dy else math.inf
            t = min(tx, ty, 1.0)
            p1, p2 = QPointF(ax + dx * t, ay + dy * t), QPointF(bx - dx * t, by - dy * t)
        self.prepareGeometryChange()  # schedules the repaint of the old and new area
        self.line = QLineF(p1, p2)
        self._short = self.line.length() < 1
        self._shape = None  # the hit-test outline is built when Qt asks for it
        self._arrow = None
        bounds = QRectF(p1, p2).normalized().adjusted(-14, -14, 14, 14)
        if self._label:
            self._label_box = self._label_rect(self._label_t)
            self.label_item.setPos(self._label_box.topLeft())
            box = self._label_box
            shown = self._label_free and not self._overlaps_any(
                (box.left(), box.top(), box.right(), box.bottom()), self._own_boxes())
            if shown:
                bounds = bounds.united(self._label_box)
            if shown != self.label_item.isVisible():
                self.label_item.setVisible(shown)
        self._bounds = bounds

    # tried in turn: the middle first, then outwards on either side
    LABEL_SPOTS = (0.5,) + tuple(t for k in range(1, 7) for t in (0.5 - 0.06 * k, 0.5 + 0.06 * k))

    def _label_rect(self, t: float = 0.5) -> QRectF:
        w, h = self._label_size.width(), self._label_size.height()
        at = self.line.pointAt(t)
        return QRectF(at.x() - w / 2, at.y() - h / 2, w, h)

    def _own_boxes(self) -> tuple[tuple[float, float, float, float], ...]:
        return CardItem.box_at(self.source.pos()), CardItem.box_at(self.target.pos())

    @staticmethod
    def _overlaps_any(box: tuple[float, float, float, float], boxes) -> bool:
        """Whether a (left, top, right, bottom) box overlaps any of `boxes`."""
        return any(box[0] < right and left < box[2] and box[1] < bottom and top < box[3]
                   for left, top, right, bottom in boxes)

    def place_label(self, hidden_area) -> tuple[float, float, float, float] | None:
        """Put the label where cards (and labels placed before) hide the least of it: the
        first spot along the line that nothing touches, else the least hidden one
        (`hidden_area(l, t, r, b)` says how much of a box is covered). Squeezed between
        its own two cards, where it could only show as a fragment, the label is left to
        the tooltip and the panel. Returns the box it takes, if shown."""
        if not self._label:
            return None
        # plain floats: this runs for every labelled edge after each change of the map
        half_w, half_h = self._label_size.width() / 2, self._label_size.height() / 2
        x1, y1, x2, y2 = self.line.x1(), self.line.y1(), self.line.x2(), self.line.y2()
        own = self._own_boxes()
        best, least = None, math.inf
        for spot in self.LABEL_SPOTS:
            cx, cy = x1 + (x2 - x1) * spot, y1 + (y2 - y1) * spot
            box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
            if self._overlaps_any(box, own):
                continue
            area = hidden_area(*box)
            if area < least:
                best, least = spot, area
                if area == 0:
                    break
        t, shown = (best, True) if best is not None else (self._label_t, False)
        if (t, shown) != (self._label_t, self._label_free):
            self._label_t, self._label_free = t, shown
            self.update_geometry()
        if not shown:
            return None
        cx, cy = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
        return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)

    def _set_label(self) -> None:
        metrics = QFontMetricsF(self.LABEL_FONT)
        self._label = self._label_text(metrics)
        self._label_size = QSizeF(metrics.horizontalAdvance(self._label) + 8, metrics.height() + 2)
        if self._label:
            if self.label_item is None:
                self.label_item = EdgeLabel(self)
                self.label_item.setToolTip(self.toolTip())
                if self.scene() is not None:
                    self.scene().addItem(self.label_item)
            self.label_item.set_text(self._label, self._label_size)
        elif self.label_item is not None:
            if self.label_item.scene() is not None:
                self.label_item.scene().removeItem(self.label_item)
            self.label_item = None

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setToolTip(text)
        if self.label_item is not None:  # hovering the label says the same
            self.label_item.setToolTip(text)

    def itemChange(self, change, value):  # noqa: N802
        # the label is an item of its own above the cards: it joins and leaves the scene
        # with its edge
        if change == QGraphicsItem.GraphicsItemChange.ItemSceneHasChanged and self.label_item is not None:
            old = self.label_item.scene()
            if old is not value:
                if old is not None:
                    old.removeItem(self.label_item)
                if value is not None:
                    value.addItem(self.label_item)
        return super().itemChange(change, value)

    def _label_text(self, metrics: QFontMetricsF) -> str:
        return metrics.elidedText(" ".join(self.relationship.label.split()),
                                  Qt.TextElideMode.ElideRight, 180)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self.line.p1())
            path.lineTo(self.line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            self._shape = stroker.createStroke(path)
        return self._shape

    def _arrow_geometry(self, width: float) -> tuple[QLineF, QPolygonF | None]:
        """The line to stroke and the arrow head (None: no head), cached until it moves."""
        if self._arrow is None:
            line = QLineF(self.line)
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

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # kept lean: it runs for every visible edge at every frame of a drag
        if self._short:
            return
        if self._pen is None:  # built once per relationship (reset when it changes)
            self._pen = self.pen()
            self._pen_colour = self._pen.color()
        pen = self._pen
        if getattr(self.scene(), "dragging", False):
            # while cards are dragged: plain lines are several times cheaper to draw
            painter.setRenderHint(_ANTIALIASING, False)
        if self.isSelected():  # the same as State_Selected in option.state, cheaper to ask
            painter.setPen(QPen(SELECTED_HALO, pen.widthF() + 6))
            painter.drawLine(self.line)
        painter.setPen(pen)
        line, head = self._arrow or self._arrow_geometry(pen.widthF())
        painter.drawLine(line)
        if head is not None:
            painter.setPen(_NO_PEN)
            painter.setBrush(self._pen_colour)
            painter.drawPolygon(head)


class EdgeLabel(QGraphicsItem):
    """The label of an edge: its own item, drawn once into a pixmap and copied at each
    frame (edges are repainted at every step of a drag), and stacked above the cards so
    that where cards cross its line it stays readable (EdgeItem.place_label keeps it off
    them where it can)."""

    def __init__(self, edge: EdgeItem) -> None:
        super().__init__()
        self.edge = edge
        self.setZValue(CardItem.Z + 1)
        self.text = ""
        self.size = QSizeF()
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)  # a click selects the edge
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The label stands for its relationship: a click selects the edge (Ctrl adds it)."""
        scene = self.scene()
        if scene is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            scene.clearSelection()
        self.edge.setSelected(True)
        event.accept()

    def set_text(self, text: str, size: QSizeF) -> None:
        if (text, size) != (self.text, self.size):
            self.prepareGeometryChange()
            self.text, self.size = text, QSizeF(size)
            self._bounds = QRectF(QPointF(0, 0), self.size).adjusted(-1, -1, 1, 1)
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = QRectF(QPointF(0, 0), self.size)
        painter.setPen(EdgeItem.LABEL_FRAME)
        painter.setBrush(EdgeItem.LABEL_FILL)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(EdgeItem.LABEL_FONT)
        painter.setPen(EdgeItem.LABEL_INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
