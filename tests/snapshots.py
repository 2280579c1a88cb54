"""What the tests compare: the workspace as JSON, from the open document (memory) and
from a fresh read of its file (disk). Equal after every edit, undo and redo."""

from __future__ import annotations

from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.workspace import WorkspaceExport
from accountmap.storage.exchange import document_to_json, export_document
from accountmap.storage.workspace_file import WorkspaceFile


def fresh_json(path) -> str:
    """The workspace as a fresh process would read it from disk."""
    with WorkspaceFile.open(path, read_only=True) as wf:
        return document_to_json(export_document(wf))


def memory_json(doc: WorkspaceDocument) -> str:
    """The workspace as the open document holds it."""
    s = doc.settings
    return document_to_json(WorkspaceExport(
        language=s.language, journey_framework=s.journey_framework,
        stale_contact_days=s.stale_contact_days, review=s.review,
        accounts=[doc.account(i) for i in doc.account_ids()]))
