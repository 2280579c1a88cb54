"""Roadmap templates in the UI: "New roadmap from template…" and "Save roadmap as
template…".

The template library (`accountmap.storage.templates`: list_templates(lang), load_template(name,
lang)) is imported lazily; when it is missing the user is told so. Saving writes
`~/.local/share/AccountMap/templates/<name>.<lang>.json`.
"""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from accountmap.canvas.roadmap.items import tr
from accountmap.canvas.roadmap.scene import EDGES, NODES, fresh_copy
from accountmap.domain.models import Roadmap
from accountmap.storage.templates import (
    list_templates,
    load_template,
    save_template,
)
from accountmap.storage.errors import WorkspaceError
from accountmap.panels.pickers import ok_cancel

def apply_template(context, roadmap: Roadmap, *, replace: bool) -> None:
    """Replace the account's roadmap with `roadmap` or append it below: ONE undo step."""
    account = context.account
    current = account.roadmap
    dx = dy = 0.0
    if not replace and current.nodes and roadmap.nodes:
        dy = max(n.y for n in current.nodes) + 220 - min(n.y for n in roadmap.nodes)
        dx = min(n.x for n in current.nodes) - min(n.x for n in roadmap.nodes)
    items = fresh_copy(roadmap, dx, dy, account)
    editor = context.editor
    with editor.step(tr("New roadmap from template") if replace else tr("Append template")):
        if replace and (current.nodes or current.edges):
            editor.delete(context.account_id, {
                NODES: [n.id for n in current.nodes], EDGES: [e.id for e in current.edges]})
        if items:
            editor.add_many(context.account_id, items)


def _tell(page, message: str) -> None:
    page.context.document.errorOccurred.emit(message)


class TemplateDialog(QDialog):
    def __init__(self, templates, has_roadmap: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New roadmap from template"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for template in templates:
            name, title, description = template.name, template.title, template.description
            item = QListWidgetItem(f"{title}\n{description}" if description else title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(description)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.replace = QRadioButton(tr("Replace the current roadmap"))
        self.append = QRadioButton(tr("Append below the current roadmap"))
        (self.append if has_roadmap else self.replace).setChecked(True)
        self.append.setEnabled(has_roadmap)
        note = QLabel(tr("Either way it is one step you can undo."))
        note.setStyleSheet("color: #5b6475;")
        buttons = ok_cancel(self)
        layout.addWidget(self.list)
        layout.addWidget(self.replace)
        layout.addWidget(self.append)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def new_from_template(page) -> None:
    lang = page.context.document.language  # the language the account's content is written in
    try:
        available = list_templates(lang)
    except (OSError, ValueError) as exc:
        _tell(page, tr("The templates could not be read: %1").replace("%1", str(exc)))
        return
    if not available:
        _tell(page, tr("No roadmap templates found."))
        return
    dialog = TemplateDialog(available, bool(page.scene.roadmap.nodes), page)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    try:
        roadmap = load_template(dialog.chosen(), lang)
        apply_template(page.context, roadmap, replace=dialog.replace.isChecked())
    except WorkspaceError as exc:
        _tell(page, exc.message(page.context.lang))
        return
    except (OSError, ValueError) as exc:
        _tell(page, tr("The template could not be read: %1").replace("%1", str(exc)))
        return
    page.zoom_fit()


class SaveTemplateDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Save roadmap as template"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. equipment-with-tender"))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(90)
        note = QLabel(tr("Statuses are reset to planned; dates and people are not saved."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Description"), self.description)
        form.addRow(note)
        form.addRow(buttons)


def save_as_template(page) -> None:
    dialog = SaveTemplateDialog(page)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
        return
    try:
        path = save_template(page.scene.roadmap, dialog.name.text().strip(),
                             page.context.document.language, dialog.description.toPlainText())
    except OSError as exc:
        _tell(page, tr("The template could not be written: %1").replace("%1", str(exc)))
        return
    window = page.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(tr("Template saved to %1").replace("%1", str(path)), 8000)
