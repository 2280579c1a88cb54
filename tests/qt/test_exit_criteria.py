"""Exit criteria mean something: done with criteria unticked asks for a reason (kept on the
checkpoint) or is refused by the workspace's setting with a hint in the status bar (no
modal); the next checkpoint on the chosen path becomes active in the same undo step;
`check` reports a checkpoint done with unmet criteria."""

from __future__ import annotations

from unittest import mock

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QInputDialog

from accountmap.canvas.roadmap.scene import NODES
from accountmap.domain.models import ExitCriterion
from accountmap.domain.vocabulary import CheckpointStatus
from tests.qt.test_roadmap_canvas import TODAY, build_branching_road, choose, opened, select  # noqa: F401
from tests.snapshots import fresh_json, memory_json


class Hints(QObject):
    """What reaches the status bar: the status-tip events that pass through the page."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.texts: list[str] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.StatusTip and event.tip():
            self.texts.append(event.tip())
        return False


def menu(scene, node_id, text):
    at = scene.items_by_key[(NODES, node_id)].sceneBoundingRect().center()
    actions = {a.text(): a for a in scene.context_actions(at)}
    assert text in actions, sorted(actions)
    actions[text].trigger()


def road_with_criteria(page, editor, aid):
    n, e = build_branching_road(page)
    menu(page.scene, n["d"], "Outcome: No")  # the road goes on to c
    editor.update(aid, NODES, n["a"], "criteria", exit_criteria=[
        ExitCriterion(text="Бюджет подтверждён финансовым директором").model_dump(),
        ExitCriterion(text="Назначена встреча с ИТ").model_dump()])
    menu(page.scene, n["a"], "Mark: Active")
    return n, e


def test_done_with_unticked_criteria_asks_a_reason_and_activates_the_next(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = road_with_criteria(page, editor, aid)
    hints = Hints(page)
    before = fresh_json(path)
    index = doc.undo_stack.index()
    asked = []

    def answer(parent, title, label, text=""):
        asked.append(label)
        return "Клиент подтвердил бюджет устно", True

    with mock.patch.object(QInputDialog, "getMultiLineText", side_effect=answer):
        menu(page.scene, n["a"], "Mark: Done")
    assert len(asked) == 1 and "2" in asked[0]
    a, c = doc.account(aid).node(n["a"]), doc.account(aid).node(n["c"])
    assert a.status == CheckpointStatus.DONE and a.exit_note == "Клиент подтвердил бюджет устно"
    assert c.status == CheckpointStatus.ACTIVE and c.activated_on == TODAY
    assert doc.undo_stack.index() == index + 1  # done + next active: one step
    assert any("now active" in t for t in hints.texts)
    select(page, NODES, n["a"])
    assert page.panel.exit_note_label.isVisible()
    assert "устно" in page.panel.exit_note_label.text()
    assert memory_json(doc) == fresh_json(path)
    doc.undo_stack.undo()
    assert fresh_json(path) == before


def test_cancelling_the_reason_leaves_it_undone_with_a_hint(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = road_with_criteria(page, editor, aid)
    hints = Hints(page)
    index = doc.undo_stack.index()
    select(page, NODES, n["a"])
    with mock.patch.object(QInputDialog, "getMultiLineText", return_value=("", False)):
        choose(page.panel.status_combo, CheckpointStatus.DONE.value)  # from the panel
    assert doc.account(aid).node(n["a"]).status == CheckpointStatus.ACTIVE
    assert doc.undo_stack.index() == index
    assert page.panel.status_combo.currentData() == CheckpointStatus.ACTIVE.value
    assert any("reason is needed" in t for t in hints.texts)


def test_a_strict_workspace_refuses_without_a_modal(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = road_with_criteria(page, editor, aid)
    editor.update_settings(strict_exit_criteria=True)
    hints = Hints(page)
    index = doc.undo_stack.index()
    with mock.patch.object(QInputDialog, "getMultiLineText") as dialog:
        menu(page.scene, n["a"], "Mark: Done")
    dialog.assert_not_called()
    assert doc.account(aid).node(n["a"]).status == CheckpointStatus.ACTIVE
    assert doc.undo_stack.index() == index
    assert any("cannot be marked done" in t and "2 of 2" in t for t in hints.texts)
    # ticking both criteria lets it pass, and the next one becomes active
    editor.update(aid, NODES, n["a"], "tick", exit_criteria=[
        {"text": c.text, "done": True} for c in doc.account(aid).node(n["a"]).exit_criteria])
    menu(page.scene, n["a"], "Mark: Done")
    assert doc.account(aid).node(n["a"]).status == CheckpointStatus.DONE
    assert doc.account(aid).node(n["c"]).status == CheckpointStatus.ACTIVE


def test_check_reports_done_with_unmet_criteria(opened, capsys):
    from accountmap.cli import main

    page, doc, editor, aid, path, people, shown = opened
    n, e = road_with_criteria(page, editor, aid)
    editor.update(aid, NODES, n["a"], "done by hand", status=CheckpointStatus.DONE.value)
    doc.close()
    main(["check", str(path), "--lang", "ru"])
    out = capsys.readouterr().out
    assert "не выполнено критериев выхода: 2 из 2" in out
    assert "Проблем не найдено" not in out


def test_the_panel_switches_the_workspace_to_strict_criteria(opened, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    page, doc, editor, aid, path, people, shown = opened
    n, e = road_with_criteria(page, editor, aid)
    select(page, NODES, n["a"])
    check = page.panel.strict_check
    assert check.isVisibleTo(page.panel) and not check.isChecked()
    QTest.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert doc.settings.strict_exit_criteria and check.isChecked()
    with mock.patch.object(QInputDialog, "getMultiLineText") as dialog:
        menu(page.scene, n["a"], "Mark: Done")
    dialog.assert_not_called()
    assert doc.account(aid).node(n["a"]).status == CheckpointStatus.ACTIVE
    doc.undo_stack.undo()  # the setting is an undo step too
    assert not doc.settings.strict_exit_criteria and not check.isChecked()


def test_choosing_an_outcome_activates_the_first_checkpoint_of_that_branch(opened):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    menu(page.scene, n["a"], "Mark: Active")
    menu(page.scene, n["a"], "Mark: Done")  # no criteria: no question
    assert doc.account(aid).node(n["c"]).status == CheckpointStatus.PLANNED  # a crossroads next
    index = doc.undo_stack.index()
    menu(page.scene, n["d"], "Outcome: No")
    assert doc.undo_stack.index() == index + 1
    assert doc.account(aid).node(n["c"]).status == CheckpointStatus.ACTIVE
    assert doc.account(aid).node(n["b"]).status == CheckpointStatus.PLANNED
    doc.undo_stack.undo()
    assert doc.account(aid).node(n["c"]).status == CheckpointStatus.PLANNED
    assert doc.account(aid).node(n["d"]).chosen_edge_id is None


def test_the_editor_passes_a_checkpoint_and_activates_the_next_in_one_step(opened, today):
    """Scripted use, no canvas: the editor itself activates what comes next on the road."""
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    editor.update(aid, NODES, n["d"], "choose", chosen_edge_id=e["dc"])
    editor.set_checkpoint_status(aid, n["a"], CheckpointStatus.ACTIVE, today)
    index = doc.undo_stack.index()
    assert editor.set_checkpoint_status(aid, n["a"], CheckpointStatus.DONE, today, "Done",
                                        exit_note="Бюджет устно подтверждён")
    assert doc.undo_stack.index() == index + 1
    c = doc.account(aid).node(n["c"])
    assert (c.status, c.activated_on) == (CheckpointStatus.ACTIVE, today)
    assert doc.account(aid).node(n["a"]).exit_note == "Бюджет устно подтверждён"
    assert doc.account(aid).node(n["b"]).status == CheckpointStatus.PLANNED
    assert memory_json(doc) == fresh_json(path)
    doc.undo_stack.undo()
    assert doc.account(aid).node(n["c"]).status == CheckpointStatus.PLANNED
    assert doc.account(aid).node(n["a"]).status == CheckpointStatus.ACTIVE
