"""Render a canvas scene without a window: PNG, SVG (text stays text) or PDF.

`render_account(path, account_name, view, out)` opens the workspace read-only, builds the
SAME scene the page shows (in render mode: no handles, no hover), adds the legend, and
writes the file. Used by `accountmap render`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FORMATS = ("png", "svg", "pdf")
MARGIN = 40.0
MAX_PNG_SIDE = 12000


def ensure_gui_application():
    """A QApplication; offscreen when there is no display."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform != "win32" \
            and sys.platform != "darwin":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def build_map_scene(document, editor, account_id, *, legend: bool = True):
    """The account-map scene for `account_id`, as drawn on screen, with its legend."""
    from accountmap.app.context import AccountContext
    from accountmap.canvas.accountmap.legend import LegendItem
    from accountmap.canvas.accountmap.scene import AccountMapScene

    context = AccountContext(document, editor, account_id)
    scene = AccountMapScene(context, render_mode=True)
    if legend:
        rect = scene.content_rect()
        item = LegendItem(scene)
        scene.addItem(item)
        item.setPos(rect.left(), rect.bottom() + 30 if not rect.isNull() else 0)
    return scene


def write_scene(scene, out: Path, fmt: str | None = None, *, title: str = "") -> Path:
    from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
    from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(fmt)
    source = scene.itemsBoundingRect()
    if source.isEmpty():
        source = QRectF(0, 0, 400, 200)
    source = source.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    hints = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
    if fmt == "png":
        scale = min(2.0, MAX_PNG_SIDE / max(source.width(), source.height()))
        image = QImage(QSize(max(1, int(source.width() * scale)), max(1, int(source.height() * scale))),
                       QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHints(hints)
        scene.render(painter, QRectF(0, 0, image.width(), image.height()), source,
                     Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        if not image.save(str(out), "PNG"):
            raise OSError(f"cannot write {out}")
    elif fmt == "svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(QSize(int(source.width()), int(source.height())))
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(title or "AccountMap")
        generator.setDescription("AccountMap account map")
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"cannot write {out}")
        painter.setRenderHints(hints)
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("#ffffff"))
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source,
                     Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
    else:
        writer = QPdfWriter(str(out))
        writer.setTitle(title or "AccountMap")
        writer.setCreator("AccountMap")
        writer.setResolution(144)
        # a page the shape of the map: its longer side A4 or A3 (for big maps)
        long_mm = 420.0 if max(source.width(), source.height()) > 1600 else 297.0
        ratio = min(source.width(), source.height()) / max(source.width(), source.height())
        short_mm = max(120.0, long_mm * ratio + 20)
        w_mm, h_mm = (long_mm, short_mm) if source.width() >= source.height() else (short_mm, long_mm)
        size = QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter, "AccountMap")
        layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(10, 10, 10, 10))
        writer.setPageLayout(layout)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write {out}")
        painter.setRenderHints(hints)
        target = QRectF(painter.viewport())
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
    return out


def render_account(document, editor, account_id: str, view: str, out: Path,
                   fmt: str | None = None) -> Path:
    if view == "map":
        scene = build_map_scene(document, editor, account_id)
    elif view == "roadmap":
        scene = build_roadmap_scene(document, editor, account_id)
    else:
        raise ValueError(view)
    return write_scene(scene, out, fmt, title=document.account_name(account_id))


class RoadmapUnavailable(Exception):
    pass


def build_roadmap_scene(document, editor, account_id):
    import importlib

    try:
        module = importlib.import_module("accountmap.canvas.roadmap.render_scene")
    except ImportError as exc:
        raise RoadmapUnavailable() from exc
    build = getattr(module, "build_scene", None)
    if build is None:
        raise RoadmapUnavailable()
    return build(document, editor, account_id)
