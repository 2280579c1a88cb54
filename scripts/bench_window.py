"""Issue 15: the full main window, every page, on laid-out generated maps of 30, 300,
1,000 and 3,000 people: one edit → UI idle, a drop of 50 cards → UI idle, opening an
account → its map painted, quitting, start-up, memory. Each figure beside a floor measured
in the same run (a raw SQLite upsert, a plain QGraphicsScene with as many rects and texts,
a bare window) and the ratio. Called by scripts/bench.py (`--only window`).

"UI idle" = the gesture's call returned, every posted event and zero-timer it left was
handled, and the window repainted (offscreen, into its backing store).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

SIZES = (30, 300, 1000, 3000)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.1f} ms"


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank (of 20 values: the 19th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]


# ---------------------------------------------------------------------------- data
def laid_out_account(people: int, seed: int = 7):
    """A generated account of `people` people (≈ 1.33 relationships each, a 60-node road,
    open questions, meetings, touchpoints), its cards, frames and road's nodes where
    auto-layout puts them."""
    from accountmap.domain.models import (
        Meeting,
        OpenQuestion,
        Touchpoint,
    )
    from accountmap.layout.orgchart import layout_account_map
    from accountmap.layout.roadmap_layout import layout_roadmap
    from tests.samples.synthetic import add_relationships, synthetic_account, synthetic_roadmap

    account = synthetic_account(people, centres=max(3, min(40, people // 30)), seed=seed,
                                with_cycle=False)
    rng = random.Random(seed)
    ids = [s.id for s in account.stakeholders]
    add_relationships(account, people * 4 // 3, rng)
    account.roadmap = road = synthetic_roadmap(60, seed=seed)
    # the road where its auto-layout puts it, as a user's is (not 60 nodes stacked at 0,0)
    positions = layout_roadmap(road)
    for node in road.nodes:
        node.x, node.y = positions[node.id]
    day = dt.date(2026, 1, 1)
    account.open_questions = [
        OpenQuestion(id=f"q{i}", question=f"Вопрос {i}: кто утверждает бюджет?",
                     stakeholder_id=rng.choice(ids), due=day + dt.timedelta(days=i % 90))
        for i in range(max(3, people // 10))]
    account.meetings = [
        Meeting(id=f"m{i}", date=day + dt.timedelta(days=7 * i), goal=f"Встреча {i}",
                attendee_ids=rng.sample(ids, min(3, len(ids))))
        for i in range(20)]
    account.touchpoints = [
        Touchpoint(id=f"t{i}", date=day + dt.timedelta(days=i % 200),
                   stakeholder_ids=rng.sample(ids, min(2, len(ids))), summary=f"Касание {i}")
        for i in range(max(5, people // 5))]
    laid_out = layout_account_map(account)
    for person in account.stakeholders:
        if person.id in laid_out.cards:
            person.x, person.y = laid_out.cards[person.id]
    for centre in account.decision_centres:
        if centre.id in laid_out.centres:
            centre.x, centre.y, centre.width, centre.height = laid_out.centres[centre.id]
    account.id = f"acc{people}"
    account.name = f"Клиент на {people} человек"
    return account


def write_workspaces(folder: Path, sizes=SIZES) -> dict[int, Path]:
    """One workspace per size holding a small first account (what the window opens) and
    the big one, so that opening the big one is a user's click in the account list."""
    from accountmap.domain.models import Account, Stakeholder
    from accountmap.storage.workspace_file import WorkspaceFile

    paths = {}
    for people in sizes:
        path = folder / f"window{people}.accountmap"
        small = Account(id="first", name="Первый клиент",
                        stakeholders=[Stakeholder(id="s1", full_name="Анна Петрова")])
        with WorkspaceFile.open(path, create=True) as wf:
            wf.add_accounts([small, laid_out_account(people)])
        paths[people] = path
    return paths


