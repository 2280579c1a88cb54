"""AfterFirstPaint (start-up): the callback runs once, after the widget's first paint, or
after the time limit when the widget never paints."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from accountmap.app.first_paint import AfterFirstPaint


def test_the_callback_runs_once_after_the_first_paint(qtbot):
    label = QLabel("Открывается…")
    qtbot.addWidget(label)
    seen = []
    painted = []
    AfterFirstPaint(label, lambda: seen.append(len(painted)))
    original = label.paintEvent
    label.paintEvent = lambda event: (painted.append(1), original(event))[1]
    assert seen == []
    label.show()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] >= 1  # after a paint
    label.repaint()
    qtbot.wait(20)
    assert len(seen) == 1  # once


def test_a_widget_that_never_paints_gets_the_callback_after_the_limit(qtbot):
    label = QLabel("never shown")
    qtbot.addWidget(label)
    seen = []
    AfterFirstPaint(label, lambda: seen.append(1), limit_ms=50)
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    qtbot.wait(60)
    assert seen == [1]
