"""Read-only is visible: a banner above the pages says why nothing can be changed (instead
of a message box at each try), and the hints of refused edits go to the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ReadOnlyBanner(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#readOnlyBanner { background: #fff4cc; color: #5a4300;"
                           " border-bottom: 1px solid #e0c860; padding: 6px 10px; }")
        self.hide()

    @classmethod
    def above(cls, widget) -> tuple["ReadOnlyBanner", QWidget]:
        """A banner above `widget`, and the widget holding both."""
        banner, holder = cls(), QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(widget, 1)
        return banner, holder

    def show_for(self, document) -> None:
        """Shown while `document` is open read-only (hidden for a writable one or none)."""
        if document is None or not document.read_only:
            self.hide()
            return
        self.setText(self.tr("Read-only: %1 is open for reading only (another window or user "
                             "may be editing it, or the file or its folder cannot be written). "
                             "Changes cannot be made; use File → Save a copy as… to edit a copy.")
                     .replace("%1", document.path.name))
        self.show()
