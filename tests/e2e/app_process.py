"""What the tests that start the application in a process of its own share: a workspace
of one account and the environment of the child (offscreen, a private home)."""

from __future__ import annotations

import os
from pathlib import Path

from accountmap.domain.models import Account, Stakeholder
from accountmap.storage.workspace_file import WorkspaceFile


def one_account_workspace(path: Path) -> Path:
    """A workspace file at `path` holding one account of one person."""
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Клиент", stakeholders=[Stakeholder(full_name="Иванов")])])
    return path


def child_environment(home: Path, **extra: str) -> dict[str, str]:
    """This process's environment, offscreen, with `home` as HOME and XDG folders."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "XDG_DATA_HOME": str(home / "share"), "XDG_CONFIG_HOME": str(home / "config"),
            **extra}
