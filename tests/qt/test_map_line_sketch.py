"""Far out (every view below SKETCH_ZOOM) the lines of the map are drawn by one sketch item
(line_sketch.py), not each by its own Python paint: the same pixels, a line added, removed,
recoloured or moved far out is repainted where it was and is, a drag far out looks as it
did, clicks and tooltips still find the lines, nearer they paint themselves again, and the
fit measures the map as before."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QRegion
from PySide6.QtTest import QTest

from accountmap.canvas.accountmap.items import EdgeItem
from accountmap.canvas.accountmap.items.edge import SKETCH_ZOOM
from accountmap.canvas.common.view import MIN_ZOOM
from accountmap.domain.models import Relationship
from accountmap.domain.vocabulary import RelationshipKind
from tests.qt.test_map_drag_freeze import big_map, press_and_move  # noqa: F401 - a fixture
from tests.qt.test_map_drag_lines import _release

NO_CONTENTS = EdgeItem.GraphicsItemFlag.ItemHasNoContents


def _far(page) -> None:
    page.view.set_zoom(MIN_ZOOM)
    page.view.centerOn(page.scene.itemsBoundingRect().center())
    QTest.qWait(20)
    assert page.view.zoom < SKETCH_ZOOM


def _edge_paints(page) -> int:
    """How many times Qt called EdgeItem.paint for one repaint of the viewport."""
    code, calls = EdgeItem.paint.__code__, []

    def seen(frame, event, _arg) -> None:
        if event == "call" and frame.f_code is code:
            calls.append(1)

    sys.setprofile(seen)
    try:
        page.view.viewport().repaint()
    finally:
        sys.setprofile(None)
    return len(calls)


def _grab(page):
    return page.view.viewport().grab().toImage()


class _Repainted(QObject):
    """What the viewport repaints (Qt repaints only what it was told changed: a grab
    draws everything and would not show a part left stale)."""

    def __init__(self, page) -> None:
        super().__init__()
        self.view, self.region = page.view, QRegion()
        page.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.region = self.region.united(event.region())
        return False

    def covers(self, scene_rect: QRectF) -> bool:
        viewport = self.view.viewport().rect()
        rect = self.view.mapFromScene(scene_rect).boundingRect().intersected(viewport)
        return QRegion(rect).subtracted(self.region).isEmpty()


def _repainted(page, change) -> _Repainted:
    QTest.qWait(20)
    seen = _Repainted(page)
    change()
    QTest.qWait(30)
    page.view.viewport().removeEventFilter(seen)
    return seen


def _as_items_paint_it(page, monkeypatch):
    """The viewport as the lines' own items paint it (the sketch off meanwhile)."""
    scene = page.scene
    with monkeypatch.context() as patch:
        patch.setattr(scene, "lines_seen", lambda: None)  # not switched back on by a paint
        scene.sketch.switch(False)
        image = _grab(page)
        scene.sketch.switch(True)
    _grab(page)  # (what the sketch draws made again: a change after must be seen by it)
    return image


def test_far_out_one_sketch_paints_the_lines_as_their_items_did(big_map, monkeypatch):
    window, page = big_map
    scene = page.scene
    assert _edge_paints(page) > 0  # near: each line paints itself
    _far(page)
    assert scene.lines_sketched
    assert all(edge.flags() & NO_CONTENTS for edge in scene.edges.values())
    assert _edge_paints(page) == 0  # far out: no Python paint per line
    sketched = _grab(page)
    assert sketched == _as_items_paint_it(page, monkeypatch)
    scene.sketch.setVisible(False)  # the lines are in the picture: without it, none
    assert _grab(page) != sketched


def test_far_out_a_line_is_found_where_it_is_drawn_and_the_sketch_nowhere(big_map):
    """Hit-testing, selection and tooltips stay the lines' own."""
    window, page = big_map
    scene, view = page.scene, page.view
    _far(page)
    edge, at = next((edge, edge.line.pointAt(t)) for edge in scene.edges.values()
                    for t in (0.3, 0.5, 0.7) if scene.card_at(edge.line.pointAt(t)) is None)
    assert edge in scene.items(at) and scene.sketch not in scene.items(at)
    assert scene.entity_item_at(at) is edge
    under = [item for item in view.items(view.mapFromScene(at)) if item.toolTip()]
    assert under and under[0].toolTip() == edge.toolTip()


