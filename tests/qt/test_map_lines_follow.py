"""A card's lines follow it wherever it is moved from: one card moved by a command, its
undo and redo, the arrow keys, a decision centre moved with its people, many cards at
once. (Cards tell no Qt change to Python: `CardItem.setPos` moves the lines; a drag's
steps are the scene's own, tested with the drag.)"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.accountmap.scene import AccountMapScene
from tests.qt.demo_window import show_page, window  # noqa: F401 - a fixture


def drawn(edge) -> tuple:
    return (edge.line.p1().toTuple(), edge.line.p2().toTuple(),
            tuple(p.toTuple() for p in edge.points))


def assert_lines_where_their_cards_are(scene: AccountMapScene, cards) -> None:
    """Each line of `cards` is drawn as it would be computed now (and so touches them)."""
    lines = {edge for card in cards for edge in card.edges}
    assert lines
    for edge in lines:
        before = drawn(edge)
        edge.update_geometry()
        assert drawn(edge) == before, edge.relationship.id


def test_lines_follow_their_cards_however_they_move(window):  # noqa: F811 - the fixture
    page = show_page(window, AccountMapPage)
    scene, editor, undo = page.scene, window.editor, window.document.undo_stack
    aid = window.account_id
    card = next(c for c in scene.cards.values() if len(c.edges) >= 2)
    start = card.pos()
    ends = {edge: drawn(edge) for edge in card.edges}

    editor.move(aid, {card.key: (start.x() + 200, start.y() + 120)})  # one row
    assert card.pos() == start + QPointF(200, 120)
    assert all(drawn(edge) != ends[edge] for edge in card.edges)
    assert_lines_where_their_cards_are(scene, [card])
    undo.undo()
    assert card.pos() == start
    assert_lines_where_their_cards_are(scene, [card])
    QTest.qWait(50)  # lines are routed around the cards in their way again meanwhile
    assert {edge: drawn(edge) for edge in card.edges} == ends
    undo.redo()
    assert_lines_where_their_cards_are(scene, [card])

    scene.clearSelection()
    card.setSelected(True)
    page.view.setFocus()
    at = card.pos()
    QTest.keyClick(page.view.viewport(), Qt.Key.Key_Right)  # a nudge
    assert card.pos().x() > at.x()
    assert_lines_where_their_cards_are(scene, [card])

    centre = next(c for c in scene.centres.values()
                  if any(k.edges for k in scene.cards_in_centre(c.entity_id)))
    members = [k for k in scene.cards_in_centre(centre.entity_id) if k.edges]
    was = {k: k.pos() for k in members}
    scene.clearSelection()
    page.view.centerOn(centre)
    viewport = page.view.viewport()
    grab = page.view.mapFromScene(centre.pos() + QPointF(12, 10))  # its title band
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
    for step in range(1, 11):  # the frame dragged with the mouse: its people go with it
        QTest.mouseMove(viewport, grab + QPoint(12 * step, 6 * step))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       grab + QPoint(120, 60))
    assert all(k.pos() != was[k] for k in members)
    assert_lines_where_their_cards_are(scene, members)

    people = window.document.account(aid).stakeholders
    assert len(people) < AccountMapScene.MANY  # this path is the one of a few cards
    editor.move(aid, {("stakeholders", p.id): (p.x + 40, p.y + 40) for p in people})
    assert_lines_where_their_cards_are(scene, scene.cards.values())
