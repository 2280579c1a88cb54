"""Print preview of the briefings: rendering, saving, printing, paper/language rebuilds,
the build worker (progress, cancel, errors), and the main window's Account menu entries."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from unittest import mock

import pypdfium2 as pdfium
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from accountmap.app.application import make_application
from accountmap.document.context import AccountContext
from accountmap.app.main_window import MainWindow
from accountmap.briefing.account_plan import LAYOUT_STEPS, SECTIONS, build_account_plan
from accountmap.briefing.meeting_brief import build_meeting_brief
from accountmap.storage.demo import write_demo
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.panels import print_preview as pp
from accountmap.panels import pdf_build
from accountmap.panels.pdf_build import BuildRunner
from accountmap.panels.print_preview import PrintPreviewDialog

TODAY = dt.date(2026, 11, 23)  # the demo's meetings are on 26.11, 27.11, 03.12 and 10.12.2026
A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    return path


@pytest.fixture
def context(qtbot, demo_path):
    make_application("en")
    document = WorkspaceDocument.open(demo_path)
    yield AccountContext(document, Editor(document), document.account_ids()[0])
    document.close()


@pytest.fixture
def brief(qtbot, context):
    dialog = pp.print_meeting_brief(None, context, "mt-security", today=TODAY)
    assert dialog is not None
    yield dialog
    if shiboken6.isValid(dialog):  # deleted on close
        dialog.close()


@pytest.fixture(autouse=True)
def _no_remembered_paper():
    """QSettings caches its file across tests: forget the paper a previous test chose."""
    from accountmap.app import settings as app_settings

    app_settings.settings().remove("printPreview")
    yield
    app_settings.settings().remove("printPreview")


@pytest.fixture
def window(qtbot, demo_path, monkeypatch):
    make_application("en")
    monkeypatch.setattr(pp, "_today", lambda: TODAY)
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_workspace(demo_path)
    w.show()
    return w


def ink(image: QImage) -> int:
    """How many sampled pixels are clearly not white (text, lines, shading)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    return sum(1 for b in data[::7] if b < 200)


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [tuple(pdf[i].get_size()) for i in range(len(pdf))]
    finally:
        pdf.close()


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    finally:
        pdf.close()


def assert_size(size, expected) -> None:
    assert size[0] == pytest.approx(expected[0], abs=1) and size[1] == pytest.approx(expected[1], abs=1)


# ---------------------------------------------------------------------- the dialog

def print_dialog_to(out):
    """A stand-in for the system's print dialog: the user picks "print to file" `out`."""
    class FakePrintDialog:
        def __init__(self, printer, parent):
            self.printer = printer

        def setWindowTitle(self, title):  # noqa: N802
            pass

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            return QDialog.DialogCode.Accepted

    return FakePrintDialog

def test_brief_opens_with_every_page_rendered(brief, context):
    account = context.account
    meeting = next(m for m in account.meetings if m.id == "mt-security")
    direct = build_meeting_brief(account, meeting, context.document.settings.journey_framework,
                                 lang="en", paper="a4", today=TODAY)
    count = len(pdf_pages(direct))
    assert count >= 1
    assert brief.isVisible()
    assert brief.page_count() == count == len(pdf_pages(brief.pdf_bytes))
    assert len(brief.page_images) == count
    for image in brief.page_images:
        assert not image.isNull() and image.width() > 300
        assert ink(image) > 200, "a rendered page is blank"
    captions = [label.text() for label in brief.pages_widget.findChildren(pp.QLabel)
                if label.text().startswith("Page ")]
    assert captions == [f"Page {i} of {count}" for i in range(1, count + 1)]
    assert account.name in brief.windowTitle()
    assert brief.suggested_name.endswith(".pdf") and "/" not in brief.suggested_name
    assert brief.lang == context.document.language  # the workspace's language by default
    title = {"en": "Meeting brief", "ru": "Памятка к встрече"}[context.document.language]
    assert title in pdf_text(brief.pdf_bytes)


def test_zoom_buttons_change_the_rendered_size(brief):
    brief.zoom_actual()
    assert brief.zoom_percent() == 100
    width_100 = brief.page_images[0].width()
    assert width_100 == pytest.approx(A4[0] * brief.logicalDpiX() / 72, abs=2)
    brief.zoom_in()
    assert brief.zoom_percent() == 125
    assert brief.page_images[0].width() > width_100
    brief.zoom_out()
    brief.zoom_out()
    assert brief.page_images[0].width() < width_100
    brief.resize(700, 800)
    brief.zoom_fit()
    room = brief.scroll.viewport().width()
    assert brief.page_images[0].width() <= room
    assert brief.page_images[0].width() > room * 0.8


