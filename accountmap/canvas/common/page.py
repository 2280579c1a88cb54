"""What every canvas page (account map, roadmap) shares: the View menu's zoom, grid (with
snapping) and legend, handed to its `CanvasView`, and the first view of the canvas."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from accountmap.canvas.common.view import CanvasView


class CanvasPage(QWidget):
    view: CanvasView
    _first_view_done = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._first_view_done:
            self._first_view_done = True
            # once the layout gave the view its final size (at the first show it has not:
            # a fit now would fit the wrong window): just before the window next paints,
            # else on the next turn of the event loop. Until then the canvas does not
            # paint: a paint at 100 % first cached the pixmaps of the items it showed,
            # then the fit painted them all again (issue 15, memory)
            self.view.viewport().setUpdatesEnabled(False)
            _BeforeNextPaint(self)

    def _show_first_view(self) -> None:
        try:
            self.first_view()
        finally:
            self.view.viewport().setUpdatesEnabled(True)  # (and paints it)

    def first_view(self) -> None:
        """How the canvas looks when first shown: the whole of it."""
        self.zoom_fit()

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def zoom_fit(self) -> None:
        self.view.zoom_fit()

    def set_grid_visible(self, visible: bool) -> None:
        self.view.set_grid_visible(visible)

    def set_legend_visible(self, visible: bool) -> None:
        self.view.set_legend_visible(visible)


class _BeforeNextPaint(QObject):
    """Makes a canvas page's first view as its window is about to paint, once the layouts
    waiting to run have run (the view has its final size), so that one paint of the window
    shows the canvas: made on the next turn of the event loop, the window painted once
    without it, then again with it (~10 ms more to the first account map painted, issue
    15). The next turn of the event loop still makes it when the window does not paint."""

    def __init__(self, page: CanvasPage) -> None:
        super().__init__(page)
        self.page = page
        self.window = page.window()
        self.window.installEventFilter(self)
        QTimer.singleShot(0, self, self._fire)  # (not if the page is gone)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self._fire()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return False

    def _fire(self) -> None:
        page, self.page = self.page, None
        if page is None:  # (the paint made it; the timer came before this was deleted)
            return
        self.window.removeEventFilter(self)
        page._show_first_view()
        self.deleteLater()
