"""The thresholds of the deal-health flags of the open workspace (docs/REVIEW.md): after
how many days in one checkpoint a deal is stalled, and after how many days without
contact an influential person is neglected. One change = one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout


class ReviewThresholdsDialog(QDialog):
    def __init__(self, document, editor, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.editor = editor
        settings = document.settings
        self.setWindowTitle(self.tr("Review thresholds"))
        self.stalled = QSpinBox()
        self.stalled.setRange(1, 3650)
        self.stalled.setValue(settings.review.stalled_days)
        self.stalled.setSuffix(self.tr(" days"))
        self.stalled.setToolTip(self.tr("A deal is stalled when its current checkpoint has "
                                        "been active for more days than this"))
        self.contact = QSpinBox()
        self.contact.setRange(1, 3650)
        self.contact.setValue(settings.stale_contact_days)
        self.contact.setSuffix(self.tr(" days"))
        self.contact.setToolTip(self.tr("An influential person is neglected after this many "
                                        "days without contact (the map fades such contacts too)"))
        form = QFormLayout()
        form.addRow(self.tr("Stalled after"), self.stalled)
        form.addRow(self.tr("No contact after"), self.contact)
        note = QLabel(self.tr("Kept in this workspace file; each file reviewed uses its own."))
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def apply(self) -> None:
        """Save the values shown (one undo step; nothing when they are unchanged)."""
        self.editor.update_settings(self.tr("Change the review thresholds"),
                                    review={"stalled_days": self.stalled.value()},
                                    stale_contact_days=self.contact.value())

    def accept(self) -> None:
        from accountmap.storage.errors import WorkspaceError

        try:
            self.apply()
        except WorkspaceError as exc:  # the file went read-only or away: say so, stay open
            self.error.setText(exc.message(self.document.language))
            self.error.show()
            return
        super().accept()
