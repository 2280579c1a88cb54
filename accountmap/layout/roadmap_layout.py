"""Left-to-right layered layout of a roadmap (Sugiyama style). Pure functions, no Qt.

Steps:
1. Break cycles: edges marked `loop` and self-edges are left out of the layering; a
   depth-first search from the start nodes (then from the remaining nodes) drops every
   other back edge.
2. Layers: longest path from the start nodes. Nodes that cannot be reached from a start
   form a second band below the first, layered the same way from their own sources.
3. Virtual nodes split every edge that spans more than one layer.
4. Crossing reduction: barycenter and median sweeps in both directions, the best order
   kept, then adjacent transpositions while they help.
5. Rows: each node gets a row (in half-row steps) that keeps the order of its layer and
   lies as close as possible to its neighbours' rows (weighted isotonic regression), so
   chains and long edges come out straight and a decision sits between its outcomes.
6. Coordinates: layers are columns LAYER_GAP apart (each as wide as its widest node),
   rows are NODE_HEIGHT + ROW_GAP apart, nodes centred in their cell, snapped to GRID.

Every non-loop edge inside a band points right (an edge from the unreachable band into
the reachable one may not). Written here rather than taken from grandalf: on the same
inputs grandalf's Sugiyama layout gave as many or more crossings, about twice as slowly.
"""

from __future__ import annotations

import math
from collections import defaultdict

from accountmap.domain.models import Roadmap, RoadmapNode
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

ROW_PITCH = NODE_HEIGHT + ROW_GAP
HALF_PITCH = ROW_PITCH / 2  # rows are assigned in half-row units
_BAND_GAP_UNITS = 1  # half-rows between the reachable band and the unreachable one
_SWEEP_ITERATIONS = 8
_ROW_PASSES = 12

Positions = dict[str, tuple[float, float]]


def node_size(node: RoadmapNode) -> tuple[float, float]:
    """Width and height of a node as drawn (a decision is a diamond in this box)."""
    if node.kind == NodeKind.DECISION:
        return DECISION_WIDTH, DECISION_HEIGHT
    return NODE_WIDTH, NODE_HEIGHT


def snap(value: float) -> float:
    return math.floor(value / GRID + 0.5) * GRID


# --------------------------------------------------------------------------- structure


def _unique_nodes(roadmap: Roadmap) -> list[RoadmapNode]:
    seen: set[str] = set()
    nodes = []
    for node in roadmap.nodes:
        if node.id not in seen:
            seen.add(node.id)
            nodes.append(node)
    return nodes


def _acyclic_successors(
    n: int, succ: list[list[int]], roots: list[int]
) -> tuple[list[list[int]], list[bool]]:
    """Drop the back edges found by an iterative DFS from `roots` (then from every other
    node, sources first). Returns the remaining successors and which nodes the DFS from
    `roots` reached."""
    white, grey, black = 0, 1, 2
    colour = [white] * n
    dag: list[list[int]] = [[] for _ in range(n)]
    reached = [False] * n
    indegree = [0] * n
    for targets in succ:
        for t in targets:
            indegree[t] += 1
    order = list(roots)
    order += [v for v in range(n) if indegree[v] == 0]
    order += list(range(n))
    for phase_roots, mark in ((roots, True), (order, False)):
        for root in phase_roots:
            if colour[root] != white:
                continue
            colour[root] = grey
            if mark:
                reached[root] = True
            stack = [(root, iter(succ[root]))]
            while stack:
                v, it = stack[-1]
                t = next(it, None)
                if t is None:
                    colour[v] = black
                    stack.pop()
                    continue
                if colour[t] == grey:
                    continue  # a back edge: leave it out
                dag[v].append(t)
                if colour[t] == white:
                    colour[t] = grey
                    if mark:
                        reached[t] = True
                    stack.append((t, iter(succ[t])))
    return dag, reached


