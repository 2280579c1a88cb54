"""Deleting what others refer to, then undo and redo, on the demo: the file's foreign keys
agree with the editor at every step (memory equals a fresh read; no dangling reference)."""

from __future__ import annotations

import sqlite3

from accountmap.storage.demo import write_demo
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from tests.snapshots import fresh_json, memory_json


def dangling(path) -> list:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


def test_delete_undo_redo_of_referenced_people_nodes_and_centres(qapp, tmp_path):
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    aid = "acc-uzts"
    account = doc.account(aid)
    petrov = "sh-petrov"  # in relationships, questions, meetings, touchpoints, checkpoints
    assert any(petrov in m.attendee_ids for m in account.meetings)
    assert any(petrov in n.stakeholder_ids for n in account.roadmap.nodes)
    centre = account.stakeholder(petrov).decision_centre_id
    node = next(m.checkpoint_id for m in account.meetings if m.checkpoint_id)
    original = fresh_json(path)
    steps = [{"stakeholders": [petrov]}, {"roadmap_nodes": [node]},
             {"decision_centres": [centre]}]
    states = [original]
    for targets in steps:
        assert editor.delete(aid, targets)
        states.append(fresh_json(path))
        assert memory_json(doc) == states[-1]
        assert dangling(path) == []
    for state in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert fresh_json(path) == memory_json(doc) == state
        assert dangling(path) == []
    for state in states[1:]:
        doc.undo_stack.redo()
        assert fresh_json(path) == memory_json(doc) == state
    after = doc.account(aid)
    assert after.stakeholder(petrov) is None and after.node(node) is None
    assert all(petrov not in m.attendee_ids for m in after.meetings)
    assert all(m.checkpoint_id != node for m in after.meetings)
    doc.close()
