"""Inserting a checkpoint into the road (after a node, on a branch): wired into the path,
the road downstream moved to make room, one undo step; undo and redo restore the file."""

from __future__ import annotations

from accountmap.canvas.roadmap.scene import EDGES, NODES
from accountmap.domain.roadmap_rules import validate_roadmap
from tests.qt.test_roadmap_canvas import build_branching_road, opened  # noqa: F401 - the fixture
from tests.snapshots import fresh_json, memory_json


def menu(scene, key, text):
    item = scene.items_by_key[key]
    if key[0] == NODES:
        at = item.sceneBoundingRect().center()
    else:
        at = item.label_rect.center() if item.label_text else item.path.pointAtPercent(0.5)
    actions = {a.text(): a for a in scene.context_actions(at)}
    assert text in actions, sorted(actions)
    actions[text].trigger()


def test_insert_after_a_checkpoint_takes_over_its_way_on_in_one_step(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    before = fresh_json(path)
    index = doc.undo_stack.index()
    problems = validate_roadmap(doc.account(aid).roadmap)
    x_decision = doc.account(aid).node(n["d"]).x
    menu(page.scene, (NODES, n["a"]), "Insert checkpoint after")
    assert doc.undo_stack.index() == index + 1
    road = doc.account(aid).roadmap
    new = next(x for x in road.nodes if x.id not in n.values())
    assert page.scene.selected_keys() == [(NODES, new.id)]
    pairs = {(x.from_id, x.to_id) for x in road.edges}
    assert (n["a"], new.id) in pairs and (new.id, n["d"]) in pairs and (n["a"], n["d"]) not in pairs
    assert validate_roadmap(road) == problems  # no dangling node, no new problem
    a = doc.account(aid).node(n["a"])
    assert new.x > a.x and doc.account(aid).node(n["d"]).x > x_decision  # room was made
    boxes = [page.scene.items_by_key[(NODES, x.id)].sceneBoundingRect() for x in road.nodes]
    assert not any(p.intersects(q) for i, p in enumerate(boxes) for q in boxes[i + 1:])
    assert memory_json(doc) == fresh_json(path)
    doc.undo_stack.undo()
    assert fresh_json(path) == before
    doc.undo_stack.redo()
    assert len(doc.account(aid).roadmap.nodes) == 7


def test_insert_on_a_branch_keeps_the_outcome_and_the_choice(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    menu(page.scene, (NODES, n["d"]), "Outcome: No")
    before = fresh_json(path)
    index = doc.undo_stack.index()
    menu(page.scene, (EDGES, e["dc"]), "Insert checkpoint here")
    assert doc.undo_stack.index() == index + 1
    road = doc.account(aid).roadmap
    new = next(x for x in road.nodes if x.id not in n.values())
    branch = next(x for x in road.edges if x.id == e["dc"])
    assert (branch.from_id, branch.to_id, branch.outcome) == (n["d"], new.id, "no")  # the id
    assert any(x.from_id == new.id and x.to_id == n["c"] for x in road.edges)
    assert doc.account(aid).node(n["d"]).chosen_edge_id == e["dc"]
    assert new.id in page.scene.position.in_play  # on the chosen path, not faded
    doc.undo_stack.undo()
    assert fresh_json(path) == before


def test_no_insert_after_a_crossroads_or_an_end(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    for key in ("d", "w"):
        item = page.scene.items_by_key[(NODES, n[key])]
        texts = [a.text() for a in page.scene.context_actions(item.sceneBoundingRect().center())]
        assert "Insert checkpoint after" not in texts


def test_toolbar_insert_follows_the_selection_and_the_insert_key(opened, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.qt.test_roadmap_canvas import select

    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    page.scene.clearSelection()
    assert not page.act_insert.isEnabled()
    select(page, NODES, n["d"])
    assert not page.act_insert.isEnabled()  # a crossroads: insert on one of its branches
    select(page, EDGES, e["ad"])
    assert page.act_insert.isEnabled()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Insert)
    road = doc.account(aid).roadmap
    new = next(x for x in road.nodes if x.id not in n.values())
    assert next(x for x in road.edges if x.id == e["ad"]).to_id == new.id
    assert page.scene.selected_keys() == [(NODES, new.id)] and page.act_insert.isEnabled()
