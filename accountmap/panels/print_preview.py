"""Print preview of the briefings: the meeting brief and the account plan.

The PDF is built off the UI thread (reportlab, from deep copies of the domain objects) with
a progress dialog that can be cancelled (`pdf_build`); the preview renders its pages with
PDFium (`pdf_pages`), saves it, prints it or opens it in the system's PDF viewer. PDFium
is only ever called from the UI thread (it is not thread-safe); the worker thread only
runs reportlab.

Entry points: `print_meeting_brief(parent, context, meeting_id)` and
`print_account_plan(parent, context)`, `print_next_meeting_brief(parent, context)`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accountmap.domain import clock
from accountmap.panels.pdf_build import run_build
from accountmap.panels.pdf_pages import page_sizes, print_pdf, render_page, safe_file_name
from accountmap.storage.atomic_write import write_atomically

# build(lang, paper, progress) -> PDF bytes; runs on a worker thread.
Builder = Callable[[str, str, Callable[[int, int], None]], bytes]

PAPERS = (("a4", "A4"), ("letter", "Letter"))
LANGUAGES = (("ru", "Русский"), ("en", "English"))  # each in its own language
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.25, 4.0, 1.25
PAGE_GAP = 16
EAGER_PAGES = 30  # a longer document draws its pages as they scroll into view


def tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


def _today() -> dt.date:
    return clock.today()  # asked when the user prints, not when the window was built


# ---------------------------------------------------------------------- dialog
class PrintPreviewDialog(QDialog):
    """The pages of a PDF, with zoom, Save as PDF, Print and Open in PDF viewer; the paper
    and language choosers rebuild the document through `rebuild(lang, paper, progress)`."""

    def __init__(self, pdf_bytes: bytes, title: str, suggested_name: str,
                 parent: QWidget | None = None, *, rebuild: Builder | None = None,
                 lang: str = "ru", paper: str = "a4") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.suggested_name = suggested_name
        self.rebuild = rebuild
        self.lang = lang
        self.paper = paper
        self.pdf_bytes = b""
        self.page_images: list[QImage | None] = []  # None: not drawn yet (long documents)
        self._pdf: pdfium.PdfDocument | None = None
        self._sizes: list[tuple[float, float]] = []
        self._fit_width = True
        self._zoom = 1.0  # 1.0 = the page at its real size on screen

        self.paper_box = QComboBox()
        for value, text in PAPERS:
            self.paper_box.addItem(text, value)
        self.paper_box.setToolTip(self.tr("Paper size (the document is laid out again)"))
        self.lang_box = QComboBox()
        for value, text in LANGUAGES:
            self.lang_box.addItem(text, value)
        self.lang_box.setToolTip(self.tr("Language of the document"))
        self._select(self.paper_box, paper)
        self._select(self.lang_box, lang)
        self.paper_box.activated.connect(lambda _i: self._options_changed())
        self.lang_box.activated.connect(lambda _i: self._options_changed())
        for box in (self.paper_box, self.lang_box):
            box.setEnabled(rebuild is not None)

        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.clicked.connect(self.zoom_fit)
        self.actual_button = QToolButton()
        self.actual_button.setText(self.tr("100%"))
        self.actual_button.setToolTip(self.tr("Real size"))
        self.actual_button.clicked.connect(self.zoom_actual)
        self.out_button = QToolButton()
        self.out_button.setText("−")
        self.out_button.setToolTip(self.tr("Zoom out"))
        self.out_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.out_button.clicked.connect(self.zoom_out)
        self.in_button = QToolButton()
        self.in_button.setText("+")
        self.in_button.setToolTip(self.tr("Zoom in"))
        self.in_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.in_button.clicked.connect(self.zoom_in)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages_label = QLabel()

        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_in_viewer)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.open_button, self.print_button, self.close_button):
            button.setAutoDefault(False)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Paper:")))
        bar.addWidget(self.paper_box)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Language:")))
        bar.addWidget(self.lang_box)
        bar.addSpacing(16)
        for widget in (self.fit_button, self.actual_button, self.out_button, self.zoom_label,
                       self.in_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)

        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("printPreviewPages")
        self.pages_widget.setStyleSheet("#printPreviewPages { background: #6b7480; }")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setSpacing(4)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_widget)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # Always shown: a bar appearing would narrow the view and re-fit the width.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._draw_visible())
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(80)
        self._resize_timer.timeout.connect(self._refit)
        self._rendered_scale = 0.0

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.open_button, self.print_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.resize(900, 1000)
        self.set_pdf(pdf_bytes)

    # ------------------------------------------------------------------ document
    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def set_pdf(self, pdf_bytes: bytes) -> None:
        pdf = pdfium.PdfDocument(bytes(pdf_bytes))
        if self._pdf is not None:
            self._pdf.close()
        self._pdf = pdf
        self.pdf_bytes = bytes(pdf_bytes)
        self._sizes = page_sizes(pdf)
        count = len(self._sizes)
        self.pages_label.setText(self.tr("Pages: %1").replace("%1", str(count)))
        self._rendered_scale = 0.0
        if self.isVisible():
            self._render()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._refit()

    def page_count(self) -> int:
        return len(self._sizes)

    def _options_changed(self) -> None:
        paper = self.paper_box.currentData()
        lang = self.lang_box.currentData()
        if (paper, lang) == (self.paper, self.lang) or self.rebuild is None:
            return
        rebuild = self.rebuild
        data = run_build(self, lambda progress: rebuild(lang, paper, progress),
                         self.tr("Laying out the document again…"))
        if data is None:  # cancelled or failed: keep what is shown
            self._select(self.paper_box, self.paper)
            self._select(self.lang_box, self.lang)
            return
        self.paper, self.lang = paper, lang
        QSettings().setValue("printPreview/paper", paper)
        self.set_pdf(data)

    # ------------------------------------------------------------------ zoom and pages
    def _screen_scale(self) -> float:
        """Pixels per PDF point at 100%."""
        return self.logicalDpiX() / 72.0

    def _scale(self) -> float:
        if self._fit_width and self._sizes:
            widest = max(w for w, _h in self._sizes)
            room = self.scroll.viewport().width() - 2 * PAGE_GAP - 2
            self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, room / (widest * self._screen_scale())))
        return self._zoom * self._screen_scale()

    def zoom_percent(self) -> int:
        return round(self._zoom * 100)

    def _set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self.fit_button.setChecked(False)
        self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._render()

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom / ZOOM_STEP)

    def zoom_actual(self) -> None:
        self._set_zoom(1.0)

    def zoom_fit(self) -> None:
        self._fit_width = True
        self.fit_button.setChecked(True)
        self._render()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize
                and self._fit_width):
            self._resize_timer.start()
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._draw_visible()  # more of the document may be in view
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        """Render again if the pages' scale changed (or never rendered)."""
        if abs(self._scale() - self._rendered_scale) > 1e-3:
            self._render()

    def _render(self) -> None:
        bar = self.scroll.verticalScrollBar()
        where = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.page_images = []
        if self._pdf is None:
            return
        scale = self._scale()
        self._rendered_scale = scale
        ratio = self.devicePixelRatioF()
        count = len(self._sizes)
        self._page_labels = []
        eager = count <= EAGER_PAGES
        for index in range(count):
            page = QLabel()
            if eager:
                self._draw_page(page, index, scale, ratio)
            else:  # drawn when scrolled into view (_draw_visible)
                self.page_images.append(None)
                width, height = self._sizes[index]
                page.setFixedSize(round(width * scale) + 2, round(height * scale) + 2)
            self._page_labels.append(page)
            page.setStyleSheet("background: white; border: 1px solid #3e4650;")
            page.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            caption = QLabel(self.tr("Page %1 of %2").replace("%1", str(index + 1))
                             .replace("%2", str(count)))
            caption.setStyleSheet("color: white;")
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages_layout.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
            page.show()  # at once, not on the next turn of the event loop
            caption.show()
            self.pages_layout.addSpacing(PAGE_GAP - 4)
        self.pages_layout.addStretch(1)
        self.zoom_label.setText(f"{self.zoom_percent()}%")
        self.pages_layout.activate()
        self.pages_widget.resize(self.pages_widget.sizeHint().expandedTo(self.scroll.viewport().size()))
        bar.setValue(round(where * bar.maximum()))  # the same place in the document
        self._draw_visible()

    def _draw_page(self, page: QLabel, index: int, scale: float, ratio: float) -> None:
        image = render_page(self._pdf[index], scale * ratio)
        image.setDevicePixelRatio(ratio)
        if index < len(self.page_images):
            self.page_images[index] = image
        else:
            self.page_images.append(image)
        page.setPixmap(QPixmap.fromImage(image))

    def _draw_visible(self) -> None:
        """Draw the pages in view and a screen around them, not yet drawn. A long document
        (an account plan at the limits has some 230 pages) is not drawn whole on opening:
        that froze the window for 8 s and took 460 MB."""
        if self._pdf is None or not getattr(self, "_page_labels", None):
            return
        viewport = self.scroll.viewport()
        top = self.scroll.verticalScrollBar().value() - viewport.height()
        bottom = top + 3 * viewport.height()
        scale, ratio = self._rendered_scale, self.devicePixelRatioF()
        for index, page in enumerate(self._page_labels):
            if self.page_images[index] is not None:
                continue
            y = page.y()
            if y + page.height() >= top and y <= bottom:
                self._draw_page(page, index, scale, ratio)

    # ------------------------------------------------------------------ output
    def _last_dir(self) -> str:
        folder = QSettings().value("printPreview/lastDir")
        if isinstance(folder, str) and Path(folder).is_dir():
            return folder
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs if docs and Path(docs).is_dir() else str(Path.home())

    def save_as(self) -> bool:
        start = str(Path(self._last_dir()) / self.suggested_name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), start,
                                              self.tr("PDF documents (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        target = Path(path)
        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.output_guard import write_output

        try:  # never over a workspace or a file a window holds (see output_guard)
            write_output(target, self.pdf_bytes)
        except WorkspaceError as exc:
            from accountmap.document.interface_language import ui_language

            QMessageBox.warning(self, self.tr("Save as PDF"), exc.message(ui_language()))
            return False
        QSettings().setValue("printPreview/lastDir", str(target.parent))
        return True

    def print_to(self, printer: QPrinter) -> bool:
        """Paint the document on `printer` (a real one, or a PDF file in the tests)."""
        if not print_pdf(self.pdf_bytes, printer):
            QMessageBox.warning(self, self.tr("Print"),
                                self.tr("The printer could not be started."))
            return False
        return True

    def print_document(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.suggested_name).stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def open_in_viewer(self) -> bool:
        try:
            folder = Path(tempfile.mkdtemp(prefix="accountmap-"))
            path = folder / self.suggested_name
            write_atomically(path, self.pdf_bytes)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Open in PDF viewer"),
                                self.tr("The PDF could not be written to a temporary file: %1")
                                .replace("%1", exc.strerror or str(exc)))
            return False
        self.opened_path = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(self, self.tr("Open in PDF viewer"),
                                self.tr("No application to open PDF files was found. "
                                        "Use “Save as PDF…” instead."))
            return False
        return True

    def done(self, result: int) -> None:
        super().done(result)
        if self._pdf is not None:
            self.page_images = []
            self._pdf.close()
            self._pdf = None


