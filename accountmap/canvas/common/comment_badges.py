"""Review comments shown on a canvas: a small badge with the number of open comments at
the top-right corner of each person's card or checkpoint's node (docs/REVIEW.md).

The badge is a child of the entity's item and takes no mouse button, so it never gets in
the way of a drag or a click; its tooltip holds the comments. It follows the document
(`rowsChanged`, connected after the scene's own handler, so items made anew get theirs).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem
from shiboken6 import isValid

COMMENTS = "review_comments"
FILL = QColor("#f2b705")
INK = QColor("#3b2f00")


def tr(text: str) -> str:
    return QCoreApplication.translate("CommentBadges", text)


class CommentBadge(QGraphicsItem):
    SIZE = 18.0

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.count = 0
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # the same size on screen at any zoom (a whole map fitted in view still shows it)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(50)

    def boundingRect(self) -> QRectF:  # noqa: N802  (centred on the card's corner)
        return QRectF(-self.width() / 2, -self.SIZE / 2, self.width(), self.SIZE)

    def width(self) -> float:
        return self.SIZE + 7 * max(0, len(str(self.count)) - 1)

    def set_count(self, count: int, tip: str) -> None:
        self.prepareGeometryChange()
        self.count = count
        self.setToolTip(tip)
        box = self.parentItem().boundingRect()
        self.setPos(box.right() - 4, box.top() + 4)
        self.update()

    def paint(self, painter, option, widget=None) -> None:
        rect = self.boundingRect()
        painter.setPen(QPen(INK, 1))
        painter.setBrush(QBrush(FILL))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        font = QFont(painter.font())
        font.setPointSizeF(8)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self.count))


class CommentBadges:
    """Keeps the badges of one scene's items of `table`, whose comments name them in
    `field` (stakeholders / stakeholder_id, roadmap_nodes / checkpoint_id)."""

    def __init__(self, scene, table: str, field: str) -> None:
        self.scene, self.table, self.field = scene, table, field
        self.badges: dict[str, CommentBadge] = {}
        scene.context.document.rowsChanged.connect(self._on_rows_changed)
        self.refresh()

    def _on_rows_changed(self, account_id: str, table: str, ids: list) -> None:
        if account_id == self.scene.account_id and table in (COMMENTS, self.table):
            self.refresh()

    def open_comments(self) -> dict[str, list]:
        try:
            account = self.scene.context.document.account(self.scene.account_id)
        except Exception:  # a damaged account shows no canvas anyway
            return {}
        found: dict[str, list] = {}
        for comment in account.review_comments:
            target = getattr(comment, self.field)
            if target is not None and not comment.resolved and comment.reply_to is None:
                found.setdefault(target, []).append(comment)
        return found

    def refresh(self) -> None:
        found = self.open_comments()
        for entity_id in list(self.badges):
            badge = self.badges[entity_id]
            if not isValid(badge):  # the scene was built anew: its items went
                del self.badges[entity_id]
                continue
            item = self.scene.item_for(self.table, entity_id)
            if entity_id not in found or item is None or badge.parentItem() is not item:
                if badge.scene() is not None and badge.parentItem() is not None:
                    badge.setParentItem(None)
                    self.scene.removeItem(badge)
                del self.badges[entity_id]
        for entity_id, comments in found.items():
            item = self.scene.item_for(self.table, entity_id)
            if item is None:
                continue
            badge = self.badges.get(entity_id)
            if badge is None:
                badge = self.badges[entity_id] = CommentBadge(item)
            lines = [tr("Open review comments:")]
            lines += [f"• {c.author}: {' '.join(c.text.split())[:120]}" for c in comments]
            badge.set_count(len(comments), "\n".join(lines))
