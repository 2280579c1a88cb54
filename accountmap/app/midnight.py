"""The app's midnight timer: when the clock's day turns while the app runs, it says so
(`dayChanged`), and the main window passes it on to the open workspace
(`WorkspaceDocument.dayChanged`) so overdue marks, days in a checkpoint and stale contacts
are drawn as of the new day.

It fires just after the next local midnight, and at least hourly: a laptop that slept
through midnight, or a clock moved by hand or by a time zone, is caught within the hour.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from accountmap.domain import clock

LONGEST_WAIT_S = 3600.0
AFTER_MIDNIGHT_S = 1.0  # wake a moment after midnight, never just before it


class MidnightTimer(QObject):
    dayChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day = clock.today()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._arm()

    def _arm(self) -> None:
        wait = min(LONGEST_WAIT_S, clock.seconds_until_midnight() + AFTER_MIDNIGHT_S)
        self.timer.start(max(1, int(wait * 1000)))

    def check(self) -> bool:
        """Ask the clock; if the day is not the one last seen, emit `dayChanged`. Re-arms."""
        today = clock.today()
        turned = today != self.day
        self.day = today
        if turned:
            self.dayChanged.emit()
        self._arm()
        return turned
