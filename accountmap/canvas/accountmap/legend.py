"""The legend of the account map: what colours, symbols and lines mean, and, in the
coverage overlay, which buying roles nobody fills. Painted by one function, used by the
on-screen legend (a widget over the view) and by the offscreen render (a scene item)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QWidget

from accountmap.canvas.accountmap import style
from accountmap.domain import account_rules
from accountmap.domain.vocabulary import Attitude, RelationshipKind


def tr(text: str) -> str:
    return QCoreApplication.translate("AccountMapLegend", text)


TITLE_FONT = style.font(8.5, bold=True)
TEXT_FONT = style.font(8)
ROW = 17.0
PAD = 8.0


def legend_content(scene) -> dict:
    """{"title", "swatches": [(colour, symbol, text)], "edges": [(kind, text)], "warnings"}"""
    overlay = scene.overlay
    swatches: list[tuple[QColor, str, str]] = []
    if overlay == style.OVERLAY_STAGE:
        framework = scene.context.document.settings.journey_framework
        n = len(framework.stations)
        lang = scene.context.lang
        for i, station in enumerate(framework.stations):
            swatches.append((style.stage_colour(i, n), str(i + 1), station.name(lang)))
        swatches.append((style.stage_colour(None, n), "–", tr("Stage not set")))
        title = tr("Journey stage")
    elif overlay == style.OVERLAY_STRENGTH:
        for s in range(6):
            swatches.append((style.strength_colour(s), str(s),
                             tr("No relationship") if s == 0 else tr("Strength %1").replace("%1", str(s))))
        title = tr("Our relationship strength")
    else:
        for a in Attitude:
            swatches.append((style.ATTITUDE_COLOURS[a], style.ATTITUDE_SYMBOLS[a], style.attitude_name(a)))
        title = tr("Attitude to us")
    edges = [(k, style.relationship_name(k)) for k in RelationshipKind]
    warnings: list[str] = []
    if overlay == style.OVERLAY_COVERAGE:
        account = scene.account
        for role in account_rules.unfilled_roles(account):
            warnings.append(style.no_role_text(role))
        uncovered = account_rules.uncovered_centres(account)
        if uncovered:
            warnings.append(tr("Decision centres without a supporter: %1").replace("%1", str(len(uncovered))))
        if not warnings:
            warnings = ["✓ " + tr("Every key buying role is filled"),
                        "✓ " + tr("Every decision centre has a supporter")]
    return {"title": title, "swatches": swatches, "edges": edges, "warnings": warnings}


def legend_size(content: dict) -> QSizeF:
    tm = QFontMetricsF(TEXT_FONT)
    width = QFontMetricsF(TITLE_FONT).horizontalAdvance(content["title"])
    for _c, _s, text in content["swatches"]:
        width = max(width, 26 + tm.horizontalAdvance(text))
    for _k, text in content["edges"]:
        width = max(width, 40 + tm.horizontalAdvance(text))
    for text in content["warnings"]:
        width = max(width, 20 + tm.horizontalAdvance(text))
    width = min(width, 420)
    rows = 1 + len(content["swatches"]) + len(content["edges"]) + 0.5
    if content["warnings"]:
        rows += len(content["warnings"]) + 0.5
    return QSizeF(width + 2 * PAD, rows * ROW + 2 * PAD)


def paint_legend(painter: QPainter, origin: QPointF, content: dict) -> QSizeF:
    size = legend_size(content)
    rect = QRectF(origin, size)
    painter.save()
    painter.setPen(QPen(QColor("#9aa1b0"), 1))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(rect, 6, 6)
    x0, y = origin.x() + PAD, origin.y() + PAD
    inner = size.width() - 2 * PAD
    tm = QFontMetricsF(TEXT_FONT)
    painter.setFont(TITLE_FONT)
    painter.setPen(QColor("#1c2333"))
    painter.drawText(QRectF(x0, y, inner, ROW), Qt.AlignmentFlag.AlignVCenter, content["title"])
    y += ROW
    for colour, symbol, text in content["swatches"]:
        painter.setPen(QPen(QColor("#333333"), 0.8))
        painter.setBrush(colour)
        box = QRectF(x0, y + 1.5, 20, ROW - 3)
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(TITLE_FONT)
        painter.setPen(style.readable_text_colour(colour))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, symbol)
        painter.setFont(TEXT_FONT)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(x0 + 26, y, inner - 26, ROW), Qt.AlignmentFlag.AlignVCenter,
                         tm.elidedText(text, Qt.TextElideMode.ElideRight, inner - 26))
        y += ROW
    y += ROW * 0.5
    for kind, text in content["edges"]:
        from accountmap.canvas.accountmap.items import EdgeItem
        from accountmap.domain.models import Relationship

        pen = EdgeItem.pen(_FakeEdge(Relationship(from_id="a", to_id="b", kind=kind, strength=3)))
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y + ROW / 2), QPointF(x0 + 30, y + ROW / 2))
        if kind in (RelationshipKind.INFLUENCES, RelationshipKind.REPORTS_TO):
            painter.setBrush(pen.color())
            painter.setPen(Qt.PenStyle.NoPen)
            tip = QPointF(x0 + 34, y + ROW / 2)
            painter.drawPolygon(QPolygonF([tip, tip + QPointF(-8, -4), tip + QPointF(-8, 4)]))
        painter.setFont(TEXT_FONT)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(x0 + 40, y, inner - 40, ROW), Qt.AlignmentFlag.AlignVCenter, text)
        y += ROW
    if content["warnings"]:
        y += ROW * 0.5
        for text in content["warnings"]:
            painter.setFont(TEXT_FONT)
            ok = text.startswith("✓")
            painter.setPen(QColor("#1e6b35") if ok else QColor("#a11a1a"))
            painter.drawText(QRectF(x0, y, inner, ROW), Qt.AlignmentFlag.AlignVCenter,
                             tm.elidedText(text if ok else "⚠ " + text, Qt.TextElideMode.ElideRight, inner))
            y += ROW
    painter.restore()
    return size


class _FakeEdge:
    def __init__(self, relationship) -> None:
        self.relationship = relationship


class LegendWidget(QWidget):
    """The legend floating in the view's bottom-left corner."""

    def __init__(self, scene, parent) -> None:
        super().__init__(parent)
        self.scene = scene
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.refresh()

    def refresh(self) -> None:
        self.content = legend_content(self.scene)
        self._pixmap = None  # painted once, then copied: it is repainted with every frame
        size = legend_size(self.content)
        self.resize(int(size.width()) + 2, int(size.height()) + 2)
        self.reposition()
        self.update()

    def reposition(self) -> None:
        """In the bottom-left corner of the view's viewport. (A child of the view, not of
        the viewport: the viewport's children scroll with the canvas.)"""
        parent = self.parentWidget()
        if parent is None:
            return
        area = parent.viewport().geometry() if hasattr(parent, "viewport") else parent.rect()
        self.move(area.left() + 10, max(area.top() + 10, area.bottom() - self.height() - 10))

    def paintEvent(self, event) -> None:  # noqa: N802
        ratio = self.devicePixelRatioF()
        pixmap = self._pixmap
        if pixmap is None or pixmap.devicePixelRatio() != ratio or \
                pixmap.deviceIndependentSize().toSize() != self.size():
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            cache = QPainter(pixmap)
            cache.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            paint_legend(cache, QPointF(0.5, 0.5), self.content)
            cache.end()
            self._pixmap = pixmap
        painter = QPainter(self)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()


class LegendItem(QGraphicsItem):
    """The legend as a scene item (for the offscreen render)."""

    def __init__(self, scene) -> None:
        super().__init__()
        self.content = legend_content(scene)
        self.size = legend_size(self.content)
        self.setZValue(1000)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(QPointF(0, 0), self.size).adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        paint_legend(painter, QPointF(0, 0), self.content)
