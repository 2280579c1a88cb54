"""`storage.file_copy.save_copy`: a consistent copy (also what is still in the WAL), one
self-contained file, written whole or not at all; the storage operation the window's
"Save a copy as" uses instead of touching the connection."""

from __future__ import annotations

import pytest

from accountmap.storage.demo import write_demo
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.file_copy import save_copy
from accountmap.storage.workspace_file import ACCOUNTS, Row, RowChange, WorkspaceFile
from tests.snapshots import fresh_json


def test_the_copy_holds_the_latest_edit_and_stands_alone(tmp_path):
    path, copy = tmp_path / "w.accountmap", tmp_path / "copy.accountmap"
    write_demo(path)
    with WorkspaceFile.open(path) as wf:
        wf.apply([RowChange(ACCOUNTS, None, "fresh", None, Row(99, {"name": "Свежий клиент"}))])
        save_copy(wf, copy)  # the edit is still in the WAL here
        assert wf.integrity_problems() == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == [
        "copy.accountmap"]
    assert fresh_json(copy) == fresh_json(path)
    assert "Свежий клиент" in fresh_json(copy)


def test_a_copy_that_cannot_be_written_leaves_nothing(tmp_path):
    path = tmp_path / "w.accountmap"
    write_demo(path)
    old = tmp_path / "old.accountmap"
    old.write_bytes(b"the file that was there")
    folder = tmp_path / "gone"
    with WorkspaceFile.open(path, read_only=True) as wf:
        with pytest.raises(WorkspaceError) as caught:
            save_copy(wf, folder / "copy.accountmap")
    assert caught.value.key == "storage.copy_failed"
    assert "copy.accountmap" in caught.value.message("ru")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.accountmap", "w.accountmap"]


def test_a_copy_onto_the_workspace_itself_is_refused_and_it_stays_whole(tmp_path):
    """Issue 13: "Save a copy as" onto the open file (or a link to it) replaced the file
    under its own connection; the edits after that went to a deleted file."""
    path = tmp_path / "w.accountmap"
    write_demo(path)
    (tmp_path / "link.accountmap").symlink_to(path)
    with WorkspaceFile.open(path) as wf:
        for target in (path, tmp_path / "link.accountmap"):
            with pytest.raises(WorkspaceError) as caught:
                save_copy(wf, target)
            assert caught.value.key == "output.is_input"
        wf.apply([RowChange(ACCOUNTS, None, "later", None, Row(99, {"name": "Позже"}))])
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert wf.integrity_problems() == [] and "later" in wf.account_ids()
