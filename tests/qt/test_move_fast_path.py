"""A change that only moves or resizes rows (Arrange automatically, its undo, a drop) is
applied without pydantic and written as plain UPDATEs (issue 15: Arrange at 3,000 people
spent ~0.5 s validating and dumping rows whose only change was a pair of floats). It must
leave exactly what the validated path leaves: memory, the file read afresh, the changes
the undo step holds; and anything else still goes through validation."""

from __future__ import annotations

import pytest

from accountmap.document import workspace_document
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.models import Account, DecisionCentre, Interest, Stakeholder
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.workspace_file import WorkspaceFile
from tests.snapshots import fresh_json, memory_json

PEOPLE = 120  # above the document's BATCH: the many-rows path too


def _workspace(path):
    centres = [DecisionCentre(id=f"c{i}", name=f"ЦФР {i}", x=i * 400.0, y=0.0) for i in range(3)]
    people = [Stakeholder(id=f"p{i}", full_name=f"Человек {i}", title="Директор",
                          decision_centre_id=f"c{i % 3}", roles=["economic_buyer"],
                          interests=[Interest(text=f"интерес {i}")], x=i * 10.0, y=i * 5.0)
              for i in range(PEOPLE)]
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(id="a", name="Клиент", decision_centres=centres,
                                 stakeholders=people)])


def _arrangement():
    updates = [("stakeholders", f"p{i}", {"x": 1000 - i * 7, "y": float(i * 3) + 0.5})
               for i in range(PEOPLE)]  # ints among them: stored as floats, as pydantic does
    updates += [("decision_centres", f"c{i}", {"x": float(i * 500), "y": 20.0,
                                               "width": 480, "height": 300.0})
                for i in range(3)]
    return updates


def _run(path, monkeypatch, fast: bool):
    """Arrange-like step, its undo, its redo: the JSON of memory and of the file after each,
    and the rows the undo step holds."""
    if not fast:
        monkeypatch.setattr(workspace_document, "geometry_only", lambda *a: False)
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    try:
        doc.account("a")
        editor.update_many("a", _arrangement(), "Arrange automatically")
        assert doc.undo_stack.count() == 1
        states = [(memory_json(doc), fresh_json(path))]
        held = [(c.table, c.id, c.before, c.after) for c in doc.undo_stack.command(0).changes]
        doc.undo_stack.undo()
        states.append((memory_json(doc), fresh_json(path)))
        doc.undo_stack.redo()
        states.append((memory_json(doc), fresh_json(path)))
        editor.move("a", {("stakeholders", "p1"): (40.0, 60.0)})  # a drop: a few rows
        states.append((memory_json(doc), fresh_json(path)))
        doc.undo_stack.undo()
        states.append((memory_json(doc), fresh_json(path)))
        return states, held
    finally:
        doc.close()
        monkeypatch.undo()


def test_a_move_gives_the_same_memory_file_and_undo_as_the_validated_path(tmp_path, monkeypatch, qapp):
    fast_path, slow_path = tmp_path / "fast.accountmap", tmp_path / "slow.accountmap"
    _workspace(fast_path)
    _workspace(slow_path)
    fast, fast_held = _run(fast_path, monkeypatch, fast=True)
    slow, slow_held = _run(slow_path, monkeypatch, fast=False)
    assert fast == slow
    assert fast_held == slow_held
    for memory, disk in fast:
        assert memory == disk
    assert '"x":1000.0' in fast[0][0].replace(" ", "")  # the int stored as pydantic stores it


def test_a_move_validates_no_row(tmp_path, monkeypatch, qapp):
    """Without the fast path every moved row is validated by its model (this fails)."""
    path = tmp_path / "w.accountmap"
    _workspace(path)
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    doc.account("a")
    validated = []
    real = workspace_document.row_model
    monkeypatch.setattr(workspace_document, "row_model",
                        lambda table, data: validated.append(table) or real(table, data))
    try:
        editor.update_many("a", _arrangement(), "Arrange automatically")
        doc.undo_stack.undo()
        doc.undo_stack.redo()
        assert validated == []
        editor.update("a", "stakeholders", "p1", title="Новая должность")  # not a move
        assert validated == ["stakeholders"]
    finally:
        doc.close()


def test_a_move_of_floats_is_held_as_given(tmp_path, qapp):
    """A row moved to floats is applied as the change given (the after row is already as
    the model dumps it: no second copy of each of 3,000 rows); one given an int is held
    with the float pydantic makes of it."""
    path = tmp_path / "w.accountmap"
    _workspace(path)
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    doc.account("a")
    try:
        changes = editor.updated_rows("a", [  # floats, and ints among them
            ("stakeholders", f"p{i}", {"x": 1000 - i * 7 + (0.0 if i % 2 else 0), "y": float(i * 3) + 0.5})
            for i in range(PEOPLE)])
        applied = doc.apply(changes)
        assert len(applied) == len(changes)
        for given, held in zip(changes, applied):
            floats = all(type(v) is float for k, v in given.after.data.items()
                         if k in ("x", "y", "width", "height"))
            assert (held is given) == floats
            assert held.after.data == {**given.after.data, **{
                k: float(v) for k, v in given.after.data.items() if k in ("x", "y", "width", "height")}}
        assert any(held is given for given, held in zip(changes, applied))
        assert not all(held is given for given, held in zip(changes, applied))
    finally:
        doc.close()


@pytest.mark.parametrize("fields", [
    {"x": float("nan")}, {"x": float("inf")}, {"y": 2e7}, {"x": "left"}, {"x": None},
])
def test_a_move_out_of_bounds_is_still_refused(tmp_path, qapp, fields):
    path = tmp_path / "w.accountmap"
    _workspace(path)
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    before = fresh_json(path)
    try:
        with pytest.raises(WorkspaceError):
            editor.update("a", "stakeholders", "p1", **fields)
        with pytest.raises(WorkspaceError):
            editor.update("a", "decision_centres", "c1", width=5.0)
        assert fresh_json(path) == before == memory_json(doc)
        assert doc.undo_stack.count() == 0
    finally:
        doc.close()


def test_plain_columns_are_updated_json_ones_upserted():
    """The file's statements: a move is an UPDATE of the changed columns; a change of a
    list (roles, interests) stays the upsert that rewrites the JSON and the links."""
    from accountmap.storage import rows

    person = Stakeholder(id="p1", full_name="Анна", roles=["economic_buyer"]).model_dump(mode="json")
    moved = {**person, "x": 40.0, "y": 60.0}
    [(sql, params)] = rows.upsert("stakeholders", "a", "p1", 3.0, moved, person, 3.0)
    assert sql == 'UPDATE stakeholders SET "x" = ?, "y" = ? WHERE account_id = ? AND id = ?'
    assert params == (40.0, 60.0, "a", "p1")
    recast = {**person, "roles": ["champion"]}
    statements = rows.upsert("stakeholders", "a", "p1", 3.0, recast, person, 3.0)
    assert statements[0][0].startswith("INSERT INTO stakeholders")
