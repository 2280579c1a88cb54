"""What every canvas page (account map, roadmap) answers to from the View menu: zoom,
grid (with snapping) and legend, all handed to its `CanvasView`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from accountmap.canvas.common.view import CanvasView


class CanvasPage(QWidget):
    view: CanvasView

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
