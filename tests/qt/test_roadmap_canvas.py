"""The Roadmap tab driven by real gestures on the viewport: place nodes from the palette
and the context menu, connect by dragging from a node's handle, edit in the panel, and
check where we are (active checkpoint, progress, faded branch); undo/redo and reopen
restore the file exactly."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from accountmap.document.context import AccountContext
from accountmap.canvas.roadmap.items import wrap_text, font
from accountmap.canvas.roadmap.page import RoadmapPage
from accountmap.canvas.roadmap.scene import EDGES, NODES
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain import clock
from accountmap.domain.models import RoadmapNode, Stakeholder
from accountmap.domain.roadmap_rules import days_in_checkpoint
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.panels.journey_common import to_qdate
from accountmap.storage.workspace_file import WorkspaceFile
from tests.snapshots import fresh_json, memory_json


TODAY = dt.date(2027, 2, 26)  # the day these tests run on (pinned), whatever the calendar says


# ---------------------------------------------------------------------- gestures
def _send(view, kind, scene_pos: QPointF, buttons) -> None:
    vp = view.viewport()
    local = QPointF(view.mapFromScene(scene_pos))
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, local, QPointF(vp.mapToGlobal(local.toPoint())), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, event)


def drag(view, start: QPointF, end: QPointF, steps: int = 6) -> None:
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, steps + 1):
        _send(view, QEvent.Type.MouseMove, start + (end - start) * (i / steps), left)
    _send(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def click(view, scene_pos: QPointF) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_pos))


def place(page, kind: NodeKind, at: QPointF) -> str:
    """Palette: press the tool, then click on the canvas."""
    before = {n.id for n in page.scene.roadmap.nodes}
    page.palette_actions[kind].trigger()
    click(page.view, at)
    new = [n.id for n in page.scene.roadmap.nodes if n.id not in before]
    assert len(new) == 1 and not page.palette_actions[kind].isChecked()
    return new[0]


def place_by_menu(page, text: str, at: QPointF) -> str:
    before = {n.id for n in page.scene.roadmap.nodes}
    actions = {a.text(): a for a in page.scene.context_actions(at)}
    actions[text].trigger()
    new = [n.id for n in page.scene.roadmap.nodes if n.id not in before]
    assert len(new) == 1
    return new[0]


def connect(page, from_id: str, to_id: str) -> str:
    before = {e.id for e in page.scene.roadmap.edges}
    source = page.scene.item_for(NODES, from_id)
    target = page.scene.item_for(NODES, to_id)
    drag(page.view, source.handle.scenePos(), target.sceneBoundingRect().center())
    new = [e for e in page.scene.roadmap.edges if e.id not in before]
    assert len(new) == 1 and (new[0].from_id, new[0].to_id) == (from_id, to_id)
    return new[0].id


def select(page, table: str, entity_id: str) -> None:
    item = page.scene.item_for(table, entity_id)
    if table == EDGES and item.label_text:
        at = item.label_rect.center()
    elif table == EDGES:
        at = item.path.pointAtPercent(0.5)
    else:
        at = item.sceneBoundingRect().center() + QPointF(0, 10)
    click(page.view, at)
    assert page.scene.selected_keys() == [(table, entity_id)]
    assert (page.panel.table, page.panel.target_id) == (table, entity_id)


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_into(line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    line_edit.insert(text)  # QTest.keyClicks handles ASCII only
    QTest.keyClick(line_edit, Qt.Key.Key_Return)


# ---------------------------------------------------------------------- fixtures
@pytest.fixture
def opened(tmp_path, qtbot):
    from accountmap.app.application import make_application

    make_application("en")  # the interface language: menus and problems are looked up in English
    clock.pin(TODAY)  # tests/conftest.py unpins after the test
    path = tmp_path / "w.accountmap"
    doc = WorkspaceDocument.open(path, create=True)
    editor = Editor(doc)
    aid = editor.add_account("АО «Уралтрубмаш»")
    people = editor.add_many(aid, [
        ("stakeholders", Stakeholder(full_name="Петров Иван Сергеевич", title="Директор по ИТ")),
        ("stakeholders", Stakeholder(full_name="Смирнова Анна")),
    ])
    doc.undo_stack.clear()
    shown: list[tuple[str, str]] = []
    context = AccountContext(doc, editor, aid, lambda kind, i: shown.append((kind, i)))
    page = RoadmapPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    assert QTest.qWaitForWindowExposed(page)
    page.scene.setSceneRect(-400, -400, 2400, 1200)
    page.view.set_zoom(0.7)
    page.view.centerOn(600, 0)
    yield page, doc, editor, aid, path, people, shown
    page.close()
    doc.close()


def build_branching_road(page):
    """Start → Meeting → Audit needed? → (Yes) Audit → Won / (No) Proposal → Won."""
    s = place(page, NodeKind.START, QPointF(0, 0))
    a = place(page, NodeKind.CHECKPOINT, QPointF(300, 0))
    d = place_by_menu(page, "Add crossroads here", QPointF(600, 0))
    b = place(page, NodeKind.CHECKPOINT, QPointF(900, -150))
    c = place_by_menu(page, "Add checkpoint here", QPointF(900, 150))
    w = place(page, NodeKind.WON, QPointF(1250, 0))
    edges = {
        "sa": connect(page, s, a), "ad": connect(page, a, d), "db": connect(page, d, b),
        "dc": connect(page, d, c), "bw": connect(page, b, w), "cw": connect(page, c, w),
    }
    return dict(s=s, a=a, d=d, b=b, c=c, w=w), edges


def name_things(page, n, e):
    """Name the nodes and one outcome in the panel."""
    select(page, NODES, n["a"])
    type_into(page.panel.title_edit, "Первая встреча с ИТ-директором")
    select(page, NODES, n["d"])
    type_into(page.panel.title_edit, "Нужен ли аудит текущего решения?")
    select(page, NODES, n["b"])
    type_into(page.panel.title_edit, "Аудит текущего решения")
    select(page, NODES, n["c"])
    type_into(page.panel.title_edit, "Коммерческое предложение")
    select(page, EDGES, e["dc"])
    type_into(page.panel.outcome_edit, "Нет, без аудита")


def walk_the_road(page, n, e):
    """The meeting done, the audit chosen at the crossroads, the audit active."""
    select(page, NODES, n["a"])
    choose(page.panel.status_combo, "done")
    select(page, NODES, n["d"])
    choose(page.panel.outcome_combo, e["db"])
    select(page, NODES, n["b"])
    choose(page.panel.status_combo, "active")


def make_overdue(page, n):
    """A due date 400 days before the pinned today on the selected checkpoint."""
    select(page, NODES, n["b"])
    page.panel.due_edit.setDate(to_qdate(TODAY - dt.timedelta(days=400)))
    page.panel.due_edit.editingFinished.emit()


# ---------------------------------------------------------------------- tests
def test_build_a_branching_road_by_gestures(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    roadmap = doc.account(aid).roadmap
    assert len(roadmap.nodes) == 6 and len(roadmap.edges) == 6
    assert doc.account(aid).node(n["d"]).kind == NodeKind.DECISION
    outcomes = {x.id: x.outcome for x in roadmap.edges}
    # defaults at a crossroads: stored as language-neutral ids, shown in the UI's language
    assert (outcomes[e["db"]], outcomes[e["dc"]]) == ("yes", "no")
    assert [page.scene.items_by_key[(EDGES, e[k])].label_text for k in ("db", "dc")] == ["Yes", "No"]
    assert len(page.scene.node_items()) == 6 and len(page.scene.edge_items()) == 6
    assert memory_json(doc) == fresh_json(path)


def test_naming_in_the_panel_is_one_step_per_edit(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    select(page, NODES, n["a"])
    count = doc.undo_stack.index()
    type_into(page.panel.title_edit, "Первая встреча с ИТ-директором")
    assert doc.undo_stack.index() == count + 1
    assert doc.account(aid).node(n["a"]).title == "Первая встреча с ИТ-директором"
    select(page, EDGES, e["dc"])
    count = doc.undo_stack.index()
    type_into(page.panel.outcome_edit, "Нет, без аудита")
    assert doc.undo_stack.index() == count + 1
    assert {x.id: x.outcome for x in doc.account(aid).roadmap.edges}[e["dc"]] == "Нет, без аудита"
    assert memory_json(doc) == fresh_json(path)


def test_activating_a_checkpoint_stamps_today_in_one_step(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    select(page, NODES, n["a"])
    choose(page.panel.status_combo, "done")
    select(page, NODES, n["d"])
    choose(page.panel.outcome_combo, e["db"])
    assert doc.account(aid).node(n["d"]).chosen_edge_id == e["db"]
    select(page, NODES, n["b"])
    count = doc.undo_stack.index()
    choose(page.panel.status_combo, "active")
    assert doc.undo_stack.index() == count + 1  # status and activated_on: one command
    node_b = doc.account(aid).node(n["b"])
    assert node_b.status == CheckpointStatus.ACTIVE and node_b.activated_on == TODAY
    assert days_in_checkpoint(node_b, TODAY) == 0


def test_walking_the_road_shows_where_we_are(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    name_things(page, n, e)
    walk_the_road(page, n, e)
    position = page.scene.position
    assert position.active_ids == [n["b"]]
    assert position.done_count == 3 and position.total == 5
    # the header counts checkpoints only: the meeting passed, the audit ahead
    assert (position.checkpoints_done, position.checkpoints_total) == (1, 2)
    assert "1" in page.header.progress_label.text() and "2" in page.header.progress_label.text()
    assert page.header.bar.value() == 1 and page.header.bar.maximum() == 2
    assert "Аудит текущего решения" in page.header.active_label.text()
    items = page.scene.items_by_key
    assert items[(NODES, n["b"])].active
    assert items[(NODES, n["c"])].opacity() < 0.5  # the branch not taken is faded
    assert items[(EDGES, e["dc"])].opacity() < 0.5
    assert items[(NODES, n["b"])].opacity() == 1.0 and items[(NODES, n["w"])].opacity() == 1.0
    assert items[(EDGES, e["db"])].chosen and items[(EDGES, e["db"])].taken
    assert items[(EDGES, e["db"])].label_text.startswith("✓")
    assert not page.header.overdue_label.isVisibleTo(page)


def test_a_past_due_date_marks_the_active_checkpoint_overdue(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    walk_the_road(page, n, e)
    assert page.scene.overdue_ids == set()
    make_overdue(page, n)
    assert doc.account(aid).node(n["b"]).due == TODAY - dt.timedelta(days=400)
    items = page.scene.items_by_key
    assert page.scene.overdue_ids == {n["b"]} and items[(NODES, n["b"])].overdue
    assert page.header.overdue_label.isVisibleTo(page)
    # due yesterday is overdue, due today is not
    page.panel.due_edit.setDate(to_qdate(TODAY))
    page.panel.due_edit.editingFinished.emit()
    assert page.scene.overdue_ids == set() and not items[(NODES, n["b"])].overdue
    page.panel.due_edit.setDate(to_qdate(TODAY - dt.timedelta(days=1)))
    page.panel.due_edit.editingFinished.emit()
    assert page.scene.overdue_ids == {n["b"]}


def test_undo_everything_and_redo_everything_keep_the_file_exact(opened):
    page, doc, editor, aid, path, people, shown = opened
    snapshots = [fresh_json(path)]
    n, e = build_branching_road(page)
    snapshots.append(fresh_json(path))
    name_things(page, n, e)
    snapshots.append(fresh_json(path))
    walk_the_road(page, n, e)
    make_overdue(page, n)
    final = fresh_json(path)
    assert memory_json(doc) == final
    stack = doc.undo_stack
    seen = []
    while stack.canUndo():
        stack.undo()
        assert memory_json(doc) == fresh_json(path)
        seen.append(fresh_json(path))
    assert seen[-1] == snapshots[0]
    assert snapshots[1] in seen and snapshots[2] in seen
    assert page.scene.items_by_key == {}
    while stack.canRedo():
        stack.redo()
    assert fresh_json(path) == final
    assert page.scene.position.active_ids == [n["b"]]
    assert page.scene.items_by_key[(NODES, n["c"])].opacity() < 0.5


def test_reopening_shows_the_same_road(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    name_things(page, n, e)
    walk_the_road(page, n, e)
    final = fresh_json(path)
    doc.close()
    doc2 = WorkspaceDocument.open(path)
    try:
        assert memory_json(doc2) == final
        page2 = RoadmapPage(AccountContext(doc2, Editor(doc2), aid))
        assert {k for k in page2.scene.items_by_key} == {k for k in page.scene.items_by_key}
        for key, item in page2.scene.items_by_key.items():
            assert item.pos() == page.scene.items_by_key[key].pos()
            assert item.opacity() == page.scene.items_by_key[key].opacity()
        assert page2.scene.position.active_ids == [n["b"]]
        page2.deleteLater()
    finally:
        doc2.close()


def test_move_delete_copy_paste_layout_are_single_steps(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    view, scene, stack = page.view, page.scene, doc.undo_stack
    # drag a node: one move command, snapped to the grid
    item = scene.item_for(NODES, n["c"])
    start = item.sceneBoundingRect().center() + QPointF(0, 12)
    count = stack.index()
    drag(view, start, start + QPointF(63, 47))
    assert stack.index() == count + 1
    node = doc.account(aid).node(n["c"])
    assert node.x % 10 == 0 and node.y % 10 == 0 and (node.x, node.y) != (0, 0)
    assert item.pos() == QPointF(node.x, node.y)
    # copy the crossroads and its two outcomes, paste: fresh ids, one step
    scene.select_keys([(NODES, n["d"]), (NODES, n["b"]), (NODES, n["c"])])
    editor.update(aid, NODES, n["d"], chosen_edge_id=e["db"])
    before = fresh_json(path)
    page.copy_selection()
    count = stack.index()
    page.paste()
    assert stack.index() == count + 1
    roadmap = doc.account(aid).roadmap
    assert len(roadmap.nodes) == 9 and len(roadmap.edges) == 8
    pasted = [x for x in roadmap.nodes if x.id not in n.values()]
    pasted_edges = [x for x in roadmap.edges if x.id not in e.values()]
    decision = next(x for x in pasted if x.kind == NodeKind.DECISION)
    assert decision.chosen_edge_id in {x.id for x in pasted_edges}
    assert {x.from_id for x in pasted_edges} == {decision.id}
    assert sorted(scene.selected_node_ids()) == sorted(x.id for x in pasted)
    stack.undo()
    assert fresh_json(path) == before
    # delete a node: its edges go too, one step
    scene.select_keys([(NODES, n["d"])])
    page.delete_selection()
    roadmap = doc.account(aid).roadmap
    assert n["d"] not in {x.id for x in roadmap.nodes} and len(roadmap.edges) == 3
    assert (EDGES, e["db"]) not in scene.items_by_key
    stack.undo()
    assert fresh_json(path) == before and len(scene.edge_items()) == 6
    # auto-layout: one step that undoes exactly
    count = stack.index()
    page.auto_layout()
    assert stack.index() == count + 1
    xs = {x.id: x.x for x in doc.account(aid).roadmap.nodes}
    assert xs[n["s"]] < xs[n["a"]] < xs[n["d"]] < xs[n["b"]] < xs[n["w"]]
    stack.undo()
    assert fresh_json(path) == before


def test_panel_checklist_people_and_edge_loop(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    stack = doc.undo_stack
    select(page, NODES, n["a"])
    panel = page.panel
    count = stack.index()
    panel.criteria_add.click()
    assert stack.index() == count + 1
    assert [c.text for c in doc.account(aid).node(n["a"]).exit_criteria] == ["New criterion"]
    item = panel.criteria_list.item(0)
    item.setText("Бюджет подтверждён")  # an edit in place
    panel.criteria_list.item(0).setCheckState(Qt.CheckState.Checked)  # a tick
    criteria = doc.account(aid).node(n["a"]).exit_criteria
    assert [(c.text, c.done) for c in criteria] == [("Бюджет подтверждён", True)]
    assert stack.index() == count + 3
    assert "1 of 1" in page.scene.item_for(NODES, n["a"]).toolTip()
    panel.criteria_list.setCurrentRow(0)
    panel.criteria_remove.click()
    assert doc.account(aid).node(n["a"]).exit_criteria == []
    # people: add one from the account, click jumps to the map, remove
    choose(panel.people_add, people[0])
    assert doc.account(aid).node(n["a"]).stakeholder_ids == [people[0]]
    panel.person_buttons[people[0]].click()
    assert shown == [("stakeholder", people[0])]
    # journey stage from the workspace framework
    stage = doc.settings.journey_framework.stations[3].id
    choose(panel.stage_combo, stage)
    assert doc.account(aid).node(n["a"]).journey_stage == stage
    # an edge: deliberate loop checkbox
    select(page, EDGES, e["bw"])
    QTest.mouseClick(panel.loop_check, Qt.MouseButton.LeftButton)
    assert next(x for x in doc.account(aid).roadmap.edges if x.id == e["bw"]).loop
    stack.undo()
    assert not next(x for x in doc.account(aid).roadmap.edges if x.id == e["bw"]).loop
    assert memory_json(doc) == fresh_json(path)


def test_problems_list_selects_and_double_click_edits(opened):
    page, doc, editor, aid, path, people, shown = opened
    s = place(page, NodeKind.START, QPointF(0, 0))
    d = place(page, NodeKind.DECISION, QPointF(300, 0))
    connect(page, s, d)
    from accountmap import catalogue
    from accountmap.domain.problems import Problem

    texts = [page.problems.item(i).text() for i in range(page.problems.count())]
    expected = catalogue.describe(Problem("roadmap.decision_few_outcomes", d,
                                          {"title": "New crossroads?", "count": "0"}), "en")
    assert expected in texts  # a crossroads without outcomes
    row = texts.index(expected)
    page.scene.clearSelection()
    page.problems.itemClicked.emit(page.problems.item(row))
    assert page.scene.selected_keys() == [(NODES, d)]
    # fix it: the list refreshes after the change
    w = place(page, NodeKind.WON, QPointF(600, -100))
    lost = place(page, NodeKind.LOST, QPointF(600, 100))
    connect(page, d, w)
    connect(page, d, lost)
    assert page.problems.count() == 0
    # double-click an edge label: edit it in place, Enter commits one step
    edge = page.scene.edge_items()[-1]
    index = doc.undo_stack.index()
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(edge.label_rect.center()))
    editor_widget = page.inline_editor
    assert page.panel.table == EDGES and page.panel.stack.currentIndex() == 2
    assert editor_widget.isVisible() and editor_widget.text() == "No"
    editor_widget.selectAll()
    editor_widget.insert("Нет, проиграли тендер")
    QTest.keyClick(editor_widget, Qt.Key.Key_Return)
    assert not editor_widget.isVisible()
    assert next(x for x in doc.account(aid).roadmap.edges if x.id == edge.edge_id).outcome \
        == "Нет, проиграли тендер"
    assert doc.undo_stack.index() == index + 1
    assert "Нет, проиграли тендер" in page.panel.outcome_edit.text()
    # double-click a node: rename in place; Esc cancels
    node = page.scene.item_for(NODES, d)
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(node.sceneBoundingRect().center()))
    assert editor_widget.isVisible() and editor_widget.text() == "New crossroads?"
    QTest.keyClick(editor_widget, Qt.Key.Key_Escape)
    assert not editor_widget.isVisible() and doc.undo_stack.index() == index + 1
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(node.sceneBoundingRect().center()))
    editor_widget.selectAll()
    editor_widget.insert("Есть тендер?")
    QTest.keyClick(editor_widget, Qt.Key.Key_Return)
    assert doc.account(aid).node(d).title == "Есть тендер?"
    assert page.panel.title_edit.text() == "Есть тендер?"
    # double-click on empty canvas: a checkpoint there
    count = len(doc.account(aid).roadmap.nodes)
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(QPointF(300, 300)))
    assert len(doc.account(aid).roadmap.nodes) == count + 1


def test_focus_entity_and_wrap_never_overflows(opened, qapp):
    page, doc, editor, aid, path, people, shown = opened
    node_id = editor.add(aid, NODES, RoadmapNode(
        title="Согласование технико-коммерческого предложения со всеми центрами принятия "
              "решений заказчика, включая службу безопасности и закупки", x=2000, y=900))
    page.focus_entity("node", node_id)
    assert page.scene.selected_keys() == [(NODES, node_id)]
    item = page.scene.item_for(NODES, node_id)
    assert len(item.lines) == 3 and item.lines[-1].endswith("…")
    assert "службу безопасности" in item.toolTip()
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(font(13))
    assert all(fm.horizontalAdvance(line) <= 190 - 22 + 0.5 for line in item.lines)
    lines, complete = wrap_text("Сверхдлинноесловобезпробеловкотороенепомещается", fm, [80, 80])
    assert not complete and all(fm.horizontalAdvance(x) <= 80.5 for x in lines)


def test_templates_save_and_apply_as_one_step(opened, monkeypatch, tmp_path):
    page, doc, editor, aid, path, people, shown = opened
    from accountmap.canvas.roadmap import templates_ui
    from tests.samples.roadmap import sample_roadmap

    n, e = build_branching_road(page)
    editor.update(aid, NODES, n["a"], status="done", due=dt.date(2026, 1, 1),
                  stakeholder_ids=[people[0]])
    saved = templates_ui.save_template(doc.account(aid).roadmap, "Моя дорога", "ru", "описание")
    assert saved.parent.parts[-2:] == ("AccountMap", "templates")
    assert saved.name == "Моя_дорога.ru.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "accountmap-template" and data["version"] == 1
    assert data["name"] == "Моя дорога" and data["language"] == "ru"
    nodes = data["roadmap"]["nodes"]
    assert {x["status"] for x in nodes} == {"planned"}
    assert all(x["due"] is None and x["stakeholder_ids"] == [] for x in nodes)
    before = fresh_json(path)
    count = doc.undo_stack.index()
    template = sample_roadmap()
    templates_ui.apply_template(page.context, template, replace=False)
    assert doc.undo_stack.index() == count + 1
    assert len(doc.account(aid).roadmap.nodes) == 6 + len(template.nodes)
    ids = {x.id for x in doc.account(aid).roadmap.nodes}
    assert not ids & {x.id for x in template.nodes}  # fresh ids
    doc.undo_stack.undo()
    assert fresh_json(path) == before
    templates_ui.apply_template(page.context, template, replace=True)
    assert len(doc.account(aid).roadmap.nodes) == len(template.nodes)
    doc.undo_stack.undo()
    assert fresh_json(path) == before
    # a template file that cannot be read: a clear message, nothing changes
    from accountmap.storage.templates import user_templates_dir

    user_templates_dir().mkdir(parents=True, exist_ok=True)
    (user_templates_dir() / "broken.en.json").write_text("{not json", encoding="utf-8")
    (user_templates_dir() / "broken.ru.json").write_text("{not json", encoding="utf-8")
    messages = []
    doc.errorOccurred.connect(messages.append)
    page.new_from_template()
    assert messages and "broken" in messages[0]
    assert fresh_json(path) == before


def test_connecting_by_handle_needs_a_target(opened):
    page, doc, editor, aid, path, people, shown = opened
    s = place(page, NodeKind.START, QPointF(0, 0))
    item = page.scene.item_for(NODES, s)
    count = doc.undo_stack.index()
    drag(page.view, item.handle.scenePos(), item.handle.scenePos() + QPointF(300, 200))
    assert doc.undo_stack.index() == count and doc.account(aid).roadmap.edges == []
    assert all(type(i).__name__ != "QGraphicsLineItem" for i in page.scene.items())
    # and the node did not move
    assert item.pos() == QPointF(doc.account(aid).node(s).x, doc.account(aid).node(s).y)


def test_template_dialog_flow_with_a_template_library(opened, monkeypatch):
    page, doc, editor, aid, path, people, shown = opened

    from PySide6.QtWidgets import QDialog

    from accountmap.canvas.roadmap import templates_ui
    from tests.samples.roadmap import sample_roadmap

    from accountmap.storage import templates
    from accountmap.storage.templates import TemplateInfo

    info = TemplateInfo("equipment", "ru", "Оборудование", "С тендером", path)
    monkeypatch.setattr(templates_ui, "list_templates", lambda lang: [info])
    monkeypatch.setattr(templates_ui, "load_template", lambda name, lang: sample_roadmap())
    seen = {}

    def accept(dialog):
        seen["items"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen["replace_checked"] = dialog.replace.isChecked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(templates_ui.TemplateDialog, "exec", accept)
    index = doc.undo_stack.index()
    page.new_from_template()
    assert seen["items"] == ["Оборудование\nС тендером"] and seen["replace_checked"]
    assert doc.undo_stack.index() == index + 1
    assert len(doc.account(aid).roadmap.nodes) == len(sample_roadmap().nodes)
    assert len(page.scene.node_items()) == len(sample_roadmap().nodes)
    # save as template through its dialog
    def fill(dialog):
        dialog.name.setText("с тендером")
        dialog.description.setPlainText("Сделка с тендером и пилотом")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(templates_ui.SaveTemplateDialog, "exec", fill)
    page.save_as_template()
    saved = templates.user_templates_dir() / "с_тендером.ru.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["description"] == "Сделка с тендером и пилотом"
    assert len(data["roadmap"]["nodes"]) == len(sample_roadmap().nodes)
    assert all(x["chosen_edge_id"] is None and x["activated_on"] is None
               for x in data["roadmap"]["nodes"])


def test_in_the_main_window_routed_actions_and_russian(tmp_path, qtbot):
    from accountmap.app.application import make_application
    from accountmap.app.main_window import MainWindow
    from tests.samples.roadmap import sample_account

    make_application("en")
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([sample_account()])
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    page = next(p for p in window.pages if isinstance(p, RoadmapPage))
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == RoadmapPage.title()
    doc = window.document
    aid = window.account_id
    before = fresh_json(path)
    count = len(doc.account(aid).roadmap.nodes)
    window.routed["select_all"].trigger()
    window.routed["copy_selection"].trigger()
    window.routed["paste"].trigger()
    assert len(doc.account(aid).roadmap.nodes) == 2 * count
    window.act_undo.trigger()
    assert fresh_json(path) == before
    window.act_redo.trigger()
    assert len(page.scene.node_items()) == 2 * count
    window.act_undo.trigger()
    # the translation catalogue has every string of the page
    from accountmap.app.translation import load_catalogue

    ru = load_catalogue("ru")["RoadmapCanvas"]
    assert ru["Roadmap"] == "Дорожная карта"
    assert ru["Checkpoints passed: %1 of about %2 on the current path"].count("%") == 2
    window.close()


def test_every_roadmap_string_has_a_russian_translation():
    import re
    from pathlib import Path

    from accountmap.app.translation import load_catalogue

    folder = Path(__file__).resolve().parents[2] / "accountmap" / "canvas" / "roadmap"
    sources = set()
    for path in folder.glob("*.py"):
        sources |= set(re.findall(r'\btr\("((?:[^"\\]|\\.)*)"\)', path.read_text(encoding="utf-8")))
    ru = load_catalogue("ru")["RoadmapCanvas"]
    assert len(sources) > 80
    assert sorted(s for s in sources if s not in ru) == []


def test_context_menu_marks_chooses_and_loops(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    scene = page.scene

    def trigger(item_key, text):
        item = scene.items_by_key[item_key]
        if item_key[0] == NODES:
            at = item.sceneBoundingRect().center()
        else:
            at = item.label_rect.center() if item.label_text else item.path.pointAtPercent(0.5)
        actions = {a.text(): a for a in scene.context_actions(at)}
        assert text in actions, sorted(actions)
        actions[text].trigger()

    index = doc.undo_stack.index()
    trigger((NODES, n["a"]), "Mark: Active")
    assert doc.undo_stack.index() == index + 1
    node = doc.account(aid).node(n["a"])
    assert node.status == CheckpointStatus.ACTIVE and node.activated_on == clock.today()
    trigger((NODES, n["a"]), "Mark: Done")
    trigger((NODES, n["d"]), "Outcome: No")
    assert doc.account(aid).node(n["d"]).chosen_edge_id == e["dc"]
    assert scene.items_by_key[(NODES, n["b"])].opacity() < 0.5  # now the audit is faded
    trigger((EDGES, e["cw"]), "Deliberate loop")
    assert next(x for x in doc.account(aid).roadmap.edges if x.id == e["cw"]).loop
    trigger((NODES, n["d"]), "Clear the chosen outcome")
    assert doc.account(aid).node(n["d"]).chosen_edge_id is None
    # connecting twice does not duplicate the branch
    edges = len(doc.account(aid).roadmap.edges)
    source = scene.item_for(NODES, n["s"])
    drag(page.view, source.handle.scenePos(),
         scene.item_for(NODES, n["a"]).sceneBoundingRect().center())
    assert len(doc.account(aid).roadmap.edges) == edges
    assert scene.selected_keys() == [(EDGES, e["sa"])]
    trigger((NODES, n["c"]), "Delete")
    assert n["c"] not in {x.id for x in doc.account(aid).roadmap.nodes}
    assert memory_json(doc) == fresh_json(path)
