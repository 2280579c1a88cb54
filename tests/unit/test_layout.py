"""Auto-layout: the layered roadmap and the org-chart account map (pure, no Qt)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountmap.domain.models import (
    Account,
    DecisionCentre,
    Relationship,
    Roadmap,
    RoadmapEdge,
    RoadmapNode,
    Stakeholder,
)
from accountmap.domain.roadmap_rules import unmarked_cycles
from accountmap.domain.vocabulary import NodeKind, RelationshipKind
from accountmap.layout.orgchart import MapLayout, layout_account_map
from accountmap.layout.roadmap_layout import (
    ROW_PITCH,
    count_crossings,
    layout_roadmap,
    node_size,
)
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH, GRID, NODE_HEIGHT
from tests.samples.synthetic import synthetic_account, synthetic_roadmap

# ----------------------------------------------------------------------------- helpers


def overlaps(a, b) -> bool:
    """Rectangles (x, y, w, h) share some area (touching edges is fine)."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def contains(outer, inner) -> bool:
    ox, oy, ow, oh = outer
    ix, iy, iw, ih = inner
    return ox <= ix and oy <= iy and ix + iw <= ox + ow and iy + ih <= oy + oh


def node_rects(roadmap: Roadmap, positions) -> dict[str, tuple]:
    return {n.id: (*positions[n.id], *node_size(n)) for n in roadmap.nodes}


def overlapping_pairs(rects: dict[str, tuple]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in itertools.combinations(rects, 2) if overlaps(rects[a], rects[b])]


def on_grid(value: float) -> bool:
    return abs(value / GRID - round(value / GRID)) < 1e-9


def node(nid: str, kind: NodeKind = NodeKind.CHECKPOINT) -> RoadmapNode:
    return RoadmapNode(id=nid, kind=kind, title=nid)


def edge(a: str, b: str, *, loop: bool = False, eid: str | None = None) -> RoadmapEdge:
    return RoadmapEdge(id=eid or f"{a}-{b}{'-loop' if loop else ''}", from_id=a, to_id=b, loop=loop)


def assert_roadmap_sound(roadmap: Roadmap, positions) -> None:
    assert set(positions) == {n.id for n in roadmap.nodes}
    assert overlapping_pairs(node_rects(roadmap, positions)) == []
    for x, y in positions.values():
        assert on_grid(x) and on_grid(y)


# ----------------------------------------------------------------------------- roadmap


def test_empty_roadmap_has_no_positions():
    assert layout_roadmap(Roadmap()) == {}


def test_single_node_at_origin():
    assert layout_roadmap(Roadmap(nodes=[node("s", NodeKind.START)])) == {"s": (0.0, 10.0)}


def test_chain_is_one_straight_row_left_to_right():
    ids = ["s", "a", "b", "c", "w"]
    kinds = [NodeKind.START, NodeKind.CHECKPOINT, NodeKind.CHECKPOINT, NodeKind.CHECKPOINT, NodeKind.WON]
    roadmap = Roadmap(
        nodes=[node(i, k) for i, k in zip(ids, kinds)],
        edges=[edge(a, b) for a, b in zip(ids, ids[1:])],
    )
    pos = layout_roadmap(roadmap)
    xs = [pos[i][0] for i in ids]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert len({pos[i][1] for i in ids}) == 1
    assert_roadmap_sound(roadmap, pos)


def test_decision_branches_then_merge():
    roadmap = Roadmap(
        nodes=[node("s", NodeKind.START), node("d", NodeKind.DECISION), node("audit"),
               node("poc"), node("offer"), node("lost", NodeKind.LOST), node("won", NodeKind.WON)],
        edges=[edge("s", "d"), edge("d", "audit"), edge("d", "poc"), edge("d", "lost"),
               edge("audit", "offer"), edge("poc", "offer"), edge("offer", "won")],
    )
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    # the three outcomes share a column, in three different rows
    assert pos["audit"][0] == pos["poc"][0] == pos["lost"][0]
    assert len({pos["audit"][1], pos["poc"][1], pos["lost"][1]}) == 3
    for e in roadmap.edges:
        assert pos[e.to_id][0] > pos[e.from_id][0]
    # the decision sits between its outcomes (by centre), not above them all
    rects = node_rects(roadmap, pos)
    centre = lambda i: rects[i][1] + rects[i][3] / 2  # noqa: E731
    outcomes = sorted(centre(i) for i in ("audit", "poc", "lost"))
    assert outcomes[0] < centre("d") < outcomes[-1]


