"""Fitting a road into the window so that it can be read.

A real deal's road is 30-50 nodes in a row: fitted whole it is a line of dots. "Fit" shows
the whole road when it is readable at that zoom, else the stretch of road around "now"
(the active checkpoint, else the next step) at the smallest readable zoom, with the road's
height in view where possible. "Whole road" folds the road into bands stacked like lines of
text (canvas/roadmap/arrangement.py) at the largest zoom where the folded road fits the
window, nodes drawing their titles large (NodeItem's far level of detail) — never below the
zoom where those titles still read; a road too long even for that scrolls down, band by band.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

READABLE_ZOOM = 0.7  # node titles (13 px) read at 9 px on screen, the footer at 7.7 px
MAX_FIT_ZOOM = 0.75  # more of the road in view rather than bigger nodes
PADDING = 40.0
LEGIBLE_PIXELS = 9.5  # the least on-screen size of a far title (FAR_PIXELS in the scene)


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


def _fit_rect(view, rect: QRectF, max_zoom: float = 1.5) -> None:
    view.fitInView(rect.adjusted(-PADDING, -PADDING, PADDING, PADDING),
                   Qt.AspectRatioMode.KeepAspectRatio)
    if view.zoom > max_zoom:
        view.set_zoom(max_zoom)


def whole_road_zooms() -> list[float]:
    """Zooms at which titles read, largest first: the near level of detail down to
    READABLE_ZOOM, then the far one (titles only, large) down to LEGIBLE_PIXELS on screen."""
    from accountmap.canvas.roadmap.items.node import FAR_PIXELS, FAR_ZOOM

    near = [1.0, 0.85, READABLE_ZOOM]
    far, zoom = [], FAR_ZOOM - 0.01
    least = LEGIBLE_PIXELS / FAR_PIXELS
    while zoom > least:
        far.append(zoom)
        zoom -= 0.02
    return near + far + [least]


def fit_whole(view) -> None:
    """The whole road, readable: as it stands if that reads, else folded into bands."""
    scene = view.scene()
    arrangement = scene.arrangement
    arrangement.set_fold(None)
    road = scene.itemsBoundingRect()
    if road.isEmpty():
        return
    vp = view.viewport().rect()
    room = vp.height() - (view.legend_height() if hasattr(view, "legend_height") else 0)
    zooms = whole_road_zooms()
    whole = min(vp.width() / (road.width() + 2 * PADDING),
                vp.height() / (road.height() + 2 * PADDING))
    chosen = zooms[-1]
    for zoom in zooms:
        if whole >= zoom:  # it reads as it stands
            view.set_zoom(min(whole, 1.5) if whole >= READABLE_ZOOM else zoom)
            view.centerOn(road.center())
            return
        width = vp.width() / zoom - 2 * PADDING
        box = arrangement.road_rect_if_folded(width)
        if box is not None and box[3] - box[1] + 2 * PADDING <= room / zoom:
            chosen = zoom
            break
    arrangement.set_fold(vp.width() / chosen - 2 * PADDING)
    view.set_zoom(chosen)
    folded = scene.itemsBoundingRect()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    # scroll over the folded road only (the scene's own rect still spans the road unfolded)
    # (and below it room to scroll the last band clear of the legend)
    below = (view.legend_height() if hasattr(view, "legend_height") else 0) / chosen
    scene.setSceneRect(QRectF(folded.left() - PADDING, folded.top() - PADDING,
                              max(folded.width() + 2 * PADDING, visible.width()),
                              max(folded.height() + 2 * PADDING + below, visible.height())))
    if folded.height() + 2 * PADDING <= room / chosen:  # clear of the legend below
        view.centerOn(folded.center().x(), folded.top() - PADDING + visible.height() / 2)
    else:  # from the start; the rest scrolls down
        view.centerOn(folded.center().x(), folded.top() - PADDING + visible.height() / 2)


def readable_fit(view) -> None:
    """The whole road if it reads at that zoom, else the stretch around "now"."""
    scene = view.scene()
    scene.arrangement.set_fold(None)
    road = scene.itemsBoundingRect()
    if road.isEmpty():
        return
    padded = road.adjusted(-PADDING, -PADDING, PADDING, PADDING)
    vp = view.viewport().rect()
    whole = min(vp.width() / padded.width(), vp.height() / padded.height())
    if whole >= READABLE_ZOOM:
        _fit_rect(view, road)
        return
    height_fit = vp.height() / padded.height()
    view.set_zoom(max(READABLE_ZOOM, min(MAX_FIT_ZOOM, height_fit)))
    here = now_rect(scene) or QRectF(road.topLeft(), road.topLeft())
    visible_width = vp.width() / view.zoom
    # "now" a third of the way in: what is passed stays in sight, most of the view is ahead
    x = max(road.left() - PADDING + visible_width / 2, here.center().x() + visible_width / 6)
    y = padded.center().y() if height_fit >= READABLE_ZOOM else here.center().y()
    view.centerOn(x, y)
