"""The editor API: each change is on disk, undoable exactly, and redoable."""

from __future__ import annotations

import pytest

from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.models import (
    DecisionCentre, OpenQuestion, Relationship, RoadmapEdge, RoadmapNode, Stakeholder,
)
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.workspace_file import Row, RowChange
from tests.snapshots import fresh_json, memory_json


@pytest.fixture
def opened(tmp_path, qapp):
    path = tmp_path / "w.accountmap"
    doc = WorkspaceDocument.open(path, create=True)
    yield doc, Editor(doc), path
    doc.close()


def test_every_edit_undoes_to_the_exact_file_and_redoes(opened):
    doc, editor, path = opened
    snapshots = [fresh_json(path)]
    aid = editor.add_account("АО «Уралтрубмаш»", industry="Металлургия")
    snapshots.append(fresh_json(path))
    dc = editor.add(aid, "decision_centres", DecisionCentre(name="ИТ"))
    snapshots.append(fresh_json(path))
    a = editor.add(aid, "stakeholders", Stakeholder(full_name="Иванов Пётр Сергеевич", decision_centre_id=dc))
    b = editor.add(aid, "stakeholders", Stakeholder(full_name="Смирнова Анна"))
    snapshots.append(fresh_json(path))
    editor.add(aid, "relationships", Relationship(from_id=a, to_id=b, kind="reports_to"))
    editor.add(aid, "open_questions", OpenQuestion(question="Бюджет на 2027?", stakeholder_id=a))
    snapshots.append(fresh_json(path))
    editor.update(aid, "stakeholders", a, title="Директор по ИТ", attitude="supporter")
    snapshots.append(fresh_json(path))
    editor.delete(aid, {"stakeholders": [a]})
    after_delete = fresh_json(path)
    acc = doc.account(aid)
    assert [s.id for s in acc.stakeholders] == [b]
    assert acc.relationships == [] and acc.open_questions == []
    assert memory_json(doc) == after_delete
    # undo all the way, checking the file and memory at each step
    stack = doc.undo_stack
    expected = [after_delete] + snapshots[::-1]
    seen = [fresh_json(path)]
    while stack.canUndo():
        stack.undo()
        assert memory_json(doc) == fresh_json(path)
        seen.append(fresh_json(path))
    assert seen[-1] == snapshots[0]
    assert snapshots[-1] in seen and snapshots[1] in seen
    while stack.canRedo():
        stack.redo()
        assert memory_json(doc) == fresh_json(path)
    assert fresh_json(path) == after_delete
    assert expected[0] == after_delete


def test_refused_edit_changes_nothing(opened):
    doc, editor, path = opened
    aid = editor.add_account("X")
    a = editor.add(aid, "stakeholders", Stakeholder(full_name="A"))
    before = fresh_json(path)
    count = doc.undo_stack.count()
    with pytest.raises(WorkspaceError):
        editor.add(aid, "relationships", Relationship.model_construct(id="r1", from_id=a, to_id=a))
    with pytest.raises(WorkspaceError):
        editor.update(aid, "stakeholders", a, influence="enormous")
    assert fresh_json(path) == before and doc.undo_stack.count() == count


def test_nudges_merge_into_one_step(opened):
    doc, editor, path = opened
    aid = editor.add_account("X")
    a = editor.add(aid, "stakeholders", Stakeholder(full_name="A"))
    count = doc.undo_stack.count()
    for i in range(5):
        editor.move(aid, {("stakeholders", a): (10.0 * (i + 1), 0.0)}, merge_key=("nudge", (a,)))
    assert doc.undo_stack.count() == count + 1
    doc.undo_stack.undo()
    assert doc.account(aid).stakeholder(a).x == 0.0


