"""The fast paths of a drag on a big map (drag_freeze.py, dragged_lines.py): the scene keeps
its BSP index while the picture is up (only the dragged cards move in Qt); the dragged
lines follow in one loop, exactly where EdgeItem would put them; a dashed line is cut to
what is repainted without moving its dashes; what is painted mid-drag shows the lines at
the cards."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtTest import QTest

from accountmap.canvas.accountmap.dragged_lines import DraggedLines
from accountmap.domain.vocabulary import RelationshipKind
from tests.qt.test_map_drag_freeze import big_map, press_and_move  # noqa: F401 - a fixture


def _release(page, end) -> None:
    QTest.mouseRelease(page.view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)
    QTest.qWait(20)


def _busiest_pair(scene):
    """A card with many lines and a neighbour of it (a line with both ends dragged)."""
    card = max(scene.cards.values(), key=lambda c: len(c.edges))
    edge = card.edges[0]
    return card, edge.target if edge.source is card else edge.source


def _drag(page, card, *others, steps=None):
    """Select `card` (and `others`), centre the view on it, press on it and move: the end point."""
    page.view.centerOn(card)
    QTest.qWait(20)
    for item in (card, *others):
        item.setSelected(True)
    return press_and_move(page, card, **({} if steps is None else {"steps": steps}))


def test_a_drag_with_the_picture_keeps_the_index_and_finds_the_cards_where_they_are(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    card, other = _busiest_pair(scene)
    end = _drag(page, card, other)
    assert view.still.active and scene.dragging
    assert scene.itemIndexMethod() == scene.ItemIndexMethod.BspTreeIndex
    inside = card.pos() + QPointF(20, 20)  # where the card is now, not where it was
    assert scene.card_at(inside) is card
    _release(page, end)
    assert not scene.dragging and scene.itemIndexMethod() == scene.ItemIndexMethod.BspTreeIndex
    assert scene.card_at(card.pos() + QPointF(20, 20)) is card


def test_a_drag_that_loses_its_picture_goes_on_without_the_index(big_map):
    """A scroll mid-drag ends the picture: the lines move in Qt again, each step, and the
    index is off until the drop (as on a small map); the drop puts it back."""
    window, page = big_map
    scene, view = page.scene, page.view
    card, other = _busiest_pair(scene)
    end = _drag(page, card)
    assert view.still.active
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
    assert not view.still.active and scene.dragging
    assert scene.itemIndexMethod() == scene.ItemIndexMethod.NoIndex
    QTest.mouseMove(view.viewport(), end + QPointF(10, 5).toPoint())
    for edge in card.edges:  # told to Qt at once: bounds and all
        assert not edge.drawn_by_picture and not edge.followed
        sp, tp = edge.source.pos(), edge.target.pos()
        assert edge.line == QLineF(*edge._straight(sp.x(), sp.y(), tp.x(), tp.y()))
    _release(page, end + QPointF(10, 5).toPoint())
    assert scene.itemIndexMethod() == scene.ItemIndexMethod.BspTreeIndex


def test_the_dragged_lines_are_where_edge_items_put_them_at_every_step(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    card, other = _busiest_pair(scene)
    for i, edge in enumerate(card.edges):  # lines beside others between the same two people
        edge.offset = (0.0, 12.0, -12.0)[i % 3]
        edge.update_geometry()
    end = _drag(page, card, other)
    assert view.still.active
    edges = {*card.edges, *other.edges}
    assert all(e.drawn_by_picture for e in edges)
    for step in range(1, 4):
        QTest.mouseMove(view.viewport(), end + QPointF(7 * step, -5 * step).toPoint())
        for edge in edges:
            sp, tp = edge.source.pos(), edge.target.pos()
            assert edge.line == QLineF(*edge._straight(sp.x(), sp.y(), tp.x(), tp.y()))
            assert edge.followed
    _release(page, end + QPointF(21, -15).toPoint())


def _conflict_edge(scene):
    """A line drawn as a conflict (dashed, no arrow head)."""
    edge = next(iter(scene.edges.values()))
    edge.relationship = edge.relationship.model_copy(update={"kind": RelationshipKind.CONFLICT})
    edge._pen = None
    return edge


def test_a_dashed_line_cut_to_the_repainted_part_keeps_its_dashes(big_map):
    """DraggedLines.draw cuts a dashed line to the exposed rect (with the dash offset);
    the pixels there are those of the whole line drawn by Qt."""
    window, page = big_map
    edge = _conflict_edge(page.scene)
    assert edge.pen().style() == Qt.PenStyle.DashLine and not edge.has_arrow()
    edge.drawn_by_picture = True
    try:
        a = QPointF(10, 20)
        b = QPointF(2400, 1310)  # long: most of it off the repainted part
        edge.line = QLineF(a, b)
        lines = DraggedLines([edge])
        lines._coords[0] = (a.x(), a.y(), b.x(), b.y())
        exposed = QRectF(700, 300, 300, 250)  # scene coordinates, at zoom 0.5
        transform = QTransform.fromScale(0.5, 0.5)

        def picture(draw) -> QImage:
            image = QImage(1300, 700, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setTransform(transform)
            draw(painter)
            painter.end()
            return image.copy(transform.mapRect(exposed).toRect())

        cut = picture(lambda p: lines.draw(p, exposed))
        whole = picture(lambda p: (p.setPen(edge._pen), p.drawLine(edge.line)))
        differing = sum(cut.pixel(x, y) != whole.pixel(x, y)
                        for x in range(cut.width()) for y in range(cut.height()))
        inked = sum(whole.pixel(x, y) != QColor("white").rgba()
                    for x in range(whole.width()) for y in range(whole.height()))
        assert inked > 50  # the line crosses the part
        assert differing <= inked * 0.02
    finally:
        edge.drawn_by_picture = False
        edge.update_geometry()


def test_what_is_painted_mid_drag_shows_the_lines_at_the_cards(big_map):
    """Mid-drag the dragged cards' lines are painted where the cards are now: at the middle
    of each solid line in sight (clear of every card) the grab has the line's colour."""
    window, page = big_map
    scene, view = page.scene, page.view
    view.set_zoom(1.0)
    card, other = _busiest_pair(scene)
    end = _drag(page, card)
    QTest.mouseMove(view.viewport(), end + QPointF(40, 25).toPoint())
    assert view.still.active
    image = view.viewport().grab().toImage()
    boxes = [c.sceneBoundingRect().adjusted(-4, -4, 4, 4) for c in scene.cards.values()]
    labels = [e.label_item.sceneBoundingRect() for e in scene.edges.values()
              if e.label_item is not None and e.label_item.opacity() > 0 and e.label_item.isVisible()]
    checked = matched = 0
    sight = view.viewport().rect().adjusted(2, 2, -2, -2)
    for edge in card.edges:
        if edge._pen.style() != Qt.PenStyle.SolidLine:
            continue
        want = edge._pen.color()
        for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            point = edge.line.pointAt(t)
            at = view.mapFromScene(point)
            if any(box.contains(point) for box in boxes + labels) or not sight.contains(at):
                continue
            checked += 1
            # the line may be a pixel off the exact point: look around it
            near = [QColor(image.pixel(at.x() + dx, at.y() + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
            if any(abs(c.red() - want.red()) + abs(c.green() - want.green())
                   + abs(c.blue() - want.blue()) < 40 for c in near):
                matched += 1
    assert checked >= 5
    assert matched >= checked * 0.9  # (another dragged line may cross one of them)
    _release(page, end + QPointF(40, 25).toPoint())


def test_the_frame_a_card_would_drop_into_is_outlined_mid_drag(big_map):
    """The dashed outline of the drop frame is drawn into a copy of the picture once per
    frame (not at every step): the grab shows it along the frame's border."""
    from accountmap.canvas.accountmap.items.drawing import SELECTED

    window, page = big_map
    scene, view = page.scene, page.view
    card = next(c for c in scene.cards.values() if c.person.decision_centre_id)
    frame = scene.centres[card.person.decision_centre_id]
    end = _drag(page, card, steps=2)
    assert view.still.active and scene._drop_centre is frame

    def bluish(image, x, y) -> bool:
        colour = QColor(image.pixel(x, y))
        return colour.blue() - colour.red() > 80  # the outline (antialiased): #4c8ad5 or so

    def outlined_pixels() -> int:
        """Points of the frame's border (in sight) blue in the grab, not in the picture."""
        image = view.viewport().grab().toImage()
        picture = view.still.pixmap.toImage()
        rect = frame.rect_in_scene()
        sides = (QLineF(rect.topLeft(), rect.topRight()), QLineF(rect.topLeft(), rect.bottomLeft()),
                 QLineF(rect.topRight(), rect.bottomRight()), QLineF(rect.bottomLeft(), rect.bottomRight()))
        inside = view.viewport().rect().adjusted(1, 1, -1, -1)
        count = 0
        for side in sides:  # (clear of the rounded corners)
            for k in range(10, 391):
                at = view.mapFromScene(side.pointAt(k / 400))
                if not inside.contains(at):
                    continue
                near = [(at.x() + dx, at.y() + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
                count += any(bluish(image, x, y) and not bluish(picture, x, y) for x, y in near)
        return count

    assert outlined_pixels() >= 20
    _release(page, end)
    assert not view.still.active and view.still._outlined is None  # gone with the picture


def test_the_viewport_is_not_filled_under_the_picture_and_is_again_after_the_drop(big_map):
    window, page = big_map
    scene, view = page.scene, page.view
    viewport = view.viewport()
    before = viewport.autoFillBackground(), viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    card, _other = _busiest_pair(scene)
    end = _drag(page, card)
    assert view.still.active
    assert not viewport.autoFillBackground()
    assert viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    image = viewport.grab().toImage()  # the picture covers it all: nothing left unpainted
    assert image.size() == viewport.size()
    _release(page, end)
    assert (viewport.autoFillBackground(),
            viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)) == before


def frame_probe_points(scene) -> list[QPointF]:
    """Points in, on the borders of and outside each frame of `scene` (where frames
    overlap, too): to compare a frame lookup with `centre_at`."""
    points = []
    for frame in scene.centres.values():
        rect = frame.rect_in_scene()
        for fx in (-1.0, 0.0, 0.25, 0.5, 1.0, 1.0001):
            for fy in (-0.5, 0.0, 0.5, 1.0, 2.0):
                points.append(QPointF(rect.left() + rect.width() * fx, rect.top() + rect.height() * fy))
    return points


def test_the_drop_frame_found_mid_drag_is_the_one_centre_at_finds(big_map):
    """_drop_frame_at (frames as float boxes taken at the drag's start) agrees with
    centre_at everywhere: inside, on the borders, outside, where frames overlap."""
    window, page = big_map
    scene, view = page.scene, page.view
    card, _other = _busiest_pair(scene)
    end = _drag(page, card)
    assert scene._frame_boxes
    points = frame_probe_points(scene) + [card.centre_point(), QPointF(-1e6, 0)]
    assert all(scene._drop_frame_at(p) is scene.centre_at(p) for p in points)
    assert sum(scene.centre_at(p) is not None for p in points) > len(points) // 4
    _release(page, end)
    assert not scene._frame_boxes


def test_a_step_gathers_for_the_paint_what_drawing_from_the_lines_draws(big_map, monkeypatch):
    """The lines in sight are gathered by the step that moves them (`follow`): the paint
    draws those, the same pixels as the lines drawn one by one from where they are; a
    step makes no QLineF (`edge.line` is made when asked)."""
    from accountmap.canvas.accountmap import dragged_lines
    from accountmap.canvas.accountmap.items.edge import FOLLOWS_CARDS

    window, page = big_map
    scene, view = page.scene, page.view
    card, other = _busiest_pair(scene)
    dashed = card.edges[-1]  # a conflict (dashed) and a selected line among them
    dashed.relationship = dashed.relationship.model_copy(update={"kind": RelationshipKind.CONFLICT})
    dashed._pen = None
    card.edges[0].setSelected(True)
    end = _drag(page, card, other)
    QTest.mouseMove(view.viewport(), end + QPointF(9, 4).toPoint())
    lines = view.still._lines
    assert lines._shapes is not None
    edges = {*card.edges, *other.edges}
    assert all(edge._line is FOLLOWS_CARDS for edge in edges)  # no QLineF made by the step
    for edge in edges:
        sp, tp = edge.source.pos(), edge.target.pos()
        assert edge.line == QLineF(*edge._straight(sp.x(), sp.y(), tp.x(), tp.y()))
    exposed = view.mapToScene(view.viewport().rect()).boundingRect()
    added = []
    real_add = dragged_lines._Shapes.add
    monkeypatch.setattr(dragged_lines._Shapes, "add",
                        lambda shapes, lines: real_add(shapes, [added.append(ln[0]) or ln for ln in lines]))

    def painted() -> QImage:
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setTransform(view.viewportTransform())
        lines.draw(painter, exposed)
        painter.end()
        return image

    gathered = painted()
    assert not added  # what the step gathered
    lines._shapes = None
    one_by_one = painted()
    assert added and card.edges[0] in added and dashed in added
    assert gathered == one_by_one
    everything = lines._gather((-1e9, -1e9, 1e9, 1e9), False)  # nothing left out, nothing cut
    lines._shapes = everything
    whole = painted()
    differing = sum(whole.pixel(x, y) != gathered.pixel(x, y)
                    for x in range(whole.width()) for y in range(whole.height()))
    assert differing <= 20  # (a dash cut may round a pixel differently)
    # arrow heads off the box are left out (out of sight), not those in it
    left, top, right, bottom = lines._box
    tips = [(h.elementAt(k).x, h.elementAt(k).y) for h in everything.heads.values()
            for k in range(0, h.elementCount(), 4)]
    kept = [(h.elementAt(k).x, h.elementAt(k).y) for h in lines._gather(lines._box, False).heads.values()
            for k in range(0, h.elementCount(), 4)]
    inside = [(x, y) for x, y in tips if left <= x <= right and top <= y <= bottom]
    assert sorted(kept) == sorted(inside) and len(inside) < len(tips)
    inked = sum(gathered.pixel(x, y) != QColor("white").rgba()
                for x in range(0, gathered.width(), 2) for y in range(0, gathered.height(), 2))
    assert inked > 100
    _release(page, end + QPointF(9, 4).toPoint())
    assert all(edge.line.__class__ is QLineF for edge in edges)


def test_lines_far_from_sight_are_placed_when_a_paint_reaches_them(big_map):
    """A step places only the lines near the view's part of the scene; a paint beyond it
    places the others where EdgeItem would; a line removed mid-drag keeps a QLineF."""
    from accountmap.canvas.accountmap.dragged_lines import OFF
    from accountmap.canvas.accountmap.items.edge import FOLLOWS_CARDS

    window, page = big_map
    scene, view = page.scene, page.view
    view.set_zoom(1.0)
    card, other = _busiest_pair(scene)
    end = _drag(page, card, other)
    lines = view.still._lines
    assert OFF in lines._coords  # out of sight: not placed by the step
    removed = next(e for e in lines.edges if e.label_item is None or e.label_item.scene() is None)
    scene.removeItem(removed)
    QTest.mouseMove(view.viewport(), end + QPointF(5, 3).toPoint())
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setTransform(view.viewportTransform())
    lines.draw(painter, scene.itemsBoundingRect().adjusted(-500, -500, 500, 500))
    painter.end()
    for edge, coords in zip(lines.edges, lines._coords):
        if edge is removed:
            continue
        sp, tp = edge.source.pos(), edge.target.pos()
        assert coords == edge._straight(sp.x(), sp.y(), tp.x(), tp.y()) == edge.line.toTuple()
    _release(page, end + QPointF(5, 3).toPoint())
    assert removed._line is not FOLLOWS_CARDS and isinstance(removed.line, QLineF)
    assert all(isinstance(edge._line, QLineF) for edge in lines.edges)
