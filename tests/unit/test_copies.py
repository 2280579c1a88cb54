"""The one id remapper: copies get fresh ids and references follow them, by kind."""

from __future__ import annotations

from accountmap.domain.copies import fresh_copies
from accountmap.domain.models import (
    Account, DecisionCentre, OpenQuestion, Relationship, Roadmap, RoadmapEdge, RoadmapNode,
    Stakeholder,
)


def test_references_follow_the_copies_and_outside_ones_by_their_kind():
    centre, kept_centre = DecisionCentre(name="ИТ"), DecisionCentre(name="Финансы")
    a = Stakeholder(full_name="А", decision_centre_id=centre.id)
    b = Stakeholder(full_name="Б", decision_centre_id=kept_centre.id)
    outsider = Stakeholder(full_name="В")
    target = Account(name="Клиент", decision_centres=[kept_centre], stakeholders=[outsider])
    decision = RoadmapNode(kind="decision", stakeholder_ids=[a.id, outsider.id, "gone"])
    yes_end, other_end = RoadmapNode(), RoadmapNode()
    yes = RoadmapEdge(from_id=decision.id, to_id=yes_end.id, outcome="yes")
    to_outside = RoadmapEdge(from_id=decision.id, to_id=other_end.id)
    decision.chosen_edge_id = to_outside.id  # its edge is not copied: cleared
    items = [
        ("decision_centres", centre), ("stakeholders", a), ("stakeholders", b),
        ("relationships", Relationship(from_id=a.id, to_id=b.id)),
        ("relationships", Relationship(from_id=a.id, to_id=outsider.id)),  # needs the outsider
        ("open_questions", OpenQuestion(question="?", stakeholder_id=b.id)),
        ("roadmap_nodes", decision), ("roadmap_nodes", yes_end),
        ("roadmap_edges", yes), ("roadmap_edges", to_outside),
    ]
    copies = fresh_copies(items, target)
    tables = [t for t, _ in copies]
    assert tables == ["decision_centres", "stakeholders", "stakeholders", "relationships",
                      "open_questions", "roadmap_nodes", "roadmap_nodes", "roadmap_edges"]
    old = {e.id for _t, e in items}
    new = {t: [e for tt, e in copies if tt == t] for t in tables}
    assert not old & {e.id for _t, e in copies}  # every copy has a fresh id
    c, (a2, b2) = new["decision_centres"][0], new["stakeholders"]
    assert a2.decision_centre_id == c.id  # copied with it: follows
    assert b2.decision_centre_id == kept_centre.id  # outside, but the target has it: kept
    rel = new["relationships"][0]
    assert (rel.from_id, rel.to_id) == (a2.id, b2.id)
    assert new["open_questions"][0].stakeholder_id == b2.id
    d2, end2 = new["roadmap_nodes"]
    assert d2.stakeholder_ids == [a2.id, outsider.id]  # a missing person is dropped
    assert d2.chosen_edge_id is None
    edge = new["roadmap_edges"][0]
    assert (edge.from_id, edge.to_id, edge.outcome) == (d2.id, end2.id, "yes")
    # with no target, nothing outside the copy is kept
    lone = fresh_copies([("stakeholders", b)])[0][1]
    assert lone.decision_centre_id is None


def test_a_roadmap_copied_twice_shares_no_id():
    start, end = RoadmapNode(kind="start"), RoadmapNode(kind="won")
    road = Roadmap(nodes=[start, end], edges=[RoadmapEdge(from_id=start.id, to_id=end.id)])
    items = [("roadmap_nodes", n) for n in road.nodes] + [("roadmap_edges", e) for e in road.edges]
    first, second = fresh_copies(items), fresh_copies(items)
    assert not {e.id for _t, e in first} & {e.id for _t, e in second}
