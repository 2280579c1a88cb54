"""PDF pages for the screen and the printer (PDFium, via pypdfium2: PySide6-Essentials
has no QtPdf): a page as an image, the page sizes, printing every page, and a file name
safe on every system. PDFium is only ever called from the UI thread."""

from __future__ import annotations

import re
import sys

import pypdfium2 as pdfium
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI_MAX = 300  # pages go to the printer as images at most this fine (memory)


def render_page(page: pdfium.PdfPage, scale: float) -> QImage:
    """One page as an opaque RGB image, `scale` pixels per PDF point."""
    # BGRx bytes are Qt's native RGB32 on little-endian machines (no conversion for pixmaps)
    little = sys.byteorder == "little"
    bitmap = page.render(scale=scale, rev_byteorder=not little, prefer_bgrx=True,
                         fill_color=(255, 255, 255, 255), optimize_mode="lcd")
    try:
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB32 if little else QImage.Format.Format_RGBX8888)
        return image.copy()  # own the pixels: the bitmap is freed below
    finally:
        bitmap.close()


def page_sizes(pdf: pdfium.PdfDocument) -> list[tuple[float, float]]:
    return [tuple(pdf[i].get_size()) for i in range(len(pdf))]


def print_pdf(pdf_bytes: bytes, printer: QPrinter) -> bool:
    """Paint every page of the PDF on `printer`; False if the printer could not start."""
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        sizes = page_sizes(pdf)
        if sizes:
            w, h = sizes[0]
            size = QPageSize(QSizeF(w, h), QPageSize.Unit.Point, "",
                             QPageSize.SizeMatchPolicy.FuzzyMatch)
            orientation = (QPageLayout.Orientation.Landscape if w > h
                           else QPageLayout.Orientation.Portrait)
            printer.setPageSize(size)
            printer.setPageOrientation(orientation)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            dpi = min(printer.resolution(), PRINT_DPI_MAX)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)  # full page: origin 0, 0
            for index in range(len(pdf)):
                if index:
                    printer.newPage()
                image = render_page(pdf[index], dpi / 72.0)
                fitted = QSizeF(image.size()).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRectF(QPointF((paper.width() - fitted.width()) / 2, 0), fitted)
                painter.drawImage(target, image)
        finally:
            painter.end()
    finally:
        pdf.close()
    return True


def safe_file_name(name: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    return name[:150] or "AccountMap"