def test_save_as_pdf_writes_the_built_bytes(brief, tmp_path):
    tmp_path = tmp_path / "saved"
    tmp_path.mkdir()
    target = tmp_path / "out"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(target), "")) as ask:
        assert brief.save_as() is True
    assert brief.suggested_name in ask.call_args.args[2]
    saved = tmp_path / "out.pdf"
    assert saved.read_bytes() == brief.pdf_bytes
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temp file left


def test_save_as_pdf_failure_is_one_clear_message(brief, tmp_path):
    target = tmp_path / "no such folder" / "x.pdf"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(target), "")), \
            mock.patch.object(QMessageBox, "warning") as warning:
        assert brief.save_as() is False
    warning.assert_called_once()
    message = warning.call_args.args[2]
    assert str(target) in message and "Traceback" not in message
    assert not target.exists()


def test_cancelled_save_dialog_writes_nothing(brief, tmp_path):
    tmp_path = tmp_path / "saved"
    tmp_path.mkdir()
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=("", "")):
        assert brief.save_as() is False
    assert list(tmp_path.iterdir()) == []


def test_paper_switch_to_letter_rebuilds_with_letter_pages(brief):
    assert_size(pdf_pages(brief.pdf_bytes)[0], A4)
    before = brief.pdf_bytes
    brief.paper_box.setCurrentIndex(brief.paper_box.findData("letter"))
    brief.paper_box.activated.emit(brief.paper_box.currentIndex())
    assert brief.paper == "letter" and brief.pdf_bytes != before
    for size in pdf_pages(brief.pdf_bytes):
        assert_size(size, LETTER)
    assert len(brief.page_images) == brief.page_count()
    assert pp._paper_setting() == "letter"  # remembered for the next preview


def test_language_switch_rebuilds_in_the_other_language(brief):
    other = "en" if brief.lang == "ru" else "ru"
    brief.lang_box.setCurrentIndex(brief.lang_box.findData(other))
    brief.lang_box.activated.emit(brief.lang_box.currentIndex())
    assert brief.lang == other
    text = pdf_text(brief.pdf_bytes)
    assert ("Meeting brief" if other == "en" else "Памятка к встрече") in text


def test_failed_rebuild_keeps_the_shown_document(context):
    data = pp.run_build(None, lambda progress: build_account_plan(
        context.account, None, lang="en", paper="a4", today=TODAY), "…")

    def broken(lang, paper, progress):
        raise RuntimeError("font file missing: DejaVuSans.ttf")

    dialog = PrintPreviewDialog(data, "t", "t.pdf", None, rebuild=broken, lang="en", paper="a4")
    dialog.show()
    with mock.patch.object(QMessageBox, "warning") as warning:
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("letter"))
        dialog.paper_box.activated.emit(dialog.paper_box.currentIndex())
    warning.assert_called_once()
    assert "font file missing" in warning.call_args.args[2]
    assert dialog.paper == "a4" and dialog.paper_box.currentData() == "a4"
    assert dialog.pdf_bytes == data
    dialog.close()


