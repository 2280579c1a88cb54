"""Auto-layout for the roadmap page: the real layered layout when it is there
(`accountmap.layout.roadmap_layout.layout_roadmap(roadmap) -> {node_id: (x, y)}`, top-left
corners), else a simple fallback with the same signature: columns by breadth-first depth
from the start, rows in order of discovery. Pure (no Qt)."""

from __future__ import annotations

from collections import defaultdict, deque

from accountmap.domain.models import Roadmap
from accountmap.domain.vocabulary import NodeKind
from accountmap.layout.sizes import (
    DECISION_HEIGHT,
    DECISION_WIDTH,
    GRID,
    LAYER_GAP,
    NODE_HEIGHT,
    NODE_WIDTH,
    ROW_GAP,
)


def fallback_layout(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    """Layers by BFS depth (ignoring loop edges), left to right; each layer a column."""
    nodes = {n.id: n for n in roadmap.nodes}
    out: dict[str, list[str]] = defaultdict(list)
    has_in: set[str] = set()
    for edge in roadmap.edges:
        if edge.loop or edge.from_id not in nodes or edge.to_id not in nodes:
            continue
        out[edge.from_id].append(edge.to_id)
        has_in.add(edge.to_id)
    roots = [n.id for n in roadmap.nodes if n.kind == NodeKind.START]
    roots += [n.id for n in roadmap.nodes if n.id not in has_in and n.id not in roots]
    # breadth-first order from the roots; edges back to a node already seen are dropped
    order: dict[str, int] = {}
    queue = deque(roots)
    while queue:
        node_id = queue.popleft()
        if node_id in order:
            continue
        order[node_id] = len(order)
        queue.extend(n for n in out.get(node_id, []) if n not in order)
    for node in roadmap.nodes:  # nodes only on cycles
        order.setdefault(node.id, len(order))
    # longest path over the edges that go forward in that order (an acyclic subgraph);
    # relax until stable (bounded by the node count)
    depth = {node_id: 0 for node_id in order}
    forward = sorted(((a, b) for a, targets in out.items() for b in targets if order[a] < order[b]),
                     key=lambda ab: order[ab[0]])
    for _ in range(len(order)):
        changed = False
        for a, b in forward:
            if depth[b] < depth[a] + 1:
                depth[b] = depth[a] + 1
                changed = True
        if not changed:
            break
    layers: dict[int, list[str]] = defaultdict(list)
    for node in roadmap.nodes:
        layers[depth[node.id]].append(node.id)
    column_width = max(NODE_WIDTH, DECISION_WIDTH) + LAYER_GAP
    row_pitch = max(NODE_HEIGHT, DECISION_HEIGHT) + ROW_GAP
    positions: dict[str, tuple[float, float]] = {}
    for d, ids in layers.items():
        for row, node_id in enumerate(ids):
            node = nodes[node_id]
            w, h = ((DECISION_WIDTH, DECISION_HEIGHT) if node.kind == NodeKind.DECISION
                    else (NODE_WIDTH, NODE_HEIGHT))
            x = d * column_width + (column_width - LAYER_GAP - w) / 2
            y = row * row_pitch + (row_pitch - ROW_GAP - h) / 2
            positions[node_id] = (round(x / GRID) * GRID, round(y / GRID) * GRID)
    return positions


def layout_roadmap(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    try:
        from accountmap.layout.roadmap_layout import layout_roadmap as real
    except ImportError:
        return fallback_layout(roadmap)
    return real(roadmap)
