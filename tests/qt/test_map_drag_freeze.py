"""A drag on a big map paints only what moves: what stays is one picture (items made
transparent, never hidden: selection stays), the dragged cards' lines follow every step,
and everything shows again on the drop, or at once if the view scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.layout.orgchart import layout_account_map
from accountmap.storage.workspace_file import WorkspaceFile
from tests.qt.demo_window import open_on_page
from tests.samples.synthetic import synthetic_account


@pytest.fixture
def big_map(tmp_path, qtbot):
    account = synthetic_account(120, centres=6, seed=3)
    layout = layout_account_map(account)
    for person in account.stakeholders:
        person.x, person.y = layout.cards[person.id]
    for centre in account.decision_centres:
        centre.x, centre.y, centre.width, centre.height = layout.centres[centre.id]
    path = tmp_path / "big.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])
    window, page = open_on_page(qtbot, path, AccountMapPage)
    page.view.set_zoom(0.6)
    # the zoom keeps what is under the mouse: where an earlier test left the pointer would
    # decide what is in sight (the map's corner, no line in it, after the drag tests)
    page.view.centerOn(page.scene.itemsBoundingRect().center())
    QTest.qWait(20)
    return window, page


def press_and_move(page, card, steps: int = 4):
    viewport = page.view.viewport()
    start = page.view.mapFromScene(card.pos() + QPointF(30, 80))
    QTest.mouseMove(viewport, start)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + QPointF(6 * i, 4 * i).toPoint())
    return start + QPointF(6 * steps, 4 * steps).toPoint()


def test_a_drag_paints_only_what_moves_and_everything_comes_back_on_the_drop(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    card = next(c for c in scene.cards.values() if c.edges)
    view.set_zoom(1.0)  # part of the map out of sight
    view.centerOn(card)
    QTest.qWait(20)
    assert view.viewport().rect().contains(view.mapFromScene(card.pos() + QPointF(30, 80)))
    sight_rect = view.viewport().rect()
    other = next(c for c in scene.cards.values() if c is not card and not set(c.edges) & set(card.edges)
                 and sight_rect.contains(view.mapFromScene(c.pos())))
    edge = next(e for e in scene.edges.values() if card not in (e.source, e.target))
    edge.setSelected(True)  # a selected line that does not move keeps its selection
    card.setSelected(True)
    end = press_and_move(page, card)
    assert view.still.active
    assert other.opacity() == 0.0 and card.opacity() == 1.0
    assert all(e.opacity() == 1.0 and e.isVisible() for e in card.edges)
    # what is in sight and stays is in the picture; what is out of sight is left alone
    # (it is not painted, and a scroll ends the picture)
    sight = view.mapToScene(view.viewport().rect()).boundingRect()
    moving = {card, *card.edges, *(e.label_item for e in card.edges)}
    in_sight = [c for c in scene.cards.values()
                if c not in moving and c.sceneBoundingRect().intersects(sight)]
    out_of_sight = [c for c in scene.cards.values() if not c.sceneBoundingRect().intersects(sight)]
    assert in_sight and out_of_sight
    assert all(c.opacity() == 0.0 for c in in_sight)
    assert all(c.opacity() == 1.0 for c in out_of_sight)
    before = card.edges[0].line
    QTest.mouseMove(view.viewport(), end + QPointF(10, 0).toPoint())
    assert card.edges[0].line != before  # its lines follow every step
    assert edge.isSelected()
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       end + QPointF(10, 0).toPoint())
    QTest.qWait(20)
    assert not view.still.active
    assert all(item.opacity() == 1.0 for item in scene.items() if item.parentItem() is None)
    assert edge.isSelected() and card.isSelected()
    assert page.context.document.undo_stack.canUndo()


def test_scrolling_during_a_drag_shows_everything_again(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    card = next(iter(scene.cards.values()))
    view.centerOn(card)
    QTest.qWait(20)
    assert view.viewport().rect().contains(view.mapFromScene(card.pos() + QPointF(30, 80)))
    card.setSelected(True)
    end = press_and_move(page, card)
    assert view.still.active
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
    assert not view.still.active
    assert all(item.opacity() == 1.0 for item in scene.items() if item.parentItem() is None)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_dragged_lines_are_drawn_with_the_picture_and_are_exact_after_the_drop(big_map):
    """On a big map the dragged cards' lines follow each step drawn with the picture (their
    items are not told: no repaint region, no label move per line); on the drop every line,
    its bounds and its label are what a line computed afresh gives, labels show again."""
    from accountmap.canvas.accountmap.items import EdgeItem

    window, page = big_map
    scene, view = page.scene, page.view
    card = max(scene.cards.values(), key=lambda c: len(c.edges))
    view.centerOn(card)
    QTest.qWait(20)
    card.setSelected(True)
    end = press_and_move(page, card)
    assert view.still.active
    assert all(e.drawn_by_picture for e in card.edges)
    labels = [e.label_item for e in card.edges if e.label_item is not None]
    assert all(label.opacity() == 0.0 for label in labels)  # back on the drop
    before = [e.line for e in card.edges]
    QTest.mouseMove(view.viewport(), end + QPointF(10, 0).toPoint())
    assert all(e.line != b for e, b in zip(card.edges, before))  # the lines follow
    view.viewport().grab()  # painted with the picture: no error
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       end + QPointF(10, 0).toPoint())
    QTest.qWait(20)
    assert not view.still.active
    for edge in card.edges:
        assert not edge.drawn_by_picture and not edge.followed
        fresh = EdgeItem(edge.relationship, edge.source, edge.target)
        fresh.offset, fresh.bends, fresh.routed_for = edge.offset, list(edge.bends), edge.routed_for
        fresh._label_t, fresh._label_free = edge._label_t, edge._label_free
        fresh.update_geometry()
        assert edge.line == fresh.line and edge.boundingRect() == fresh.boundingRect()
        if edge.label_item is not None:
            assert edge.label_item.pos() == fresh.label_item.pos()
            assert edge.label_item.isVisible() == fresh.label_item.isVisible()
            assert edge.label_item.opacity() == 1.0
