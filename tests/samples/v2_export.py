"""The JSON export the previous release (schema v2) wrote of tests/fixtures/v2_workspace,
as this release exports the same workspace: byte for byte the same, plus the review
thresholds every export now carries (`review`, added after the fixture was made; a file
without them has the defaults)."""

from __future__ import annotations

import json
from pathlib import Path

from accountmap.domain.workspace import WorkspaceSettings

V2_EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "v2_workspace.export.json"


def expected_export() -> str:
    written = json.loads(V2_EXPORT.read_text(encoding="utf-8"))
    assert "review" not in written
    out: dict = {}
    for key, value in written.items():
        if key == "accounts":
            out["review"] = WorkspaceSettings().review.model_dump(mode="json")
        out[key] = value
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
