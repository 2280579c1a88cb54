"""Inserting a checkpoint into the road: after a node (it takes over the node's way on) or on
a branch (the branch now leads to it, and it leads on). The new checkpoint is wired into the
path, the nodes downstream move right to make room, and it is all ONE undo step.

The branch keeps its id, outcome and loop flag (a crossroads' chosen outcome stays valid);
the new checkpoint continues to the old target by a fresh, unlabelled branch.
"""

from __future__ import annotations

from collections import deque

from accountmap.canvas.common.scene import snap
from accountmap.canvas.roadmap.items import node_size, tr
from accountmap.domain.models import Roadmap, RoadmapEdge, RoadmapNode
from accountmap.domain.vocabulary import NodeKind
from accountmap.layout.sizes import LAYER_GAP, NODE_HEIGHT, NODE_WIDTH
from accountmap.storage.errors import WorkspaceError

NODES = "roadmap_nodes"
EDGES = "roadmap_edges"
STEP = NODE_WIDTH + LAYER_GAP  # how far the road downstream moves to make room


def can_insert_after(node: RoadmapNode) -> bool:
    """After a start or a checkpoint (a crossroads branches: insert on one of its branches;
    won and lost end the road)."""
    return node.kind in (NodeKind.START, NodeKind.CHECKPOINT)


def downstream(roadmap: Roadmap, from_ids: list[str], stop: str) -> set[str]:
    """Nodes reachable from `from_ids` without passing `stop`, loops not followed."""
    out: dict[str, list[str]] = {}
    for e in roadmap.edges:
        if not e.loop:
            out.setdefault(e.from_id, []).append(e.to_id)
    seen: set[str] = set()
    queue = deque(from_ids)
    while queue:
        node_id = queue.popleft()
        if node_id in seen or node_id == stop:
            continue
        seen.add(node_id)
        queue.extend(out.get(node_id, ()))
    return seen


def _room_moves(editor, account_id: str, roadmap: Roadmap, targets: list[str], origin: RoadmapNode,
                new_x: float) -> list:
    """Move the road downstream of the insertion right as far as the new checkpoint needs
    (nothing when there is room already)."""
    nodes = {n.id: n for n in roadmap.nodes}
    nearest = min((nodes[t].x for t in targets if t in nodes and nodes[t].x > origin.x), default=None)
    if nearest is None:
        return []
    shift = snap(new_x + STEP - nearest)
    if shift <= 0:
        return []
    changes = []
    moved = downstream(roadmap, targets, origin.id)
    for node in roadmap.nodes:
        if node.id in moved and node.x >= new_x - NODE_WIDTH / 2:
            change = editor.updated_row(account_id, NODES, node.id, {"x": node.x + shift})
            if change is not None:
                changes.append(change)
    return changes


def insert_after(scene, node_id: str) -> str | None:
    """A new checkpoint right after `node_id`, which now leads to it; it leads on to where
    the node led. Returns the new node's id (selected), or None."""
    roadmap = scene.roadmap
    node = next((n for n in roadmap.nodes if n.id == node_id), None)
    if node is None or not can_insert_after(node):
        return None
    w, _ = node_size(node.kind)
    x = snap(node.x + w + LAYER_GAP)
    y = snap(node.y + (node_size(node.kind)[1] - NODE_HEIGHT) / 2)
    new = RoadmapNode(kind=NodeKind.CHECKPOINT, title=tr("New checkpoint"), x=x, y=y)
    outgoing = [e for e in roadmap.edges if e.from_id == node_id]
    editor, account_id = scene.editor, scene.account_id
    try:
        changes, (new_id,) = editor.new_rows(account_id, [(NODES, new)])
        edge_changes, _ = editor.new_rows(account_id, [(EDGES, RoadmapEdge(from_id=node_id, to_id=new_id))])
        changes += edge_changes
        for edge in outgoing:  # the new checkpoint takes over the way on
            change = editor.updated_row(account_id, EDGES, edge.id, {"from_id": new_id})
            if change is not None:
                changes.append(change)
        changes += _room_moves(editor, account_id, roadmap, [e.to_id for e in outgoing], node, x)
        editor.commit(changes, tr("Insert checkpoint after “%1”").replace("%1", node.title))
    except WorkspaceError as exc:
        scene.report(exc)
        return None
    scene.select_keys([(NODES, new_id)])
    return new_id


def insert_on_edge(scene, edge_id: str) -> str | None:
    """A new checkpoint on the branch `edge_id`: the branch leads to it, it leads on."""
    roadmap = scene.roadmap
    edge = next((e for e in roadmap.edges if e.id == edge_id), None)
    nodes = {n.id: n for n in roadmap.nodes}
    if edge is None or edge.from_id not in nodes or edge.to_id not in nodes:
        return None
    source, target = nodes[edge.from_id], nodes[edge.to_id]
    sw, sh = node_size(source.kind)
    x = snap(source.x + sw + LAYER_GAP)
    y = snap(source.y + sh / 2 - NODE_HEIGHT / 2) if edge.loop or target.x <= source.x else snap(
        (source.y + sh / 2 + target.y + node_size(target.kind)[1] / 2) / 2 - NODE_HEIGHT / 2)
    new = RoadmapNode(kind=NodeKind.CHECKPOINT, title=tr("New checkpoint"), x=x, y=y)
    editor, account_id = scene.editor, scene.account_id
    try:
        changes, (new_id,) = editor.new_rows(account_id, [(NODES, new)])
        onward, _ = editor.new_rows(account_id, [(EDGES, RoadmapEdge(from_id=new_id, to_id=target.id))])
        changes += onward
        changes.append(editor.updated_row(account_id, EDGES, edge.id, {"to_id": new_id}))
        if not edge.loop:
            changes += _room_moves(editor, account_id, roadmap, [target.id], source, x)
        editor.commit(changes, tr("Insert checkpoint between “%1” and “%2”")
                      .replace("%1", source.title).replace("%2", target.title))
    except WorkspaceError as exc:
        scene.report(exc)
        return None
    scene.select_keys([(NODES, new_id)])
    return new_id


def insertable(scene) -> bool:
    """One node after which a checkpoint can go, or one branch, is selected."""
    keys = scene.selected_keys()
    if len(keys) != 1:
        return False
    table, entity_id = keys[0]
    if table == EDGES:
        return True
    node = next((n for n in scene.roadmap.nodes if n.id == entity_id), None)
    return node is not None and can_insert_after(node)


def insert_at_selection(scene) -> str | None:
    """The toolbar's "Insert checkpoint": after the selected node or on the selected branch."""
    if not insertable(scene):
        return None
    table, entity_id = scene.selected_keys()[0]
    return insert_on_edge(scene, entity_id) if table == EDGES else insert_after(scene, entity_id)