# ---------------------------------------------------------------------------- idle
def settle(app) -> None:
    """Until the event loop is idle: posted events, zero-timers they start, and paints."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(3):
        app.sendPostedEvents()
        app.processEvents()
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def until_idle(app, gesture) -> float:
    start = time.perf_counter()
    gesture()
    settle(app)
    return time.perf_counter() - start


# ---------------------------------------------------------------------------- floors
def floor_upsert(folder: Path, rows: int = 1, runs: int = 30) -> float:
    """A raw SQLite upsert of `rows` rows in one transaction (WAL, synchronous=NORMAL, as
    the workspace file), best of `runs`."""
    import sqlite3

    conn = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    conn.execute("pragma journal_mode=wal")
    conn.execute("pragma synchronous=normal")
    conn.execute("create table if not exists t (id text primary key, data text)")
    times = []
    for run in range(runs):
        start = time.perf_counter()
        conn.execute("begin")
        for i in range(rows):
            conn.execute("insert into t values (?, ?) on conflict(id) do update set data=excluded.data",
                         (f"p{i}", f'{{"title": "Должность {run}"}}'))
        conn.execute("commit")
        times.append(time.perf_counter() - start)
    conn.close()
    return min(times)


class PlainScene:
    """The floor of a canvas: a plain QGraphicsScene with as many rectangles and texts as
    the map has cards, in a view of the window's size showing all of them (as the map
    page opens)."""

    def __init__(self, app, count: int) -> None:
        from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

        self.app = app
        self.count = count
        self.view = QGraphicsView()
        self.view.resize(1160, 800)
        self.scene = QGraphicsScene()
        self.view.setScene(self.scene)
        self.rects = []
        columns = max(1, int(count ** 0.5))
        for i in range(count):
            x, y = (i % columns) * 260, (i // columns) * 160
            rect = self.scene.addRect(0, 0, 220, 120)
            rect.setPos(x, y)
            rect.setFlag(rect.GraphicsItemFlag.ItemIsMovable)
            text = self.scene.addSimpleText(f"Person {i}")
            text.setParentItem(rect)
            text.setPos(8, 8)
            self.rects.append(rect)

    def build_and_paint(self) -> float:
        from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

        start = time.perf_counter()
        view = QGraphicsView()
        view.resize(1160, 800)
        scene = QGraphicsScene()
        view.setScene(scene)
        columns = max(1, int(self.count ** 0.5))
        for i in range(self.count):
            rect = scene.addRect(0, 0, 220, 120)
            rect.setPos((i % columns) * 260, (i // columns) * 160)
            text = scene.addSimpleText(f"Person {i}")
            text.setParentItem(rect)
            text.setPos(8, 8)
        view.show()
        view.fitInView(scene.itemsBoundingRect())  # the whole map, as the page opens it
        view.viewport().repaint()
        settle(self.app)
        took = time.perf_counter() - start
        view.close()
        view.deleteLater()
        return took

    def move_fifty(self, dx: float) -> float:
        self.view.show()
        self.view.fitInView(self.scene.itemsBoundingRect())
        settle(self.app)
        start = time.perf_counter()
        for rect in self.rects[:50]:
            rect.moveBy(dx, 0)
        self.view.viewport().repaint()
        settle(self.app)
        return time.perf_counter() - start

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()
        settle(self.app)


# ---------------------------------------------------------------------------- the window
def _visit_every_page(app, window) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(app)
    window.tabs.setCurrentIndex(0)
    settle(app)


def _edits(app, window, account_id: str, runs: int) -> dict[str, list[float]]:
    """Each kind of edit `runs` times (different rows, a new value each), with the map
    shown and every page built."""
    editor = window.editor
    account = window.document.account(account_id)
    rng = random.Random(11)
    people = [s.id for s in account.stakeholders]
    relationships = [r.id for r in account.relationships]
    questions = [q.id for q in account.open_questions]
    checkpoints = [n.id for n in account.roadmap.nodes if n.kind == "checkpoint"]
    stamp = int(time.time())
    kinds = {
        "person": lambda n: editor.update(account_id, "stakeholders", rng.choice(people),
                                          title=f"Должность {stamp}-{n}"),
        "relationship": lambda n: editor.update(account_id, "relationships",
                                                rng.choice(relationships),
                                                label=f"Совместный пилот {stamp}-{n}"),
        "question": lambda n: editor.update(account_id, "open_questions", rng.choice(questions),
                                            question=f"Кто подписывает? {stamp}-{n}"),
        "checkpoint": lambda n: editor.update(account_id, "roadmap_nodes", rng.choice(checkpoints),
                                              title=f"Контрольная точка {stamp}-{n}"),
    }
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for n in range(runs):
        for kind, edit in kinds.items():
            times[kind].append(until_idle(app, lambda: edit(n)))
    return times


def _drops(app, window, runs: int) -> list[float]:
    """50 selected cards dragged with the mouse on the map's viewport; the time from the
    release (one undo step written, every page told) until the UI is idle."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    page = window.tabs.widget(0)
    view, scene = page.view, page.scene
    times = []
    cards = list(scene.cards.values())
    for run in range(runs):
        scene.clearSelection()
        chosen = cards[run * 50 % max(1, len(cards) - 50):][:50]
        for card in chosen:
            card.setSelected(True)
        view.centerOn(chosen[0])
        settle(app)
        viewport = view.viewport()
        start = view.mapFromScene(chosen[0].sceneBoundingRect().center())
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for i in range(1, 6):
            QTest.mouseMove(viewport, start + QPoint(i * 8, i * 4))
        settle(app)
        times.append(until_idle(app, lambda: QTest.mouseRelease(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
            start + QPoint(40, 20))))
    return times


