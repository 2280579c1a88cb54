"""Every tooltip shows its text as plain text.

Qt renders a tooltip as rich text when it merely looks like HTML (`Qt::mightBeRichText`),
so a person named `<b>Ivan</b>` or notes holding `<img src=...>` would be rendered, not
shown. The application has no rich-text tooltips of its own, so one event filter on the
application shows every tooltip (widgets, item views, canvas items) escaped, whatever
call site set it: a new call site cannot forget.

At start-up the filter waits for the first input (`install_at_first_input`): an
application-wide filter in Python makes PySide6 make a Python type of every Qt object
that receives an event, ~15-30 ms while the first account's page is built and painted.
A tooltip only shows after the mouse rested on a widget of the active window, so the
filter is there before any tooltip can show.

Canvas items whose tooltips our own code writes as rich text, escaping the user's words in
it (a card: the name in bold, a line per field), say so with a class attribute
`RICH_TOOLTIP = True`: theirs are shown as written. (Escaped again, a card's showed its
`<b>` and `<br>` tags to the user.)
"""

from __future__ import annotations

import html

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QInputEvent
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
    """The tooltip to show for `widget` at `pos`, as rich text with the user's words
    escaped; None: leave it to Qt (tab bars, headers, menus keep their own ways)."""
    parent = widget.parent()
    if isinstance(parent, QGraphicsView) and widget is parent.viewport():
        for item in parent.items(pos):  # the scene shows the topmost item's tooltip
            text = item.toolTip()  # (some items make theirs when asked: edge.py)
            if text:
                return text if getattr(item, "RICH_TOOLTIP", False) else as_plain(text)
        return None
    text = _plain_tooltip_at(widget, pos)
    return None if text is None else as_plain(text)


def _plain_tooltip_at(widget: QWidget, pos) -> str | None:
    """The tooltip text Qt would show for `widget` (not a canvas) at `pos`."""
    parent = widget.parent()
    if isinstance(parent, QAbstractItemView) and not isinstance(parent, QHeaderView) \
            and widget is parent.viewport():
        index = parent.indexAt(pos)
        value = index.data(QtCore.Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
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
        QToolTip.showText(event.globalPos(), text, watched)
        return True


def install(app: QApplication) -> None:
    if getattr(app, "_accountmap_plain_tooltips", None) is None:
        tooltips = PlainTooltips(app)
        app.installEventFilter(tooltips)
        app._accountmap_plain_tooltips = tooltips


_NO_INPUT = (QEvent.Type.Enter, QEvent.Type.Leave)


class FirstInput(QObject):
    """Installs the filter at the first input into `window` (its native window hears a
    mouse, key, wheel or touch event before any widget does, so before the mouse move
    that starts Qt's tooltip timer, or the key that opens a menu), when another window
    becomes the active one (a dialog: tooltips show in the active window only), or at
    `install()`, whichever comes first."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self.app = app
        self.handle = window.windowHandle()
        if self.handle is None:  # (not shown): nothing to wait for
            install(app)
            return
        self.handle.installEventFilter(self)
        app.focusWindowChanged.connect(self._on_focus_window)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # (the mouse entering the window is no input: a tooltip waits for it to move)
        if isinstance(event, QInputEvent) and event.type() not in _NO_INPUT:
            self.install()
        return False

    def _on_focus_window(self, focused) -> None:
        if focused is not None and focused is not self.handle:
            self.install()

    def install(self) -> None:
        handle, self.handle = self.handle, None
        if handle is None:
            return
        try:
            handle.removeEventFilter(self)
        except RuntimeError:  # the window is gone already
            pass
        self.app.focusWindowChanged.disconnect(self._on_focus_window)
        install(self.app)


def install_at_first_input(app: QApplication, window: QWidget) -> FirstInput:
    """The filter installed at the first input into the shown `window` or another window
    made active, or when the caller calls `install()` on the answer (start-up: once the
    first account painted)."""
    return FirstInput(app, window)
