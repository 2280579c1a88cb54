"""The roadmap scene: one item per node and edge, kept in step with the document.

It listens to `rowsChanged` for roadmap_nodes / roadmap_edges, updates only the items
whose rows changed, then recomputes where the account stands on its road
(`position_on_road`): path taken strong, alternatives not in play faded, the active
checkpoint highlighted, overdue checkpoints outlined. Gestures (connect by dragging from
a node's handle, create at a point, copy/paste, delete, status) call the editor.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QLineF, QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from accountmap.canvas.common.scene import CanvasScene, snap
from accountmap.canvas.roadmap.items import (
    FADED_OPACITY,
    EdgeItem,
    NodeItem,
    ensure_fonts,
    node_size,
    outcome_text,
    tr,
)
from accountmap.domain import clock
from accountmap.domain.copies import fresh_copies
from accountmap.domain.models import Account, Roadmap, RoadmapEdge, RoadmapNode
from accountmap.domain.roadmap_rules import RoadPosition, overdue_nodes, position_on_road
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.storage.errors import WorkspaceError

MIME_TYPE = "application/x-accountmap-roadmap+json"
NODES = "roadmap_nodes"
EDGES = "roadmap_edges"


def default_title(kind: NodeKind) -> str:
    return {
        NodeKind.START: tr("Start"),
        NodeKind.CHECKPOINT: tr("New checkpoint"),
        NodeKind.DECISION: tr("New crossroads?"),
        NodeKind.WON: tr("Won"),
        NodeKind.LOST: tr("Lost"),
    }[NodeKind(kind)]


class RoadmapScene(CanvasScene):
    positionChanged = Signal()  # the road position (progress, active...) was recomputed
    roadmapChanged = Signal()  # any node or edge changed (after items were updated)
    placingFinished = Signal()  # a node was placed with a palette tool (or the tool dropped)
    editRequested = Signal(str, str)  # table, id: double-click asks the panel to edit it

    def __init__(self, context, parent=None, *, listen: bool = True) -> None:
        super().__init__(context, parent)
        ensure_fonts()
        self.position: RoadPosition | None = None
        self.overdue_ids: set[str] = set()
        self._connect_from: NodeItem | None = None
        self._rubber_line: QGraphicsLineItem | None = None
        self.placing: NodeKind | None = None  # palette tool: the next click places this kind
        # on screen, nodes (and dashed loops) keep their look as a pixmap between changes: a
        # pan frame blits it instead of drawing again (scripts/bench --only road); a scene
        # drawn to a file (listen=False, canvas/render.py) draws vectors and text
        self.cached = listen
        self._glowing: set[EdgeItem] = set()  # the selected branches, shown with a glow
        self.selectionChanged.connect(self._glow_selected_branches)
        # the BSP index (Qt's default) kept: a frame of zoom or pan then asks only the items
        # in view for their bounds, not all of a 1,000-node road (scripts/bench --only road)
        from accountmap.canvas.roadmap.arrangement import RoadArrangement

        self.arrangement = RoadArrangement(self)  # lanes, the folded whole road (views only)
        self.rebuild()
        if listen:
            context.document.rowsChanged.connect(self._on_rows_changed)
            context.document.dayChanged.connect(self.refresh_position)

    # ------------------------------------------------------------------ model → items
    @property
    def roadmap(self) -> Roadmap:
        return self.context.document.account(self.account_id).roadmap

    def node_items(self) -> list[NodeItem]:
        return [i for i in self.items_by_key.values() if isinstance(i, NodeItem)]

    def edge_items(self) -> list[EdgeItem]:
        return [i for i in self.items_by_key.values() if isinstance(i, EdgeItem)]

    def rebuild(self) -> None:
        for item in list(self.items_by_key.values()):
            self.removeItem(item)
        self.items_by_key.clear()
        roadmap = self.roadmap
        for node in roadmap.nodes:
            self._add_node_item(node)
        for edge in roadmap.edges:
            self._add_edge_item(edge)
        self.refresh_position()
        self.arrangement.apply()

    def _glow_selected_branches(self) -> None:
        selected = {i for i in self.selectedItems() if isinstance(i, EdgeItem)}
        for item in self._glowing - selected:
            item.show_glow(False)
        for item in selected - self._glowing:
            item.show_glow(True)
        self._glowing = selected

    def _add_node_item(self, node: RoadmapNode) -> NodeItem:
        item = NodeItem(node)
        item.use_cache(self.cached)
        self.items_by_key[(NODES, node.id)] = item
        self.addItem(item)
        return item

    def _add_edge_item(self, edge: RoadmapEdge) -> EdgeItem:
        item = EdgeItem(edge, self.items_by_key.get((NODES, edge.from_id)),
                        self.items_by_key.get((NODES, edge.to_id)))
        item.use_cache(self.cached)
        self.items_by_key[(EDGES, edge.id)] = item
        self.addItem(item)
        return item

    def _remove(self, key) -> None:
        item = self.items_by_key.pop(key, None)
        if item is None:
            return
        if isinstance(item, EdgeItem):
            item.set_edge(item.edge, None, None)
        self.removeItem(item)

    def _on_rows_changed(self, account_id: str, table: str, ids: list) -> None:
        if account_id != self.account_id or table not in (NODES, EDGES):
            return
        if not self.context.document.has_account(account_id):
            return
        roadmap = self.roadmap
        if table == NODES:
            nodes = {n.id: n for n in roadmap.nodes if n.id in set(ids)}
            for node_id in ids:
                key = (NODES, node_id)
                node = nodes.get(node_id)
                item = self.items_by_key.get(key)
                if node is None:
                    if item is not None:
                        for edge in list(item.edges):
                            edge.set_edge(edge.edge, None if edge.source is item else edge.source,
                                          None if edge.target is item else edge.target)
                    self._remove(key)
                elif item is None:
                    self._add_node_item(node)
                    for edge in roadmap.edges:  # edges that waited for this node
                        if node_id in (edge.from_id, edge.to_id):
                            edge_item = self.items_by_key.get((EDGES, edge.id))
                            if edge_item is not None:
                                self._attach(edge_item, edge)
                else:
                    item.set_node(node)
        else:
            edges = {e.id: e for e in roadmap.edges if e.id in set(ids)}
            for edge_id in ids:
                key = (EDGES, edge_id)
                edge = edges.get(edge_id)
                item = self.items_by_key.get(key)
                if edge is None:
                    self._remove(key)
                elif item is None:
                    self._add_edge_item(edge)
                else:
                    self._attach(item, edge)
        self.refresh_position()
        self.roadmapChanged.emit()

    def _attach(self, item: EdgeItem, edge: RoadmapEdge) -> None:
        item.set_edge(edge, self.items_by_key.get((NODES, edge.from_id)),
                      self.items_by_key.get((NODES, edge.to_id)))

    def refresh_position(self) -> None:
        """Recompute the road position and restyle every item (path, faded, active)."""
        roadmap = self.roadmap
        position = position_on_road(roadmap)
        self.position = position
        self.overdue_ids = {n.id for n in overdue_nodes(roadmap, clock.today())}
        has_start = any(n.kind == NodeKind.START for n in roadmap.nodes)
        taken = set(position.taken)
        current = set(position.current_ids)
        active = set(position.active_ids)
        nodes = {n.id: n for n in roadmap.nodes}
        for item in self.node_items():
            node_id = item.node_id
            faded = has_start and node_id not in position.in_play
            state = (faded, node_id in active, node_id in current, node_id in self.overdue_ids,
                     node_id in taken)
            if state != (item.faded, item.active, item.current, item.overdue, item.passed):
                item.faded, item.active, item.current, item.overdue, item.passed = state
                item.setOpacity(FADED_OPACITY if faded else 1.0)
                item.use_cache(self.cached)
                item.update()
        for item in self.edge_items():
            edge = item.edge
            source = nodes.get(edge.from_id)
            in_play = (has_start and edge.from_id in position.in_play
                       and edge.to_id in position.in_play)
            if in_play and source is not None and source.kind == NodeKind.DECISION \
                    and source.chosen_edge_id and source.chosen_edge_id != edge.id:
                in_play = False
            chosen = source is not None and source.kind == NodeKind.DECISION \
                and source.chosen_edge_id == edge.id
            item.set_flags(faded=has_start and not in_play,
                           taken=edge.id in position.chosen_edge_ids, chosen=chosen)
        self.positionChanged.emit()

    # ------------------------------------------------------------------ creating
    def add_node(self, kind: NodeKind, center: QPointF, title: str | None = None) -> str | None:
        w, h = node_size(NodeKind(kind))
        node = RoadmapNode(kind=kind, title=default_title(kind) if title is None else title,
                           x=snap(center.x() - w / 2), y=snap(center.y() - h / 2))
        try:
            node_id = self.editor.add(self.account_id, NODES, node, {
                NodeKind.START: tr("Add start"),
                NodeKind.CHECKPOINT: tr("Add checkpoint"),
                NodeKind.DECISION: tr("Add crossroads"),
                NodeKind.WON: tr("Add “won”"),
                NodeKind.LOST: tr("Add “lost”"),
            }[NodeKind(kind)])
        except WorkspaceError as exc:
            self.report(exc)
            return None
        self.select_keys([(NODES, node_id)])
        return node_id

    def connect_nodes(self, from_id: str, to_id: str) -> str | None:
        roadmap = self.roadmap
        source = next((n for n in roadmap.nodes if n.id == from_id), None)
        if source is None or from_id == to_id:
            return None
        existing_edge = next((e for e in roadmap.edges
                              if e.from_id == from_id and e.to_id == to_id), None)
        if existing_edge is not None:  # already connected: show that branch
            self.select_keys([(EDGES, existing_edge.id)])
            return None
        try:
            edge_id = self.editor.connect_nodes(self.account_id, from_id, to_id, tr("Connect"))
        except WorkspaceError as exc:
            self.report(exc)
            return None
        self.select_keys([(EDGES, edge_id)])
        return edge_id

    # connection gesture (driven by ConnectHandle)
    def start_connection(self, item: NodeItem, pos: QPointF) -> None:
        self._connect_from = item
        line = QGraphicsLineItem(QLineF(item.out_port(), pos))
        line.setPen(QPen(QColor("#2a64c8"), 1.6))
        line.setZValue(10)
        self.addItem(line)
        self._rubber_line = line

    def update_connection(self, pos: QPointF) -> None:
        if self._rubber_line is not None and self._connect_from is not None:
            self._rubber_line.setLine(QLineF(self._connect_from.out_port(), pos))

    def node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos):
            while item is not None and not isinstance(item, NodeItem):
                item = item.parentItem()
            if isinstance(item, NodeItem):
                return item
        return None

    def finish_connection(self, pos: QPointF) -> None:
        source = self._connect_from
        self._connect_from = None
        if self._rubber_line is not None:
            self.removeItem(self._rubber_line)
            self._rubber_line = None
        target = self.node_at(pos)
        if source is not None and target is not None and target is not source:
            self.connect_nodes(source.node_id, target.node_id)

    # ------------------------------------------------------------------ selection
    def select_keys(self, keys) -> None:
        self.clearSelection()
        for key in keys:
            item = self.items_by_key.get(tuple(key))
            if item is not None:
                item.setSelected(True)

    def selected_node_ids(self) -> list[str]:
        return [k[1] for k in self.selected_keys() if k[0] == NODES]

    def selected_edge_ids(self) -> list[str]:
        return [k[1] for k in self.selected_keys() if k[0] == EDGES]

    # ------------------------------------------------------------------ editing
    def set_status(self, node_id: str, status: CheckpointStatus) -> None:
        from accountmap.canvas.roadmap.completion import set_status

        views = self.views()
        set_status(self.context, node_id, status, views[0] if views else None)

    def choose_outcome(self, node_id: str, edge_id: str | None) -> None:
        from accountmap.canvas.roadmap.completion import choose_outcome

        views = self.views()
        choose_outcome(self.context, node_id, edge_id, views[0] if views else None)

    def delete_selection(self) -> None:
        nodes, edges = self.selected_node_ids(), self.selected_edge_ids()
        if not nodes and not edges:
            return
        try:
            self.editor.delete(self.account_id, {NODES: nodes, EDGES: edges})
        except WorkspaceError as exc:
            self.report(exc)

    def copy_mime(self) -> QMimeData | None:
        ids = set(self.selected_node_ids())
        if not ids:
            return None
        roadmap = self.roadmap
        payload = {
            "nodes": [n.model_dump(mode="json") for n in roadmap.nodes if n.id in ids],
            "edges": [e.model_dump(mode="json") for e in roadmap.edges
                      if e.from_id in ids and e.to_id in ids],
        }
        mime = QMimeData()
        mime.setData(MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        mime.setText("\n".join(n["title"] for n in payload["nodes"]))
        return mime

    def paste_mime(self, mime: QMimeData | None, offset: QPointF = QPointF(40, 40)) -> list[str]:
        if mime is None or not mime.hasFormat(MIME_TYPE):
            return []
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE)).decode("utf-8"))
            pasted = Roadmap.model_validate({"nodes": payload.get("nodes", []),
                                             "edges": payload.get("edges", [])})
        except (ValueError, TypeError):
            return []
        items = fresh_copy(pasted, offset.x(), offset.y(), self.context.account)
        if not items:
            return []
        try:
            ids = self.editor.add_many(self.account_id, items, tr("Paste"))
        except WorkspaceError as exc:
            self.report(exc)
            return []
        self.select_keys([(table, i) for (table, _), i in zip(items, ids)])
        return ids

    # ------------------------------------------------------------------ mouse
    def item_at(self, pos: QPointF):
        for item in self.items(pos):
            while item is not None and not isinstance(item, (NodeItem, EdgeItem)):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.placing is not None and event.button() == Qt.MouseButton.LeftButton:
            kind, self.placing = self.placing, None
            event.accept()
            self.add_node(kind, event.scenePos())
            self.placingFinished.emit()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        item = self.item_at(event.scenePos())
        if item is None:
            if event.button() == Qt.MouseButton.LeftButton and not self.arrangement.active:
                self.add_node(NodeKind.CHECKPOINT, event.scenePos())
                event.accept()
            return
        self.select_keys([item.key])
        self.editRequested.emit(*item.key)
        event.accept()

    def context_actions(self, pos: QPointF, parent=None) -> list:
        """The actions of the context menu at `pos` (a node, an edge or empty canvas)."""
        item = self.item_at(pos)
        actions: list = []

        def act(text, slot, checkable=False, checked=False):
            action = QAction(text, parent or self)
            action.setCheckable(checkable)
            action.setChecked(checked)
            action.triggered.connect(lambda _=False: slot())
            actions.append(action)
            return action

        if item is None:
            for kind, text in ((NodeKind.CHECKPOINT, tr("Add checkpoint here")),
                               (NodeKind.DECISION, tr("Add crossroads here")),
                               (NodeKind.START, tr("Add start here")),
                               (NodeKind.WON, tr("Add “won” here")),
                               (NodeKind.LOST, tr("Add “lost” here"))):
                act(text, lambda k=kind: self.add_node(k, pos))
            return actions
        if not item.isSelected():
            self.select_keys([item.key])
        from accountmap.canvas.roadmap import insertion

        if isinstance(item, NodeItem):
            node = item.node
            if insertion.can_insert_after(node):
                act(tr("Insert checkpoint after"), lambda: insertion.insert_after(self, node.id))
            if node.kind == NodeKind.CHECKPOINT:
                from accountmap.canvas.roadmap.items import status_text

                for status in CheckpointStatus:
                    act(tr("Mark: %1").replace("%1", status_text(status)),
                        lambda s=status: self.set_status(node.id, s),
                        True, node.status == status)
            elif node.kind == NodeKind.DECISION:
                for edge in self.roadmap.edges:
                    if edge.from_id == node.id:
                        label = outcome_text(edge.outcome) or tr("(unlabelled)")
                        act(tr("Outcome: %1").replace("%1", label),
                            lambda e=edge.id: self.choose_outcome(node.id, e),
                            True, node.chosen_edge_id == edge.id)
                if node.chosen_edge_id:
                    act(tr("Clear the chosen outcome"), lambda: self.choose_outcome(node.id, None))
        else:
            edge = item.edge
            act(tr("Insert checkpoint here"), lambda: insertion.insert_on_edge(self, edge.id))
            act(tr("Deliberate loop"), lambda: self._toggle_loop(edge.id), True, edge.loop)
        act(tr("Delete"), self.delete_selection)
        return actions

    def _toggle_loop(self, edge_id: str) -> None:
        edge = next((e for e in self.roadmap.edges if e.id == edge_id), None)
        if edge is None:
            return
        try:
            self.editor.update(self.account_id, EDGES, edge_id, tr("Deliberate loop"),
                               loop=not edge.loop)
        except WorkspaceError as exc:
            self.report(exc)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtWidgets import QMenu

        menu = QMenu()
        for action in self.context_actions(event.scenePos(), menu):
            if action.text() == tr("Delete"):
                menu.addSeparator()
            menu.addAction(action)
        menu.exec(event.screenPos())
        event.accept()

    # ------------------------------------------------------------------ showing
    def bounding_rect(self):
        return self.itemsBoundingRect()


def fresh_copy(roadmap: Roadmap, dx: float, dy: float, target: Account
               ) -> list[tuple[str, object]]:
    """Nodes and edges of `roadmap` moved by dx, dy (on the grid) as new entities of
    `target` (domain.copies: fresh ids, references following them)."""
    moved = [(NODES, n.model_copy(update={"x": snap(n.x + dx), "y": snap(n.y + dy)}))
             for n in roadmap.nodes]
    return fresh_copies(moved + [(EDGES, e) for e in roadmap.edges], target)
