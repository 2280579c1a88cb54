"""SIGTERM, SIGHUP and logout close the window the way the user would: the field being
typed in is committed (MainWindow.closeEvent takes the focus off it, which commits),
the workspace is closed, then the application quits.

Python runs a signal handler only when the interpreter gets control, which an idle Qt
event loop never gives it; `signal.set_wakeup_fd` writes a byte to a socket that a
QSocketNotifier watches, so the loop wakes up, the handler runs, and we close.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
                if s is not None)


class GracefulTermination(QObject):
    """Installed once by `run_application`; `uninstall()` restores what was there."""

    def __init__(self, app: QApplication, window) -> None:
        super().__init__(app)
        self.app = app
        self.window = window
        self.requested = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {s: signal.signal(s, self._on_signal) for s in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        app.commitDataRequest.connect(self._commit_field)  # logout: the session manager

    def _on_signal(self, signum, frame) -> None:
        self.requested = True

    def _wake(self, *_args) -> None:
        try:
            self._reader.recv(256)
        except OSError:
            pass
        if self.requested:
            self.requested = False
            self.window.close()  # commits the field, closes the workspace
            self.app.quit()

    def _commit_field(self, _manager=None) -> None:
        focus = QApplication.focusWidget()
        if focus is not None:
            focus.clearFocus()  # editingFinished / focusOut commits it

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
