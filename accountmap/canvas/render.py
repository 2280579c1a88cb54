"""The one renderer of canvas scenes without a window: PNG, SVG (text stays text) or PDF.

`render_account(document, editor, account_id, view, out)` builds the SAME scene the page
shows (the map in render mode, no handles nor hover, with its legend; or the roadmap) and
writes the file. Used by `accountmap render`, the tests and the screenshot scripts.
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
    from accountmap.document.context import AccountContext
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


def write_scene(scene, out: Path, fmt: str | None = None, *, title: str = "",
                scale: float | None = None) -> Path:
    """Write `scene` (its items, with a margin) to `out`; `fmt` from the suffix when not
    given. A PNG is drawn at `scale` pixels per scene unit (default: up to 2, at most
    MAX_PNG_SIDE pixels a side)."""
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
        if scale is None:
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
                   fmt: str | None = None, step=None) -> Path:
    """`step()`, when given, is called once the scene is built, before it is drawn (a
    progress dialog's step; it may raise to stop the work)."""
    if view == "map":
        scene = build_map_scene(document, editor, account_id)
    elif view == "roadmap":
        scene = build_roadmap_scene(document, editor, account_id)
    else:
        raise ValueError(view)
    if step is not None:
        step()
    return write_scene(scene, out, fmt, title=document.account_name(account_id))


def build_roadmap_scene(document, editor, account_id):
    """The roadmap scene of `account_id`, as drawn on screen (not listening to later
    changes)."""
    from PySide6.QtCore import QRectF

    from accountmap.canvas.roadmap.scene import RoadmapScene
    from accountmap.document.context import AccountContext

    scene = RoadmapScene(AccountContext(document, editor, account_id), listen=False)
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 400, 200)
    scene.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
    return scene
