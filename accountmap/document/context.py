"""What a page of an account view needs: the document, the editor, which account, and a
way to ask the main window to show something elsewhere (jump to a person on the map)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument


@dataclass
class AccountContext:
    document: WorkspaceDocument
    editor: Editor
    account_id: str
    # show(kind, entity_id): kind is "stakeholder", "node", "meeting"...; set by the window
    show: Callable[[str, str], None] = field(default=lambda kind, entity_id: None)

    @property
    def account(self):
        return self.document.account(self.account_id)

    @property
    def lang(self) -> str:
        """The interface language (labels, messages)."""
        from accountmap.document.interface_language import ui_language

        return ui_language()