def test_rows_are_a_pitch_apart_within_a_layer():
    roadmap = Roadmap(
        nodes=[node("s", NodeKind.START)] + [node(f"b{i}") for i in range(5)],
        edges=[edge("s", f"b{i}") for i in range(5)],
    )
    pos = layout_roadmap(roadmap)
    ys = sorted(pos[f"b{i}"][1] for i in range(5))
    for upper, lower in zip(ys, ys[1:]):
        assert lower - upper >= ROW_PITCH - GRID  # snapping moves a node at most GRID / 2
        assert lower - upper >= NODE_HEIGHT


def crossing_prone_roadmap() -> Roadmap:
    """Two fans whose natural (listed) order crosses every pair of edges."""
    nodes = [node("s", NodeKind.START)]
    nodes += [node(f"a{i}") for i in range(4)]
    nodes += [node(f"b{i}") for i in range(4)]
    nodes += [node(f"c{i}") for i in range(4)]
    nodes += [node("w", NodeKind.WON)]
    edges = [edge("s", f"a{i}") for i in range(4)]
    edges += [edge(f"a{i}", f"b{3 - i}") for i in range(4)]  # reversed
    edges += [edge(f"b{i}", f"c{(i + 2) % 4}") for i in range(4)]  # rotated
    edges += [edge("a0", "b1"), edge("b3", "c0")]
    edges += [edge(f"c{i}", "w") for i in range(4)]
    return Roadmap(nodes=nodes, edges=edges)


def naive_positions(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    """Columns by longest path, rows in the order the nodes are listed: no optimisation."""
    layer = {n.id: 0 for n in roadmap.nodes}
    for _ in roadmap.nodes:
        for e in roadmap.edges:
            if not e.loop:
                layer[e.to_id] = max(layer[e.to_id], layer[e.from_id] + 1)
    rows: dict[int, int] = {}
    pos = {}
    for n in roadmap.nodes:
        k = layer[n.id]
        pos[n.id] = (k * 300.0, rows.get(k, 0) * ROW_PITCH)
        rows[k] = rows.get(k, 0) + 1
    return pos


def test_crossings_are_reduced_against_the_listed_order():
    roadmap = crossing_prone_roadmap()
    naive = count_crossings(roadmap, naive_positions(roadmap))
    laid_out = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, laid_out)
    ours = count_crossings(roadmap, laid_out)
    assert naive >= 10
    assert ours < naive // 3


def test_count_crossings_counts_an_x():
    roadmap = Roadmap(
        nodes=[node("a"), node("b"), node("c"), node("d")],
        edges=[edge("a", "d"), edge("b", "c")],
    )
    crossed = {"a": (0.0, 0.0), "b": (0.0, 200.0), "c": (400.0, 0.0), "d": (400.0, 200.0)}
    straight = {"a": (0.0, 0.0), "b": (0.0, 200.0), "c": (400.0, 200.0), "d": (400.0, 0.0)}
    assert count_crossings(roadmap, crossed) == 1
    assert count_crossings(roadmap, straight) == 0


def test_loops_cycles_and_self_edges_do_not_break_the_layout():
    roadmap = Roadmap(
        nodes=[node("s", NodeKind.START), node("a"), node("b"), node("c"), node("w", NodeKind.WON)],
        edges=[
            edge("s", "a"), edge("a", "b"), edge("b", "c"), edge("c", "w"),
            edge("c", "a", loop=True),  # a deliberate loop back
            edge("b", "a"),  # an unmarked cycle
            edge("b", "b"),  # a self edge
            edge("w", "s"),  # a cycle through the start
            edge("a", "b", eid="dup"),  # a duplicate
            edge("a", "ghost"),  # to a node that does not exist
        ],
    )
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    assert pos["s"][0] < pos["a"][0] < pos["b"][0] < pos["c"][0] < pos["w"][0]