def test_nearer_again_the_lines_paint_themselves_and_the_sketch_counts_for_nothing(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    near = scene.itemsBoundingRect()
    _far(page)
    assert scene.items_rect() == near  # the fit measures the same map
    view.set_zoom(SKETCH_ZOOM * 1.5)
    assert not scene.lines_sketched and not scene.sketch.isVisible()
    assert not any(edge.flags() & NO_CONTENTS for edge in scene.edges.values())
    assert _edge_paints(page) > 0
    assert scene.itemsBoundingRect() == near


def test_a_zoom_not_made_by_set_zoom_switches_at_its_paint(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    view.scale(MIN_ZOOM / view.zoom, MIN_ZOOM / view.zoom)
    view.viewport().repaint()  # drawn right (each line itself), and the sketch comes next
    QTest.qWait(20)
    assert scene.lines_sketched and _edge_paints(page) == 0


def test_a_line_added_recoloured_or_removed_far_out_shows_as_it_would(big_map, monkeypatch):
    window, page = big_map
    scene, editor, aid = page.scene, window.editor, window.account_id
    _far(page)
    cards = sorted(scene.cards.values(), key=lambda c: (c.pos().x(), c.pos().y()))
    first, last = cards[0], cards[-1]  # a long new line across the map
    before = _grab(page)
    added: list = []
    seen = _repainted(page, lambda: added.append(editor.add(aid, "relationships", Relationship(
        from_id=first.entity_id, to_id=last.entity_id, kind=RelationshipKind.INFLUENCES))))
    edge = scene.edges[added[0]]
    assert edge.flags() & NO_CONTENTS and edge.sketch is scene.sketch
    assert seen.covers(edge.sceneBoundingRect())
    shown = _grab(page)
    assert shown != before and shown == _as_items_paint_it(page, monkeypatch)
    seen = _repainted(page, lambda: editor.update(aid, "relationships", added[0],
                                                  kind=RelationshipKind.CONFLICT))
    assert seen.covers(edge.sceneBoundingRect())
    recoloured = _grab(page)
    assert recoloured != shown and recoloured == _as_items_paint_it(page, monkeypatch)
    where = edge.sceneBoundingRect()
    seen = _repainted(page, lambda: editor.delete(aid, {"relationships": [added[0]]}))
    assert added[0] not in scene.edges and seen.covers(where)
    assert _grab(page) == before


def test_many_lines_moved_at_once_far_out_are_repainted_where_they_were_and_are(big_map, monkeypatch):
    window, page = big_map
    scene, editor, aid = page.scene, window.editor, window.account_id
    _far(page)
    people = window.document.account(aid).stakeholders
    # the people trade places (as Arrange moves them), and back: the second time the
    # sketch need not grow (that alone would repaint all of it)
    here = {("stakeholders", p.id): (p.x, p.y) for p in people}
    editor.move(aid, {key: place for key, place in zip(here, list(here.values())[::-1])})
    QTest.qWait(20)
    lines = {rid: edge.sceneBoundingRect() for rid, edge in scene.edges.items()}
    bounds = scene.sketch.sceneBoundingRect()
    seen = _repainted(page, lambda: editor.move(aid, here))
    assert scene.sketch.sceneBoundingRect() == bounds and len(lines) > 50
    for rid, edge in scene.edges.items():
        assert seen.covers(lines[rid]) and seen.covers(edge.sceneBoundingRect())
    assert _grab(page) == _as_items_paint_it(page, monkeypatch)


def test_the_sketch_grows_with_a_line_that_leaves_its_bounds_and_shrinks_for_the_fit(big_map):
    window, page = big_map
    scene, editor, aid = page.scene, window.editor, window.account_id
    _far(page)
    card = min(scene.cards.values(), key=lambda c: (c.pos().x(), c.pos().y()))
    x, y = card.pos().x(), card.pos().y()
    editor.move(aid, {("stakeholders", card.entity_id): (x - 3000, y - 2000)})
    QTest.qWait(20)
    sketch = scene.sketch.sceneBoundingRect()
    for edge in card.edges:  # every line inside the sketch's bounds: drawn
        assert sketch.contains(edge.sceneBoundingRect())
    editor.move(aid, {("stakeholders", card.entity_id): (x, y)})
    QTest.qWait(20)
    others = QRectF()
    for item in scene.items():
        if item is not scene.sketch:
            others = others.united(item.sceneBoundingRect())
    assert scene.items_rect() == others  # the fit does not see where the card was


def _drag_pictures(page, card):
    """The viewport mid-drag and after the drop of `card`."""
    view = page.view
    card.setSelected(True)
    end = press_and_move(page, card)
    assert view.still.active
    mid = _grab(page)
    _release(page, end)
    return mid, _grab(page)


def test_a_drag_far_out_looks_as_it_did(big_map, monkeypatch):
    window, page = big_map
    scene = page.scene
    _far(page)
    card = max(scene.cards.values(), key=lambda c: len(c.edges))
    sketched = _drag_pictures(page, card)
    assert scene.lines_sketched
    assert all(edge.flags() & NO_CONTENTS and not edge.drawn_by_picture for edge in scene.edges.values())
    window.editor.undo_stack.undo()
    QTest.qWait(20)
    monkeypatch.setattr(scene, "lines_seen", lambda: None)
    scene.sketch.switch(False)  # as before the sketch: each line paints itself
    card.setSelected(False)
    itself = _drag_pictures(page, card)
    assert sketched[0] == itself[0] and sketched[1] == itself[1]
