"""Lines of the account map routed around the cards they do not join
(layout/edge_routes.py does the geometry).

Lazily, and only what is seen: when the view paints an area at a zoom where cards can be
told apart, the edges there that were not routed for the map as it is now are routed on
the next turn of the event loop (a map of 3,000 people is not routed as a whole after each
change; a drag never routes: a moved card's lines run straight until it is dropped). A
render to a file routes every line at once.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QTimer

from accountmap.canvas.accountmap.items import CardItem, EdgeItem
from accountmap.layout.edge_routes import Obstacles, route_between
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH

ROUTE_MIN_ZOOM = 0.3  # further out the cards are specks: lines are not worth routing


class EdgeRouter:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.version = 0
        self._obstacles: Obstacles | None = None
        self._pending = QRectF()
        self._timer = QTimer(scene)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._route_pending)

    def invalidate(self) -> None:
        """Cards moved, came or went: every route is for an older map."""
        self.version += 1
        self._obstacles = None

    def obstacles(self) -> Obstacles:
        if self._obstacles is None:
            self._obstacles = Obstacles(card_boxes(self.scene.cards))
        return self._obstacles

    def seen(self, rect: QRectF, zoom: float) -> None:
        """The view painted `rect` (scene coordinates) at `zoom`: route what is there, soon."""
        if zoom < ROUTE_MIN_ZOOM or self.scene.dragging:
            return
        self._pending = self._pending.united(rect)
        if not self._timer.isActive():
            self._timer.start()

    def _route_pending(self) -> None:
        rect, self._pending = self._pending, QRectF()
        if self.scene.dragging or rect.isEmpty():
            return
        stale = [item for item in self.scene.items(rect)
                 if isinstance(item, EdgeItem) and not item.route_is_current(self.version)]
        self.route(stale)

    def route(self, edges) -> None:
        """Route `edges` for the map as it is now; edge labels are placed again if a line
        changed its way."""
        if not edges:
            return
        obstacles = self.obstacles()
        changed = False
        for edge in edges:
            if edge.scene() is not self.scene:
                continue
            bends = route_between(obstacles, edge.source.entity_id, edge.target.entity_id) \
                if edge.source.entity_id in obstacles.boxes and edge.target.entity_id in obstacles.boxes \
                else []
            changed |= edge.set_bends(bends, self.version)
        if changed:
            self.scene.place_labels(force=True)

    def route_all(self) -> None:
        self.route(list(self.scene.edges.values()))


def card_boxes(cards: dict[str, CardItem]) -> dict[str, tuple[float, float, float, float]]:
    return {pid: (c.pos().x(), c.pos().y(), c.pos().x() + CARD_WIDTH, c.pos().y() + CARD_HEIGHT)
            for pid, c in cards.items()}
