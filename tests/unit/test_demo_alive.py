"""The demo never ages: written on any day, its story's now is that day. Every date moves
by the same number of days (offsets kept): the next meeting is still three days ahead, the
active checkpoint a few days in and not yet due, the history behind."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel

from accountmap import cli
from accountmap.briefing.meeting_brief import next_meeting
from accountmap.storage.demo import load_demo, move_text_dates, story_now
from accountmap.domain import clock
from accountmap.domain.roadmap_rules import days_in_checkpoint, overdue_nodes, position_on_road
from accountmap.storage.workspace_file import WorkspaceFile

STORY_NOW = dt.date(2026, 11, 23)
DAYS = [
    dt.date(2028, 2, 29),   # a leap day
    dt.date(2027, 3, 1),    # the day after a February without one
    dt.date(2026, 12, 31),  # a year end
    dt.date(2027, 4, 30),   # a month end
    dt.date(2031, 7, 14),   # years ahead
    dt.date(2026, 11, 23),  # the day it was written for
]


def dates_of(value, path=""):
    """(path, date) of every date in a model, in order."""
    if isinstance(value, dt.date):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from dates_of(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from dates_of(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from dates_of(item, f"{path}[{key}]")


def test_the_shipped_story_states_its_now():
    assert story_now() == STORY_NOW


@pytest.mark.parametrize("day", DAYS)
def test_every_date_moves_by_the_same_days(day):
    written, moved = load_demo(), load_demo(as_of=day)
    before, after = list(dates_of(written)), list(dates_of(moved))
    assert len(before) == len(after) > 100
    assert [p for p, _ in before] == [p for p, _ in after]
    assert {b - a for (_, a), (_, b) in zip(before, after)} == {day - STORY_NOW}


@pytest.mark.parametrize("day", DAYS)
def test_the_story_is_alive_on_any_day(day):
    written, moved = load_demo(), load_demo(as_of=day)
    for was, account in zip(written.accounts, moved.accounts):
        meeting = next_meeting(account, day)
        assert meeting is not None and meeting.date > day
        assert meeting.date - day == next_meeting(was, STORY_NOW).date - STORY_NOW
        active = [account.node(i) for i in position_on_road(account.roadmap).active_ids]
        assert len(active) == 1
        assert active[0].activated_on < day < active[0].due
        assert days_in_checkpoint(active[0], day) == days_in_checkpoint(
            was.node(active[0].id), STORY_NOW) > 0
        assert all(e.date <= day for e in account.journey_history)
        assert [n.id for n in overdue_nodes(account.roadmap, day)] == \
            [n.id for n in overdue_nodes(was.roadmap, STORY_NOW)]
    uzts = moved.accounts[0]
    assert len(next_meeting(uzts, day).attendee_ids) >= 4


def test_dates_in_the_text_move_too():
    moved = load_demo(as_of=dt.date(2028, 2, 29))  # 463 days later
    meeting = next_meeting(moved.accounts[0], dt.date(2028, 2, 29))
    assert meeting.date == dt.date(2028, 3, 3)
    account = moved.accounts[0]
    assert account.notes.endswith("(встреча 03.03).")  # the meeting the notes speak of
    assert "Встреча назначена на 03.03." in [t.result for t in account.touchpoints]


@pytest.mark.parametrize("text, expected", [
    ("встреча 26.11.", "встреча 27.11."),
    ("договор от 20.07.2026, решение 31.12", "договор от 21.07.2026, решение 01.01"),
    ("1 238 остановок; v1.23.10.5; 12.34; 31.02; +7 343 210-10-01", None),  # not dates
])
def test_move_text_dates(text, expected):
    assert move_text_dates(text, dt.timedelta(days=1), STORY_NOW) == (expected or text)


def test_accountmap_demo_writes_the_story_as_of_the_pinned_today(tmp_path, capsys):
    clock.pin(dt.date(2028, 2, 29))
    path = tmp_path / "demo.accountmap"
    assert cli.main(["demo", str(path)]) == 0
    with WorkspaceFile.open(path, read_only=True) as wf:
        account = wf.load_account(wf.account_ids()[0])
    assert next_meeting(account, dt.date(2028, 2, 29)).date == dt.date(2028, 3, 3)


def test_accountmap_demo_as_of_a_day_and_a_bad_day(tmp_path, capsys):
    path = tmp_path / "demo.accountmap"
    assert cli.main(["demo", str(path), "--today", "2026-12-31"]) == 0
    with WorkspaceFile.open(path, read_only=True) as wf:
        account = wf.load_account(wf.account_ids()[0])
    assert next_meeting(account, dt.date(2026, 12, 31)).date == dt.date(2027, 1, 3)
    capsys.readouterr()
    assert cli.main(["demo", str(tmp_path / "b.accountmap"), "--today", "2027-02-29"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "2027-02-29" in err and "YYYY-MM-DD" in err
    assert not (tmp_path / "b.accountmap").exists()
