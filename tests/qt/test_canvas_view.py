"""The canvas background: the grid lines fall on the scene's grid at any zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtWidgets import QGraphicsScene

from accountmap.canvas.common.view import BACKGROUND, CanvasView
from accountmap.layout.sizes import GRID


def grid_columns(view: CanvasView) -> list[float]:
    """Scene x of every grid line crossing the top row of the viewport."""
    image = view.viewport().grab().toImage()
    return [view.mapToScene(QPoint(x, 0)).x() for x in range(image.width())
            if image.pixelColor(x, 0) != BACKGROUND]


def shown_view(qtbot, width: int, height: int) -> CanvasView:
    scene = QGraphicsScene(QRectF(-2000, -2000, 4000, 4000))
    view = CanvasView(scene)
    view.test_scene = scene  # a view does not own its scene: keep it alive with the view
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    return view


@pytest.mark.parametrize("zoom", [0.5, 0.83, 1.0, 1.6, 2.5])
def test_grid_lines_fall_on_the_scene_grid(qtbot, zoom):
    view = shown_view(qtbot, 900, 600)
    view.set_zoom(zoom)
    step = GRID * 4
    columns = grid_columns(view)
    assert len(columns) >= int(900 / (step * zoom)) - 1
    pixel = 1 / zoom  # a screen pixel in scene units
    for x in columns:
        assert abs((x + step / 2) % step - step / 2) <= pixel, (zoom, x)


def test_hidden_grid_and_far_zoom_leave_plain_paper(qtbot):
    view = shown_view(qtbot, 600, 400)
    view.set_grid_visible(False)
    assert grid_columns(view) == []
    view.set_grid_visible(True)
    view.set_zoom(0.3)
    assert grid_columns(view) == []
