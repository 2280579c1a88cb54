"""Lanes by journey stage and the folded whole road (layout/road_arrangement.py)."""

from __future__ import annotations

from accountmap.domain.models import Roadmap, RoadmapEdge, RoadmapNode
from accountmap.domain.vocabulary import NodeKind
from accountmap.layout.road_arrangement import fold, node_stages, stage_lanes
from accountmap.layout.roadmap_layout import layout_roadmap, node_size


def chain(n: int, stages: list[str | None]) -> Roadmap:
    nodes = [RoadmapNode(id=f"n{i}", kind=NodeKind.START if i == 0 else NodeKind.CHECKPOINT,
                         title=f"Step {i}", journey_stage=stages[i % len(stages)])
             for i in range(n)]
    edges = [RoadmapEdge(id=f"e{i}", from_id=f"n{i}", to_id=f"n{i + 1}") for i in range(n - 1)]
    return Roadmap(nodes=nodes, edges=edges)


def overlaps(roadmap: Roadmap, positions) -> list[tuple[str, str]]:
    boxes = {n.id: (*positions[n.id], *node_size(n)) for n in roadmap.nodes}
    ids = sorted(boxes)
    bad = []
    for i, a in enumerate(ids):
        ax, ay, aw, ah = boxes[a]
        for b in ids[i + 1:]:
            bx, by, bw, bh = boxes[b]
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                bad.append((a, b))
    return bad


def test_a_node_without_a_stage_takes_the_stage_before_it():
    road = chain(5, ["interest", None, None, "study", None])
    stages = node_stages(road, ["interest", "study"])
    assert stages == {"n0": "interest", "n1": "interest", "n2": "interest", "n3": "study",
                      "n4": "study"}
    first_unknown = chain(3, [None, "study", None])
    assert node_stages(first_unknown, ["study"])["n0"] == "study"  # none before: the one after


def test_lanes_stack_in_framework_order_and_keep_x():
    road = chain(9, ["study"] * 3 + ["interest"] * 3 + ["awareness"] * 3)
    positions = layout_roadmap(road)
    placed, lanes = stage_lanes(road, positions, ["awareness", "interest", "study"])
    assert [lane.stage_id for lane in lanes] == ["awareness", "interest", "study"]
    assert all(placed[i][0] == positions[i][0] for i in positions)  # columns stay
    for lane in lanes:
        members = [n for n in road.nodes if n.journey_stage == lane.stage_id]
        for node in members:
            x, y = placed[node.id]
            assert lane.top <= y and y + node_size(node)[1] <= lane.bottom
    assert all(a.bottom <= b.top for a, b in zip(lanes, lanes[1:]))
    assert not overlaps(road, placed)


def test_fold_cuts_between_columns_and_keeps_every_band_within_the_width():
    road = chain(45, ["study"])
    positions = layout_roadmap(road)
    width = 1800.0
    placed, bands, _ = fold(road, positions, width, column_gap=50.0)
    assert len(bands) > 1
    assert not overlaps(road, placed)
    for band in bands:
        assert band.right - band.left <= width + 2 * 24.0 + 1e-6
        inside = [n for n in road.nodes if band.top <= placed[n.id][1] < band.bottom]
        assert inside
        assert all(placed[n.id][0] + node_size(n)[0] <= band.right for n in inside)
    assert all(a.bottom < b.top for a, b in zip(bands, bands[1:]))
    # reading order: left to right in a band, then the next band
    def band_of(node):
        return next(i for i, b in enumerate(bands) if b.top <= placed[node.id][1] < b.bottom)

    order = sorted(road.nodes, key=lambda n: (band_of(n), placed[n.id][0]))
    assert [n.id for n in order] == [f"n{i}" for i in range(45)]


def test_fold_with_lanes_keeps_every_node_inside_its_lane_piece():
    road = chain(30, ["awareness"] * 1 + ["interest"] * 1)
    positions, lanes = stage_lanes(road, layout_roadmap(road), ["awareness", "interest"])
    placed, bands, pieces = fold(road, positions, 1500.0, column_gap=50.0, strips=lanes)
    assert not overlaps(road, placed)
    for node in road.nodes:
        x, y = placed[node.id]
        assert any(p.stage_id == node.journey_stage and p.top <= y and p.left <= x
                   and y + node_size(node)[1] <= p.bottom for p in pieces)
