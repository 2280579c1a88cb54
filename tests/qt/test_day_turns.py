"""A window left open past midnight shows the new day: the midnight timer asks the clock,
and overdue marks, days in the active checkpoint and stale contacts are redrawn; a status
set after midnight stamps the new day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtTest import QTest

from accountmap.app.main_window import MainWindow
from accountmap.app.midnight import LONGEST_WAIT_S, MidnightTimer
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.roadmap.page import RoadmapPage
from accountmap.canvas.roadmap.scene import NODES
from accountmap.domain import clock
from accountmap.domain.models import Account, Roadmap, RoadmapEdge, RoadmapNode, Stakeholder
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.storage.workspace_file import WorkspaceFile

EVENING = dt.date(2028, 2, 28)  # the next day is a leap day
NEXT_DAY = dt.date(2028, 2, 29)


def make_workspace(path):
    nodes = [
        RoadmapNode(id="s", kind=NodeKind.START, title="Старт", status=CheckpointStatus.DONE),
        RoadmapNode(id="poc", kind=NodeKind.CHECKPOINT, title="Пилот на стане 5",
                    status=CheckpointStatus.ACTIVE, activated_on=EVENING - dt.timedelta(days=2),
                    due=EVENING),  # due today: not overdue yet
        RoadmapNode(id="w", kind=NodeKind.WON, title="Договор"),
    ]
    edges = [RoadmapEdge(id="e1", from_id="s", to_id="poc"), RoadmapEdge(id="e2", from_id="poc", to_id="w")]
    account = Account(
        id="a1", name="АО «Уральский завод трубных систем»", roadmap=Roadmap(nodes=nodes, edges=edges),
        stakeholders=[Stakeholder(id="p1", full_name="Константинопольский Александр Владимирович",
                                  last_contact=EVENING - dt.timedelta(days=30))])  # 30 days: not stale yet
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])


def page_of(window, kind):
    for index, page in enumerate(window.pages):
        if isinstance(page, kind):
            window.tabs.setCurrentIndex(index)
            return page
    raise AssertionError(kind)


@pytest.fixture
def window(tmp_path, qtbot):
    clock.pin(EVENING)
    make_workspace(tmp_path / "w.accountmap")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(tmp_path / "w.accountmap")
    window.select_account("a1")
    window.show()
    assert QTest.qWaitForWindowExposed(window)
    yield window
    window.close()


def test_overdue_and_days_in_checkpoint_follow_the_day(window):
    page = page_of(window, RoadmapPage)
    assert page.scene.overdue_ids == set() and not page.scene.item_for(NODES, "poc").overdue
    assert "2 day(s)" in page.header.active_label.text()
    assert not page.header.overdue_label.isVisibleTo(page)
    assert window.midnight.check() is False  # the same day: nothing to redraw

    clock.pin(NEXT_DAY)  # the clock passes midnight while the window is open
    assert window.midnight.check() is True
    assert page.scene.overdue_ids == {"poc"} and page.scene.item_for(NODES, "poc").overdue
    assert "3 day(s)" in page.header.active_label.text()
    assert page.header.overdue_label.isVisibleTo(page)


def test_stale_contact_marks_follow_the_day(window):
    page = page_of(window, AccountMapPage)
    card = page.scene.cards["p1"]
    assert not card.stale
    clock.pin(NEXT_DAY)
    window.midnight.check()
    assert card.stale and "31" in card.stale_text


def test_a_status_set_after_midnight_stamps_the_new_day(window):
    page = page_of(window, RoadmapPage)
    clock.pin(NEXT_DAY)  # the window was built yesterday; the clock is asked at the click
    page.panel.set_target(NODES, "w")
    index = page.panel.status_combo.findData("active")
    page.panel.status_combo.setCurrentIndex(index)
    page.panel.status_combo.activated.emit(index)
    assert window.document.account("a1").node("w").activated_on == NEXT_DAY


def test_the_timer_wakes_just_after_midnight_and_at_least_hourly(qtbot):
    clock.pin(EVENING)
    timer = MidnightTimer()
    assert 0 < timer.timer.interval() <= LONGEST_WAIT_S * 1000
    assert timer.timer.isSingleShot() and timer.timer.isActive()
    with qtbot.waitSignal(timer.dayChanged, timeout=1000):
        clock.pin(NEXT_DAY)
        timer.timer.start(1)  # as if the night had passed
    assert timer.day == NEXT_DAY and timer.timer.isActive()  # armed for the next night
    with qtbot.assertNotEmitted(timer.dayChanged):
        assert timer.check() is False
