"""The roadmap's view: zoom and pan (CanvasView), the legend in the bottom-left corner, the
overview of the road in the top-right one, the lanes of journey stages or the bands of the
folded whole road behind the nodes, with their names kept at the left edge."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsView

from accountmap.canvas.common.view import BACKGROUND, GRID_LINE, CanvasView
from accountmap.layout.sizes import GRID
from accountmap.canvas.roadmap.items import OVERDUE_COLOUR, PATH_COLOUR, tr
from accountmap.canvas.roadmap.items import font as items_font


class RoadmapView(CanvasView):
    """The canvas view with a small legend in the bottom-left corner."""

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.legend_visible = True
        self._grid_picture: tuple[tuple, QPixmap] | None = None
        self._legend: tuple[str, QPixmap] | None = None
        # the legend is drawn in viewport coordinates: scrolling must repaint it
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        from accountmap.canvas.roadmap.minimap import RoadOverview

        self.overview = RoadOverview(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.overview.place()

    @property
    def folded(self) -> bool:
        return self.scene().arrangement.fold_width is not None

    def legend_height(self) -> float:
        """What the legend takes of the viewport's height (with its margin), 0 when hidden."""
        return 18 * 5 + 10 + 20 if self.legend_visible else 0.0

    def lane_name(self, stage_id: str | None) -> str:
        if stage_id is None:
            return tr("No journey stage")
        context = self.scene().context
        station = context.document.settings.journey_framework.station(stage_id)
        return station.name(context.lang) if station is not None else stage_id

    def _draw_grid(self, painter: QPainter, rect: QRectF) -> None:
        """The grid as one unscaled blit of a picture a cell larger than the viewport (drawn
        once per zoom), shifted to where the scene's origin is: a pan or zoom frame costs a
        copy, not a scaled texture fill (scripts/bench --only road)."""
        if not self.grid_visible or self.zoom < 0.35:
            painter.fillRect(rect, BACKGROUND)
            return
        step = GRID * 4 * self.zoom
        size = self.viewport().size()
        key = (step, size.width(), size.height())
        if self._grid_picture is None or self._grid_picture[0] != key:
            extra = 2 * math.ceil(step)
            picture = QPixmap(size.width() + extra, size.height() + extra)
            picture.fill(BACKGROUND)
            grid = QPainter(picture)
            # hairlines as one-pixel fills, in the pixel a cosmetic line at x lands in
            # (floor x): the same picture, a third of the time to draw (each zoom step)
            width, height = picture.width(), picture.height()
            x = 0.0
            while x < width:
                grid.fillRect(QRect(math.floor(x), 0, 1, height), GRID_LINE)
                x += step
            y = 0.0
            while y < height:
                grid.fillRect(QRect(0, math.floor(y), width, 1), GRID_LINE)
                y += step
            grid.end()
            self._grid_picture = (key, picture)
        origin = painter.transform().map(QPointF(0, 0))
        painter.save()
        painter.resetTransform()
        dx, dy = math.fmod(origin.x(), step), math.fmod(origin.y(), step)
        # a grid line falls on the scene's origin: start the picture a line before the view
        painter.drawPixmap(QPointF(dx - step if dx > 0 else dx, dy - step if dy > 0 else dy),
                           self._grid_picture[1])
        painter.restore()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        self._draw_grid(painter, rect)
        arrangement = self.scene().arrangement
        if not arrangement.active:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for band in arrangement.bands:
            painter.setPen(QPen(QColor("#d5dae4"), 1.0))
            painter.setBrush(QColor(236, 240, 247, 150))
            painter.drawRoundedRect(QRectF(band.left, band.top, band.right - band.left,
                                           band.bottom - band.top), 10, 10)
        for i, lane in enumerate(arrangement.lanes):
            box = QRectF(lane.left, lane.top, lane.right - lane.left, lane.bottom - lane.top)
            if not box.intersects(rect):
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(225, 233, 246, 120) if i % 2 == 0 else QColor(246, 241, 229, 120))
            painter.drawRect(box)
            painter.setPen(QPen(QColor("#c3cad8"), 0))
            painter.drawLine(box.topLeft(), box.topRight())
        painter.restore()

    def _draw_lane_names(self, painter: QPainter) -> None:
        """Each lane's stage at the left edge of the view (or of the lane, if it starts later)."""
        lanes = self.scene().arrangement.lanes
        if not lanes:
            return
        f = items_font(12, True)
        fm = QFontMetricsF(f)
        painter.setFont(f)
        vp = QRectF(self.viewport().rect())
        for lane in lanes:
            box = self.mapFromScene(QRectF(lane.left, lane.top, lane.right - lane.left,
                                           lane.bottom - lane.top)).boundingRect()
            if box.bottom() < vp.top() or box.top() > vp.bottom() or box.right() < vp.left():
                continue
            text = fm.elidedText(self.lane_name(lane.stage_id), Qt.TextElideMode.ElideRight,
                                 max(40.0, min(260.0, box.width() - 12)))
            label = QRectF(max(vp.left(), box.left()) + 6, max(vp.top(), box.top()) + 3,
                           fm.horizontalAdvance(text) + 12, fm.height() + 4)
            painter.setPen(QPen(QColor("#c3cad8"), 1))
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(label, 4, 4)
            painter.setPen(QColor("#3b4252"))
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)

    def zoom_fit(self) -> None:
        from accountmap.canvas.roadmap.fitting import readable_fit

        readable_fit(self)

    def fit_whole_road(self) -> None:
        from accountmap.canvas.roadmap.fitting import fit_whole

        fit_whole(self)

    def set_legend_visible(self, visible: bool) -> None:
        self.legend_visible = visible
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if not self.scene().items_by_key:
            self._draw_empty_hint(painter)
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_lane_names(painter)
        if not self.legend_visible:
            painter.restore()
            return
        legend = self._legend_picture()
        painter.drawPixmap(QPointF(10, self.viewport().height() - legend.height()
                                   / legend.devicePixelRatio() - 10), legend)
        painter.restore()

    def _legend_picture(self) -> QPixmap:
        """The legend, drawn once per language (a blit per frame, not five rounded boxes)."""
        words = tr("path taken")  # the language the legend is in
        if self._legend is not None and self._legend[0] == words:
            return self._legend[1]
        rows = [
            ("path", tr("path taken")),
            ("chosen", tr("outcome chosen")),
            ("active", tr("active checkpoint")),
            ("overdue", tr("overdue")),
            ("faded", tr("not in play")),
        ]
        f = items_font(11)
        fm = QFontMetricsF(f)
        width = max(fm.horizontalAdvance(t) for _k, t in rows) + 56
        height = 18 * len(rows) + 10
        ratio = self.devicePixelRatioF()
        picture = QPixmap(int((width + 1) * ratio), int((height + 1) * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(0.5, 0.5, width - 1, height - 1)
        painter.setPen(QPen(QColor("#c9ced8"), 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 6, 6)
        painter.setFont(f)
        for i, (key, text) in enumerate(rows):
            y = box.top() + 6 + 18 * i + 9
            x = box.left() + 8
            if key == "path":
                painter.setPen(QPen(PATH_COLOUR, 3.2))
                painter.drawLine(QPointF(x, y), QPointF(x + 30, y))
            elif key == "chosen":
                painter.setPen(QPen(PATH_COLOUR, 1.2))
                painter.setBrush(QColor("#e3edff"))
                painter.drawRoundedRect(QRectF(x, y - 7, 30, 14), 6, 6)
                painter.drawText(QRectF(x, y - 7, 30, 14), Qt.AlignmentFlag.AlignCenter, "✓")
            elif key == "active":
                painter.setPen(QPen(QColor(255, 190, 40, 160), 5))
                painter.setBrush(QColor("#fff3d1"))
                painter.drawRoundedRect(QRectF(x + 2, y - 5, 26, 10), 3, 3)
            elif key == "overdue":
                painter.setPen(QPen(OVERDUE_COLOUR, 1.8, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(x + 2, y - 6, 26, 12), 3, 3)
            else:
                painter.setPen(QPen(QColor(122, 133, 153, 80), 1.6))
                painter.setBrush(QColor(255, 255, 255, 80))
                painter.drawRoundedRect(QRectF(x + 2, y - 6, 26, 12), 3, 3)
            painter.setPen(QColor("#3b4252"))
            painter.drawText(QRectF(x + 38, y - 9, width - 46, 18),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
        self._legend = (words, picture)
        return picture

    def _draw_empty_hint(self, painter: QPainter) -> None:
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#5b6475"))
        painter.setFont(items_font(15))
        area = QRectF(self.viewport().rect()).adjusted(60, 60, -60, -60)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, tr(
            "The road is empty. Pick “Start” in the toolbar and click on the canvas, then add "
            "checkpoints and crossroads and drag from a node’s ⊕ handle to connect them — "
            "or begin with “New roadmap from template…”."))
        painter.restore()
