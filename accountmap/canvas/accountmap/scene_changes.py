"""How the account map's scene follows the document (a mixin of AccountMapScene): each
change touches only the items of the ids it names, and what depends on them only when it
may have changed (issue 15: every edit of a 3,000-person map re-placed every label,
re-grouped every frame and re-read every contact).

- a person: their card redressed; frames re-grouped only when someone changed centre,
  coverage marks only when attitude, roles or centre changed, labels re-placed only when
  a card moved (or came or went);
- a relationship: its line; the labels re-placed when a line came or went, only the
  labels whose text changed otherwise (`place_changed_labels`);
- a question: the cards whose count of open questions changed; a touchpoint or meeting:
  who is stale.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF, Qt

from accountmap.canvas.accountmap.items import CardItem, EdgeItem, EdgeLabel
from accountmap.canvas.accountmap.label_placement import place_edge_labels
from accountmap.document import collector


class FollowsDocument:
    """Mixin: `cards`, `centres`, `edges`, `account`, `context`, `dragging`, `edge_batch`,
    `router`, the item helpers (`_add_*`, `_remove`, `_rebuild_members`) and the looks
    (`refresh_looks`, `refresh_coverage`, `place_labels`) come from AccountMapScene."""

    def place_changed_labels(self, edges) -> None:
        """Only the labels of `edges` (their text changed, no card moved): each where
        cards and the labels around hide the least of it, the others staying where they
        are. Only what lies where those labels can go is looked at (one label of a
        3,000-person map: ~1 ms, not the whole map's placement)."""
        edges = [e for e in edges if e.label_item is not None]
        if self.dragging or not edges or self.labels_waiting:
            return  # (waiting: every label is placed when a view can show them)
        regions = []
        for edge in edges:
            line, size = edge.line, edge._label_size
            regions.append((min(line.x1(), line.x2()) - size.width(),
                            min(line.y1(), line.y2()) - size.height(),
                            max(line.x1(), line.x2()) + size.width(),
                            max(line.y1(), line.y2()) + size.height()))

        def near(box) -> bool:
            return any(box[0] < r[2] and r[0] < box[2] and box[1] < r[3] and r[1] < box[3]
                       for r in regions)

        cards: dict[int, CardItem] = {}
        around: dict[int, EdgeItem] = {}
        for left, top, right, bottom in regions:  # the scene's index finds what is there
            for item in self.items(QRectF(left, top, right - left, bottom - top),
                                   Qt.ItemSelectionMode.IntersectsItemBoundingRect):
                if isinstance(item, CardItem):
                    cards[id(item)] = item
                elif isinstance(item, EdgeLabel):
                    around[id(item.edge)] = item.edge
        fixed = []
        for edge in around.values():
            if edge.label_item is None or edge in edges or not edge._label_free:
                continue
            at, size = edge.line.pointAt(edge._label_t), edge._label_size
            box = (at.x() - size.width() / 2, at.y() - size.height() / 2,
                   at.x() + size.width() / 2, at.y() + size.height() / 2)
            if near(box):
                fixed.append(box)
        cards = [card for card in cards.values() if near(CardItem.box_at(card.pos()))]
        place_edge_labels(cards, list(self.centres.values()), edges, fixed)

    def _on_rows_changed(self, account_id: str, table: str, ids: list) -> None:
        if account_id != self.context.account_id or not self.context.document.has_account(account_id):
            return  # another account, or this one was just deleted (the page goes too)
        account = self.account
        if table == "decision_centres":
            by_id = {c.id: c for c in account.decision_centres}
            for cid in ids:
                centre = by_id.get(cid)
                item = self.centres.get(cid)
                if centre is None:
                    if item is not None:
                        self._remove(item)
                elif item is None:
                    self._add_centre(centre)
                else:
                    item.set_centre(centre)
                    item.set_model_pos(QPointF(centre.x, centre.y))
            self.refresh_coverage()
            self.place_labels()  # off the frames' titles where they are now
        elif table == "stakeholders":
            self._people_changed(account, ids)
        elif table == "relationships":
            by_id = {r.id: r for r in account.relationships}
            placed = True  # the labels stay where they are
            relabelled: list[EdgeItem] = []  # edges whose label's text changed
            for rid in ids:
                relationship = by_id.get(rid)
                item = self.edges.get(rid)
                if item is not None and (relationship is None or
                                         (relationship.from_id, relationship.to_id) !=
                                         (item.relationship.from_id, item.relationship.to_id)):
                    self._remove(item)
                    item = None
                    placed = False
                if relationship is None:
                    continue
                if item is None:
                    self._add_edge(relationship)
                    placed = False
                else:
                    shown = item._label
                    item.set_relationship(relationship)
                    if item._label != shown:
                        relabelled.append(item)
            if not placed:  # a line came or went
                self.place_labels()
            elif relabelled:  # only labels' texts: those labels, the others stay
                self.place_changed_labels(relabelled)
        elif table == "open_questions":  # the cards whose count of questions changed
            counts = self._question_counts()
            changed = [pid for pid, card in self.cards.items()
                       if card.questions != counts.get(pid, 0)]
            self.refresh_looks(changed, coverage=False)
        elif table in ("touchpoints", "meetings"):  # contacts: who is stale
            self.refresh_looks(coverage=False)

    def _people_changed(self, account, ids: list) -> None:
        """Cards of `ids` added, removed or brought up to date; the frames' members, the
        coverage marks and the labels' places only when what they depend on changed."""
        by_id = {s.id: s for s in account.stakeholders} if len(ids) > 8 else None
        links: dict[str, list] | None = None  # person id -> relationships, when needed
        regroup = moved = False
        coverage = False
        looks: list[str] = []  # cards whose colour, symbol or stale mark may have changed
        with self.moving_many(len(ids)) as lines:
            for pid in ids:
                person = by_id.get(pid) if by_id is not None else account.stakeholder(pid)
                item = self.cards.get(pid)
                if person is None:
                    if item is not None:
                        self._remove(item)
                        regroup = moved = coverage = True
                elif item is None:
                    self._add_card(person)
                    looks.append(pid)
                    regroup = moved = coverage = True
                    if links is None:  # one pass for all, not one per card
                        links = {}
                        for r in account.relationships:
                            links.setdefault(r.from_id, []).append(r)
                            links.setdefault(r.to_id, []).append(r)
                    # relationships may arrive before (undo of a delete): attach them
                    for r in links.get(pid, ()):
                        if r.id not in self.edges:
                            self._add_edge(r)
                else:
                    before = item.person
                    was = None if moved else item.pos()  # (once one moved, no more asking)
                    if _moved_only(before, person):
                        # only where the card stands (Arrange, its undo: 3,000 people):
                        # centre, coverage, looks, name are as they were; the cached
                        # picture is kept (set_person would redraw it)
                        item.person = person
                    else:
                        if before.decision_centre_id != person.decision_centre_id:
                            regroup = True
                        if (before.attitude, before.roles, before.decision_centre_id) != (
                                person.attitude, person.roles, person.decision_centre_id):
                            coverage = True
                        if _look_of(before) != _look_of(person):  # not after a mere move
                            looks.append(pid)
                        item.set_person(person)
                    at = item._model_pos = QPointF(person.x, person.y)  # set_model_pos, inline
                    if self.edge_batch is not None:  # (moving_many gathers the lines)
                        item.set_pos_in_batch(at, self.edge_batch)
                    else:
                        item.setPos(at)
                    moved = moved or item.pos() != was
                    if item.toolTip():  # set when hovered (its lines make theirs when asked)
                        item.setToolTip(item.tooltip_text())
            lines()  # the moved cards' lines; their labels ride along once placed
            if regroup:
                self._rebuild_members()
            if looks:
                self.refresh_looks([i for i in looks if i in self.cards], coverage=coverage or regroup)
            elif coverage or regroup:
                self.refresh_coverage()
            if moved:
                self.router.invalidate()  # cards moved, came or went: lines are routed again
                self.place_labels()

    @contextmanager
    def moving_many(self, count: int):
        """Many cards moved at once (auto-layout, its undo): the BSP index is off meanwhile
        (rebuilt once after, instead of one re-insertion per item moved; far out there is
        none to turn off, scene_sight.py) and each edge is
        recomputed once, after its cards moved. Yields `lines()`: called when the cards
        are in place, it computes the moved lines (`EdgeItem.update_geometry(finish=False)`);
        their labels and bounds are finished on leaving, after the labels were placed
        (a label moved along its line finishes it then: each line is finished once).
        The garbage collector waits meanwhile (document/collector.py), and when the window
        keeps the account's objects out of its sight (`gc.freeze`, MainWindow) what the
        change made joins them: ~150 collections among the new models, rows and lines cost
        ~25 ms of Arrange at 3,000 people, one collection of them after ~18 ms."""
        if count < self.MANY or self.dragging or self.edge_batch is not None:
            yield lambda: None
            return
        self.edge_batch = set()
        self.setItemIndexMethod(self.ItemIndexMethod.NoIndex)
        unfinished: list = []

        def lines() -> None:
            batch, self.edge_batch = self.edge_batch, None
            if batch is None:
                return
            at = {card: (card.x(), card.y()) for card in self.cards.values()}
            for edge in batch:
                if edge.scene() is self:
                    edge.update_geometry(finish=False, at=at)
                    unfinished.append(edge)

        collector.hold()
        try:
            yield lines
        finally:
            lines()
            for edge in unfinished:
                if edge.scene() is self:
                    edge.finish()
            self.setItemIndexMethod(self.resting_index())  # (none far out: scene_sight.py)
            collector.keep_frozen()
            collector.release()

    MANY = 64  # from this many cards moved at once, `moving_many` pays off


def _moved_only(before, after) -> bool:
    """Whether the person changed only where the card stands (x, y)."""
    fields = dict(before.__dict__)
    fields["x"], fields["y"] = after.x, after.y
    return fields == after.__dict__


def _look_of(person) -> tuple:
    """What a card's looks (`refresh_looks`: colour and symbol of each overlay, stale mark)
    read from its person; the other inputs (questions, touchpoints, meetings, settings,
    the day) have signals of their own."""
    return (person.attitude, person.journey_stage, person.relationship_strength,
            person.last_contact, person.id)
