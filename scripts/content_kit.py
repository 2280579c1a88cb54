"""Shared helpers of the content generators (make_demo.py, make_templates.py).

- `Road`: builds a Roadmap from readable ids and lays it out left to right: the column of a
  node is its depth (the longest path from the start, deliberate loops ignored) and its row
  is given by the author (main road 0, an alternative branch -1 / +1, a nested one -2...),
  so branches run on rows of their own and rejoin the main road.
- `layout_map`: frames of decision centres in a grid, the people's cards inside them.
Coordinates are the top-left corners of the drawn shapes (sizes from accountmap.layout.sizes).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from pathlib import Path

from accountmap.domain.models import (
    DecisionCentre,
    ExitCriterion,
    Roadmap,
    RoadmapEdge,
    RoadmapNode,
    Stakeholder,
)
from accountmap.domain.roadmap_rules import position_on_road, validate_roadmap
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.layout.sizes import (
    CARD_GAP_X,
    CARD_GAP_Y,
    CARD_HEIGHT,
    CARD_WIDTH,
    CENTRE_HEADER,
    CENTRE_PADDING,
    DECISION_HEIGHT,
    DECISION_WIDTH,
    GRID,
    LAYER_GAP,
    NODE_HEIGHT,
    NODE_WIDTH,
    ROW_GAP,
)

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"

COLUMN_PITCH = NODE_WIDTH + LAYER_GAP
ROW_PITCH = max(NODE_HEIGHT, DECISION_HEIGHT) + ROW_GAP


def d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def node_size(kind: NodeKind) -> tuple[float, float]:
    if kind == NodeKind.DECISION:
        return DECISION_WIDTH, DECISION_HEIGHT
    return NODE_WIDTH, NODE_HEIGHT


class Road:
    """A roadmap written node by node; `build()` lays it out and checks it."""

    def __init__(self) -> None:
        self.nodes: list[RoadmapNode] = []
        self.edges: list[RoadmapEdge] = []
        self.rows: dict[str, int] = {}
        self._chosen: dict[str, str] = {}

    def node(self, id_: str, kind: str | NodeKind, title: str, *, row: int = 0,
             description: str = "", criteria: list[str] | tuple[str, ...] = (),
             status: str = "planned", owner: str = "", due: str | None = None,
             activated_on: str | None = None, people: list[str] | tuple[str, ...] = (),
             stage: str | None = None, notes: str = "", done_criteria: bool | None = None) -> str:
        status_ = CheckpointStatus(status)
        if done_criteria is None:
            done_criteria = status_ == CheckpointStatus.DONE
        self.nodes.append(RoadmapNode(
            id=id_, kind=NodeKind(kind), title=title, description=description,
            exit_criteria=[ExitCriterion(text=c, done=done_criteria) for c in criteria],
            status=status_, owner=owner, due=d(due), activated_on=d(activated_on),
            stakeholder_ids=list(people), journey_stage=stage, notes=notes,
        ))
        self.rows[id_] = row
        return id_

    def edge(self, from_id: str, to_id: str, outcome: str = "", *, loop: bool = False,
             chosen: bool = False, id_: str | None = None) -> str:
        edge_id = id_ or f"e-{from_id}--{to_id}"
        if len(edge_id) > 64:
            edge_id = edge_id[:64]
        assert edge_id not in {e.id for e in self.edges}, edge_id
        self.edges.append(RoadmapEdge(id=edge_id, from_id=from_id, to_id=to_id,
                                      outcome=outcome, loop=loop))
        if chosen:
            self._chosen[from_id] = edge_id
        return edge_id

    def chain(self, *ids: str) -> None:
        for a, b in zip(ids, ids[1:]):
            self.edge(a, b)

    def build(self) -> Roadmap:
        for node in self.nodes:
            if node.id in self._chosen:
                node.chosen_edge_id = self._chosen[node.id]
        roadmap = Roadmap(nodes=self.nodes, edges=self.edges)
        lay_out_road(roadmap, self.rows)
        problems = validate_roadmap(roadmap)
        if problems:
            raise SystemExit(f"roadmap problems: {problems}")
        overlaps = road_overlaps(roadmap)
        if overlaps:
            raise SystemExit(f"roadmap nodes overlap: {overlaps}")
        return roadmap


def depths(roadmap: Roadmap) -> dict[str, int]:
    """Longest path from the start (loops ignored): the column of each node."""
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for e in roadmap.edges:
        if not e.loop:
            incoming[e.to_id].append(e.from_id)
            outgoing[e.from_id].append(e.to_id)
    indegree = {n.id: len(incoming[n.id]) for n in roadmap.nodes}
    ready = [n.id for n in roadmap.nodes if indegree[n.id] == 0]
    depth = {node_id: 0 for node_id in ready}
    while ready:
        node_id = ready.pop(0)
        for nxt in outgoing[node_id]:
            depth[nxt] = max(depth.get(nxt, 0), depth[node_id] + 1)
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return depth


def lay_out_road(roadmap: Roadmap, rows: dict[str, int]) -> None:
    depth = depths(roadmap)
    top = min(rows.values()) if rows else 0
    taken: dict[tuple[int, int], str] = {}
    for node in roadmap.nodes:
        cell = (depth[node.id], rows[node.id])
        if cell in taken:
            raise SystemExit(f"{node.id} and {taken[cell]} share column {cell[0]}, row {cell[1]}")
        taken[cell] = node.id
        width, height = node_size(node.kind)
        x = cell[0] * COLUMN_PITCH + (NODE_WIDTH - width) / 2
        y = (cell[1] - top) * ROW_PITCH + (ROW_PITCH - ROW_GAP - height) / 2
        node.x = round(x / GRID) * GRID
        node.y = round(y / GRID) * GRID


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def road_overlaps(roadmap: Roadmap) -> list[tuple[str, str]]:
    boxes = [(n.id, (n.x, n.y, *node_size(n.kind))) for n in roadmap.nodes]
    return [(a, b) for i, (a, ra) in enumerate(boxes) for b, rb in boxes[i + 1:] if _overlap(ra, rb)]


def layout_map(centres: list[DecisionCentre], people: list[Stakeholder], *,
               columns: int = 3, cards_per_row: int = 2, gap: float = 80.0) -> None:
    """Frames in a grid of `columns`; inside each, the cards in rows of `cards_per_row`.

    Every frame of a row of the grid gets the same size (the largest needed), so the map
    reads as a tidy board.
    """
    members: dict[str, list[Stakeholder]] = defaultdict(list)
    for person in people:
        members[person.decision_centre_id].append(person)

    def needed(count: int) -> tuple[float, float]:
        cols = max(1, min(count, cards_per_row))
        card_rows = max(1, math.ceil(count / cards_per_row))
        width = 2 * CENTRE_PADDING + cols * CARD_WIDTH + (cols - 1) * CARD_GAP_X
        height = (CENTRE_HEADER + 2 * CENTRE_PADDING + card_rows * CARD_HEIGHT
                  + (card_rows - 1) * CARD_GAP_Y)
        return width, height

    sizes = [needed(len(members[c.id])) for c in centres]
    frame_w = max(w for w, _ in sizes) if sizes else 0
    y = 0.0
    for start in range(0, len(centres), columns):
        row = centres[start:start + columns]
        frame_h = max(h for _, h in sizes[start:start + columns])
        for i, centre in enumerate(row):
            centre.x = i * (frame_w + gap)
            centre.y = y
            centre.width = frame_w
            centre.height = frame_h
            for k, person in enumerate(members[centre.id]):
                person.x = centre.x + CENTRE_PADDING + (k % cards_per_row) * (CARD_WIDTH + CARD_GAP_X)
                person.y = (centre.y + CENTRE_HEADER + CENTRE_PADDING
                            + (k // cards_per_row) * (CARD_HEIGHT + CARD_GAP_Y))
        y += frame_h + gap


def single_active(roadmap: Roadmap) -> str | None:
    active = position_on_road(roadmap).active_ids
    return active[0] if len(active) == 1 else None


def write_json(data: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
