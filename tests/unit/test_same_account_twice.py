"""Importing an account whose id the workspace holds: replace, copy or merge (never a
silent duplicate), each in one transaction."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from accountmap.domain.account_merge import merge_accounts
from accountmap.domain.models import Relationship, ReviewComment, Stakeholder
from accountmap.domain.workspace import WorkspaceExport
from accountmap.storage.demo import write_demo
from accountmap.storage.exchange import document_to_json, export_document, import_document
from accountmap.storage.workspace_file import WorkspaceFile
from tests.conftest import TEST_TODAY

URAL = "acc-uzts"


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.accountmap"
    write_demo(path, today=TEST_TODAY)
    return path


def exported(path) -> WorkspaceExport:
    with WorkspaceFile.open(path, read_only=True) as wf:
        return export_document(wf, [URAL])


def changed_copy(path):
    """The account as another file holds it: renamed, a person added with a relationship
    to a person this workspace will delete, one of ours edited, a comment added."""
    document = exported(path)
    theirs = document.accounts[0]
    theirs.name = "Переименован там"
    newcomer = Stakeholder(full_name="Новиков Пётр")
    gone = theirs.stakeholders[1].id
    theirs.stakeholders.append(newcomer)
    theirs.relationships.append(Relationship(from_id=newcomer.id, to_id=gone))
    theirs.stakeholders[0].title = "Изменено там"
    theirs.review_comments.append(ReviewComment(author="Д", text="Там написано"))
    return document, newcomer.id, gone


def test_merge_keeps_ours_and_adds_what_only_theirs_has(workspace):
    document, newcomer, gone = changed_copy(workspace)
    with WorkspaceFile.open(workspace) as wf:  # meanwhile here: a person goes
        before = wf.read_row("stakeholders", URAL, gone)
        from accountmap.storage.rows import RowChange

        wf.apply([RowChange("stakeholders", URAL, gone, before, None)])
        ours = wf.load_account(URAL)
    result = merge_accounts(ours, document.accounts[0])
    merged = result.account
    assert merged.name == ours.name  # our fields kept
    assert merged.stakeholders[0].title == ours.stakeholders[0].title  # ours kept...
    assert result.differing >= 1  # ...and the difference counted
    people = {s.id for s in merged.stakeholders}
    # a union: the person deleted here is still in theirs, so comes back with their link
    assert newcomer in people and gone in people
    assert any(r.from_id == newcomer and r.to_id == gone for r in merged.relationships)
    # the newcomer, their link, the comment, and the deleted person with what went with them
    assert result.left_out == 0 and result.added > 3
    assert "Там написано" in [c.text for c in merged.review_comments]
    with WorkspaceFile.open(workspace) as wf:
        ids = import_document(wf, document, on_conflict="merge")
        assert ids == [URAL] and len(wf.account_ids()) == 2
        again = wf.load_account(URAL)
        assert wf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {s.id for s in again.stakeholders} == people


def test_replace_takes_theirs_in_its_place_and_copy_keeps_both(workspace):
    document, newcomer, _gone = changed_copy(workspace)
    with WorkspaceFile.open(workspace) as wf:
        order = wf.account_ids()
        import_document(wf, document, on_conflict="replace")
        assert wf.account_ids() == order  # in its place
        assert wf.load_account(URAL).name == "Переименован там"
        assert newcomer in {s.id for s in wf.load_account(URAL).stakeholders}
        (copy_id,) = import_document(wf, document, on_conflict="copy")
        assert copy_id != URAL and len(wf.account_ids()) == 3


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_cli_refuses_without_a_choice_and_names_the_account(workspace, tmp_path):
    export = tmp_path / "x.json"
    export.write_text(document_to_json(exported(workspace)), "utf-8")
    before = workspace.read_bytes()
    refused = run("import", workspace, export)
    assert refused.returncode == 2
    assert "АО «Уральский завод трубных систем»" in refused.stderr
    assert "--on-conflict" in refused.stderr and refused.stderr.count("\n") == 1
    assert workspace.read_bytes() == before
    assert run("import", workspace, export, "--on-conflict", "merge").returncode == 0
    with WorkspaceFile.open(workspace, read_only=True) as wf:
        assert len(wf.account_ids()) == 2
