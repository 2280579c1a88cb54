"""The small pickers the account's dialogs share: a checklist of the buying group, a
combo of the roadmap's checkpoints, the OK / Cancel row of a dialog, and whether a
person is there to answer a question at all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
)


def interactive() -> bool:
    """Whether a person can answer a modal question (not on an offscreen or minimal
    platform: the tests, a script)."""
    return QApplication.platformName() not in ("offscreen", "minimal")


def person_label(person) -> str:
    """"Full name — title", the way a person is offered in a list."""
    label = person.full_name or "—"
    return f"{label} — {person.title}" if person.title else label


def people_checklist(account, selected: list[str]) -> QListWidget:
    widget = QListWidget()
    for person in account.stakeholders:
        label = person_label(person)
        item = QListWidgetItem(label)
        item.setToolTip(label)
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if person.id in selected else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def checked_ids(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def checkpoint_combo(account, current: str | None, none_text: str) -> QComboBox:
    """The roadmap's checkpoints and crossroads, with a first 'none' entry."""
    combo = QComboBox()
    combo.addItem(none_text, None)
    for node in account.roadmap.nodes:
        if node.kind in ("checkpoint", "decision"):
            combo.addItem(node.title or "—", node.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """The dialog's OK / Cancel row, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
