"""Rules of a roadmap: validation (is the road well formed?) and position (where are we?).

Pure functions over `Roadmap`; each is unit-tested in tests/unit/test_roadmap_rules.py.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

from accountmap.domain.models import Roadmap, RoadmapEdge, RoadmapNode
from accountmap.domain.problems import Problem, Severity
from accountmap.domain.vocabulary import (
    PASSED_STATUSES,
    BranchOutcome,
    CheckpointStatus,
    NodeKind,
)

TERMINAL_KINDS = frozenset({NodeKind.WON, NodeKind.LOST})


def _outgoing(roadmap: Roadmap) -> dict[str, list[RoadmapEdge]]:
    out: dict[str, list[RoadmapEdge]] = defaultdict(list)
    for edge in roadmap.edges:
        out[edge.from_id].append(edge)
    return out


def starts(roadmap: Roadmap) -> list[RoadmapNode]:
    return [n for n in roadmap.nodes if n.kind == NodeKind.START]


def reachable_from(roadmap: Roadmap, start_ids: list[str], *, follow_loops: bool = True) -> set[str]:
    out = _outgoing(roadmap)
    seen: set[str] = set()
    queue = deque(start_ids)
    while queue:
        node_id = queue.popleft()
        if node_id in seen:
            continue
        seen.add(node_id)
        for edge in out.get(node_id, []):
            if follow_loops or not edge.loop:
                queue.append(edge.to_id)
    return seen


def unreachable_nodes(roadmap: Roadmap) -> list[RoadmapNode]:
    reached = reachable_from(roadmap, [n.id for n in starts(roadmap)])
    return [n for n in roadmap.nodes if n.id not in reached]


def dead_ends(roadmap: Roadmap) -> list[RoadmapNode]:
    out = _outgoing(roadmap)
    return [n for n in roadmap.nodes if n.kind not in TERMINAL_KINDS and not out.get(n.id)]


def unmarked_cycles(roadmap: Roadmap) -> list[RoadmapEdge]:
    """Edges that close a cycle that no edge of it marks as a deliberate loop.

    Ignoring the edges marked `loop`, the rest must be acyclic; each back edge found by a
    depth-first search is reported.
    """
    out: dict[str, list[RoadmapEdge]] = defaultdict(list)
    for edge in roadmap.edges:
        if not edge.loop:
            out[edge.from_id].append(edge)
    white, grey, black = 0, 1, 2
    colour = {n.id: white for n in roadmap.nodes}
    back_edges: list[RoadmapEdge] = []
    for root in [n.id for n in roadmap.nodes]:
        if colour.get(root) != white:
            continue
        colour[root] = grey
        stack = [(root, iter(out.get(root, [])))]
        while stack:
            node_id, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                colour[node_id] = black
                stack.pop()
                continue
            state = colour.get(edge.to_id)
            if state == grey:
                back_edges.append(edge)
            elif state == white:
                colour[edge.to_id] = grey
                stack.append((edge.to_id, iter(out.get(edge.to_id, []))))
    return back_edges


def validate_roadmap(roadmap: Roadmap) -> list[Problem]:
    problems: list[Problem] = []
    node_ids = {n.id for n in roadmap.nodes}
    titles = {n.id: n.title for n in roadmap.nodes}
    start_nodes = starts(roadmap)
    if roadmap.nodes and not start_nodes:
        problems.append(Problem("roadmap.no_start"))
    for extra in start_nodes[1:]:
        problems.append(Problem("roadmap.extra_start", extra.id, {"title": extra.title}))
    for edge in roadmap.edges:
        if edge.from_id not in node_ids or edge.to_id not in node_ids:
            problems.append(Problem("roadmap.edge_dangling", edge.id, {"outcome": edge.outcome}))
        elif edge.from_id == edge.to_id and not edge.loop:
            problems.append(Problem("roadmap.edge_to_itself", edge.id,
                                    {"title": titles[edge.from_id]}))
    if start_nodes:
        for node in unreachable_nodes(roadmap):
            problems.append(Problem("roadmap.unreachable", node.id, {"title": node.title}))
    for node in dead_ends(roadmap):
        problems.append(Problem("roadmap.dead_end", node.id, {"title": node.title}))
    out = _outgoing(roadmap)
    for node in roadmap.nodes:
        if node.kind != NodeKind.DECISION:
            continue
        edges = out.get(node.id, [])
        if len(edges) < 2:
            problems.append(Problem("roadmap.decision_few_outcomes", node.id,
                                    {"title": node.title, "count": str(len(edges))}))
        for edge in edges:
            if not edge.outcome.strip():
                problems.append(Problem("roadmap.outcome_unlabelled", edge.id,
                                        {"title": node.title}))
        if node.chosen_edge_id and node.chosen_edge_id not in {e.id for e in edges}:
            problems.append(Problem("roadmap.chosen_outcome_missing", node.id,
                                    {"title": node.title}))
    for edge in unmarked_cycles(roadmap):
        problems.append(Problem("roadmap.cycle", edge.id, {
            "from": titles.get(edge.from_id, edge.from_id),
            "to": titles.get(edge.to_id, edge.to_id),
        }))
    position = position_on_road(roadmap)
    if len(position.active_ids) > 1:
        for node_id in position.active_ids[1:]:
            problems.append(Problem("roadmap.several_active", node_id,
                                    {"title": titles.get(node_id, "")}, Severity.WARNING))
    return problems


@dataclass(frozen=True)
class RoadPosition:
    """Where the account stands on its road.

    taken: the nodes passed, in order (start, done/skipped checkpoints, decided decisions).
    current_ids: where the road continues now (the next checkpoints not yet passed).
    active_ids: checkpoints with status active that are in play.
    in_play: every node still reachable given the outcomes already chosen; the rest are
        alternatives not taken (drawn faded).
    chosen_edge_ids: edges on the path taken.
    remaining: the fewest nodes from the current position to a `won` node.
    checkpoints_done / checkpoints_ahead: the same road counted in checkpoints only (no
        start, crossroads or end): what "15 of about 36 checkpoints" means everywhere.
    """

    taken: list[str]
    current_ids: list[str]
    active_ids: list[str]
    in_play: set[str]
    chosen_edge_ids: set[str]
    remaining: int
    checkpoints_done: int = 0
    checkpoints_ahead: int = 0

    @property
    def checkpoints_total(self) -> int:
        return self.checkpoints_done + self.checkpoints_ahead

    @property
    def checkpoint_progress(self) -> float:
        total = self.checkpoints_total
        return self.checkpoints_done / total if total else 0.0

    @property
    def done_count(self) -> int:
        return len(self.taken)

    @property
    def total(self) -> int:
        return len(self.taken) + self.remaining

    @property
    def progress(self) -> float:
        return self.done_count / self.total if self.total else 0.0


def _is_passed(node: RoadmapNode, out: dict[str, list[RoadmapEdge]]) -> bool:
    if node.kind == NodeKind.START:
        return True
    if node.kind == NodeKind.DECISION:
        return node.chosen_edge_id is not None and any(
            e.id == node.chosen_edge_id for e in out.get(node.id, [])
        )
    if node.kind == NodeKind.CHECKPOINT:
        return node.status in PASSED_STATUSES
    return False


def _next_edges(node: RoadmapNode, out: dict[str, list[RoadmapEdge]]) -> list[RoadmapEdge]:
    edges = out.get(node.id, [])
    if node.kind == NodeKind.DECISION and node.chosen_edge_id:
        return [e for e in edges if e.id == node.chosen_edge_id]
    return edges


def position_on_road(roadmap: Roadmap) -> RoadPosition:
    nodes = {n.id: n for n in roadmap.nodes}
    out = _outgoing(roadmap)
    start_nodes = starts(roadmap)
    taken: list[str] = []
    current: list[str] = []
    chosen_edges: set[str] = set()
    seen: set[str] = set()
    queue = deque(n.id for n in start_nodes[:1])
    while queue:
        node_id = queue.popleft()
        if node_id in seen or node_id not in nodes:
            continue
        seen.add(node_id)
        node = nodes[node_id]
        if _is_passed(node, out):
            taken.append(node_id)
            for edge in _next_edges(node, out):
                if edge.to_id in nodes and edge.to_id not in seen:
                    chosen_edges.add(edge.id)
                    queue.append(edge.to_id)
        else:
            current.append(node_id)
    # In play: reachable from start, following only chosen outcomes at decided decisions.
    in_play: set[str] = set()
    queue = deque(n.id for n in start_nodes[:1])
    while queue:
        node_id = queue.popleft()
        if node_id in in_play or node_id not in nodes:
            continue
        in_play.add(node_id)
        for edge in _next_edges(nodes[node_id], out):
            queue.append(edge.to_id)
    active = [
        n.id for n in roadmap.nodes
        if n.kind == NodeKind.CHECKPOINT and n.status == CheckpointStatus.ACTIVE and n.id in in_play
    ]
    ahead = _fewest_to_won(nodes, out, current) if current else []
    is_checkpoint = lambda node_id: nodes[node_id].kind == NodeKind.CHECKPOINT  # noqa: E731
    return RoadPosition(
        taken, current, active, in_play, chosen_edges, len(ahead),
        checkpoints_done=sum(map(is_checkpoint, taken)),
        checkpoints_ahead=sum(map(is_checkpoint, ahead)),
    )


def _fewest_to_won(nodes: dict[str, RoadmapNode], out: dict[str, list[RoadmapEdge]],
                   from_ids: list[str]) -> list[str]:
    """The shortest road (node ids, both ends included) from `from_ids` to a won node,
    breadth-first; with no won node reachable, the longest of the shortest roads found."""
    queue = deque((node_id, (node_id,)) for node_id in from_ids)
    seen: set[str] = set()
    deepest: tuple[str, ...] = ()
    while queue:
        node_id, path = queue.popleft()
        if node_id in seen or node_id not in nodes:
            continue
        seen.add(node_id)
        node = nodes[node_id]
        if len(path) > len(deepest):
            deepest = path
        if node.kind == NodeKind.WON:
            return list(path)
        for edge in _next_edges(node, out):
            if not edge.loop:
                queue.append((edge.to_id, path + (edge.to_id,)))
    return list(deepest)


def overdue_nodes(roadmap: Roadmap, today) -> list[RoadmapNode]:
    return [
        n for n in roadmap.nodes
        if n.kind == NodeKind.CHECKPOINT and n.due is not None and n.due < today
        and n.status in (CheckpointStatus.PLANNED, CheckpointStatus.ACTIVE)
    ]


def days_in_checkpoint(node: RoadmapNode, today) -> int | None:
    if node.status != CheckpointStatus.ACTIVE or node.activated_on is None:
        return None
    return max(0, (today - node.activated_on).days)


def status_fields(node: RoadmapNode, status: CheckpointStatus, today) -> dict:
    """The fields to write when a checkpoint's status is set: becoming active stamps
    the day (`activated_on`), so the road knows how long it has been waiting."""
    fields: dict = {"status": CheckpointStatus(status).value}
    if status == CheckpointStatus.ACTIVE and node.status != CheckpointStatus.ACTIVE:
        fields["activated_on"] = today
    return fields


def default_outcome(roadmap: Roadmap, from_id: str) -> str:
    """The outcome a new branch from node `from_id` gets: at a crossroads the first of
    yes / no not yet taken by its other branches (an id, not a word: shown translated);
    elsewhere none."""
    source = next((n for n in roadmap.nodes if n.id == from_id), None)
    if source is None or source.kind != NodeKind.DECISION:
        return ""
    taken = {e.outcome for e in roadmap.edges if e.from_id == from_id}
    return next((o.value for o in BranchOutcome if o.value not in taken), "")
