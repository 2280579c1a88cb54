"""Random sequences of editor operations with undo/redo (hypothesis): after every step the
in-memory state equals a fresh load of the file, and undoing everything returns to the start."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.models import (
    DecisionCentre, OpenQuestion, Relationship, RoadmapEdge, RoadmapNode, Stakeholder, Touchpoint,
)
from accountmap.storage.errors import WorkspaceError
from tests.snapshots import fresh_json, memory_json

counter = itertools.count()

OPS = st.lists(st.tuples(
    st.sampled_from(["add_person", "add_centre", "edit_person", "move", "nudge", "delete_person",
                     "delete_centre", "connect", "ask", "add_node", "link_nodes", "delete_node",
                     "rename_account", "add_account", "delete_account", "journey_move",
                     "touchpoint", "step", "failed_step", "undo", "undo", "redo"]),
    st.integers(0, 1000), st.text(max_size=12)), min_size=1, max_size=25)


def pick(items, n):
    return items[n % len(items)] if items else None


def apply(editor: Editor, doc: WorkspaceDocument, op: str, n: int, text: str) -> None:
    ids = doc.account_ids()
    if op == "add_account" or not ids:
        editor.add_account(text or "Клиент")
        return
    aid = pick(ids, n)
    acc = doc.account(aid)
    person = pick([s.id for s in acc.stakeholders], n)
    centre = pick([c.id for c in acc.decision_centres], n)
    node = pick([x.id for x in acc.roadmap.nodes], n)
    if op == "add_person":
        editor.add(aid, "stakeholders", Stakeholder(full_name=text, decision_centre_id=centre))
    elif op == "add_centre":
        editor.add(aid, "decision_centres", DecisionCentre(name=text))
    elif op == "edit_person" and person:
        editor.update(aid, "stakeholders", person, title=text, influence=["high", "low"][n % 2])
    elif op == "move" and person:
        editor.move(aid, {("stakeholders", person): (float(n), float(-n))})
    elif op == "nudge" and person:
        p = acc.stakeholder(person)
        editor.move(aid, {("stakeholders", person): (p.x + 10, p.y)}, merge_key=("nudge", person))
    elif op == "delete_person" and person:
        editor.delete(aid, {"stakeholders": [person]})
    elif op == "delete_centre" and centre:
        editor.delete(aid, {"decision_centres": [centre]})
    elif op == "connect" and len(acc.stakeholders) >= 2:
        a, b = acc.stakeholders[n % len(acc.stakeholders)].id, acc.stakeholders[(n + 1) % len(acc.stakeholders)].id
        editor.add(aid, "relationships", Relationship(from_id=a, to_id=b, label=text))
    elif op == "ask" and person:
        editor.add(aid, "open_questions", OpenQuestion(question=text, stakeholder_id=person))
    elif op == "add_node":
        editor.add(aid, "roadmap_nodes", RoadmapNode(kind=["checkpoint", "decision", "start"][n % 3], title=text))
    elif op == "link_nodes" and len(acc.roadmap.nodes) >= 2:
        a, b = acc.roadmap.nodes[n % len(acc.roadmap.nodes)].id, acc.roadmap.nodes[(n + 1) % len(acc.roadmap.nodes)].id
        editor.add(aid, "roadmap_edges", RoadmapEdge(from_id=a, to_id=b, outcome=text))
    elif op == "delete_node" and node:
        editor.delete(aid, {"roadmap_nodes": [node]})
    elif op == "rename_account":
        editor.rename_account(aid, text)
    elif op == "delete_account" and len(ids) > 1:
        editor.delete_account(aid)
    elif op == "journey_move":
        editor.move_account_station(aid, ["awareness", "study", None][n % 3], "warm",
                                    dt.date(2026, 1, 1 + n % 28), text)
    elif op == "touchpoint" and person:
        editor.add_touchpoint(aid, Touchpoint(date=dt.date(2026, 2, 1 + n % 28),
                                              stakeholder_ids=[person], summary=text),
                              dt.date(2026, 2, 15))
    elif op == "step":  # several edits of one gesture: one transaction, one undo step
        with editor.step(text or "step"):
            new = editor.add(aid, "stakeholders", Stakeholder(full_name=text))
            if person:
                editor.add(aid, "relationships", Relationship(from_id=new, to_id=person))
                editor.update(aid, "stakeholders", person, title=text)
                editor.delete(aid, {"stakeholders": [person]})  # and the new relationship
    elif op == "failed_step" and person:  # refused half-way: nothing of it stays
        with editor.step("refused"):
            editor.update(aid, "stakeholders", person, title=text + "!")
            editor.update(aid, "stakeholders", person, influence="enormous")
    elif op == "undo":
        doc.undo_stack.undo()
    elif op == "redo":
        doc.undo_stack.redo()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OPS)
def test_random_edits_with_undo_redo_match_the_file(qapp, tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("undo") / f"w{next(counter)}.accountmap"
    doc = WorkspaceDocument.open(path, create=True)
    editor = Editor(doc)
    start = fresh_json(path)
    try:
        for op, n, text in ops:
            try:
                apply(editor, doc, op, n, text)
            except WorkspaceError:
                pass  # a refused edit changes nothing; checked below like any other step
            assert memory_json(doc) == fresh_json(path), op
        while doc.undo_stack.canUndo():
            doc.undo_stack.undo()
            assert memory_json(doc) == fresh_json(path)
        assert fresh_json(path) == start
        while doc.undo_stack.canRedo():
            doc.undo_stack.redo()
            assert memory_json(doc) == fresh_json(path)
    finally:
        doc.close()
