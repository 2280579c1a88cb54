"""A workspace file as one whole file: a consistent copy of an open workspace ("Save a
copy as"), and folding the WAL back in so the file alone is the workspace (the demo).
Storage's own business: no UI module touches a connection."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from accountmap.storage.atomic_write import replacing
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.output_guard import guard_copy
from accountmap.storage.workspace_file import WorkspaceFile


def save_copy(workspace: WorkspaceFile, target: str | os.PathLike) -> None:
    """Write a consistent copy of `workspace` to `target` (SQLite's online backup: also
    what is still in the WAL), without a WAL of its own, replacing it whole or not at all.
    Raises WorkspaceError "storage.copy_failed"."""
    target = Path(target)
    guard_copy(target, workspace.path)  # never over itself or a file open elsewhere
    try:
        with replacing(target) as tmp:
            copy = sqlite3.connect(str(tmp))
            try:
                workspace.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
    except (sqlite3.Error, OSError) as exc:
        raise WorkspaceError("storage.copy_failed", path=target, detail=exc) from exc


def make_self_contained(workspace: WorkspaceFile) -> None:
    """Fold the WAL into the file and leave WAL mode: the file alone is the whole
    workspace (to hand over or copy as one file)."""
    workspace._check_writable()
    try:
        workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        workspace.conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        raise workspace._write_error(exc) from exc
