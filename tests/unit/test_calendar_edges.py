"""The date rules across the calendar's edges: a leap day (2028-02-29), a month end, a year
end. Overdue means due before today; days in a checkpoint count every calendar day since it
was activated; the next meeting is the first dated today or later."""

from __future__ import annotations

import datetime as dt

import pytest

from accountmap.briefing.meeting_brief import next_meeting
from accountmap.domain import clock
from accountmap.domain.account_rules import is_contact_stale
from accountmap.domain.models import Account, Meeting, Roadmap, RoadmapEdge, RoadmapNode, Stakeholder
from accountmap.domain.portfolio import summarise
from accountmap.domain.roadmap_rules import days_in_checkpoint, overdue_nodes

D = dt.date


def account(activated: dt.date, due: dt.date, meetings: list[dt.date]) -> Account:
    road = Roadmap(
        nodes=[RoadmapNode(id="s", kind="start", status="done"),
               RoadmapNode(id="cp", title="Пилот", status="active", activated_on=activated, due=due),
               RoadmapNode(id="w", kind="won")],
        edges=[RoadmapEdge(from_id="s", to_id="cp"), RoadmapEdge(from_id="cp", to_id="w")])
    return Account(name="Клиент", roadmap=road,
                   meetings=[Meeting(id=f"m{i}", date=d) for i, d in enumerate(meetings)])


# (activated, due, today, days in checkpoint, overdue?)
EDGES = [
    # a leap day
    (D(2028, 2, 27), D(2028, 2, 29), D(2028, 2, 28), 1, False),
    (D(2028, 2, 27), D(2028, 2, 29), D(2028, 2, 29), 2, False),  # due today: not yet overdue
    (D(2028, 2, 27), D(2028, 2, 29), D(2028, 3, 1), 3, True),    # Feb 29 counts
    (D(2028, 2, 29), D(2028, 3, 1), D(2029, 2, 28), 365, True),  # no Feb 29 a year on
    (D(2028, 2, 29), D(2029, 3, 1), D(2029, 3, 1), 366, False),
    # a February without one, and month ends
    (D(2027, 2, 28), D(2027, 2, 28), D(2027, 3, 1), 1, True),
    (D(2027, 4, 30), D(2027, 5, 31), D(2027, 5, 31), 31, False),
    (D(2027, 4, 30), D(2027, 5, 31), D(2027, 6, 1), 32, True),
    # a year end
    (D(2026, 12, 31), D(2026, 12, 31), D(2026, 12, 31), 0, False),
    (D(2026, 12, 31), D(2026, 12, 31), D(2027, 1, 1), 1, True),
    (D(2026, 1, 1), D(2027, 1, 1), D(2026, 12, 31), 364, False),
    # activated in the future (a date typed ahead): never negative
    (D(2027, 1, 1), D(2027, 2, 1), D(2026, 12, 31), 0, False),
]


@pytest.mark.parametrize("activated, due, today, days, overdue", EDGES)
def test_days_in_checkpoint_and_overdue(activated, due, today, days, overdue):
    a = account(activated, due, [])
    node = a.node("cp")
    assert days_in_checkpoint(node, today) == days
    assert [n.id for n in overdue_nodes(a.roadmap, today)] == (["cp"] if overdue else [])
    with clock.pinned(today):  # what the portfolio shows as of the clock's day
        summary = summarise(a, clock.today())
    assert (summary.days_in_checkpoint, summary.overdue) == (days, int(overdue))


MEETINGS = [D(2026, 12, 31), D(2027, 1, 1), D(2027, 4, 30), D(2027, 5, 1),
            D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1)]


@pytest.mark.parametrize("today, expected", [
    (D(2026, 12, 30), D(2026, 12, 31)),
    (D(2026, 12, 31), D(2026, 12, 31)),  # a meeting today is the next one
    (D(2027, 1, 1), D(2027, 1, 1)),      # the year turned
    (D(2027, 4, 30), D(2027, 4, 30)),
    (D(2027, 5, 1), D(2027, 5, 1)),      # the month turned
    (D(2027, 5, 2), D(2028, 2, 28)),
    (D(2028, 2, 29), D(2028, 2, 29)),    # the leap day
    (D(2028, 3, 1), D(2028, 3, 1)),
    (D(2028, 3, 2), None),
])
def test_next_meeting_across_the_edges(today, expected):
    meeting = next_meeting(account(D(2026, 1, 1), D(2030, 1, 1), MEETINGS), today)
    assert (meeting.date if meeting else None) == expected


@pytest.mark.parametrize("last, today, stale", [
    (D(2028, 1, 30), D(2028, 2, 29), False),  # 30 days, across a leap day: not yet
    (D(2028, 1, 30), D(2028, 3, 1), True),
    (D(2026, 12, 1), D(2026, 12, 31), False),
    (D(2026, 12, 1), D(2027, 1, 1), True),    # the year turned on the 31st day
])
def test_stale_contact_across_the_edges(last, today, stale):
    assert is_contact_stale(Stakeholder(full_name="Иванов", last_contact=last), today, 30) is stale
