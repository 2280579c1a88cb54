"""The one clock (accountmap/domain/clock.py): nothing else reads the system date, tests
pin it, ACCOUNTMAP_TODAY sets it for a run, and a day that is not a date is refused."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from accountmap.domain import clock

ROOT = Path(__file__).resolve().parents[2]
CLOCK = ROOT / "accountmap" / "domain" / "clock.py"
# Ways to read the system's date or time of day (written as regexes, so this file does not
# match itself). Durations (time.monotonic, time.time) are not dates and stay allowed.
READERS = [
    r"\bdate\s*\.\s*today\b",
    r"\bdatetime\s*\.\s*(now|today|utcnow)\b",
    r"\bQDate\s*\.\s*currentDate\b",
    r"\bQDateTime\s*\.\s*(currentDateTime|currentDateTimeUtc|currentSecsSinceEpoch|currentMSecsSinceEpoch)\b",
    r"\btime\s*\.\s*(localtime|gmtime|ctime|asctime)\b",
    r"\btime\s*\.\s*strftime\s*\(\s*[\"'][^\"']*[\"']\s*\)",  # strftime without a time: now
    r"\bfrom\s+datetime\s+import\b[^\n]*\bdatetime\b",  # then datetime.now() hides as now()
]


def python_files():
    for folder in ("accountmap", "tests", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path != CLOCK and "__pycache__" not in path.parts:
                yield path


def test_no_module_outside_the_clock_reads_the_system_date():
    offenders = []
    for path in python_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if any(re.search(pattern, code) for pattern in READERS):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == [], "ask accountmap.domain.clock instead:\n" + "\n".join(offenders)


@pytest.mark.parametrize("line", [  # "·" keeps this file itself clean for the scan
    "    d = dt.date.to·day()", "x = datetime.datetime.n·ow(tz)", "QDate.current·Date()",
    "y = QDateTime.current·DateTime()", "stamp = time.strf·time('%Y')", "t = time.local·time()",
    "from datetime imp·ort date, datetime", "datetime.to·day ()", "date . to·day()",
])
def test_the_scan_sees_each_way_of_reading_the_date(line):
    line = line.replace("·", "")
    assert any(re.search(pattern, line) for pattern in READERS)


@pytest.mark.parametrize("line", [
    "clock.today()", "time.monotonic()", "time.strftime('%Y', parts)", "today = clock.today()",
    "from datetime import date", "value.strftime('%d.%m.%Y')", "self.today()",
])
def test_the_scan_leaves_other_code_alone(line):
    assert not any(re.search(pattern, line) for pattern in READERS)


def test_the_tests_run_on_a_pinned_day(today):
    assert clock.today() == today == clock.pinned_day()


def test_pinned_for_a_while_then_as_before():
    with clock.pinned(dt.date(2028, 2, 29)) as day:
        assert clock.today() == day == dt.date(2028, 2, 29)
        with clock.pinned(dt.date(2030, 12, 31)):
            assert clock.today() == dt.date(2030, 12, 31)
        assert clock.today() == dt.date(2028, 2, 29)
    assert clock.today() == dt.date(2026, 11, 23)


def test_a_datetime_pins_its_day_and_other_things_are_refused():
    clock.pin(dt.datetime(2029, 1, 1, 23, 59))
    assert clock.today() == dt.date(2029, 1, 1) and type(clock.today()) is dt.date
    with pytest.raises(TypeError):
        clock.pin("2029-01-01")


def test_the_environment_sets_the_day_of_a_run(monkeypatch):
    clock.pin(None)
    monkeypatch.setenv(clock.ENVIRONMENT, "2031-07-14")
    assert clock.today() == dt.date(2031, 7, 14)
    monkeypatch.setenv(clock.ENVIRONMENT, "2031-02-30")
    with pytest.raises(clock.BadDay):
        clock.today()


def test_unpinned_the_clock_is_the_system_date(monkeypatch):
    clock.pin(None)
    monkeypatch.delenv(clock.ENVIRONMENT)
    before = dt.datetime.fromtimestamp(time.time()).date()  # the system's day, another way
    assert clock.today() in (before, before + dt.timedelta(days=1))


@pytest.mark.parametrize("text, day", [
    ("2028-02-29", dt.date(2028, 2, 29)), (" 2026-12-31 ", dt.date(2026, 12, 31)),
])
def test_parse_day(text, day):
    assert clock.parse_day(text) == day


@pytest.mark.parametrize("text", ["", "2027-02-29", "2026-13-01", "31.12.2026", "2026-1-5",
                                  "tomorrow", "2026-12-31T10:00", "20261231"])
def test_parse_day_refuses_what_is_not_a_day(text):
    with pytest.raises(clock.BadDay) as info:
        clock.parse_day(text)
    assert info.value.text == text


@pytest.mark.parametrize("moment, seconds", [
    (dt.datetime(2026, 12, 31, 23, 59, 59), 1.0),       # a year turns
    (dt.datetime(2028, 2, 28, 12, 0), 12 * 3600.0),      # to the leap day
    (dt.datetime(2028, 2, 29, 0, 0), 24 * 3600.0),
    (dt.datetime(2027, 4, 30, 18, 30), 5.5 * 3600),      # a month end
])
def test_seconds_until_midnight(moment, seconds):
    assert clock.seconds_until_midnight(moment) == seconds
