"""Import contacts from a CRM export into the open account: what the file was recognised
as, the first rows with a choice of meaning above each column (remembered per header
set), what the import will do (added, updated, already there, skipped with the reason
for each row) — all before anything is written. Import writes ONE undo step."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from accountmap.document.context import AccountContext
from accountmap.document.contact_import import write_import
from accountmap.domain.contact_columns import (
    PRESET_NAMES,
    ContactField,
    Preset,
    detect_preset,
    header_key,
    map_columns,
)
from accountmap.domain.contact_plan import MAX_PEOPLE, ImportPlan, Outcome, plan_import
from accountmap.domain.contacts import CentreChooser, centre_key, contacts_from_rows
from accountmap.storage import contact_summary
from accountmap.storage.contacts_csv import ContactTable, read_contact_file
from accountmap.storage.errors import WorkspaceError

PREVIEW_ROWS = 8
MAX_CENTRE_ROWS = 200
DEFER_ROWS = 2000  # larger files are planned after the dialog shows (progress bar)
NAME_FIELDS = {ContactField.FULL_NAME, ContactField.FIRST_NAME, ContactField.LAST_NAME,
               ContactField.EMAIL}


class ContactImportDialog(QDialog):
    def __init__(self, context: AccountContext, table: ContactTable, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.table = table
        self.path = Path(path)
        self.lang = context.lang
        self.plan: ImportPlan | None = None
        self.detected = detect_preset(table.headers)
        self.setWindowTitle(self.tr("Import contacts into “%1”").replace(
            "%1", context.document.account_name(context.account_id)))
        self.resize(1000, 680)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.source = QLabel()
        self.source.setWordWrap(True)
        top.addWidget(self.source, 1)
        top.addWidget(QLabel(self.tr("Columns as in:")))
        self.preset = QComboBox()
        for preset in (Preset.SALESFORCE, Preset.HUBSPOT, Preset.BITRIX24, Preset.AMOCRM):
            self.preset.addItem(PRESET_NAMES[preset], preset.value)
        self.preset.addItem(self.tr("another file (choose the columns)"), Preset.CUSTOM.value)
        self.preset.setToolTip(self.tr("Whose export this is; the columns below follow it"))
        top.addWidget(self.preset)
        outer.addLayout(top)
        hint = QLabel(self.tr("Choose what each column holds; columns set to “—” are not imported."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6475;")
        outer.addWidget(hint)
        self.grid = QTableWidget()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setDefaultSectionSize(150)
        outer.addWidget(self.grid, 3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setToolTip(self.tr("Rows that will be skipped and links that will not be made, with the reason"))
        self.centre_table = QTableWidget(0, 2)
        self.centre_table.setHorizontalHeaderLabels([self.tr("Department or title (people)"),
                                                     self.tr("Decision centre")])
        self.centre_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.centre_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.centre_table.verticalHeader().setVisible(False)
        self.centre_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.centre_table.setToolTip(self.tr("Which decision centre people go to, by their department "
                                             "(or title); a guess you can change"))
        self.centre_choices: dict[str, str | None] = {}  # centre_key -> centre id (None: none)
        lower = QHBoxLayout()
        lower.addWidget(self.problems, 3)
        lower.addWidget(self.centre_table, 2)
        outer.addLayout(lower, 2)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        outer.addWidget(self.progress)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._combos: list[QComboBox] = []
        self._replan = QTimer(self, singleShot=True, interval=150)
        self._replan.timeout.connect(self.update_plan)
        self._fill_grid()
        remembered = self._remembered()
        start = Preset.CUSTOM if remembered else (self.detected if self.detected is not Preset.CUSTOM
                                                  else Preset.CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(start.value))
        self._apply_fields(remembered or map_columns(table.headers, start, table.rows[:20]))
        self.preset.currentIndexChanged.connect(self._on_preset)
        self._show_source()
        if len(table.rows) > DEFER_ROWS:  # read once the dialog shows, with its progress bar
            self.summary.setText(self.tr("Reading the file…"))
            self.import_button.setEnabled(False)
            QTimer.singleShot(0, self, self._first_plan)
        else:
            self.update_plan()

    def _first_plan(self) -> None:
        if self.plan is None:
            self.update_plan()

    # ------------------------------------------------------------------ columns
    def field_labels(self) -> dict[ContactField, str]:
        return {
            ContactField.IGNORE: "—",
            ContactField.FULL_NAME: self.tr("Full name"),
            ContactField.FIRST_NAME: self.tr("First name"),
            ContactField.MIDDLE_NAME: self.tr("Middle name (patronymic)"),
            ContactField.LAST_NAME: self.tr("Last name"),
            ContactField.TITLE: self.tr("Title"),
            ContactField.DEPARTMENT: self.tr("Department"),
            ContactField.COMPANY: self.tr("Company"),
            ContactField.EMAIL: self.tr("E-mail"),
            ContactField.PHONE: self.tr("Phone"),
            ContactField.CRM_ID: self.tr("CRM id"),
            ContactField.MANAGER_ID: self.tr("Reports to (CRM id)"),
            ContactField.MANAGER_NAME: self.tr("Reports to (name)"),
            ContactField.TAGS: self.tr("Tags"),
            ContactField.BUYING_ROLE: self.tr("Buying role"),
            ContactField.OWNER: self.tr("Owner on our side"),
            ContactField.NOTES: self.tr("Notes"),
        }

    def _fill_grid(self) -> None:
        headers = self.table.headers
        rows = self.table.rows[:PREVIEW_ROWS]
        self.grid.setColumnCount(len(headers))
        self.grid.setRowCount(1 + len(rows))
        self.grid.setHorizontalHeaderLabels(headers)
        self.grid.setVerticalHeaderLabels([self.tr("Import as")] + [str(n) for n in self.table.numbers[:len(rows)]])
        labels = self.field_labels()
        for column in range(len(headers)):
            combo = QComboBox()
            for field, text in labels.items():
                combo.addItem(text, field.value)
            combo.setToolTip(self.tr("What the column “%1” holds").replace("%1", headers[column]))
            combo.currentIndexChanged.connect(self._on_field_changed)
            self.grid.setCellWidget(0, column, combo)
            self.grid.setColumnWidth(column, max(150, combo.sizeHint().width() + 8))
            self._combos.append(combo)
            for r, cells in enumerate(rows, start=1):
                text = cells[column] if column < len(cells) else ""
                item = QTableWidgetItem(text.replace("\n", " ⏎ ")[:200])
                item.setToolTip(text[:1000])
                self.grid.setItem(r, column, item)

    def fields(self) -> list[ContactField]:
        return [ContactField(c.currentData()) for c in self._combos]

    def _apply_fields(self, fields) -> None:
        for combo, field in zip(self._combos, fields):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(ContactField(field).value)))
            combo.blockSignals(False)

    def _on_preset(self) -> None:
        preset = Preset(self.preset.currentData())
        self._apply_fields(map_columns(self.table.headers, preset, self.table.rows[:20]))
        self._replan.start()

    def _on_field_changed(self) -> None:
        self._replan.start()

    def _settings_key(self) -> str:
        digest = hashlib.sha1(header_key(self.table.headers).encode("utf-8")).hexdigest()[:16]
        return f"contactImport/columns/{digest}"

    def _remembered(self) -> list[ContactField] | None:
        value = QSettings().value(self._settings_key())
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list) or len(value) != len(self.table.headers):
            return None
        try:
            return [ContactField(v) for v in value]
        except ValueError:
            return None

    def remember(self) -> None:
        QSettings().setValue(self._settings_key(), ",".join(f.value for f in self.fields()))

    def _show_source(self) -> None:
        name = PRESET_NAMES.get(self.detected)
        kind = name if name else self.tr("an export of an unknown CRM")
        self.source.setText(self.tr("%1: %2, %3 rows (%4)").replace("%1", self.path.name)
                            .replace("%2", kind).replace("%3", str(len(self.table.rows)))
                            .replace("%4", self.table.encoding))

    # ------------------------------------------------------------------ plan
    def _progress(self, done: int, total: int, start: int = 0, span: int = 100) -> None:
        self.progress.setValue(start + int(span * done / max(1, total)))
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def update_plan(self) -> None:
        fields = self.fields()
        self.problems.clear()
        if not NAME_FIELDS & set(fields):
            self.plan = None
            self.summary.setText(self.tr("Choose the column with names or e-mails."))
            self.import_button.setEnabled(False)
            return
        self.progress.setFormat(self.tr("Reading… %p%"))
        contacts = contacts_from_rows(fields, self.table.rows, self.table.numbers, self.table.extra,
                                      lambda d, t: self._progress(d, t, 0, 60))
        self.plan = plan_import(self.context.account, contacts, contact_summary.labels(
            self.context.document.language), self.centre_choices)
        self._fill_centres(contacts)
        self.progress.setValue(100)
        self.progress.setFormat(self.tr("Checked: too many people to import") if self.plan.too_many
                                else self.tr("Checked: ready to import"))
        lines = contact_summary.problem_lines(self.plan, self.lang, limit=1000)
        self.problems.addItems(lines)
        self.problems.setVisible(bool(lines))
        text = contact_summary.summary(self.plan, self.lang)
        if self.plan.too_many:
            count = len(self.context.account.stakeholders) + len(self.plan.new_people)
            text = self.tr("Too many people: the map would hold %1 (at most %2). Export only this client's contacts.") \
                .replace("%1", str(count)).replace("%2", str(MAX_PEOPLE))
        self.summary.setText(text[:1].upper() + text[1:])
        self.import_button.setEnabled(self.plan.writes_anything and not self.plan.too_many)

    def _fill_centres(self, contacts) -> None:
        """One row per department (or title) in the file, most people first, with the
        centre they will go to; changing it re-plans."""
        centres = self.context.account.decision_centres
        self.centre_table.setVisible(bool(centres))
        if not centres:
            return
        chooser = CentreChooser(centres, self.centre_choices)
        groups: dict[str, list] = {}
        for contact in contacts:
            key = centre_key(contact.department, contact.title)
            if key:
                groups.setdefault(key, []).append(contact)
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_CENTRE_ROWS]
        self.centre_table.setRowCount(len(ordered))
        for row, (key, members) in enumerate(ordered):
            first = members[0]
            text = first.department.strip() or first.title.strip()
            item = QTableWidgetItem(f"{text} ({len(members)})")
            item.setToolTip(text)
            self.centre_table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem("—", None)
            for centre in centres:
                combo.addItem(centre.name or self.tr("(unnamed centre)"), centre.id)
            combo.setCurrentIndex(max(0, combo.findData(chooser(first.department, first.title))))
            combo.currentIndexChanged.connect(
                lambda _i, k=key, c=combo: self._choose_centre(k, c.currentData()))
            self.centre_table.setCellWidget(row, 1, combo)

    def _choose_centre(self, key: str, centre_id) -> None:
        self.centre_choices[key] = centre_id
        self._replan.start()

    def counts(self) -> dict[str, int]:
        return contact_summary.counts(self.plan) if self.plan else {}

    def run_import(self) -> None:
        if self.plan is None:
            self.update_plan()
        if self.plan is None or not self.plan.writes_anything or self.plan.too_many:
            return
        self.remember()
        self.import_button.setEnabled(False)
        self.progress.setFormat(self.tr("Writing…"))
        self.progress.setRange(0, 0)  # one transaction: busy, no steps to count
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            write_import(self.context.editor, self.context.account_id, self.plan,
                         self.tr("Import contacts"))
        except WorkspaceError as exc:
            self.summary.setText(exc.message(self.lang))
            self.progress.setRange(0, 100)
            self.progress.setFormat(self.tr("Nothing was written"))
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.accept()

    def result_text(self) -> str:
        plan = self.plan
        if plan is None:
            return ""
        return self.tr("Contacts imported: %1 added, %2 updated, %3 skipped").replace(
            "%1", str(plan.count(Outcome.ADD))).replace("%2", str(plan.count(Outcome.UPDATE))).replace(
            "%3", str(plan.count(Outcome.SKIP)))


def open_contact_import(parent, context: AccountContext, path: Path, show_error) -> ContactImportDialog | None:
    """Read `path` and show the dialog (not modal: the caller may exec() it). A file that
    cannot be read is told in one sentence and no dialog opens."""
    try:
        table = read_contact_file(Path(path))
    except WorkspaceError as exc:
        show_error(exc.message(context.lang))
        return None
    return ContactImportDialog(context, table, Path(path), parent)
