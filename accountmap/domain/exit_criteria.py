"""Exit criteria mean something: a checkpoint marked done with criteria unticked is flagged
(unless a reason was given, it is a problem `check` reports), and when a checkpoint is done
the next checkpoint on the chosen path becomes active. Pure rules, no Qt."""

from __future__ import annotations

from accountmap.domain.models import ExitCriterion, Roadmap, RoadmapNode
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind


def unmet_criteria(node: RoadmapNode) -> list[ExitCriterion]:
    return [c for c in node.exit_criteria if not c.done]


def done_with_unmet_criteria(roadmap: Roadmap) -> list[RoadmapNode]:
    return [n for n in roadmap.nodes
            if n.kind == NodeKind.CHECKPOINT and n.status == CheckpointStatus.DONE
            and unmet_criteria(n)]


def next_to_activate(roadmap: Roadmap, node_id: str) -> list[str]:
    """The checkpoints that become active when `node_id` is passed (a checkpoint done, a
    crossroads' outcome chosen): the planned checkpoints it leads to on the chosen path
    (through crossroads already decided) that the road has now reached, unless the road
    already has an active checkpoint elsewhere. `roadmap` is the road after the change."""
    nodes = {n.id: n for n in roadmap.nodes}
    if any(n.status == CheckpointStatus.ACTIVE and n.id != node_id
           for n in roadmap.nodes if n.kind == NodeKind.CHECKPOINT):
        return []
    out: dict[str, list] = {}
    for e in roadmap.edges:
        if not e.loop:
            out.setdefault(e.from_id, []).append(e)
    found: list[str] = []
    seen: set[str] = {node_id}
    start = nodes.get(node_id)
    frontier = [e.to_id for e in out.get(node_id, [])
                if start is None or start.kind != NodeKind.DECISION or e.id == start.chosen_edge_id]
    while frontier:
        next_id = frontier.pop(0)
        if next_id in seen or next_id not in nodes:
            continue
        seen.add(next_id)
        node = nodes[next_id]
        if node.kind == NodeKind.CHECKPOINT:
            if node.status == CheckpointStatus.PLANNED:
                found.append(next_id)
        elif node.kind == NodeKind.DECISION and node.chosen_edge_id:
            frontier += [e.to_id for e in out.get(next_id, []) if e.id == node.chosen_edge_id]
    from accountmap.domain.roadmap_rules import position_on_road  # (it imports this module)

    reached = set(position_on_road(roadmap).current_ids)  # only where the road has got to
    return [i for i in found if i in reached]
