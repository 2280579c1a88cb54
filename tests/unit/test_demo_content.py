"""The built-in demo workspace: valid, complete, laid out, and in step with its generator."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from accountmap.storage.demo import DEMO_PATH, load_demo
from accountmap.domain.account_rules import validate_account
from accountmap.domain.journey import TWELVE_STATIONS
from accountmap.domain.models import Account, Roadmap
from accountmap.domain.roadmap_rules import overdue_nodes, position_on_road, validate_roadmap
from accountmap.domain.vocabulary import (
    Attitude,
    BuyingRole,
    CheckpointStatus,
    GridRow,
    NodeKind,
    QuestionStatus,
    RelationshipKind,
    TouchpointPhase,
)
from accountmap.layout.sizes import (
    CARD_HEIGHT,
    CARD_WIDTH,
    CENTRE_HEADER,
    DECISION_HEIGHT,
    DECISION_WIDTH,
    NODE_HEIGHT,
    NODE_WIDTH,
)

TODAY = dt.date(2026, 11, 23)
NEXT_MEETING = dt.date(2026, 11, 26)
REPO = Path(__file__).resolve().parents[2]
STATIONS = {s.id for s in TWELVE_STATIONS.stations}


@pytest.fixture(scope="module")
def doc():
    return load_demo()


@pytest.fixture(scope="module")
def uzts(doc) -> Account:
    return doc.accounts[0]


@pytest.fixture(scope="module")
def northwind(doc) -> Account:
    return doc.accounts[1]


def overlapping(boxes: list[tuple[str, tuple[float, float, float, float]]]) -> list[tuple[str, str]]:
    def hit(a, b):
        return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
    return [(a, b) for i, (a, ra) in enumerate(boxes) for b, rb in boxes[i + 1:] if hit(ra, rb)]


def node_boxes(roadmap: Roadmap):
    return [(n.id, (n.x, n.y, *((DECISION_WIDTH, DECISION_HEIGHT) if n.kind == NodeKind.DECISION
                                else (NODE_WIDTH, NODE_HEIGHT)))) for n in roadmap.nodes]


def kinds(roadmap: Roadmap) -> Counter:
    return Counter(n.kind for n in roadmap.nodes)


def test_document_settings(doc):
    assert doc.language == "ru"
    assert [s.id for s in doc.journey_framework.stations] == [s.id for s in TWELVE_STATIONS.stations]
    assert len(doc.accounts) == 2


def test_load_demo_gives_a_fresh_copy_each_time(doc):
    other = load_demo()
    other.accounts[0].name = "changed"
    assert load_demo().accounts[0].name == doc.accounts[0].name


def test_every_account_is_valid(doc):
    for account in doc.accounts:
        assert validate_roadmap(account.roadmap) == []
        assert validate_account(account) == []


def test_account_fields_are_all_filled(uzts):
    assert "Уральский завод трубных систем" in uzts.name
    assert uzts.industry and uzts.offering and uzts.owner and uzts.notes
    assert uzts.currency == "RUB" and uzts.deal_value and uzts.deal_value > 1_000_000
    assert uzts.target_close and uzts.target_close > TODAY
    assert uzts.journey_stage in STATIONS
    assert uzts.temperature


def test_decision_centres(uzts):
    names = " ".join(c.name for c in uzts.decision_centres)
    assert len(uzts.decision_centres) >= 6
    for word in ("руководство", "Финансы", "ИТ", "Производство", "Закупки", "Безопасность"):
        assert word in names
    assert all(c.interest for c in uzts.decision_centres)


def test_stakeholders_are_complete(uzts):
    people = uzts.stakeholders
    centres = {c.id for c in uzts.decision_centres}
    assert len(people) >= 14
    assert len({p.id for p in people}) == len(people)
    for p in people:
        assert len(p.full_name.split()) == 3, p.full_name  # ФИО
        assert p.title and p.decision_centre_id in centres and p.roles
        assert p.our_owner and p.email and p.phone and p.last_contact
        assert 2 <= len(p.interests) <= 4 and all(i.text for i in p.interests)
        assert p.journey_stage in STATIONS
    assert {r for p in people for r in p.roles} == set(BuyingRole)
    attitudes = Counter(p.attitude for p in people)
    assert attitudes[Attitude.OPPONENT] >= 1 and attitudes[Attitude.SCEPTIC] >= 1
    assert attitudes[Attitude.CHAMPION] >= 1
    assert {i.kind for p in people for i in p.interests} == {"business", "personal", "pain", "dream"}
    assert len({p.journey_stage for p in people}) >= 4  # some ahead, some lagging
    assert any((TODAY - p.last_contact).days > 30 for p in people)
    assert any((TODAY - p.last_contact).days <= 30 for p in people)
    assert len({p.relationship_strength for p in people}) >= 3


def test_relationships(uzts):
    by_kind = Counter(r.kind for r in uzts.relationships)
    assert by_kind[RelationshipKind.REPORTS_TO] >= 10
    assert by_kind[RelationshipKind.ALLY] >= 2
    assert by_kind[RelationshipKind.CONFLICT] >= 2
    influences = [r for r in uzts.relationships if r.kind == RelationshipKind.INFLUENCES]
    assert len(influences) >= 4 and all(r.label for r in influences)
    assert len({r.strength for r in influences}) >= 2


def test_open_questions(uzts):
    people = {p.id for p in uzts.stakeholders}
    questions = uzts.open_questions
    assert len(questions) >= 10
    for q in questions:
        assert q.question and q.stakeholder_id in people and q.due and q.channel
    answered = [q for q in questions if q.status == QuestionStatus.ANSWERED]
    assert len(answered) >= 2 and all(q.answer for q in answered)
    assert all(not q.answer for q in questions if q.status != QuestionStatus.ANSWERED)
    assert len({q.stakeholder_id for q in questions}) >= 8


def test_roadmap_shape(uzts):
    road = uzts.roadmap
    count = kinds(road)
    assert count[NodeKind.START] == 1
    assert count[NodeKind.CHECKPOINT] >= 38
    assert count[NodeKind.DECISION] >= 4
    assert count[NodeKind.WON] >= 1 and count[NodeKind.LOST] >= 1
    titles = {n.title for n in road.nodes if n.kind == NodeKind.DECISION}
    for wanted in ("Нужен аудит текущего решения?", "Нужен пилот (POC)?", "Будет тендер?",
                   "Требуется согласование службы безопасности?"):
        assert wanted in titles
    for decision in (n for n in road.nodes if n.kind == NodeKind.DECISION):
        outs = [e for e in road.edges if e.from_id == decision.id]
        assert len(outs) >= 2 and all(e.outcome for e in outs)
    loops = [e for e in road.edges if e.loop]
    assert len(loops) == 1 and loops[0].outcome == "Повторить пилот"
    incoming = Counter(e.to_id for e in road.edges if not e.loop)
    assert sum(1 for c in incoming.values() if c >= 2) >= 3  # branches rejoin


def test_checkpoints_are_filled(uzts):
    people = {p.id for p in uzts.stakeholders}
    for n in uzts.roadmap.nodes:
        if n.kind != NodeKind.CHECKPOINT:
            continue
        assert n.title and n.description and n.owner and n.due, n.id
        assert 2 <= len(n.exit_criteria) <= 4, n.id
        assert n.stakeholder_ids and set(n.stakeholder_ids) <= people, n.id
        assert n.journey_stage in STATIONS, n.id


def test_position_on_the_road(uzts):
    road = uzts.roadmap
    position = position_on_road(road)
    assert len(position.active_ids) == 1
    active = uzts.node(position.active_ids[0])
    assert active.activated_on is not None and active.activated_on <= TODAY
    assert [n.id for n in road.nodes if n.status == CheckpointStatus.ACTIVE] == [active.id]
    statuses = Counter(n.status for n in road.nodes if n.kind == NodeKind.CHECKPOINT)
    assert statuses[CheckpointStatus.SKIPPED] == 1
    assert statuses[CheckpointStatus.DONE] >= 10
    assert statuses[CheckpointStatus.PLANNED] >= 15
    decided = [n for n in road.nodes if n.kind == NodeKind.DECISION and n.chosen_edge_id]
    assert len(decided) >= 3
    assert all(n.id in position.taken for n in decided)
    overdue_planned = [n for n in overdue_nodes(road, TODAY) if n.status == CheckpointStatus.PLANNED]
    assert len(overdue_planned) == 1 and overdue_planned[0].id in position.in_play
    assert 0 < position.progress < 1


def test_map_positions_cards_inside_frames_without_overlap(doc):
    for account in doc.accounts:
        frames = {c.id: c for c in account.decision_centres}
        for p in account.stakeholders:
            c = frames[p.decision_centre_id]
            assert c.x <= p.x and p.x + CARD_WIDTH <= c.x + c.width, p.id
            assert c.y + CENTRE_HEADER <= p.y and p.y + CARD_HEIGHT <= c.y + c.height, p.id
        cards = [(p.id, (p.x, p.y, CARD_WIDTH, CARD_HEIGHT)) for p in account.stakeholders]
        assert overlapping(cards) == []
        boxes = [(c.id, (c.x, c.y, c.width, c.height)) for c in account.decision_centres]
        assert overlapping(boxes) == []


def test_roadmap_positions_left_to_right_without_overlap(doc):
    for account in doc.accounts:
        road = account.roadmap
        assert overlapping(node_boxes(road)) == []
        nodes = {n.id: n for n in road.nodes}
        for e in road.edges:
            if not e.loop:
                assert nodes[e.from_id].x < nodes[e.to_id].x, e.id
        assert len({n.y for n in road.nodes}) >= 3  # branches on rows of their own


def test_meetings(uzts):
    people = {p.id for p in uzts.stakeholders}
    meetings = uzts.meetings
    assert len(meetings) >= 3
    assert any(m.date < TODAY for m in meetings)
    upcoming = sorted((m for m in meetings if m.date >= TODAY), key=lambda m: m.date)
    assert len(upcoming) >= 2
    nxt = upcoming[0]
    assert nxt.date == NEXT_MEETING and nxt.goal and nxt.time and nxt.place
    assert 4 <= len(nxt.attendee_ids) <= 5 and set(nxt.attendee_ids) <= people
    assert nxt.checkpoint_id == position_on_road(uzts.roadmap).active_ids[0]


def test_touchpoints(uzts):
    people = {p.id for p in uzts.stakeholders}
    nodes = {n.id for n in uzts.roadmap.nodes}
    tps = uzts.touchpoints
    assert len(tps) >= 12
    assert {t.phase for t in tps} == set(TouchpointPhase)
    assert len({t.channel for t in tps}) >= 5
    for t in tps:
        assert t.date and t.summary and t.emotion and t.result
        assert t.stakeholder_ids and set(t.stakeholder_ids) <= people
        assert t.checkpoint_id in nodes


def test_journey_grids(uzts):
    people = {p.id: p for p in uzts.stakeholders}
    grids = uzts.journey_grids
    assert len(grids) >= 2
    for g in grids:
        person = people[g.stakeholder_id]
        assert {BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER,
                BuyingRole.TECHNICAL_BUYER} & set(person.roles)
        assert len(g.cells) >= 6 and set(g.cells) <= STATIONS
        for station, rows in g.cells.items():
            assert set(rows) == set(GridRow), station
            assert all(len(text) > 10 for text in rows.values()), station


def test_journey_history(uzts):
    history = uzts.journey_history
    assert 3 <= len(history) <= 4
    assert [h.date for h in history] == sorted(h.date for h in history)
    for h in history:
        assert h.journey_stage in STATIONS and h.reason and h.evidence and h.temperature
    assert history[-1].journey_stage == uzts.journey_stage


def test_second_account_is_english_and_smaller(northwind):
    assert northwind.name.startswith("Northwind")
    assert len(northwind.decision_centres) == 3
    assert len(northwind.stakeholders) == 6
    assert len(northwind.open_questions) == 3
    count = kinds(northwind.roadmap)
    assert count[NodeKind.DECISION] == 1 and 8 <= sum(count.values()) <= 14
    assert len(position_on_road(northwind.roadmap).active_ids) == 1
    assert len(northwind.meetings) == 1 and len(northwind.touchpoints) == 3
    assert all(p.full_name.isascii() for p in northwind.stakeholders)


def test_every_reference_points_to_something_that_exists(doc):
    for account in doc.accounts:
        people = {p.id for p in account.stakeholders}
        nodes = {n.id for n in account.roadmap.nodes}
        for m in account.meetings:
            assert set(m.attendee_ids) <= people and m.checkpoint_id in nodes
        for g in account.journey_grids:
            assert g.stakeholder_id in people


def _load_script(name: str):
    scripts = REPO / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        spec = importlib.util.spec_from_file_location(f"_gen_{name}", scripts / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(scripts))


def test_demo_json_is_what_the_generator_makes():
    """resources/demo/demo.json must be regenerated (scripts/make_demo.py) after edits."""
    made = _load_script("make_demo").build_document().model_dump(mode="json")
    assert json.loads(DEMO_PATH.read_text(encoding="utf-8")) == made
