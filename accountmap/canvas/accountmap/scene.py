"""The account-map scene: one item per decision centre, stakeholder and relationship.

Built from the document; listens to `rowsChanged` and updates only the items whose rows
changed (an item that already shows a value is left alone). Gestures end in ONE editor
call each: a drag (moves + new decision centres), a resize, a connection.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Signal
from PySide6.QtGui import QColor

from accountmap.canvas.accountmap import style
from accountmap.canvas.accountmap.edge_routing import EdgeRouter
from accountmap.canvas.accountmap.items import CardItem, CentreItem, EdgeItem, EdgeLabel
from accountmap.canvas.accountmap.items.line_sketch import LineSketch
from accountmap.canvas.accountmap.label_placement import CardGrid
from accountmap.canvas.accountmap.scene_changes import FollowsDocument
from accountmap.canvas.accountmap.scene_sight import DrawnAsSeen
from accountmap.canvas.common.scene import CanvasScene, EntityItem, snap
from accountmap.domain import account_rules, clock
from accountmap.domain.contact_history import last_contacts
from accountmap.domain.models import Relationship
from accountmap.domain.vocabulary import QuestionStatus, RelationshipKind
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH
from accountmap.storage.errors import WorkspaceError


def tr(text: str) -> str:
    return QCoreApplication.translate("AccountMapScene", text)


class AccountMapScene(DrawnAsSeen, FollowsDocument, CanvasScene):
    contextMenuWanted = Signal(object, QPointF, object)  # item or None, scene pos, screen pos
    message = Signal(str)  # a hint for the status line

    def __init__(self, context, parent=None, *, render_mode: bool = False) -> None:
        super().__init__(context, parent)
        self.render_mode = render_mode
        self.overlay = style.OVERLAY_ATTITUDE
        self.default_kind = RelationshipKind.INFLUENCES
        self.cards: dict[str, CardItem] = {}
        self.centres: dict[str, CentreItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self._members: dict[str, set[str]] = {}
        self._drop_centre: CentreItem | None = None
        self.edge_batch: set[EdgeItem] | None = None  # set during a mouse-move step
        self.dragging = False  # True while items are dragged (then the BSP index is off)
        self._quiet_cards: list[CardItem] = []  # dragged: their moves do not call itemChange
        self._drag_edges: list[EdgeItem] = []  # their lines, updated once per step
        self._frame_boxes: list[tuple] = []  # the frames during a drag (_drop_frame_at)
        self._drag_movers: set[int] | None = None  # ids of what a drag can move (moved_items)
        self._labels_placed_for: tuple | None = None  # what place_labels last saw
        self.labels_waiting = False  # placement put off while no view can show labels
        # the last two placements: (what place_labels saw, the labelled edges, their spots)
        self._placements: list[tuple[tuple, list, list]] = []
        self._card_grid = CardGrid()  # the cards' boxes, kept between placements
        self.router = EdgeRouter(self)  # lines around the cards in their way
        self.sketch: LineSketch | None = None  # far out, every line (not in a file's picture)
        self.build()
        if not render_mode:
            context.document.rowsChanged.connect(self._on_rows_changed)
            context.document.settingsChanged.connect(self.refresh_looks)
            context.document.dayChanged.connect(self.refresh_looks)  # stale contacts

    # ================================================================== building
    @property
    def account(self):
        return self.context.document.account(self.context.account_id)

    def build(self) -> None:
        self.clear()
        # the first item: Qt looks at what changed in the order items came, and its one
        # rect over the map then holds the moved cards' small ones (as ~6,000 rects of a
        # region, they cost ~15 ms after Arrange at 3,000 people)
        self.sketch = None if self.render_mode else LineSketch(self.edges)
        if self.sketch is not None:
            self.addItem(self.sketch)
        self.items_by_key.clear()
        self.cards.clear()
        self.centres.clear()
        self.edges.clear()
        account = self.account
        for centre in account.decision_centres:
            self._add_centre(centre)
        for person in account.stakeholders:
            self._add_card(person)
        for relationship in sorted(account.relationships,  # (a stable sort: in their order)
                                   key=lambda r: style.EDGE_STACKING[r.kind]):
            self._add_edge(relationship)
        self._rebuild_members()
        self.refresh_looks()
        self.router.invalidate()
        if self.render_mode:  # a file shows every line: route them all now
            self.router.route_all()
        self.place_labels()
        if not self._card_grid.boxes and self.cards and not self.render_mode:
            # no label yet: the cards' grid is made now, with the map, not by the first
            # drop after a label came (~8 ms at 3,000 people, in that drop)
            cards = list(self.cards.values())
            self._card_grid.update(cards, [(card.x(), card.y()) for card in cards])

    def _add_centre(self, centre) -> CentreItem:
        item = CentreItem(centre)
        self.addItem(item)
        item.set_model_pos(QPointF(centre.x, centre.y))
        item.setToolTip(item.tooltip_text())
        self.centres[centre.id] = item
        self.items_by_key[item.key] = item
        return item

    def _add_card(self, person) -> CardItem:
        item = CardItem(person)
        if self.render_mode:
            item.setCacheMode(CardItem.CacheMode.NoCache)
            item.handle.set_drawn(False)
        item.setAcceptHoverEvents(not self.render_mode)
        if self.far_out:  # no handle far out (scene_sight.py)
            item.handle.setVisible(False)
        self.addItem(item)
        item.set_model_pos(QPointF(person.x, person.y))
        self.cards[person.id] = item
        self.items_by_key[item.key] = item
        return item

    def _add_edge(self, relationship) -> EdgeItem | None:
        source = self.cards.get(relationship.from_id)
        target = self.cards.get(relationship.to_id)
        if source is None or target is None or source is target:
            return None  # a dangling relationship: `check` reports it; nothing to draw
        item = EdgeItem(relationship, source, target)
        if self.render_mode and item.label_item is not None:
            item.label_item.setCacheMode(EdgeItem.CacheMode.NoCache)
        parallel = [e for e in source.edges if e.target is target or e.source is target]
        if parallel:
            used = {e.offset for e in parallel}
            step = 12.0
            for k in range(1, len(parallel) + 2):
                candidate = step * ((k + 1) // 2) * (1 if k % 2 else -1)
                if candidate not in used:
                    item.offset = candidate
                    break
            if 0.0 not in used:
                item.offset = 0.0
            item.update_geometry()
        source.edges.append(item)
        target.edges.append(item)
        self.addItem(item)
        if item.label_item is not None:  # the label is an item of its own, above the cards
            self.addItem(item.label_item)
        self.edges[relationship.id] = item
        self.items_by_key[item.key] = item
        if self.lines_sketched:  # far out: drawn with the others
            self.sketch.adopt(item)
        return item

    def _remove(self, item) -> None:
        if isinstance(item, EdgeItem):
            for card in (item.source, item.target):
                if item in card.edges:
                    card.edges.remove(item)
            self.edges.pop(item.entity_id, None)
            if item.sketch is not None:
                item.sketch.let_go(item)
            if item.label_item is not None and item.label_item.scene() is self:
                self.removeItem(item.label_item)
        elif isinstance(item, CardItem):
            for edge in list(item.edges):
                self._remove(edge)
            self.cards.pop(item.entity_id, None)
        elif isinstance(item, CentreItem):
            self.centres.pop(item.entity_id, None)
        self.items_by_key.pop(item.key, None)
        self.removeItem(item)

    def _rebuild_members(self) -> None:
        members: dict[str, set[str]] = {}
        for pid, card in self.cards.items():
            cid = card.person.decision_centre_id
            if cid:
                members.setdefault(cid, set()).add(pid)
        self._members = members

    def cards_in_centre(self, centre_id: str) -> list[CardItem]:
        return [self.cards[p] for p in self._members.get(centre_id, ()) if p in self.cards]

    # ================================================================== looks
    def set_overlay(self, overlay: str) -> None:
        self.overlay = overlay
        self.refresh_looks()

    def look_of(self, person) -> tuple[QColor, str]:
        if self.overlay == style.OVERLAY_STAGE:
            framework = self.context.document.settings.journey_framework
            index = framework.index(person.journey_stage)
            return (style.stage_colour(index, len(framework.stations)),
                    str(index + 1) if index is not None else "–")
        if self.overlay == style.OVERLAY_STRENGTH:
            return style.strength_colour(person.relationship_strength), str(person.relationship_strength)
        return style.ATTITUDE_COLOURS[person.attitude], style.ATTITUDE_SYMBOLS[person.attitude]

    def _question_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for q in self.account.open_questions:
            if q.stakeholder_id and q.status in (QuestionStatus.OPEN, QuestionStatus.ASKED):
                counts[q.stakeholder_id] = counts.get(q.stakeholder_id, 0) + 1
        return counts

    def refresh_looks(self, ids=None, coverage: bool = True) -> None:
        """The looks of the cards of `ids` (all with None): colour, open questions, stale
        contact; and the frames' coverage marks (unless `coverage` is False: nothing
        they depend on changed)."""
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.account
        days = self.context.document.settings.stale_contact_days
        today = clock.today()
        counts = self._question_counts()
        never, ago = tr("No contact recorded yet"), tr("Last contact %1 days ago")
        cards = self.cards.values() if ids is None else [self.cards[i] for i in ids if i in self.cards]
        lasts = last_contacts(account, today, [card.entity_id for card in cards])  # one pass
        for card in cards:
            person = card.person
            fill, symbol = self.look_of(person)
            last = lasts.get(person.id)  # meetings held count too
            stale = last is None or (today - last).days > days
            if last is None:
                stale_text = never
            elif stale:
                stale_text = ago.replace("%1", str((today - last).days))
            else:
                stale_text = ""
            card.set_look(fill, symbol, counts.get(person.id, 0), stale, stale_text)
        if coverage:
            self.refresh_coverage()

    def refresh_coverage(self) -> None:
        uncovered = set(account_rules.uncovered_centres(self.account))
        coverage = self.overlay == style.OVERLAY_COVERAGE
        for cid, item in self.centres.items():
            item.set_flags(uncovered=cid in uncovered, show_coverage=coverage,
                           members=len(self._members.get(cid, ())))

    # ================================================================== queries
    def card_at(self, pos: QPointF, exclude=None) -> CardItem | None:
        for item in self.items(pos):
            card = item if isinstance(item, CardItem) else None
            if card is None and isinstance(item.parentItem(), CardItem):
                card = item.parentItem()
            if card is not None and card is not exclude:
                return card
        return None

    def centre_at(self, pos: QPointF, exclude=None) -> CentreItem | None:
        """The smallest frame containing `pos` (frames may overlap)."""
        best = None
        for item in self.centres.values():
            if item is exclude:
                continue
            if item.rect_in_scene().contains(pos):
                area = item.size.width() * item.size.height()
                if best is None or area < best[0]:
                    best = (area, item)
        return best[1] if best else None

    def entity_item_at(self, pos: QPointF):
        for item in self.items(pos):
            if isinstance(item, EdgeLabel):
                return item.edge  # a label stands for its relationship
            while item is not None and not isinstance(item, EntityItem):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def selected_ids(self, table: str) -> list[str]:
        return [item.entity_id for item in self.selectedItems()
                if isinstance(item, EntityItem) and item.key[0] == table]

    def free_spot(self, pos: QPointF) -> QPointF:
        """`pos` snapped, shifted down-right until no card sits exactly there."""
        x, y = snap(pos.x()), snap(pos.y())
        taken = {(round(c.pos().x()), round(c.pos().y())) for c in self.cards.values()}
        for _ in range(50):
            if (round(x), round(y)) not in taken:
                break
            x += 30
            y += 30
        return QPointF(x, y)

    # ================================================================== gestures
    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._pressed_positions and not self.dragging and isinstance(self.mouseGrabberItem(), EntityItem):
            # a drag began: moving items would be taken out of and put back into the BSP
            # index at every step; a plain list is cheaper until the drop
            self.dragging = True
            moving = [i for i in (self.items_by_key.get(key) for key in self._pressed_positions) if i]
            for view in self.views():  # what does not move: one picture until the drop
                getattr(view, "still", None) and view.still.freeze(moving)
            if not self._frozen_views():
                # a drag began: moving items (cards, lines, labels) would be taken out of
                # and put back into the BSP index at every step; a plain list is cheaper
                # until the drop. With the picture, only the cards move in Qt (their lines
                # are drawn with it) and the index is kept: without it each repaint visits
                # every item of the map (~2.5 ms a step at 1,000 people)
                self.setItemIndexMethod(self.ItemIndexMethod.NoIndex)
            self._quiet_moves(moving)
            self._drag_movers = {id(item) for item in (*moving, *self._quiet_cards)}
        # cards moved by this step put their edges here; each edge is then updated ONCE
        # (an edge between two dragged cards would otherwise be recomputed twice)
        frozen = self._frozen_views() if self.dragging else []
        # (lines drawn with a drag's picture follow with it: StaticPicture.follow)
        self.edge_batch = set() if frozen else set(self._drag_edges)
        try:
            super().mouseMoveEvent(event)
        finally:
            batch, self.edge_batch = self.edge_batch, None
            followed = False
            for view in frozen:
                followed = view.still.follow() or followed
            for edge in batch:
                if edge.scene() is self:
                    if edge.drawn_by_picture:  # a big map: drawn with the drag's picture
                        edge.follow()
                        followed = True
                    else:
                        edge.update_geometry()
            if followed:  # lines far from the dragged cards move too
                for view in self.views():
                    view.viewport().update()
        grabber = self.mouseGrabberItem()
        target = None
        if isinstance(grabber, CardItem) and self._pressed_positions is not None:
            target = self._drop_frame_at(grabber.centre_point())
        if target is not self._drop_centre:
            if self._drop_centre is not None and self._drop_centre.scene() is self:
                self._drop_centre.set_drop_target(False)
            self._drop_centre = target
            if target is not None:
                target.set_drop_target(True)

    def _drop_frame_at(self, pos: QPointF) -> CentreItem | None:
        """centre_at during a drag: the frames that stay are plain float boxes, taken at
        its start (24 rects built in Python at every step cost ~0.05 ms at 1,000 people)."""
        if not self._frame_boxes:
            return self.centre_at(pos)
        return self._frame_among(self._frame_boxes, pos)

    def _frame_among(self, boxes: list, pos: QPointF) -> CentreItem | None:
        """centre_at among `boxes` ((frame, its _frame_box or None: where it is now))."""
        x, y = pos.x(), pos.y()
        best, least = None, None
        for item, box in boxes:
            if box is None:  # a frame the drag moves: where it is now
                box = self._frame_box(item)
            left, top, right, bottom, area = box
            if left <= x <= right and top <= y <= bottom and (least is None or area < least):
                best, least = item, area
        return best

    @staticmethod
    def _frame_box(item: CentreItem) -> tuple:
        """(left, top, right, bottom, area): what QRectF.contains tests (an empty frame
        contains nothing)."""
        rect = item.rect_in_scene()
        if rect.width() == 0 or rect.height() == 0:
            return (1.0, 1.0, 0.0, 0.0, 0.0)
        return (rect.left(), rect.top(), rect.right(), rect.bottom(),
                item.size.width() * item.size.height())

    def _frozen_views(self) -> list:
        """The views showing a drag's picture (drag_freeze.py)."""
        return [view for view in self.views() if getattr(view, "still", None) and view.still.active]

    def _quiet_moves(self, moving) -> None:
        """The dragged cards' lines no longer follow each move of a card (`CardItem.setPos`,
        a centre moving its cards): the scene updates them once per step instead, until
        the drop."""
        cards = {item for item in moving if isinstance(item, CardItem)}
        for item in moving:
            if isinstance(item, CentreItem):
                cards.update(self.cards_in_centre(item.entity_id))
        self._quiet_cards = list(cards)
        self._drag_edges = list({edge for card in cards for edge in card.edges})
        moving = set(moving)
        self._frame_boxes = []
        for item in self.centres.values():  # (in centre_at's order: the same frame on a tie)
            self._frame_boxes.append((item, None if item in moving else self._frame_box(item)))
        for card in self._quiet_cards:
            card.quiet = True

    def _loud_moves(self) -> None:
        """Before the drop's commit: a card's move updates its lines again."""
        quiet, self._quiet_cards, self._drag_edges = self._quiet_cards, [], []
        self._frame_boxes = []
        for card in quiet:
            card.quiet = False

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.dragging:  # the drop moves the dragged cards' long lines: each would be
            # taken out of the BSP index (~0.3 ms a line at 1,000 people); rebuilt after
            self.setItemIndexMethod(self.ItemIndexMethod.NoIndex)
        self._loud_moves()
        if self._drop_centre is not None:
            self._drop_centre.set_drop_target(False)
            self._drop_centre = None
        try:
            super().mouseReleaseEvent(event)
        finally:
            self._restore_index()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._loud_moves()
        self._drag_movers = None
        self._restore_index()  # a drag that never saw its release (grab lost)
        super().mousePressEvent(event)

    def _restore_index(self) -> None:
        if self.dragging:
            self.dragging = False
            for view in self.views():
                getattr(view, "still", None) and view.still.thaw()
            self.setItemIndexMethod(self.resting_index())  # (none far out: scene_sight.py)
            self.place_labels()

    def moved_items(self) -> list:
        """After a drag only what it moved can have moved (the dragged items and the cards
        their frames carried): only those are compared with the model, in the same order
        as the scan of every item (~5 ms at 3,000 people), which is the way otherwise."""
        movers, self._drag_movers = self._drag_movers, None
        if movers is None:
            return super().moved_items()
        return [item for item in self.items_by_key.values()
                if id(item) in movers and isinstance(item, EntityItem) and item.movable_to_model
                and item.pos() != item.model_pos()]

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        item = self.entity_item_at(event.scenePos())
        if item is not None and not item.isSelected():
            self.clearSelection()
            item.setSelected(True)
        self.contextMenuWanted.emit(item, event.scenePos(), event.screenPos())
        event.accept()

    def commit_moves(self, merge_key: object = None) -> None:
        """One undo step for a drag: new positions, and a new decision centre for every
        card dropped (directly, not carried by its frame) into another frame or outside."""
        moved = self.moved_items()
        if not moved:
            return
        from accountmap.document import membership

        account = self.account
        updates = []
        changed_centre = False
        landed: dict[str, dict[str, tuple[float, float]]] = {}  # centre id -> cards dropped in
        # the frames as centre_at sees them, boxed once (not 50 × every frame's rect)
        frames = [(item, self._frame_box(item)) for item in self.centres.values()]
        for item in moved:
            pos = item.pos()
            if self.snap_to_grid:
                pos = QPointF(snap(pos.x()), snap(pos.y()))
            fields: dict = {"x": pos.x(), "y": pos.y()}
            if isinstance(item, CardItem) and item.isSelected():
                centre = self._frame_among(frames, pos + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2))
                centre_id = centre.entity_id if centre is not None else None
                if centre_id != item.person.decision_centre_id:
                    fields["decision_centre_id"] = centre_id
                    changed_centre = True
                if centre_id is not None:  # clear of the title; the frame grows to hold it
                    fields["x"], fields["y"] = membership.dropped_into(account, centre_id, (pos.x(), pos.y()))
                    landed.setdefault(centre_id, {})[item.entity_id] = (fields["x"], fields["y"])
            updates.append((item.key[0], item.entity_id, fields))
        text = tr("Move to another decision centre") if changed_centre else tr("Move")
        try:
            changes = self.editor.updated_rows(self.account_id, updates)
            carried = {i.entity_id for i in moved if isinstance(i, CentreItem)}
            changes += membership.growth_changes_many(self.editor, account, {
                centre_id: cards for centre_id, cards in landed.items() if centre_id not in carried})
            self.editor.commit([c for c in changes if c is not None], text, merge_key)
        except WorkspaceError as exc:
            self.report(exc)
        for item in moved:  # back to the model where nothing changed (or refused)
            if item.scene() is self and item.pos() != item.model_pos():
                item.setPos(item.model_pos())

    def items_to_nudge(self) -> list:
        """The selection, with the cards inside selected frames."""
        items = super().items_to_nudge()
        for item in list(items):
            if isinstance(item, CentreItem):
                items.extend(c for c in self.cards_in_centre(item.entity_id) if c not in items)
        return items

    def commit_resize(self, item: CentreItem) -> None:
        w, h = snap(item.size.width()), snap(item.size.height())
        try:
            changed = self.editor.update(self.account_id, "decision_centres", item.entity_id,
                                         tr("Resize decision centre"), width=w, height=h)
        except WorkspaceError as exc:
            self.report(exc)
            changed = False
        if not changed and item.scene() is self:
            item.set_centre(self.account.decision_centre(item.entity_id) or item.centre)

    def connect_people(self, from_id: str, to_id: str, kind: RelationshipKind | None = None) -> str | None:
        """Create a relationship (one undo step); refuse one from a person to themself."""
        if from_id == to_id:
            self.context.document.errorOccurred.emit(
                tr("A relationship must connect two different people; it was not created."))
            return None
        relationship = Relationship(from_id=from_id, to_id=to_id, kind=kind or self.default_kind)
        try:
            return self.editor.add(self.account_id, "relationships", relationship,
                                   tr("Connect"))
        except WorkspaceError as exc:
            self.report(exc)
            return None

    # ================================================================== search
    def highlight(self, text: str) -> list[CardItem]:
        """Highlight the cards (and frames) whose name, title or notes contain `text`."""
        needle = text.strip().casefold()
        found: list[CardItem] = []
        for card in self.cards.values():
            p = card.person
            hit = bool(needle) and (needle in p.full_name.casefold() or needle in p.title.casefold())
            card.set_highlighted(hit)
            if hit:
                found.append(card)
        for centre in self.centres.values():
            centre.set_highlighted(bool(needle) and needle in centre.centre.name.casefold())
        order = {s.id: i for i, s in enumerate(self.account.stakeholders)}
        found.sort(key=lambda c: order.get(c.entity_id, 0))
        return found

    def content_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.items_by_key.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect
