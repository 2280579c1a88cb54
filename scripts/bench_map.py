"""Benchmark of the account map (not a test): build time of the scene for 300 people and
400 relationships, and the cost of one mouse-move step while dragging 50 selected cards.

    .venv/bin/python scripts/bench_map.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from map_sample import sample_account, write_workspace  # noqa: E402


def main() -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from accountmap.app.application import make_application
    from accountmap.app.context import AccountContext
    from accountmap.canvas.accountmap.page import AccountMapPage
    from accountmap.canvas.accountmap.scene import AccountMapScene
    from accountmap.document.editor import Editor
    from accountmap.document.workspace_document import WorkspaceDocument

    app = make_application("ru")
    folder = Path(tempfile.mkdtemp())
    path = write_workspace(folder / "bench.accountmap", [sample_account(300, 400, centres=10, seed=3)])
    doc = WorkspaceDocument.open(path)
    editor = Editor(doc)
    account_id = doc.account_ids()[0]
    t0 = time.perf_counter()
    doc.account(account_id)
    load_ms = (time.perf_counter() - t0) * 1000
    context = AccountContext(doc, editor, account_id)
    builds = []
    for _ in range(7):
        t0 = time.perf_counter()
        scene = AccountMapScene(context)
        builds.append((time.perf_counter() - t0) * 1000)
        scene.deleteLater()
    app.processEvents()
    t0 = time.perf_counter()
    page = AccountMapPage(context)
    page.resize(1400, 900)
    page.show()
    app.processEvents()
    page_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    page.view.viewport().repaint()
    paint_ms = (time.perf_counter() - t0) * 1000
    # drag 50 selected cards with real mouse events on the viewport
    view = page.view
    view.set_zoom(0.5)
    cards = list(page.scene.cards.values())[:50]
    for card in cards:
        card.setSelected(True)
    view.centerOn(cards[0])
    app.processEvents()
    start = view.mapFromScene(cards[0].sceneBoundingRect().center())
    before = {c.entity_id: (c.person.x, c.person.y) for c in cards}
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = []
    for i in range(1, 61):
        t0 = time.perf_counter()
        QTest.mouseMove(vp, start + QPoint(i * 3, i * 2))
        vp.repaint()
        steps.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(180, 120))
    release_ms = (time.perf_counter() - t0) * 1000
    account = doc.account(account_id)
    moved = sum(1 for c in cards if (account.stakeholder(c.entity_id).x, account.stakeholder(c.entity_id).y)
                != before[c.entity_id])
    t0 = time.perf_counter()
    doc.undo_stack.undo()
    undo_ms = (time.perf_counter() - t0) * 1000
    print(f"account: 300 people, 400 relationships, 10 centres ({len(page.scene.items_by_key)} entity items)")
    print(f"load account from file:      {load_ms:7.1f} ms")
    print(f"build scene (median of 7):   {statistics.median(builds):7.1f} ms  (min {min(builds):.1f}, max {max(builds):.1f})")
    print(f"build + show whole page:     {page_ms:7.1f} ms")
    print(f"repaint viewport (zoom fit): {paint_ms:7.1f} ms")
    print(f"drag 50 cards, per step:     median {statistics.median(steps):.1f} ms, max {max(steps):.1f} ms (incl. repaint)")
    print(f"drop (one undo step, write): {release_ms:7.1f} ms; undo {undo_ms:.1f} ms; cards moved: {moved}/50")
    doc.close()


if __name__ == "__main__":
    main()
