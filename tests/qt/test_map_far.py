"""Level of detail on big maps: far out a card is a plain coloured block and a line a thin
plain stroke (a few pixels could not hold a name); nearer, names are drawn large and the
details dropped; near, everything."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from accountmap.canvas.accountmap.items import CardItem
from accountmap.canvas.accountmap.items.edge import SKETCH_ZOOM
from tests.qt.test_map_readable import demo_map  # noqa: F401 - the fixture


def painted_colours(item, scale: float) -> set[int]:
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.translate(20, 20)
    painter.scale(scale, scale)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    return {image.pixel(x, y) for x in range(400) for y in range(300)} - {0}


def test_far_out_a_card_is_a_plain_block_of_its_colour(demo_map):
    window, page = demo_map
    card = max(page.scene.cards.values(), key=lambda c: len(c.person.full_name))
    far = painted_colours(card, CardItem.SHAPE_ONLY_ZOOM * 0.9)
    assert QColor(card.fill).rgba() in far
    assert len(far) <= 2  # the fill and its border: no text, no badges
    mid = painted_colours(card, 0.25)  # the name, large: antialiased text has many shades
    assert len(mid) > 6
    near = painted_colours(card, 1.0)
    assert len(near) > len(mid)


def test_far_out_lines_are_thin_plain_strokes(demo_map):
    window, page = demo_map
    edge = next(e for e in page.scene.edges.values() if e.has_arrow())
    far = painted_colours(edge, SKETCH_ZOOM * 0.5)
    assert far and len(far) <= 1  # one pen colour, no antialiasing, no arrow head shading
