"""Do something once a widget has first painted: start-up opens the workspace after the
window painted its "Opening…" message, and says when the account shown first painted
(issue 15: a placeholder that never painted, because the workspace opened first)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls `then()` once: on the turn of the event loop after `widget`'s first paint,
    or after `limit_ms` when it never paints (a window that is never exposed)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], limit_ms: int = 3000) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(limit_ms, self, self._fire)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._fire)  # once this paint is done
        return False

    def _fire(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.then()


def painted_part(page: QWidget | None) -> QWidget | None:
    """What paints a page's content: a canvas's viewport, else the page itself."""
    view = getattr(page, "view", None)
    return view.viewport() if view is not None else page


def settle_after_first_paint(page: QWidget) -> None:
    """After a canvas's first paint Qt still holds its items as dirty, and processes them
    all at the next update of any item: that was the user's first edit (~100-200 ms at
    3,000 people). One update just after the first paint does it while the user looks at
    the new page."""
    items = getattr(getattr(page, "scene", None), "items_by_key", None)
    if not items:
        return
    first = next(iter(items.values()))

    def update_one() -> None:
        try:
            first.update()
        except RuntimeError:  # deleted meanwhile: nothing to do
            pass

    AfterFirstPaint(painted_part(page), update_one)
