"""What the items of the account map share: selection colours, the translation context,
word wrapping and the level of detail of a painter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem

SELECTED = QColor("#1f6fd1")
SELECTED_HALO = QColor(31, 111, 209, 90)
ANTIALIASING = QPainter.RenderHint.Antialiasing
NO_PEN = Qt.PenStyle.NoPen
HIGHLIGHT = QColor("#ff9800")


class BoundsInQt(QGraphicsRectItem):
    """An item whose bounding rect Qt itself holds (`set_bounds`; no pen, no brush: the
    subclass paints). Each repaint asks every top-level item that is not transparent for
    its bounds, and during a drag (no BSP index) that is every item of the map: a
    `boundingRect` written in Python was ~3,000 calls into Python per frame at 1,000
    people, one from C++ costs nothing."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPen(NO_PEN)

    def set_bounds(self, rect) -> None:
        """The new bounds (repaints the old and the new area when they differ)."""
        self.setRect(rect)


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


def lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())

