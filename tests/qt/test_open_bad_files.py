"""The app's open path on bad files: a clear message, the current workspace stays, the
bad file is not changed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from unittest import mock

import pytest
from PySide6.QtWidgets import QMessageBox

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.domain.models import Account
from accountmap.storage.workspace_file import WorkspaceFile


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name=f"Клиент {i}", notes="ж" * 30_000) for i in range(20)])
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wf.conn.execute("PRAGMA journal_mode = DELETE")
    return path


def make_bad(kind: str, folder, good):
    path = folder / f"{kind}.accountmap"
    if kind == "zero":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("Иванов;CEO;=HYPERLINK(\"http://x\")\n", encoding="utf-8")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    elif kind == "newer":
        path.write_bytes(good.read_bytes())
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 77")
        conn.close()
    elif kind == "directory":
        path.mkdir()
    return path


@pytest.mark.parametrize("kind", ["missing", "zero", "text", "truncated", "newer", "directory"])
def test_bad_file_gives_a_message_and_keeps_the_open_workspace(qtbot, tmp_path, good, kind):
    make_application("ru")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(good)
    window.show()
    bad = make_bad(kind, tmp_path, good)
    before = digest(bad)
    with mock.patch.object(QMessageBox, "warning") as warning:
        window._try_open(bad)
    shown = window.statusBar().currentMessage()
    assert shown and "Traceback" not in shown and str(bad.name) in shown
    assert warning.call_count <= 1  # offscreen: the status bar carries it
    assert window.document.path == good and window.accounts.count() == 20
    assert digest(bad) == before


def test_read_only_file_opens_read_only_and_says_so(qtbot, tmp_path, good):
    make_application("en")
    os.chmod(good, 0o444)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(good, read_only=True)
    assert window.document.read_only
    assert "read-only" in window.windowTitle()
    assert not window.act_add_account.isEnabled()
    before = digest(good)
    window.editor and window.accounts._edit(lambda: window.editor.rename_account(window.account_id, "X"))
    assert "read-only" in window.statusBar().currentMessage()
    assert digest(good) == before


def test_workspace_held_by_another_writer_is_refused_naming_the_holder(qtbot, good):
    from accountmap.storage.errors import WorkspaceError
    from accountmap.storage.workspace_file import WorkspaceFile

    make_application("en")
    holder = WorkspaceFile.open(good)  # another writer (here: this process) holds it
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        with pytest.raises(WorkspaceError) as caught:
            window.open_workspace(good)  # offscreen: nobody to ask, so refused, not blocked
        assert caught.value.key == "storage.locked"
        assert str(os.getpid()) in caught.value.message("en")
        window.open_workspace(good, read_only=True)  # what the question offers
        assert window.document.read_only and window.accounts.count() == 20
    finally:
        holder.close()
