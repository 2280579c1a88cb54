"""What the account-map scene draws depends on how near its views show it (a mixin of
AccountMapScene, issue 15): edge labels are placed where cards hide the least of them,
on a big map only once a view comes close enough to draw them; far out, one sketch draws
every line (items/line_sketch.py) instead of each line its own item, the cards show no
connect handles and the scene keeps no index.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from accountmap.canvas.accountmap.items.edge import LABEL_MIN_ZOOM, SKETCH_ZOOM
from accountmap.canvas.accountmap.label_placement import place_edge_labels


class DrawnAsSeen:
    """Mixin: `cards`, `centres`, `edges`, `dragging`, `render_mode`, `sketch`,
    `labels_waiting` and the placements kept (`_labels_placed_for`, `_placements`,
    `_card_grid`) come from AccountMapScene; `views()` from QGraphicsScene."""

    def place_labels(self, force: bool = False) -> None:
        """Every edge label where cards hide the least of it (after a build, a drop, a
        change of people or relationships; not during a drag: labels ride along then)."""
        if self.dragging:  # (the drop's commit tells the scene before the drag ends)
            return
        if force:  # lines changed their way (routed around cards)
            self._labels_placed_for = None
        labelled = [edge for edge in self.edges.values() if edge.label_item is not None]
        if len(labelled) >= self.LAZY_LABELS and self._labels_unseen():
            self.labels_waiting = True  # placed when a view comes close (labels_seen)
            return
        self.labels_waiting = False
        if not labelled:
            return
        # nothing to do when no card moved and no label changed (an edit of a title...)
        # (x(), y(): the same floats as pos().toTuple(), without a QPointF per card:
        # 0.8 instead of 1.6 ms at 3,000 people, at every drop)
        positions = [(card.x(), card.y()) for card in self.cards.values()]
        signature = (tuple(positions),
                     tuple((edge._label_size.toTuple(), edge.line.toTuple()) for edge in labelled),
                     tuple((c.pos().x(), c.pos().y(), c.size.width()) for c in self.centres.values()))
        if signature == self._labels_placed_for:
            return
        self._labels_placed_for = signature
        cards = list(self.cards.values())
        # the same cards, centres, lines and labels as a placement kept (the map before
        # Arrange, when it is undone): its spots, without searching again
        spots = next((found for seen, edges, found in self._placements
                      if seen == signature and edges == labelled), None)
        if spots is None:
            self._card_grid.update(cards, positions)  # only the cards that moved change cells
        spots = place_edge_labels(cards, list(self.centres.values()), labelled,
                                  grid=self._card_grid, spots=spots)
        self._placements = [p for p in self._placements if p[0] != signature][-1:]
        self._placements.append((signature, labelled, spots))

    LAZY_LABELS = 500  # from this many labelled lines, placement waits until seen

    def _labels_unseen(self) -> bool:
        """Whether every view of the map shows it too far out for labels to be drawn
        (`LABEL_MIN_ZOOM`): then, on a big map (`LAZY_LABELS`), where they go can wait.
        Arrange or a drop at 3,000 people seen whole would search ~1,300 spots (~50 ms)
        for labels nobody sees; until placed, a label rides along its line at the spot
        it had (not drawn, and a click there goes to what is under it). A smaller map
        places at once (~15 ms at 500), and so does a scene with no view (a file's
        picture)."""
        return self._seen_below(LABEL_MIN_ZOOM)

    far_out = False  # every view far out: no connect handles, no index (`far_seen`)

    def zoom_seen(self) -> None:
        """A view changed its zoom: labels put off placed if one can show them now, the
        lines drawn by the sketch or by their items, the connect handles shown or not,
        the scene indexed or not (before the view paints again)."""
        self.labels_seen()
        self.lines_seen()
        self.far_seen()

    def behind_zoom(self, zoom: float) -> bool:
        """Whether what the map draws is not yet for a view at `zoom` (a zoom not made
        by MapView.set_zoom, seen at its paint: drawn right meanwhile, only slower)."""
        far = self.lines_far()
        return (self.labels_waiting and zoom >= LABEL_MIN_ZOOM) or \
            self.lines_sketched != far or self.far_out != far

    def labels_seen(self) -> None:
        """A view changed its zoom: labels put off are placed once one can show them."""
        if self.labels_waiting and not self._labels_unseen():
            self.place_labels()

    def lines_far(self) -> bool:
        """Whether every view shows the map below SKETCH_ZOOM (a file's picture: never)."""
        return self._seen_below(SKETCH_ZOOM)

    def _seen_below(self, zoom: float) -> bool:
        """Whether the map has views and every one shows it below `zoom` (a scene that
        renders a file has none that count)."""
        if self.render_mode:
            return False
        views = self.views()
        return bool(views) and all(view.zoom < zoom for view in views)

    @property
    def lines_sketched(self) -> bool:
        return self.sketch is not None and self.sketch.on

    def lines_seen(self) -> None:
        """A view changed its zoom: every view far out, the lines are drawn by one sketch
        (line_sketch.py), not each by its item; nearer, by their items again."""
        if self.sketch is not None:
            self.sketch.switch(self.lines_far())

    def far_seen(self) -> None:
        """A view changed its zoom: every view far out (below SKETCH_ZOOM, where cards are
        plain blocks) or not any more.

        Far out the cards' connect handles are not shown: specks of a pixel no one can
        grab, and at 3,000 people 6,000 items fewer to paint (~6 ms of a repaint of the
        whole map) and to move with their cards. And the scene keeps no index
        (`resting_index`): every paint covers the whole map, which the index cannot
        narrow, while Arrange, its undo or a drop of 3,000 people spent ~20-40 ms turning
        the index off for the move and building it again after. (What asks where items
        are looks at each of them instead: the edit of a label placed among the others,
        ~5 ms more at 3,000 people; a hover and a drag step measured the same.) Nearer,
        both come back."""
        far = self.lines_far()
        if far == self.far_out:
            return
        self.far_out = far
        for card in self.cards.values():
            card.handle.setVisible(not far)
        if not self.dragging and self.edge_batch is None:  # (else set when they end)
            self.setItemIndexMethod(self.resting_index())

    def resting_index(self):
        """How the scene indexes its items between gestures: a BSP tree, none far out."""
        return self.ItemIndexMethod.NoIndex if self.far_out else self.ItemIndexMethod.BspTreeIndex

    def items_rect(self) -> QRectF:
        """What every item covers (the sketch of the lines no more than the lines)."""
        if self.sketch is not None:
            self.sketch.tighten()
        return self.itemsBoundingRect()
