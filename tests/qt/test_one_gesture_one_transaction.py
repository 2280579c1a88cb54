"""One gesture = one SQLite transaction = one undo step, for every kind of gesture.

The main window is open on the demo workspace. Each gesture runs through the code the
GUI runs (editor methods, page actions, the template and JSON-import paths); sqlite3's
trace callback counts the transactions it writes (BEGIN…COMMIT, or a write outside one),
the undo stack must grow by exactly one command, undo must write one transaction and
give back the file exactly as before (the snapshot comparison), and redo the one after.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QFileDialog

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.roadmap.page import RoadmapPage
from accountmap.canvas.roadmap.templates_ui import apply_template
from accountmap.domain.models import OpenQuestion, RoadmapNode, Stakeholder, Touchpoint
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.storage.exchange import document_to_json, export_document
from accountmap.storage.templates import list_templates, load_template
from tests.snapshots import fresh_json, memory_json
from tests.qt.demo_window import show_page, window  # noqa: F401 - a fixture

DAY = dt.date(2026, 11, 23)
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class TransactionCounter:
    """Counts the write transactions sqlite3 runs on a connection."""

    def __init__(self, conn) -> None:
        self.count = 0
        self._open = False
        conn.set_trace_callback(self._trace)

    def _trace(self, sql: str) -> None:
        word = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if word == "BEGIN":
            self.count += 1
            self._open = True
        elif word in ("COMMIT", "END", "ROLLBACK"):
            self._open = False
        elif word in WRITES and not self._open:
            self.count += 1  # an autocommit write: a transaction of its own

    def take(self) -> int:
        count, self.count = self.count, 0
        return count


def gestures(window, tmp_path):
    """(name, gesture) for every kind of edit the application makes."""
    doc, editor = window.document, window.editor
    aid = doc.account_ids()[0]
    account = doc.account(aid)
    person = max(account.stakeholders,  # the best-connected person: the biggest cascade
                 key=lambda s: sum(s.id in (r.from_id, r.to_id) for r in account.relationships))
    centre = account.decision_centres[0]
    checkpoint = next(n for n in account.roadmap.nodes if n.kind == NodeKind.CHECKPOINT
                      and n.status != CheckpointStatus.ACTIVE)
    decision = next(n for n in account.roadmap.nodes if n.kind == NodeKind.DECISION)
    station = doc.settings.journey_framework.stations[-1].id
    export = tmp_path / "export.json"
    with export.open("w", encoding="utf-8") as handle:
        from accountmap.storage.workspace_file import WorkspaceFile

        with WorkspaceFile.open(doc.path, read_only=True) as wf:
            handle.write(document_to_json(export_document(wf)))
    template = list_templates("ru")[0].name

    def map_page():
        window.select_account(aid)
        return show_page(window, AccountMapPage)

    def roadmap_page():
        window.select_account(aid)
        return show_page(window, RoadmapPage)

    def paste_on_map():
        page = map_page()
        page.select_only([page.scene.cards[person.id], page.scene.cards[account.stakeholders[1].id]])
        assert page.copy_selection()
        assert page.paste()

    def paste_on_roadmap():
        page = roadmap_page()
        page.scene.select_keys([("roadmap_nodes", n.id) for n in account.roadmap.nodes[:4]])
        assert page.scene.paste_mime(page.scene.copy_mime())

    def import_json(monkeypatch_open):
        monkeypatch_open(str(export))
        window.import_json()

    return [
        ("add a person", lambda: editor.add(aid, "stakeholders", Stakeholder(full_name="Новиков"))),
        ("edit a person", lambda: editor.update(aid, "stakeholders", person.id, title="CIO")),
        ("ask a question", lambda: editor.add(aid, "open_questions",
                                              OpenQuestion(question="Бюджет?", stakeholder_id=person.id))),
        ("move a selection", lambda: editor.move(aid, {("stakeholders", s.id): (s.x + 30, s.y + 10)
                                                      for s in account.stakeholders[:5]})),
        ("reorder accounts", lambda: editor.move_account(aid, 2)),
        ("rename the account", lambda: editor.rename_account(aid, "Новое имя")),
        ("workspace settings", lambda: editor.update_settings(stale_contact_days=45)),
        ("delete a person and what hangs on them", lambda: editor.delete(aid, {"stakeholders": [person.id]})),
        ("delete a decision centre", lambda: editor.delete(aid, {"decision_centres": [centre.id]})),
        ("delete a crossroads", lambda: editor.delete(aid, {"roadmap_nodes": [decision.id]})),
        ("delete the map selection", lambda: (
            map_page().select_only([map_page().scene.cards[person.id]]), map_page().delete_selection())),
        ("cut on the map", lambda: (
            map_page().select_only([map_page().scene.cards[person.id]]), map_page().cut_selection())),
        ("paste on the map", paste_on_map),
        ("paste on the roadmap", paste_on_roadmap),
        ("arrange the map", lambda: map_page().arrange()),
        ("auto-layout the roadmap", lambda: roadmap_page().auto_layout()),
        ("replace the roadmap with a template", lambda: apply_template(
            roadmap_page().context, load_template(template, "ru"), replace=True)),
        ("append a template", lambda: apply_template(
            roadmap_page().context, load_template(template, "ru"), replace=False)),
        ("set a checkpoint active (stamps the day)", lambda: editor.set_checkpoint_status(
            aid, checkpoint.id, CheckpointStatus.ACTIVE, DAY)),
        ("connect a crossroads", lambda: editor.connect_nodes(aid, decision.id, checkpoint.id)),
        ("move the client on its journey", lambda: editor.move_account_station(
            aid, station, "hot", DAY, "reason", "evidence")),
        ("log a touchpoint (moves last contacts)", lambda: editor.add_touchpoint(
            aid, Touchpoint(date=DAY, stakeholder_ids=[s.id for s in account.stakeholders[:3]]), DAY)),
        ("duplicate the account", lambda: editor.duplicate_account(aid)),
        ("delete the account", lambda: editor.delete_account(aid)),
        ("import JSON (every account of the file)", import_json),
    ]


def gesture_names():
    return [
        "add a person", "edit a person", "ask a question", "move a selection",
        "reorder accounts", "rename the account", "workspace settings",
        "delete a person and what hangs on them", "delete a decision centre",
        "delete a crossroads", "delete the map selection", "cut on the map",
        "paste on the map", "paste on the roadmap", "arrange the map",
        "auto-layout the roadmap", "replace the roadmap with a template",
        "append a template", "set a checkpoint active (stamps the day)",
        "connect a crossroads", "move the client on its journey",
        "log a touchpoint (moves last contacts)", "duplicate the account",
        "delete the account", "import JSON (every account of the file)",
    ]


@pytest.mark.parametrize("name", gesture_names())
def test_each_gesture_is_one_transaction_and_one_undo_step(window, tmp_path, monkeypatch, name):
    doc = window.document
    found = dict(gestures(window, tmp_path))
    assert list(found) == gesture_names()
    gesture = found[name]
    if name.startswith("import JSON"):
        def open_file(path):
            monkeypatch.setattr(QFileDialog, "getOpenFileName",
                                staticmethod(lambda *a, **k: (path, "")))
        run = lambda: gesture(open_file)  # noqa: E731
    else:
        run = gesture
    before = fresh_json(doc.path)
    count = doc.undo_stack.count()
    counter = TransactionCounter(doc.file.conn)

    run()

    assert counter.take() == 1, f"{name}: not one transaction"
    assert doc.undo_stack.count() == count + 1, f"{name}: not one undo step"
    after = fresh_json(doc.path)
    assert after != before and memory_json(doc) == after

    doc.undo_stack.undo()
    assert counter.take() == 1
    assert fresh_json(doc.path) == before and memory_json(doc) == before

    doc.undo_stack.redo()
    assert counter.take() == 1
    assert fresh_json(doc.path) == after and memory_json(doc) == after


def test_a_step_that_fails_half_way_changes_nothing(window):
    """A refused edit inside a step rolls back the edits before it: file, memory and undo
    stack are as before, and nothing was announced."""
    doc, editor = window.document, window.editor
    aid = doc.account_ids()[0]
    before = fresh_json(doc.path)
    count = doc.undo_stack.count()
    announced = []
    doc.changed.connect(announced.append)
    person = doc.account(aid).stakeholders[0]
    with pytest.raises(Exception):
        with editor.step("half"):
            editor.update(aid, "stakeholders", person.id, title="changed")
            editor.add(aid, "stakeholders", Stakeholder(full_name="Ok"))
            editor.update(aid, "stakeholders", person.id, influence="enormous")  # refused
    assert fresh_json(doc.path) == before and memory_json(doc) == before
    assert doc.undo_stack.count() == count and announced == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_default_outcomes_are_ids_shown_in_the_interface_language(window, lang):
    """Branches from a crossroads store yes / no (ids, the same whatever the interface
    language); the canvas shows them translated, and typing the translation stores the id."""
    from accountmap.app.application import make_application
    from accountmap.canvas.roadmap.items import outcome_text, outcome_typed

    make_application(lang)
    doc, editor = window.document, window.editor
    aid = doc.account_ids()[0]
    decision = editor.add(aid, "roadmap_nodes", RoadmapNode(kind=NodeKind.DECISION, title="?"))
    targets = [editor.add(aid, "roadmap_nodes", RoadmapNode(title=t)) for t in "abc"]
    new = [editor.connect_nodes(aid, decision, t) for t in targets]
    outcomes = {e.id: e.outcome for e in doc.account(aid).roadmap.edges}
    assert [outcomes[i] for i in new] == ["yes", "no", ""]
    shown = {"ru": ["Да", "Нет"], "en": ["Yes", "No"]}[lang]
    assert [outcome_text(outcomes[i]) for i in new[:2]] == shown
    assert [outcome_typed(text) for text in shown] == ["yes", "no"]
    assert outcome_typed("Audit needed") == "Audit needed"
