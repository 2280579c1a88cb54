"""Deterministic synthetic roadmaps and account maps, for benchmarks and tests of layout.

Not user data: ids and titles are plain ("n12", "Checkpoint 12").
"""

from __future__ import annotations

import random

from accountmap.domain.models import (
    Account,
    DecisionCentre,
    Relationship,
    Roadmap,
    RoadmapEdge,
    RoadmapNode,
    Stakeholder,
)
from accountmap.domain.vocabulary import NodeKind, RelationshipKind


def synthetic_roadmap(node_count: int = 60, seed: int = 1) -> Roadmap:
    """A branching road like a real deal's: a main line of checkpoints; decisions whose
    outcomes take a detour of 1-3 checkpoints and rejoin further on, or end in "lost";
    a few deliberate loops back; "won" at the end."""
    rng = random.Random(seed)
    nodes: list[RoadmapNode] = []
    edges: list[RoadmapEdge] = []

    def node(kind: NodeKind) -> str:
        nid = f"n{len(nodes)}"
        nodes.append(RoadmapNode(id=nid, kind=kind, title=f"{kind.value} {len(nodes)}"))
        return nid

    def edge(a: str, b: str, loop: bool = False, outcome: str = "") -> None:
        edges.append(RoadmapEdge(id=f"e{len(edges)}", from_id=a, to_id=b, loop=loop, outcome=outcome))

    main = [node(NodeKind.START)]
    pending: list[tuple[str, int]] = []  # (detour end, join after this many main steps)
    budget = max(node_count, 3)
    while len(nodes) < budget - 2:
        prev = main[-1]
        if rng.random() < 0.35 and len(nodes) < budget - 6:
            decision = node(NodeKind.DECISION)
            edge(prev, decision)
            main.append(decision)
            yes = node(NodeKind.CHECKPOINT)
            edge(decision, yes, outcome="yes")
            main.append(yes)
            # the other outcome: a detour that rejoins later, or a loss
            if rng.random() < 0.25:
                lost = node(NodeKind.LOST)
                edge(decision, lost, outcome="no")
            else:
                tail = decision
                for _ in range(rng.randint(1, 3)):
                    step = node(NodeKind.CHECKPOINT)
                    edge(tail, step, outcome="no" if tail == decision else "")
                    tail = step
                pending.append((tail, rng.randint(1, 3)))
            if rng.random() < 0.2 and len(main) > 4:
                edge(yes, main[-4], loop=True, outcome="repeat")
        else:
            step = node(NodeKind.CHECKPOINT)
            edge(prev, step)
            main.append(step)
        still: list[tuple[str, int]] = []
        for tail, wait in pending:
            if wait <= 1:
                edge(tail, main[-1])
            else:
                still.append((tail, wait - 1))
        pending = still
    last = node(NodeKind.CHECKPOINT)
    edge(main[-1], last)
    won = node(NodeKind.WON)
    edge(last, won)
    for tail, _ in pending:
        edge(tail, last)
    return Roadmap(nodes=nodes, edges=edges)


CENTRE_NAMES = [
    "Top management", "Finance", "IT", "Production", "Procurement", "Security",
    "Legal", "Logistics", "Quality", "HR", "Sales", "Engineering",
]


def synthetic_account(people: int = 300, centres: int = 10, seed: int = 1, *,
                      unassigned_share: float = 0.05, with_cycle: bool = True) -> Account:
    """An account with `centres` decision centres (the first is top management), heads
    reporting to the CEO, trees of reports inside each centre, some people without a
    centre, some influence links and, optionally, one reports-to cycle."""
    rng = random.Random(seed)
    dcs = [
        DecisionCentre(id=f"c{i}", name=CENTRE_NAMES[i % len(CENTRE_NAMES)] + ("" if i < len(CENTRE_NAMES) else f" {i}"))
        for i in range(centres)
    ]
    stakeholders: list[Stakeholder] = []
    rels: list[Relationship] = []
    by_centre: dict[str | None, list[str]] = {}
    for i in range(people):
        if dcs and rng.random() >= unassigned_share:
            # the first person of each centre is its head; fill centres unevenly
            centre = dcs[i].id if i < len(dcs) else dcs[min(int(rng.expovariate(0.25)), len(dcs) - 1)].id
        else:
            centre = None
        pid = f"p{i}"
        stakeholders.append(Stakeholder(id=pid, full_name=f"Person {i}", decision_centre_id=centre))
        same = by_centre.setdefault(centre, [])
        if same:
            # report to someone earlier in the same centre, favouring the first few
            boss = same[min(int(rng.expovariate(0.4)), len(same) - 1)]
            rels.append(Relationship(id=f"r{len(rels)}", from_id=pid, to_id=boss,
                                     kind=RelationshipKind.REPORTS_TO))
        elif centre is not None and dcs and centre != dcs[0].id:
            rels.append(Relationship(id=f"r{len(rels)}", from_id=pid, to_id="p0",
                                     kind=RelationshipKind.REPORTS_TO))
        same.append(pid)
    for _ in range(people // 5):
        a, b = rng.sample(range(people), 2) if people >= 2 else (0, 0)
        if a != b:
            rels.append(Relationship(id=f"r{len(rels)}", from_id=f"p{a}", to_id=f"p{b}",
                                     kind=RelationshipKind.INFLUENCES))
    if with_cycle and dcs:
        members = by_centre.get(dcs[-1].id, [])
        if len(members) >= 2:
            # the head of the last centre "reports to" one of its own people
            rels.append(Relationship(id=f"r{len(rels)}", from_id=members[0], to_id=members[-1],
                                     kind=RelationshipKind.REPORTS_TO))
    return Account(id="synthetic", name="Synthetic", decision_centres=dcs,
                   stakeholders=stakeholders, relationships=rels)


def add_relationships(account: Account, total: int, rng: random.Random) -> None:
    """More lines until the account has `total` relationships: influence, alliance and
    conflict between random pairs of its people (each ordered pair at most once)."""
    ids = [s.id for s in account.stakeholders]
    existing = {(r.from_id, r.to_id) for r in account.relationships}
    kinds = ["influences", "ally", "conflict"]
    while len(account.relationships) < total:
        a, b = rng.sample(ids, 2)
        if (a, b) in existing:
            continue
        existing.add((a, b))
        account.relationships.append(Relationship(id=f"x{len(account.relationships)}", from_id=a,
                                                  to_id=b, kind=rng.choice(kinds),
                                                  strength=rng.randint(1, 5)))
