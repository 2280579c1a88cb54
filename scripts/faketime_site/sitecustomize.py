"""Loaded (through PYTHONPATH) only by scripts/test-any-day, in every Python process of a
test run under faketime with the monotonic clock left real.

libfaketime 0.9.10 (Debian's) shifts the absolute deadline that Python 3.11's time.sleep()
passes to clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) even when the monotonic clock is
not faked, and the kernel refuses it (OSError: [Errno 22] Invalid argument). Sleeping in
select() instead involves no absolute deadline. Nothing in AccountMap depends on this file.
"""

import select
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    select.select([], [], [], seconds)


time.sleep = _sleep