def test_a_cycle_with_no_start_is_laid_out():
    roadmap = Roadmap(nodes=[node("a"), node("b"), node("c")],
                      edges=[edge("a", "b"), edge("b", "c"), edge("c", "a")])
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    assert pos["a"][0] < pos["b"][0] < pos["c"][0]


def test_unreachable_nodes_go_below_without_overlap():
    roadmap = Roadmap(
        nodes=[node("s", NodeKind.START), node("a"), node("b"), node("w", NodeKind.WON),
               node("orphan1"), node("orphan2"), node("alone"), node("into_main")],
        edges=[edge("s", "a"), edge("s", "b"), edge("a", "w"), edge("b", "w"),
               edge("orphan1", "orphan2"), edge("into_main", "w"), edge("w", "orphan1", loop=True)],
    )
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    rects = node_rects(roadmap, pos)
    main_bottom = max(rects[i][1] + rects[i][3] for i in ("s", "a", "b", "w"))
    for orphan in ("orphan1", "orphan2", "alone", "into_main"):
        assert rects[orphan][1] >= main_bottom
    assert pos["orphan2"][0] > pos["orphan1"][0]


def test_roadmap_without_start_uses_its_sources():
    roadmap = Roadmap(nodes=[node("a"), node("b"), node("c")],
                      edges=[edge("a", "b"), edge("b", "c")])
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    assert pos["a"][0] < pos["b"][0] < pos["c"][0]


def test_sixty_node_roadmap_respects_edges_and_has_few_crossings():
    roadmap = synthetic_roadmap(60, seed=1)
    assert len(roadmap.nodes) == 60
    assert unmarked_cycles(roadmap) == []
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    for e in roadmap.edges:
        if not e.loop:
            assert pos[e.to_id][0] > pos[e.from_id][0], e
    assert count_crossings(roadmap, pos) <= count_crossings(roadmap, naive_positions(roadmap))


def test_roadmap_layout_is_deterministic():
    roadmap = synthetic_roadmap(60, seed=7)
    first = layout_roadmap(roadmap)
    assert layout_roadmap(roadmap.model_copy(deep=True)) == first
    assert layout_roadmap(Roadmap.model_validate_json(roadmap.model_dump_json())) == first


@st.composite
def random_roadmaps(draw) -> Roadmap:
    n = draw(st.integers(1, 22))
    kinds = draw(st.lists(st.sampled_from(list(NodeKind)), min_size=n, max_size=n))
    nodes = [RoadmapNode(id=f"n{i}", kind=k) for i, k in enumerate(kinds)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    edges = []
    for k, (a, b) in enumerate(pairs):
        if a == b:
            continue
        lo, hi = min(a, b), max(a, b)
        # forward edges form a DAG; backward ones are marked as loops
        edges.append(RoadmapEdge(id=f"e{k}", from_id=f"n{a}", to_id=f"n{b}", loop=a > b)
                     if draw(st.booleans()) else
                     RoadmapEdge(id=f"e{k}", from_id=f"n{lo}", to_id=f"n{hi}"))
    return Roadmap(nodes=nodes, edges=edges)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_roadmaps())
def test_random_roadmaps_never_overlap_and_edges_go_right(roadmap):
    pos = layout_roadmap(roadmap)
    assert_roadmap_sound(roadmap, pos)
    starts = {n.id for n in roadmap.nodes if n.kind == NodeKind.START}
    reachable = set(starts)
    for _ in roadmap.nodes:
        for e in roadmap.edges:
            if not e.loop and e.from_id in reachable:
                reachable.add(e.to_id)
    for e in roadmap.edges:
        # within one band every non-loop edge points right
        if not e.loop and (e.from_id in reachable) == (e.to_id in reachable):
            assert pos[e.to_id][0] > pos[e.from_id][0]
    assert layout_roadmap(roadmap) == pos


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39)), max_size=80))
def test_random_graphs_with_unmarked_cycles_never_overlap(n, pairs):
    nodes = [RoadmapNode(id=f"n{i}", kind=NodeKind.START if i == 0 else NodeKind.CHECKPOINT)
             for i in range(n)]
    edges = [RoadmapEdge(id=f"e{k}", from_id=f"n{a % n}", to_id=f"n{b % n}")
             for k, (a, b) in enumerate(pairs)]
    roadmap = Roadmap(nodes=nodes, edges=edges)
    assert_roadmap_sound(roadmap, layout_roadmap(roadmap))


