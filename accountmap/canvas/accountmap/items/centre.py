"""A decision centre's frame."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from accountmap.canvas.accountmap import style
from accountmap.canvas.accountmap.items.drawing import HIGHLIGHT, SELECTED, lod, tr
from accountmap.canvas.common.scene import EntityItem
from accountmap.domain.models import DecisionCentre
from accountmap.layout.sizes import CENTRE_HEADER


# ====================================================================== centre
class CentreItem(QGraphicsItem, EntityItem):
    """A decision centre (ЦФР): a labelled frame containing cards; resizable by its
    bottom-right handle; moving it moves its cards."""

    RICH_TOOLTIP = True  # `tooltip_text` is rich text, the user's words escaped in it

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
        selected = self.isSelected()
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
        far = lod(painter) < 0.42
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