def bench_sizes(folder: Path, row, paths: dict[int, Path], runs: int = 20) -> None:
    from accountmap.app.application import make_application
    from accountmap.app.main_window import MainWindow

    app = make_application("ru")
    sizes = tuple(paths)
    upsert = floor_upsert(folder)
    upsert50 = floor_upsert(folder, rows=50)
    row("window floor: one raw SQLite upsert (WAL, synchronous=NORMAL)", "—", ms(upsert))
    targets = {"edit": {300: 0.016, 3000: 0.050}, "drop": {300: 0.030, 3000: 0.100}}
    for people in sizes:
        window = MainWindow()
        window.resize(1400, 900)
        window.show()
        settle(app)
        window.open_workspace(paths[people])
        settle(app)
        account_id = f"acc{people}"
        opened = until_idle(app, lambda: window.select_account(account_id))
        plain = PlainScene(app, people)
        floor_open = plain.build_and_paint()
        target = "≤ 1 s" if people == 3000 else "—"
        row(f"window {people:>5} people: open the account → map painted", target,
            f"{ms(opened)} = {opened / floor_open:.1f} × a plain scene built+painted "
            f"({ms(floor_open)})", (("ok" if opened <= 1.0 else "SLOW") if people == 3000 else ""))
        _visit_every_page(app, window)
        edits = _edits(app, window, account_id, runs)
        limit = targets["edit"].get(people)
        for kind, values in edits.items():
            worst = p95(values)
            row(f"window {people:>5} people: edit a {kind} → UI idle",
                f"p95 ≤ {limit * 1000:.0f} ms" if limit else "—",
                f"p95 {ms(worst)}, median {ms(statistics.median(values))} ({len(values)} edits) "
                f"= {worst / upsert:.0f} × an upsert",
                ("ok" if worst <= limit else "SLOW") if limit else "")
        drops = _drops(app, window, max(5, runs // 2))
        floor_drop = min(plain.move_fifty(4) for _ in range(5)) + upsert50
        limit = targets["drop"].get(people)
        worst = p95(drops)
        row(f"window {people:>5} people: drop 50 cards → UI idle",
            f"≤ {limit * 1000:.0f} ms" if limit else "—",
            f"p95 {ms(worst)}, median {ms(statistics.median(drops))} ({len(drops)} drops) = "
            f"{worst / floor_drop:.1f} × 50 plain rects moved+painted and 50 upserts "
            f"({ms(floor_drop)})", ("ok" if worst <= limit else "SLOW") if limit else "")
        plain.close()
        window.close()
        window.deleteLater()
        settle(app)


# ---------------------------------------------------------------------------- processes
from bench_child import PEAK  # noqa: E402 - scripts/bench_child.py

BARE_PAINTED = PEAK + """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1400, 900)
label = QLabel("AccountMap"); w.setCentralWidget(label)
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("startup: window painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
painted = Painted(); label.installEventFilter(painted)
w.show()
app.exec()
print_peak()
"""

# The main window on a workspace: open its big account, build every page, report the
# time and the memory, then quit the way a user does (close the window) and end the
# process as `accountmap open` does: the parent times that from "quitting" to its exit.
WINDOW_CHILD = PEAK + """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from PySide6.QtCore import QTimer
from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from bench_window import settle
app = make_application("ru")
window = MainWindow(); window.resize(1400, 900); window.show(); settle(app)
window.open_workspace(Path(sys.argv[1])); settle(app)
start = time.perf_counter()
window.select_account(sys.argv[2]); settle(app)
print("opened", time.perf_counter() - start, flush=True)
if sys.argv[3] == "every page":
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index); settle(app)
    window.tabs.setCurrentIndex(0); settle(app)
print_peak()
print("quitting", flush=True)
QTimer.singleShot(0, window.close)
app.exec()
from accountmap.app.application import end_process
end_process(0)  # as `accountmap open` ends
"""


def _child(args: list[str]) -> tuple[dict[str, float], float, float]:
    """Lines "name value" a child prints, seconds from its "quitting" (or start) to its
    exit, and its peak memory (MiB)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACCOUNTMAP_TRACE_STARTUP": "1"}
    began = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    marks: dict[str, float] = {}
    quitting = None
    for line in proc.stdout:
        name, _, value = line.strip().rpartition(" ")
        if line.startswith("startup: "):
            marks[line.strip()[9:]] = time.perf_counter() - began
        elif line.strip() == "quitting":
            quitting = time.perf_counter()
        elif name:
            marks[name] = float(value)
    _, _, usage = os.wait4(proc.pid, 0)
    ended = time.perf_counter()
    return marks, ended - (quitting or began), marks.get("peak", usage.ru_maxrss / 1024)


# The same bare window, painted once the stack the domain is written in is imported:
# pydantic alone, then the domain's models too (what any account on screen needs first).
_STACK = "import os\nos.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n{}\n"
BARE_WITH_PYDANTIC = _STACK.format("from pydantic import BaseModel, Field") + BARE_PAINTED
BARE_WITH_MODELS = _STACK.format("import accountmap.domain.models") + BARE_PAINTED


def bench_startup_painted(demo: Path, row, runs: int) -> None:
    """Start-up to the demo account's map painted, beside a bare PySide6 window painted
    (and, for the record, the bare window painted after importing pydantic, and after
    importing the domain's models)."""
    bare, pydantic, models, ours = [], [], [], []
    for _ in range(runs):  # interleaved, so all see the same load on the machine
        bare.append(_child([sys.executable, "-c", BARE_PAINTED])[0]["window painted"])
        pydantic.append(_child([sys.executable, "-c", BARE_WITH_PYDANTIC])[0]["window painted"])
        models.append(_child([sys.executable, "-c", BARE_WITH_MODELS])[0]["window painted"])
        marks = _child([sys.executable, "-m", "accountmap", "open", str(demo),
                        "--quit-after-show"])[0]
        ours.append(marks["account painted"])
    b, o = statistics.median(bare), statistics.median(ours)
    row("start-up: bare PySide6 window painted", "—", f"{ms(b)} (median of {runs})")
    for what, times in (("pydantic imported first", pydantic),
                        ("the domain's models imported first", models)):
        m = statistics.median(times)
        row(f"start-up: the same bare window, {what}", "—", f"{ms(m)} = {m / b:.2f} × bare")
    row("start-up: demo account's map painted", "≤ 2 × bare painted",
        f"{ms(o)} = {o / b:.2f} × bare", "ok" if o / b <= 2 else "SLOW")


def bench_open_quit_memory(paths: dict[int, Path], row) -> None:
    here = str(Path(__file__).resolve().parent)
    _, _, bare_memory = _child([sys.executable, "-c", BARE_PAINTED])
    for people, path in paths.items():
        marks, quit_time, memory = _child([sys.executable, "-c", WINDOW_CHILD, str(path),
                                           f"acc{people}", "every page", here])
        big = people == 3000
        row(f"window {people:>5} people: quit with every page built (close → process ended)",
            "≤ 0.5 s" if big else "—", ms(quit_time),
            ("ok" if quit_time <= 0.5 else "SLOW") if big else "")
        row(f"window {people:>5} people: peak memory, every page built",
            "≤ 2.5 × bare" if people == 1000 else "—",
            f"{memory:.0f} MiB = {memory / bare_memory:.2f} × a bare window ({bare_memory:.0f} MiB)",
            ("ok" if memory / bare_memory <= 2.5 else "SLOW") if people == 1000 else "")


def bench_window(folder: Path, row, runs: int = 5, sizes=SIZES) -> None:
    from accountmap.storage.demo import write_demo

    demo = folder / "window-demo.accountmap"
    write_demo(demo)
    bench_startup_painted(demo, row, runs)
    paths = write_workspaces(folder, sizes)
    bench_open_quit_memory(paths, row)
    bench_sizes(folder, row, paths)