def test_print_to_a_pdf_printer(brief, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert brief.print_to(printer) is True
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    pages = pdf_pages(data)
    assert len(pages) == brief.page_count()
    assert_size(pages[0], A4)
    pdf = pdfium.PdfDocument(data)
    try:
        assert ink(pp.render_page(pdf[0], 0.5)) > 200
    finally:
        pdf.close()


def test_print_button_goes_through_the_print_dialog_with_letter_paper(brief, tmp_path):
    brief.paper_box.setCurrentIndex(brief.paper_box.findData("letter"))
    brief.paper_box.activated.emit(brief.paper_box.currentIndex())
    out = tmp_path / "printed.pdf"

    FakePrintDialog = print_dialog_to(out)
    with mock.patch.object(pp, "QPrintDialog", FakePrintDialog):
        assert brief.print_document() is True
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == brief.page_count()
    assert_size(pages[0], LETTER)


def test_open_in_pdf_viewer_writes_a_temp_file(brief):
    with mock.patch.object(QDesktopServices, "openUrl", return_value=True) as open_url:
        assert brief.open_in_viewer() is True
    path = Path(open_url.call_args.args[0].toLocalFile())
    assert path.name == brief.suggested_name
    assert path.read_bytes() == brief.pdf_bytes
    with mock.patch.object(QDesktopServices, "openUrl", return_value=False), \
            mock.patch.object(QMessageBox, "warning") as warning:
        assert brief.open_in_viewer() is False
    warning.assert_called_once()


def test_keyboard_ctrl_s_saves_and_escape_closes(brief, qtbot, tmp_path, monkeypatch):
    assert brief.save_button.shortcut() == QKeySequence("Ctrl+S")
    assert brief.print_button.shortcut() == QKeySequence("Ctrl+P")
    target = tmp_path / "keys.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    brief.activateWindow()
    qtbot.waitUntil(brief.isActiveWindow)
    QTest.keyClick(brief, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == brief.pdf_bytes
    QTest.keyClick(brief, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not brief.isVisible())


# ---------------------------------------------------------------------- the worker
def test_plan_progress_reaches_the_progress_dialog(context, monkeypatch):
    values: list[tuple[int, int]] = []

    class Recording(pdf_build.QProgressDialog):
        def setValue(self, value):  # noqa: N802
            values.append((value, self.maximum()))
            super().setValue(value)

    monkeypatch.setattr(pdf_build, "QProgressDialog", Recording)
    dialog = pp.print_account_plan(None, context, today=TODAY)
    assert dialog is not None and dialog.page_count() >= 2
    total = len(SECTIONS) + LAYOUT_STEPS  # a step a section, then the layout in steps
    assert values[0] == (0, total) and values[-1] == (total, total)
    done = [v for v, _ in values]
    assert done == sorted(set(done))  # forward, one report a step
    assert done[:len(SECTIONS) + 1] == list(range(len(SECTIONS) + 1))
    assert any(len(SECTIONS) < v < total for v in done)  # the layout reports as it goes
    dialog.close()


def test_building_runs_off_the_ui_thread_on_a_deep_copy(context):
    seen = {}

    def build(progress):
        seen["thread"] = threading.current_thread()
        progress(0, 1)
        return b"%PDF-fake"

    assert pp.run_build(None, build, "…") == b"%PDF-fake"
    assert seen["thread"] is not threading.main_thread()

    # the preview's builder works on its own copy: editing the account meanwhile is safe
    copies = []
    with mock.patch("accountmap.briefing.account_plan.build_account_plan",
                    side_effect=lambda account, *a, **k: copies.append(account) or b"") as built, \
            mock.patch.object(pp, "PrintPreviewDialog"):
        pp.print_account_plan(None, context, today=TODAY)
    built.assert_called_once()
    assert copies[0] == context.account and copies[0] is not context.account


def test_cancel_stops_the_build_and_shows_nothing(qtbot):
    steps = []
    release = threading.Event()

    def slow(progress):
        for i in range(10_000):
            steps.append(i)
            progress(i, 10_000)
            release.wait(0.001)
        return b"never"

    runner = BuildRunner(None, slow, "…")
    # as the Cancel button does
    runner.progressed.connect(lambda done, total: runner.progress_dialog.canceled.emit())
    with mock.patch.object(QMessageBox, "warning") as warning:
        assert runner.run() is None
    assert runner.cancelled
    assert pdf_build._thread_pool().waitForDone(10_000)
    assert len(steps) < 10_000  # the worker stopped at its next progress report
    warning.assert_not_called()


def test_the_garbage_collector_never_runs_on_the_worker(qtbot):
    """A collection started by the worker's allocations freed the UI's dead Qt objects on
    the worker thread while the UI thread delivered events to them: a segmentation fault
    (CI, test_keyboard_ctrl_s_saves_and_escape_closes). The collector is off while a build
    runs and on again, on the UI thread, once the worker has ended, a cancelled one too."""
    import gc

    assert gc.isenabled()
    seen = []

    def build(progress):
        seen.append(gc.isenabled())
        progress(0, 1)
        return b"%PDF-fake"

    assert pp.run_build(None, build, "…") == b"%PDF-fake"
    assert seen == [False]
    qtbot.waitUntil(gc.isenabled)  # given back once the worker's last signal arrives

    # cancelled: the worker goes on until its next report; the collector stays off till then
    going_on, finished = threading.Event(), threading.Event()

    def slow(progress):
        progress(0, 2)
        going_on.wait(10)
        seen.append(gc.isenabled())
        finished.set()
        return b"late"

    runner = BuildRunner(None, slow, "…")
    runner.progressed.connect(lambda done, total: runner.progress_dialog.canceled.emit())
    assert runner.run() is None and runner.cancelled
    assert not gc.isenabled()  # the worker is still building
    going_on.set()
    assert finished.wait(10)
    qtbot.waitUntil(gc.isenabled)
    assert seen == [False, False]


def test_build_error_is_one_clear_message(qtbot):
    def broken(progress):
        raise ValueError("the roadmap has a loop")

    with mock.patch.object(QMessageBox, "warning") as warning:
        assert pp.run_build(None, broken, "…") is None
    warning.assert_called_once()
    message = warning.call_args.args[2]
    assert "the roadmap has a loop" in message and "Traceback" not in message


# ---------------------------------------------------------------------- main window
def dialogs(w: MainWindow) -> list[PrintPreviewDialog]:
    return [d for d in w.findChildren(PrintPreviewDialog) if d.isVisible()]


def test_account_menu_prints_the_plan_and_the_next_briefing(window):
    menu_texts = [a.text() for a in window.account_menu.actions()]
    assert window.act_print_plan.text() in menu_texts
    assert window.act_print_brief.text() in menu_texts
    assert window.act_print_plan.shortcut() == QKeySequence("Ctrl+Shift+P")
    assert window.act_print_brief.shortcut() == QKeySequence("Ctrl+P")
    assert window.act_print_plan.isEnabled() and window.act_print_brief.isEnabled()

    window.act_print_brief.trigger()
    (brief,) = dialogs(window)
    assert brief.page_count() >= 1 and brief.page_images
    text = pdf_text(brief.pdf_bytes)
    assert "26.11.2026" in text  # the first meeting on or after 23.11.2026
    brief.close()

    window.act_print_plan.trigger()
    (plan,) = dialogs(window)
    assert plan.page_count() > 2
    assert window.document.account_name(window.account_id) in plan.windowTitle()
    plan.close()


def test_no_upcoming_meeting_is_a_message_not_a_crash(window, monkeypatch):
    monkeypatch.setattr(pp, "_today", lambda: dt.date(2031, 1, 1))
    with mock.patch.object(QMessageBox, "information") as info:
        window.act_print_brief.trigger()
    info.assert_called_once()
    message = info.call_args.args[2]
    assert window.document.account_name(window.account_id) in message
    assert "no meeting" in message
    assert dialogs(window) == []


def test_print_actions_disabled_without_an_account(qtbot):
    make_application("en")
    w = MainWindow()
    qtbot.addWidget(w)
    assert not w.act_print_plan.isEnabled() and not w.act_print_brief.isEnabled()
    assert w.print_account_plan() is None and w.print_next_briefing() is None


def test_ctrl_p_in_the_preview_prints_not_the_main_window(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "keys-printed.pdf"

    FakePrintDialog = print_dialog_to(out)
    monkeypatch.setattr(pp, "QPrintDialog", FakePrintDialog)
    window.act_print_plan.trigger()
    (plan,) = dialogs(window)
    plan.activateWindow()
    qtbot.waitUntil(plan.isActiveWindow)
    QTest.keyClick(plan, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(out.exists)
    assert len(pdf_pages(out.read_bytes())) == plan.page_count()
    assert dialogs(window) == [plan]  # no second preview from the main window's Ctrl+P
    plan.close()


def test_a_second_request_while_building_is_ignored(qtbot):
    inner = []

    def build(progress):
        progress(0, 1)
        return b"%PDF-outer"

    runner = BuildRunner(None, build, "…")
    runner.progressed.connect(lambda *_: inner.append(pp.run_build(None, lambda p: b"x", "…")))
    assert runner.run() == b"%PDF-outer"
    assert inner == [None]
    assert pp.run_build(None, lambda p: b"%PDF-again", "…") == b"%PDF-again"


def test_on_the_meetings_page_ctrl_p_prints_the_selected_meeting(window):
    from accountmap.panels.meetings import MeetingsPage

    index = next(i for i, p in enumerate(window.pages) if isinstance(p, MeetingsPage))
    window.tabs.setCurrentIndex(index)
    page = window.tabs.widget(index)
    page.focus_entity("meeting", "mt-audit-defense")  # 08.10.2026: in the past
    assert page.selected_ids() == ["mt-audit-defense"]
    window.act_print_brief.trigger()
    (brief,) = dialogs(window)
    text = pdf_text(brief.pdf_bytes)
    assert "08.10.2026" in text and "26.11.2026" not in text.split("Риски")[0]
    brief.close()
    page.table.clearSelection()  # nothing selected: the next meeting, as elsewhere
    window.act_print_brief.trigger()
    (brief,) = dialogs(window)
    assert "26.11.2026" in pdf_text(brief.pdf_bytes)
    brief.close()


def test_meetings_context_menu_prints_the_brief_of_the_meeting_under_it(window):
    from accountmap.panels.meetings import MeetingsPage

    index = next(i for i, p in enumerate(window.pages) if isinstance(p, MeetingsPage))
    window.tabs.setCurrentIndex(index)
    page = window.tabs.widget(index)
    page.focus_entity("meeting", "mt-finance")
    menu = page.context_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0] == "Briefing for the meeting…" and all(a.isEnabled() for a in menu.actions())
    menu.actions()[0].trigger()
    (brief,) = dialogs(window)
    assert "10.12.2026" in pdf_text(brief.pdf_bytes)
    brief.close()
    menu.close()
