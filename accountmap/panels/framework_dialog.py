"""Edit the workspace's journey framework: rename, describe, reorder, add and remove
stations, or switch to the other built-in framework. Station ids never change, so every
assignment survives; a station that is still assigned cannot be removed (a clear
message says why), and switching keeps the stations still in use. OK saves the whole
framework as ONE undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain import journey as j
from accountmap.panels.journey_common import framework_error_text, in_use, report
from accountmap.storage.errors import WorkspaceError
from accountmap.panels.pickers import ok_cancel


class FrameworkDialog(QDialog):
    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.lang
        self.framework = context.document.settings.journey_framework.model_copy(deep=True)
        self.in_use = in_use(context.document)
        self._loading = False
        self.setWindowTitle(self.tr("Stations of the client journey"))
        self.resize(960, 640)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Framework name")))
        self.name_en = QLineEdit(self.framework.name_en)
        self.name_en.setPlaceholderText(self.tr("in English"))
        self.name_ru = QLineEdit(self.framework.name_ru)
        self.name_ru.setPlaceholderText(self.tr("in Russian"))
        top.addWidget(self.name_ru, 1)
        top.addWidget(self.name_en, 1)
        outer.addLayout(top)
        switch = QHBoxLayout()
        switch.addWidget(QLabel(self.tr("Start from a built-in framework:")))
        self.built_in = QComboBox()
        for framework in j.BUILT_IN_FRAMEWORKS.values():
            self.built_in.addItem(framework.name(self.lang), framework.id)
        switch.addWidget(self.built_in, 1)
        self.switch_button = QPushButton(self.tr("Switch"))
        self.switch_button.setToolTip(self.tr("Stations still assigned are kept at the end"))
        self.switch_button.clicked.connect(lambda: self.switch_to(self.built_in.currentData()))
        switch.addWidget(self.switch_button)
        outer.addLayout(switch)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMinimumWidth(300)
        self.list.currentRowChanged.connect(self._row_changed)
        left.addWidget(self.list, 1)
        legend = QLabel(self.tr("● in use: the account, people, checkpoints, history or grid "
                                "columns stand at this station"))
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555;")
        left.addWidget(legend)
        buttons = QGridLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        left.addLayout(buttons)
        body.addLayout(left)
        right = QWidget()
        form = QFormLayout(right)
        self.station_ru = QLineEdit()
        self.station_en = QLineEdit()
        self.description_ru = QPlainTextEdit()
        self.description_en = QPlainTextEdit()
        self.signs_ru = QPlainTextEdit()
        self.signs_en = QPlainTextEdit()
        for edit in (self.description_ru, self.description_en):
            edit.setMaximumHeight(70)
        for edit in (self.signs_ru, self.signs_en):
            edit.setPlaceholderText(self.tr("One sign per line"))
        form.addRow(self.tr("Name (Russian)"), self.station_ru)
        form.addRow(self.tr("Name (English)"), self.station_en)
        form.addRow(self.tr("Description (Russian)"), self.description_ru)
        form.addRow(self.tr("Description (English)"), self.description_en)
        form.addRow(self.tr("Signs (Russian)"), self.signs_ru)
        form.addRow(self.tr("Signs (English)"), self.signs_en)
        self.usage = QLabel()
        self.usage.setWordWrap(True)
        self.usage.setStyleSheet("color: #555;")
        form.addRow("", self.usage)
        body.addWidget(right, 1)
        for edit in (self.station_ru, self.station_en):
            edit.textEdited.connect(lambda _t: self._store_form())
        for edit in (self.description_ru, self.description_en, self.signs_ru, self.signs_en):
            edit.textChanged.connect(self._store_form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        outer.addWidget(self.message)
        self.buttons = ok_cancel(self)
        outer.addWidget(self.buttons)
        self._fill_list(0)

    # ------------------------------------------------------------------ list and form
    def _label(self, index: int, station: j.Station) -> str:
        count = self.in_use.get(station.id, 0)
        suffix = "  ●" if count else ""
        return f"{index + 1}. {station.name(self.lang)}{suffix}"

    def _fill_list(self, row: int) -> None:
        self._loading = True
        self.list.clear()
        for i, station in enumerate(self.framework.stations):
            item = QListWidgetItem(self._label(i, station))
            item.setData(Qt.ItemDataRole.UserRole, station.id)
            if self.in_use.get(station.id):
                item.setToolTip(self.tr("In use: %1 item(s) stand at this station")
                                .replace("%1", str(self.in_use[station.id])))
            self.list.addItem(item)
        self._loading = False
        self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
        self._load_form()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _row_changed(self, _row: int) -> None:
        if not self._loading:
            self._load_form()

    def _load_form(self) -> None:
        station = self.framework.station(self.current_id())
        self._loading = True
        for edit, value in (
            (self.station_ru, station.name_ru if station else ""),
            (self.station_en, station.name_en if station else ""),
        ):
            edit.setText(value)
        for edit, value in (
            (self.description_ru, station.description_ru if station else ""),
            (self.description_en, station.description_en if station else ""),
            (self.signs_ru, "\n".join(station.signs_ru) if station else ""),
            (self.signs_en, "\n".join(station.signs_en) if station else ""),
        ):
            edit.setPlainText(value)
        count = self.in_use.get(station.id, 0) if station else 0
        self.usage.setText(self.tr("In use: %1 item(s) stand at this station").replace("%1", str(count))
                           if count else self.tr("Not assigned anywhere yet."))
        self._loading = False

    def _store_form(self) -> None:
        station_id = self.current_id()
        if self._loading or station_id is None:
            return
        signs = lambda edit: [s.strip() for s in edit.toPlainText().splitlines() if s.strip()]  # noqa: E731
        self.framework = j.update_station(
            self.framework, station_id,
            name_ru=self.station_ru.text().strip(), name_en=self.station_en.text().strip(),
            description_ru=self.description_ru.toPlainText().strip(),
            description_en=self.description_en.toPlainText().strip(),
            signs_ru=signs(self.signs_ru), signs_en=signs(self.signs_en))
        item = self.list.currentItem()
        index = self.framework.index(station_id)
        item.setText(self._label(index, self.framework.stations[index]))

    # ------------------------------------------------------------------ operations
    def rename(self, station_id: str, lang: str, name: str) -> None:
        self.framework = j.rename_station(self.framework, station_id, lang, name)
        self._fill_list(self.framework.index(station_id))

    def add(self) -> str:
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else None
        self.framework, station_id = j.add_station(
            self.framework, "New station", "Новая станция", index=index)  # data in both languages
        self._fill_list(self.framework.index(station_id))
        self.message.clear()
        self.station_ru.setFocus()
        self.station_ru.selectAll()
        return station_id

    def remove(self) -> bool:
        station_id = self.current_id()
        if station_id is None:
            return False
        try:
            self.framework = j.remove_station(self.framework, station_id, self.in_use)
        except j.FrameworkError as exc:
            self.message.setText(framework_error_text(exc, self.lang))
            return False
        self.message.clear()
        self._fill_list(self.list.currentRow())
        return True

    def move(self, delta: int) -> None:
        station_id = self.current_id()
        if station_id is None:
            return
        index = self.framework.index(station_id) + delta
        self.framework = j.move_station(self.framework, station_id, index)
        self._fill_list(self.framework.index(station_id))

    def switch_to(self, framework_id: str) -> None:
        self.framework = j.switch_framework(self.framework, j.built_in(framework_id), self.in_use)
        self.name_en.setText(self.framework.name_en)
        self.name_ru.setText(self.framework.name_ru)
        kept = len(self.framework.stations) - len(j.BUILT_IN_FRAMEWORKS[framework_id].stations)
        self.message.setText(
            self.tr("%1 station(s) still in use were kept at the end; move their items and "
                    "remove them if you no longer need them.").replace("%1", str(kept))
            if kept else "")
        self._fill_list(0)

    def result_framework(self) -> j.JourneyFramework:
        self._store_form()
        framework = self.framework.model_copy(deep=True)
        framework.name_en = self.name_en.text().strip()
        framework.name_ru = self.name_ru.text().strip()
        return framework

    def accept(self) -> None:
        framework = self.result_framework()
        if j.lost_assignments(framework, self.in_use):  # cannot happen with the helpers
            self.message.setText(self.tr("Some assigned stations are missing; nothing was saved."))
            return
        try:
            self.context.editor.update_settings(self.tr("Edit the journey stations"),
                                                journey_framework=framework.model_dump(mode="json"))
        except WorkspaceError as exc:
            report(self.context, exc)
            return
        super().accept()
