"""The account's own fields: client, deal, value, owner, close date, stage, temperature."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain.vocabulary import Temperature
from accountmap.panels.fields import CommitOnFocusOut, OptionalDateEdit
from accountmap.storage.errors import WorkspaceError


class AccountDetailsPage(QScrollArea):
    @classmethod
    def title(cls) -> str:
        return cls.tr("Overview")

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.industry = QLineEdit()
        self.offering = CommitOnFocusOut(lambda: self._commit("offering", self.offering.toPlainText()))
        self.offering.setMaximumHeight(90)
        self.value = QDoubleSpinBox()
        self.value.setRange(0, 1e15)
        self.value.setDecimals(0)
        self.value.setGroupSeparatorShown(True)
        self.value.setSpecialValueText(self.tr("not set"))
        self.currency = QLineEdit()
        self.currency.setMaxLength(8)
        self.owner = QLineEdit()
        self.close_date = OptionalDateEdit(self.tr("not set"))
        self.stage = QComboBox()
        self.temperature = QComboBox()
        for value, text in (
            (Temperature.COLD, self.tr("Cold")), (Temperature.COOL, self.tr("Cool")),
            (Temperature.WARM, self.tr("Warm")), (Temperature.HOT, self.tr("Hot")),
        ):
            self.temperature.addItem(text, value.value)
        self.notes = CommitOnFocusOut(lambda: self._commit("notes", self.notes.toPlainText()))
        form.addRow(self.tr("Client"), self.name)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Our offering"), self.offering)
        form.addRow(self.tr("Deal value"), self.value)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Account owner (KAM)"), self.owner)
        form.addRow(self.tr("Target close date"), self.close_date)
        form.addRow(self.tr("Journey stage"), self.stage)
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Notes"), self.notes)
        self.setWidget(body)
        self.name.editingFinished.connect(lambda: self._commit("name", self.name.text()))
        self.industry.editingFinished.connect(lambda: self._commit("industry", self.industry.text()))
        self.currency.editingFinished.connect(lambda: self._commit("currency", self.currency.text()))
        self.owner.editingFinished.connect(lambda: self._commit("owner", self.owner.text()))
        self.value.editingFinished.connect(
            lambda: self._commit("deal_value", self.value.value() or None))
        self.close_date.editingFinished.connect(self._commit_date)
        self.stage.activated.connect(lambda _i: self._commit("journey_stage", self.stage.currentData()))
        self.temperature.activated.connect(
            lambda _i: self._commit("temperature", self.temperature.currentData()))
        context.document.accountChanged.connect(self._on_account_changed)
        context.document.settingsChanged.connect(self.refresh)
        self.refresh()

    def _on_account_changed(self, account_id: str) -> None:
        if account_id == self.context.account_id:
            self.refresh()

    def refresh(self) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        a = self.context.account
        lang = self.context.lang
        self.name.setText(a.name)
        self.industry.setText(a.industry)
        self.offering.show_text(a.offering)
        self.value.setValue(a.deal_value or 0)
        self.currency.setText(a.currency)
        self.owner.setText(a.owner)
        self.close_date.set_value(a.target_close)
        self.stage.clear()
        self.stage.addItem(self.tr("not set"), None)
        for station in self.context.document.settings.journey_framework.stations:
            self.stage.addItem(station.name(lang), station.id)
        self.stage.setCurrentIndex(max(0, self.stage.findData(a.journey_stage)))
        self.temperature.setCurrentIndex(max(0, self.temperature.findData(a.temperature.value)))
        self.notes.show_text(a.notes)

    def _commit_date(self) -> None:
        self._commit("target_close", self.close_date.value())

    def _commit(self, field: str, value) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        try:
            self.context.editor.update_account(self.context.account_id, **{field: value})
        except WorkspaceError as exc:
            self.context.document.errorOccurred.emit(exc.message(self.context.lang))
            self.refresh()


