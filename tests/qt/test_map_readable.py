"""The demo's map after auto-layout reads: edge labels are never stacked on each other nor
on a frame's title (a label with no free spot is left to the tooltip, which holds the whole
text), and "Fit" keeps the cards clear of the legend in the corner of the view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtTest import QTest

from accountmap.app.application import make_application
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.layout.sizes import CENTRE_HEADER
from tests.qt.demo_window import open_on_page


@pytest.fixture
def demo_map(tmp_path, qtbot):
    from accountmap.storage.demo import write_demo

    make_application("ru")
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    window, page = open_on_page(qtbot, path, AccountMapPage)
    page.act_arrange.trigger()
    page.act_zoom_fit.trigger()
    QTest.qWait(20)
    return window, page


def shown_labels(page):
    return [e.label_item for e in page.scene.edges.values()
            if e.label_item is not None and e.label_item.isVisible()]


def test_edge_labels_are_never_stacked_nor_on_a_frame_title(demo_map):
    window, page = demo_map
    labels = shown_labels(page)
    assert labels  # the demo has labelled relationships that do show
    boxes = [label.sceneBoundingRect().adjusted(1, 1, -1, -1) for label in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b)
    titles = [QRectF(c.pos().x(), c.pos().y(), c.size.width(), CENTRE_HEADER)
              for c in page.scene.centres.values()]
    for box in boxes:
        assert not any(box.intersects(t) for t in titles)
    for edge in page.scene.edges.values():
        if edge.relationship.label:
            assert edge.relationship.label in edge.toolTip()


def test_fit_keeps_the_cards_clear_of_the_legend(demo_map):
    window, page = demo_map
    legend = page.view.legend_rect()
    assert legend is not None and not legend.isEmpty()
    for card in page.scene.cards.values():
        on_screen = page.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        assert not on_screen.intersects(legend), card.person.full_name


def test_far_out_edge_labels_are_dropped_and_names_drawn_large(demo_map):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from accountmap.canvas.accountmap.items.edge import LABEL_MIN_ZOOM

    window, page = demo_map
    label = next(iter(shown_labels(page)))
    card = next(iter(page.scene.cards.values()))

    def draws(item, scale):
        image = QImage(400, 200, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.scale(scale, scale)
        item.paint(painter, QStyleOptionGraphicsItem())
        painter.end()
        return any(image.pixel(x, y) for x in range(0, 400, 2) for y in range(0, 200, 2))

    assert draws(label, 1.0)
    assert not draws(label, LABEL_MIN_ZOOM / 2)
    assert draws(card, 0.25)  # the card still shows (its name, large)