def _longest_path_layers(members: list[int], dag: list[list[int]]) -> dict[int, int]:
    """Layer of each member: the longest path to it from a source of the band."""
    inside = set(members)
    indegree = {v: 0 for v in members}
    for v in members:
        for t in dag[v]:
            if t in inside:
                indegree[t] += 1
    layer = {v: 0 for v in members}
    ready = [v for v in members if indegree[v] == 0]
    ready.reverse()
    while ready:
        v = ready.pop()
        for t in dag[v]:
            if t in inside:
                layer[t] = max(layer[t], layer[v] + 1)
                indegree[t] -= 1
                if indegree[t] == 0:
                    ready.append(t)
    return layer


class _Layered:
    """A layered graph with virtual nodes; ids >= n_real are virtual."""

    def __init__(self, n_real: int) -> None:
        self.n_real = n_real
        self.layer: dict[int, int] = {}
        self.up: dict[int, list[int]] = defaultdict(list)  # neighbours in layer - 1
        self.down: dict[int, list[int]] = defaultdict(list)  # neighbours in layer + 1
        self.next_id = n_real
        self.layers: list[list[int]] = []

    def add_edge(self, u: int, v: int) -> None:
        self.down[u].append(v)
        self.up[v].append(u)

    def virtual(self, layer: int) -> int:
        vid = self.next_id
        self.next_id += 1
        self.layer[vid] = layer
        return vid


def _build_band(members: list[int], dag: list[list[int]], layer: dict[int, int], n: int) -> _Layered:
    graph = _Layered(n)
    inside = set(members)
    for v in members:
        graph.layer[v] = layer[v]
    for u in members:
        for v in dag[u]:
            if v not in inside:
                continue
            prev = u
            for k in range(layer[u] + 1, layer[v]):
                mid = graph.virtual(k)
                graph.add_edge(prev, mid)
                prev = mid
            graph.add_edge(prev, v)
    depth = max(graph.layer.values(), default=-1) + 1
    graph.layers = [[] for _ in range(depth)]
    # First order: depth-first from the sources, so branches start out grouped.
    placed: set[int] = set()
    for root in members:
        if graph.up.get(root) or root in placed:
            continue
        stack = [root]
        while stack:
            v = stack.pop()
            if v in placed:
                continue
            placed.add(v)
            graph.layers[graph.layer[v]].append(v)
            stack.extend(reversed(graph.down.get(v, [])))
    for v in sorted(graph.layer):
        if v not in placed:
            placed.add(v)
            graph.layers[graph.layer[v]].append(v)
    return graph


# --------------------------------------------------------------------------- crossings


def _pair_crossings(upper: list[int], lower_pos: dict[int, int], down: dict[int, list[int]]) -> int:
    """Crossings between the edges joining two adjacent layers."""
    ends: list[int] = []
    for v in upper:
        ends.extend(sorted(lower_pos[t] for t in down.get(v, ())))
    # Inversions in `ends`, counted with a Fenwick tree.
    size = len(lower_pos) + 1
    tree = [0] * (size + 1)
    crossings = 0
    seen = 0
    for e in ends:
        i = e + 1
        below = 0
        while i > 0:
            below += tree[i]
            i -= i & -i
        crossings += seen - below
        seen += 1
        i = e + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def _total_crossings(graph: _Layered, layers: list[list[int]]) -> int:
    total = 0
    for k in range(len(layers) - 1):
        pos = {v: i for i, v in enumerate(layers[k + 1])}
        total += _pair_crossings(layers[k], pos, graph.down)
    return total


