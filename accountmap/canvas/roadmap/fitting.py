"""Fitting a road into the window so that it can be read.

A real deal's road is 30-50 nodes in a row: fitted whole it is a line of dots. "Fit" shows
the whole road when it is readable at that zoom, else the stretch of road around "now"
(the active checkpoint, else the next step) at the smallest readable zoom, with the road's
height in view where possible; "Whole road" fits everything (nodes then draw their titles
large, see NodeItem.paint) and the overview in the corner shows the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

READABLE_ZOOM = 0.55  # node titles (13 px) still read at about 7 px on screen
MAX_FIT_ZOOM = 0.65  # more of the road in view rather than bigger nodes
PADDING = 40.0


def now_rect(scene) -> QRectF | None:
    """Where the road is now: the active checkpoint, else the next step, else the last passed."""
    position = scene.position
    if position is None:
        return None
    for ids in (position.active_ids, position.current_ids, position.taken[-1:]):
        for node_id in ids:
            item = scene.items_by_key.get(("roadmap_nodes", node_id))
            if item is not None:
                return item.sceneBoundingRect()
    return None


def fit_whole(view) -> None:
    rect = view.scene().itemsBoundingRect()
    if rect.isEmpty():
        return
    view.fitInView(rect.adjusted(-PADDING, -PADDING, PADDING, PADDING),
                   Qt.AspectRatioMode.KeepAspectRatio)
    if view.zoom > 1.5:
        view.set_zoom(1.5)


def readable_fit(view) -> None:
    """The whole road if it reads at that zoom, else the stretch around "now"."""
    scene = view.scene()
    road = scene.itemsBoundingRect()
    if road.isEmpty():
        return
    padded = road.adjusted(-PADDING, -PADDING, PADDING, PADDING)
    vp = view.viewport().rect()
    whole = min(vp.width() / padded.width(), vp.height() / padded.height())
    if whole >= READABLE_ZOOM:
        fit_whole(view)
        return
    height_fit = vp.height() / padded.height()
    view.set_zoom(max(READABLE_ZOOM, min(MAX_FIT_ZOOM, height_fit)))
    here = now_rect(scene) or QRectF(road.topLeft(), road.topLeft())
    visible_width = vp.width() / view.zoom
    # "now" a third of the way in: what is passed stays in sight, most of the view is ahead
    x = max(road.left() - PADDING + visible_width / 2, here.center().x() + visible_width / 6)
    y = padded.center().y() if height_fit >= READABLE_ZOOM else here.center().y()
    view.centerOn(x, y)