# ---------------------------------------------------------------------- entry points
def _paper_setting() -> str:
    """The paper last chosen in a preview (A4 at first)."""
    paper = QSettings().value("printPreview/paper")
    return paper if paper in dict(PAPERS) else "a4"


def _open(parent: QWidget | None, build_once: Builder, *, title: str, suggested_name: str,
          lang: str, label: str) -> PrintPreviewDialog | None:
    paper = _paper_setting()
    data = run_build(parent, lambda progress: build_once(lang, paper, progress), label)
    if data is None:
        return None
    dialog = PrintPreviewDialog(data, title, suggested_name, parent, rebuild=build_once,
                                lang=lang, paper=paper)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def print_meeting_brief(parent: QWidget | None, context, meeting_id: str,
                        today: dt.date | None = None) -> PrintPreviewDialog | None:
    """Build the brief for a meeting of the context's account and show its preview."""
    from accountmap.briefing.meeting_brief import build_meeting_brief

    account = context.account.model_copy(deep=True)
    meeting = next((m for m in account.meetings if m.id == meeting_id), None)
    if meeting is None:
        QMessageBox.information(parent, tr("Print briefing"),
                                tr("This meeting no longer exists."))
        return None
    framework = context.document.settings.journey_framework.model_copy(deep=True)
    today = today or _today()

    def build(lang: str, paper: str, progress) -> bytes:
        progress(0, 1)
        data = build_meeting_brief(account, meeting, framework, lang=lang, paper=paper,
                                   today=today)
        progress(1, 1)
        return data

    name = account.name.strip() or tr("Account")
    when = meeting.date.isoformat() if meeting.date else ""
    return _open(parent, build,
                 title=tr("Meeting briefing — %1").replace("%1", name),
                 suggested_name=safe_file_name(
                     tr("Briefing %1 %2").replace("%1", name).replace("%2", when)) + ".pdf",
                 lang=context.document.language, label=tr("Preparing the meeting briefing…"))


