"""Level of detail on big maps: far out a card is a plain coloured block and a line a thin
plain stroke (a few pixels could not hold a name); nearer, names are drawn large and the
details dropped; near, everything."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from accountmap.canvas.accountmap.items import CardItem
from accountmap.canvas.accountmap.items.edge import SKETCH_ZOOM
from accountmap.canvas.common.view import MIN_ZOOM
from accountmap.domain.models import Stakeholder
from tests.qt.test_map_drag_freeze import press_and_move
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


def test_far_out_cards_show_no_connect_handles_and_nearer_they_do(demo_map):
    """Below SKETCH_ZOOM a handle is a speck of a pixel no one can grab: not shown (nor
    painted, nor moved with its card); a card added meanwhile has none; nearer, each card
    has its handle again. And far out the scene keeps no index (a paint covers the whole
    map; Arrange and drops need not turn it off and build it again): nearer it does."""
    window, page = demo_map
    scene, view = page.scene, page.view
    bsp, none = scene.ItemIndexMethod.BspTreeIndex, scene.ItemIndexMethod.NoIndex
    assert view.zoom >= SKETCH_ZOOM
    assert all(card.handle.isVisible() for card in scene.cards.values())
    assert scene.itemIndexMethod() == bsp
    view.set_zoom(MIN_ZOOM)
    assert view.zoom < SKETCH_ZOOM
    assert not any(card.handle.isVisible() for card in scene.cards.values())
    assert scene.itemIndexMethod() == none
    added = window.editor.add(window.account_id, "stakeholders", Stakeholder(full_name="Новиков Пётр"))
    card = scene.cards[added]
    assert not card.handle.isVisible() and card.isVisible()
    with scene.moving_many(scene.MANY) as lines:  # as Arrange: the scene stays as it rests
        lines()
    assert scene.itemIndexMethod() == none
    assert scene.card_at(card.pos() + QPointF(20, 20)) is card  # found without an index
    view.set_zoom(0.8)
    assert all(card.handle.isVisible() for card in scene.cards.values())
    assert scene.itemIndexMethod() == bsp
    with scene.moving_many(scene.MANY) as lines:
        lines()
    assert scene.itemIndexMethod() == bsp
    assert scene.card_at(card.pos() + QPointF(20, 20)) is card
    # a zoom not made by set_zoom (a fit) is seen at the view's next paint
    view.scale(0.1, 0.1)
    assert view.zoom < SKETCH_ZOOM
    view.viewport().repaint()
    QTest.qWait(20)
    assert not any(card.handle.isVisible() for card in scene.cards.values())
    assert scene.itemIndexMethod() == none
    # a drag far out ends with the scene as it rests far out: no index
    card = next(iter(scene.cards.values()))
    before = card.pos()
    end = press_and_move(page, card)
    assert scene.dragging
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert not scene.dragging and card.pos() != before
    assert scene.itemIndexMethod() == none
