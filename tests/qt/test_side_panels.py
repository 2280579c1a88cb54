"""Side panels never cut their content on the right: long names end with "…" (the whole
text in the tooltip) and the form scrolls down, not sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget

from accountmap.canvas.roadmap.scene import NODES
from accountmap.domain.models import ExitCriterion, Stakeholder
from tests.qt.test_roadmap_canvas import build_branching_road, opened, select  # noqa: F401

LONG_NAME = "Константинопольская-Верхнеднепровская Александра Вениаминовна"
LONG_TITLE = "Заместитель генерального директора по информационным технологиям и цифровизации"


def test_the_roadmap_panel_fits_long_names_and_criteria(opened, qtbot):
    page, doc, editor, aid, path, people, shown = opened
    n, e = build_branching_road(page)
    pid = editor.add(aid, "stakeholders", Stakeholder(full_name=LONG_NAME, title=LONG_TITLE))
    editor.update(aid, NODES, n["a"], "setup", stakeholder_ids=[pid, people[0]], exit_criteria=[
        ExitCriterion(text="Согласованотехническоезаданиесовсемиподразделениямизаказчика" * 2).model_dump()])
    page.splitter.setSizes([1300 - 360, 360])
    select(page, NODES, n["a"])
    qtbot.wait(20)
    scroll = page.panel.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    viewport = scroll.viewport()
    assert scroll.widget().width() <= viewport.width()
    for child in scroll.widget().findChildren(QWidget):
        if child.isVisibleTo(scroll.widget()) and child.width() > 0:
            right = child.mapTo(viewport, child.rect().topRight()).x()
            assert right <= viewport.width(), (type(child).__name__, right, viewport.width())
    button = page.panel.person_buttons[pid]
    assert button.text().endswith("…") and LONG_NAME in button.toolTip()