def print_next_meeting_brief(parent: QWidget | None, context,
                             today: dt.date | None = None) -> PrintPreviewDialog | None:
    """The brief for the account's first meeting dated today or later; a message if none."""
    from accountmap.briefing.meeting_brief import next_meeting

    today = today or _today()
    meeting = next_meeting(context.account, today)
    if meeting is None:
        name = context.account.name.strip() or tr("Account")
        QMessageBox.information(
            parent, tr("Print briefing"),
            tr("“%1” has no meeting dated today or later. Plan a meeting with a date "
               "to print its briefing.").replace("%1", name))
        return None
    return print_meeting_brief(parent, context, meeting.id, today)


def print_account_plan(parent: QWidget | None, context,
                       today: dt.date | None = None) -> PrintPreviewDialog | None:
    """Build the account plan of the context's account and show its preview."""
    from accountmap.briefing.account_plan import build_account_plan

    account = context.account.model_copy(deep=True)
    framework = context.document.settings.journey_framework.model_copy(deep=True)
    today = today or _today()

    def build(lang: str, paper: str, progress) -> bytes:
        return build_account_plan(account, framework, lang=lang, paper=paper, today=today,
                                  progress=progress)

    name = account.name.strip() or tr("Account")
    return _open(parent, build,
                 title=tr("Account plan — %1").replace("%1", name),
                 suggested_name=safe_file_name(tr("Account plan %1").replace("%1", name)) + ".pdf",
                 lang=context.document.language, label=tr("Preparing the account plan…"))
