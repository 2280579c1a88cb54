"""How the roadmap scene places its nodes when they are not where the file says.

Two view settings, neither of which writes the document:
- lanes by journey stage (remembered in QSettings, "roadmap/lanes"): the road laid out left
  to right with every node in the lane of its stage (layout/road_arrangement.stage_lanes);
- the whole road folded (the "Whole road" view): the road cut into bands stacked like lines
  of text so that all of it fits the window at a zoom where titles read.

While either is on, nodes cannot be dragged (their place is computed); every change of the
road recomputes the places. The strips (lanes, bands) are drawn by the view.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, QSettings, Signal

from accountmap.layout.road_arrangement import FOLD_COLUMN_GAP, FOLD_GAP, Strip, fold, stage_lanes

LANES_KEY = "roadmap/lanes"


def lanes_remembered() -> bool:
    return str(QSettings().value(LANES_KEY, "false")).lower() in ("true", "1")


class RoadArrangement(QObject):
    changed = Signal()  # nodes were placed anew (the strips may differ)

    def __init__(self, scene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.lanes_on = False
        self.fold_width: float | None = None
        self.lanes: list[Strip] = []
        self.bands: list[Strip] = []
        scene.roadmapChanged.connect(self.apply)

    @property
    def active(self) -> bool:
        return self.lanes_on or self.fold_width is not None

    def set_lanes(self, on: bool, remember: bool = True) -> None:
        if remember:
            QSettings().setValue(LANES_KEY, "true" if on else "false")
        if on != self.lanes_on:
            self.lanes_on = on
            self.apply()

    def set_fold(self, width: float | None) -> None:
        if width != self.fold_width:
            self.fold_width = width
            self.apply()
        if width is None:
            self.scene.setSceneRect(QRectF())  # the items' bounds again

    def base_positions(self) -> tuple[dict, list[Strip]]:
        """Where the nodes are without folding: the file's positions, or the lanes."""
        roadmap = self.scene.roadmap
        if not self.lanes_on:
            return {n.id: (n.x, n.y) for n in roadmap.nodes}, []
        from accountmap.layout.roadmap_layout import layout_roadmap

        framework = self.scene.context.document.settings.journey_framework
        return stage_lanes(roadmap, layout_roadmap(roadmap), [s.id for s in framework.stations])

    def apply(self) -> None:
        scene = self.scene
        if not scene.context.document.has_account(scene.account_id):
            return
        positions: dict | None = None
        self.lanes, self.bands = [], []
        if self.active:
            positions, self.lanes = self.base_positions()
            if self.fold_width is not None:
                positions, self.bands, self.lanes = fold(
                    scene.roadmap, positions, self.fold_width, column_gap=FOLD_COLUMN_GAP,
                    strips=self.lanes)
        for item in scene.node_items():
            xy = positions.get(item.node_id) if positions is not None else None
            item.set_arranged(QPointF(*xy) if xy is not None else None)
        self._wrap_edges(positions)
        self.changed.emit()

    def _wrap_edges(self, positions: dict | None) -> None:
        """A branch from one band of the folded road to a later one runs back through the
        gap above the band it goes to."""
        band_of = {}
        if positions is not None and self.bands:
            tops = [b.top for b in self.bands]
            for node_id, (_x, y) in positions.items():
                band_of[node_id] = max(i for i, top in enumerate(tops) if top <= y + 1e-6) \
                    if tops[0] <= y + 1e-6 else 0
        for edge in self.scene.edge_items():
            a, b = band_of.get(edge.edge.from_id), band_of.get(edge.edge.to_id)
            wrap = self.bands[b].top - FOLD_GAP / 2 if (
                a is not None and b is not None and b > a and not edge.edge.loop) else None
            if wrap != edge.wrap_y:
                edge.wrap_y = wrap
                edge.update_path()

    def road_rect_if_folded(self, width: float):
        """The bounding box of the road folded to `width` (for choosing the zoom)."""
        positions, lanes = self.base_positions()
        _folded, bands, _lanes = fold(self.scene.roadmap, positions, width,
                                      column_gap=FOLD_COLUMN_GAP, strips=lanes)
        if not bands:
            return None
        return (min(b.left for b in bands), bands[0].top,
                max(b.right for b in bands), bands[-1].bottom)
