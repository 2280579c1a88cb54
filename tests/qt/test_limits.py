"""Bounded work (issue 13, class 7): the account limits hold at import and in the editor."""

from __future__ import annotations

import json

import pytest

from accountmap.cli import main
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.limits import ACCOUNT_LIMITS
from accountmap.domain.models import Account, RoadmapNode, Stakeholder
from accountmap.storage.errors import WorkspaceError

PEOPLE = ACCOUNT_LIMITS["stakeholders"]


def test_an_import_over_the_limit_is_refused_with_the_path_of_the_list(tmp_path, capsys):
    source = tmp_path / "big.json"
    source.write_text(json.dumps({"format": "accountmap", "version": 1, "accounts": [
        {"name": "ok"},
        {"name": "huge", "stakeholders": [{"full_name": f"P{i}"} for i in range(PEOPLE + 1)]},
    ]}), encoding="utf-8")
    assert main(["import", str(tmp_path / "w.accountmap"), str(source)]) == 2
    err = capsys.readouterr().err
    assert f"$.accounts[1].stakeholders has {PEOPLE + 1} items" in err
    assert "nothing was imported" in err
    assert not (tmp_path / "w.accountmap").exists()


def test_an_import_at_the_limit_is_accepted(tmp_path, capsys):
    source = tmp_path / "full.json"
    source.write_text(json.dumps({"format": "accountmap", "version": 1, "accounts": [
        {"name": "full", "stakeholders": [{"full_name": f"P{i}"} for i in range(PEOPLE)]},
    ]}), encoding="utf-8")
    assert main(["import", str(tmp_path / "w.accountmap"), str(source)]) == 0
    capsys.readouterr()


@pytest.fixture
def full_account(tmp_path, qapp):
    document = WorkspaceDocument.open(tmp_path / "w.accountmap", create=True)
    editor = Editor(document)
    account = Account(name="Полный", stakeholders=[Stakeholder(full_name=f"П{i}")
                                                   for i in range(PEOPLE)])
    account_id = editor.add_whole_account(account)
    yield document, editor, account_id
    document.close()


def test_the_editor_refuses_a_person_past_the_limit_and_changes_nothing(full_account):
    document, editor, account_id = full_account
    steps = document.undo_stack.count()
    with pytest.raises(WorkspaceError) as info:
        editor.add(account_id, "stakeholders", Stakeholder(full_name="Лишний"))
    assert info.value.message("ru").startswith("В одном клиенте не больше 1000 человек")
    assert len(document.account(account_id).stakeholders) == PEOPLE
    assert document.undo_stack.count() == steps
    assert len(document.file.rows("stakeholders", account_id)) == PEOPLE
    # other tables of the full account still grow, and a person can replace another
    editor.add(account_id, "roadmap_nodes", RoadmapNode(title="Аудит"))
    first = document.account(account_id).stakeholders[0].id
    editor.delete(account_id, {"stakeholders": [first]})
    editor.add(account_id, "stakeholders", Stakeholder(full_name="Новый"))
    assert len(document.account(account_id).stakeholders) == PEOPLE


def test_a_whole_account_over_the_limit_is_refused_by_the_editor(tmp_path, qapp):
    document = WorkspaceDocument.open(tmp_path / "w.accountmap", create=True)
    try:
        with pytest.raises(WorkspaceError):
            Editor(document).add_whole_account(Account(name="x", stakeholders=[
                Stakeholder(full_name=f"P{i}") for i in range(PEOPLE + 1)]))
        assert document.account_ids() == []
    finally:
        document.close()


def test_outputs_of_an_account_over_the_limits_are_refused_in_one_sentence(tmp_path, capsys,
                                                                           qapp):
    """A file made elsewhere may hold more than the limits: it opens, but render and plan
    refuse the account instead of growing without bound (render of 100,000 people: 24 GB)."""
    from accountmap.storage.workspace_file import WorkspaceFile

    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Огромный", stakeholders=[
            Stakeholder(full_name=f"P{i}") for i in range(PEOPLE + 1)])])  # below the editor
    for argv in (["render", str(path), "--account", "Огромный", "-o", str(tmp_path / "m.png")],
                 ["plan", str(path), "--account", "Огромный", "-o", str(tmp_path / "p.pdf")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "over the limits" in err and err.count("\n") == 1
    assert not (tmp_path / "m.png").exists() and not (tmp_path / "p.pdf").exists()
    assert main(["portfolio", str(path)]) == 0  # reading it still works
    capsys.readouterr()
