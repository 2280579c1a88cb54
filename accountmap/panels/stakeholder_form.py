"""The account map's property form for one stakeholder: every field, interests, open
questions. Each edit is ONE editor call (one undo step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountmap.panels import vocabulary_labels as labels
from accountmap.domain.models import Interest, OpenQuestion
from accountmap.domain.vocabulary import (
    Attitude,
    BuyingRole,
    Channel,
    Influence,
    InterestKind,
    QuestionStatus,
)
from accountmap.panels.journey_common import date_text
from accountmap.panels.fields import CommitOnFocusOut, OptionalDateEdit
from accountmap.panels.map_forms import EntityForm, set_text
from accountmap.storage.errors import WorkspaceError


# ====================================================================== stakeholder
class StakeholderForm(EntityForm):
    table = "stakeholders"

    def move_to_centre(self, centre_id: str | None) -> None:
        """Into another centre: the card goes into that frame (which grows), one step."""
        from accountmap.document.membership import move_to_centre_changes

        if self._loading or self.entity_id is None:
            return
        editor = self.context.editor
        try:
            editor.commit(move_to_centre_changes(editor, self.account, self.entity_id, centre_id),
                          self.tr("Move to another decision centre"))
        except WorkspaceError as exc:
            self.context.document.errorOccurred.emit(exc.message(self.context.lang))
            self.refresh()

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.full_name = QLineEdit()
        self.full_name.setToolTip(self.tr("Surname, name and patronymic"))
        self.title_edit = QLineEdit()
        self.title_edit.setToolTip(self.tr("Position in the client's organisation"))
        self.centre = QComboBox()
        self.centre.setToolTip(self.tr("The decision centre this person belongs to"))
        roles_box = QWidget()
        grid = QGridLayout(roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.roles: dict[BuyingRole, QCheckBox] = {}
        for i, role in enumerate(BuyingRole):
            box = QCheckBox(labels.role_name(role))
            box.setToolTip(self.tr("Buying role: %1").replace("%1", labels.role_name(role)))
            box.clicked.connect(lambda _c=False: self._commit_roles())
            grid.addWidget(box, i, 0)
            self.roles[role] = box
        self.influence = QComboBox()
        for value in Influence:
            self.influence.addItem(labels.influence_name(value), value.value)
        self.influence.setToolTip(self.tr("How much this person weighs in the decision"))
        self.attitude = QComboBox()
        for value in Attitude:
            self.attitude.addItem(f"{labels.ATTITUDE_SYMBOLS[value]}  {labels.attitude_name(value)}", value.value)
        self.attitude.setToolTip(self.tr("This person's attitude to us"))
        self.strength = QSpinBox()
        self.strength.setRange(0, 5)
        self.strength.setKeyboardTracking(False)
        self.strength.setToolTip(self.tr("How strong our relationship with this person is: 0 none … 5 strong"))
        self.owner = QLineEdit()
        self.owner.setToolTip(self.tr("Who on our side owns the relationship"))
        self.stage = QComboBox()
        self.stage.setToolTip(self.tr("Where this person is on the client journey"))
        self.last_contact = OptionalDateEdit(tip=self.tr("Date of the last contact (— = none recorded)"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.contact_notes = CommitOnFocusOut(
            lambda: self.commit(self.tr("Edit contact notes"), contact_notes=self.contact_notes.toPlainText()))
        self.contact_notes.setMaximumHeight(60)
        self.notes = CommitOnFocusOut(lambda: self.commit(self.tr("Edit notes"), notes=self.notes.toPlainText()))
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Decision centre"), self.centre)
        form.addRow(self.tr("Roles"), roles_box)
        form.addRow(self.tr("Influence"), self.influence)
        form.addRow(self.tr("Attitude"), self.attitude)
        form.addRow(self.tr("Relationship strength"), self.strength)
        form.addRow(self.tr("Our owner"), self.owner)
        form.addRow(self.tr("Journey stage"), self.stage)
        form.addRow(self.tr("Last contact"), self.last_contact)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Contact notes"), self.contact_notes)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self._interests_box())
        form.addRow(self._questions_box())
        for edit, field, text in (
            (self.full_name, "full_name", self.tr("Edit name")),
            (self.title_edit, "title", self.tr("Edit title")),
            (self.owner, "our_owner", self.tr("Edit our owner")),
            (self.email, "email", self.tr("Edit email")),
            (self.phone, "phone", self.tr("Edit phone")),
        ):
            edit.editingFinished.connect(lambda e=edit, f=field, t=text: self.commit(t, **{f: e.text()}))
        self.centre.activated.connect(lambda _i: self.move_to_centre(self.centre.currentData()))
        self.influence.activated.connect(lambda _i: self.commit(
            self.tr("Change influence"), influence=self.influence.currentData()))
        self.attitude.activated.connect(lambda _i: self.commit(
            self.tr("Change attitude"), attitude=self.attitude.currentData()))
        self.strength.valueChanged.connect(lambda v: self.commit(
            self.tr("Change relationship strength"), relationship_strength=v))
        self.stage.activated.connect(lambda _i: self.commit(
            self.tr("Change journey stage"), journey_stage=self.stage.currentData()))
        self.last_contact.editingFinished.connect(self._commit_last_contact)
        self.last_contact.calendarClicked.connect(lambda _d: self._commit_last_contact())

    # ---------------------------------------------------------------- interests
    def _interests_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Interests"))
        layout = QVBoxLayout(box)
        self.interests = QTableWidget(0, 2)
        self.interests.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Interest")])
        self.interests.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.interests.verticalHeader().setVisible(False)
        self.interests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.interests.setMinimumHeight(90)
        self.interests.setMaximumHeight(150)
        self.interests.setToolTip(self.tr("Business and personal interests, pains and dreams; double-click to edit"))
        self.interests.itemChanged.connect(lambda _item: self._commit_interests())
        layout.addWidget(self.interests)
        row = QHBoxLayout()
        self.add_interest = QPushButton(self.tr("Add interest"))
        self.add_interest.setToolTip(self.tr("Add a business or personal interest, a pain or a dream"))
        self.remove_interest = QPushButton(self.tr("Remove"))
        self.remove_interest.setToolTip(self.tr("Remove the selected interest"))
        self.add_interest.clicked.connect(self._add_interest)
        self.remove_interest.clicked.connect(self._remove_interest)
        row.addWidget(self.add_interest)
        row.addWidget(self.remove_interest)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _kind_combo(self, kind: InterestKind) -> QComboBox:
        combo = QComboBox()
        for value, text in ((InterestKind.BUSINESS, self.tr("Business")),
                            (InterestKind.PERSONAL, self.tr("Personal")),
                            (InterestKind.PAIN, self.tr("Pain")),
                            (InterestKind.DREAM, self.tr("Dream"))):
            combo.addItem(text, value.value)
        combo.setCurrentIndex(max(0, combo.findData(InterestKind(kind).value)))
        combo.activated.connect(lambda _i: self._commit_interests())
        return combo

    def _interest_rows(self) -> list[Interest]:
        rows = []
        for r in range(self.interests.rowCount()):
            combo = self.interests.cellWidget(r, 0)
            item = self.interests.item(r, 1)
            rows.append(Interest(kind=InterestKind(combo.currentData()) if combo else InterestKind.BUSINESS,
                                 text=item.text() if item else ""))
        return rows

    def _commit_interests(self) -> None:
        if self._loading:
            return
        self.commit(self.tr("Edit interests"),
                    interests=[i.model_dump(mode="json") for i in self._interest_rows()])

    def _add_interest(self) -> None:
        rows = self._interest_rows() + [Interest(kind=InterestKind.BUSINESS, text="")]
        self.commit(self.tr("Add interest"), interests=[i.model_dump(mode="json") for i in rows])
        last = self.interests.rowCount() - 1
        if last >= 0 and self.interests.item(last, 1) is not None:
            self.interests.setCurrentCell(last, 1)
            self.interests.editItem(self.interests.item(last, 1))

    def _remove_interest(self) -> None:
        row = self.interests.currentRow()
        if row < 0:
            return
        rows = self._interest_rows()
        del rows[row]
        self.commit(self.tr("Remove interest"), interests=[i.model_dump(mode="json") for i in rows])

    # ---------------------------------------------------------------- open questions
    def _questions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Open questions: what we still must learn"))
        layout = QVBoxLayout(box)
        self.questions = QListWidget()
        self.questions.setMinimumHeight(70)
        self.questions.setMaximumHeight(140)
        self.questions.setToolTip(self.tr("Questions to this person; select one to edit it below"))
        self.questions.currentItemChanged.connect(lambda *_: self._load_question())
        layout.addWidget(self.questions)
        row = QHBoxLayout()
        self.add_question_button = QPushButton(self.tr("Add question"))
        self.add_question_button.setToolTip(self.tr("Add something we must learn from this person"))
        self.remove_question = QPushButton(self.tr("Remove"))
        self.remove_question.setToolTip(self.tr("Remove the selected question"))
        self.add_question_button.clicked.connect(lambda: self.add_question())
        self.remove_question.clicked.connect(self._remove_question)
        row.addWidget(self.add_question_button)
        row.addWidget(self.remove_question)
        row.addStretch(1)
        layout.addLayout(row)
        self.q_form = QWidget()
        qf = QFormLayout(self.q_form)
        qf.setContentsMargins(0, 0, 0, 0)
        self.q_text = QLineEdit()
        self.q_text.setToolTip(self.tr("What we must learn"))
        self.q_channel = QComboBox()
        for value in Channel:
            self.q_channel.addItem(_channel_name(value), value.value)
        self.q_channel.setToolTip(self.tr("How we will learn it"))
        self.q_due = OptionalDateEdit(tip=self.tr("By when (— = no date)"))
        self.q_status = QComboBox()
        for value in QuestionStatus:
            self.q_status.addItem(_status_name(value), value.value)
        self.q_answer = CommitOnFocusOut(lambda: self._commit_question(
            self.tr("Edit answer"), answer=self.q_answer.toPlainText()))
        self.q_answer.setMaximumHeight(60)
        qf.addRow(self.tr("Question"), self.q_text)
        qf.addRow(self.tr("How"), self.q_channel)
        qf.addRow(self.tr("Due"), self.q_due)
        qf.addRow(self.tr("Status"), self.q_status)
        qf.addRow(self.tr("Answer"), self.q_answer)
        layout.addWidget(self.q_form)
        self.q_text.editingFinished.connect(lambda: self._commit_question(
            self.tr("Edit question"), question=self.q_text.text()))
        self.q_channel.activated.connect(lambda _i: self._commit_question(
            self.tr("Edit question"), channel=self.q_channel.currentData()))
        self.q_status.activated.connect(lambda _i: self._commit_question(
            self.tr("Change question status"), status=self.q_status.currentData()))
        self.q_due.editingFinished.connect(lambda: self._commit_question(
            self.tr("Edit due date"), due=self.q_due.value()))
        self.q_due.calendarClicked.connect(lambda _d: self._commit_question(
            self.tr("Edit due date"), due=self.q_due.value()))
        return box

    def current_question_id(self) -> str | None:
        item = self.questions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_question(self, text: str | None = None) -> str | None:
        if self.entity_id is None:
            return None
        question = OpenQuestion(question=text if text is not None else self.tr("New question"),
                                stakeholder_id=self.entity_id)
        try:
            qid = self.context.editor.add(self.context.account_id, "open_questions", question,
                                          self.tr("Add open question"))
        except WorkspaceError as exc:
            self.context.document.errorOccurred.emit(exc.message(self.context.lang))
            return None
        self.refresh()
        self._select_question(qid)
        self.q_text.setFocus()
        self.q_text.selectAll()
        return qid

    def _select_question(self, qid: str | None) -> None:
        for r in range(self.questions.count()):
            if self.questions.item(r).data(Qt.ItemDataRole.UserRole) == qid:
                self.questions.setCurrentRow(r)
                return

    def _remove_question(self) -> None:
        qid = self.current_question_id()
        if qid is None:
            return
        try:
            self.context.editor.delete(self.context.account_id, {"open_questions": [qid]},
                                       self.tr("Remove open question"))
        except WorkspaceError as exc:
            self.context.document.errorOccurred.emit(exc.message(self.context.lang))

    def _commit_question(self, text: str, **fields) -> None:
        qid = self.current_question_id()
        if self._loading or qid is None:
            return
        try:
            self.context.editor.update(self.context.account_id, "open_questions", qid, text, **fields)
        except WorkspaceError as exc:
            self.context.document.errorOccurred.emit(exc.message(self.context.lang))
            self.refresh()

    def _load_question(self) -> None:
        was = self._loading
        self._loading = True
        try:
            qid = self.current_question_id()
            q = next((q for q in self.account.open_questions if q.id == qid), None)
            self.q_form.setEnabled(q is not None)
            self.remove_question.setEnabled(q is not None)
            if q is None:
                self.q_text.clear()
                self.q_answer.setPlainText("")
                return
            set_text(self.q_text, q.question)
            self.q_channel.setCurrentIndex(max(0, self.q_channel.findData(q.channel.value)))
            self.q_due.set_value(q.due)
            self.q_status.setCurrentIndex(max(0, self.q_status.findData(q.status.value)))
            self.q_answer.show_text(q.answer)
        finally:
            self._loading = was

    # ---------------------------------------------------------------- loading
    def _commit_roles(self) -> None:
        roles = [r.value for r, box in self.roles.items() if box.isChecked()]
        self.commit(self.tr("Change roles"), roles=roles)

    def _commit_last_contact(self) -> None:
        self.commit(self.tr("Edit last contact"), last_contact=self.last_contact.value())

    def load(self) -> None:
        account = self.account
        p = account.stakeholder(self.entity_id) if self.entity_id else None
        if p is None:
            return
        lang = self.context.lang
        set_text(self.full_name, p.full_name)
        set_text(self.title_edit, p.title)
        self.centre.clear()
        self.centre.addItem(self.tr("(none)"), None)
        for c in account.decision_centres:
            self.centre.addItem(c.name or self.tr("(unnamed)"), c.id)
        self.centre.setCurrentIndex(max(0, self.centre.findData(p.decision_centre_id))
                                    if p.decision_centre_id else 0)
        for role, box in self.roles.items():
            box.setChecked(role in p.roles)
        self.influence.setCurrentIndex(max(0, self.influence.findData(p.influence.value)))
        self.attitude.setCurrentIndex(max(0, self.attitude.findData(p.attitude.value)))
        self.strength.setValue(p.relationship_strength)
        set_text(self.owner, p.our_owner)
        self.stage.clear()
        self.stage.addItem(self.tr("(not set)"), None)
        for i, station in enumerate(self.context.document.settings.journey_framework.stations):
            self.stage.addItem(f"{i + 1}. {station.name(lang)}", station.id)
        self.stage.setCurrentIndex(max(0, self.stage.findData(p.journey_stage)) if p.journey_stage else 0)
        self.last_contact.set_value(p.last_contact)
        set_text(self.email, p.email)
        set_text(self.phone, p.phone)
        self.contact_notes.show_text(p.contact_notes)
        self.notes.show_text(p.notes)
        # interests
        shown = [(i.kind, i.text) for i in self._interest_rows()]
        if shown != [(InterestKind(i.kind), i.text) for i in p.interests]:
            current = self.interests.currentRow()
            self.interests.setRowCount(len(p.interests))
            for r, interest in enumerate(p.interests):
                self.interests.setCellWidget(r, 0, self._kind_combo(interest.kind))
                item = QTableWidgetItem(interest.text)
                item.setToolTip(interest.text)
                self.interests.setItem(r, 1, item)
            if 0 <= current < len(p.interests):
                self.interests.setCurrentCell(current, 1)
        # questions
        keep = self.current_question_id()
        self.questions.clear()
        for q in account.open_questions:
            if q.stakeholder_id != p.id:
                continue
            mark = {"open": "○", "asked": "◐", "answered": "●", "dropped": "×"}[q.status.value]
            due = f"  [{date_text(q.due)}]" if q.due else ""
            item = QListWidgetItem(f"{mark} {q.question or self.tr('(empty question)')}{due}")
            item.setToolTip(f"{_status_name(q.status)} · {_channel_name(q.channel)}\n{q.question}")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            self.questions.addItem(item)
        self._select_question(keep)
        self._load_question()


def _channel_name(value) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        Channel.MEETING: "Meeting", Channel.CALL: "Call", Channel.EMAIL: "Email",
        Channel.DOCUMENT: "Document", Channel.EVENT: "Event", Channel.WEBINAR: "Webinar",
        Channel.PROPOSAL: "Proposal", Channel.DELIVERY: "Delivery", Channel.SURVEY: "Survey",
        Channel.OTHER: "Other",
    }
    return QCoreApplication.translate("MapPropertyPanel", names[Channel(value)])


def _status_name(value) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {QuestionStatus.OPEN: "Open", QuestionStatus.ASKED: "Asked",
             QuestionStatus.ANSWERED: "Answered", QuestionStatus.DROPPED: "Dropped"}
    return QCoreApplication.translate("MapPropertyPanel", names[QuestionStatus(value)])

