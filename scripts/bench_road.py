"""Benchmark row (issue 15): a frame of zoom and pan on a 1,000-node road in the full main
window, beside a plain QGraphicsScene holding as many rectangles and texts (the floor), in
the same run and the same viewport size.

A frame is one step of a gesture followed by a synchronous repaint of the viewport: the
wheel's zoom steps (x1.15) from 100 % down to the far "whole road" zooms and back, then pan
steps of a third of the viewport along the road at 100 % and at 40 %. The figure is the
mean frame over the whole sequence (CPU time of the GUI thread, so that other processes on
a shared machine do not count), best of three sequences; the ratio to the floor is the
verdict.

    scripts/bench --only road
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

NODES = 1000
TARGET_RATIO = 3.0


def road_account():
    from accountmap.domain.models import Account
    from accountmap.layout.roadmap_layout import layout_roadmap
    from tests.samples.synthetic import synthetic_roadmap

    road = synthetic_roadmap(NODES, seed=15)
    road.nodes = road.nodes[:NODES]
    kept = {n.id for n in road.nodes}
    road.edges = [e for e in road.edges if e.from_id in kept and e.to_id in kept]
    positions = layout_roadmap(road)
    road.nodes = [n.model_copy(update={"x": positions[n.id][0], "y": positions[n.id][1],
                                       "title": f"Контрольная точка {i}: согласование этапа"})
                  for i, n in enumerate(road.nodes)]
    return Account(name="Длинная дорога (1000 шагов)", roadmap=road)


def gesture(view, centre) -> list:
    """The steps of the gesture: each a function that changes the view (one frame each)."""
    steps = []
    zoom = 1.0
    zooms = [1.0]
    while zoom > 0.1:
        zoom /= 1.15
        zooms.append(zoom)
    zooms += list(reversed(zooms))[1:]
    for z in zooms:
        steps.append(lambda z=z: (view.set_zoom(z), view.centerOn(centre)))
    for z in (1.0, 0.4):
        steps.append(lambda z=z: (view.set_zoom(z), view.centerOn(centre)))
        bar = view.horizontalScrollBar()
        for _ in range(20):
            steps.append(lambda bar=bar: bar.setValue(bar.value() + view.viewport().width() // 3))
    return steps


def frame_time(app, view, centre) -> float:
    """Mean CPU time of the GUI thread per frame over the gesture (painting offscreen is all
    on this thread): unlike wall time it leaves out the other processes of a shared, loaded
    machine; taken over the whole gesture because this clock ticks coarsely here."""
    viewport = view.viewport()
    steps = gesture(view, centre)
    app.processEvents()
    began = time.thread_time()
    for step in steps:
        step()
        viewport.repaint()
    spent = time.thread_time() - began
    app.processEvents()
    return spent / len(steps)


def plain_view(page_view, road):
    """The floor: a plain scene with a rectangle and a text per node, in a view of the same
    viewport size, antialiased like the roadmap's."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from accountmap.layout.roadmap_layout import node_size

    scene = QGraphicsScene()
    for node in road.nodes:
        w, h = node_size(node)
        scene.addRect(node.x, node.y, w, h)
        text = scene.addSimpleText(node.title)
        text.setPos(node.x + 8, node.y + 8)
    view = QGraphicsView(scene)
    view.floor_scene = scene  # the view does not own it: keep it alive
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    size = page_view.viewport().size()
    view.resize(size.width() + 2, size.height() + 2)
    view.show()

    def set_zoom(z: float) -> None:
        view.resetTransform()
        view.scale(z, z)

    view.set_zoom = set_zoom
    return view


def bench_road_frames(row) -> None:
    from PySide6.QtWidgets import QApplication

    from accountmap.app.application import make_application
    from accountmap.storage.workspace_file import WorkspaceFile

    app = QApplication.instance() or make_application("ru")
    account = road_account()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "road.accountmap"
        with WorkspaceFile.open(path, create=True) as wf:
            wf.add_accounts([account])
        from accountmap.app.main_window import MainWindow

        window = MainWindow()
        window.resize(1400, 900)
        window.open_workspace(path)
        window.show()
        page = next(p for p in window.pages if type(p).__name__ == "RoadmapPage")
        window.tabs.setCurrentWidget(page)
        for _ in range(5):
            app.processEvents()
        road = page.scene.roadmap
        centre = page.scene.itemsBoundingRect().center()
        floor_view = plain_view(page.view, road)
        app.processEvents()
        ours, floor = [], []
        for _ in range(3):  # interleaved: both see the same load
            ours.append(frame_time(app, page.view, centre))
            floor.append(frame_time(app, floor_view, centre))
        measured, base = min(ours), min(floor)
        ratio = measured / base
        row(f"roadmap zoom/pan frame: {len(road.nodes)} nodes, full window",
            f"≤ {TARGET_RATIO:.0f}× plain Qt items",
            f"{measured * 1000:.2f} ms vs plain {base * 1000:.2f} ms = {ratio:.1f}× "
            f"(mean frame, CPU time, best of 3)", "ok" if ratio <= TARGET_RATIO else "SLOW")
        floor_view.close()
        window.close()
        window.deleteLater()
        app.processEvents()
