"""Auto-layout for the roadmap page: the real layered layout when it is there
(`accountmap.layout.roadmap_layout.layout_roadmap(roadmap) -> {node_id: (x, y)}`, top-left
corners), else a simple fallback with the same signature: columns by breadth-first depth
from the start, rows in order of discovery. Pure (no Qt)."""

from __future__ import annotations

from collections import defaultdict

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
    """Layers by longest path (loop and back edges left out), left to right; each layer
    a column, nodes in a column in the order of the model."""
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
    # depth-first from the roots: edges back to a node on the current path close a cycle
    # and are left out, the rest is acyclic; post-order reversed is a topological order
    state: dict[str, int] = {}  # 1 on the path, 2 finished
    post: list[str] = []
    forward: dict[str, list[str]] = defaultdict(list)
    for root in roots + [n.id for n in roadmap.nodes]:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(out.get(root, [])))]
        while stack:
            node_id, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node_id] = 2
                post.append(node_id)
                stack.pop()
            elif state.get(child) == 1:
                continue  # a back edge
            else:
                forward[node_id].append(child)
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(out.get(child, []))))
    depth = {node_id: 0 for node_id in post}
    for node_id in reversed(post):  # longest path from the roots
        for child in forward.get(node_id, []):
            depth[child] = max(depth[child], depth[node_id] + 1)
    # rows: a node keeps the row its first parent proposes (a crossroads sends each further
    # outcome one row lower), bumped down while its column has that row taken
    proposed: dict[str, int] = {}
    taken: set[tuple[int, int]] = set()
    rows: dict[str, int] = {}
    for node_id in reversed(post):
        row = proposed.get(node_id, 0)
        while (depth[node_id], row) in taken:
            row += 1
        taken.add((depth[node_id], row))
        rows[node_id] = row
        for i, child in enumerate(forward.get(node_id, [])):
            proposed.setdefault(child, row + i)
    column_width = max(NODE_WIDTH, DECISION_WIDTH) + LAYER_GAP
    row_pitch = max(NODE_HEIGHT, DECISION_HEIGHT) + ROW_GAP
    positions: dict[str, tuple[float, float]] = {}
    for node_id, row in rows.items():
        node = nodes[node_id]
        w, h = ((DECISION_WIDTH, DECISION_HEIGHT) if node.kind == NodeKind.DECISION
                else (NODE_WIDTH, NODE_HEIGHT))
        x = depth[node_id] * column_width + (column_width - LAYER_GAP - w) / 2
        y = row * row_pitch + (row_pitch - ROW_GAP - h) / 2
        positions[node_id] = (round(x / GRID) * GRID, round(y / GRID) * GRID)
    return positions


def layout_roadmap(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    try:
        from accountmap.layout.roadmap_layout import layout_roadmap as real
    except ImportError:
        return fallback_layout(roadmap)
    return real(roadmap)
