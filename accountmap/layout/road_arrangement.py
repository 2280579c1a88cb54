"""Ways of showing a road that are not its stored positions. Pure functions, no Qt.

- `stage_lanes`: every node in a horizontal lane of the journey stage it belongs to (a node
  without a stage takes the stage of the nearest node before it on the road, else after it);
  x stays as given, each lane keeps the rows its nodes had, lanes are stacked in the order of
  the journey framework.
- `fold`: a long road cut into bands (at gaps between columns, never through a node) that
  are stacked one under the other like lines of text, so the whole road fits a window's
  shape; each band is only as tall as the nodes in it.

Both return new positions (top-left corners by node id) and the rectangles to draw behind
them; nothing here is stored.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from accountmap.domain.models import Roadmap
from accountmap.layout.roadmap_layout import Positions, node_size

LANE_PADDING = 24.0
LANE_HEADER = 70.0  # above a lane's nodes: room for its name (drawn by the view)
FOLD_GAP = 70.0  # between bands: room for the branch that runs on to the next one
FOLD_COLUMN_GAP = 50.0


@dataclass(frozen=True)
class Strip:
    """A rectangle behind the nodes: a lane (stage_id, None = no stage) or a band of a fold."""

    stage_id: str | None
    left: float
    top: float
    right: float
    bottom: float


def node_stages(roadmap: Roadmap, stage_ids: list[str]) -> dict[str, str | None]:
    """The stage of each node: its own, else the nearest one before it, else after it."""
    known = set(stage_ids)
    own = {n.id: (n.journey_stage if n.journey_stage in known else None) for n in roadmap.nodes}
    preds: dict[str, list[str]] = {n.id: [] for n in roadmap.nodes}
    succs: dict[str, list[str]] = {n.id: [] for n in roadmap.nodes}
    for edge in roadmap.edges:
        if edge.from_id in own and edge.to_id in own and edge.from_id != edge.to_id:
            preds[edge.to_id].append(edge.from_id)
            succs[edge.from_id].append(edge.to_id)
    result = dict(own)
    for node_id, stage in own.items():
        if stage is not None:
            continue
        for neighbours in (preds, succs):
            found = _nearest_stage(node_id, neighbours, own)
            if found is not None:
                result[node_id] = found
                break
    return result


def _nearest_stage(start: str, neighbours: dict[str, list[str]],
                   own: dict[str, str | None]) -> str | None:
    seen = {start}
    queue = deque(neighbours[start])
    while queue:
        node_id = queue.popleft()
        if node_id in seen:
            continue
        seen.add(node_id)
        if own[node_id] is not None:
            return own[node_id]
        queue.extend(neighbours[node_id])
    return None


def stage_lanes(roadmap: Roadmap, positions: Positions, stage_ids: list[str]
                ) -> tuple[Positions, list[Strip]]:
    """Positions with every node in the lane of its stage, and the lanes (empty ones left out)."""
    if not positions:
        return {}, []
    stages = node_stages(roadmap, stage_ids)
    sizes = {n.id: node_size(n) for n in roadmap.nodes}
    order = {stage: i for i, stage in enumerate(stage_ids)}
    members: dict[str | None, list[str]] = {}
    for node_id in positions:
        members.setdefault(stages.get(node_id), []).append(node_id)
    left = min(x for x, _y in positions.values()) - LANE_PADDING
    right = max(x + sizes[i][0] for i, (x, _y) in positions.items()) + LANE_PADDING
    lanes: list[Strip] = []
    result: Positions = {}
    top = min(y for _x, y in positions.values()) - LANE_PADDING
    for stage in sorted(members, key=lambda s: order.get(s, len(order))):
        ids = members[stage]
        low = min(positions[i][1] for i in ids)
        high = max(positions[i][1] + sizes[i][1] for i in ids)
        for node_id in ids:
            x, y = positions[node_id]
            result[node_id] = (x, y - low + top + LANE_HEADER)
        bottom = top + (high - low) + LANE_HEADER + LANE_PADDING
        lanes.append(Strip(stage, left, top, right, bottom))
        top = bottom
    return result, lanes


def _columns(positions: Positions, sizes: dict[str, tuple[float, float]]
             ) -> list[tuple[float, float, list[str]]]:
    """Runs of overlapping x-intervals: (left, right, node ids), left to right."""
    spans = sorted((x, x + sizes[i][0], i) for i, (x, _y) in positions.items())
    columns: list[tuple[float, float, list[str]]] = []
    for left, right, node_id in spans:
        if columns and left < columns[-1][1]:
            col_left, col_right, ids = columns[-1]
            ids.append(node_id)
            columns[-1] = (col_left, max(col_right, right), ids)
        else:
            columns.append((left, right, [node_id]))
    return columns


def fold(roadmap: Roadmap, positions: Positions, width: float, *, gap: float = FOLD_GAP,
         column_gap: float | None = None, strips: list[Strip] | None = None
         ) -> tuple[Positions, list[Strip], list[Strip]]:
    """Cut the road into bands at most `width` wide (a column wider than that is a band of
    its own) and stack them `gap` apart. With `column_gap`, the columns of a band stand that
    far apart (else as far as they were). Returns the positions, the bands and `strips`
    (lanes) cut and moved with the bands they cross."""
    if not positions:
        return {}, [], []
    sizes = {n.id: node_size(n) for n in roadmap.nodes}
    columns = _columns(positions, sizes)
    if column_gap is not None:  # close the columns up: each one's shift to the left
        shifted, x = [], columns[0][0]
        for left, right, ids in columns:
            shifted.append((left, right, ids, x - left))
            x += right - left + column_gap
    else:
        shifted = [(left, right, ids, 0.0) for left, right, ids in columns]
    groups: list[list[tuple[float, float, list[str], float]]] = []
    for column in shifted:
        if groups and column[1] + column[3] - (groups[-1][0][0] + groups[-1][0][3]) <= width:
            groups[-1].append(column)
        else:
            groups.append([column])
    origin_x = columns[0][0]
    cursor = min(y for _x, y in positions.values())
    result: Positions = {}
    bands: list[Strip] = []
    moved_strips: list[Strip] = []
    pad = min(gap, LANE_PADDING)
    for group in groups:
        ids = [i for _l, _r, col, _s in group for i in col]
        left, right = group[0][0] + group[0][3], group[-1][1] + group[-1][3]
        top = min(positions[i][1] for i in ids)
        bottom = max(positions[i][1] + sizes[i][1] for i in ids)
        crossing = [s for s in strips or [] if s.top < bottom and s.bottom > top]
        if crossing:  # a band holds the whole of every lane it touches
            top = min(top, min(s.top for s in crossing))
            bottom = max(bottom, max(s.bottom for s in crossing))
        dx, dy = origin_x - left, cursor - top
        for _l, _r, col, shift in group:
            for node_id in col:
                x, y = positions[node_id]
                result[node_id] = (x + shift + dx, y + dy)
        bands.append(Strip(None, left + dx - pad, top + dy, right + dx + pad, bottom + dy))
        for s in crossing:
            moved_strips.append(Strip(s.stage_id, left + dx - pad, s.top + dy,
                                      right + dx + pad, s.bottom + dy))
        cursor += bottom - top + gap
    return result, bands, moved_strips


