"""Shared pieces of the journey and meetings panels: labels, colours, dates, a
multi-line cell delegate, and the few changes that must be ONE undo step across several
rows (a station move + its history event; a touchpoint + the last contacts it moves)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit, QStyledItemDelegate

from accountmap import catalogue
from accountmap.domain.dates import format_date
from accountmap.domain.journey import FrameworkError, assigned_stations
from accountmap.domain.models import Entity, JourneyEvent
from accountmap.panels.fields import NO_DATE
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.workspace_file import ACCOUNTS

catalogue.MESSAGES.update({
    "journey.station_in_use": {
        "en": "“{en}” cannot be removed: {count} item(s) (the account, people, checkpoints, "
              "history or grid columns) still stand at it. Move them to another station first.",
        "ru": "Станцию «{ru}» нельзя удалить: на ней ещё {count} объект(ов) (клиент, люди, "
              "контрольные точки, история или столбцы сетки). Сначала переведите их на другую станцию."},
    "journey.last_station": {"en": "A framework needs at least one station.",
                             "ru": "В пути клиента должна остаться хотя бы одна станция."},
    "journey.no_station": {"en": "There is no station “{station}”.", "ru": "Нет станции «{station}»."},
    "journey.id_is_stable": {"en": "A station’s id never changes.",
                             "ru": "Идентификатор станции не меняется."},
})

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
    from accountmap.document.workspace_document import ui_language

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
    """Every station id assigned anywhere in the workspace, with counts."""
    return dict(assigned_stations(document.account(i) for i in document.account_ids()))


def report(context, exc: WorkspaceError) -> None:
    context.document.errorOccurred.emit(exc.message(context.lang))


def commit_rows(editor, account_id: str, text: str,
                adds: Iterable[tuple[str, Entity]] = (),
                updates: Iterable[tuple[str | None, str, str, Mapping]] = ()) -> list[str]:
    """New rows and field updates of several tables as ONE undo step.

    `updates` are (account_id or None for the account row, table, row id, fields)."""
    changes, ids = editor.new_rows(account_id, adds)
    for owner, table, row_id, fields in updates:
        change = editor.updated_row(owner, table, row_id, fields)
        if change is not None:
            changes.append(change)
    editor.commit(changes, text)
    return ids


def move_account_station(editor, account_id: str, station_id: str | None, temperature: str,
                         date: dt.date | None, reason: str = "", evidence: str = "",
                         text: str = "") -> str:
    """Move the account to a station (and temperature) and log the move in its history:
    one undo step. Returns the new JourneyEvent's id."""
    event = JourneyEvent(date=date, journey_stage=station_id, temperature=temperature,
                         reason=reason, evidence=evidence)
    return commit_rows(
        editor, account_id, text or tr("JourneyStrip", "Move the client on its journey"),
        adds=[("journey_history", event)],
        updates=[(None, ACCOUNTS, account_id,
                  {"journey_stage": station_id, "temperature": temperature})],
    )[0]


class FollowsAccount:
    """Mixin for a panel that shows some tables of its account: `refresh()` runs when rows
    of `FOLLOWED_TABLES` change there, or the workspace settings (framework, language).
    Connected as bound methods, so a deleted panel is disconnected with it."""

    FOLLOWED_TABLES: tuple[str, ...] = ()

    def follow_account(self, context) -> None:
        context.document.rowsChanged.connect(self._on_followed_rows)
        context.document.settingsChanged.connect(self.refresh)

    def _on_followed_rows(self, account_id: str, table: str, _ids) -> None:
        if account_id == self.context.account_id and table in self.FOLLOWED_TABLES:
            self.refresh()


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