# ----------------------------------------------------------------------------- account map


def reports(a: str, b: str, rid: str | None = None) -> Relationship:
    return Relationship(id=rid or f"{a}.to.{b}", from_id=a, to_id=b, kind=RelationshipKind.REPORTS_TO)


def assert_map_sound(account: Account, layout: MapLayout) -> None:
    ids = {p.id for p in account.stakeholders}
    centre_ids = {c.id for c in account.decision_centres}
    assert set(layout.cards) == ids
    assert set(layout.centres) == centre_ids
    cards = {pid: (x, y, CARD_WIDTH, CARD_HEIGHT) for pid, (x, y) in layout.cards.items()}
    assert overlapping_pairs(cards) == []
    areas = dict(layout.centres)
    if layout.unassigned is not None:
        areas["<unassigned>"] = layout.unassigned
    assert overlapping_pairs(areas) == []
    for p in account.stakeholders:
        home = p.decision_centre_id if p.decision_centre_id in centre_ids else "<unassigned>"
        assert contains(areas[home], cards[p.id]), (p.id, home)
    if not any(p.decision_centre_id not in centre_ids for p in account.stakeholders):
        assert layout.unassigned is None
    for x, y in layout.cards.values():
        assert on_grid(x) and on_grid(y)
    for rect in areas.values():
        assert all(on_grid(v) for v in rect)


def test_empty_account_has_an_empty_layout():
    layout = layout_account_map(Account(id="a"))
    assert layout == MapLayout(cards={}, centres={}, unassigned=None)


def test_empty_centres_still_get_frames():
    account = Account(id="a", decision_centres=[DecisionCentre(id="it", name="IT"),
                                                DecisionCentre(id="fin", name="Finance")])
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    for _, _, w, h in layout.centres.values():
        assert w >= CARD_WIDTH and h >= CARD_HEIGHT


def test_boss_above_subordinates_and_centred_over_them():
    account = Account(
        id="a",
        decision_centres=[DecisionCentre(id="it", name="IT")],
        stakeholders=[Stakeholder(id=i, decision_centre_id="it") for i in ("cio", "arch", "ops", "dev1", "dev2")],
        relationships=[reports("arch", "cio"), reports("ops", "cio"), reports("dev1", "arch"),
                       reports("dev2", "arch")],
    )
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    cards = layout.cards
    for r in account.relationships:
        assert cards[r.to_id][1] + CARD_HEIGHT <= cards[r.from_id][1]
    # the boss is centred over the span of its direct reports
    left, right = cards["arch"][0], cards["ops"][0] + CARD_WIDTH
    assert abs((cards["cio"][0] + CARD_WIDTH / 2) - (left + right) / 2) <= GRID


def test_boss_in_another_centre_makes_a_root():
    account = Account(
        id="a",
        decision_centres=[DecisionCentre(id="top", name="Top management"), DecisionCentre(id="it", name="IT")],
        stakeholders=[Stakeholder(id="ceo", decision_centre_id="top"), Stakeholder(id="cio", decision_centre_id="it"),
                      Stakeholder(id="dev", decision_centre_id="it")],
        relationships=[reports("cio", "ceo"), reports("dev", "cio")],
    )
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    it_x, it_y, _, _ = layout.centres["it"]
    assert layout.cards["cio"][1] < layout.cards["dev"][1]
    assert layout.cards["cio"][1] - it_y < 100  # the CIO heads the IT frame


def test_top_management_comes_first_whatever_its_place_in_the_list():
    for name in ("Top management", "Топ-менеджмент", "Правление", "Board"):
        account = Account(
            id="a",
            decision_centres=[DecisionCentre(id=f"c{i}", name=f"Centre {i}") for i in range(4)]
            + [DecisionCentre(id="top", name=name)],
            stakeholders=[Stakeholder(id=f"p{i}", decision_centre_id=f"c{i % 4}") for i in range(12)]
            + [Stakeholder(id="boss", decision_centre_id="top")],
        )
        layout = layout_account_map(account)
        assert_map_sound(account, layout)
        assert layout.centres["top"][1] == 0.0
        assert all(rect[1] > 0 for cid, rect in layout.centres.items() if cid != "top"), name


