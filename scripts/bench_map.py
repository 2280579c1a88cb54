"""Account-map canvas rows of `scripts/bench` (issue 15: the map at scale; `--only map`).

Generated laid-out maps of 30, 300, 1,000 and 3,000 people (long Russian names, titles,
roles, labelled relationships), each opened in the full main window with every page; the
cards moved off the layout by hand (a jitter) so that "Arrange automatically" has work.
Each figure stands beside a floor measured in the same run, and the ratio:
- Arrange automatically (and its undo) until the event loop is idle, beside moving as many
  plain Qt items (a rectangle with a text child each) to new places in a plain scene shown
  in a view of the same size, repainted;
- the layout algorithm alone, per n·log n (flat when it is O(n log n));
- one step of a drag of 50 selected cards (real mouse events on the viewport, repainted),
  beside the same drag of 50 of as many plain rectangles + texts in a plain scene, in a
  view whose viewport is as large as the map's in the window (the same area repainted);
- the whole map painted far out (fitted), beside a plain scene of as many rects + texts.
"""

from __future__ import annotations

import math
import statistics
import time
from pathlib import Path

SIZES = (30, 300, 1000, 3000)
VIEW_SIZE = (1400, 900)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def map_account(people: int, seed: int = 5):
    """A laid-out map of `people` (scripts/map_sample.py), then moved off the layout."""
    from map_sample import sample_account  # scripts/map_sample.py

    centres = min(24, max(4, people // 25))
    account = sample_account(people, int(people * 1.3), centres=centres, seed=seed,
                             name=f"Карта на {people} человек")
    for i, person in enumerate(account.stakeholders):  # a KAM's hand: shifted a little
        person.x += ((i * 37) % 11 - 5) * 20
        person.y += ((i * 53) % 7 - 3) * 20
    return account


def settle(app) -> None:
    """Until the event loop is idle: posted events, repaints. (Not what `deleteLater` left:
    outside a running event loop that waits, and `_close` deletes its window itself.)"""
    for _ in range(3):
        app.sendPostedEvents()
        app.processEvents()


class PlainScene:
    """The floor: a plain QGraphicsScene with one rectangle (a text child on it) per card,
    shown in a QGraphicsView of the same size, same zoom."""

    def __init__(self, app, boxes: list[tuple[float, float]], names: list[str]) -> None:
        from PySide6.QtGui import QBrush, QColor
        from PySide6.QtWidgets import (
            QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView,
        )

        from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH

        self.app = app
        self.scene = QGraphicsScene()
        self.items = []
        for (x, y), name in zip(boxes, names):
            rect = QGraphicsRectItem(0, 0, CARD_WIDTH, CARD_HEIGHT)
            rect.setBrush(QBrush(QColor("#eef0f5")))
            rect.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                          | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            text = QGraphicsSimpleTextItem(name, rect)
            text.setPos(12, 8)
            rect.setPos(x, y)
            self.scene.addItem(rect)
            self.items.append(rect)
        self.view = QGraphicsView(self.scene)
        self.view.resize(*VIEW_SIZE)
        self.view.show()
        settle(app)

    def move_all(self, places: list[tuple[float, float]]) -> float:
        start = time.perf_counter()
        for item, (x, y) in zip(self.items, places):
            item.setPos(x, y)
        self.view.fitInView(self.scene.itemsBoundingRect())
        settle(self.app)
        return time.perf_counter() - start

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()
        settle(self.app)


def drag_steps(app, view, grab_at, steps: int = 40) -> list[float]:
    """Mouse steps of a drag from `grab_at` (viewport coordinates), each repainted."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab_at)
    times = []
    for i in range(1, steps + 1):
        began = time.perf_counter()
        QTest.mouseMove(viewport, grab_at + QPoint(i * 3, i * 2))
        viewport.repaint()
        times.append(time.perf_counter() - began)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       grab_at + QPoint(steps * 3, steps * 2))
    settle(app)
    return times


def _window(app, path: Path):
    from accountmap.app.main_window import MainWindow
    from accountmap.canvas.accountmap.page import AccountMapPage

    window = MainWindow()
    window.resize(*VIEW_SIZE)
    window.open_workspace(path)
    window.show()
    settle(app)
    page = next(p for p in window.pages if isinstance(p, AccountMapPage))
    window.tabs.setCurrentWidget(page)
    settle(app)
    return window, page


def _close(app, window) -> None:
    """The window closed and deleted, as the application's event loop deletes it (neither
    `sendPostedEvents()` nor `processEvents()` outside a running event loop deletes what
    `deleteLater` left: each closed window stayed, 54 widgets and ~158,000 Python objects,
    and Arrange at 3,000 people ran ~30 ms slower after three of them)."""
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    settle(app)
    app.sendPostedEvents(window, QEvent.Type.DeferredDelete)  # this window only


def bench_arrange(app, folder: Path, row, people: int) -> None:
    from map_sample import write_workspace

    from accountmap.layout.orgchart import layout_account_map

    account = map_account(people)
    path = write_workspace(folder / f"map{people}.accountmap", [account])
    window, page = _window(app, path)
    stack = page.context.editor.undo_stack
    before = [(s.x, s.y) for s in page.context.account.stakeholders]
    start = time.perf_counter()
    page.act_arrange.trigger()
    settle(app)
    arrange = time.perf_counter() - start
    after = [(s.x, s.y) for s in page.context.account.stakeholders]
    start = time.perf_counter()
    stack.undo()
    settle(app)
    undo = time.perf_counter() - start
    _close(app, window)

    names = [s.full_name for s in account.stakeholders]
    plain = PlainScene(app, before, names)
    plain.move_all(before)  # warm
    floor = min(plain.move_all(after), plain.move_all(before))
    plain.close()
    target = "≤ 300 ms" if people == 3000 else "—"

    def verdict(seconds: float) -> str:
        """Each row judged by its own figure (an undo under 300 ms said SLOW when its
        Arrange was over)."""
        return ("ok" if seconds <= 0.3 else "SLOW") if people == 3000 else ""

    row(f"map: Arrange automatically, {people} people, full window → idle", target,
        f"{_ms(arrange)} = {arrange / floor:.1f} × plain Qt items moved ({_ms(floor)})",
        verdict(arrange))
    row(f"map: its undo, {people} people → idle", target,
        f"{_ms(undo)} = {undo / floor:.1f} × plain", verdict(undo))
    times = [min(_timed(lambda: layout_account_map(account)) for _ in range(3))]
    per = times[0] / (people * math.log2(max(people, 2)))
    row(f"map: the layout algorithm alone, {people} people", "O(n log n)",
        f"{_ms(times[0])} = {per * 1e6:.2f} µs per n·log₂n")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_drag(app, folder: Path, row, people: int = 1000) -> None:
    from map_sample import sample_account, write_workspace

    account = sample_account(people, int(people * 1.3), centres=min(24, people // 25), seed=9,
                             name="Перетаскивание")
    path = write_workspace(folder / f"drag{people}.accountmap", [account])
    window, page = _window(app, path)
    view = page.view
    view.set_zoom(0.5)
    cards = sorted(page.scene.cards.values(), key=lambda c: (c.pos().y(), c.pos().x()))[:50]
    for card in cards:
        card.setSelected(True)
    view.centerOn(cards[0])
    settle(app)
    grab = view.mapFromScene(cards[0].sceneBoundingRect().center())
    ours = drag_steps(app, view, grab)
    # and the drag after it: its drop put the scene's index back (a new one; until
    # 2026-12-06 that index spanned no area and each step of every later drag took 2-4 x
    # the first)
    view.centerOn(cards[0])
    settle(app)
    again = drag_steps(app, view, view.mapFromScene(cards[0].sceneBoundingRect().center()))
    shown = view.viewport().size()  # the map's part of the window: what each step repaints
    _close(app, window)

    plain = PlainScene(app, [(s.x, s.y) for s in account.stakeholders],
                       [s.full_name for s in account.stakeholders])
    plain.view.resize(shown + (plain.view.size() - plain.view.viewport().size()))  # as large
    plain.view.scale(0.5, 0.5)
    chosen = sorted(plain.items, key=lambda r: (r.pos().y(), r.pos().x()))[:50]
    for item in chosen:
        item.setSelected(True)
    plain.view.centerOn(chosen[0])
    settle(app)
    floor = drag_steps(app, plain.view, plain.view.mapFromScene(chosen[0].sceneBoundingRect().center()))
    plain.close()
    b = statistics.median(floor)
    for name, steps in (("", ours), (", the next drag", again)):
        a = statistics.median(steps)
        row(f"map: drag step, 50 selected cards of {people} (zoom 0.5, repainted){name}",
            "≤ 2 × plain",
            f"median {_ms(a)} = {a / b:.2f} × plain Qt items ({_ms(b)}); max {_ms(max(steps))}",
            "ok" if a / b <= 2 else "SLOW")


def bench_far(app, folder: Path, row, people: int = 3000) -> None:
    """The whole map fitted in the window (far out): one full repaint."""
    from map_sample import sample_account, write_workspace

    account = sample_account(people, int(people * 1.3), centres=min(24, people // 25), seed=11,
                             name="Издалека")
    path = write_workspace(folder / f"far{people}.accountmap", [account])
    window, page = _window(app, path)
    page.zoom_fit()
    settle(app)
    viewport = page.view.viewport()
    ours = min(_timed(viewport.repaint) for _ in range(5))
    _close(app, window)
    plain = PlainScene(app, [(s.x, s.y) for s in account.stakeholders],
                       [s.full_name for s in account.stakeholders])
    plain.view.fitInView(plain.scene.itemsBoundingRect())
    settle(app)
    floor = min(_timed(plain.view.viewport().repaint) for _ in range(5))
    plain.close()
    row(f"map: whole map of {people} painted (fitted, far out)", "—",
        f"{_ms(ours)} = {ours / floor:.2f} × plain Qt items ({_ms(floor)})")


def bench_map(folder: Path, row, sizes=SIZES) -> None:
    from PySide6.QtWidgets import QApplication

    from accountmap.app.application import make_application

    app = QApplication.instance() or make_application("ru")
    for people in sizes:
        bench_arrange(app, folder, row, people)
    bench_drag(app, folder, row)
    bench_far(app, folder, row, max(sizes))
