"""Writing a contact import through the editor: one undo step, one transaction; undo gives
back the exact file and memory; large imports take the document's batch path."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountmap.cli.contacts import read_contacts
from accountmap.document.contact_import import write_import
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.contact_plan import plan_import
from accountmap.domain.models import DecisionCentre, Stakeholder
from accountmap.storage.contacts_csv import parse_csv_bytes
from accountmap.storage.errors import WorkspaceError
from tests.snapshots import fresh_json, memory_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


@pytest.fixture
def opened(tmp_path, qapp):
    path = tmp_path / "w.accountmap"
    doc = WorkspaceDocument.open(path, create=True)
    editor = Editor(doc)
    aid = editor.add_account("Northwind Steel")
    for name in ("Executive board", "Finance", "IT"):
        editor.add(aid, "decision_centres", DecisionCentre(name=name))
    doc.undo_stack.clear()
    yield doc, editor, aid, path
    doc.close()


def test_import_is_one_undo_step_and_undoes_to_the_exact_file(opened):
    doc, editor, aid, path = opened
    before = fresh_json(path)
    _, _, contacts = read_contacts(FIXTURES / "salesforce_contacts.csv")
    plan = plan_import(doc.account(aid), contacts)
    seen = []
    doc.rowsChanged.connect(lambda a, table, ids: seen.append((table, len(ids))))
    assert write_import(editor, aid, plan, "Import contacts")
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Import contacts"
    after = fresh_json(path)
    assert memory_json(doc) == after
    account = doc.account(aid)
    assert len(account.stakeholders) == 6 and len(account.relationships) == 4
    centres = {c.name: c for c in account.decision_centres}
    king = next(p for p in account.stakeholders if p.full_name == "Robert King")
    assert king.decision_centre_id == centres["Executive board"].id
    # laid out: the CEO's card inside the frame of his centre
    frame = centres["Executive board"]
    assert frame.x <= king.x and king.x + 230 <= frame.x + frame.width
    assert ("stakeholders", 6) in seen and ("relationships", 4) in seen
    doc.undo_stack.undo()
    assert fresh_json(path) == before and memory_json(doc) == before
    doc.undo_stack.redo()
    assert fresh_json(path) == after and memory_json(doc) == after


def test_a_refused_row_writes_nothing(opened):
    doc, editor, aid, path = opened
    before = fresh_json(path)
    table = parse_csv_bytes(b"Name,Email\nAnn Lee,ann@x.com\nBob Stone,bob@x.com\n")
    from accountmap.domain.contact_columns import Preset, map_columns
    from accountmap.domain.contacts import contacts_from_rows

    contacts = contacts_from_rows(map_columns(table.headers, Preset.CUSTOM), table.rows)
    plan = plan_import(doc.account(aid), contacts)
    plan.new_people[1].relationship_strength = 99  # as if the plan were broken
    with pytest.raises(WorkspaceError):
        write_import(editor, aid, plan, "Import contacts")
    assert fresh_json(path) == before and memory_json(doc) == before
    assert doc.undo_stack.count() == 0


def test_large_import_then_update_of_every_row_keeps_memory_equal_to_disk(opened):
    doc, editor, aid, path = opened
    editor.add(aid, "stakeholders", Stakeholder(full_name="Already There", x=0, y=0))
    lines = ["Id,FirstName,LastName,Title,Email,ReportsToId"]
    for i in range(600):
        boss = f"c{(i - 1) // 5}" if i else ""
        lines.append(f"c{i},Name{i},Surname{i},Engineer {i % 7},p{i}@x.com,{boss}")
    path_csv = Path(path).with_name("many.csv")
    path_csv.write_text("\n".join(lines), encoding="utf-8")
    _, _, contacts = read_contacts(path_csv)
    write_import(editor, aid, plan_import(doc.account(aid), contacts), "Import contacts")
    assert memory_json(doc) == fresh_json(path)
    account = doc.account(aid)
    assert len(account.stakeholders) == 601 and len(account.relationships) == 599
    # newcomers stand below the person already placed, none on top of another
    assert len({(p.x, p.y) for p in account.stakeholders}) == 601
    for contact in contacts:
        contact.title = "Senior " + contact.title
    plan = plan_import(account, contacts)
    assert len(plan.updates) == 600 and not plan.new_people and not plan.relationships
    write_import(editor, aid, plan, "Import contacts")
    assert memory_json(doc) == fresh_json(path)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert [p.full_name for p in doc.account(aid).stakeholders] == ["Already There"]
    assert memory_json(doc) == fresh_json(path)
