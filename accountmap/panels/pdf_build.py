"""Building a document off the UI thread: one worker thread, a progress dialog that can
be cancelled, a failure told in one sentence (never a traceback). The print preview
builds its PDFs with it (reportlab runs on the worker; nothing there touches Qt widgets)."""

from __future__ import annotations

import sys
import threading
import traceback
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from accountmap.document import collector


def tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


class _Cancelled(Exception):
    pass


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()  # the worker is done with this build (also after a cancel)


class _CollectorRelease(QObject):
    """Gives the worker's hold on the garbage collector back, on the UI thread (its
    `ended` signal arrives here queued): no collection runs on the worker (collector.py)."""

    @Slot()
    def release(self) -> None:
        collector.release()


_releaser: _CollectorRelease | None = None


def _collector_release() -> _CollectorRelease:
    """Made on the UI thread (the first build), where its `release` then runs."""
    global _releaser
    if _releaser is None:
        _releaser = _CollectorRelease()
    return _releaser


_pool: QThreadPool | None = None


def _thread_pool() -> QThreadPool:
    """One worker: builds never run side by side (a cancelled one may still finish)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def _describe(exc: BaseException) -> str:
    detail = str(exc).strip() or type(exc).__name__
    return tr("The document could not be built: %1").replace("%1", detail)


class BuildRunner(QObject):
    """Runs one build on the worker thread behind a QProgressDialog; `run()` returns the
    PDF bytes, or None when cancelled or failed (the failure shown as one message)."""

    progressed = Signal(int, int)

    def __init__(self, parent: QWidget | None, build: Callable[[Callable[[int, int], None]], bytes],
                 label: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.build = build
        self.result: bytes | None = None
        self.error: str | None = None
        self.cancelled = False
        self.reported: list[tuple[int, int]] = []
        self._cancel = threading.Event()
        self._loop = QEventLoop(self)
        self._running = False
        self.progress_dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
        self.progress_dialog.setWindowTitle(tr("Preparing the document"))
        self.progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog.setMinimumDuration(400)
        self.progress_dialog.setAutoClose(False)
        self.progress_dialog.setAutoReset(False)
        self.progress_dialog.canceled.connect(self._on_cancel)

    busy = False  # a build is under way (its progress dialog shows only after a moment)

    def run(self) -> bytes | None:
        if BuildRunner.busy:  # e.g. Ctrl+P pressed again before the progress dialog shows
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
            return None
        BuildRunner.busy = True
        try:
            return self._run()
        finally:
            BuildRunner.busy = False

    def _run(self) -> bytes | None:
        signals = _Signals()
        signals.progressed.connect(self._on_progress)
        signals.succeeded.connect(self._on_success)
        signals.failed.connect(self._on_failure)
        signals.ended.connect(_collector_release().release, Qt.ConnectionType.QueuedConnection)
        cancel = self._cancel
        build = self.build

        def report(done: int, total: int) -> None:
            if cancel.is_set():
                raise _Cancelled
            signals.progressed.emit(done, total)

        def work() -> None:
            try:
                try:
                    data = build(report)
                except _Cancelled:
                    return
                except Exception as exc:  # noqa: BLE001 - one message, never a traceback
                    traceback.print_exc(file=sys.stderr)
                    signals.failed.emit(_describe(exc))
                    return
                signals.succeeded.emit(bytes(data))
            finally:
                signals.ended.emit()  # the last thing the worker does with Python objects

        self._signals = signals  # alive while connected
        self._running = True
        collector.hold()  # until the worker's last signal reaches the UI thread
        _thread_pool().start(work)
        if self._running:
            self._loop.exec()
        self._running = False
        self.progress_dialog.canceled.disconnect(self._on_cancel)
        self.progress_dialog.reset()  # stops its show-after-a-moment timer
        self.progress_dialog.hide()
        self.progress_dialog.deleteLater()
        for signal in (signals.progressed, signals.succeeded, signals.failed):
            signal.disconnect()  # `ended` stays: a cancelled build may still be running
        if self.error:
            QMessageBox.warning(self.parent_widget, tr("Printing"), self.error)
        return self.result

    def _finish(self) -> None:
        self._running = False
        self._loop.quit()

    def _on_progress(self, done: int, total: int) -> None:
        if not self._running:
            return
        if self.progress_dialog.wasCanceled():
            self._on_cancel()
            return
        self.reported.append((done, total))
        self.progressed.emit(done, total)
        if total > 0:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(min(done, total))

    def _on_success(self, data: bytes) -> None:
        if self._running:
            self.result = data
            self._finish()

    def _on_failure(self, message: str) -> None:
        if self._running:
            self.error = message
            self._finish()

    def _on_cancel(self) -> None:
        if self._running:
            self._cancel.set()
            self.cancelled = True
            self._finish()


def run_build(parent: QWidget | None, build: Callable[[Callable[[int, int], None]], bytes],
              label: str) -> bytes | None:
    return BuildRunner(parent, build, label).run()
