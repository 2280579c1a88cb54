"""The forms of the account map's property panel for a decision centre and a relationship,
and what every entity form shares: the entity shown, a loading guard, one-step commits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from accountmap.panels import vocabulary_labels as labels
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.panels.fields import CommitOnFocusOut
from accountmap.storage.errors import WorkspaceError


class EntityForm(QWidget):
    """Shared plumbing: the context, the entity shown, a loading guard, one-step commits."""

    table = ""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.entity_id: str | None = None
        self._loading = False

    @property
    def account(self):
        return self.context.account

    def commit(self, text: str, **fields) -> None:
        if self._loading or self.entity_id is None:
            return
        try:
            self.context.editor.update(self.context.account_id, self.table, self.entity_id,
                                       text, **fields)
        except WorkspaceError as exc:
            self.context.document.errorOccurred.emit(exc.message(self.context.lang))
            self.refresh()

    def show_entity(self, entity_id: str) -> None:
        self.entity_id = entity_id
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False

    def load(self) -> None:  # pragma: no cover - overridden
        pass


def set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


# ====================================================================== decision centre
class CentreForm(EntityForm):
    table = "decision_centres"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit()
        self.name.setToolTip(self.tr("The decision centre's name, e.g. Finance, IT, Production"))
        self.interest = CommitOnFocusOut(lambda: self.commit(
            self.tr("Edit collective interest"), interest=self.interest.toPlainText()))
        self.interest.setToolTip(self.tr("What this group wants as a whole"))
        self.interest.setMaximumHeight(120)
        self.members = QLabel()
        self.members.setWordWrap(True)
        self.members.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Collective interest"), self.interest)
        form.addRow(self.tr("People"), self.members)
        self.name.editingFinished.connect(lambda: self.commit(
            self.tr("Rename decision centre"), name=self.name.text()))

    def load(self) -> None:
        c = self.account.decision_centre(self.entity_id) if self.entity_id else None
        if c is None:
            return
        set_text(self.name, c.name)
        self.interest.show_text(c.interest)
        people = [s.full_name or self.tr("(no name)") for s in self.account.stakeholders
                  if s.decision_centre_id == c.id]
        self.members.setText("\n".join(people) if people else self.tr("Nobody yet: drag cards into the frame"))


# ====================================================================== relationship
class RelationshipForm(EntityForm):
    table = "relationships"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        self.ends.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = QComboBox()
        for value in RelationshipKind:
            self.kind.addItem(labels.relationship_name(value), value.value)
        self.kind.setToolTip(self.tr("Reports to (solid), influences (arrow), ally (green), conflict (red dashed)"))
        self.strength = QSpinBox()
        self.strength.setRange(1, 5)
        self.strength.setKeyboardTracking(False)
        self.strength.setToolTip(self.tr("How strong the influence is: the line's thickness"))
        self.label = QLineEdit()
        self.label.setToolTip(self.tr("An optional label shown on the line"))
        form.addRow(self.tr("Between"), self.ends)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow(self.tr("Label"), self.label)
        self.kind.activated.connect(lambda _i: self.commit(
            self.tr("Change relationship kind"), kind=self.kind.currentData()))
        self.strength.valueChanged.connect(lambda v: self.commit(
            self.tr("Change relationship strength"), strength=v))
        self.label.editingFinished.connect(lambda: self.commit(
            self.tr("Edit relationship label"), label=self.label.text()))

    def load(self) -> None:
        r = next((r for r in self.account.relationships if r.id == self.entity_id), None)
        if r is None:
            return
        a, b = self.account.stakeholder(r.from_id), self.account.stakeholder(r.to_id)
        unnamed = self.tr("(no name)")
        self.ends.setText(f"{(a.full_name if a else '?') or unnamed} → {(b.full_name if b else '?') or unnamed}")
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind.value)))
        self.strength.setValue(r.strength)
        set_text(self.label, r.label)


