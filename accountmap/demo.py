"""The built-in demo workspace (resources/demo/demo.json, made by scripts/make_demo.py).

No Qt: the CLI (`accountmap demo`), the app and the tests all load it from here.
"""

from __future__ import annotations

from pathlib import Path

from accountmap.domain.workspace import WorkspaceDocument

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_PATH = RESOURCES / "demo" / "demo.json"


def load_demo() -> WorkspaceDocument:
    """A fresh copy of the demo workspace (validated by the pydantic models)."""
    return WorkspaceDocument.model_validate_json(DEMO_PATH.read_text(encoding="utf-8"))
