"""The account map's view: the canvas with the legend floating over its bottom-left corner,
room around the map to scroll into, and a fit that keeps the map clear of the legend."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from accountmap.canvas.accountmap.drag_freeze import StaticPicture
from accountmap.canvas.accountmap.legend import LegendWidget
from accountmap.canvas.common.view import CanvasView


class MapView(CanvasView):
    """The canvas view with the legend floating in its corner."""

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.legend = LegendWidget(scene, self)  # over the viewport, not scrolling with it
        self.still = StaticPicture(self)  # what a drag does not move, as one picture
        # room around the map to scroll into: a fit can then keep the map off the legend
        scene.sceneRectChanged.connect(self._follow_scene_rect)
        self._follow_scene_rect()

    def _follow_scene_rect(self, *_args) -> None:
        rect = self.scene().sceneRect()
        zoom = max(self.zoom, 0.05)
        dx, dy = self.viewport().width() / 2 / zoom, self.viewport().height() / 2 / zoom
        self.setSceneRect(rect.adjusted(-dx, -dy, dx, dy))

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.still.thaw()  # the picture would no longer fit
        super().resizeEvent(event)
        self.legend.reposition()
        self._follow_scene_rect()

    def set_legend_visible(self, visible: bool) -> None:
        self.legend.setVisible(visible)

    def legend_rect(self):
        """Where the legend covers the viewport, in viewport coordinates (None when hidden)."""
        if not self.legend.isVisibleTo(self):
            return None
        return self.legend.geometry().translated(-self.viewport().geometry().topLeft())

    def zoom_fit(self) -> None:
        """The whole map, kept clear of the legend: beside it or above it, whichever
        leaves the map larger."""
        from accountmap.canvas.common.fit_beside import fit_clear_of

        fit_clear_of(self, self.scene().items_rect(), self.legend_rect())
        self._follow_scene_rect()

    def drawBackground(self, painter, rect) -> None:  # noqa: N802 - Qt's name
        if self.still.active:  # a drag: the grid and what does not move are one picture
            self.still.draw_background(painter, rect)
            return
        super().drawBackground(painter, rect)
        scene = self.scene()
        scene.router.seen(rect, self.zoom)  # lines in sight go around cards
        if scene.behind_zoom(self.zoom):  # a zoom not made by set_zoom
            QTimer.singleShot(0, scene, scene.zoom_seen)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        self.still.thaw()  # the picture would be in the wrong place
        super().scrollContentsBy(dx, dy)

    def set_zoom(self, factor: float) -> None:
        self.still.thaw()
        super().set_zoom(factor)
        self.scene().zoom_seen()  # labels and lines drawn for this zoom, before the paint
