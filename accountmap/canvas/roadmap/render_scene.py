"""The roadmap drawn offscreen: the same scene class the Roadmap tab uses, for
`accountmap render --view roadmap` and for tests (PNG via QImage, SVG via QSvgGenerator)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from accountmap.document.context import AccountContext
from accountmap.canvas.roadmap.scene import RoadmapScene

MARGIN = 40.0


def build_scene(document, editor, account_id: str) -> QGraphicsScene:
    """A RoadmapScene of the account (not listening to later changes)."""
    context = AccountContext(document, editor, account_id)
    scene = RoadmapScene(context, listen=False)
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 400, 200)
    scene.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
    return scene


def render_png(scene: QGraphicsScene, path, scale: float = 1.0) -> QSize:
    rect = scene.sceneRect()
    size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
    painter.end()
    image.save(str(path))
    return size


def render_svg(scene: QGraphicsScene, path, title: str = "Roadmap") -> None:
    from PySide6.QtSvg import QSvgGenerator

    rect = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), Qt.GlobalColor.white)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