def _sweep(graph: _Layered, layers: list[list[int]], downward: bool, use_median: bool) -> None:
    rng = range(1, len(layers)) if downward else range(len(layers) - 2, -1, -1)
    for k in rng:
        fixed = layers[k - 1] if downward else layers[k + 1]
        pos = {v: i for i, v in enumerate(fixed)}
        neighbours = graph.up if downward else graph.down
        current = layers[k]
        keys = []
        for i, v in enumerate(current):
            ps = sorted(pos[t] for t in neighbours.get(v, ()))
            if not ps:
                key = float(i) * len(fixed) / max(len(current), 1)
            elif use_median:
                m = len(ps)
                key = ps[m // 2] if m % 2 else (ps[m // 2 - 1] + ps[m // 2]) / 2
            else:
                key = sum(ps) / len(ps)
            keys.append((key, i, v))
        keys.sort()
        layers[k] = [v for _, _, v in keys]


def _swap_gain(graph: _Layered, pos: dict[int, int], u: int, v: int) -> int:
    """How many crossings putting v before u (neighbours in one layer) removes."""
    gain = 0
    for adj in (graph.up, graph.down):
        pu = [pos[w] for w in adj.get(u, ())]
        pv = [pos[w] for w in adj.get(v, ())]
        if pu and pv:
            gain += sum((a > b) - (b > a) for a in pu for b in pv)
    return gain


def _transpose(graph: _Layered, layers: list[list[int]]) -> None:
    pos = {v: i for layer in layers for i, v in enumerate(layer)}
    for _ in range(20):
        improved = False
        for layer in layers:
            for i in range(len(layer) - 1):
                u, v = layer[i], layer[i + 1]
                if _swap_gain(graph, pos, u, v) > 0:
                    layer[i], layer[i + 1] = v, u
                    pos[u], pos[v] = i + 1, i
                    improved = True
        if not improved:
            break


def _order(graph: _Layered) -> list[list[int]]:
    best = [list(layer) for layer in graph.layers]
    best_crossings = _total_crossings(graph, best)
    layers = [list(layer) for layer in best]
    for iteration in range(_SWEEP_ITERATIONS):
        if best_crossings == 0:
            break
        use_median = iteration % 2 == 1
        for downward in (True, False):
            _sweep(graph, layers, downward, use_median)
            crossings = _total_crossings(graph, layers)
            if crossings < best_crossings:
                best_crossings = crossings
                best = [list(layer) for layer in layers]
    if best_crossings:
        _transpose(graph, best)
    return best


# --------------------------------------------------------------------------- rows


def _isotonic(targets: list[float], weights: list[float]) -> list[float]:
    """Weighted least squares fit of a non-decreasing sequence (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for t, w in zip(targets, weights):
        blocks.append([t, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, c2 = blocks.pop()
            m1, w1, c1 = blocks.pop()
            weight = w1 + w2
            blocks.append([(m1 * w1 + m2 * w2) / weight, weight, c1 + c2])
    result: list[float] = []
    for mean, _, count in blocks:
        result.extend([mean] * int(count))
    return result


def _edge_weight(graph: _Layered, a: int, b: int) -> float:
    virtual = (a >= graph.n_real) + (b >= graph.n_real)
    return (1.0, 2.0, 8.0)[virtual]


def _rows(graph: _Layered, layers: list[list[int]]) -> dict[int, int]:
    """Row of each node in half-row units; nodes of one layer are >= 2 units apart."""
    row: dict[int, float] = {}
    for layer in layers:
        for i, v in enumerate(layer):
            row[v] = 2.0 * i
    order = list(range(len(layers)))
    for p in range(_ROW_PASSES):
        sequence = order if p % 2 == 0 else order[::-1]
        for k in sequence:
            layer = layers[k]
            if not layer:
                continue
            targets, weights = [], []
            for i, v in enumerate(layer):
                total = weight = 0.0
                for t in list(graph.up.get(v, ())) + list(graph.down.get(v, ())):
                    w = _edge_weight(graph, v, t)
                    total += w * row[t]
                    weight += w
                if weight == 0.0:
                    targets.append(row[v] - 2.0 * i)
                    weights.append(0.01)
                else:
                    targets.append(total / weight - 2.0 * i)
                    weights.append(weight)
            fitted = _isotonic(targets, weights)
            for i, v in enumerate(layer):
                row[v] = fitted[i] + 2.0 * i
    result: dict[int, int] = {}
    for layer in layers:
        for i, v in enumerate(layer):
            # round(s) stays non-decreasing, so rows stay >= 2 units apart
            result[v] = math.floor(row[v] - 2.0 * i + 0.5) + 2 * i
    return result


# --------------------------------------------------------------------------- public


def layout_roadmap(roadmap: Roadmap) -> Positions:
    """Top-left corner of every node (by id), laid out left to right."""
    nodes = _unique_nodes(roadmap)
    if not nodes:
        return {}
    n = len(nodes)
    index = {node.id: i for i, node in enumerate(nodes)}
    succ: list[list[int]] = [[] for _ in range(n)]
    seen_pairs: set[tuple[int, int]] = set()
    for edge in roadmap.edges:
        u, v = index.get(edge.from_id), index.get(edge.to_id)
        if u is None or v is None or u == v or edge.loop or (u, v) in seen_pairs:
            continue
        seen_pairs.add((u, v))
        succ[u].append(v)
    roots = [i for i, node in enumerate(nodes) if node.kind == NodeKind.START]
    dag, reached = _acyclic_successors(n, succ, roots)

    bands = [[v for v in range(n) if reached[v]], [v for v in range(n) if not reached[v]]]
    band_rows: list[dict[int, int]] = []
    band_layers: list[dict[int, int]] = []
    for members in bands:
        if not members:
            band_rows.append({})
            band_layers.append({})
            continue
        layer = _longest_path_layers(members, dag)
        graph = _build_band(members, dag, layer, n)
        ordered = _order(graph)
        rows = _rows(graph, ordered)
        band_rows.append({v: rows[v] for v in members})
        band_layers.append(layer)

    # Stack the bands: the unreachable one below the reachable one.
    row_of: dict[int, int] = {}
    layer_of: dict[int, int] = {}
    offset = 0
    for rows, layer in zip(band_rows, band_layers):
        if not rows:
            continue
        low = min(rows.values())
        for v, r in rows.items():
            row_of[v] = r - low + offset
            layer_of[v] = layer[v]
        offset = max(row_of[v] for v in rows) + 2 + _BAND_GAP_UNITS

    depth = max(layer_of.values()) + 1
    col_width = [0.0] * depth
    for v in range(n):
        col_width[layer_of[v]] = max(col_width[layer_of[v]], node_size(nodes[v])[0])
    col_x = [0.0] * depth
    for k in range(1, depth):
        col_x[k] = col_x[k - 1] + col_width[k - 1] + LAYER_GAP

    tallest = max(NODE_HEIGHT, DECISION_HEIGHT)
    positions: Positions = {}
    for v, node in enumerate(nodes):
        w, h = node_size(node)
        k = layer_of[v]
        centre_y = row_of[v] * HALF_PITCH + tallest / 2
        positions[node.id] = (snap(col_x[k] + (col_width[k] - w) / 2), snap(centre_y - h / 2))
    return positions


def _segments_cross(p1, p2, q1, q2) -> bool:
    def orient(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def count_crossings(roadmap: Roadmap, positions: Positions, *, include_loops: bool = False) -> int:
    """How many pairs of edges cross, each edge drawn as a straight line between the
    centres of its nodes (edges sharing a node never count). Loop edges are left out
    unless `include_loops`."""
    nodes = {node.id: node for node in roadmap.nodes}
    segments = []
    seen: set[tuple[str, str]] = set()
    for edge in roadmap.edges:
        if edge.from_id == edge.to_id or (edge.loop and not include_loops):
            continue
        if edge.from_id not in positions or edge.to_id not in positions:
            continue
        if edge.from_id not in nodes or edge.to_id not in nodes:
            continue
        pair = (edge.from_id, edge.to_id)
        if pair in seen:
            continue
        seen.add(pair)
        ends = []
        for node_id in pair:
            w, h = node_size(nodes[node_id])
            x, y = positions[node_id]
            ends.append((x + w / 2, y + h / 2))
        segments.append((pair, ends[0], ends[1]))
    crossings = 0
    for i in range(len(segments)):
        (a, b), p1, p2 = segments[i]
        for j in range(i + 1, len(segments)):
            (c, d), q1, q2 = segments[j]
            if a in (c, d) or b in (c, d):
                continue
            if _segments_cross(p1, p2, q1, q2):
                crossings += 1
    return crossings
