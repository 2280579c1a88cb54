"""The built-in demo workspace (resources/demo/demo.json, made by scripts/make_demo.py).

No Qt: the CLI (`accountmap demo`), the app (first start) and the tests load it and
write it from here, and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from accountmap.domain.workspace import WorkspaceExport
from accountmap.storage.exchange import import_document
from accountmap.storage.new_workspace import create_whole

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO_PATH = RESOURCES / "demo" / "demo.json"


def load_demo() -> WorkspaceExport:
    """A fresh copy of the demo workspace (validated by the pydantic models)."""
    return WorkspaceExport.model_validate_json(DEMO_PATH.read_text(encoding="utf-8"))


class DemoError(ValueError):
    """The demo cannot be written where asked (the message says why)."""


def write_demo(path: Path, *, force: bool = False) -> None:
    """Create the demo workspace at `path`, whole or not at all: one self-contained file
    (no -wal beside it). Raises DemoError when `path` is a folder, exists (without
    `force`), or its folder does not exist."""
    path = Path(path)
    if path.is_dir():
        raise DemoError(f"{path} is a folder; give a file name such as {path / 'demo.accountmap'}")
    if path.exists() and not force:
        raise DemoError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise DemoError(f"the folder {path.parent} does not exist")
    document = load_demo()
    # Built beside `path` under its lock, in one transaction, folded into one file and
    # renamed into place; stale -wal/-shm/-journal at `path` are removed first.
    create_whole(path, lambda wf: import_document(wf, document, adopt_settings=True),
                 replace=force)