def test_centre_others_report_into_comes_first_even_without_a_telling_name():
    account = Account(
        id="a",
        decision_centres=[DecisionCentre(id="it", name="IT"), DecisionCentre(id="fin", name="Finance"),
                          DecisionCentre(id="hq", name="Holding")],
        stakeholders=[Stakeholder(id="cio", decision_centre_id="it"), Stakeholder(id="cfo", decision_centre_id="fin"),
                      Stakeholder(id="owner", decision_centre_id="hq")],
        relationships=[reports("cio", "owner"), reports("cfo", "owner")],
    )
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    assert layout.centres["hq"][1] == 0.0
    assert layout.centres["it"][1] > 0 and layout.centres["fin"][1] > 0
    assert list(layout.centres) == ["it", "fin", "hq"]  # listed in the account's order


def test_reports_to_cycles_are_broken():
    people = [Stakeholder(id=i, decision_centre_id="fin") for i in ("a", "b", "c", "d")]
    # a -> b -> c -> a, and d reports to c; plus a self-report slipped past validation
    rels = [reports("a", "b"), reports("b", "c"), reports("c", "a"), reports("d", "c")]
    account = Account(id="x", decision_centres=[DecisionCentre(id="fin", name="Finance")],
                      stakeholders=people, relationships=rels)
    account.relationships.append(Relationship.model_construct(
        id="self", from_id="d", to_id="d", kind=RelationshipKind.REPORTS_TO, strength=3, label=""))
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    # the cycle is cut at its first-listed member: a is the root, c reports to a, b to c
    cards = layout.cards
    assert cards["a"][1] < cards["c"][1] < cards["b"][1]


def test_people_without_a_centre_go_to_the_unassigned_area():
    account = Account(
        id="a",
        decision_centres=[DecisionCentre(id="it", name="IT")],
        stakeholders=[Stakeholder(id="in", decision_centre_id="it"), Stakeholder(id="none"),
                      Stakeholder(id="dangling", decision_centre_id="deleted-centre"),
                      Stakeholder(id="sub")],
        relationships=[reports("sub", "none"), reports("none", "in")],
    )
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    assert layout.unassigned is not None
    frame = layout.centres["it"]
    assert layout.unassigned[1] >= frame[1] + frame[3]
    assert layout.cards["none"][1] < layout.cards["sub"][1]


def test_people_only_unassigned():
    account = Account(id="a", stakeholders=[Stakeholder(id=f"p{i}") for i in range(7)])
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    assert layout.centres == {}


def test_three_hundred_people_map():
    account = synthetic_account(300, 10, seed=3)
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    # roughly square overall
    rects = list(layout.centres.values()) + [layout.unassigned]
    width = max(x + w for x, y, w, h in rects)
    height = max(y + h for x, y, w, h in rects)
    assert 0.33 < width / height < 3.0


def test_account_layout_is_deterministic():
    account = synthetic_account(120, 7, seed=5)
    first = layout_account_map(account)
    assert layout_account_map(Account.model_validate_json(account.model_dump_json())) == first


@st.composite
def random_accounts(draw) -> Account:
    n_centres = draw(st.integers(0, 6))
    names = ["Top management", "IT", "Finance", "Топ-менеджмент", "Закупки", "Security", ""]
    centres = [DecisionCentre(id=f"c{i}", name=draw(st.sampled_from(names))) for i in range(n_centres)]
    n = draw(st.integers(0, 40))
    homes = [None, "missing"] + [c.id for c in centres]
    people = [Stakeholder(id=f"p{i}", decision_centre_id=draw(st.sampled_from(homes))) for i in range(n)]
    rels = []
    if n >= 2:
        pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))
        kinds = list(RelationshipKind)
        for k, (a, b) in enumerate(pairs):
            if a != b:
                kind = RelationshipKind.REPORTS_TO if k % 3 else draw(st.sampled_from(kinds))
                rels.append(Relationship(id=f"r{k}", from_id=f"p{a}", to_id=f"p{b}", kind=kind))
    return Account(id="acc", decision_centres=centres, stakeholders=people, relationships=rels)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_accounts())
def test_random_org_charts_never_overlap(account):
    layout = layout_account_map(account)
    assert_map_sound(account, layout)
    assert layout_account_map(account) == layout
