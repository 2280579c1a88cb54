"""The one clock: what day it is, asked at the moment of use.

Nothing else in AccountMap reads the system date (tests/unit/test_clock.py scans for it).
Domain rules and briefings take `today` as an argument; the app and the CLI ask `today()`
when they need the day, never once at start-up. The day can be set:

- `pin(day)` / `pinned(day)` in-process (tests pin every test by default, tests/conftest.py);
- the environment variable ACCOUNTMAP_TODAY=YYYY-MM-DD for a whole run of the app or the
  CLI (screenshots, rehearsing a review as of a given day; the tests' subprocesses).

No Qt, no I/O.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

ENVIRONMENT = "ACCOUNTMAP_TODAY"

_pinned: dt.date | None = None


class BadDay(ValueError):
    """A day that is not a real calendar date written as YYYY-MM-DD."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def parse_day(text: str) -> dt.date:
    """`YYYY-MM-DD` as a date; BadDay for anything else (2027-02-29, 2026-13-01, "")."""
    value = (text or "").strip()
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadDay(text) from None


def today() -> dt.date:
    """Today: the pinned day, else ACCOUNTMAP_TODAY, else the system's local date."""
    if _pinned is not None:
        return _pinned
    written = os.environ.get(ENVIRONMENT)
    if written:
        return parse_day(written)
    return dt.date.today()


def now_utc() -> dt.datetime:
    """The current moment in UTC, to the second: a timestamp (when a lock was taken), not a
    day the rules reason about, so pinning the day does not move it."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def now_local() -> dt.datetime:
    """The current local wall-clock moment (backup file names), to the second; not pinned."""
    return dt.datetime.now().replace(microsecond=0)


def seconds_until_midnight(moment: dt.datetime | None = None) -> float:
    """How long until the next local midnight (a day turns) from `moment` (default: now)."""
    moment = moment or dt.datetime.now()
    midnight = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time())
    return max(0.0, (midnight - moment).total_seconds())


def pin(day: dt.date | None) -> None:
    """From now on `today()` is `day` (None: the real day again)."""
    global _pinned
    if day is not None and not isinstance(day, dt.date):
        raise TypeError(f"pin() wants a date, not {type(day).__name__}")
    _pinned = day.date() if isinstance(day, dt.datetime) else day


def pinned_day() -> dt.date | None:
    return _pinned


@contextmanager
def pinned(day: dt.date) -> Iterator[dt.date]:
    """`with pinned(date(2028, 2, 29)):` today() is that day inside, as before after."""
    before = _pinned
    pin(day)
    try:
        yield day
    finally:
        pin(before)