def test_delete_roadmap_node_clears_its_edges_and_choices(opened):
    doc, editor, path = opened
    aid = editor.add_account("X")
    s = editor.add(aid, "roadmap_nodes", RoadmapNode(kind="start"))
    d = editor.add(aid, "roadmap_nodes", RoadmapNode(kind="decision", title="Аудит?"))
    c = editor.add(aid, "roadmap_nodes", RoadmapNode(title="Аудит"))
    e1 = editor.add(aid, "roadmap_edges", RoadmapEdge(from_id=s, to_id=d))
    e2 = editor.add(aid, "roadmap_edges", RoadmapEdge(from_id=d, to_id=c, outcome="Да"))
    editor.update(aid, "roadmap_nodes", d, chosen_edge_id=e2)
    editor.delete(aid, {"roadmap_nodes": [c]})
    acc = doc.account(aid)
    assert [e.id for e in acc.roadmap.edges] == [e1]
    assert acc.node(d).chosen_edge_id is None
    doc.undo_stack.undo()
    assert doc.account(aid).node(d).chosen_edge_id == e2
    assert memory_json(doc) == fresh_json(path)


def test_delete_and_duplicate_account(opened):
    doc, editor, path = opened
    aid = editor.add_account("Клиент")
    editor.add(aid, "stakeholders", Stakeholder(full_name="A"))
    copy = editor.duplicate_account(aid)
    assert doc.account(copy).stakeholders[0].full_name == "A"
    editor.delete_account(aid)
    assert doc.account_ids() == [copy]
    doc.undo_stack.undo()
    assert set(doc.account_ids()) == {aid, copy}
    assert memory_json(doc) == fresh_json(path)


def test_a_position_only_change_reorders_the_rows_in_memory(opened):
    """Moving a row in its table's order (same data, new position) reorders the loaded
    list as a fresh load would (the document compared the position with the one it had
    just assigned, so the list kept its old order)."""
    doc, editor, path = opened
    aid = editor.add_account("Клиент")
    ids = [editor.add(aid, "stakeholders", Stakeholder(full_name=name)) for name in "абв"]
    doc.account(aid)  # loaded: the change goes through the in-memory update
    first = doc.row(aid, "stakeholders", ids[0])
    editor.commit([RowChange("stakeholders", aid, ids[0], first, Row(10.0, first.data))],
                  "Reorder")
    assert [s.id for s in doc.account(aid).stakeholders] == [ids[1], ids[2], ids[0]]
    assert memory_json(doc) == fresh_json(path)
    doc.undo_stack.undo()
    assert [s.id for s in doc.account(aid).stakeholders] == ids
    assert memory_json(doc) == fresh_json(path)


def test_a_step_that_changes_nothing_writes_nothing(opened, tmp_path):
    """No transaction, no undo step; also on a read-only file, where it is no error."""
    doc, editor, path = opened
    aid = editor.add_account("Клиент")
    count = doc.undo_stack.count()
    with editor.step("nothing"):
        editor.update_account(aid, name="Клиент")  # as it is
    assert doc.undo_stack.count() == count
    reader = WorkspaceDocument.open(path, read_only=True)
    try:
        with Editor(reader).step("nothing"):
            Editor(reader).update_account(aid, name="Клиент")
        with pytest.raises(WorkspaceError):
            Editor(reader).update_account(aid, name="Другое имя")
    finally:
        reader.close()


def test_an_edit_is_validated_once(opened, monkeypatch):
    """The editor builds the row, the document validates it once with its model and the
    file writes the dump as it is (it was validated three times)."""
    doc, editor, path = opened
    aid = editor.add_account("Клиент")
    pid = editor.add(aid, "stakeholders", Stakeholder(full_name="Иванов"))
    doc.account(aid)
    calls = []
    original = Stakeholder.model_validate.__func__

    def counting(cls, *args, **kwargs):
        calls.append(args[0] if args else None)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Stakeholder, "model_validate", classmethod(counting))
    editor.update(aid, "stakeholders", pid, title="Директор")
    assert len(calls) == 1
    assert memory_json(doc) == fresh_json(path)
