"""The JSON export the previous release (schema v2) wrote of tests/fixtures/v2_workspace,
as this release exports the same workspace: the same content, plus the fields added since
the fixture was made, each with its default (`review` thresholds, `strict_exit_criteria`,
a checkpoint's `exit_note`, an account's `review_comments`): a file without them has the
defaults; the format version is the one this release writes (2 since review comments). The old export is read
by this release's models and written as this release writes an export, so every value of
the old file must survive the migration for the two to be equal."""

from __future__ import annotations

import json
from pathlib import Path

from accountmap.domain.workspace import FORMAT_VERSION, WorkspaceExport
from accountmap.storage.exchange import document_to_json

V2_EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "v2_workspace.export.json"


def expected_export() -> str:
    written = json.loads(V2_EXPORT.read_text(encoding="utf-8"))
    assert "review" not in written and "strict_exit_criteria" not in written
    assert written["version"] == 1
    written["version"] = FORMAT_VERSION
    return document_to_json(WorkspaceExport.model_validate(written))
