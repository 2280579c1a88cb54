"""What every canvas page (account map, roadmap) shares: the View menu's zoom, grid (with
snapping) and legend, handed to its `CanvasView`, and the first view of the canvas."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from accountmap.canvas.common.view import CanvasView


class CanvasPage(QWidget):
    view: CanvasView
    _first_view_done = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._first_view_done:
            self._first_view_done = True
            # on the next turn of the event loop: at the first show the layout has not yet
            # given the view its final size (a fit now would fit the wrong window). Until
            # then the canvas does not paint: a paint at 100 % first cached the pixmaps of
            # the items it showed, then the fit painted them all again (issue 15, memory)
            self.view.viewport().setUpdatesEnabled(False)
            QTimer.singleShot(0, self, self._show_first_view)  # (not if the page is gone)

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
