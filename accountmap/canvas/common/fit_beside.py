"""Fitting a scene rect into a view whose corner an overlay (a legend) covers: the content
goes beside the overlay or above it, whichever leaves it larger."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

MARGIN = 12.0
MAX_FIT_ZOOM = 1.5


def fit_clear_of(view, content: QRectF, overlay, padding: float = 30.0) -> None:
    if content.isEmpty():
        return
    rect = content.adjusted(-padding, -padding, padding, padding)
    vp = QRectF(view.viewport().rect())
    regions = [vp]
    if overlay is not None and not overlay.isEmpty():
        o = QRectF(overlay)
        regions = [QRectF(o.right() + MARGIN, vp.top(), vp.right() - o.right() - MARGIN, vp.height()),
                   QRectF(vp.left(), vp.top(), vp.width(), o.top() - MARGIN - vp.top())]
        regions = [r for r in regions if r.width() > 50 and r.height() > 50] or [vp]

    def zoom_for(region: QRectF) -> float:
        return min(region.width() / rect.width(), region.height() / rect.height(), MAX_FIT_ZOOM)

    region = max(regions, key=zoom_for)
    view.set_zoom(zoom_for(region))
    zoom = view.zoom
    if hasattr(view, "_follow_scene_rect"):
        view._follow_scene_rect()  # room to scroll at this zoom
    # put the content's centre at the region's centre
    offset = (region.center() - vp.center()) / zoom
    view.centerOn(rect.center() - QPointF(offset.x(), offset.y()))
