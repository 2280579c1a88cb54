"""Progress on slow work done on the UI thread: opening a big account, exporting its map,
roadmap or the workspace's JSON (issue 13: every output of an account at the limits
finishes, with progress where it takes more than a second; printing builds its PDFs on a
worker thread behind its own dialog, panels/pdf_build.py).

Widgets and scenes can only be built on the UI thread, so the work runs there in steps;
between two steps the dialog repaints and a press of Cancel is seen. `SlowWork` shows its
dialog at once when the work is expected to be slow (`slow_account`: an account the size
at which these took a second or more here) and not at all otherwise, so small accounts
see no flash. Cancelling raises `Cancelled` out of `step()`: an output written through the
atomic writer (storage/atomic_write.py) then removes its temporary file, so a cancelled
output leaves no partial file and an existing one untouched; `SlowWork` swallows it and
says `cancelled`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

# Measured on an account at the limits (1,000 people, 3,000 relationships, 500 steps):
# opening it 8 s, the map as PNG 4 s; the demo's accounts well under a second. The weight
# of an account below which its outputs take less than a second.
SLOW_WEIGHT = 250


def tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


class Cancelled(Exception):
    """The person pressed Cancel: the work stops at its next step."""


def account_weight(account) -> float:
    """How much drawing and laying out an account takes, in people-equivalents."""
    return (len(account.stakeholders) + len(account.relationships) / 4
            + len(account.roadmap.nodes) + len(account.decision_centres))


def slow_account(account) -> bool:
    return account is not None and account_weight(account) >= SLOW_WEIGHT


class SlowWork:
    """`with SlowWork(parent, label, steps, slow=...) as work: ...; work.step()` - a
    window-modal progress dialog of `steps` steps while the block runs (only when `slow`).
    `cancellable`: a Cancel button; `step()` then raises Cancelled once it was pressed,
    which this context swallows (`work.cancelled` is then True)."""

    def __init__(self, parent: QWidget | None, label: str, steps: int, *, slow: bool = True,
                 cancellable: bool = True, title: str | None = None) -> None:
        self.parent = parent
        self.label = label
        self.steps = max(1, steps)
        self.slow = slow
        self.cancellable = cancellable
        self.title = title
        self.done = 0
        self.cancelled = False
        self.dialog: QProgressDialog | None = None

    def __enter__(self) -> SlowWork:
        if not self.slow:
            return self
        dialog = QProgressDialog(self.label, tr("Cancel") if self.cancellable else "",
                                 0, self.steps, self.parent)
        text = QLabel(self.label)
        text.setTextFormat(Qt.TextFormat.PlainText)  # an account's name is shown, never rendered
        dialog.setLabel(text)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(self.title or tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.setValue(0)
        dialog.show()
        self.dialog = dialog
        self._repaint()
        return self

    def _repaint(self) -> None:
        # Paint the dialog and take a click on Cancel; the window below is blocked by the
        # dialog's modality, typing into it is not taken in the middle of the work.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def step(self, label: str | None = None) -> None:
        """One step done (the next one's `label`, if it says something new); raises
        Cancelled when the person pressed Cancel."""
        self.done += 1
        dialog = self.dialog
        if dialog is None:
            return
        if label:
            dialog.setLabelText(label)
        dialog.setValue(min(self.done, self.steps))
        self._repaint()
        if self.cancellable and dialog.wasCanceled():
            raise Cancelled

    def __exit__(self, kind, exc, tb) -> bool:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        if kind is not None and issubclass(kind, Cancelled):
            self.cancelled = True
            return True
        return False


def opening_pages(window, account, pages):
    """The pages of the account to build, one at a time, behind a progress dialog when
    the account is big (not cancellable: a half-built account would show)."""
    name = getattr(account, "name", "") or ""
    label = tr("Opening “%1”…").replace("%1", name if len(name) <= 60 else name[:59] + "…")
    with SlowWork(window, label, len(pages), slow=slow_account(account),
                  cancellable=False) as work:
        for page in pages:
            yield page
            work.step()
