"""Issue 15: the desktop application ends its process without taking a big account's
objects apart one by one; what a quit must leave on disk is there: the workspace
closed (its lock released, WAL folded in) and the settings written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from accountmap.storage.workspace_file import WorkspaceFile
from tests.e2e.app_process import child_environment, one_account_workspace


def test_quit_leaves_the_workspace_closed_and_the_settings_written(tmp_path):
    path = one_account_workspace(tmp_path / "w.accountmap")
    home = tmp_path / "home"
    env = child_environment(home, ACCOUNTMAP_TRACE_STARTUP="1")
    result = subprocess.run([sys.executable, "-m", "accountmap", "open", str(path),
                             "--quit-after-show"], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    # stdout flushed before the process ended: every start-up mark is there
    assert result.stdout.splitlines() == [
        "startup: window shown", "startup: workspace listed", "startup: workspace shown",
        "startup: account painted"]
    settings = next((home / "config").rglob("*.conf")).read_text(encoding="utf-8")
    assert "recentFiles" in settings and "w.accountmap" in settings
    assert "mainWindow" in settings  # the window's geometry, written when it closed
    assert not list(tmp_path.glob("w.accountmap-*"))  # no lock, no WAL or shm left over
    with WorkspaceFile.open(path) as wf:  # writable again: nobody holds it
        assert [wf.load_account(i).name for i in wf.account_ids()] == ["Клиент"]
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
