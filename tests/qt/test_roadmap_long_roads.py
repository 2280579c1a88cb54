"""Long roads: "Fit" shows what can be read (the stretch around "now"), "Whole road" draws
titles large, the overview in the corner takes you anywhere with a click, and the status
line elides with the whole text in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from accountmap.canvas.roadmap.scene import NODES
from accountmap.storage.workspace_file import WorkspaceFile
from tests.qt.demo_window import open_on_page


def long_road_window(qtbot, tmp_path):
    from accountmap.app.application import make_application
    from accountmap.canvas.roadmap.page import RoadmapPage
    from tests.samples.roadmap import sample_account

    make_application("en")
    path = tmp_path / "long.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([sample_account()])
    return open_on_page(qtbot, path, RoadmapPage)


def visible(page):
    return page.view.mapToScene(page.view.viewport().rect()).boundingRect()


def test_fit_on_a_long_road_shows_a_readable_stretch_around_now(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    assert len(page.scene.roadmap.nodes) >= 40
    page.view.set_zoom(0.2)
    page.act_fit.trigger()
    assert page.view.zoom >= 0.55  # node titles read
    active = page.scene.position.active_ids[0]
    here = page.scene.items_by_key[(NODES, active)].sceneBoundingRect()
    shown = visible(page)
    assert shown.contains(here)
    inside = [i for i in page.scene.node_items() if shown.intersects(i.sceneBoundingRect())]
    assert len(inside) >= 3  # the way there and the way on, not one node
    page.act_whole_road.trigger()
    assert visible(page).contains(page.scene.itemsBoundingRect())


def test_the_overview_frames_what_is_seen_and_a_click_goes_there(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    overview = page.view.overview
    page.act_fit.trigger()
    assert overview.isVisible()
    vp = page.view.viewport()
    corner = overview.mapTo(page.view, overview.rect().topRight())
    assert corner.x() <= vp.geometry().right() and overview.y() >= vp.y()
    last = max(page.scene.node_items(), key=lambda i: i.sceneBoundingRect().right())
    target = overview.to_overview(last.sceneBoundingRect().center())
    assert not visible(page).contains(last.sceneBoundingRect().center())
    QTest.mouseClick(overview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     target.toPoint())
    assert visible(page).contains(last.sceneBoundingRect().center())
    frame_left = overview.to_overview(visible(page).topLeft()).x()
    assert frame_left > overview.width() / 2  # the frame moved to the end of the road
    image = overview.grab().toImage()
    assert image.pixelColor(int(target.x()), int(target.y())).name() != "#ffffff"


def test_a_pan_paints_the_view_once_and_the_overview_with_it(qtbot, tmp_path):
    from PySide6.QtCore import QEvent, QObject

    window, page = long_road_window(qtbot, tmp_path)
    page.view.set_zoom(1.0)
    qtbot.wait(10)
    viewport, overview = page.view.viewport(), page.view.overview
    painted = []

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    spy = Paints()
    viewport.installEventFilter(spy)
    overview.installEventFilter(spy)
    bar = page.view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    qtbot.wait(10)
    painted.clear()
    bar.setValue(bar.value() + viewport.width() // 3)
    qtbot.wait(10)
    # the overview's frame follows the view; the viewport is not painted a second time
    # for the translucent overview on top of it
    assert painted.count(overview) >= 1
    assert painted.count(viewport) == 1

def test_far_out_nodes_draw_titles_large(qtbot, tmp_path):
    from accountmap.canvas.roadmap.items.node import FAR_ZOOM

    window, page = long_road_window(qtbot, tmp_path)
    page.act_whole_road.trigger()
    assert page.view.zoom < FAR_ZOOM
    painted = []
    item = page.scene.node_items()[3]
    original = type(item)._paint_far
    type(item)._paint_far = lambda self, *a: painted.append(self) or original(self, *a)
    try:
        page.view.viewport().repaint()
    finally:
        type(item)._paint_far = original
    assert painted


def test_the_status_line_elides_with_the_whole_text_in_its_tooltip(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    label = page.header.active_label
    window.resize(900, 700)
    QTest.qWait(20)
    text = label.text()
    assert text.startswith("Now:")
    assert label.is_elided()
    assert label.shown_text().endswith("…") and label.toolTip() == text
