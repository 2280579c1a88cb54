"""Progress where an output takes more than a second (issue 13): opening a big account,
exporting its map or roadmap and the workspace's JSON show a window-modal progress dialog
(app/progress.py), in Russian in the Russian UI; Cancel stops an export with no file
written - no partial file, no temporary file, an existing file untouched."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.app.progress import slow_account
from accountmap.storage.workspace_file import WorkspaceFile
from tests.samples.roadmap import sample_account
from tests.samples.synthetic import synthetic_account


def big_account():
    account = synthetic_account(people=300, centres=10)
    account.name = "Большой <b>клиент</b>"
    return account


@pytest.fixture
def big_path(tmp_path):
    path = tmp_path / "big.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([big_account()])
    return path


def open_window(qtbot, path, lang="en"):
    make_application(lang)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(path)
    return window


class DialogWatch:
    """Records every progress dialog shown while the work runs; presses its Cancel
    when asked to (the dialog takes events between two steps of the work)."""

    def __init__(self, cancel: bool = False) -> None:
        self.cancel = cancel
        self.seen: list[tuple[str, str, bool]] = []  # (title, label, has a cancel button)
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            for dialog in [widget, *widget.findChildren(QProgressDialog)]:
                if isinstance(dialog, QProgressDialog) and dialog.isVisible():
                    from PySide6.QtWidgets import QLabel, QPushButton

                    label = dialog.findChild(QLabel).text()
                    button = dialog.findChild(QPushButton)
                    self.seen.append((dialog.windowTitle(), label, button is not None
                                      and button.isVisible()))
                    if self.cancel and button is not None:
                        dialog.cancel()

    def stop(self) -> None:
        self.timer.stop()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_the_demo_sized_account_is_quick_and_the_big_one_is_slow(qapp):
    assert not slow_account(sample_account())
    assert slow_account(big_account())


def test_opening_a_big_account_shows_progress_without_cancel(big_path, qtbot):
    watch = DialogWatch()
    window = open_window(qtbot, big_path)
    watch.stop()
    assert window.pages and window.tabs.count() > 3  # every page built
    labels = {label for _title, label, _c in watch.seen}
    assert "Opening “Большой <b>клиент</b>”…" in labels  # the name as typed, plain text
    assert not any(cancel for *_x, cancel in watch.seen)
    assert not window.findChildren(QProgressDialog) or not any(
        d.isVisible() for d in window.findChildren(QProgressDialog))


def test_a_tab_chosen_first_on_a_big_account_shows_progress(big_path, qtbot):
    """A page is built when its tab is first chosen (issue 15); on a big account that is
    slow work too, behind the same dialog as the opening."""
    from accountmap.app.pages import PageSlot

    window = open_window(qtbot, big_path)
    index = next(i for i in range(window.tabs.count())
                 if isinstance(window.tabs.widget(i), PageSlot))
    watch = DialogWatch()
    window.tabs.setCurrentIndex(index)
    watch.stop()
    assert not isinstance(window.tabs.widget(index), PageSlot)  # built
    assert "Opening “Большой <b>клиент</b>”…" in {label for _t, label, _c in watch.seen}
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


@pytest.mark.parametrize("view, suffix", [("map", "png"), ("roadmap", "svg"), ("map", "pdf")])
def test_an_export_shows_progress_and_writes_the_file(big_path, tmp_path, qtbot, view, suffix):
    window = open_window(qtbot, big_path)
    out = tmp_path / "out" / f"x.{suffix}"
    out.parent.mkdir()
    watch = DialogWatch()
    assert window.file_transfer.export_view_to(view, out)
    watch.stop()
    assert any("Exporting" in label for _t, label, _c in watch.seen)
    assert out.stat().st_size > 1000
    assert files_in(out.parent) == {out.name}  # no temporary file left


@pytest.mark.parametrize("existing", [False, True])
def test_a_cancelled_export_writes_nothing(big_path, tmp_path, qtbot, existing):
    window = open_window(qtbot, big_path)
    out = tmp_path / "out" / "map.png"
    out.parent.mkdir()
    if existing:
        out.write_bytes(b"the old picture")
        os.chmod(out, 0o640)
    watch = DialogWatch(cancel=True)
    assert not window.file_transfer.export_view_to("map", out)
    watch.stop()
    assert watch.seen  # the dialog was there to cancel
    if existing:
        assert out.read_bytes() == b"the old picture"
        assert files_in(out.parent) == {"map.png"}
    else:
        assert files_in(out.parent) == set()  # no partial file, no temporary file
    assert window.statusBar().currentMessage() == "Export cancelled: no file was written"


def test_a_cancelled_json_export_writes_nothing(tmp_path, qtbot, monkeypatch):
    from accountmap.app import file_transfer

    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([sample_account() for _ in range(5)])
    window = open_window(qtbot, path)
    monkeypatch.setattr(file_transfer, "SLOW_JSON_BYTES", 0)  # as if the file were big
    out = tmp_path / "out" / "all.json"
    out.parent.mkdir()
    watch = DialogWatch(cancel=True)
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(out), "")):
        window.act_export.trigger()  # File > Export JSON…
    watch.stop()
    assert watch.seen and files_in(out.parent) == set()
    watch = DialogWatch()
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(out), "")):
        window.act_export.trigger()
    watch.stop()
    assert any(label == "Exporting JSON…" for _t, label, _c in watch.seen)
    assert out.read_text(encoding="utf-8").count('"stakeholders"') == 5


def test_the_russian_progress_dialog(big_path, tmp_path, qtbot):
    window = open_window(qtbot, big_path, lang="ru")
    shots: list = []

    def grab() -> None:
        dialog = next((d for d in window.findChildren(QProgressDialog) if d.isVisible()), None)
        if dialog is not None and not shots:
            shots.append((dialog.windowTitle(), dialog.findChild(
                __import__("PySide6.QtWidgets").QtWidgets.QLabel).text(), dialog.grab()))

    timer = QTimer()
    timer.timeout.connect(grab)
    timer.start(0)
    assert window.file_transfer.export_view_to("roadmap", tmp_path / "road.png")
    timer.stop()
    title, label, image = shots[0]
    assert (title, label) == ("Подождите", "Выгружаю дорожную карту…")
    if os.environ.get("ACCOUNTMAP_SHOTS"):
        image.save(os.environ["ACCOUNTMAP_SHOTS"])


def long_pdf(pages: int) -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for page in range(pages):
        canvas.setFont("Helvetica", 40)
        for line in range(12):
            canvas.drawString(60, 760 - line * 55, f"Page {page + 1} line {line}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_long_preview_draws_the_pages_in_view_not_all(qtbot):
    """An account plan at the limits has some 230 pages: drawing them all on opening froze
    the window for 8 s and took 460 MB. Pages are drawn as they scroll into view."""
    from accountmap.panels.print_preview import EAGER_PAGES, PrintPreviewDialog

    make_application("en")
    count = EAGER_PAGES + 40
    dialog = PrintPreviewDialog(long_pdf(count), "Long", "long.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(800, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count() == count == len(dialog.page_images)
    drawn = [i for i, image in enumerate(dialog.page_images) if image is not None]
    assert drawn and drawn[0] == 0 and len(drawn) <= 6
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = dialog.page_images[-1]
    assert last is not None and not last.isNull()
    assert sum(image is not None for image in dialog.page_images) <= 12
    dark = sum(1 for y in range(0, last.height(), 3) for x in range(0, last.width(), 3)
               if last.pixelColor(x, y).lightness() < 128)
    assert dark > 50, "the page scrolled to is drawn, not blank"
    labels = dialog._page_labels  # a page not drawn has its size, so the scroll bar is true
    assert labels[count // 2].height() == labels[0].height() > 300
