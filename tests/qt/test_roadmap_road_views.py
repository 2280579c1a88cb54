"""The whole road folded so its titles read, and lanes by journey stage: clicked in the real
window on long roads (the sample's 45 steps, the demo's 50), as a KAM would."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from accountmap.canvas.roadmap.fitting import LEGIBLE_PIXELS, READABLE_ZOOM
from accountmap.canvas.roadmap.items.node import FAR_PIXELS, FAR_ZOOM
from accountmap.canvas.roadmap.scene import NODES
from tests.qt.demo_window import open_on_page
from tests.qt.test_roadmap_long_roads import long_road_window, visible


def demo_window(qtbot, tmp_path, lang: str):
    """The demo workspace (its Russian account: 50 steps, each with a journey stage)."""
    from accountmap.app.application import make_application
    from accountmap.canvas.roadmap.page import RoadmapPage
    from accountmap.domain import clock
    from accountmap.storage.demo import write_demo

    make_application(lang)
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "demo.accountmap"
    write_demo(path, today=clock.today())
    return open_on_page(qtbot, path, RoadmapPage, size=(1600, 1000))


def click(page, action) -> None:
    button = page.toolbar.widgetForAction(action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def overlapping(items) -> list:
    rects = [(i.node_id, i.sceneBoundingRect().adjusted(6, 6, -6, -6)) for i in items]
    return [(a, b) for n, (a, ra) in enumerate(rects) for b, rb in rects[n + 1:]
            if ra.intersects(rb)]


def test_the_demo_road_folds_whole_and_readable_in_both_languages(qtbot, tmp_path):
    for lang in ("ru", "en"):
        window, page = demo_window(qtbot, tmp_path / lang, lang)
        nodes = page.scene.node_items()
        assert len(nodes) >= 45
        click(page, page.act_whole_road)
        zoom = page.view.zoom
        assert zoom < FAR_ZOOM and zoom * FAR_PIXELS >= LEGIBLE_PIXELS - 1e-6
        assert not overlapping(nodes)
        window.close()


def test_whole_road_shows_every_step_with_titles_that_read(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    window.resize(1600, 1000)
    QTest.qWait(20)
    nodes = page.scene.node_items()
    assert len(nodes) >= 40
    stored = {i.node_id: (i.node.x, i.node.y) for i in nodes}
    undo_index = page.context.document.undo_stack.index()
    click(page, page.act_whole_road)
    assert page.act_whole_road.isChecked()
    zoom = page.view.zoom
    # titles read: the near drawing at a readable zoom, or the far one (titles only) large
    assert zoom >= READABLE_ZOOM or (zoom < FAR_ZOOM and zoom * FAR_PIXELS >= LEGIBLE_PIXELS - 1e-6)
    shown = visible(page)
    assert all(shown.contains(i.sceneBoundingRect()) for i in nodes)  # all of it, no scrolling
    assert not overlapping(nodes)
    qtbot.waitUntil(lambda: not page.view.overview.isVisible())  # nothing hidden under it
    # a view, not an edit: no undo step, the file's positions unchanged, nodes stay put
    assert page.context.document.undo_stack.index() == undo_index
    assert {n.id: (n.x, n.y) for n in page.scene.roadmap.nodes} == stored
    item = nodes[10]
    before = item.pos()
    start = page.view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mousePress(page.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(page.view.viewport(), start + type(start)(60, 40))
    QTest.mouseRelease(page.view.viewport(), Qt.MouseButton.LeftButton,
                       pos=start + type(start)(60, 40))
    assert item.pos() == before and page.context.document.undo_stack.index() == undo_index
    # double-click a step: back to the road as it stands, at a readable zoom, that step in view
    target = nodes[30]
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(target.sceneBoundingRect().center()))
    assert not page.act_whole_road.isChecked()
    assert target.pos().x() == target.node.x and target.pos().y() == target.node.y
    assert page.view.zoom >= READABLE_ZOOM
    assert visible(page).contains(target.sceneBoundingRect().center())


def test_fit_leaves_the_whole_road_and_shows_now(qtbot, tmp_path):
    window, page = long_road_window(qtbot, tmp_path)
    click(page, page.act_whole_road)
    click(page, page.act_fit)
    assert not page.act_whole_road.isChecked()
    assert page.view.zoom >= READABLE_ZOOM
    active = page.scene.items_by_key[(NODES, page.scene.position.active_ids[0])]
    assert active.pos().x() == active.node.x
    assert visible(page).contains(active.sceneBoundingRect())


def test_lanes_by_stage_are_a_remembered_view_with_translated_names(qtbot, tmp_path):
    window, page = demo_window(qtbot, tmp_path, "ru")
    assert not page.act_lanes.isChecked()
    roadmap = page.scene.roadmap
    stages = [s.id for s in page.context.document.settings.journey_framework.stations]
    undo_index = page.context.document.undo_stack.index()
    click(page, page.act_lanes)
    assert page.act_lanes.isChecked()
    lanes = page.scene.arrangement.lanes
    assert len(lanes) >= 3
    order = [stages.index(lane.stage_id) for lane in lanes if lane.stage_id in stages]
    assert order == sorted(order)
    for node in roadmap.nodes:
        if node.journey_stage in stages:
            rect = page.scene.items_by_key[(NODES, node.id)].sceneBoundingRect()
            lane = next(lane for lane in lanes if lane.stage_id == node.journey_stage)
            assert lane.top <= rect.top() + 6 and rect.bottom() - 6 <= lane.bottom
    assert not overlapping(page.scene.node_items())
    assert page.context.document.undo_stack.index() == undo_index  # a view: nothing stored
    assert [(n.x, n.y) for n in page.scene.roadmap.nodes] == [(n.x, n.y) for n in roadmap.nodes]
    assert page.view.lane_name(lanes[0].stage_id) == \
        page.context.document.settings.journey_framework.station(lanes[0].stage_id).name("ru")
    assert page.view.lane_name(None) == "Этап не указан"
    assert QSettings().value("roadmap/lanes") == "true"
    # the whole road folds with its lanes
    click(page, page.act_whole_road)
    assert not overlapping(page.scene.node_items())
    click(page, page.act_whole_road)
    click(page, page.act_lanes)
    assert all(i.pos().x() == i.node.x and i.pos().y() == i.node.y
               for i in page.scene.node_items())
    assert QSettings().value("roadmap/lanes") == "false"


def test_lanes_are_remembered_for_the_next_window(qtbot, tmp_path):
    QSettings().setValue("roadmap/lanes", "true")
    window, page = demo_window(qtbot, tmp_path, "en")
    assert page.act_lanes.isChecked() and page.scene.arrangement.lanes
