"""Each roadmap rule, on small hand-made roads."""

from __future__ import annotations

import datetime as dt

from accountmap.domain.models import Roadmap, RoadmapEdge, RoadmapNode
from accountmap.domain.roadmap_rules import (
    days_in_checkpoint,
    overdue_nodes,
    position_on_road,
    unmarked_cycles,
    unreachable_nodes,
    validate_roadmap,
)


def road(nodes: list[tuple[str, str]], edges: list[tuple[str, str, str]], **node_fields) -> Roadmap:
    made = [RoadmapNode(id=i, kind=k, title=i.upper(), **node_fields.get(i, {})) for i, k in nodes]
    return Roadmap(nodes=made, edges=[
        RoadmapEdge(id=f"{a}-{b}", from_id=a, to_id=b, outcome=o) for a, b, o in edges])


def codes(roadmap: Roadmap) -> list[str]:
    return sorted(p.code for p in validate_roadmap(roadmap))


BRANCHING = [("s", "start"), ("c1", "checkpoint"), ("d", "decision"), ("audit", "checkpoint"),
             ("c2", "checkpoint"), ("won", "won"), ("lost", "lost")]
BRANCH_EDGES = [("s", "c1", ""), ("c1", "d", ""), ("d", "audit", "Аудит нужен"),
                ("d", "c2", "Без аудита"), ("audit", "c2", ""), ("c2", "won", "Подписали"),
                ("c2", "lost", "Отказ")]


def test_a_well_formed_branching_road_has_no_problems():
    assert codes(road(BRANCHING, BRANCH_EDGES)) == []


def test_unreachable_checkpoint_is_named():
    r = road(BRANCHING + [("orphan", "checkpoint")], BRANCH_EDGES + [("orphan", "won", "")])
    problems = validate_roadmap(r)
    assert [p.params["title"] for p in problems if p.code == "roadmap.unreachable"] == ["ORPHAN"]
    assert [n.id for n in unreachable_nodes(r)] == ["orphan"]


def test_dead_end_that_is_not_won_or_lost():
    r = road(BRANCHING + [("stuck", "checkpoint")], BRANCH_EDGES + [("c1", "stuck", "")])
    assert "roadmap.dead_end" in codes(r)


def test_decision_needs_two_labelled_outcomes():
    one = road([("s", "start"), ("d", "decision"), ("w", "won")], [("s", "d", ""), ("d", "w", "да")])
    assert "roadmap.decision_few_outcomes" in codes(one)
    unlabelled = road([("s", "start"), ("d", "decision"), ("w", "won"), ("l", "lost")],
                      [("s", "d", ""), ("d", "w", "да"), ("d", "l", "  ")])
    assert codes(unlabelled) == ["roadmap.outcome_unlabelled"]


def test_more_than_one_start_and_no_start():
    two = road(BRANCHING + [("s2", "start")], BRANCH_EDGES + [("s2", "c1", "")])
    assert "roadmap.extra_start" in codes(two)
    none = road([("c", "checkpoint"), ("w", "won")], [("c", "w", "")])
    assert "roadmap.no_start" in codes(none)


def test_cycles_allowed_only_when_marked_as_loop():
    nodes = [("s", "start"), ("poc", "checkpoint"), ("d", "decision"), ("w", "won")]
    edges = [("s", "poc", ""), ("poc", "d", ""), ("d", "w", "Успех"), ("d", "poc", "Повторить пилот")]
    r = road(nodes, edges)
    assert "roadmap.cycle" in codes(r)
    assert [e.id for e in unmarked_cycles(r)] == ["d-poc"]
    r.edges[-1].loop = True
    assert codes(r) == []


def test_dangling_edge_and_edge_to_itself():
    r = road(BRANCHING, BRANCH_EDGES + [("c1", "ghost", "")])
    assert "roadmap.edge_dangling" in codes(r)
    r2 = road(BRANCHING, BRANCH_EDGES + [("c1", "c1", "")])
    assert "roadmap.edge_to_itself" in codes(r2)


def test_position_follows_done_checkpoints_and_chosen_outcomes():
    r = road(BRANCHING, BRANCH_EDGES, c1={"status": "done"},
             audit={"status": "active", "activated_on": dt.date(2026, 11, 1)})
    decision = next(n for n in r.nodes if n.id == "d")
    decision.chosen_edge_id = "d-audit"
    pos = position_on_road(r)
    assert pos.taken == ["s", "c1", "d"]
    assert pos.current_ids == ["audit"] and pos.active_ids == ["audit"]
    assert "d-audit" in pos.chosen_edge_ids
    # the other outcome was not taken, but c2 is still reachable through the audit
    assert pos.in_play == {"s", "c1", "d", "audit", "c2", "won", "lost"}
    assert pos.total == 3 + 3  # audit, c2, won still ahead
    assert 0 < pos.progress < 1


def test_alternative_not_taken_is_out_of_play():
    nodes = [("s", "start"), ("d", "decision"), ("poc", "checkpoint"), ("nopoc", "checkpoint"), ("w", "won")]
    edges = [("s", "d", ""), ("d", "poc", "POC"), ("d", "nopoc", "Без POC"), ("poc", "w", ""), ("nopoc", "w", "")]
    r = road(nodes, edges)
    r.nodes[1].chosen_edge_id = "d-poc"
    pos = position_on_road(r)
    assert "nopoc" not in pos.in_play and "poc" in pos.in_play


def test_several_active_checkpoints_on_the_road_are_flagged():
    r = road(BRANCHING, BRANCH_EDGES, c1={"status": "active"}, c2={"status": "active"})
    assert "roadmap.several_active" in codes(r)


def test_overdue_and_days_in_checkpoint():
    today = dt.date(2026, 11, 23)
    r = road(BRANCHING, BRANCH_EDGES, c1={"status": "active", "due": dt.date(2026, 11, 1),
                                          "activated_on": dt.date(2026, 11, 13)},
             c2={"status": "done", "due": dt.date(2026, 10, 1)})
    assert [n.id for n in overdue_nodes(r, today)] == ["c1"]
    assert days_in_checkpoint(r.nodes[1], today) == 10
    assert days_in_checkpoint(r.nodes[4], today) is None


def test_empty_roadmap_is_valid_and_has_no_position():
    assert validate_roadmap(Roadmap()) == []
    pos = position_on_road(Roadmap())
    assert pos.total == 0 and pos.progress == 0.0


def test_progress_in_checkpoints_counts_neither_start_nor_crossroads_nor_end():
    r = road(BRANCHING, BRANCH_EDGES, c1={"status": "done"})
    r.nodes[2].chosen_edge_id = "d-audit"
    pos = position_on_road(r)
    assert pos.checkpoints_done == 1  # c1
    assert pos.checkpoints_ahead == 2  # audit, c2 (then won)
    assert pos.checkpoints_total == 3 and abs(pos.checkpoint_progress - 1 / 3) < 1e-9
