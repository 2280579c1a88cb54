"""The property panel beside the roadmap canvas: the selected checkpoint, crossroads or
branch. Each edit is ONE undoable editor command; the panel refreshes on rowsChanged."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accountmap.canvas.roadmap.items import (
    kind_text,
    outcome_text,
    outcome_typed,
    status_text,
    tr,
)
from accountmap.canvas.roadmap.scene import EDGES, NODES
from accountmap.domain import clock
from accountmap.domain.models import ExitCriterion
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.panels.fields import CommitOnFocusOut, OptionalDateEdit
from accountmap.storage.errors import WorkspaceError


def _set_text(widget, text: str) -> None:
    if widget.hasFocus():  # being typed in: its own commit will bring the model along
        return
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif widget.text() != text:
        widget.setText(text)  # also clears isModified()
        widget.setCursorPosition(0)


class RoadmapPanel(QWidget):
    """Shows and edits one node or edge (`set_target(table, id)`); empty otherwise."""

    targetChanged = Signal()

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.table: str | None = None
        self.target_id: str | None = None
        self._refreshing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.empty = QLabel(tr("Select a checkpoint, a crossroads or a branch to see its details."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(12)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_node_form())
        self.stack.addWidget(self._build_edge_form())
        context.document.rowsChanged.connect(self._on_rows_changed)
        context.document.settingsChanged.connect(self.refresh)

    # ------------------------------------------------------------------ building
    def _build_node_form(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        outer = QVBoxLayout(body)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.node_form = form
        self.kind_label = QLabel()
        self.kind_label.setStyleSheet("font-weight: bold;")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("What must happen here"))
        self.title_edit.editingFinished.connect(
            lambda: self._line_edited(self.title_edit, lambda v: self._commit_node(title=v)))
        self.status_combo = QComboBox()
        for status in CheckpointStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.status_combo.activated.connect(self._status_chosen)
        self.outcome_combo = QComboBox()
        self.outcome_combo.activated.connect(self._outcome_chosen)
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(tr("Who leads this step"))
        self.owner_edit.editingFinished.connect(
            lambda: self._line_edited(self.owner_edit, lambda v: self._commit_node(owner=v)))
        due_row = QWidget()
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        self.due_edit = OptionalDateEdit(tr("not set"))
        self.due_edit.editingFinished.connect(self._commit_due)
        self.due_clear = QToolButton()
        self.due_clear.setText("×")
        self.due_clear.setToolTip(tr("Clear the due date"))
        self.due_clear.clicked.connect(lambda: self._commit_node(due=None))
        due_layout.addWidget(self.due_edit, 1)
        due_layout.addWidget(self.due_clear)
        self.stage_combo = QComboBox()
        self.stage_combo.activated.connect(
            lambda _i: self._commit_node(journey_stage=self.stage_combo.currentData()))
        self.description_edit = CommitOnFocusOut(
            lambda: self._commit_node(description=self.description_edit.toPlainText()))
        self.description_edit.setMaximumHeight(80)
        # exit criteria: a checklist
        criteria_box = QWidget()
        criteria_layout = QVBoxLayout(criteria_box)
        criteria_layout.setContentsMargins(0, 0, 0, 0)
        self.criteria_list = QListWidget()
        self.criteria_list.setMaximumHeight(120)
        self.criteria_list.setWordWrap(True)
        self.criteria_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.criteria_list.setToolTip(tr("Tick a criterion when it is met; double-click to edit it"))
        self.criteria_list.itemChanged.connect(self._criteria_edited)
        buttons = QHBoxLayout()
        self.criteria_add = QPushButton(tr("Add criterion"))
        self.criteria_add.clicked.connect(self._add_criterion)
        self.criteria_remove = QPushButton(tr("Remove"))
        self.criteria_remove.clicked.connect(self._remove_criterion)
        buttons.addWidget(self.criteria_add)
        buttons.addWidget(self.criteria_remove)
        buttons.addStretch(1)
        criteria_layout.addWidget(self.criteria_list)
        criteria_layout.addLayout(buttons)
        # stakeholders involved
        people_box = QWidget()
        people_layout = QVBoxLayout(people_box)
        people_layout.setContentsMargins(0, 0, 0, 0)
        self.people_rows = QVBoxLayout()
        self.people_rows.setSpacing(2)
        people_layout.addLayout(self.people_rows)
        self.people_add = QComboBox()
        self.people_add.activated.connect(self._add_person)
        people_layout.addWidget(self.people_add)
        self.person_buttons: dict[str, QPushButton] = {}
        self.notes_edit = CommitOnFocusOut(lambda: self._commit_node(notes=self.notes_edit.toPlainText()))
        self.notes_edit.setMaximumHeight(80)
        form.addRow(self.kind_label)
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Status"), self.status_combo)
        form.addRow(tr("Chosen outcome"), self.outcome_combo)
        form.addRow(tr("Owner"), self.owner_edit)
        form.addRow(tr("Due date"), due_row)
        form.addRow(tr("Journey stage"), self.stage_combo)
        form.addRow(tr("Description"), self.description_edit)
        form.addRow(tr("Exit criteria"), criteria_box)
        form.addRow(tr("People involved"), people_box)
        form.addRow(tr("Notes"), self.notes_edit)
        self._checkpoint_rows = (self.status_combo, self.owner_edit, due_row, criteria_box)
        self._decision_rows = (self.outcome_combo,)
        self._step_rows = (self.stage_combo, people_box)  # checkpoint and decision
        scroll.setWidget(body)
        return scroll

    def _build_edge_form(self) -> QWidget:
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edge_label = QLabel()
        self.edge_label.setWordWrap(True)
        self.edge_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.outcome_edit = QLineEdit()
        self.outcome_edit.setPlaceholderText(tr("e.g. Yes / No / Audit needed"))
        self.outcome_edit.editingFinished.connect(
            lambda: self._line_edited(self.outcome_edit, lambda v: self._commit_edge(outcome=outcome_typed(v))))
        self.loop_check = QCheckBox(tr("Deliberate loop (e.g. repeat the pilot)"))
        self.loop_check.clicked.connect(lambda checked: self._commit_edge(loop=bool(checked)))
        form.addRow(self.edge_label)
        form.addRow(tr("Outcome"), self.outcome_edit)
        form.addRow(self.loop_check)
        return body

    # ------------------------------------------------------------------ target
    @property
    def account(self):
        return self.context.document.account(self.context.account_id)

    def node(self):
        if self.table != NODES or not self.context.document.has_account(self.context.account_id):
            return None
        return next((n for n in self.account.roadmap.nodes if n.id == self.target_id), None)

    def edge(self):
        if self.table != EDGES or not self.context.document.has_account(self.context.account_id):
            return None
        return next((e for e in self.account.roadmap.edges if e.id == self.target_id), None)

    def set_target(self, table: str | None, target_id: str | None) -> None:
        if (table, target_id) == (self.table, self.target_id):
            return
        focus = self.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()  # commits a field being edited, on the old target
        self.table, self.target_id = table, target_id
        self.refresh()
        self.targetChanged.emit()

    def _on_rows_changed(self, account_id: str, table: str, _ids: list) -> None:
        if account_id == self.context.account_id and table in (NODES, EDGES, "stakeholders"):
            self.refresh()

    def refresh(self) -> None:
        self._refreshing = True
        try:
            node, edge = self.node(), self.edge()
            if node is not None:
                self._show_node(node)
                self.stack.setCurrentIndex(1)
            elif edge is not None:
                self._show_edge(edge)
                self.stack.setCurrentIndex(2)
            else:
                self.stack.setCurrentIndex(0)
        finally:
            self._refreshing = False

    def _show_node(self, node) -> None:
        kind = NodeKind(node.kind)
        lang = self.context.lang
        self.kind_label.setText(kind_text(kind))
        form = self.node_form
        for widget in self._checkpoint_rows:
            form.setRowVisible(widget, kind == NodeKind.CHECKPOINT)
        for widget in self._decision_rows:
            form.setRowVisible(widget, kind == NodeKind.DECISION)
        for widget in self._step_rows:
            form.setRowVisible(widget, kind in (NodeKind.CHECKPOINT, NodeKind.DECISION))
        _set_text(self.title_edit, node.title)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(
            CheckpointStatus(node.status).value)))
        _set_text(self.owner_edit, node.owner)
        self.due_edit.set_value(node.due)
        self.due_clear.setEnabled(node.due is not None)
        self.stage_combo.clear()
        self.stage_combo.addItem(tr("not set"), None)
        for station in self.context.document.settings.journey_framework.stations:
            self.stage_combo.addItem(station.name(lang), station.id)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(node.journey_stage)))
        self.outcome_combo.clear()
        self.outcome_combo.addItem(tr("not decided yet"), None)
        titles = {n.id: n.title for n in self.account.roadmap.nodes}
        for e in self.account.roadmap.edges:
            if e.from_id == node.id:
                label = outcome_text(e.outcome) or tr("(unlabelled)")
                self.outcome_combo.addItem(f"{label} → {titles.get(e.to_id, '?')}", e.id)
        self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(node.chosen_edge_id)))
        _set_text(self.description_edit, node.description)
        _set_text(self.notes_edit, node.notes)
        self.criteria_list.blockSignals(True)
        row = self.criteria_list.currentRow()
        self.criteria_list.clear()
        for criterion in node.exit_criteria:
            item = QListWidgetItem(criterion.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if criterion.done else Qt.CheckState.Unchecked)
            item.setToolTip(criterion.text)
            self.criteria_list.addItem(item)
        if 0 <= row < self.criteria_list.count():
            self.criteria_list.setCurrentRow(row)
        self.criteria_list.blockSignals(False)
        self._show_people(node)

    def _show_people(self, node) -> None:
        while self.people_rows.count():
            item = self.people_rows.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.person_buttons = {}
        people = {s.id: s for s in self.account.stakeholders}
        for person_id in node.stakeholder_ids:
            person = people.get(person_id)
            if person is None:
                continue
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            name = person.full_name or tr("(no name)")
            button = QPushButton(name + (f" — {person.title}" if person.title else ""))
            button.setFlat(True)
            button.setStyleSheet("text-align: left; color: #1d5fc4; text-decoration: underline;")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(tr("Show %1 on the account map").replace("%1", name))
            button.clicked.connect(lambda _=False, i=person_id: self.context.show("stakeholder", i))
            remove = QToolButton()
            remove.setText("×")
            remove.setToolTip(tr("Not involved in this step"))
            remove.clicked.connect(lambda _=False, i=person_id: self._remove_person(i))
            layout.addWidget(button, 1)
            layout.addWidget(remove)
            self.people_rows.addWidget(row)
            self.person_buttons[person_id] = button
        self.people_add.clear()
        self.people_add.addItem(tr("Add a person…"), None)
        for person in self.account.stakeholders:
            if person.id not in node.stakeholder_ids:
                self.people_add.addItem(person.full_name or tr("(no name)"), person.id)
        self.people_add.setEnabled(self.people_add.count() > 1)

    def _show_edge(self, edge) -> None:
        titles = {n.id: n.title for n in self.account.roadmap.nodes}
        self.edge_label.setText(tr("Branch from “%1” to “%2”")
                                .replace("%1", titles.get(edge.from_id, "?"))
                                .replace("%2", titles.get(edge.to_id, "?")))
        _set_text(self.outcome_edit, outcome_text(edge.outcome))
        self.loop_check.setChecked(edge.loop)

    def edit_first_field(self) -> None:
        """Put the cursor in the main field (double-click on the canvas)."""
        field = self.title_edit if self.table == NODES else self.outcome_edit
        field.setFocus()
        field.selectAll()

    # ------------------------------------------------------------------ committing
    def _line_edited(self, edit: QLineEdit, commit) -> None:
        """Commit a line edit only when the person changed it (not on a mere focus out)."""
        if not edit.isModified():
            return
        edit.setModified(False)
        commit(edit.text())

    def _report(self, exc: WorkspaceError) -> None:
        self.context.document.errorOccurred.emit(exc.message(self.context.lang))
        self.refresh()

    def _commit_node(self, text: str | None = None, **fields) -> None:
        if self._refreshing:
            return
        node = self.node()
        if node is None:
            return
        try:
            self.context.editor.update(self.context.account_id, NODES, node.id,
                                       text or tr("Edit roadmap step"), **fields)
        except WorkspaceError as exc:
            self._report(exc)

    def _commit_edge(self, **fields) -> None:
        if self._refreshing:
            return
        edge = self.edge()
        if edge is None:
            return
        try:
            self.context.editor.update(self.context.account_id, EDGES, edge.id,
                                       tr("Edit branch"), **fields)
        except WorkspaceError as exc:
            self._report(exc)

    def _status_chosen(self, _index: int) -> None:
        node = self.node()
        if node is None or self._refreshing:
            return
        status = CheckpointStatus(self.status_combo.currentData())
        try:
            self.context.editor.set_checkpoint_status(self.context.account_id, node.id, status,
                                                      clock.today(), tr("Set status"))
        except WorkspaceError as exc:
            self._report(exc)

    def _outcome_chosen(self, _index: int) -> None:
        self._commit_node(tr("Choose outcome"), chosen_edge_id=self.outcome_combo.currentData())

    def _commit_due(self) -> None:
        self._commit_node(due=self.due_edit.value())

    def _criteria_from_list(self) -> list[dict]:
        out = []
        for row in range(self.criteria_list.count()):
            item = self.criteria_list.item(row)
            out.append(ExitCriterion(text=item.text(),
                                     done=item.checkState() == Qt.CheckState.Checked).model_dump())
        return out

    def _criteria_edited(self, _item) -> None:
        self._commit_node(tr("Edit exit criteria"), exit_criteria=self._criteria_from_list())

    def _add_criterion(self) -> None:
        node = self.node()
        if node is None:
            return
        criteria = [c.model_dump() for c in node.exit_criteria]
        criteria.append({"text": tr("New criterion"), "done": False})
        self._commit_node(tr("Add exit criterion"), exit_criteria=criteria)
        row = self.criteria_list.count() - 1
        if row >= 0:
            self.criteria_list.setCurrentRow(row)
            self.criteria_list.editItem(self.criteria_list.item(row))

    def _remove_criterion(self) -> None:
        node = self.node()
        row = self.criteria_list.currentRow()
        if node is None or not 0 <= row < len(node.exit_criteria):
            return
        criteria = [c.model_dump() for i, c in enumerate(node.exit_criteria) if i != row]
        self._commit_node(tr("Remove exit criterion"), exit_criteria=criteria)

    def _add_person(self, _index: int) -> None:
        node = self.node()
        person_id = self.people_add.currentData()
        if node is None or person_id is None:
            return
        self._commit_node(tr("Involve a person"),
                          stakeholder_ids=[*node.stakeholder_ids, person_id])

    def _remove_person(self, person_id: str) -> None:
        node = self.node()
        if node is None:
            return
        self._commit_node(tr("Remove a person from the step"),
                          stakeholder_ids=[i for i in node.stakeholder_ids if i != person_id])
