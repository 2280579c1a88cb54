"""Importing accounts the open workspace already holds (same id): the window asks what to
do — replace, keep both (the import as a copy), or merge (domain/account_merge.py) — and
the whole import is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from accountmap.domain.account_merge import COPY, MERGE, REPLACE, merge_accounts


def tr(text: str) -> str:
    return QCoreApplication.translate("SameAccount", text)


def ask_choice(window, names: list[str]) -> str | None:
    """REPLACE, COPY, MERGE, or None (cancel). Where nobody can answer (offscreen, a
    script) both are kept, as an import always did: nothing is lost."""
    from accountmap.panels.pickers import interactive

    if not interactive():
        return COPY
    box = QMessageBox(QMessageBox.Icon.Question, tr("The same account twice"),
                      tr("This workspace already has: {names}. What should the import do?")
                      .format(names=", ".join(f"«{n}»" for n in names)),
                      QMessageBox.StandardButton.Cancel, window)
    box.setInformativeText(tr("Replace: the imported account takes its place. Keep both: the "
                              "import is added as a copy with a new id. Merge: the account "
                              "here stays and gains what only the imported one has."))
    buttons = {
        box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole): REPLACE,
        box.addButton(tr("Keep both"), QMessageBox.ButtonRole.AcceptRole): COPY,
        box.addButton(tr("Merge"), QMessageBox.ButtonRole.AcceptRole): MERGE,
    }
    box.exec()
    return buttons.get(box.clickedButton())


def import_accounts(window, accounts) -> str | None:
    """Add `accounts` to the window's workspace, asking about those it holds already;
    the id of the first account imported (None when cancelled or empty)."""
    document, editor = window.document, window.editor
    clashes = [a for a in accounts if document.has_account(a.id)]
    choice = COPY
    if clashes:
        choice = ask_choice(window, [document.account(a.id).name for a in clashes])
        if choice is None:
            return None
    clashing = {a.id for a in clashes}
    with editor.step(QCoreApplication.translate("MainWindow", "Import JSON")):
        first = None
        for account in accounts:
            if account.id in clashing and choice != COPY:
                if choice == MERGE:
                    account = merge_accounts(document.account(account.id), account).account
                editor.replace_account(account)
                first = first or account.id
            else:
                (made,) = editor.add_whole_accounts([account])
                first = first or made
    return first
