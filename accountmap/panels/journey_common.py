"""Shared pieces of the journey and meetings panels: labels, colours, dates, a
multi-line cell delegate. (Changes across several rows — a station move and its history
event, a touchpoint and the last contacts it moves — are the editor's.)"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit, QStyledItemDelegate

from accountmap import catalogue
from accountmap.domain.dates import format_date
from accountmap.domain.journey import FrameworkError, assigned_stations
from accountmap.panels.fields import NO_DATE
from accountmap.storage.errors import WorkspaceError

TEMPERATURE_COLOURS = {
    "cold": QColor("#2f6db5"), "cool": QColor("#3a9aa8"),
    "warm": QColor("#e08a1e"), "hot": QColor("#c8372d"),
}


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def vocab(prefix: str, value, lang: str) -> str:
    return catalogue.label(prefix, value, lang) if value is not None else ""


def framework_error_text(exc: FrameworkError, lang: str) -> str:
    return catalogue.text(exc.code, lang, **exc.params)


def to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def from_qdate(value: QDate) -> dt.date | None:
    if not value.isValid() or value == NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


def date_text(value: dt.date | None) -> str:
    """A date as the interface's language writes it (the briefings' convention too)."""
    from accountmap.document.interface_language import ui_language

    return format_date(value, ui_language())


def short_name(full_name: str) -> str:
    """"Иванов Пётр Сергеевич" -> "Иванов П. С." (a chip's label)."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name
    return parts[0] + " " + " ".join(p[0] + "." for p in parts[1:3])


def person_name(account, person_id: str) -> str:
    person = account.stakeholder(person_id)
    return (person.full_name or "—") if person else "—"


def node_title(account, node_id: str | None) -> str:
    if not node_id:
        return ""
    node = account.node(node_id)
    return (node.title or "—") if node else ""


def in_use(document) -> dict[str, int]:
    """Every station id assigned anywhere in the workspace, with counts (an account the
    file holds damaged values for cannot be read, and is left out)."""
    from accountmap.storage.errors import WorkspaceError

    accounts = []
    for account_id in document.account_ids():
        try:
            accounts.append(document.account(account_id))
        except WorkspaceError:
            continue
    return dict(assigned_stations(accounts))


def report(context, exc: WorkspaceError) -> None:
    context.document.errorOccurred.emit(exc.message(context.lang))


class FollowsAccount:
    """Mixin for a panel that shows some tables of its account: it is told when rows of
    `FOLLOWED_TABLES` change there, the workspace settings (framework, language), or the
    day (what is planned and what is past, stale contacts).

    `account_changed(change)` gets the DocumentChange (which ids were added, changed,
    removed); by default it calls `refresh()`. While the panel sits on a hidden page of a
    shown window, the update waits until it is shown, and runs once however many edits
    came in between. Connected as bound methods, so a deleted panel is disconnected with it."""

    FOLLOWED_TABLES: tuple[str, ...] = ()
    _waiting_change = None  # the change that arrived while hidden (merged: refresh all)

    def follow_account(self, context) -> None:
        context.document.changed.connect(self._on_document_changed)
        context.document.dayChanged.connect(self.refresh)

    def _on_document_changed(self, change) -> None:
        if not (change.settings or change.touches(self.context.account_id, self.FOLLOWED_TABLES)):
            return
        if self.window().isVisible() and not self.isVisible():
            # on a hidden page: update when shown (a second change while hidden: refresh all)
            self._waiting_change = change if self._waiting_change is None else True
            return
        self.account_changed(change)

    def account_changed(self, change) -> None:
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        waiting, self._waiting_change = self._waiting_change, None
        if waiting is True:
            self.refresh()
        elif waiting is not None:
            self.account_changed(waiting)


class MultiLineDelegate(QStyledItemDelegate):
    """Cells edited in a multi-line editor; Tab or leaving the cell commits, Enter is a
    new line."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        rect = option.rect
        rect.setHeight(max(rect.height(), 120))
        editor.setGeometry(rect)
