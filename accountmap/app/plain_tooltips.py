"""Every tooltip shows its text as plain text.

Qt renders a tooltip as rich text when it merely looks like HTML (`Qt::mightBeRichText`),
so a person named `<b>Ivan</b>` or notes holding `<img src=...>` would be rendered, not
shown. The application has no rich-text tooltips of its own, so one event filter on the
application shows every tooltip (widgets, item views, canvas items) escaped, whatever
call site set it: a new call site cannot forget.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QHeaderView,
    QToolTip,
    QWidget,
)


def as_plain(text: str) -> str:
    """Rich text that shows `text` literally (line breaks kept)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def _tooltip_at(widget: QWidget, pos) -> str | None:
    """The tooltip text Qt would show for `widget` at `pos`; None: leave it to Qt (tab
    bars, headers, menus keep their own ways)."""
    parent = widget.parent()
    if isinstance(parent, QGraphicsView) and widget is parent.viewport():
        for item in parent.items(pos):  # the scene shows the topmost item's tooltip
            if item.toolTip():
                return item.toolTip()
        return None
    if isinstance(parent, QAbstractItemView) and not isinstance(parent, QHeaderView) \
            and widget is parent.viewport():
        index = parent.indexAt(pos)
        value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        return value if isinstance(value, str) and value else None
    tooltip_at = getattr(widget, "tooltip_at", None)  # a widget painting many things
    if callable(tooltip_at):
        return tooltip_at(pos)
    return widget.toolTip() or None


class PlainTooltips(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ToolTip or not isinstance(watched, QWidget):
            return False
        text = _tooltip_at(watched, event.pos())
        if text is None:
            return False
        QToolTip.showText(event.globalPos(), as_plain(text), watched)
        return True


def install(app: QApplication) -> None:
    if getattr(app, "_accountmap_plain_tooltips", None) is None:
        tooltips = PlainTooltips(app)
        app.installEventFilter(tooltips)
        app._accountmap_plain_tooltips = tooltips
