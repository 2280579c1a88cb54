"""What Qt draws for the roadmap without a Python call per frame (scripts/bench --only road):
a branch's line, arrow and selection glow are path items under its label, and a node's
connect handle is a path item; they look as the Python painting did."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from accountmap.canvas.roadmap.items import EDGE_COLOUR, PATH_COLOUR
from accountmap.canvas.roadmap.items.node import ConnectHandle
from tests.qt.test_roadmap_long_roads import long_road_window


def test_a_branch_is_its_parts_and_only_its_label_is_painted_in_python(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    edges = page.scene.edge_items()
    labelled = [e for e in edges if e.label_text]
    plain = [e for e in edges if not e.label_text]
    assert labelled and plain
    # Qt never calls paint() of an item without contents: a branch is its child items
    assert all(e.flags() & no_contents for e in edges)
    for edge in plain:
        assert edge._line.path() == edge.path and not edge._arrow.path().isEmpty()
        assert edge._line.isVisible() and edge._arrow.isVisible()
        assert edge._label is None  # made when a label is typed
    for edge in labelled:
        assert edge._label.isVisible()
        assert edge._label.boundingRect().contains(edge.label_rect)
    # a label typed on a plain branch is shown (and hidden again)
    edge = plain[0]
    edge.set_edge(edge.edge.model_copy(update={"outcome": "maybe"}), edge.source, edge.target)
    assert edge.label_text and edge._label.isVisible()
    assert edge._label.boundingRect().contains(edge.label_rect)
    edge.set_edge(edge.edge.model_copy(update={"outcome": ""}), edge.source, edge.target)
    assert not edge._label.isVisible() and edge._label.boundingRect().isEmpty()
    # the parts never widen the scene (fit, the overview and exports use its bounds)
    own = QRectF()
    for item in page.scene.items_by_key.values():
        own = own.united(item.sceneBoundingRect())
    for item in page.scene.node_items():
        own = own.united(item.handle.sceneBoundingRect())
    assert page.scene.itemsBoundingRect() == own


def test_a_branch_dresses_its_line_arrow_and_glow(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    edges = page.scene.edge_items()
    taken = next(e for e in edges if e.taken)
    other = next(e for e in edges if not (e.taken or e.chosen))
    assert taken._line.pen().color() == PATH_COLOUR and taken._line.pen().widthF() == 3.2
    assert taken._arrow.brush().color() == PATH_COLOUR
    assert other._line.pen().color() == EDGE_COLOUR and other._line.pen().widthF() == 1.6
    assert other._arrow.brush().color() == EDGE_COLOUR
    assert other._glow is None  # made when first selected
    other.setSelected(True)
    assert other._glow.isVisible() and other._glow.path() == other.path
    assert other._glow.pen().widthF() == 1.6 + 6
    assert other._glow.zValue() < other._line.zValue()  # under the line
    page.scene.clearSelection()
    assert not other._glow.isVisible()
    taken.setSelected(True)
    assert taken._glow.pen().widthF() == 3.2 + 6
    # the parts never take the mouse: a click on the line finds the branch
    mid = other.path.pointAtPercent(0.5)
    assert page.scene.item_at(mid) is other


def test_the_connect_handle_is_drawn_by_qt_and_lights_up_on_hover(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    assert "paint" not in vars(ConnectHandle)
    handle = page.scene.node_items()[0].handle
    assert handle.brush().color() == QColor("#ffffff")
    handle.hoverEnterEvent(None)
    assert handle.pen().color() == PATH_COLOUR and handle.brush().color() == QColor("#d8e6ff")
    assert handle._plus.pen().color() == PATH_COLOUR
    handle.hoverLeaveEvent(None)
    assert handle.pen().color() == QColor("#6b7588")
    assert page.scene.node_at(handle.scenePos()) is handle.node_item


def test_on_screen_nodes_and_loops_are_cached_a_file_scene_draws_vectors(qtbot, tmp_path):
    from accountmap.canvas.render import build_roadmap_scene

    window, page = long_road_window(qtbot, tmp_path)
    device = QGraphicsItem.CacheMode.DeviceCoordinateCache
    none = QGraphicsItem.CacheMode.NoCache
    nodes = page.scene.node_items()
    for item in nodes:  # a faded node is painted stroke by stroke at its opacity, as before
        assert item.cacheMode() == (none if item.faded else device)
    for edge in page.scene.edge_items():  # labels: as nodes
        if edge._label is not None:
            assert edge._label.cacheMode() == (none if edge.faded else device)
    loops = [e for e in page.scene.edge_items() if e.edge.loop]
    assert loops and all(e._line.cacheMode() == device for e in loops)
    assert all(e._line.cacheMode() == none for e in page.scene.edge_items() if not e.edge.loop)
    # a branch that leaves play (another outcome chosen) drops its pixmaps; undo: back
    scene = page.scene
    decision = next(n for n in scene.roadmap.nodes if n.kind == "decision"
                    and sum(e.from_id == n.id for e in scene.roadmap.edges) > 1)
    other = next(e for e in scene.roadmap.edges
                 if e.from_id == decision.id and e.id != decision.chosen_edge_id)
    scene.choose_outcome(decision.id, other.id)
    faded = [i for i in scene.node_items() if i.faded]
    assert faded and all(i.cacheMode() == none for i in faded)
    scene.context.document.undo_stack.undo()
    assert all(i.cacheMode() == device for i in faded if not i.faded)
    # what is drawn to a file (render, export) holds vectors and text: nothing cached
    scene = build_roadmap_scene(page.scene.context.document, page.scene.editor,
                                page.scene.account_id)
    assert not scene.cached
    assert all(i.cacheMode() == none for i in scene.node_items())
    assert all(e._line.cacheMode() == none for e in scene.edge_items())
    assert all(e._label.cacheMode() == none for e in scene.edge_items() if e._label is not None)


def test_the_grid_picture_is_the_hairline_grid(qtbot, tmp_path):
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QImage, QPainter, QPen, QPixmap

    from accountmap.canvas.common.view import BACKGROUND, GRID_LINE

    window, page = long_road_window(qtbot, tmp_path)
    view = page.view
    target = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    for zoom in (1.0, 1 / 1.15, 0.6, 0.43, 0.37, 1.5, 2.7):
        view.set_zoom(zoom)
        painter = QPainter(target)
        view._draw_grid(painter, QRectF(0, 0, 10, 10))
        painter.end()
        picture = view._grid_picture[1]
        step = view._grid_picture[0][0]
        drawn = QPixmap(picture.size())  # cosmetic hairlines, as the grid was drawn before
        drawn.fill(BACKGROUND)
        lines = QPainter(drawn)
        lines.setPen(QPen(GRID_LINE, 0))
        x = 0.0
        while x < drawn.width():
            lines.drawLine(QPointF(x, 0), QPointF(x, drawn.height()))
            x += step
        y = 0.0
        while y < drawn.height():
            lines.drawLine(QPointF(0, y), QPointF(drawn.width(), y))
            y += step
        lines.end()
        assert picture.toImage() == drawn.toImage(), zoom


def _differing_pixels(a, b) -> int:
    from PySide6.QtGui import QImage

    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    return sum(1 for y in range(0, a.height(), 2) for x in range(0, a.width(), 2)
               if abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness()) > 8)


def test_a_cached_node_shows_an_edit_at_once(qtbot, tmp_path):
    """The pixmap of a node is dropped when it changes: what the view shows after an edit is
    what it draws with no pixmaps at all."""
    window, page = long_road_window(qtbot, tmp_path)
    scene, view = page.scene, page.view
    item = next(i for i in scene.node_items() if i.kind == "checkpoint" and not i.faded)
    view.set_zoom(1.0)
    view.centerOn(item)
    view.viewport().repaint()  # the node's pixmap is made
    scene.editor.update(scene.account_id, "roadmap_nodes", item.node_id, "rename",
                        title="Совсем другое название", status="done")
    qtbot.wait(10)
    shown = view.viewport().grab().toImage()
    for node in scene.node_items():
        node.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    for edge in scene.edge_items():
        if edge._label is not None:
            edge._label.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        edge._line.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    drawn = view.viewport().grab().toImage()
    assert item.lines[0].startswith("Совсем")
    assert _differing_pixels(shown, drawn) == 0
