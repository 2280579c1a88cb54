"""The demo's map after "Arrange automatically" (clicked on the toolbar): no line runs
through a card it does not join (lines bend around them), and a card dragged away takes
its lines straight with it, routed again once dropped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from accountmap.app.application import make_application
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH
from tests.qt.demo_window import open_on_page


@pytest.fixture(params=["ru", "en"])
def arranged(request, tmp_path, qtbot):
    from accountmap.storage.demo import write_demo

    make_application(request.param)
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    window, page = open_on_page(qtbot, path, AccountMapPage)
    button = page.toolbar.widgetForAction(page.act_arrange)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    page.view.set_zoom(0.6)  # near enough for the lines to matter; the whole map in sight
    page.view.centerOn(page.scene.itemsBoundingRect().center())
    QTest.qWait(50)
    return window, page


def drawn_segments(edge) -> list[QLineF]:
    points = edge.points or [edge.line.p1(), edge.line.p2()]
    return [QLineF(a, b) for a, b in zip(points, points[1:])]


def crosses(segment: QLineF, rect: QRectF) -> bool:
    """Whether the segment passes through the inside of `rect` (sampled finely)."""
    inner = rect.adjusted(2, 2, -2, -2)
    steps = max(2, int(segment.length() / 2))
    return any(inner.contains(segment.pointAt(i / steps)) for i in range(steps + 1))


def through_cards(page) -> list[tuple[str, str]]:
    found = []
    for edge in page.scene.edges.values():
        ends = {edge.source.entity_id, edge.target.entity_id}
        for segment in drawn_segments(edge):
            for pid, card in page.scene.cards.items():
                if pid not in ends and crosses(segment, card.rect_in_scene()):
                    found.append((edge.entity_id, card.person.full_name))
    return found


def straight_through_cards(page) -> int:
    count = 0
    for edge in page.scene.edges.values():
        a = edge.source.pos() + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)
        b = edge.target.pos() + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)
        ends = {edge.source.entity_id, edge.target.entity_id}
        count += sum(1 for pid, card in page.scene.cards.items()
                     if pid not in ends and crosses(QLineF(a, b), card.rect_in_scene()))
    return count


def test_after_arrange_no_line_runs_through_a_card_it_does_not_join(arranged):
    window, page = arranged
    assert straight_through_cards(page) > 0  # drawn straight, some would
    assert through_cards(page) == []
    assert any(edge.points for edge in page.scene.edges.values())  # some do bend


def test_a_dragged_card_takes_its_lines_straight_and_they_are_routed_again_on_drop(arranged):
    from tests.qt.test_map_canvas import vp_point

    window, page = arranged
    bent = next(e for e in page.scene.edges.values() if e.points)
    card = bent.source
    viewport = page.view.viewport()
    start = vp_point(page, card.pos() + QPointF(20, CARD_HEIGHT - 12))
    QTest.mouseMove(viewport, start)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + QPointF(0, 4 * step).toPoint())
    QTest.qWait(30)
    assert not any(edge.points for edge in card.edges)  # straight while dragged
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPointF(0, 20).toPoint())
    QTest.qWait(50)
    assert card.pos() != card.model_pos() or page.context.document.undo_stack.canUndo()
    assert through_cards(page) == []  # routed again for the map as dropped
    page.context.document.undo_stack.undo()
    QTest.qWait(50)
    assert through_cards(page) == []
